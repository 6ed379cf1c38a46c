package io.flowport.rest;

/**
 * Thrown by a {@link ResponseReader} that finds an engine error inside a 2xx answer (bk-sops'
 * {@code result:false} envelope): {@link RestCalls} then reads that answer with the adapter's
 * {@link ErrorReader}, so the error gets its meaning from the adapter's table as an error status
 * would. Carries no stack trace; it never reaches the caller.
 */
public final class ErrorAnswer extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** The one instance: it carries nothing but its type. */
  public static final ErrorAnswer INSTANCE = new ErrorAnswer();

  private ErrorAnswer() {
    super("the answer is an error answer", null, false, false);
  }
}
