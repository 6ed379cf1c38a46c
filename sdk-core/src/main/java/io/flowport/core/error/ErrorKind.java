package io.flowport.core.error;

import java.util.function.BiFunction;

/**
 * The meaning of an error, whatever the engine said on the wire. Adapters' error tables map wire
 * statuses and engine codes to a kind; the kind makes the exception.
 */
public enum ErrorKind {
  DEFINITION_NOT_FOUND(false, DefinitionNotFoundException::new),
  INSTANCE_NOT_FOUND(false, InstanceNotFoundException::new),
  NODE_NOT_FOUND(false, NodeNotFoundException::new),
  VARIABLE_NOT_FOUND(false, VariableNotFoundException::new),
  /** Something else was not found (a job, an incident, a group, a deployment). */
  NOT_FOUND(false, ResourceNotFoundException::new),
  INVALID_DEFINITION(false, InvalidDefinitionException::new),
  INVALID_VARIABLES(false, InvalidVariablesException::new),
  /** The engine rejected the request as malformed or invalid. */
  INVALID_REQUEST(false, RequestRejectedException::new),
  ALREADY_EXISTS(false, AlreadyExistsException::new),
  ILLEGAL_TRANSITION(false, IllegalTransitionException::new),
  NO_START_EVENT(false, NoStartEventException::new),
  STALE_VERSION(false, StaleVersionException::new),
  /** Another conflict the engine reported. */
  CONFLICT(false, ConflictException::new),
  AUTHENTICATION(false, AuthenticationException::new),
  PERMISSION(false, PermissionDeniedException::new),
  BACK_PRESSURE(true, BackPressureException::new),
  UNAVAILABLE(true, EngineUnavailableException::new),
  TIMEOUT(true, WorkflowTimeoutException::new),
  INTERNAL(false, EngineInternalException::new),
  UNKNOWN_STATUS(false, UnknownStatusException::new),
  /** The engine answered with a body that is not what it should send. */
  UNEXPECTED_RESPONSE(false, UnexpectedResponseException::new),
  UNSUPPORTED(false, OperationNotSupportedException::new),
  CLIENT_VALIDATION(false, ClientValidationException::new);

  private final boolean retryable;
  private final BiFunction<ErrorInfo, Throwable, WorkflowException> factory;

  ErrorKind(boolean retryable, BiFunction<ErrorInfo, Throwable, WorkflowException> factory) {
    this.retryable = retryable;
    this.factory = factory;
  }

  /** {@return whether an error of this kind may go away when the call is repeated} */
  public boolean isRetryable() {
    return retryable;
  }

  /**
   * {@return the exception of this kind for {@code info}}
   *
   * @param info the info
   * @param cause the underlying failure
   */
  public WorkflowException toException(ErrorInfo info, Throwable cause) {
    return factory.apply(info, cause);
  }

  /**
   * {@return the exception of this kind for {@code info}}
   *
   * @param info the info
   */
  public WorkflowException toException(ErrorInfo info) {
    return factory.apply(info, null);
  }
}
