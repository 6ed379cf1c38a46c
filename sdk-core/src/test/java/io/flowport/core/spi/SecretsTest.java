package io.flowport.core.spi;

import static org.assertj.core.api.Assertions.assertThat;

import io.flowport.core.Operation;
import io.flowport.core.error.AuthenticationException;
import io.flowport.core.error.ErrorInfo;
import io.flowport.core.error.ErrorKind;
import io.flowport.core.error.WorkflowException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class SecretsTest {

  private static String printed(Throwable t) {
    StringWriter out = new StringWriter();
    t.printStackTrace(new PrintWriter(out));
    return out.toString();
  }

  @Test
  void aSecretIsMaskedAsGivenAndUrlEncoded() {
    Secrets secrets = Secrets.create();
    secrets.add("p@ss word&=1");
    String text = "sent p@ss word&=1, form " + URLEncoder.encode("p@ss word&=1", StandardCharsets.UTF_8)
        + ", query p%40ss%20word%26%3D1";
    assertThat(secrets.redact(text)).isEqualTo("sent ***, form ***, query ***");
  }

  @Test
  void aBasicHeaderValueMasksItsEncodedDecodedAndPasswordForms() {
    Secrets secrets = Secrets.create();
    String encoded = Base64.getEncoder().encodeToString("alice:open-sesame".getBytes(StandardCharsets.UTF_8));
    secrets.addHeader("Authorization", "Basic " + encoded);
    assertThat(secrets.redact("got Authorization: Basic " + encoded)).doesNotContain(encoded);
    assertThat(secrets.redact("user alice:open-sesame")).isEqualTo("user ***");
    assertThat(secrets.redact("password open-sesame rejected")).isEqualTo("password *** rejected");
  }

  @Test
  void aBearerHeaderMasksTheTokenAlone() {
    Secrets secrets = Secrets.create();
    secrets.addHeader("Authorization", "Bearer tok-123456");
    assertThat(secrets.redact("invalid token tok-123456")).isEqualTo("invalid token ***");
  }

  @Test
  void shortAndBlankValuesAreNotSecretsAndNullStaysNull() {
    Secrets secrets = Secrets.create();
    secrets.add("abc");
    secrets.add("   ");
    secrets.add(null);
    secrets.addHeader("Authorization", null);
    assertThat(secrets.isEmpty()).isTrue();
    assertThat(secrets.redact("abc")).isEqualTo("abc");
    assertThat(secrets.redact((String) null)).isNull();
  }

  @Test
  void headersThatNeverHoldASecretAreSkipped() {
    Secrets secrets = Secrets.create();
    secrets.addHeader("Date", "Thu, 03 Dec 2026 12:00:00 GMT");
    secrets.addHeader("x-obs-date", "Thu, 03 Dec 2026 12:00:00 GMT");
    secrets.addHeader("Content-Type", "application/json");
    assertThat(secrets.isEmpty()).isTrue();
    secrets.addHeader("Authentication-Token", "tenant-token-1");
    assertThat(secrets.redact("got tenant-token-1")).isEqualTo("got ***");
  }

  @Test
  void theLongestSecretIsMaskedWholeWhenOneContainsAnother() {
    Secrets secrets = Secrets.create();
    secrets.add("secret");
    secrets.add("secret-and-more");
    assertThat(secrets.redact("x secret-and-more y secret")).isEqualTo("x *** y ***");
  }

  @Test
  void rotatingTokensAreBoundedAndTheRecentOnesKept() {
    Secrets secrets = Secrets.create();
    for (int i = 0; i < 10_000; i++) {
      secrets.addHeader("Authorization", "Bearer token-" + i);
    }
    assertThat(secrets.redact("token-9999")).isEqualTo("***");
    assertThat(secrets.toString()).doesNotContain("token");
  }

  @Test
  void anErrorWithoutSecretsIsReturnedItself() {
    Secrets secrets = Secrets.create();
    secrets.add("s3cret-value");
    WorkflowException e = ErrorKind.AUTHENTICATION.toException(
        ErrorInfo.answered("flowable", Operation.GET_INSTANCE, "401", null, "bad user", null));
    assertThat(secrets.redact(e)).isSameAs(e);
  }

  @Test
  void anErrorQuotingASecretIsCopiedWithTypeKindInfoAttemptsAndStackKept() {
    Secrets secrets = Secrets.create();
    secrets.addHeader("Authorization", "Bearer tok-abcdef");
    IllegalStateException supplier = new IllegalStateException("token tok-abcdef expired",
        new RuntimeException("inner tok-abcdef"));
    WorkflowException e = ErrorKind.AUTHENTICATION.toException(new ErrorInfo("zeebe", Operation.START_INSTANCE,
        "UNAUTHENTICATED", "tok-abcdef", "echo: Bearer tok-abcdef", "req tok-abcdef", false), supplier);
    e.recordAttempts(3);

    WorkflowException clean = secrets.redact(e);

    assertThat(clean).isNotSameAs(e).isExactlyInstanceOf(AuthenticationException.class);
    assertThat(clean.kind()).isEqualTo(ErrorKind.AUTHENTICATION);
    assertThat(clean.attempts()).isEqualTo(3);
    assertThat(clean.wireStatus()).isEqualTo("UNAUTHENTICATED");
    assertThat(clean.engineMessage()).isEqualTo("echo: ***"); // the whole header value is a secret too
    assertThat(clean.getStackTrace()).isEqualTo(e.getStackTrace());
    assertThat(printed(clean)).doesNotContain("tok-abcdef")
        .contains("java.lang.IllegalStateException: token *** expired (redacted)")
        .contains("inner ***");
    assertThat(clean.getCause().getStackTrace()).isEqualTo(supplier.getStackTrace());
  }

  @Test
  void causesBelowTheLastOneNamingASecretAreKeptAsTheyAre() {
    Secrets secrets = Secrets.create();
    secrets.add("tok-keep-types");
    java.net.ConnectException refused = new java.net.ConnectException("Connection refused");
    WorkflowException e = ErrorKind.UNAVAILABLE.toException(new ErrorInfo("zeebe", Operation.START_INSTANCE,
        null, null, "token tok-keep-types: endpoint unreachable", null, false), refused);

    WorkflowException clean = secrets.redact(e);

    assertThat(clean.getMessage()).doesNotContain("tok-keep-types");
    assertThat(clean.getCause()).as("a typed cause a caller may look for").isSameAs(refused);
  }
}
