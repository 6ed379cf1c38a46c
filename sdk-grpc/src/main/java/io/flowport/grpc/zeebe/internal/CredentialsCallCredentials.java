package io.flowport.grpc.zeebe.internal;

import io.flowport.core.auth.AuthRequest;
import io.flowport.core.auth.Credentials;
import io.flowport.core.error.ErrorKind;
import io.flowport.core.error.WorkflowException;
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

  public CredentialsCallCredentials(Credentials credentials) {
    this.credentials = Objects.requireNonNull(credentials, "credentials == null");
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
            Metadata.Key<String> key = key(name);
            headers.removeAll(key);
            headers.put(key, value);
          }
        });
        applier.apply(headers);
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

  private static Metadata.Key<String> key(String name) {
    return Metadata.Key.of(name.toLowerCase(Locale.ROOT), Metadata.ASCII_STRING_MARSHALLER);
  }

  @Override
  public String toString() {
    return "CallCredentials(" + credentials + ")";
  }
}
