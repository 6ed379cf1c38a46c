package io.flowport.core.testing;

import io.flowport.core.Operation;
import io.flowport.core.error.ErrorInfo;
import io.flowport.core.error.ErrorKind;
import io.flowport.core.error.WorkflowException;
import io.flowport.core.model.DeployRequest;
import io.flowport.core.model.Deployment;
import io.flowport.core.model.Group;
import io.flowport.core.model.GroupRequest;
import io.flowport.core.model.Instance;
import io.flowport.core.model.InstanceQuery;
import io.flowport.core.model.MessageReceipt;
import io.flowport.core.model.MessageRequest;
import io.flowport.core.model.Node;
import io.flowport.core.model.NodeData;
import io.flowport.core.model.NodeHistory;
import io.flowport.core.model.Page;
import io.flowport.core.model.StartRequest;
import io.flowport.core.spi.CallContext;
import io.flowport.core.spi.EngineBackend;
import io.flowport.core.spi.MessageIdDeduplication;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * A fake {@link EngineBackend} whose answers are scripted per operation (a queue, then an optional
 * default) and which records every attempt: its operation, {@link CallContext}, arguments, the
 * future it returned (so a test can see whether it was cancelled), when and on which thread.
 */
public final class ScriptedBackend implements EngineBackend {
  public static final String ENGINE = "scripted";

  /** One attempt the client made. */
  public record Attempt(
      Operation operation, CallContext context, List<Object> args, CompletableFuture<?> future, long nanoTime,
      String thread) {
    public boolean cancelled() {
      return future != null && future.isCancelled();
    }

    /**
     * Waits until this attempt's future is cancelled (the client may cancel it from another
     * thread a moment after the call ended); false when it completed otherwise or {@code timeout} passed.
     */
    public boolean awaitCancelled(Duration timeout) {
      if (future == null) {
        return false;
      }
      try {
        future.get(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
      } catch (java.util.concurrent.CancellationException e) {
        return true;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
        // completed otherwise, or not at all
      }
      return future.isCancelled();
    }
  }

  /** How the backend answers one attempt. */
  @FunctionalInterface
  public interface Answer {
    CompletableFuture<?> answer(CallContext ctx, List<Object> args);
  }

  /** Every operation of the unified API. */
  public static final Set<Operation> ALL_OPERATIONS = Set.of(
      Operation.DEPLOY, Operation.START_INSTANCE, Operation.START_AND_AWAIT, Operation.GET_INSTANCE,
      Operation.LIST_INSTANCES, Operation.CANCEL_INSTANCE, Operation.SUSPEND_INSTANCE, Operation.RESUME_INSTANCE,
      Operation.RETRY_INSTANCE, Operation.DELETE_INSTANCE, Operation.GET_VARIABLES, Operation.GET_VARIABLE,
      Operation.CREATE_VARIABLES, Operation.UPSERT_VARIABLES, Operation.PUBLISH_MESSAGE, Operation.GET_NODE_TREE,
      Operation.PAUSE_NODE, Operation.RESUME_NODE, Operation.RETRY_NODE, Operation.SKIP_NODE,
      Operation.SKIP_EXCLUSIVE_GATEWAY, Operation.SKIP_CONDITIONAL_PARALLEL_GATEWAY, Operation.FORCE_FAIL_NODE,
      Operation.CALLBACK_NODE, Operation.RETRY_SUBPROCESS, Operation.GET_NODE_DATA, Operation.GET_NODE_HISTORY,
      Operation.START_GROUP, Operation.CANCEL_GROUP, Operation.SET_GROUP_CONCURRENCY, Operation.SET_GROUP_TARGETS);

  private final String engine;
  private final Set<Operation> capabilities;
  private final Map<Operation, Deque<Answer>> scripts = new ConcurrentHashMap<>();
  private final Map<Operation, Answer> defaults = new ConcurrentHashMap<>();
  private final List<Attempt> attempts = new ArrayList<>(); // guarded by this
  private volatile boolean closed;
  private volatile MessageIdDeduplication deduplication = MessageIdDeduplication.WHILE_BUFFERED;

  private ScriptedBackend(String engine, Set<Operation> capabilities) {
    this.engine = engine;
    this.capabilities = Set.copyOf(capabilities);
  }

  /** A backend that can do everything (native start-and-await included). */
  public static ScriptedBackend allOperations() {
    return new ScriptedBackend(ENGINE, ALL_OPERATIONS);
  }

  /** A backend that can do exactly {@code operations}. */
  public static ScriptedBackend with(Operation... operations) {
    return new ScriptedBackend(ENGINE, new LinkedHashSet<>(Arrays.asList(operations)));
  }

  /** Queues answers for the next attempts of {@code op}, in order. */
  public ScriptedBackend script(Operation op, Answer... answers) {
    Deque<Answer> q = scripts.computeIfAbsent(op, k -> new ArrayDeque<>());
    synchronized (q) {
      q.addAll(Arrays.asList(answers));
    }
    return this;
  }

  /** The answer once the queue of {@code op} is empty. */
  public ScriptedBackend otherwise(Operation op, Answer answer) {
    defaults.put(op, answer);
    return this;
  }

  // ---- answers

  public static Answer value(Object v) {
    return (ctx, args) -> CompletableFuture.completedFuture(v);
  }

  public static Answer values(Supplier<?> v) {
    return (ctx, args) -> CompletableFuture.completedFuture(v.get());
  }

  public static Answer error(Throwable t) {
    return (ctx, args) -> CompletableFuture.failedFuture(t);
  }

  /** A future that never completes unless the client cancels it. */
  public static Answer never() {
    return (ctx, args) -> new CompletableFuture<>();
  }

  /** Returns {@code future} itself, so the test completes it when it wants, from where it wants. */
  public static Answer pending(CompletableFuture<?> future) {
    return (ctx, args) -> future;
  }

  /** Completes with {@code v} on {@code executor}: an "I/O thread". */
  public static Answer valueOn(Executor executor, Object v) {
    return (ctx, args) -> CompletableFuture.supplyAsync(() -> v, executor);
  }

  public static Answer throwing(RuntimeException e) {
    return (ctx, args) -> {
      throw e;
    };
  }

  public static Answer returningNull() {
    return (ctx, args) -> null;
  }

  // ---- errors as adapters make them

  /** The engine refused without doing anything: safe to retry for every call. */
  public static WorkflowException backPressure(Operation op, String message) {
    return ErrorKind.BACK_PRESSURE.toException(
        new ErrorInfo(ENGINE, op, "RESOURCE_EXHAUSTED", null, message, null, false));
  }

  /** The request was sent and no answer came: the engine may have done the work. */
  public static WorkflowException timeoutAfterSend(Operation op, String message) {
    return ErrorKind.TIMEOUT.toException(new ErrorInfo(ENGINE, op, null, null, message, null, true));
  }

  /** A refused connection: nothing was sent. */
  public static WorkflowException refused(Operation op, String message) {
    return ErrorKind.UNAVAILABLE.toException(new ErrorInfo(ENGINE, op, null, null, message, null, false));
  }

  public static Instance instance(String id, io.flowport.core.model.InstanceState state) {
    return Instance.builder().id(id).definitionId("order").state(state).build();
  }

  // ---- what happened

  public synchronized List<Attempt> attempts() {
    return List.copyOf(attempts);
  }

  public synchronized List<Attempt> attempts(Operation op) {
    return attempts.stream().filter(a -> a.operation().equals(op)).toList();
  }

  public Attempt attempt(Operation op, int n) {
    return attempts(op).get(n - 1);
  }

  /** Waits until {@code op} has had {@code n} attempts; false when {@code timeout} passed first. */
  public synchronized boolean awaitAttempts(Operation op, int n, Duration timeout) throws InterruptedException {
    long end = System.nanoTime() + timeout.toNanos();
    while (attempts(op).size() < n) {
      long left = end - System.nanoTime();
      if (left <= 0) {
        return false;
      }
      wait(Math.max(1, left / 1_000_000));
    }
    return true;
  }

  public boolean isClosed() {
    return closed;
  }

  // ---- EngineBackend

  @Override
  public String engine() {
    return engine;
  }

  @Override
  public Set<Operation> capabilities() {
    return capabilities;
  }

  /** Declares what the scripted engine does with message ids (WHILE_BUFFERED unless set). */
  public ScriptedBackend messageIdDeduplication(MessageIdDeduplication value) {
    this.deduplication = value;
    return this;
  }

  @Override
  public MessageIdDeduplication messageIdDeduplication() {
    return deduplication;
  }

  @Override
  public void close() {
    closed = true;
  }

  @SuppressWarnings("unchecked")
  private <T> CompletableFuture<T> answer(CallContext ctx, Object... args) {
    Operation op = ctx.operation();
    Answer a = null;
    Deque<Answer> q = scripts.get(op);
    if (q != null) {
      synchronized (q) {
        a = q.poll();
      }
    }
    if (a == null) {
      a = defaults.getOrDefault(op, (c, x) -> CompletableFuture.failedFuture(
          new IllegalStateException("nothing scripted for " + op)));
    }
    CompletableFuture<?> f = null;
    RuntimeException thrown = null;
    try {
      f = a.answer(ctx, Arrays.asList(args));
    } catch (RuntimeException e) {
      thrown = e;
    }
    synchronized (this) {
      attempts.add(new Attempt(op, ctx, Arrays.asList(args), f, System.nanoTime(), Thread.currentThread().getName()));
      notifyAll();
    }
    if (thrown != null) {
      throw thrown;
    }
    return (CompletableFuture<T>) f;
  }

  @Override
  public CompletableFuture<Deployment> deploy(CallContext ctx, DeployRequest request) {
    return answer(ctx, request);
  }

  @Override
  public CompletableFuture<Instance> start(CallContext ctx, StartRequest request) {
    return answer(ctx, request);
  }

  @Override
  public CompletableFuture<Instance> startAndAwait(CallContext ctx, StartRequest request, Duration timeout) {
    return answer(ctx, request, timeout);
  }

  @Override
  public CompletableFuture<Instance> get(CallContext ctx, String instanceId) {
    return answer(ctx, instanceId);
  }

  @Override
  public CompletableFuture<Page<Instance>> list(CallContext ctx, InstanceQuery query) {
    return answer(ctx, query);
  }

  @Override
  public CompletableFuture<Void> cancel(CallContext ctx, String instanceId) {
    return answer(ctx, instanceId);
  }

  @Override
  public CompletableFuture<Void> suspend(CallContext ctx, String instanceId) {
    return answer(ctx, instanceId);
  }

  @Override
  public CompletableFuture<Void> resume(CallContext ctx, String instanceId) {
    return answer(ctx, instanceId);
  }

  @Override
  public CompletableFuture<Void> retry(CallContext ctx, String instanceId) {
    return answer(ctx, instanceId);
  }

  @Override
  public CompletableFuture<Void> delete(CallContext ctx, String instanceId, String reason) {
    return answer(ctx, instanceId, reason);
  }

  @Override
  public CompletableFuture<Map<String, Object>> getVariables(CallContext ctx, String instanceId) {
    return answer(ctx, instanceId);
  }

  @Override
  public CompletableFuture<Object> getVariable(CallContext ctx, String instanceId, String name) {
    return answer(ctx, instanceId, name);
  }

  @Override
  public CompletableFuture<Void> createVariables(CallContext ctx, String instanceId, Map<String, Object> variables) {
    return answer(ctx, instanceId, variables);
  }

  @Override
  public CompletableFuture<Void> upsertVariables(CallContext ctx, String instanceId, Map<String, Object> variables) {
    return answer(ctx, instanceId, variables);
  }

  @Override
  public CompletableFuture<MessageReceipt> publish(CallContext ctx, MessageRequest request) {
    return answer(ctx, request);
  }

  @Override
  public CompletableFuture<Node> nodeTree(CallContext ctx, String instanceId) {
    return answer(ctx, instanceId);
  }

  @Override
  public CompletableFuture<Void> pauseNode(CallContext ctx, String instanceId, String nodeId) {
    return answer(ctx, instanceId, nodeId);
  }

  @Override
  public CompletableFuture<Void> resumeNode(CallContext ctx, String instanceId, String nodeId) {
    return answer(ctx, instanceId, nodeId);
  }

  @Override
  public CompletableFuture<Void> retryNode(CallContext ctx, String instanceId, String nodeId, Map<String, Object> inputs) {
    return answer(ctx, instanceId, nodeId, inputs);
  }

  @Override
  public CompletableFuture<Void> skipNode(CallContext ctx, String instanceId, String nodeId) {
    return answer(ctx, instanceId, nodeId);
  }

  @Override
  public CompletableFuture<Void> skipExclusiveGateway(CallContext ctx, String instanceId, String nodeId, String flowId) {
    return answer(ctx, instanceId, nodeId, flowId);
  }

  @Override
  public CompletableFuture<Void> skipConditionalParallelGateway(
      CallContext ctx, String instanceId, String nodeId, List<String> flowIds) {
    return answer(ctx, instanceId, nodeId, flowIds);
  }

  @Override
  public CompletableFuture<Void> forceFailNode(CallContext ctx, String instanceId, String nodeId, String message) {
    return answer(ctx, instanceId, nodeId, message);
  }

  @Override
  public CompletableFuture<Void> callbackNode(
      CallContext ctx, String instanceId, String nodeId, Map<String, Object> data, String version) {
    return answer(ctx, instanceId, nodeId, data, version);
  }

  @Override
  public CompletableFuture<Void> retrySubprocess(CallContext ctx, String instanceId, String nodeId) {
    return answer(ctx, instanceId, nodeId);
  }

  @Override
  public CompletableFuture<NodeData> nodeData(CallContext ctx, String instanceId, String nodeId) {
    return answer(ctx, instanceId, nodeId);
  }

  @Override
  public CompletableFuture<List<NodeHistory>> nodeHistories(CallContext ctx, String instanceId, String nodeId) {
    return answer(ctx, instanceId, nodeId);
  }

  @Override
  public CompletableFuture<Group> startGroup(CallContext ctx, GroupRequest request) {
    return answer(ctx, request);
  }

  @Override
  public CompletableFuture<Void> cancelGroup(CallContext ctx, String groupId) {
    return answer(ctx, groupId);
  }

  @Override
  public CompletableFuture<Void> setGroupConcurrency(CallContext ctx, String groupId, int concurrency) {
    return answer(ctx, groupId, concurrency);
  }

  @Override
  public CompletableFuture<Void> setGroupTargets(
      CallContext ctx, String groupId, String successGroupId, String failureGroupId) {
    return answer(ctx, groupId, successGroupId, failureGroupId);
  }
}
