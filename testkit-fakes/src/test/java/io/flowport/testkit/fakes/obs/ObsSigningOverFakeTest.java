package io.flowport.testkit.fakes.obs;

import static io.flowport.testkit.fakes.obs.ObsClientOverFakeTest.await;
import static io.flowport.testkit.fakes.obs.ObsClientOverFakeTest.failure;
import static org.assertj.core.api.Assertions.assertThat;

import io.flowport.core.ClientOptions;
import io.flowport.core.RetryPolicy;
import io.flowport.core.error.AuthenticationException;
import io.flowport.core.error.BackPressureException;
import io.flowport.core.error.EngineUnavailableException;
import io.flowport.core.error.PermissionDeniedException;
import io.flowport.core.error.UnexpectedResponseException;
import io.flowport.core.error.WorkflowException;
import io.flowport.rest.obs.ObsClient;
import io.flowport.rest.obs.ObsCredentials;
import io.flowport.rest.obs.ObsResult;
import io.flowport.testkit.fakes.Fault;
import io.flowport.testkit.fakes.http.Requests;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Signed requests end to end: the fake checks every signature, so a wrong key, a wrong secret, a
 * missing token or a clock too far off is refused as OBS refuses it; a skewed clock is corrected
 * once from the fake's {@code Date}; faults are retried or reported as typed errors.
 */
class ObsSigningOverFakeTest {
  static final String AK = "SIGNINGACCESSKEY0001";
  static final String SK = "signing-secret";
  static final String TEMP_AK = "TEMPORARYACCESSKEY01";
  static final String TOKEN = "token/with+chars==";
  FakeObsServer fake;

  @BeforeEach
  void start() {
    fake = FakeObsServer.builder().accessKey(AK, SK).temporaryKey(TEMP_AK, "temp-secret", TOKEN).start();
    fake.defineWorkflow("signed", "[{\"name\":\"work\",\"action\":\"wait\"}]");
  }

  @AfterEach
  void stop() {
    fake.close();
  }

  private ObsClient client(ObsCredentials credentials, RetryPolicy retries) {
    return ObsClient.builder().baseUrl(fake.baseUrl()).credentials(credentials)
        .options(ClientOptions.builder().retryPolicy(retries).build()).build();
  }

  @Test
  void permanentAndTemporaryKeysAndTheObsDateHeaderAreAccepted() throws Exception {
    for (ObsCredentials c : new ObsCredentials[] {ObsCredentials.of(AK, SK), ObsCredentials.of(AK, SK).withObsDateHeader(),
        ObsCredentials.temporary(TEMP_AK, "temp-secret", TOKEN)}) {
      try (ObsClient client = client(c, RetryPolicy.none())) {
        String e = await(client.startWorkflow("signed", "my-bucket", "o", null)).executionName();
        assertThat(await(client.getExecution(e, "signed")).executionState()).as(c.toString()).isEqualTo("RUNNING");
      }
    }
  }

  @Test
  void aWrongSecretIsSignatureDoesNotMatchAndTheSecretIsNowhere() {
    try (ObsClient client = client(ObsCredentials.of(AK, "not-the-secret"), RetryPolicy.defaults())) {
      WorkflowException e = failure(client.getWorkflow("signed"));
      assertThat(e).isInstanceOf(AuthenticationException.class);
      assertThat(e.engineCode()).isEqualTo("SignatureDoesNotMatch");
      assertThat(e.requestId()).isNotBlank();
      assertThat(fake.requestCount("GET /v2/workflows/signed")).isEqualTo(1); // never retried
      ObsResult r = ObsResult.of(e).orElseThrow();
      assertThat(r.hostId()).isEqualTo("fake-obs-host");
      assertThat(r.resource()).isEqualTo("/v2/workflows/signed");
      assertThat(e.toString() + r + client).doesNotContain("not-the-secret");
    }
  }

  @Test
  void anUnknownKeyAWrongTokenAndNoSignatureAreRefused() {
    try (ObsClient unknown = client(ObsCredentials.of("UNKNOWNKEY", SK), RetryPolicy.none());
        ObsClient wrongToken = client(ObsCredentials.temporary(TEMP_AK, "temp-secret", "other"), RetryPolicy.none());
        ObsClient unsigned = ObsClient.builder().baseUrl(fake.baseUrl()).build()) {
      assertThat(failure(unknown.getWorkflow("signed")).engineCode()).isEqualTo("InvalidAccessKeyId");
      assertThat(failure(wrongToken.getWorkflow("signed"))).isInstanceOf(AuthenticationException.class);
      WorkflowException denied = failure(unsigned.getWorkflow("signed"));
      assertThat(denied).isInstanceOf(PermissionDeniedException.class);
      assertThat(denied.engineCode()).isEqualTo("AccessDenied");
    }
  }

  @Test
  void aSkewedClockIsCorrectedOnceFromTheServersDate() throws Exception {
    Clock anHourBehind = Clock.offset(Clock.systemUTC(), Duration.ofHours(-1));
    ObsCredentials credentials = ObsCredentials.of(AK, SK).withClock(anHourBehind);
    try (ObsClient client = client(credentials, RetryPolicy.none())) {
      assertThat(await(client.getWorkflow("signed")).path("graph_name").asText()).isEqualTo("signed");
      assertThat(fake.requests()).extracting(r -> r.status()).containsExactly(403, 200);
      assertThat(credentials.clockOffset()).isBetween(Duration.ofMinutes(59), Duration.ofMinutes(61));
      fake.clearRequests();
      await(client.getWorkflow("signed")); // the corrected clock stays
      assertThat(fake.requests()).extracting(r -> r.status()).containsExactly(200);
    }
  }

  @Test
  void aServerWhoseClockStaysOffIsReportedAfterOneCorrection() {
    // The fake's clock runs two hours ahead of its own Date header would suggest: correcting to
    // the Date it sends cannot help, so the client tries once more and reports the 403.
    try (FakeObsServer drifting = FakeObsServer.builder().accessKey(AK, SK)
        .clock(new Clock() {
          private int calls;

          @Override
          public ZoneOffset getZone() {
            return ZoneOffset.UTC;
          }

          @Override
          public Clock withZone(java.time.ZoneId zone) {
            return this;
          }

          @Override
          public synchronized Instant instant() {
            return Instant.now().plus(Duration.ofHours(++calls)); // a new hour every time it is read
          }
        }).start();
        ObsClient client = ObsClient.builder().baseUrl(drifting.baseUrl()).credentials(ObsCredentials.of(AK, SK))
            .options(ClientOptions.builder().retryPolicy(RetryPolicy.none()).build()).build()) {
      WorkflowException e = failure(client.getWorkflow("signed"));
      assertThat(e).isInstanceOf(AuthenticationException.class);
      assertThat(e.engineCode()).isEqualTo("RequestTimeTooSkewed");
      assertThat(drifting.requests()).hasSize(2);
    }
  }

  @Test
  void faultsAreRetriedOrReportedAsTypedErrors() throws Exception {
    try (ObsClient client = client(ObsCredentials.of(AK, SK), RetryPolicy.builder().maxAttempts(3)
        .baseDelay(Duration.ofMillis(10)).backPressureBaseDelay(Duration.ofMillis(10)).maxDelay(Duration.ofMillis(20)).build())) {
      fake.faults().next(2, Fault.unavailable(), Requests.startingWith("POST /v2/workflows/signed"));
      assertThat(await(client.startWorkflow("signed", "my-bucket", "o", null)).executionName()).isNotBlank();
      assertThat(fake.requestCount("POST /v2/workflows/signed")).isEqualTo(3); // 503 is an answer: even a start retries

      fake.faults().always(Fault.backPressure());
      WorkflowException busy = failure(client.getWorkflow("signed"));
      assertThat(busy).isInstanceOf(BackPressureException.class);
      assertThat(busy.engineCode()).isEqualTo("SYS.0011");
      fake.faults().clear();

      fake.faults().next(1, Fault.htmlError());
      fake.faults().next(1, Fault.htmlError());
      fake.faults().next(1, Fault.htmlError());
      assertThat(failure(client.getWorkflow("signed"))).isInstanceOf(EngineUnavailableException.class);

      fake.faults().next(1, Fault.malformedBody());
      assertThat(failure(client.getExecution("x", "signed"))).isInstanceOf(UnexpectedResponseException.class);

      fake.faults().next(1, Fault.reset());
      assertThat(await(client.getWorkflow("signed")).path("graph_name").asText()).isEqualTo("signed"); // a GET is retried
    }
  }
}
