package io.flowport.core.error;

/** The definition has no start event the request could use. */
public class NoStartEventException extends ConflictException {
  private static final long serialVersionUID = 1L;

  public NoStartEventException(ErrorInfo info, Throwable cause) {
    super(ErrorKind.NO_START_EVENT, info, cause);
  }

  protected NoStartEventException(ErrorKind kind, ErrorInfo info, Throwable cause) {
    super(kind, info, cause);
  }
}
