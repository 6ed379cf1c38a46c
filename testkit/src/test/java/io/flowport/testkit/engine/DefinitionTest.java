package io.flowport.testkit.engine;

import static io.flowport.testkit.engine.Fixtures.bpmn;
import static io.flowport.testkit.engine.Fixtures.failsWith;
import static org.assertj.core.api.Assertions.assertThat;

import io.flowport.testkit.engine.EngineException.Reason;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DefinitionTest {

  @Test
  void identicalRedeployKeepsVersionAndKeyChangedAddsOne() {
    try (InMemoryEngine engine = InMemoryEngine.create()) {
      DeployedModel v1 = engine.deploy("order.bpmn", bpmn("order-zeebe.bpmn"));
      DeployedModel again = engine.deploy("order.bpmn", bpmn("order-zeebe.bpmn"));
      assertThat(v1.version()).isEqualTo(1);
      assertThat(again).isEqualTo(v1);
      byte[] changed = new String(bpmn("order-zeebe.bpmn"), StandardCharsets.UTF_8).replace("Charge card", "Charge").getBytes(StandardCharsets.UTF_8);
      DeployedModel v2 = engine.deploy("order.bpmn", changed);
      assertThat(v2.version()).isEqualTo(2);
      assertThat(v2.key()).isNotEqualTo(v1.key());
      assertThat(v2.processId()).isEqualTo("order");
      assertThat(v2.tenantId()).isEqualTo("<default>");
      assertThat(v2.resourceName()).isEqualTo("order.bpmn");
      assertThat(Long.parseLong(v2.key())).isPositive();
      assertThat(engine.definitions()).extracting(DeployedModel::version).containsExactly(1, 2);
    }
  }

  @Test
  void flowableModeAlwaysAddsAVersion() {
    try (InMemoryEngine engine = InMemoryEngine.create(EngineOptions.builder().duplicateFiltering(false).defaultTenantId("").build())) {
      engine.deploy("order.bpmn", bpmn("order-flowable.bpmn"));
      DeployedModel second = engine.deploy("order.bpmn", bpmn("order-flowable.bpmn"));
      assertThat(second.version()).isEqualTo(2);
      assertThat(second.tenantId()).isEmpty();
    }
  }

  @Test
  void builderModelsAreVersionedByEquality() {
    try (InMemoryEngine engine = InMemoryEngine.create()) {
      ProcessModel m = ProcessModel.builder("p").startEvent("s").endEvent("e").build();
      assertThat(engine.deploy(m).version()).isEqualTo(1);
      assertThat(engine.deploy(ProcessModel.builder("p").startEvent("s").endEvent("e").build()).version()).isEqualTo(1);
      assertThat(engine.deploy(ProcessModel.builder("p").startEvent("s").endEvent("e2").build()).version()).isEqualTo(2);
    }
  }

  @Test
  void tenantsVersionSeparately() {
    try (InMemoryEngine engine = InMemoryEngine.create()) {
      EngineDeployment a = engine.deploy("t1", Map.of("order.bpmn", bpmn("order-zeebe.bpmn")));
      EngineDeployment b = engine.deploy("t2", Map.of("order.bpmn", bpmn("order-zeebe.bpmn")));
      assertThat(a.definitions().get(0).version()).isEqualTo(1);
      assertThat(b.definitions().get(0).version()).isEqualTo(1);
      assertThat(b.tenantId()).isEqualTo("t2");
      failsWith(Reason.DEFINITION_NOT_FOUND, () -> engine.start(StartCommand.process("order")));
      assertThat(engine.start(StartCommand.process("order").withTenantId("t2")).tenantId()).isEqualTo("t2");
    }
  }

  @ParameterizedTest
  @CsvSource({
      "invalid-boundary.bpmn, onTimeout, boundaryEvent",
      "invalid-script.bpmn, calc, scriptTask",
      "invalid-no-type.bpmn, untyped, serviceTask",
      "invalid-condition.bpmn, weird, count(items)"})
  void invalidDefinitionsNameTheElement(String file, String elementId, String what) {
    try (InMemoryEngine engine = InMemoryEngine.create()) {
      EngineException e = failsWith(Reason.INVALID_DEFINITION, () -> engine.deploy(file, bpmn(file)));
      assertThat(e.getMessage()).contains("'" + elementId + "'").contains(what).contains(file);
      assertThat(engine.definitions()).isEmpty();
    }
  }

  @Test
  void malformedXmlAndNonBpmnAreInvalid() {
    try (InMemoryEngine engine = InMemoryEngine.create()) {
      assertThat(failsWith(Reason.INVALID_DEFINITION, () -> engine.deploy("m.bpmn", bpmn("malformed.bpmn"))).getMessage())
          .contains("m.bpmn").contains("line");
      failsWith(Reason.INVALID_DEFINITION, () -> engine.deploy("x.bpmn", "<foo/>".getBytes(StandardCharsets.UTF_8)));
      failsWith(Reason.INVALID_DEFINITION, () -> engine.deploy("x.bpmn", new byte[0]));
      String doctype = "<?xml version=\"1.0\"?><!DOCTYPE d [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><d>&x;</d>";
      failsWith(Reason.INVALID_DEFINITION, () -> engine.deploy("x.bpmn", doctype.getBytes(StandardCharsets.UTF_8)));
      String noProcess = "<definitions xmlns=\"http://www.omg.org/spec/BPMN/20100524/MODEL\"/>";
      assertThat(failsWith(Reason.INVALID_DEFINITION, () -> engine.deploy("x.bpmn", noProcess.getBytes(StandardCharsets.UTF_8))).getMessage())
          .contains("at least one process");
    }
  }

  @Test
  void invalidBuilderModels() {
    try (InMemoryEngine engine = InMemoryEngine.create()) {
      assertThat(failsWith(Reason.INVALID_DEFINITION, () -> engine.deploy(ProcessModel.builder("p").serviceTask("t", "x").build())).getMessage())
          .contains("at least one start event");
      assertThat(failsWith(Reason.INVALID_DEFINITION,
          () -> engine.deploy(ProcessModel.builder("p").startEvent("s").exclusiveGateway("g").endEvent("a").moveTo("g").endEvent("b").build()))
          .getMessage()).contains("must have a condition or be the default flow");
      assertThat(failsWith(Reason.INVALID_DEFINITION,
          () -> engine.deploy(ProcessModel.builder("p").startEvent("s").serviceTask("s", "x").build())).getMessage()).contains("duplicate id");
      failsWith(Reason.INVALID_DEFINITION, () -> engine.deploy(ProcessModel.builder("p").startEvent("s").serviceTask("t", " ").build()));
      failsWith(Reason.INVALID_DEFINITION,
          () -> engine.deploy(ProcessModel.builder("p").startEvent("s").exclusiveGateway("g").condition("${a >}").endEvent("e").build()));
      failsWith(Reason.INVALID_ARGUMENT, () -> engine.deploy((ProcessModel) null));
      failsWith(Reason.INVALID_ARGUMENT, () -> engine.deploy(null, bpmn("timer.bpmn")));
      failsWith(Reason.INVALID_ARGUMENT, () -> engine.deploy(" ", bpmn("timer.bpmn")));
    }
  }

  @Test
  void startErrorsWordedLikeZeebe() {
    try (InMemoryEngine engine = InMemoryEngine.create()) {
      assertThat(failsWith(Reason.DEFINITION_NOT_FOUND, () -> engine.start(StartCommand.process("x"))).getMessage())
          .isEqualTo("Expected to find process definition with process ID 'x', but none found");
      engine.deploy("order.bpmn", bpmn("order-zeebe.bpmn"));
      assertThat(failsWith(Reason.DEFINITION_NOT_FOUND, () -> engine.start(StartCommand.process("order", 7))).getMessage())
          .contains("version '7'");
      failsWith(Reason.DEFINITION_NOT_FOUND, () -> engine.start(StartCommand.definitionKey("42")));
      failsWith(Reason.DEFINITION_NOT_FOUND, () -> engine.start(StartCommand.message("nobody")));
      engine.deploy("no-start.bpmn", bpmn("no-start.bpmn"));
      failsWith(Reason.NO_START_EVENT, () -> engine.start(StartCommand.process("msgOnly")));
      failsWith(Reason.INVALID_ARGUMENT, () -> engine.start(StartCommand.process(" ")));
      failsWith(Reason.INVALID_ARGUMENT, () -> engine.start(null));
      failsWith(Reason.INVALID_ARGUMENT, () -> engine.start(new StartCommand("order", null, "1", null, null, null, null)));
    }
  }

  @Test
  void startsByKeyAndByVersion() {
    try (InMemoryEngine engine = InMemoryEngine.create()) {
      DeployedModel v1 = engine.deploy(ProcessModel.builder("p").startEvent("s").endEvent("e").build());
      DeployedModel v2 = engine.deploy(ProcessModel.builder("p").startEvent("s").endEvent("e2").build());
      assertThat(engine.start(StartCommand.process("p")).version()).isEqualTo(2);
      assertThat(engine.start(StartCommand.process("p", 1)).definitionKey()).isEqualTo(v1.key());
      assertThat(engine.start(StartCommand.definitionKey(v2.key())).version()).isEqualTo(2);
      assertThat(engine.definition(v1.key())).isEqualTo(v1);
    }
  }
}
