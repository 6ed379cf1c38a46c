package io.flowport.testkit.fakes.rest;

/**
 * An error answer a route handler throws: an HTTP status and the engine's own detail text. The fake's
 * {@link ErrorBody} turns it into the engine's error shape. Cheap to throw (no stack trace): a
 * handler uses it for control flow, not for bugs.
 */
public class RestError extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** The HTTP status of the answer. */
  private final int status;

  /**
   * An answer of {@code status} with {@code detail} (the engine's wording).
   *
   * @param status the status
   * @param detail the detail
   */
  public RestError(int status, String detail) {
    super(detail, null, false, false);
    if (status < 100 || status > 599) {
      throw new IllegalArgumentException("not an HTTP status: " + status);
    }
    this.status = status;
  }

  /** {@return the HTTP status to answer} */
  public int status() {
    return status;
  }

  /**
   * 400.
   *
   * @param detail the detail
   * @return the rest error
   */
  public static RestError badRequest(String detail) {
    return new RestError(400, detail);
  }

  /**
   * 404.
   *
   * @param detail the detail
   * @return the rest error
   */
  public static RestError notFound(String detail) {
    return new RestError(404, detail);
  }

  /**
   * 409.
   *
   * @param detail the detail
   * @return the rest error
   */
  public static RestError conflict(String detail) {
    return new RestError(409, detail);
  }

  /**
   * 500.
   *
   * @param detail the detail
   * @return the rest error
   */
  public static RestError internal(String detail) {
    return new RestError(500, detail);
  }
}
