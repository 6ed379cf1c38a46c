package io.flowport.it.flowable.adapter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.flowport.core.ClientOptions;
import io.flowport.core.RetryPolicy;
import io.flowport.core.auth.Credentials;
import io.flowport.core.error.AlreadyExistsException;
import io.flowport.core.error.AuthenticationException;
import io.flowport.core.error.ClientValidationException;
import io.flowport.core.error.DefinitionNotFoundException;
import io.flowport.core.error.IllegalTransitionException;
import io.flowport.core.error.InstanceNotFoundException;
import io.flowport.core.error.InvalidDefinitionException;
import io.flowport.core.error.ResourceNotFoundException;
import io.flowport.core.error.VariableNotFoundException;
import io.flowport.core.error.WorkflowException;
import io.flowport.core.model.DefinitionRef;
import io.flowport.core.model.DeployRequest;
import io.flowport.core.model.DeployedDefinition;
import io.flowport.core.model.Deployment;
import io.flowport.core.model.Instance;
import io.flowport.core.model.InstanceQuery;
import io.flowport.core.model.InstanceState;
import io.flowport.core.model.MessageReceipt;
import io.flowport.core.model.MessageRequest;
import io.flowport.core.model.Page;
import io.flowport.core.model.Resource;
import io.flowport.core.model.StartRequest;
import io.flowport.core.spi.CallExecutor;
import io.flowport.it.flowable.RealFlowable;
import io.flowport.rest.flowable.FlowableClient;
import io.flowport.rest.flowable.FlowableInstanceQuery;
import io.flowport.rest.flowable.FlowableVariable;
import io.flowport.rest.flowable.IdentityLink;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The Flowable adapter ({@link FlowableClient}) against the real Flowable 7.2.0 REST API with basic auth: every
 * unified operation it supports, its error table rows that the real engine can produce, and the Flowable-only API.
 */
@Timeout(60)
class FlowableAdapterRealTest {

  static final String ONE_TASK = process("fpOneTask", """
      <startEvent id="start" />
      <sequenceFlow id="f1" sourceRef="start" targetRef="task" />
      <userTask id="task" name="Do it" flowable:assignee="kermit" />
      <sequenceFlow id="f2" sourceRef="task" targetRef="end" />
      <endEvent id="end" />""");

  static final String WAIT_FOR_PING = """
      <?xml version="1.0" encoding="UTF-8"?>
      <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:flowable="http://flowable.org/bpmn"
                   targetNamespace="http://flowport.io/it">
        <message id="ping" name="fpPing" />
        <process id="fpWaitPing" isExecutable="true">
          <startEvent id="start" />
          <sequenceFlow id="f1" sourceRef="start" targetRef="wait" />
          <intermediateCatchEvent id="wait"><messageEventDefinition messageRef="ping" /></intermediateCatchEvent>
          <sequenceFlow id="f2" sourceRef="wait" targetRef="end" />
          <endEvent id="end" />
        </process>
      </definitions>
      """;

  static final String STARTED_BY_MESSAGE = """
      <?xml version="1.0" encoding="UTF-8"?>
      <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:flowable="http://flowable.org/bpmn"
                   targetNamespace="http://flowport.io/it">
        <message id="go" name="fpGo" />
        <process id="fpByMessage" isExecutable="true">
          <startEvent id="start"><messageEventDefinition messageRef="go" /></startEvent>
          <sequenceFlow id="f1" sourceRef="start" targetRef="task" />
          <userTask id="task" />
          <sequenceFlow id="f2" sourceRef="task" targetRef="end" />
          <endEvent id="end" />
        </process>
      </definitions>
      """;

  static final String STRAIGHT_THROUGH = process("fpNoop", """
      <startEvent id="start" />
      <sequenceFlow id="f1" sourceRef="start" targetRef="end" />
      <endEvent id="end" />""");

  static RealFlowable flowable;
  static FlowableClient client;
  static Deployment deployed;

  static String process(String id, String body) {
    return """
        <?xml version="1.0" encoding="UTF-8"?>
        <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:flowable="http://flowable.org/bpmn"
                     targetNamespace="http://flowport.io/it">
          <process id="%s" isExecutable="true">
        %s
          </process>
        </definitions>
        """.formatted(id, body);
  }

  static Resource resource(String name, String xml) {
    return Resource.of(name, xml.getBytes(StandardCharsets.UTF_8));
  }

  static FlowableClient client(String password) {
    return FlowableClient.builder()
        .baseUrl(flowable.baseUrl())
        .credentials(Credentials.basic(flowable.user(), password))
        .options(ClientOptions.builder()
            .retryPolicy(RetryPolicy.builder().maxAttempts(2).baseDelay(Duration.ofMillis(20)).build())
            .attemptTimeout(Duration.ofSeconds(20))
            .apiCallTimeout(Duration.ofSeconds(40))
            .build())
        .build();
  }

  @BeforeAll
  static void deploy() {
    flowable = RealFlowable.shared();
    client = client(flowable.password());
    deployed = client.definitions().deploy(DeployRequest.builder()
        .resource(resource("fpOneTask.bpmn20.xml", ONE_TASK))
        .resource(resource("fpWaitPing.bpmn20.xml", WAIT_FOR_PING))
        .resource(resource("fpByMessage.bpmn", STARTED_BY_MESSAGE))
        .resource(resource("fpNoop.bpmn20.xml", STRAIGHT_THROUGH))
        .name("flowport-adapter-it")
        .build()).join();
  }

  @AfterAll
  static void close() {
    if (client != null) {
      client.close();
    }
  }

  static Throwable failure(CompletableFuture<?> f) {
    Throwable t = catchThrowable(f::join);
    assertThat(t).as("the call should have failed").isNotNull();
    return CallExecutor.unwrap(t);
  }

  static String unique(String prefix) {
    return prefix + "-" + UUID.randomUUID();
  }

  Instance startOneTask(String businessKey, Map<String, ?> variables) {
    return client.instances().start(StartRequest.of("fpOneTask").businessKey(businessKey).variables(variables).build())
        .join();
  }

  // ------------------------------------------------------------------ deploy

  @Test
  void deployReportsEveryDefinitionOfEveryResource() {
    assertThat(deployed.deploymentId().split(",")).hasSize(4);
    assertThat(deployed.definitions()).extracting(DeployedDefinition::id)
        .containsExactly("fpOneTask", "fpWaitPing", "fpByMessage", "fpNoop");
    DeployedDefinition oneTask = deployed.definition("fpOneTask");
    assertThat(oneTask.version()).isPositive();
    assertThat(oneTask.key()).startsWith("fpOneTask:" + oneTask.version() + ":");
    assertThat(oneTask.resourceName()).isEqualTo("fpOneTask.bpmn20.xml");
  }

  @Test
  void invalidBpmnIsAnInvalidDefinition() {
    String broken = process("fpBroken", """
        <startEvent id="start" />
        <sequenceFlow id="f1" sourceRef="start" targetRef="nowhere" />""");
    Throwable t = failure(client.definitions().deploy(DeployRequest.of(resource("fpBroken.bpmn20.xml", broken))));
    assertThat(t).isInstanceOf(InvalidDefinitionException.class).hasMessageContaining("500");

    Throwable txt = failure(client.definitions().deploy(DeployRequest.of(resource("notes.txt", "hello"))));
    assertThat(txt).isInstanceOf(ClientValidationException.class);
  }

  // ------------------------------------------------------------------ start, get, list

  @Test
  void startByKeyWithTypedVariablesThenGetThemBack() {
    Map<String, Object> vars = new LinkedHashMap<>();
    vars.put("text", "hello");
    vars.put("count", 42);
    vars.put("big", 5_000_000_000L);
    vars.put("ratio", 2.5);
    vars.put("vip", true);
    vars.put("order", Map.of("items", List.of("a", "b"), "total", 3));
    vars.put("nothing", null);
    String businessKey = unique("order");

    Instance started = startOneTask(businessKey, vars);

    assertThat(started.state()).isEqualTo(InstanceState.RUNNING);
    assertThat(started.definitionId()).isEqualTo("fpOneTask");
    assertThat(started.definitionKey()).startsWith("fpOneTask:");
    assertThat(started.businessKey()).isEqualTo(businessKey);
    assertThat(started.startTime()).isNotNull();

    Instance got = client.instances().get(started.id()).join();
    assertThat(got.id()).isEqualTo(started.id());
    assertThat(got.state()).isEqualTo(InstanceState.RUNNING);
    assertThat(got.rawStatus()).isEqualTo("active");
    assertThat(got.definitionVersion()).isEqualTo(deployed.definition("fpOneTask").version());

    Map<String, Object> back = client.variables().getAll(started.id()).join();
    assertThat(back).isEqualTo(vars);
    assertThat(back.get("count")).isInstanceOf(Integer.class);
    assertThat(back.get("big")).isInstanceOf(Long.class);
    assertThat(back.get("ratio")).isInstanceOf(Double.class);
    assertThat(client.variables().get(started.id(), "order").join())
        .isEqualTo(Map.of("items", List.of("a", "b"), "total", 3));
  }

  @Test
  void startByDefinitionKeyAndByVersion() {
    DeployedDefinition d = deployed.definition("fpOneTask");
    Instance byKey = client.instances().start(StartRequest.builder().definition(DefinitionRef.key(d.key())).build())
        .join();
    assertThat(byKey.definitionKey()).isEqualTo(d.key());
    Instance byVersion = client.instances().start(StartRequest.builder()
        .definition(DefinitionRef.version("fpOneTask", d.version())).build()).join();
    assertThat(byVersion.definitionVersion()).isEqualTo(d.version());
  }

  @Test
  void unknownDefinitionsAreDefinitionNotFound() {
    assertThat(failure(client.instances().start(StartRequest.of("fp-does-not-exist").build())))
        .isInstanceOf(DefinitionNotFoundException.class).hasMessageContaining("fp-does-not-exist");
    assertThat(failure(client.instances().start(StartRequest.builder().definition(DefinitionRef.key("nope:1:1"))
        .build()))).isInstanceOf(DefinitionNotFoundException.class);
    assertThat(failure(client.instances().start(StartRequest.builder()
        .definition(DefinitionRef.version("fpOneTask", 9999)).build()))).isInstanceOf(DefinitionNotFoundException.class);
  }

  @Test
  void unknownInstancesAreInstanceNotFound() {
    assertThat(failure(client.instances().get("fp-does-not-exist"))).isInstanceOf(InstanceNotFoundException.class);
    assertThat(failure(client.instances().suspend("fp-does-not-exist"))).isInstanceOf(InstanceNotFoundException.class);
    assertThat(failure(client.instances().cancel("fp-does-not-exist"))).isInstanceOf(InstanceNotFoundException.class);
    assertThat(failure(client.variables().getAll("fp-does-not-exist"))).isInstanceOf(InstanceNotFoundException.class);
    assertThat(failure(client.variables().create("fp-does-not-exist", Map.of("a", 1))))
        .isInstanceOf(InstanceNotFoundException.class);
    // an id that would climb out of the path stays one segment: still just an unknown instance
    assertThat(failure(client.instances().get("../repository/deployments")))
        .isInstanceOf(WorkflowException.class);
  }

  @Test
  void listPagesThroughInstancesOfOneBusinessKey() {
    String businessKey = unique("paged");
    for (int i = 0; i < 3; i++) {
      startOneTask(businessKey, Map.of("n", i));
    }
    InstanceQuery query = InstanceQuery.builder().definitionId("fpOneTask").businessKey(businessKey).pageSize(2).build();
    Page<Instance> first = client.instances().list(query).join();
    assertThat(first.items()).hasSize(2);
    assertThat(first.total()).isEqualTo(3);
    assertThat(first.nextPageToken()).isEqualTo("2");
    Page<Instance> second = client.instances().list(query.next(first)).join();
    assertThat(second.items()).hasSize(1);
    assertThat(second.nextPageToken()).isNull();
    assertThat(first.items().stream().map(Instance::id))
        .doesNotContainAnyElementsOf(second.items().stream().map(Instance::id).toList());

    Instance one = first.items().get(0);
    client.instances().suspend(one.id()).join();
    Page<Instance> suspended = client.instances().list(query.toBuilder().state(InstanceState.SUSPENDED).build()).join();
    assertThat(suspended.items()).extracting(Instance::id).containsExactly(one.id());
    assertThat(suspended.items().get(0).state()).isEqualTo(InstanceState.SUSPENDED);
    assertThat(client.instances().list(query.toBuilder().state(InstanceState.RUNNING).build()).join().total())
        .isEqualTo(2);
  }

  // ------------------------------------------------------------------ suspend, resume, cancel, delete

  @Test
  void suspendingTwiceIsAnIllegalTransition() {
    Instance i = startOneTask(unique("suspend"), Map.of());
    client.instances().suspend(i.id()).join();
    assertThat(client.instances().get(i.id()).join().state()).isEqualTo(InstanceState.SUSPENDED);
    Throwable again = failure(client.instances().suspend(i.id()));
    assertThat(again).isInstanceOf(IllegalTransitionException.class).hasMessageContaining("already suspended");
    assertThat(((WorkflowException) again).wireStatus()).isEqualTo("409");

    client.instances().resume(i.id()).join();
    assertThat(client.instances().get(i.id()).join().state()).isEqualTo(InstanceState.RUNNING);
    assertThat(failure(client.instances().resume(i.id()))).isInstanceOf(IllegalTransitionException.class)
        .hasMessageContaining("already active");
  }

  @Test
  void cancelledAndDeletedInstancesAreFoundInHistoryAsCancelled() {
    Instance cancelled = startOneTask(unique("cancel"), Map.of("keep", "me"));
    client.instances().cancel(cancelled.id()).join();
    Instance afterCancel = client.instances().get(cancelled.id()).join();
    assertThat(afterCancel.state()).as(afterCancel.toString()).isEqualTo(InstanceState.CANCELLED);
    assertThat(afterCancel.endTime()).isNotNull();
    // variables of an ended instance come from history
    assertThat(client.variables().getAll(cancelled.id()).join()).containsEntry("keep", "me");
    assertThat(client.variables().get(cancelled.id(), "keep").join()).isEqualTo("me");

    Instance deleted = startOneTask(unique("delete"), Map.of());
    client.instances().delete(deleted.id(), "no longer needed").join();
    Instance afterDelete = client.instances().get(deleted.id()).join();
    assertThat(afterDelete.state()).isEqualTo(InstanceState.CANCELLED);
    assertThat(afterDelete.rawStatus()).isEqualTo("cancelled");
    assertThat(failure(client.instances().cancel(deleted.id()))).isInstanceOf(InstanceNotFoundException.class);
  }

  @Test
  void startAndAwaitOfAStraightThroughProcessCompletesWithItsVariables() {
    Instance started = client.instances().start(StartRequest.of("fpNoop").variable("x", 1).build()).join();
    assertThat(started.state()).isEqualTo(InstanceState.COMPLETED);
    assertThat(client.instances().get(started.id()).join().state()).isEqualTo(InstanceState.COMPLETED);

    Instance awaited = client.instances().startAndAwait(StartRequest.of("fpNoop").variable("y", "z").build(),
        Duration.ofSeconds(20)).join();
    assertThat(awaited.state()).isEqualTo(InstanceState.COMPLETED);
    assertThat(awaited.variables()).containsEntry("y", "z");
  }

  // ------------------------------------------------------------------ variables

  @Test
  void createConflictsUpsertOverwritesAndMissingVariablesAreNotFound() {
    Instance i = startOneTask(unique("vars"), Map.of("amount", 1));
    Throwable conflict = failure(client.variables().create(i.id(), Map.of("amount", 2)));
    assertThat(conflict).isInstanceOf(AlreadyExistsException.class).hasMessageContaining("amount");

    client.variables().create(i.id(), Map.of("fresh", "yes")).join();
    client.variables().upsert(i.id(), Map.of("amount", 3L, "other", List.of(1))).join();
    assertThat(client.variables().getAll(i.id()).join())
        .containsEntry("amount", 3L).containsEntry("fresh", "yes").containsEntry("other", List.of(1));

    Throwable missing = failure(client.variables().get(i.id(), "nope"));
    assertThat(missing).isInstanceOf(VariableNotFoundException.class).hasMessageContaining("nope");
  }

  // ------------------------------------------------------------------ messages

  @Test
  void aMessageReachesTheInstanceWaitingWithThatBusinessKey() {
    String businessKey = unique("ping");
    Instance waiting = client.instances().start(StartRequest.of("fpWaitPing").businessKey(businessKey).build()).join();
    Instance other = client.instances().start(StartRequest.of("fpWaitPing").businessKey(unique("other")).build()).join();

    MessageReceipt receipt = client.messages().publish(MessageRequest.builder("fpPing", businessKey)
        .variable("answer", 42).build()).join();

    assertThat(receipt.instanceId()).isEqualTo(waiting.id());
    Instance ended = client.instances().get(waiting.id()).join();
    assertThat(ended.state()).isEqualTo(InstanceState.COMPLETED);
    assertThat(client.variables().get(waiting.id(), "answer").join()).isEqualTo(42);
    assertThat(client.instances().get(other.id()).join().state()).isEqualTo(InstanceState.RUNNING);

    client.messageInstance(other.id(), "fpPing", Map.of()).join();
    assertThat(client.instances().get(other.id()).join().state()).isEqualTo(InstanceState.COMPLETED);
    assertThat(failure(client.messageInstance(other.id(), "fpPing", Map.of())))
        .isInstanceOf(InstanceNotFoundException.class);
  }

  @Test
  void aMessageNobodyWaitsForStartsAProcessOrIsNotFound() {
    String businessKey = unique("go");
    MessageReceipt receipt = client.messages().publish(MessageRequest.builder("fpGo", businessKey).build()).join();
    Instance started = client.instances().get(receipt.instanceId()).join();
    assertThat(started.definitionId()).isEqualTo("fpByMessage");
    assertThat(started.businessKey()).isEqualTo(businessKey);

    Instance byMessage = client.instances().start(StartRequest.builder().messageName("fpGo").build()).join();
    assertThat(byMessage.definitionId()).isEqualTo("fpByMessage");

    assertThat(failure(client.messages().publish(MessageRequest.builder("fpNobody", "x").build())))
        .isInstanceOf(ResourceNotFoundException.class);
    assertThat(failure(client.instances().start(StartRequest.builder().messageName("fpNobody").build())))
        .isInstanceOf(DefinitionNotFoundException.class);
  }

  // ------------------------------------------------------------------ auth

  @Test
  void aWrongPasswordIsAnAuthenticationError() {
    try (FlowableClient wrong = client("not-the-password")) {
      Throwable t = failure(wrong.instances().get("anything"));
      assertThat(t).isInstanceOf(AuthenticationException.class);
      assertThat(((WorkflowException) t).wireStatus()).isEqualTo("401");
      assertThat(t.getMessage()).doesNotContain("not-the-password");
    }
  }

  // ------------------------------------------------------------------ Flowable-only

  @Test
  void identityLinksBinaryVariablesAndQueries() {
    String businessKey = unique("extras");
    Instance i = startOneTask(businessKey, Map.of("amount", 150L, "vip", true));

    IdentityLink added = client.addIdentityLink(i.id(), "fozzie", "participant").join();
    assertThat(added.user()).isEqualTo("fozzie");
    assertThat(client.getIdentityLinks(i.id()).join()).extracting(IdentityLink::user).contains("fozzie");
    client.removeIdentityLink(i.id(), "fozzie", "participant").join();
    assertThat(client.getIdentityLinks(i.id()).join()).extracting(IdentityLink::user).doesNotContain("fozzie");
    assertThat(failure(client.removeIdentityLink(i.id(), "fozzie", "participant")))
        .isInstanceOf(ResourceNotFoundException.class);

    byte[] blob = {0, 1, 2, (byte) 200, (byte) 255};
    FlowableVariable created = client.createBinaryVariable(i.id(), "blob", blob).join();
    assertThat(created.type()).isEqualTo("binary");
    assertThat(client.getBinaryVariable(i.id(), "blob").join()).isEqualTo(blob);
    assertThat(failure(client.createBinaryVariable(i.id(), "blob", blob)))
        .isInstanceOf(AlreadyExistsException.class);
    client.updateBinaryVariable(i.id(), "blob", new byte[] {7}).join();
    assertThat(client.getBinaryVariable(i.id(), "blob").join()).containsExactly(7);
    assertThat(client.getTypedVariables(i.id()).join())
        .anySatisfy(v -> assertThat(v.name() + v.type() + v.isBinary()).isEqualTo("blobbinarytrue"));
    assertThat(client.variables().getAll(i.id()).join()).containsEntry("blob", null);

    Page<Instance> found = client.query(FlowableInstanceQuery.builder()
        .processDefinitionKey("fpOneTask")
        .variable("amount", FlowableInstanceQuery.VariableOperation.GREATER_THAN, 100L)
        .variableEquals("vip", true)
        .businessKey(businessKey)
        .build()).join();
    assertThat(found.items()).extracting(Instance::id).containsExactly(i.id());
    assertThat(client.query(FlowableInstanceQuery.builder().businessKey(businessKey)
        .variable("amount", FlowableInstanceQuery.VariableOperation.LESS_THAN, 100L).build()).join().items()).isEmpty();
  }
}
