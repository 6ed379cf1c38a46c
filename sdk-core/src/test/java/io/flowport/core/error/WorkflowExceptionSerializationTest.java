package io.flowport.core.error;

import static org.assertj.core.api.Assertions.assertThat;

import io.flowport.core.Operation;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** A WorkflowException keeps its type and everything it says through Java serialization. */
class WorkflowExceptionSerializationTest {

  @ParameterizedTest
  @EnumSource(ErrorKind.class)
  void everyKindSurvivesARoundTrip(ErrorKind kind) throws Exception {
    ErrorInfo info = new ErrorInfo("flowable", Operation.CANCEL_INSTANCE, "404", "E42", "no such instance", "req-7", true);
    WorkflowException original = kind.toException(info, new IllegalStateException("root"));

    WorkflowException copy = roundTrip(original);

    assertThat(copy).isExactlyInstanceOf(original.getClass()).hasMessage(original.getMessage());
    assertThat(copy.kind()).isEqualTo(kind);
    assertThat(copy.info()).isEqualTo(info);
    assertThat(copy.engine()).isEqualTo("flowable");
    assertThat(copy.operation()).isEqualTo(Operation.CANCEL_INSTANCE);
    assertThat(copy.operation().isIdempotent()).isTrue();
    assertThat(copy.wireStatus()).isEqualTo("404");
    assertThat(copy.engineCode()).isEqualTo("E42");
    assertThat(copy.engineMessage()).isEqualTo("no such instance");
    assertThat(copy.requestId()).isEqualTo("req-7");
    assertThat(copy.requestMayHaveBeenProcessed()).isTrue();
    assertThat(copy.isRetryable()).isEqualTo(kind.isRetryable());
    assertThat(copy.getCause()).isInstanceOf(IllegalStateException.class).hasMessage("root");
    assertThat(copy.rethrownHere()).isExactlyInstanceOf(original.getClass());
  }

  @Test
  void anEngineSpecificOperationSurvivesToo() throws Exception {
    Operation topology = Operation.of("topology", true);
    WorkflowException copy = roundTrip(ErrorKind.UNAVAILABLE.toException(ErrorInfo.clientSide("zeebe", topology)));
    assertThat(copy.operation()).isEqualTo(topology);
    assertThat(copy.operation().name()).isEqualTo("topology");
    assertThat(copy.wireStatus()).isNull();
  }

  private static WorkflowException roundTrip(WorkflowException e) throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(e);
    }
    try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      return (WorkflowException) in.readObject();
    }
  }
}
