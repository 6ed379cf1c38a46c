package io.flowport.testkit.fakes.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class BpmnDialectTest {
  private static final String PLAIN = """
      <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL"><process id="p"/></definitions>""";
  private static final String ZEEBE_IN_A_TASK = """
      <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"><bpmn:process id="p">
        <bpmn:serviceTask id="t"><bpmn:extensionElements>
          <z:taskDefinition xmlns:z="http://camunda.org/schema/zeebe/1.0" type="x"/>
        </bpmn:extensionElements></bpmn:serviceTask></bpmn:process></bpmn:definitions>""";
  private static final String FLOWABLE = """
      <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:flowable="http://flowable.org/bpmn">
        <process id="p"/></definitions>""";
  private static final String BOTH = """
      <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:flowable="http://flowable.org/bpmn"
          xmlns:zeebe="http://camunda.org/schema/zeebe/1.0"><process id="p"/></definitions>""";

  @Test
  void plainBpmnIsForEveryEngine() {
    assertThat(BpmnDialect.usedBy(bytes(PLAIN))).isEmpty();
    assertThat(BpmnDialect.ZEEBE.accepts(bytes(PLAIN))).isTrue();
    assertThat(BpmnDialect.FLOWABLE.accepts(bytes(PLAIN))).isTrue();
  }

  @Test
  void aFileUsingOneEnginesNamespaceIsForThatEngineOnly() {
    assertThat(BpmnDialect.ZEEBE.accepts(bytes(ZEEBE_IN_A_TASK))).isTrue();
    assertThat(BpmnDialect.FLOWABLE.accepts(bytes(ZEEBE_IN_A_TASK))).isFalse();
    assertThat(BpmnDialect.FLOWABLE.accepts(bytes(FLOWABLE))).isTrue();
    assertThat(BpmnDialect.ZEEBE.accepts(bytes(FLOWABLE))).isFalse();
    assertThat(BpmnDialect.names(BpmnDialect.usedBy(bytes(FLOWABLE)))).isEqualTo("flowable");
  }

  @Test
  void aFileDeclaringBothIsForBoth() {
    assertThat(BpmnDialect.ZEEBE.accepts(bytes(BOTH))).isTrue();
    assertThat(BpmnDialect.FLOWABLE.accepts(bytes(BOTH))).isTrue();
    assertThat(BpmnDialect.names(BpmnDialect.usedBy(bytes(BOTH)))).isEqualTo("zeebe and flowable");
  }

  @Test
  void aFileThatIsNotXmlIsLeftToTheEngineToRefuse() {
    assertThat(BpmnDialect.ZEEBE.accepts(bytes("<bpmn:definitions oops"))).isTrue();
    assertThat(BpmnDialect.FLOWABLE.accepts(bytes("not xml at all"))).isTrue();
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
