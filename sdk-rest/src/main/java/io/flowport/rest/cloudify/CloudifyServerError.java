package io.flowport.rest.cloudify;

import io.flowport.core.error.WorkflowException;
import java.util.Map;
import java.util.Optional;

/**
 * What the Cloudify manager's error body said beyond its message: the {@code error_code}, the
 * {@code server_traceback} (filled in by internal 500s) and extra fields such as
 * {@code err_filter_rule}/{@code err_reason}. It is the cause of the {@link WorkflowException} the
 * adapter reports, so the traceback is kept without ever entering an exception message:
 *
 * <pre>{@code
 * CloudifyServerError.of(e).flatMap(CloudifyServerError::serverTraceback).ifPresent(log::debug);
 * }</pre>
 */
public final class CloudifyServerError extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** The manager's {@code error_code}. */
  private final String errorCode;
  /** The manager's {@code server_traceback}, or null. */
  private final String serverTraceback;
  /** The body's other text fields, by name. */
  private final Map<String, String> extra;

  /**
   * @param errorCode the manager's {@code error_code}, or null
   * @param serverTraceback the manager's {@code server_traceback}, or null
   * @param extra other text fields of the error body (not message, error_code or traceback)
   */
  public CloudifyServerError(String errorCode, String serverTraceback, Map<String, String> extra) {
    // The message names the code only: the traceback may be long and is for logs, not messages.
    super("Cloudify error_code " + errorCode, null, false, false);
    this.errorCode = errorCode;
    this.serverTraceback = serverTraceback;
    this.extra = extra == null ? Map.of() : Map.copyOf(extra);
  }

  /**
   * {@return the Cloudify detail of {@code error} (or of one of its causes), when the manager sent an error body}
   *
   * @param error the error
   */
  public static Optional<CloudifyServerError> of(Throwable error) {
    for (Throwable t = error; t != null; t = t.getCause()) {
      if (t instanceof CloudifyServerError detail) {
        return Optional.of(detail);
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return Optional.empty();
  }

  /** {@return the manager's {@code error_code}, or null} */
  public String errorCode() {
    return errorCode;
  }

  /** {@return the manager's {@code server_traceback}, when it sent one} */
  public Optional<String> serverTraceback() {
    return Optional.ofNullable(serverTraceback);
  }

  /**
   * Other text fields of the error body, e.g. {@code err_filter_rule} and {@code err_reason}.
   *
   * @return the extra
   */
  public Map<String, String> extra() {
    return extra;
  }
}
