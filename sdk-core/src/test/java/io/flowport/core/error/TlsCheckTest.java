package io.flowport.core.error;

import static org.assertj.core.api.Assertions.assertThat;

import io.flowport.core.Operation;
import java.io.EOFException;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLPeerUnverifiedException;
import org.junit.jupiter.api.Test;

/** The check read from the TLS stack's exceptions, as the JDK, OkHttp and grpc-java chain them. */
class TlsCheckTest {

  private static SSLHandshakeException handshake(Throwable cause) {
    SSLHandshakeException e = new SSLHandshakeException("PKIX path building failed");
    e.initCause(cause);
    return e;
  }

  @Test
  void aSelfSignedCertificateIsAnUntrustedIssuer() {
    Throwable jdk = handshake(new CertificateException("wrapped",
        new CertPathBuilderException("unable to find valid certification path to requested target")));
    assertThat(TlsCheck.of(jdk)).isEqualTo(TlsCheck.UNTRUSTED_ISSUER);
  }

  @Test
  void anExpiredCertificateIsNamedEvenWhenPathValidationWrapsIt() {
    Throwable validator = new CertPathValidatorException("validity check failed",
        new CertificateExpiredException("NotAfter: ..."), null, -1, CertPathValidatorException.BasicReason.EXPIRED);
    assertThat(TlsCheck.of(handshake(new CertificateException("wrapped", validator)))).isEqualTo(TlsCheck.EXPIRED);
    Throwable reasonOnly = new CertPathValidatorException("validity check failed", null, null, -1,
        CertPathValidatorException.BasicReason.NOT_YET_VALID);
    assertThat(TlsCheck.of(handshake(reasonOnly))).isEqualTo(TlsCheck.NOT_YET_VALID);
    assertThat(TlsCheck.of(handshake(new CertificateNotYetValidException("NotBefore")))).isEqualTo(TlsCheck.NOT_YET_VALID);
  }

  @Test
  void aHostNameMismatchIsReadFromOkHttpAndFromTheJdk() {
    assertThat(TlsCheck.of(new SSLPeerUnverifiedException("Hostname localhost not verified:\n  certificate: ...")))
        .isEqualTo(TlsCheck.HOST_NAME);
    assertThat(TlsCheck.of(handshake(new CertificateException("No subject alternative DNS name matching x found."))))
        .isEqualTo(TlsCheck.HOST_NAME);
    assertThat(TlsCheck.of(handshake(new CertificateException("No name matching x found"))))
        .isEqualTo(TlsCheck.HOST_NAME);
  }

  @Test
  void aHandshakeCutShortIsNotACertificateFailure() {
    SSLHandshakeException cut = new SSLHandshakeException("Remote host terminated the handshake");
    cut.initCause(new EOFException("SSL peer shut down incorrectly"));
    assertThat(TlsCheck.of(cut)).isNull();
    assertThat(TlsCheck.of(new IllegalStateException("x"))).isNull();
    assertThat(TlsCheck.of(null)).isNull();
  }

  @Test
  void theExceptionCarriesTheCheckIsNotRetryableAndSaysTheEngineDidNothing() {
    ErrorInfo info = new ErrorInfo("flowable", Operation.GET_INSTANCE, null, null,
        TlsCheck.EXPIRED.description() + " (host example.org)", null, false);
    WorkflowException e = ErrorKind.TLS_FAILURE.toException(info,
        handshake(new CertificateExpiredException("NotAfter")));
    assertThat(e).isInstanceOf(TlsException.class);
    assertThat(((TlsException) e).check()).isEqualTo(TlsCheck.EXPIRED);
    assertThat(e.isRetryable()).isFalse();
    assertThat(e.requestMayHaveBeenProcessed()).isFalse();
    assertThat(e.getMessage()).contains("tls failure").contains("expired").contains("example.org");
  }
}
