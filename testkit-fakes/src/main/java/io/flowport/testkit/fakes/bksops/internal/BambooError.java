package io.flowport.testkit.fakes.bksops.internal;

/**
 * An exception bamboo_engine raises in the real server; the fake renders it the way
 * {@code bamboo_engine.api} does: {@code "fail: <python traceback>"} whose last line is
 * {@code <exception class>: <message>}.
 */
final class BambooError extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** {@code bamboo_engine.exceptions.InvalidOperationError}, {@code builtins.RuntimeError}, ... */
  final String pythonClass;

  BambooError(String pythonClass, String message) {
    super(message);
    this.pythonClass = pythonClass;
  }

  static BambooError invalidOperation(String message) {
    return new BambooError("bamboo_engine.exceptions.InvalidOperationError", message);
  }

  static BambooError notFound(String message) {
    return new BambooError("bamboo_engine.exceptions.NotFoundError", message);
  }

  /** {@code set_state} refusing a move the transition table does not allow. */
  static BambooError cannotTransit(String nodeId, Object from, Object to) {
    return new BambooError("RuntimeError", "can't not transit node(" + nodeId + ") state from " + from + " to " + to);
  }

  /** What bk-sops puts in {@code message}: {@code "fail: " + traceback}. */
  String engineMessage(String apiFunction) {
    return "fail: Traceback (most recent call last):\n"
        + "  File \"/app/bamboo_engine/api.py\", line 68, in wrapper\n"
        + "    data = func(*args, **kwargs)\n"
        + "  File \"/app/bamboo_engine/api.py\", line 120, in " + apiFunction + "\n"
        + "    return Engine(runtime=runtime)." + apiFunction + "(**kwargs)\n"
        + pythonClass + ": " + getMessage() + "\n";
  }
}
