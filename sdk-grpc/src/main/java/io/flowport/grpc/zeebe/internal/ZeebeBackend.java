package io.flowport.grpc.zeebe.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.google.common.util.concurrent.FutureCallback;
import com.google.common.util.concurrent.Futures;
import com.google.common.util.concurrent.ListenableFuture;
import com.google.common.util.concurrent.MoreExecutors;
import com.google.protobuf.ByteString;
import io.camunda.zeebe.gateway.protocol.GatewayGrpc;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.ActivateJobsRequest;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.ActivateJobsResponse;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.BroadcastSignalRequest;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.CancelProcessInstanceRequest;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.CompleteJobRequest;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.CreateProcessInstanceRequest;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.CreateProcessInstanceWithResultRequest;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.DeployResourceRequest;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.DeployResourceResponse;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.FailJobRequest;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.PublishMessageRequest;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.ResolveIncidentRequest;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.SetVariablesRequest;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.ThrowErrorRequest;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.TopologyRequest;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.TopologyResponse;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.UpdateJobRetriesRequest;
import io.flowport.core.Operation;
import io.flowport.core.auth.Credentials;
import io.flowport.core.error.ErrorInfo;
import io.flowport.core.error.ErrorKind;
import io.flowport.core.error.ErrorTable;
import io.flowport.core.error.WorkflowException;
import io.flowport.core.model.DefinitionRef;
import io.flowport.core.model.DeployRequest;
import io.flowport.core.model.DeployedDefinition;
import io.flowport.core.model.Deployment;
import io.flowport.core.model.Instance;
import io.flowport.core.model.InstanceState;
import io.flowport.core.model.MessageReceipt;
import io.flowport.core.model.MessageRequest;
import io.flowport.core.model.Resource;
import io.flowport.core.model.StartRequest;
import io.flowport.core.spi.Args;
import io.flowport.core.spi.BackendTraits;
import io.flowport.core.spi.MessageIdDeduplication;
import io.flowport.core.spi.CallContext;
import io.flowport.core.spi.EngineBackend;
import io.flowport.core.spi.JsonValues;
import io.flowport.core.spi.Secrets;
import io.flowport.grpc.zeebe.ActivatedJob;
import io.flowport.grpc.zeebe.Topology;
import io.flowport.grpc.zeebe.ZeebeErrors;
import io.flowport.grpc.zeebe.ZeebeOperations;
import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientCall;
import io.grpc.Deadline;
import io.grpc.MethodDescriptor;
import io.grpc.stub.ClientCalls;
import io.grpc.stub.StreamObserver;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * The Zeebe gateway (gRPC) behind the unified API: each method makes exactly one call on the
 * channel, with the attempt's deadline as the gRPC deadline, maps failures through {@link
 * ZeebeErrors#TABLE}, and cancels the gRPC call when the returned future is cancelled.
 *
 * <p>It works on any {@link Channel} (a netty channel, an in-process channel to a fake gateway) and
 * does not own it unless given an {@code onClose} action.
 */
public final class ZeebeBackend implements EngineBackend {
  private static final BackendTraits TRAITS = new BackendTraits(true, true);


  private static final Set<Operation> CAPABILITIES = java.util.Collections.unmodifiableSet(new LinkedHashSet<>(List.of(
      Operation.DEPLOY, Operation.START_INSTANCE, Operation.START_AND_AWAIT, Operation.CANCEL_INSTANCE,
      Operation.PUBLISH_MESSAGE, Operation.UPSERT_VARIABLES)));
  private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};

  private final Channel channel;
  private final CredentialsCallCredentials callCredentials;
  private final ErrorTable errors;
  private final Runnable onClose;
  private final String gateway;
  /** What the credentials hold: redacted from every error the client delivers. */
  private final Secrets secrets = Secrets.create();

  /**
   * @param channel the channel to the gateway
   * @param credentials applied to every attempt; {@link Credentials#none()} for none
   * @param onClose run once by {@link #close()} (e.g. shut the channel down), or null
   */
  public ZeebeBackend(Channel channel, Credentials credentials, Runnable onClose) {
    this(channel, credentials, onClose, null);
  }

  /**
   * @param channel the channel to the gateway
   * @param credentials applied to every attempt; {@link Credentials#none()} for none
   * @param onClose run once by {@link #close()} (e.g. shut the channel down), or null
   * @param gateway the address(es) the channel dials, named when the gateway cannot be reached;
   *     null for none (an in-process channel)
   */
  public ZeebeBackend(Channel channel, Credentials credentials, Runnable onClose, String gateway) {
    this.gateway = gateway;
    this.channel = Objects.requireNonNull(channel, "channel == null");
    this.callCredentials = credentials == null || credentials == Credentials.none()
        ? null : new CredentialsCallCredentials(credentials, secrets);
    this.errors = ZeebeErrors.TABLE;
    this.onClose = onClose;
  }

  @Override
  public String engine() {
    return ZeebeErrors.ENGINE;
  }

  @Override
  public Secrets secrets() {
    return secrets;
  }

  /** Every call carries its attempt deadline as the gRPC deadline, and gRPC completes on the application executor, not a netty event loop. */
  @Override
  public BackendTraits traits() {
    return TRAITS;
  }

  /** Zeebe rejects a repeated message id only while the first message is buffered (time to live above zero). */
  @Override
  public MessageIdDeduplication messageIdDeduplication() {
    return MessageIdDeduplication.WHILE_BUFFERED;
  }

  @Override
  public Set<Operation> capabilities() {
    return CAPABILITIES;
  }

  private volatile boolean closed;

  @Override
  public synchronized void close() {
    if (!closed) {
      closed = true;
      if (onClose != null) {
        onClose.run();
      }
    }
  }

  // ---------------------------------------------------------------- unified operations

  @Override
  public CompletableFuture<Deployment> deploy(CallContext ctx, DeployRequest request) {
    // The client has checked there is a resource and each has a name; Zeebe also refuses empty ones.
    DeployResourceRequest.Builder b = DeployResourceRequest.newBuilder();
    for (Resource r : request.resources()) {
      if (r.size() == 0) {
        return invalid(ctx, "resource '" + r.name() + "' is empty");
      }
      b.addResources(GatewayOuterClass.Resource.newBuilder()
          .setName(r.name()).setContent(ByteString.copyFrom(r.content())));
    }
    if (request.tenantId() != null) {
      b.setTenantId(request.tenantId());
    }
    return unary(ctx, GatewayGrpc.getDeployResourceMethod(), b.build(), ctx.deadline(), ZeebeBackend::toDeployment);
  }

  static Deployment toDeployment(DeployResourceResponse r) {
    List<DeployedDefinition> defs = new ArrayList<>();
    for (GatewayOuterClass.Deployment d : r.getDeploymentsList()) {
      if (d.hasProcess()) {
        GatewayOuterClass.ProcessMetadata p = d.getProcess();
        defs.add(new DeployedDefinition(p.getBpmnProcessId(), p.getVersion(),
            Long.toString(p.getProcessDefinitionKey()), p.getResourceName(), tenant(p.getTenantId())));
      } else if (d.hasDecision()) {
        GatewayOuterClass.DecisionMetadata m = d.getDecision();
        defs.add(new DeployedDefinition(m.getDmnDecisionId(), m.getVersion(), Long.toString(m.getDecisionKey()),
            null, tenant(m.getTenantId())));
      } else if (d.hasDecisionRequirements()) {
        GatewayOuterClass.DecisionRequirementsMetadata m = d.getDecisionRequirements();
        defs.add(new DeployedDefinition(m.getDmnDecisionRequirementsId(), m.getVersion(),
            Long.toString(m.getDecisionRequirementsKey()), m.getResourceName(), tenant(m.getTenantId())));
      } else if (d.hasForm()) {
        GatewayOuterClass.FormMetadata m = d.getForm();
        defs.add(new DeployedDefinition(m.getFormId(), m.getVersion(), Long.toString(m.getFormKey()),
            m.getResourceName(), tenant(m.getTenantId())));
      }
    }
    return new Deployment(Long.toString(key("deployment key", r.getKey())), defs);
  }

  @Override
  public CompletableFuture<Instance> start(CallContext ctx, StartRequest request) {
    CreateProcessInstanceRequest create;
    try {
      create = createRequest(ctx, request);
    } catch (WorkflowException e) {
      return CompletableFuture.failedFuture(e);
    }
    return unary(ctx, GatewayGrpc.getCreateProcessInstanceMethod(), create, ctx.deadline(), r -> Instance.builder()
        .id(Long.toString(key("processInstanceKey", r.getProcessInstanceKey())))
        .definitionId(r.getBpmnProcessId())
        .definitionKey(Long.toString(r.getProcessDefinitionKey()))
        .definitionVersion(r.getVersion())
        .tenantId(tenant(r.getTenantId()))
        .state(InstanceState.RUNNING)
        .variables(request.variables())
        .build());
  }

  @Override
  public CompletableFuture<Instance> startAndAwait(CallContext ctx, StartRequest request, Duration timeout) {
    CreateProcessInstanceWithResultRequest withResult;
    try {
      withResult = CreateProcessInstanceWithResultRequest.newBuilder()
          .setRequest(createRequest(ctx, request))
          .setRequestTimeout(Math.max(1, timeout.toMillis()))
          .addAllFetchVariables(request.fetchVariables())
          .build();
    } catch (WorkflowException e) {
      return CompletableFuture.failedFuture(e);
    }
    // The gateway answers DEADLINE_EXCEEDED itself at requestTimeout; the attempt's deadline (the
    // wait plus core's one await margin) is the safety net.
    return unary(ctx, GatewayGrpc.getCreateProcessInstanceWithResultMethod(), withResult, ctx.deadline(),
        r -> Instance.builder()
            .id(Long.toString(key("processInstanceKey", r.getProcessInstanceKey())))
            .definitionId(r.getBpmnProcessId())
            .definitionKey(Long.toString(r.getProcessDefinitionKey()))
            .definitionVersion(r.getVersion())
            .tenantId(tenant(r.getTenantId()))
            .state(InstanceState.COMPLETED)
            .variables(parseObject(r.getVariables()))
            .build());
  }

  private CreateProcessInstanceRequest createRequest(CallContext ctx, StartRequest request) {
    if (request.messageName() != null) {
      throw ErrorKind.UNSUPPORTED.toException(new ErrorInfo(ctx.engine(), ctx.operation(), null, null,
          "Zeebe starts message start events by a published message: use messages().publish(...)", null, false));
    }
    if (request.businessKey() != null) {
      throw Args.invalid(ctx.engine(), ctx.operation(), "Zeebe has no business key; pass it as a variable");
    }
    CreateProcessInstanceRequest.Builder b = CreateProcessInstanceRequest.newBuilder();
    DefinitionRef ref = request.definition();
    if (ref.isByKey()) {
      b.setProcessDefinitionKey(parseKey(ctx, "definition key", ref.key()));
    } else {
      Integer version = ref.version();
      if (version != null && version < -1) {
        throw Args.invalid(ctx.engine(), ctx.operation(), "version must be -1 (latest) or positive, was " + version);
      }
      if (version != null && version == 0) {
        throw Args.invalid(ctx.engine(), ctx.operation(), "Zeebe versions start at 1; use -1 or latest() for the latest");
      }
      b.setBpmnProcessId(ref.id()).setVersion(version == null ? -1 : version);
    }
    if (!request.variables().isEmpty()) {
      b.setVariables(json(ctx, request.variables()));
    }
    if (request.tenantId() != null) {
      b.setTenantId(request.tenantId());
    }
    return b.build();
  }

  @Override
  public CompletableFuture<Void> cancel(CallContext ctx, String instanceId) {
    long key;
    try {
      key = parseKey(ctx, "instanceId", instanceId);
    } catch (WorkflowException e) {
      return CompletableFuture.failedFuture(e);
    }
    return unary(ctx, GatewayGrpc.getCancelProcessInstanceMethod(),
        CancelProcessInstanceRequest.newBuilder().setProcessInstanceKey(key).build(), ctx.deadline(), r -> null);
  }

  @Override
  public CompletableFuture<MessageReceipt> publish(CallContext ctx, MessageRequest request) {
    PublishMessageRequest.Builder b = PublishMessageRequest.newBuilder().setName(request.name());
    try {
      b.setCorrelationKey(request.correlationKey() == null ? "" : request.correlationKey());
      b.setTimeToLive(request.timeToLive().toMillis());
      if (request.messageId() != null) {
        b.setMessageId(request.messageId());
      }
      if (!request.variables().isEmpty()) {
        b.setVariables(json(ctx, request.variables()));
      }
      if (request.tenantId() != null) {
        b.setTenantId(request.tenantId());
      }
    } catch (ArithmeticException e) {
      return invalid(ctx, "timeToLive too long: " + request.timeToLive());
    } catch (WorkflowException e) {
      return CompletableFuture.failedFuture(e);
    }
    return unary(ctx, GatewayGrpc.getPublishMessageMethod(), b.build(), ctx.deadline(),
        r -> new MessageReceipt(Long.toString(key("message key", r.getKey())), null));
  }

  @Override
  public CompletableFuture<Void> upsertVariables(CallContext ctx, String instanceId, Map<String, Object> variables) {
    long key;
    try {
      key = parseKey(ctx, "instanceId", instanceId);
    } catch (WorkflowException e) {
      return CompletableFuture.failedFuture(e);
    }
    return setVariables(ctx, key, variables, false, r -> null);
  }

  // ---------------------------------------------------------------- Zeebe-only operations (one attempt each)

  public CompletableFuture<Topology> topology(CallContext ctx) {
    return unary(ctx, GatewayGrpc.getTopologyMethod(), TopologyRequest.getDefaultInstance(), ctx.deadline(),
        ZeebeBackend::toTopology);
  }

  static Topology toTopology(TopologyResponse r) {
    List<Topology.Broker> brokers = new ArrayList<>();
    for (GatewayOuterClass.BrokerInfo b : r.getBrokersList()) {
      List<Topology.Partition> partitions = new ArrayList<>();
      for (GatewayOuterClass.Partition p : b.getPartitionsList()) {
        partitions.add(new Topology.Partition(p.getPartitionId(), p.getRole().name(), p.getHealth().name()));
      }
      brokers.add(new Topology.Broker(b.getNodeId(), b.getHost(), b.getPort(), b.getVersion(), partitions));
    }
    return new Topology(brokers, r.getClusterSize(), r.getPartitionsCount(), r.getReplicationFactor(),
        r.getGatewayVersion());
  }

  /** SetVariables; completes with the command key. */
  public CompletableFuture<Long> setVariables(
      CallContext ctx, long elementInstanceKey, Map<String, ?> variables, boolean local) {
    return setVariables(ctx, elementInstanceKey, variables, local, r -> key("command key", r.getKey()));
  }

  private <T> CompletableFuture<T> setVariables(CallContext ctx, long elementInstanceKey, Map<String, ?> variables,
      boolean local, Function<GatewayOuterClass.SetVariablesResponse, T> mapper) {
    String document;
    try {
      document = json(ctx, variables);
    } catch (WorkflowException e) {
      return CompletableFuture.failedFuture(e);
    }
    return unary(ctx, GatewayGrpc.getSetVariablesMethod(), SetVariablesRequest.newBuilder()
        .setElementInstanceKey(elementInstanceKey).setVariables(document).setLocal(local).build(),
        ctx.deadline(), mapper);
  }

  public CompletableFuture<Void> resolveIncident(CallContext ctx, long incidentKey) {
    return unary(ctx, GatewayGrpc.getResolveIncidentMethod(),
        ResolveIncidentRequest.newBuilder().setIncidentKey(incidentKey).build(), ctx.deadline(), r -> null);
  }

  public CompletableFuture<Void> updateJobRetries(CallContext ctx, long jobKey, int retries) {
    return unary(ctx, GatewayGrpc.getUpdateJobRetriesMethod(),
        UpdateJobRetriesRequest.newBuilder().setJobKey(jobKey).setRetries(retries).build(), ctx.deadline(), r -> null);
  }

  public CompletableFuture<Long> broadcastSignal(CallContext ctx, String signalName, Map<String, ?> variables) {
    BroadcastSignalRequest.Builder b = BroadcastSignalRequest.newBuilder();
    try {
      b.setSignalName(signalName);
      if (!variables.isEmpty()) {
        b.setVariables(json(ctx, variables));
      }
    } catch (WorkflowException e) {
      return CompletableFuture.failedFuture(e);
    }
    return unary(ctx, GatewayGrpc.getBroadcastSignalMethod(), b.build(), ctx.deadline(), r -> key("signal key", r.getKey()));
  }

  public CompletableFuture<Void> completeJob(CallContext ctx, long jobKey, Map<String, ?> variables) {
    CompleteJobRequest.Builder b = CompleteJobRequest.newBuilder().setJobKey(jobKey);
    try {
      if (!variables.isEmpty()) {
        b.setVariables(json(ctx, variables));
      }
    } catch (WorkflowException e) {
      return CompletableFuture.failedFuture(e);
    }
    return unary(ctx, GatewayGrpc.getCompleteJobMethod(), b.build(), ctx.deadline(), r -> null);
  }

  public CompletableFuture<Void> failJob(CallContext ctx, long jobKey, int retries, String errorMessage) {
    return unary(ctx, GatewayGrpc.getFailJobMethod(), FailJobRequest.newBuilder()
        .setJobKey(jobKey).setRetries(retries).setErrorMessage(errorMessage == null ? "" : errorMessage).build(),
        ctx.deadline(), r -> null);
  }

  public CompletableFuture<Void> throwError(CallContext ctx, long jobKey, String errorCode, String errorMessage) {
    return unary(ctx, GatewayGrpc.getThrowErrorMethod(), ThrowErrorRequest.newBuilder()
        .setJobKey(jobKey).setErrorCode(errorCode).setErrorMessage(errorMessage == null ? "" : errorMessage).build(),
        ctx.deadline(), r -> null);
  }

  /**
   * ActivateJobs (server streaming): collects every job the gateway streams until it ends the
   * call. {@code requestTimeout} zero means the gateway's default long-polling time.
   */
  public CompletableFuture<List<ActivatedJob>> activateJobs(
      CallContext ctx, String type, int maxJobs, Duration timeout, String worker, Duration requestTimeout) {
    ActivateJobsRequest request = ActivateJobsRequest.newBuilder()
        .setType(type)
        .setMaxJobsToActivate(maxJobs)
        .setTimeout(timeout.toMillis())
        .setWorker(worker == null ? "" : worker)
        .setRequestTimeout(requestTimeout.toMillis())
        .build();
    CompletableFuture<List<ActivatedJob>> result = new CompletableFuture<>();
    WireTrace trace = new WireTrace();
    ClientCall<ActivateJobsRequest, ActivateJobsResponse> call;
    try {
      call = trace.wrap(WireMetadata.newCall(channel, GatewayGrpc.getActivateJobsMethod(),
          trace.attach(callOptions(ctx.deadline())), ctx.headers()));
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(GrpcErrors.map(errors, ctx.operation(), e, gateway, trace));
    }
    List<ActivatedJob> jobs = new ArrayList<>();
    result.whenComplete((v, e) -> {
      if (result.isCancelled()) {
        call.cancel("cancelled by the caller", null);
      }
    });
    try {
      ClientCalls.asyncServerStreamingCall(call, request, new StreamObserver<>() {
        @Override
        public void onNext(ActivateJobsResponse value) {
          try {
            for (GatewayOuterClass.ActivatedJob j : value.getJobsList()) {
              jobs.add(toJob(j));
            }
          } catch (RuntimeException e) {
            // Thrown out of onNext, grpc-java would end the call as CANCELLED (not the gateway's fault).
            result.completeExceptionally(unreadable(ctx, e));
            call.cancel("unreadable answer", null);
          }
        }

        @Override
        public void onError(Throwable t) {
          if (!result.isDone()) {
            result.completeExceptionally(GrpcErrors.map(errors, ctx.operation(), t, gateway, trace));
          }
        }

        @Override
        public void onCompleted() {
          result.complete(List.copyOf(jobs));
        }
      });
    } catch (RuntimeException e) {
      result.completeExceptionally(GrpcErrors.map(errors, ctx.operation(), e, gateway, trace));
    }
    return result;
  }

  static ActivatedJob toJob(GatewayOuterClass.ActivatedJob j) {
    return new ActivatedJob(key("job key", j.getKey()), j.getType(), j.getProcessInstanceKey(), j.getBpmnProcessId(),
        j.getProcessDefinitionVersion(), j.getProcessDefinitionKey(), j.getElementId(), j.getElementInstanceKey(),
        parseObject(j.getCustomHeaders()), j.getWorker(), j.getRetries(), Instant.ofEpochMilli(j.getDeadline()),
        parseObject(j.getVariables()), tenant(j.getTenantId()));
  }

  // ---------------------------------------------------------------- plumbing

  private CallOptions callOptions(Instant deadline) {
    long nanos = Math.max(0, Duration.between(Instant.now(), deadline).toNanos());
    CallOptions options = CallOptions.DEFAULT.withDeadline(Deadline.after(nanos, TimeUnit.NANOSECONDS));
    return callCredentials == null ? options : options.withCallCredentials(callCredentials);
  }

  /**
   * One unary call. The returned future is completed from the gRPC callback with the mapped value
   * or error; cancelling it cancels the gRPC call, which the server observes.
   */
  private <Req, Resp, T> CompletableFuture<T> unary(
      CallContext ctx, MethodDescriptor<Req, Resp> method, Req request, Instant deadline, Function<Resp, T> mapper) {
    CompletableFuture<T> result = new CompletableFuture<>();
    WireTrace trace = new WireTrace();
    ListenableFuture<Resp> wire;
    try {
      wire = ClientCalls.futureUnaryCall(trace.wrap(
          WireMetadata.newCall(channel, method, trace.attach(callOptions(deadline)), ctx.headers())), request);
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(GrpcErrors.map(errors, ctx.operation(), e, gateway, trace));
    }
    result.whenComplete((v, e) -> {
      if (result.isCancelled()) {
        wire.cancel(true);
      }
    });
    Futures.addCallback(wire, new FutureCallback<>() {
      @Override
      public void onSuccess(Resp response) {
        try {
          result.complete(mapper.apply(response));
        } catch (WorkflowException e) {
          result.completeExceptionally(e);
        } catch (RuntimeException e) {
          result.completeExceptionally(unreadable(ctx, e));
        }
      }

      @Override
      public void onFailure(Throwable t) {
        if (!result.isDone()) {
          result.completeExceptionally(GrpcErrors.map(errors, ctx.operation(), t, gateway, trace));
        }
      }
    }, MoreExecutors.directExecutor());
    return result;
  }

  /** The gateway answered (so it acted) with something the client cannot read. */
  private static WorkflowException unreadable(CallContext ctx, RuntimeException e) {
    return ErrorKind.UNEXPECTED_RESPONSE.toException(new ErrorInfo(ctx.engine(), ctx.operation(), "OK", null,
        "cannot read the gateway's answer: " + e.getMessage(), null, true), e);
  }

  private static <T> CompletableFuture<T> invalid(CallContext ctx, String message) {
    return CompletableFuture.failedFuture(Args.invalid(ctx.engine(), ctx.operation(), message));
  }

  private static long parseKey(CallContext ctx, String what, String value) {
    try {
      return Long.parseLong(value.trim());
    } catch (NumberFormatException e) {
      throw Args.invalid(ctx.engine(), ctx.operation(), what + " must be a Zeebe key (a decimal number), was '"
          + (value.length() > 40 ? value.substring(0, 40) + "..." : value) + "'");
    }
  }

  private static String json(CallContext ctx, Map<String, ?> variables) {
    try {
      return JsonValues.MAPPER.writeValueAsString(variables);
    } catch (JsonProcessingException e) {
      throw Args.invalid(ctx.engine(), ctx.operation(), "variables cannot be written as JSON: " + e.getOriginalMessage());
    }
  }

  static Map<String, Object> parseObject(String json) {
    if (json == null || json.isBlank()) {
      return Map.of();
    }
    try {
      Map<String, Object> m = JsonValues.MAPPER.readValue(json, MAP);
      if (m == null) {
        throw new IllegalArgumentException("variables are not a JSON object: null");
      }
      return m;
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(
          "variables are not a JSON object: " + (json.length() > 80 ? json.substring(0, 80) + "..." : json), e);
    }
  }

  /**
   * A key the answer must carry. Zeebe keys are positive (partition id in the top bits), and
   * protobuf reads a missing field as 0: a 0 here is an answer that lacks the field.
   */
  private static long key(String field, long value) {
    if (value <= 0) {
      throw new IllegalArgumentException("the answer has no " + field + " (was " + value + ")");
    }
    return value;
  }

  private static String tenant(String tenantId) {
    return tenantId == null || tenantId.isEmpty() ? null : tenantId;
  }
}
