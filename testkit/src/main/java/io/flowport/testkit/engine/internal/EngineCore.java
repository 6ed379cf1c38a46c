package io.flowport.testkit.engine.internal;

import static io.flowport.testkit.engine.EngineException.Reason.ILLEGAL_STATE;

import io.flowport.testkit.engine.DeployedModel;
import io.flowport.testkit.engine.EngineDeployment;
import io.flowport.testkit.engine.EngineException;
import io.flowport.testkit.engine.EngineOptions;
import io.flowport.testkit.engine.InstanceFilter;
import io.flowport.testkit.engine.InstanceSnapshot;
import io.flowport.testkit.engine.JobHandler;
import io.flowport.testkit.engine.JobSnapshot;
import io.flowport.testkit.engine.MessageCommand;
import io.flowport.testkit.engine.NodeAttempt;
import io.flowport.testkit.engine.NodeExecutionData;
import io.flowport.testkit.engine.NodeSnapshot;
import io.flowport.testkit.engine.ProcessModel;
import io.flowport.testkit.engine.Registration;
import io.flowport.testkit.engine.StartCommand;
import io.flowport.testkit.engine.TestClock;
import io.flowport.testkit.engine.internal.EngineState.Waiter;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * The engine implementation behind {@link io.flowport.testkit.engine.InMemoryEngine}. One lock
 * guards all state; execution is synchronous on the calling thread through a work queue; listeners
 * and futures are notified after the lock is released. This class is the door: each operation is
 * done by the part that owns its idea, all sharing one {@link EngineState}:
 * {@link DefinitionStore} (definitions), {@link TokenExecution} (token execution, with the token
 * and join counting explained), {@link JobQueue} (jobs), {@link MessageCorrelation} (messages),
 * {@link Timers}, {@link InstanceCommands} (instance and variable commands),
 * {@link NodeStateMachine} (bamboo's node state machine) and {@link Snapshots}. Not API.
 */
public final class EngineCore implements AutoCloseable {
  private final EngineState st;
  private final Registration clockRegistration;

  /** A resource to deploy: bytes (BPMN) or a model. */
  public record Resource(String name, byte[] bytes, ProcessModel model) {}

  public EngineCore(EngineOptions options) {
    this.st = new EngineState(options == null ? EngineOptions.defaults() : options);
    st.store = new DefinitionStore(st);
    st.tokens = new TokenExecution(st);
    st.jobQueue = new JobQueue(st);
    st.correlation = new MessageCorrelation(st);
    st.timerQueue = new Timers(st);
    st.commands = new InstanceCommands(st);
    st.nodeOps = new NodeStateMachine(st);
    this.clockRegistration = st.clock.onAdvance(st.timerQueue::fireDueTimers);
  }

  public TestClock clock() {
    return st.clock;
  }

  public EngineOptions options() {
    return st.options;
  }

  public EngineDeployment deploy(String tenantId, List<Resource> resources) {
    return st.store.deploy(tenantId, resources);
  }

  public List<DeployedModel> definitions() {
    return st.store.definitions();
  }

  public DeployedModel definition(String key) {
    return st.store.definition(key);
  }

  public Registration registerHandler(String type, JobHandler handler) {
    return st.jobQueue.registerHandler(type, handler);
  }

  public List<JobSnapshot> activeJobs(String type) {
    return st.jobQueue.activeJobs(type);
  }

  public List<JobSnapshot> activateJobs(String type, int maxJobs, Duration timeout, String worker,
      Predicate<JobSnapshot> which) {
    return st.jobQueue.activateJobs(type, maxJobs, timeout, worker, which);
  }

  public void completeJob(String jobKey, Map<String, Object> variables) {
    st.jobQueue.completeJob(jobKey, variables);
  }

  public void failJob(String jobKey, int retries, String errorMessage) {
    st.jobQueue.failJob(jobKey, retries, errorMessage);
  }

  public void completeUserTask(String instanceId, String nodeId, Map<String, Object> variables) {
    st.jobQueue.completeUserTask(instanceId, nodeId, variables);
  }

  public String publishMessage(MessageCommand cmd) {
    return st.correlation.publishMessage(cmd);
  }

  public void messageEventReceived(String instanceId, String messageName, Map<String, Object> variables) {
    st.correlation.messageEventReceived(instanceId, messageName, variables);
  }

  public InstanceSnapshot start(StartCommand cmd) {
    return st.commands.start(cmd);
  }

  public InstanceSnapshot createQueued(StartCommand cmd) {
    return st.commands.createQueued(cmd);
  }

  public InstanceSnapshot release(String instanceId) {
    return st.commands.release(instanceId);
  }

  public InstanceSnapshot get(String instanceId) {
    return st.commands.get(instanceId);
  }

  public List<InstanceSnapshot> list(InstanceFilter filter) {
    return st.commands.list(filter);
  }

  public void cancel(String instanceId) {
    st.commands.cancel(instanceId);
  }

  public void delete(String instanceId) {
    st.commands.delete(instanceId);
  }

  public void suspend(String instanceId) {
    st.commands.suspend(instanceId);
  }

  public void resume(String instanceId) {
    st.commands.resume(instanceId);
  }

  public void retry(String instanceId) {
    st.commands.retry(instanceId);
  }

  public void resolveIncident(String incidentKey) {
    st.commands.resolveIncident(incidentKey);
  }

  public CompletableFuture<InstanceSnapshot> when(String instanceId, Predicate<InstanceSnapshot> predicate) {
    return st.commands.when(instanceId, predicate);
  }

  public CompletableFuture<InstanceSnapshot> awaitCompletion(String instanceId, Duration timeout) {
    return st.commands.awaitCompletion(instanceId, timeout);
  }

  public Registration onChange(Consumer<InstanceSnapshot> listener) {
    return st.commands.onChange(listener);
  }

  public Map<String, Object> variables(String instanceId) {
    return st.commands.variables(instanceId);
  }

  public Object variable(String instanceId, String name) {
    return st.commands.variable(instanceId, name);
  }

  public void createVariables(String instanceId, Map<String, Object> variables) {
    st.commands.createVariables(instanceId, variables);
  }

  public void upsertVariables(String instanceId, Map<String, Object> variables) {
    st.commands.upsertVariables(instanceId, variables);
  }

  public NodeSnapshot tree(String instanceId) {
    return st.nodeOps.tree(instanceId);
  }

  public NodeExecutionData executionData(String instanceId, String nodeId) {
    return st.nodeOps.executionData(instanceId, nodeId);
  }

  public List<NodeAttempt> histories(String instanceId, String nodeId) {
    return st.nodeOps.histories(instanceId, nodeId);
  }

  public void pauseNode(String instanceId, String nodeId) {
    st.nodeOps.pauseNode(instanceId, nodeId);
  }

  public void resumeNode(String instanceId, String nodeId) {
    st.nodeOps.resumeNode(instanceId, nodeId);
  }

  public void retryNode(String instanceId, String nodeId, Map<String, Object> inputs) {
    st.nodeOps.retryNode(instanceId, nodeId, inputs);
  }

  public void skipNode(String instanceId, String nodeId) {
    st.nodeOps.skipNode(instanceId, nodeId);
  }

  public void skipExclusiveGateway(String instanceId, String nodeId, String flowId) {
    st.nodeOps.skipExclusiveGateway(instanceId, nodeId, flowId);
  }

  public void skipConditionalParallelGateway(String instanceId, String nodeId, List<String> flowIds) {
    st.nodeOps.skipConditionalParallelGateway(instanceId, nodeId, flowIds);
  }

  public void forceFail(String instanceId, String nodeId, String message) {
    st.nodeOps.forceFail(instanceId, nodeId, message);
  }

  public void callback(String instanceId, String nodeId, Map<String, Object> data, String version) {
    st.nodeOps.callback(instanceId, nodeId, data, version);
  }

  public void retrySubprocess(String instanceId, String nodeId) {
    st.nodeOps.retrySubprocess(instanceId, nodeId);
  }

  @Override
  public void close() {
    if (st.closed) {
      return;
    }
    st.lock.lock();
    try {
      st.closed = true;
    } finally {
      st.lock.unlock();
    }
    clockRegistration.close();
    for (CopyOnWriteArrayList<Waiter> list : st.waiters.values()) {
      for (Waiter w : list) {
        w.future().completeExceptionally(new EngineException(ILLEGAL_STATE, "The in-memory engine was closed"));
      }
    }
    st.waiters.clear();
    st.listeners.clear();
  }
}
