package io.flowport.grpc.zeebe.internal;

import io.flowport.core.auth.AuthRequest;
import io.flowport.core.auth.Credentials;
import io.flowport.core.error.ErrorKind;
import io.flowport.core.error.WorkflowException;
import io.flowport.core.spi.Secrets;
import io.grpc.CallCredentials;
import io.grpc.Metadata;
import io.grpc.Status;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.Executor;

/**
 * Flowport {@link Credentials} as gRPC {@link CallCredentials}: applied once per attempt, on the
 * channel's application executor (never the I/O thread), so a credential may fetch a token. Header
 * names are lower-cased, as HTTP/2 wants them.
 */
public final class CredentialsCallCredentials extends CallCredentials {
  private final Credentials credentials;
  /** The client's: every metadata value the credentials set, and every secret they name, is redacted. */
  private final Secrets secrets;

  public CredentialsCallCredentials(Credentials credentials, Secrets secrets) {
    this.credentials = Objects.requireNonNull(credentials, "credentials == null");
    this.secrets = Objects.requireNonNull(secrets, "secrets == null");
  }

  @Override
  public void applyRequestMetadata(RequestInfo requestInfo, Executor appExecutor, MetadataApplier applier) {
    String path = "/" + requestInfo.getMethodDescriptor().getFullMethodName();
    appExecutor.execute(() -> {
      Metadata headers = new Metadata();
      try {
        credentials.apply(new AuthRequest() {
          @Override
          public String method() {
            return "POST";
          }

          @Override
          public String path() {
            return path;
          }

          @Override
          public String query() {
            return "";
          }

          @Override
          public String header(String name) {
            return headers.get(key(name));
          }

          @Override
          public void setHeader(String name, String value) {
            secrets.addHeader(name, value);
            Metadata.Key<String> key = key(name);
            checkValue(key.name(), value);
            headers.removeAll(key);
            headers.put(key, value);
          }

          @Override
          public void addSecret(String secret) {
            secrets.add(secret);
          }
        });
        applier.apply(headers);
      } catch (InvalidValue e) {
        applier.fail(Status.UNAUTHENTICATED.withDescription("credentials failed: " + e.getMessage()));
      } catch (WorkflowException e) {
        // A credential that cannot reach its token endpoint is "unavailable" (retried when the
        // connection was refused); anything else it reports is an authentication failure.
        Status status = e.kind() == ErrorKind.UNAVAILABLE || e.kind() == ErrorKind.TIMEOUT
            ? Status.UNAVAILABLE : Status.UNAUTHENTICATED;
        applier.fail(status.withDescription("credentials failed: " + e.getMessage()).withCause(e));
      } catch (RuntimeException e) {
        // The message (and causes) of a foreign exception might quote a secret: report its type only.
        applier.fail(Status.UNAUTHENTICATED
            .withDescription("credentials failed: " + e.getClass().getName()));
      }
    });
  }

  /**
   * gRPC's ASCII metadata is printable ASCII; grpc-java would send a CR, LF or non-ASCII character
   * as it is. Refused before the call is sent, as the REST transport refuses such a header; the
   * message names the header, never its value (a token).
   */
  static void checkValue(String name, String value) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c < 0x20 || c > 0x7e) {
        throw new InvalidValue("the value of metadata '" + name + "' is not valid gRPC metadata (only printable"
            + " ASCII; it holds a " + (c == '\r' || c == '\n' ? "CR or LF" : c < 0x20 ? "control" : "non-ASCII")
            + " character at index " + i + ")");
      }
    }
  }

  /** A header value the credentials produced that cannot be sent; its message holds no value. */
  private static final class InvalidValue extends RuntimeException {
    InvalidValue(String message) {
      super(message, null, false, false);
    }
  }

  private static Metadata.Key<String> key(String name) {
    return Metadata.Key.of(name.toLowerCase(Locale.ROOT), Metadata.ASCII_STRING_MARSHALLER);
  }

  @Override
  public String toString() {
    return "CallCredentials(" + credentials + ")";
  }
}
