package io.flowport.rest.internal;

import io.flowport.core.Operation;
import io.flowport.core.error.ErrorInfo;
import io.flowport.core.error.ErrorKind;
import io.flowport.core.error.TlsCheck;
import io.flowport.core.error.WorkflowException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.PortUnreachableException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import javax.net.ssl.SSLException;

/**
 * Maps a transport failure to the unified hierarchy. Whether the engine may have done the work
 * follows from how far the call got: nothing was sent before the request headers started.
 *
 * <table>
 *   <caption>IOException mapping</caption>
 *   <tr><th>failure</th><th>kind</th><th>may have been processed</th></tr>
 *   <tr><td>refused, unknown host, no route</td><td>UNAVAILABLE</td><td>false</td></tr>
 *   <tr><td>the server's certificate failed a check ({@link TlsCheck}: untrusted issuer, host name, expired,
 *     not yet valid)</td><td>TLS_FAILURE (not retried: the same certificate fails the same way)</td>
 *     <td>false (the handshake comes before the request)</td></tr>
 *   <tr><td>any other TLS failure before the request (a handshake cut short)</td><td>UNAVAILABLE</td><td>false</td></tr>
 *   <tr><td>socket timeout before the request (connect)</td><td>UNAVAILABLE</td><td>false</td></tr>
 *   <tr><td>socket timeout after the request was written</td><td>TIMEOUT</td><td>true</td></tr>
 *   <tr><td>call deadline passed ({@code InterruptedIOException})</td><td>TIMEOUT</td><td>if sent</td></tr>
 *   <tr><td>reset, EOF, anything else</td><td>UNAVAILABLE</td><td>if sent</td></tr>
 * </table>
 */
public final class IoErrors {
  private IoErrors() {}

  /**
   * @param what the request as {@code METHOD /path} (no query, no headers)
   * @param endpoint the server dialed as {@code host:port}
   * @param sent whether the request started to be written
   */
  public static WorkflowException map(
      String engine, Operation operation, String what, String endpoint, IOException e, boolean sent) {
    TlsCheck check = e instanceof SSLException ? TlsCheck.of(e) : null;
    if (check != null) {
      // The check's sentence, not the TLS stack's message (OkHttp's lists every name in the certificate).
      return error(ErrorKind.TLS_FAILURE, engine, operation,
          "TLS failed for " + what + " to " + endpoint + ": " + check.description(), false, e); // before the request
    }
    String reason = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    if (e instanceof ConnectException || e instanceof UnknownHostException || e instanceof NoRouteToHostException
        || e instanceof PortUnreachableException) {
      return error(ErrorKind.UNAVAILABLE, engine, operation, "cannot connect for " + what + " (" + reason + ")", false, e);
    }
    if (e instanceof SocketTimeoutException) {
      return sent
          ? error(ErrorKind.TIMEOUT, engine, operation, "no answer in time to " + what + " (" + reason + ")", true, e)
          : error(ErrorKind.UNAVAILABLE, engine, operation, "cannot connect in time for " + what + " (" + reason + ")",
              false, e);
    }
    if (e instanceof InterruptedIOException) {
      return error(ErrorKind.TIMEOUT, engine, operation, "the attempt deadline passed during " + what, sent, e);
    }
    if (e instanceof SSLException && !sent) {
      return error(ErrorKind.UNAVAILABLE, engine, operation, "TLS failed for " + what + " (" + reason + ")", false, e);
    }
    return error(ErrorKind.UNAVAILABLE, engine, operation,
        (sent ? "the connection failed during " : "the connection failed before sending ") + what + " (" + reason + ")",
        sent, e);
  }

  public static WorkflowException error(
      ErrorKind kind, String engine, Operation operation, String message, boolean processed, Throwable cause) {
    return kind.toException(new ErrorInfo(engine, operation, null, null, message, null, processed), cause);
  }
}
