package io.flowport.grpc.zeebe;

import java.util.Objects;

/** Thrown by a {@link ZeebeJobHandler} to throw a BPMN error with {@code errorCode} from the job. */
public class ZeebeBpmnError extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** The BPMN error code the job throws. */
  private final String errorCode;

  /**
   * A BPMN error to throw from the job.
   *
   * @param errorCode the code an error boundary event catches
   * @param message the error message Zeebe records
   */
  public ZeebeBpmnError(String errorCode, String message) {
    super(message);
    this.errorCode = Objects.requireNonNull(errorCode, "errorCode == null");
  }

  /** {@return the error code} */
  public String errorCode() {
    return errorCode;
  }
}
