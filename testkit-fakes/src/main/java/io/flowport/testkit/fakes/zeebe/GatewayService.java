package io.flowport.testkit.fakes.zeebe;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.zeebe.gateway.protocol.GatewayGrpc;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.ActivateJobsRequest;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.ActivateJobsResponse;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.ActivatedJob;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.BroadcastSignalRequest;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.BroadcastSignalResponse;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.BrokerInfo;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.CancelProcessInstanceRequest;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.CancelProcessInstanceResponse;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.CompleteJobRequest;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.CompleteJobResponse;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.CreateProcessInstanceRequest;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.CreateProcessInstanceResponse;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.CreateProcessInstanceWithResultRequest;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.CreateProcessInstanceWithResultResponse;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.DeployResourceRequest;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.DeployResourceResponse;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.FailJobRequest;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.FailJobResponse;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.Partition;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.ProcessMetadata;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.PublishMessageRequest;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.PublishMessageResponse;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.ResolveIncidentRequest;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.ResolveIncidentResponse;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.Resource;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.SetVariablesRequest;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.SetVariablesResponse;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.ThrowErrorRequest;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.ThrowErrorResponse;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.TopologyRequest;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.TopologyResponse;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.UpdateJobRetriesRequest;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.UpdateJobRetriesResponse;
import io.flowport.testkit.engine.DeployedModel;
import io.flowport.testkit.engine.EngineDeployment;
import io.flowport.testkit.engine.EngineException;
import io.flowport.testkit.engine.InMemoryEngine;
import io.flowport.testkit.engine.Incident;
import io.flowport.testkit.engine.InstanceFilter;
import io.flowport.testkit.engine.InstanceSnapshot;
import io.flowport.testkit.engine.InstanceStatus;
import io.flowport.testkit.engine.JobSnapshot;
import io.flowport.testkit.engine.MessageCommand;
import io.flowport.testkit.engine.Registration;
import io.flowport.testkit.engine.StartCommand;
import io.flowport.testkit.fakes.Fault;
import io.flowport.testkit.fakes.FaultPlan;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;
import java.net.SocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

/**
 * {@code gateway_protocol.Gateway} on an {@link InMemoryEngine}. Every RPC goes through
 * {@link #handle}: take a fault from the plan, then run the RPC (now, or later for latency) and
 * map engine failures through {@link ZeebeStatuses}. Nothing here blocks a gRPC thread: waits
 * (start-and-await, long-polling ActivateJobs) complete from engine change notifications or the
 * scheduler.
 */
final class GatewayService extends GatewayGrpc.GatewayImplBase {
  static final String GATEWAY_VERSION = "8.8.21-flowport-fake";
  /** Used for CreateProcessInstanceWithResult and ActivateJobs when the request says 0. */
  static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(10);
  private static final Duration POLL_TICK = Duration.ofMillis(50);
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Kills the connection a call came on; false when it cannot (in-process transport). */
  interface TransportKiller {
    boolean kill(SocketAddress remote);
  }

  private final InMemoryEngine engine;
  private final FaultPlan faults;
  private final ScheduledExecutorService scheduler;
  private final ExecutorService executor;
  private final TransportKiller killer;
  private final String brokerHost;
  private volatile int brokerPort;
  private final AtomicLong localKeys = new AtomicLong(4503599627370497L); // partition-2-style keys, never clash
  private final Registration listener;
  private final ScheduledFuture<?> tick;
  private final List<Poller> pollers = new ArrayList<>();
  private final AtomicInteger awaiting = new AtomicInteger();
  private final Map<String, InstanceSnapshot> recentlyCompleted = new LinkedHashMap<>(16, 0.75f, false) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, InstanceSnapshot> eldest) {
      return size() > 1024;
    }
  };

  GatewayService(InMemoryEngine engine, FaultPlan faults, ScheduledExecutorService scheduler, ExecutorService executor,
      TransportKiller killer, String brokerHost) {
    this.engine = engine;
    this.faults = faults;
    this.scheduler = scheduler;
    this.executor = executor;
    this.killer = killer;
    this.brokerHost = brokerHost;
    this.listener = engine.onChange(this::onEngineChange);
    this.tick = scheduler.scheduleWithFixedDelay(this::servePollers, POLL_TICK.toMillis(), POLL_TICK.toMillis(),
        TimeUnit.MILLISECONDS);
  }

  void brokerPort(int port) {
    this.brokerPort = port;
  }

  void shutdown() {
    listener.close();
    tick.cancel(false);
    List<Poller> left;
    synchronized (pollers) {
      left = new ArrayList<>(pollers);
      pollers.clear();
    }
    for (Poller p : left) {
      p.call.fail(Status.UNAVAILABLE.withDescription("the fake gateway is shutting down").asRuntimeException());
    }
  }

  private void onEngineChange(InstanceSnapshot s) {
    if (s.state() == InstanceStatus.COMPLETED && awaiting.get() > 0) {
      synchronized (recentlyCompleted) {
        recentlyCompleted.put(s.id(), s);
      }
    }
    boolean any;
    synchronized (pollers) {
      any = !pollers.isEmpty();
    }
    if (any) {
      submit(this::servePollers);
    }
  }

  private void submit(Runnable r) {
    try {
      executor.execute(r);
    } catch (RejectedExecutionException ignored) {
      // closing
    }
  }

  // ------------------------------------------------------------------ call plumbing

  /** One server call: replies at most once, and tells registered hooks when the client cancels. */
  static final class Call<T> {
    final Rpc rpc;
    final String key;
    final SocketAddress remote;
    private final ServerCallStreamObserver<T> observer;
    private final AtomicBoolean done = new AtomicBoolean();
    private final List<Runnable> cancelHooks = new ArrayList<>();
    private boolean cancelled;

    Call(Rpc rpc, String key, StreamObserver<T> observer) {
      this.rpc = rpc;
      this.key = key;
      this.remote = FakeZeebeGateway.REMOTE_ADDRESS.get();
      this.observer = (ServerCallStreamObserver<T>) observer;
      this.observer.setOnCancelHandler(this::cancelled);
    }

    private void cancelled() {
      List<Runnable> hooks;
      synchronized (this) {
        cancelled = true;
        hooks = new ArrayList<>(cancelHooks);
        cancelHooks.clear();
      }
      hooks.forEach(Runnable::run);
    }

    /** Runs {@code hook} when the client cancels (at once if it already has). */
    void onCancel(Runnable hook) {
      boolean now;
      synchronized (this) {
        now = cancelled;
        if (!now) {
          cancelHooks.add(hook);
        }
      }
      if (now) {
        hook.run();
      }
    }

    boolean isDone() {
      return done.get();
    }

    void reply(T value) {
      if (done.compareAndSet(false, true)) {
        try {
          if (value != null) {
            observer.onNext(value);
          }
          observer.onCompleted();
        } catch (RuntimeException ignored) {
          // the client went away: a real gateway drops the answer too
        }
      }
    }

    void fail(StatusRuntimeException e) {
      if (done.compareAndSet(false, true)) {
        try {
          observer.onError(e);
        } catch (RuntimeException ignored) {
          // the client went away
        }
      }
    }
  }

  private interface Action<T> {
    void run(Call<T> call);
  }

  private <T> void handle(Rpc rpc, String key, StreamObserver<T> observer, Action<T> action) {
    Call<T> call = new Call<>(rpc, key, observer);
    Fault fault = faults.take(rpc.method);
    if (fault == null) {
      run(call, action);
      return;
    }
    switch (fault.type()) {
      case BACK_PRESSURE -> call.fail(ZeebeStatuses.status(Status.Code.RESOURCE_EXHAUSTED,
          "Reached maximum capacity of requests handled"));
      case UNAVAILABLE -> call.fail(ZeebeStatuses.status(Status.Code.UNAVAILABLE,
          "Cannot accept requests for partition 1. (fault injected by FakeZeebeGateway)"));
      case LATENCY -> {
        // The request has "reached the broker": it runs after the delay even if the client gave
        // up meanwhile (as a real engine would), only the answer is lost.
        try {
          scheduler.schedule(() -> submit(() -> run(call, action)), fault.delay().toNanos(), TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException e) {
          call.fail(Status.UNAVAILABLE.withDescription("the fake gateway is shutting down").asRuntimeException());
        }
      }
      case RESET -> {
        if (!killer.kill(call.remote)) {
          call.fail(Status.UNAVAILABLE.withDescription("connection reset").asRuntimeException());
        }
      }
      // Bodies cannot be malformed on gRPC (protobuf framing): the nearest is a broken answer.
      case MALFORMED_BODY -> call.fail(ZeebeStatuses.status(Status.Code.INTERNAL, "{\"garbage\": tru"));
      case HTML_ERROR -> call.fail(ZeebeStatuses.status(Status.Code.INTERNAL,
          "<html><body><h1>502 Bad Gateway</h1></body></html>"));
      case EMPTY_BODY -> call.fail(Status.INTERNAL.asRuntimeException());
      default -> call.fail(Status.INTERNAL.withDescription("unknown fault " + fault).asRuntimeException());
    }
  }

  private <T> void run(Call<T> call, Action<T> action) {
    try {
      action.run(call);
    } catch (EngineException e) {
      call.fail(ZeebeStatuses.toStatus(call.rpc, call.key, e));
    } catch (StatusRuntimeException e) {
      call.fail(e);
    } catch (RuntimeException e) {
      call.fail(ZeebeStatuses.status(Status.Code.INTERNAL, "Unexpected error in the fake gateway: " + e));
    }
  }

  // ------------------------------------------------------------------ JSON

  /** A JSON object document; "" means none. Not an object → INVALID_ARGUMENT (see package docs). */
  private static Map<String, Object> document(Rpc rpc, String json, String property) {
    if (json == null || json.isBlank()) {
      return Map.of();
    }
    JsonNode node;
    try {
      node = JSON.readTree(json);
    } catch (JsonProcessingException e) {
      throw ZeebeStatuses.status(Status.Code.INVALID_ARGUMENT, "Property '" + property
          + "' is invalid: Expected document to be valid JSON, but it could not be parsed: " + e.getOriginalMessage());
    }
    if (node == null || !node.isObject()) {
      String type = node == null ? "NIL" : node.getNodeType().name();
      throw ZeebeStatuses.status(Status.Code.INVALID_ARGUMENT, "Property '" + property
          + "' is invalid: Expected document to be a root level object, but was '" + type + "'");
    }
    @SuppressWarnings("unchecked")
    Map<String, Object> map = JSON.convertValue(node, LinkedHashMap.class);
    return map;
  }

  private static String json(Map<String, Object> variables) {
    try {
      return JSON.writeValueAsString(variables);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("variables cannot be written as JSON: " + e.getOriginalMessage(), e);
    }
  }

  private static Map<String, Object> select(Map<String, Object> variables, List<String> names) {
    if (names.isEmpty()) {
      return variables;
    }
    Map<String, Object> out = new LinkedHashMap<>();
    for (String n : names) {
      if (variables.containsKey(n)) {
        out.put(n, variables.get(n));
      }
    }
    return out;
  }

  private static long key(String key) {
    return Long.parseLong(key);
  }

  private static String tenantOrNull(String tenantId) {
    return tenantId == null || tenantId.isEmpty() ? null : tenantId;
  }

  // ------------------------------------------------------------------ Topology

  @Override
  public void topology(TopologyRequest request, StreamObserver<TopologyResponse> observer) {
    handle(Rpc.TOPOLOGY, null, observer, call -> call.reply(TopologyResponse.newBuilder()
        .addBrokers(BrokerInfo.newBuilder()
            .setNodeId(0)
            .setHost(brokerHost)
            .setPort(brokerPort)
            .setVersion(GATEWAY_VERSION)
            .addPartitions(Partition.newBuilder()
                .setPartitionId(1)
                .setRole(Partition.PartitionBrokerRole.LEADER)
                .setHealth(Partition.PartitionBrokerHealth.HEALTHY)))
        .setClusterSize(1)
        .setPartitionsCount(1)
        .setReplicationFactor(1)
        .setGatewayVersion(GATEWAY_VERSION)
        .build()));
  }

  // ------------------------------------------------------------------ DeployResource

  static final String DEPLOY_ERRORS = "Expected to deploy new resources, but encountered the following errors:\n";

  @Override
  public void deployResource(DeployResourceRequest request, StreamObserver<DeployResourceResponse> observer) {
    handle(Rpc.DEPLOY_RESOURCE, null, observer, call -> {
      if (request.getResourcesCount() == 0) {
        throw ZeebeStatuses.rejection(Rpc.DEPLOY_RESOURCE, Status.Code.INVALID_ARGUMENT,
            "Expected to deploy at least one resource, but none given");
      }
      StringBuilder unknown = new StringBuilder();
      Map<String, byte[]> resources = new LinkedHashMap<>();
      for (Resource r : request.getResourcesList()) {
        String lower = r.getName().toLowerCase(Locale.ROOT);
        if (lower.endsWith(".bpmn") || lower.endsWith(".xml")) {
          resources.put(r.getName(), r.getContent().toByteArray());
        } else if (lower.endsWith(".dmn") || lower.endsWith(".form")) {
          unknown.append("\n'").append(r.getName()).append("': not supported by the Flowport fake gateway (BPMN only)");
        } else {
          unknown.append("\n'").append(r.getName()).append("': unknown resource type");
        }
      }
      if (unknown.length() > 0) {
        throw ZeebeStatuses.rejection(Rpc.DEPLOY_RESOURCE, Status.Code.INVALID_ARGUMENT, DEPLOY_ERRORS + unknown);
      }
      EngineDeployment d;
      try {
        d = engine.deploy(tenantOrNull(request.getTenantId()), resources);
      } catch (EngineException e) {
        if (e.reason() == EngineException.Reason.INVALID_DEFINITION) {
          throw ZeebeStatuses.rejection(Rpc.DEPLOY_RESOURCE, Status.Code.INVALID_ARGUMENT, DEPLOY_ERRORS + e.getMessage());
        }
        throw e;
      }
      DeployResourceResponse.Builder b = DeployResourceResponse.newBuilder()
          .setKey(key(d.key()))
          .setTenantId(d.tenantId());
      for (DeployedModel def : d.definitions()) {
        b.addDeployments(io.camunda.zeebe.gateway.protocol.GatewayOuterClass.Deployment.newBuilder()
            .setProcess(ProcessMetadata.newBuilder()
                .setBpmnProcessId(def.processId())
                .setVersion(def.version())
                .setProcessDefinitionKey(key(def.key()))
                .setResourceName(def.resourceName())
                .setTenantId(def.tenantId())));
      }
      call.reply(b.build());
    });
  }

  // ------------------------------------------------------------------ CreateProcessInstance(+WithResult)

  private static StartCommand startCommand(Rpc rpc, CreateProcessInstanceRequest r) {
    if (r.getStartInstructionsCount() > 0 || r.getRuntimeInstructionsCount() > 0) {
      throw Status.UNIMPLEMENTED
          .withDescription("start and runtime instructions are not supported by the Flowport fake gateway")
          .asRuntimeException();
    }
    Map<String, Object> variables = document(rpc, r.getVariables(), "variables");
    StartCommand cmd;
    if (!r.getBpmnProcessId().isEmpty()) {
      cmd = StartCommand.process(r.getBpmnProcessId()).withVersion(r.getVersion() >= 0 ? r.getVersion() : null);
    } else if (r.getProcessDefinitionKey() >= 0) {
      cmd = StartCommand.definitionKey(Long.toString(r.getProcessDefinitionKey()));
    } else {
      throw ZeebeStatuses.rejection(rpc, Status.Code.INVALID_ARGUMENT,
          "Expected at least a bpmnProcessId or a key greater than -1, but none given");
    }
    return cmd.withVariables(variables).withTenantId(tenantOrNull(r.getTenantId()));
  }

  @Override
  public void createProcessInstance(CreateProcessInstanceRequest request,
      StreamObserver<CreateProcessInstanceResponse> observer) {
    handle(Rpc.CREATE_PROCESS_INSTANCE, null, observer, call -> {
      InstanceSnapshot s = engine.start(startCommand(Rpc.CREATE_PROCESS_INSTANCE, request));
      call.reply(CreateProcessInstanceResponse.newBuilder()
          .setProcessDefinitionKey(key(s.definitionKey()))
          .setBpmnProcessId(s.processId())
          .setVersion(s.version())
          .setProcessInstanceKey(key(s.id()))
          .setTenantId(s.tenantId())
          .build());
    });
  }

  @Override
  public void createProcessInstanceWithResult(CreateProcessInstanceWithResultRequest request,
      StreamObserver<CreateProcessInstanceWithResultResponse> observer) {
    Duration timeout = request.getRequestTimeout() > 0
        ? Duration.ofMillis(request.getRequestTimeout())
        : DEFAULT_REQUEST_TIMEOUT;
    handle(Rpc.CREATE_PROCESS_INSTANCE_WITH_RESULT, null, observer, call -> {
      StartCommand cmd = startCommand(Rpc.CREATE_PROCESS_INSTANCE_WITH_RESULT, request.getRequest());
      awaiting.incrementAndGet();
      CompletableFuture<InstanceSnapshot> completed;
      try {
        InstanceSnapshot started = engine.start(cmd);
        completed = completion(started);
      } catch (RuntimeException e) {
        awaiting.decrementAndGet();
        throw e;
      }
      ScheduledFuture<?> timer = scheduler.schedule(() -> completed.completeExceptionally(new EngineException(
          EngineException.Reason.TIMEOUT, "Request ProcessInstanceCreationRecord timed out in " + timeout)),
          timeout.toNanos(), TimeUnit.NANOSECONDS);
      call.onCancel(() -> completed.cancel(false));
      completed.whenComplete((s, e) -> {
        awaiting.decrementAndGet();
        timer.cancel(false);
        if (e == null) {
          call.reply(CreateProcessInstanceWithResultResponse.newBuilder()
              .setProcessDefinitionKey(key(s.definitionKey()))
              .setBpmnProcessId(s.processId())
              .setVersion(s.version())
              .setProcessInstanceKey(key(s.id()))
              .setTenantId(s.tenantId())
              .setVariables(json(select(s.variables(), request.getFetchVariablesList())))
              .build());
        } else if (e instanceof EngineException ee) {
          call.fail(ZeebeStatuses.toStatus(call.rpc, null, ee));
        } else if (!(e instanceof java.util.concurrent.CancellationException)) {
          call.fail(ZeebeStatuses.status(Status.Code.INTERNAL, "Unexpected error in the fake gateway: " + e));
        }
      });
    });
  }

  /**
   * Completes with the COMPLETED snapshot of the instance. An instance that is cancelled or fails
   * never completes it (Zeebe does not answer then either): the request timeout does.
   */
  private CompletableFuture<InstanceSnapshot> completion(InstanceSnapshot started) {
    Predicate<InstanceSnapshot> done = s -> s.state() == InstanceStatus.COMPLETED;
    if (done.test(started)) {
      return CompletableFuture.completedFuture(started);
    }
    if (started.isEnded()) {
      return new CompletableFuture<>();
    }
    try {
      return engine.when(started.id(), done);
    } catch (EngineException e) {
      if (e.reason() != EngineException.Reason.INSTANCE_NOT_FOUND) {
        throw e;
      }
      // Ended (and dropped: keepEndedInstances(false)) between start and when.
      InstanceSnapshot s;
      synchronized (recentlyCompleted) {
        s = recentlyCompleted.remove(started.id());
      }
      return s != null ? CompletableFuture.completedFuture(s) : new CompletableFuture<>();
    }
  }

  // ------------------------------------------------------------------ CancelProcessInstance

  @Override
  public void cancelProcessInstance(CancelProcessInstanceRequest request,
      StreamObserver<CancelProcessInstanceResponse> observer) {
    String key = Long.toString(request.getProcessInstanceKey());
    handle(Rpc.CANCEL_PROCESS_INSTANCE, key, observer, call -> {
      engine.cancel(key);
      call.reply(CancelProcessInstanceResponse.getDefaultInstance());
    });
  }

  // ------------------------------------------------------------------ PublishMessage

  @Override
  public void publishMessage(PublishMessageRequest request, StreamObserver<PublishMessageResponse> observer) {
    handle(Rpc.PUBLISH_MESSAGE, null, observer, call -> {
      MessageCommand cmd = MessageCommand.of(request.getName(), request.getCorrelationKey())
          .withTtl(Duration.ofMillis(request.getTimeToLive()))
          .withMessageId(request.getMessageId().isEmpty() ? null : request.getMessageId())
          .withVariables(document(Rpc.PUBLISH_MESSAGE, request.getVariables(), "variables"))
          .withTenantId(tenantOrNull(request.getTenantId()));
      String messageKey = engine.publishMessage(cmd);
      call.reply(PublishMessageResponse.newBuilder()
          .setKey(key(messageKey))
          .setTenantId(request.getTenantId().isEmpty() ? engine.options().defaultTenantId() : request.getTenantId())
          .build());
    });
  }

  // ------------------------------------------------------------------ SetVariables

  @Override
  public void setVariables(SetVariablesRequest request, StreamObserver<SetVariablesResponse> observer) {
    String key = Long.toString(request.getElementInstanceKey());
    handle(Rpc.SET_VARIABLES, key, observer, call -> {
      Map<String, Object> variables = document(Rpc.SET_VARIABLES, request.getVariables(), "variables");
      engine.upsertVariables(key, variables);
      call.reply(SetVariablesResponse.newBuilder().setKey(localKeys.getAndIncrement()).build());
    });
  }

  // ------------------------------------------------------------------ ActivateJobs (long polling)

  /** A waiting ActivateJobs call. */
  private final class Poller {
    final Call<ActivateJobsResponse> call;
    final ActivateJobsRequest request;
    final long deadlineNanos;
    final AtomicBoolean finished = new AtomicBoolean();

    Poller(Call<ActivateJobsResponse> call, ActivateJobsRequest request, Duration wait) {
      this.call = call;
      this.request = request;
      this.deadlineNanos = System.nanoTime() + wait.toNanos();
    }

    /** Tries to activate; answers and returns true when done (jobs found, expired or cancelled). */
    boolean attempt(boolean last) {
      if (finished.get()) {
        return true;
      }
      List<JobSnapshot> jobs = engine.activateJobs(request.getType(), request.getMaxJobsToActivate(),
          Duration.ofMillis(request.getTimeout()), request.getWorker());
      if (!jobs.isEmpty() || last || System.nanoTime() >= deadlineNanos) {
        finished.set(true);
        call.reply(response(jobs, request));
        return true;
      }
      return false;
    }
  }

  @Override
  public void activateJobs(ActivateJobsRequest request, StreamObserver<ActivateJobsResponse> observer) {
    handle(Rpc.ACTIVATE_JOBS, null, observer, call -> {
      if (request.getMaxJobsToActivate() <= 0) {
        throw ZeebeStatuses.rejection(Rpc.ACTIVATE_JOBS, Status.Code.INVALID_ARGUMENT,
            "Expected to activate job batch with max jobs to activate to be greater than zero, but it was '"
                + request.getMaxJobsToActivate() + "'");
      }
      if (request.getTimeout() <= 0) {
        throw ZeebeStatuses.rejection(Rpc.ACTIVATE_JOBS, Status.Code.INVALID_ARGUMENT,
            "Expected to activate job batch with timeout to be greater than zero, but it was '"
                + request.getTimeout() + "'");
      }
      if (request.getType().isBlank()) {
        throw ZeebeStatuses.rejection(Rpc.ACTIVATE_JOBS, Status.Code.INVALID_ARGUMENT,
            "Expected to activate job batch with type to be present, but it was blank");
      }
      Duration wait = request.getRequestTimeout() > 0 ? Duration.ofMillis(request.getRequestTimeout())
          : request.getRequestTimeout() == 0 ? DEFAULT_REQUEST_TIMEOUT : Duration.ZERO;
      Poller poller = new Poller(call, request, wait);
      if (poller.attempt(wait.isZero())) {
        return;
      }
      call.onCancel(() -> {
        poller.finished.set(true);
        synchronized (pollers) {
          pollers.remove(poller);
        }
      });
      synchronized (pollers) {
        if (!poller.finished.get()) {
          pollers.add(poller);
        }
      }
      submit(this::servePollers); // a job may have appeared between the attempt and the registration
    });
  }

  private void servePollers() {
    List<Poller> snapshot;
    synchronized (pollers) {
      if (pollers.isEmpty()) {
        return;
      }
      snapshot = new ArrayList<>(pollers);
    }
    for (Poller p : snapshot) {
      boolean done;
      try {
        synchronized (p) {
          done = p.attempt(false);
        }
      } catch (EngineException e) {
        p.finished.set(true);
        p.call.fail(ZeebeStatuses.toStatus(Rpc.ACTIVATE_JOBS, null, e));
        done = true;
      } catch (RuntimeException e) {
        p.finished.set(true);
        p.call.fail(ZeebeStatuses.status(Status.Code.INTERNAL, "Unexpected error in the fake gateway: " + e));
        done = true;
      }
      if (done) {
        synchronized (pollers) {
          pollers.remove(p);
        }
      }
    }
  }

  private ActivateJobsResponse response(List<JobSnapshot> jobs, ActivateJobsRequest request) {
    ActivateJobsResponse.Builder b = ActivateJobsResponse.newBuilder();
    for (JobSnapshot j : jobs) {
      Map<String, Object> variables;
      String tenant;
      try {
        InstanceSnapshot inst = engine.get(j.instanceId());
        variables = inst.variables();
        tenant = inst.tenantId();
      } catch (EngineException e) {
        variables = j.variables();
        tenant = engine.options().defaultTenantId();
      }
      b.addJobs(ActivatedJob.newBuilder()
          .setKey(key(j.key()))
          .setType(j.type())
          .setProcessInstanceKey(key(j.instanceId()))
          .setBpmnProcessId(j.processId())
          .setProcessDefinitionVersion(j.version())
          .setProcessDefinitionKey(key(j.definitionKey()))
          .setElementId(j.nodeId())
          // One flat variable scope per instance: the element instance is the process instance,
          // so SetVariables(elementInstanceKey) works on what a worker receives.
          .setElementInstanceKey(key(j.instanceId()))
          .setCustomHeaders("{}")
          .setWorker(j.worker() == null ? request.getWorker() : j.worker())
          .setRetries(j.retries())
          .setDeadline(j.deadline() == null ? 0 : j.deadline().toEpochMilli())
          .setVariables(json(select(variables, request.getFetchVariableList())))
          .setTenantId(tenant));
    }
    return b.build();
  }

  // ------------------------------------------------------------------ jobs

  @Override
  public void completeJob(CompleteJobRequest request, StreamObserver<CompleteJobResponse> observer) {
    String key = Long.toString(request.getJobKey());
    handle(Rpc.COMPLETE_JOB, key, observer, call -> {
      engine.completeJob(key, document(Rpc.COMPLETE_JOB, request.getVariables(), "variables"));
      call.reply(CompleteJobResponse.getDefaultInstance());
    });
  }

  @Override
  public void failJob(FailJobRequest request, StreamObserver<FailJobResponse> observer) {
    String key = Long.toString(request.getJobKey());
    handle(Rpc.FAIL_JOB, key, observer, call -> {
      Map<String, Object> variables = document(Rpc.FAIL_JOB, request.getVariables(), "variables");
      writeJobVariables(key, variables);
      engine.failJob(key, Math.max(0, request.getRetries()),
          request.getErrorMessage().isEmpty() ? null : request.getErrorMessage());
      call.reply(FailJobResponse.getDefaultInstance());
    });
  }

  @Override
  public void throwError(ThrowErrorRequest request, StreamObserver<ThrowErrorResponse> observer) {
    String key = Long.toString(request.getJobKey());
    handle(Rpc.THROW_ERROR, key, observer, call -> {
      Map<String, Object> variables = document(Rpc.THROW_ERROR, request.getVariables(), "variables");
      writeJobVariables(key, variables);
      // No boundary / error events in the engine: the error is never caught, which Zeebe turns
      // into an incident with this message.
      String message = request.getErrorMessage().isEmpty()
          ? "Expected to throw an error event with the code '" + request.getErrorCode()
              + "', but it was not caught. No error events are available in the scope."
          : "Expected to throw an error event with the code '" + request.getErrorCode() + "' with message '"
              + request.getErrorMessage() + "', but it was not caught. No error events are available in the scope.";
      engine.failJob(key, 0, message);
      call.reply(ThrowErrorResponse.getDefaultInstance());
    });
  }

  private void writeJobVariables(String jobKey, Map<String, Object> variables) {
    if (variables.isEmpty()) {
      return;
    }
    for (JobSnapshot j : engine.activeJobs(null)) {
      if (j.key().equals(jobKey)) {
        engine.upsertVariables(j.instanceId(), variables);
        return;
      }
    }
    // unknown job: the fail/complete call that follows answers NOT_FOUND
  }

  @Override
  public void updateJobRetries(UpdateJobRetriesRequest request, StreamObserver<UpdateJobRetriesResponse> observer) {
    String key = Long.toString(request.getJobKey());
    handle(Rpc.UPDATE_JOB_RETRIES, key, observer, call -> {
      if (request.getRetries() < 1) {
        throw ZeebeStatuses.rejection(Rpc.UPDATE_JOB_RETRIES, Status.Code.INVALID_ARGUMENT,
            "Expected to update retries for job with key '" + key + "' with a positive amount of retries, "
                + "but the amount given was '" + request.getRetries() + "'");
      }
      for (JobSnapshot j : engine.activeJobs(null)) {
        if (j.key().equals(key)) {
          // The engine has no "set retries": failing with retries > 0 sets them (and releases the lock).
          engine.failJob(key, request.getRetries(), j.errorMessage());
          call.reply(UpdateJobRetriesResponse.getDefaultInstance());
          return;
        }
      }
      if (incidentOfJob(key) != null) {
        // The job ran out of retries and raised an incident; ResolveIncident makes a new job.
        call.reply(UpdateJobRetriesResponse.getDefaultInstance());
        return;
      }
      throw new EngineException(EngineException.Reason.JOB_NOT_FOUND, "no such job");
    });
  }

  private Incident incidentOfJob(String jobKey) {
    for (InstanceSnapshot s : engine.list(InstanceFilter.all().withState(InstanceStatus.FAILED))) {
      for (Incident i : s.incidents()) {
        if (jobKey.equals(i.jobKey())) {
          return i;
        }
      }
    }
    return null;
  }

  @Override
  public void resolveIncident(ResolveIncidentRequest request, StreamObserver<ResolveIncidentResponse> observer) {
    String key = Long.toString(request.getIncidentKey());
    handle(Rpc.RESOLVE_INCIDENT, key, observer, call -> {
      engine.resolveIncident(key);
      call.reply(ResolveIncidentResponse.getDefaultInstance());
    });
  }

  // ------------------------------------------------------------------ BroadcastSignal

  @Override
  public void broadcastSignal(BroadcastSignalRequest request, StreamObserver<BroadcastSignalResponse> observer) {
    handle(Rpc.BROADCAST_SIGNAL, null, observer, call -> {
      // The engine refuses signal events at deploy, so no instance can wait for a signal: a
      // broadcast reaches nobody, which is what Zeebe does for a signal without subscriptions.
      document(Rpc.BROADCAST_SIGNAL, request.getVariables(), "variables");
      call.reply(BroadcastSignalResponse.newBuilder()
          .setKey(localKeys.getAndIncrement())
          .setTenantId(request.getTenantId().isEmpty() ? engine.options().defaultTenantId() : request.getTenantId())
          .build());
    });
  }
}
