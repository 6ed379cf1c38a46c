package io.flowport.core.error;

import static org.assertj.core.api.Assertions.assertThat;

import io.flowport.core.Operation;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Unit tests for {@link ErrorTable}, {@link ErrorKind} and {@link WorkflowException}. */
class ErrorTableTest {
  private static final Operation CANCEL = Operation.CANCEL_INSTANCE;
  private static final Operation START = Operation.START_INSTANCE;

  private final ErrorTable table = ErrorTable.builder("zeebe")
      .row(CANCEL, "NOT_FOUND", ErrorKind.INSTANCE_NOT_FOUND)
      .row(START, "NOT_FOUND", ErrorKind.DEFINITION_NOT_FOUND)
      .rowMatching(null, "INVALID_ARGUMENT", "(?i)variables", ErrorKind.INVALID_VARIABLES)
      .row(null, "400", "invalid_definition", ErrorKind.INVALID_DEFINITION)
      .row(null, "INVALID_ARGUMENT", ErrorKind.INVALID_REQUEST)
      .row(null, "NOT_FOUND", ErrorKind.NOT_FOUND)
      .row(null, "RESOURCE_EXHAUSTED", ErrorKind.BACK_PRESSURE)
      .row(null, "NOT_FOUND", ErrorKind.NODE_NOT_FOUND) // never reached: the generic row above wins
      .build();

  @Test
  void operationSpecificRowsListedFirstWin() {
    assertThat(table.kindFor(CANCEL, "NOT_FOUND", null, "x")).isEqualTo(ErrorKind.INSTANCE_NOT_FOUND);
    assertThat(table.kindFor(START, "NOT_FOUND", null, "x")).isEqualTo(ErrorKind.DEFINITION_NOT_FOUND);
    assertThat(table.kindFor(Operation.GET_NODE_TREE, "NOT_FOUND", null, "x")).isEqualTo(ErrorKind.NOT_FOUND);
  }

  @Test
  void theFirstMatchingRowWins() {
    assertThat(table.kindFor(Operation.GET_INSTANCE, "NOT_FOUND", null, null))
        .isEqualTo(ErrorKind.NOT_FOUND)
        .isNotEqualTo(ErrorKind.NODE_NOT_FOUND);
  }

  @Test
  void aGenericRowListedBeforeASpecificOneShadowsIt() {
    ErrorTable shadowed = ErrorTable.builder("e")
        .row(null, "404", ErrorKind.NOT_FOUND)
        .row(CANCEL, "404", ErrorKind.INSTANCE_NOT_FOUND)
        .build();
    assertThat(shadowed.kindFor(CANCEL, "404", null, null)).isEqualTo(ErrorKind.NOT_FOUND);
  }

  @Test
  void messagePatternRowsMatchOnlyWhenThePatternIsFound() {
    assertThat(table.kindFor(START, "INVALID_ARGUMENT", null, "Expected Variables to be a JSON object"))
        .isEqualTo(ErrorKind.INVALID_VARIABLES);
    assertThat(table.kindFor(START, "INVALID_ARGUMENT", null, "bad tenant")).isEqualTo(ErrorKind.INVALID_REQUEST);
    assertThat(table.kindFor(START, "INVALID_ARGUMENT", null, null)).isEqualTo(ErrorKind.INVALID_REQUEST);
  }

  @Test
  void engineCodeRowsNeedTheCode() {
    assertThat(table.kindFor(Operation.DEPLOY, "400", "invalid_definition", null))
        .isEqualTo(ErrorKind.INVALID_DEFINITION);
    assertThat(table.kindFor(Operation.DEPLOY, "400", "other", null)).isEqualTo(ErrorKind.UNKNOWN_STATUS);
  }

  @Test
  void noMatchFallsBackToUnknownStatusOrTheChosenFallback() {
    assertThat(table.kindFor(START, "418", null, "teapot")).isEqualTo(ErrorKind.UNKNOWN_STATUS);
    assertThat(table.kindFor(START, null, null, null)).isEqualTo(ErrorKind.UNKNOWN_STATUS);
    ErrorTable internalByDefault = ErrorTable.builder("e").fallback(ErrorKind.INTERNAL).build();
    assertThat(internalByDefault.kindFor(START, "599", null, null)).isEqualTo(ErrorKind.INTERNAL);
  }

  @Test
  void toExceptionKeepsEverythingTheWireSaid() {
    Throwable cause = new RuntimeException("wire");
    WorkflowException e = table.toException(CANCEL, "NOT_FOUND", "5", "Instance 42 not found", "req-1", cause);

    assertThat(e).isExactlyInstanceOf(InstanceNotFoundException.class).hasCause(cause);
    assertThat(e.engine()).isEqualTo("zeebe");
    assertThat(e.operation()).isEqualTo(CANCEL);
    assertThat(e.wireStatus()).isEqualTo("NOT_FOUND");
    assertThat(e.engineCode()).isEqualTo("5");
    assertThat(e.engineMessage()).isEqualTo("Instance 42 not found");
    assertThat(e.requestId()).isEqualTo("req-1");
    assertThat(e.requestMayHaveBeenProcessed()).as("a rejection: the engine did nothing").isFalse();
    assertThat(e.isRetryable()).isFalse();
  }

  @Test
  void answersThatMayFollowWorkAreMarkedAsMaybeProcessed() {
    ErrorTable t = ErrorTable.builder("e")
        .row(null, "504", ErrorKind.TIMEOUT)
        .row(null, "503", ErrorKind.UNAVAILABLE)
        .row(null, "500", ErrorKind.INTERNAL)
        .row(null, "429", ErrorKind.BACK_PRESSURE)
        .build();
    assertThat(t.toException(START, "504", null, null, null, null).requestMayHaveBeenProcessed()).isTrue();
    assertThat(t.toException(START, "503", null, null, null, null).requestMayHaveBeenProcessed()).isTrue();
    assertThat(t.toException(START, "500", null, null, null, null).requestMayHaveBeenProcessed()).isTrue();
    assertThat(t.toException(START, "418", null, null, null, null).requestMayHaveBeenProcessed()).isTrue();
    WorkflowException bp = t.toException(START, "429", null, null, null, null);
    assertThat(bp).isInstanceOf(BackPressureException.class);
    assertThat(bp.requestMayHaveBeenProcessed()).isFalse();
    assertThat(bp.isRetryable()).isTrue();
  }

  private static final Map<ErrorKind, Class<? extends WorkflowException>> CLASSES = new EnumMap<>(Map.ofEntries(
      Map.entry(ErrorKind.DEFINITION_NOT_FOUND, DefinitionNotFoundException.class),
      Map.entry(ErrorKind.INSTANCE_NOT_FOUND, InstanceNotFoundException.class),
      Map.entry(ErrorKind.NODE_NOT_FOUND, NodeNotFoundException.class),
      Map.entry(ErrorKind.VARIABLE_NOT_FOUND, VariableNotFoundException.class),
      Map.entry(ErrorKind.NOT_FOUND, ResourceNotFoundException.class),
      Map.entry(ErrorKind.INVALID_DEFINITION, InvalidDefinitionException.class),
      Map.entry(ErrorKind.INVALID_VARIABLES, InvalidVariablesException.class),
      Map.entry(ErrorKind.INVALID_REQUEST, RequestRejectedException.class),
      Map.entry(ErrorKind.ALREADY_EXISTS, AlreadyExistsException.class),
      Map.entry(ErrorKind.ILLEGAL_TRANSITION, IllegalTransitionException.class),
      Map.entry(ErrorKind.NO_START_EVENT, NoStartEventException.class),
      Map.entry(ErrorKind.STALE_VERSION, StaleVersionException.class),
      Map.entry(ErrorKind.CONFLICT, ConflictException.class),
      Map.entry(ErrorKind.AUTHENTICATION, AuthenticationException.class),
      Map.entry(ErrorKind.PERMISSION, PermissionDeniedException.class),
      Map.entry(ErrorKind.BACK_PRESSURE, BackPressureException.class),
      Map.entry(ErrorKind.UNAVAILABLE, EngineUnavailableException.class),
      Map.entry(ErrorKind.TLS_FAILURE, TlsException.class),
      Map.entry(ErrorKind.TIMEOUT, WorkflowTimeoutException.class),
      Map.entry(ErrorKind.INTERNAL, EngineInternalException.class),
      Map.entry(ErrorKind.UNKNOWN_STATUS, UnknownStatusException.class),
      Map.entry(ErrorKind.UNEXPECTED_RESPONSE, UnexpectedResponseException.class),
      Map.entry(ErrorKind.UNSUPPORTED, OperationNotSupportedException.class),
      Map.entry(ErrorKind.CLIENT_VALIDATION, ClientValidationException.class),
      Map.entry(ErrorKind.CLIENT_CLOSED, ClientClosedException.class)));

  @ParameterizedTest
  @EnumSource(ErrorKind.class)
  void eachKindMakesItsExceptionClassWithTheInfoKept(ErrorKind kind) {
    ErrorInfo info = new ErrorInfo("flowable", START, "409", "E1", "engine said no", "req-9", true);
    Throwable cause = new IllegalStateException("cause");

    WorkflowException e = kind.toException(info, cause);

    assertThat(CLASSES).containsKey(kind);
    assertThat(e).isExactlyInstanceOf(CLASSES.get(kind)).hasCause(cause);
    assertThat(e.kind()).isEqualTo(kind);
    assertThat(e.info()).isEqualTo(info);
    assertThat(e.isRetryable()).isEqualTo(kind.isRetryable());
    assertThat(kind.toException(info).getCause()).isNull();
  }

  @Test
  void onlyBackPressureUnavailableAndTimeoutAreRetryable() {
    assertThat(java.util.Arrays.stream(ErrorKind.values()).filter(ErrorKind::isRetryable))
        .containsExactlyInAnyOrder(ErrorKind.BACK_PRESSURE, ErrorKind.UNAVAILABLE, ErrorKind.TIMEOUT);
  }

  @Test
  void theMessageNamesEngineOperationStatusCodeMessageAndRequestId() {
    WorkflowException e = ErrorKind.INSTANCE_NOT_FOUND.toException(
        new ErrorInfo("zeebe", CANCEL, "NOT_FOUND", "5", "Instance 42 not found", "req-1", false));

    assertThat(e.getMessage())
        .isEqualTo("[zeebe] cancel instance: instance not found (NOT_FOUND, 5): Instance 42 not found [request req-1]");
  }

  @Test
  void theMessageLeavesOutWhatIsUnknown() {
    assertThat(ErrorKind.TIMEOUT.toException(ErrorInfo.clientSide("flowable", START)).getMessage())
        .isEqualTo("[flowable] start instance: timeout");
    assertThat(ErrorKind.INTERNAL.toException(new ErrorInfo("flowable", START, "500", null, "", null, true))
        .getMessage()).isEqualTo("[flowable] start instance: internal (500)");
    assertThat(ErrorKind.CONFLICT.toException(new ErrorInfo("cloudify", START, null, "busy", "m", null, false))
        .getMessage()).isEqualTo("[cloudify] start instance: conflict (busy): m");
  }

  @ParameterizedTest
  @EnumSource(ErrorKind.class)
  void rethrownHereKeepsTypeAndInfoWithTheOriginalAsCause(ErrorKind kind) {
    WorkflowException original = kind.toException(
        new ErrorInfo("zeebe", START, "X", "C", "m", "r", true), new RuntimeException("root"));

    WorkflowException here = original.rethrownHere();

    assertThat(here).isExactlyInstanceOf(original.getClass()).isNotSameAs(original).hasCause(original);
    assertThat(here.info()).isEqualTo(original.info());
    assertThat(here.kind()).isEqualTo(kind);
    assertThat(here.getMessage()).isEqualTo(original.getMessage());
    assertThat(here.getStackTrace()).anySatisfy(f ->
        assertThat(f.getMethodName()).isEqualTo("rethrownHereKeepsTypeAndInfoWithTheOriginalAsCause"));
  }
}
