package io.flowport.testkit.fakes.flowable.internal;

/** An error answer in Flowable's shape: {@code {"message":"<reason>","exception":"<detail>"}}. */
final class FlowableError extends RuntimeException {
  private static final long serialVersionUID = 1L;

  final int status;

  FlowableError(int status, String detail) {
    super(detail, null, false, false);
    this.status = status;
  }

  static FlowableError badRequest(String detail) {
    return new FlowableError(400, detail);
  }

  static FlowableError notFound(String detail) {
    return new FlowableError(404, detail);
  }

  static FlowableError conflict(String detail) {
    return new FlowableError(409, detail);
  }

  static FlowableError internal(String detail) {
    return new FlowableError(500, detail);
  }

  /** Flowable's {@code message} for a status (BaseExceptionHandlerAdvice). */
  static String reason(int status) {
    return switch (status) {
      case 400 -> "Bad request";
      case 403 -> "Forbidden";
      case 404 -> "Not found";
      case 409 -> "Conflict";
      case 415 -> "Content is not supported";
      default -> "Internal server error";
    };
  }
}
