package io.flowport.core.error;

import java.security.cert.CertPathBuilderException;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.util.Locale;
import javax.net.ssl.SSLPeerUnverifiedException;

/**
 * Which check of the server's certificate failed, read from the TLS stack's exceptions (their
 * types and the JDK's certificate path reasons, not their wording, except the JDK's host name
 * checker, whose only signal is its message).
 */
public enum TlsCheck {
  /** The certificate does not chain to a trusted issuer: self-signed, or an unknown CA. */
  UNTRUSTED_ISSUER("the server's certificate is not trusted (self-signed or issued by an unknown authority)"),
  /** The certificate is valid, but not for the host name the client dialed. */
  HOST_NAME("the server's certificate does not match the host name dialed"),
  /** The certificate (or one in its chain) has expired. */
  EXPIRED("the server's certificate has expired"),
  /** The certificate (or one in its chain) is not valid yet. */
  NOT_YET_VALID("the server's certificate is not valid yet");

  private final String description;

  TlsCheck(String description) {
    this.description = description;
  }

  /** {@return what failed, in a sentence for an exception message} */
  public String description() {
    return description;
  }

  /**
   * The check that failed in {@code error}'s cause chain, or null when the failure is not about the
   * server's certificate (a reset during the handshake, which a retry may cure, is not).
   *
   * @param error the failure the transport reported
   * @return the failed check, or null
   */
  public static TlsCheck of(Throwable error) {
    TlsCheck found = null;
    for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
      TlsCheck check = ofOne(t);
      if (check != null && check != UNTRUSTED_ISSUER) {
        return check; // the most specific: an expired certificate also fails path building
      }
      if (check != null) {
        found = check;
      }
    }
    return found;
  }

  private static TlsCheck ofOne(Throwable t) {
    if (t instanceof CertificateExpiredException) {
      return EXPIRED;
    }
    if (t instanceof CertificateNotYetValidException) {
      return NOT_YET_VALID;
    }
    if (t instanceof CertPathValidatorException v) {
      if (v.getReason() == CertPathValidatorException.BasicReason.EXPIRED) {
        return EXPIRED;
      }
      if (v.getReason() == CertPathValidatorException.BasicReason.NOT_YET_VALID) {
        return NOT_YET_VALID;
      }
      return UNTRUSTED_ISSUER;
    }
    if (t instanceof CertPathBuilderException) {
      return UNTRUSTED_ISSUER;
    }
    String message = t.getMessage() == null ? "" : t.getMessage().toLowerCase(Locale.ROOT);
    if (t instanceof SSLPeerUnverifiedException && message.contains("not verified")) {
      return HOST_NAME; // OkHttp's host name verifier: "Hostname x not verified"
    }
    if (t instanceof java.security.cert.CertificateException
        && (message.contains("no subject alternative") || message.contains("no name matching"))) {
      return HOST_NAME; // the JDK's endpoint identification (grpc-java, HttpsURLConnection)
    }
    return null;
  }
}
