package io.flowport.testkit.junit;

/**
 * The engine's state when a test failed, added by {@link FlowportExtension} as a
 * {@linkplain Throwable#getSuppressed() suppressed exception} of the failure, so the failure
 * output shows it under "Suppressed:". It has no stack trace: the message is the report.
 */
public final class EngineStateReport extends RuntimeException {
  private static final long serialVersionUID = 1L;

  EngineStateReport(String report) {
    super(report, null, false, false);
  }

  /** {@return the report (the message)} */
  public String report() {
    return getMessage();
  }

  @Override
  public String toString() {
    return "Flowport " + getMessage();
  }
}
