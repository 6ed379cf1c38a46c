package io.flowport.core.error;

import java.util.function.BiFunction;

/**
 * The meaning of an error, whatever the engine said on the wire. Adapters' error tables map wire
 * statuses and engine codes to a kind; the kind makes the exception.
 */
public enum ErrorKind {
  /** No deployed definition of that id or key: {@link DefinitionNotFoundException}. */
  DEFINITION_NOT_FOUND(false, DefinitionNotFoundException::new),
  /** No instance of that id: {@link InstanceNotFoundException}. */
  INSTANCE_NOT_FOUND(false, InstanceNotFoundException::new),
  /** No node of that id in the instance: {@link NodeNotFoundException}. */
  NODE_NOT_FOUND(false, NodeNotFoundException::new),
  /** The instance has no variable of that name: {@link VariableNotFoundException}. */
  VARIABLE_NOT_FOUND(false, VariableNotFoundException::new),
  /** Something else was not found (a job, an incident, a group, a deployment). */
  NOT_FOUND(false, ResourceNotFoundException::new),
  /** The engine refused the resource it was asked to deploy: {@link InvalidDefinitionException}. */
  INVALID_DEFINITION(false, InvalidDefinitionException::new),
  /** The engine refused the variables (type, shape, size): {@link InvalidVariablesException}. */
  INVALID_VARIABLES(false, InvalidVariablesException::new),
  /** The engine rejected the request as malformed or invalid. */
  INVALID_REQUEST(false, RequestRejectedException::new),
  /** Something with the same identity exists: {@link AlreadyExistsException}. */
  ALREADY_EXISTS(false, AlreadyExistsException::new),
  /** The instance or node is not in a state that allows the call: {@link IllegalTransitionException}. */
  ILLEGAL_TRANSITION(false, IllegalTransitionException::new),
  /** The definition has no start event the call can use: {@link NoStartEventException}. */
  NO_START_EVENT(false, NoStartEventException::new),
  /** The version the call gave is not the current one: {@link StaleVersionException}. */
  STALE_VERSION(false, StaleVersionException::new),
  /** Another conflict the engine reported. */
  CONFLICT(false, ConflictException::new),
  /** The engine did not accept the credentials: {@link AuthenticationException}. */
  AUTHENTICATION(false, AuthenticationException::new),
  /** The credentials may not do this: {@link PermissionDeniedException}. */
  PERMISSION(false, PermissionDeniedException::new),
  /** The engine is overloaded and refused the call; retryable: {@link BackPressureException}. */
  BACK_PRESSURE(true, BackPressureException::new),
  /** The engine could not be reached, or the client is closed; retryable: {@link EngineUnavailableException}. */
  UNAVAILABLE(true, EngineUnavailableException::new),
  /** The server's certificate failed a check (trust, host name, validity); not retryable: {@link TlsException}. */
  TLS_FAILURE(false, TlsException::new),
  /** No answer in time; retryable (not for a start-and-await): {@link WorkflowTimeoutException}. */
  TIMEOUT(true, WorkflowTimeoutException::new),
  /** The engine failed inside: {@link EngineInternalException}. */
  INTERNAL(false, EngineInternalException::new),
  /** A wire status or engine code the adapter does not know: {@link UnknownStatusException}. */
  UNKNOWN_STATUS(false, UnknownStatusException::new),
  /** The engine answered with a body that is not what it should send. */
  UNEXPECTED_RESPONSE(false, UnexpectedResponseException::new),
  /** The client does not support the operation; failed before sending: {@link OperationNotSupportedException}. */
  UNSUPPORTED(false, OperationNotSupportedException::new),
  /** The client refused the arguments before sending anything: {@link ClientValidationException}. */
  CLIENT_VALIDATION(false, ClientValidationException::new),
  /** The client was closed before the call ended; a closed client never answers again: {@link ClientClosedException}. */
  CLIENT_CLOSED(false, ClientClosedException::new);

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
