package io.flowport.testkit.fakes.cloudify.internal;

/**
 * An error the fake manager answers with: the HTTP status and the {@code error_code} of the
 * manager exception it stands for ({@code manager_exceptions.py}).
 */
public final class ManagerError extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int status;
  private final String code;

  public ManagerError(int status, String code, String message) {
    super(message, null, false, false);
    this.status = status;
    this.code = code;
  }

  public int status() {
    return status;
  }

  public String code() {
    return code;
  }

  static ManagerError badParameters(String message) {
    return new ManagerError(400, "bad_parameters_error", message);
  }

  static ManagerError notFound(String type, Object id) {
    return new ManagerError(404, "not_found_error", "Requested `" + type + "` with ID `" + id + "` was not found");
  }

  static ManagerError illegalAction(String message) {
    return new ManagerError(400, "illegal_action_error", message);
  }

  static ManagerError conflict(String message) {
    return new ManagerError(409, "conflict_error", message);
  }
}
