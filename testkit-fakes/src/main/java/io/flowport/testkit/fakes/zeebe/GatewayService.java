package io.flowport.testkit.fakes.zeebe;

import static io.flowport.testkit.fakes.zeebe.ZeebeDocuments.document;
import static io.flowport.testkit.fakes.zeebe.ZeebeDocuments.key;
import static io.flowport.testkit.fakes.zeebe.ZeebeDocuments.tenantOrNull;

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
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.StreamActivatedJobsRequest;
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
import io.flowport.testkit.engine.InstanceSnapshot;
import io.flowport.testkit.engine.MessageCommand;
import io.flowport.testkit.engine.Registration;
import io.flowport.testkit.engine.StartCommand;
import io.flowport.testkit.fakes.FaultPlan;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code gateway_protocol.Gateway} on an {@link InMemoryEngine}: the RPC surface. Every RPC runs
 * through {@link GatewayCalls#handle} (a planned fault first, engine failures as statuses through
 * {@link ZeebeStatuses}); ActivateJobs long-polls in {@link JobPollers}, StreamActivatedJobs pushes
 * in {@link JobStreams}, CreateProcessInstanceWithResult
 * waits in {@link ResultWaits}, the job RPCs are {@link JobCommands}. Nothing here blocks a gRPC
 * thread: waits complete from engine change notifications or the scheduler.
 */
final class GatewayService extends GatewayGrpc.GatewayImplBase {
  static final String GATEWAY_VERSION = "8.8.21-flowport-fake";
  /** The broker version in the topology: the protocol's (the gateway version says it is the fake). */
  static final String BROKER_VERSION = "8.8.21";
  /** Used for CreateProcessInstanceWithResult and ActivateJobs when the request says 0. */
  static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(10);

  private final InMemoryEngine engine;
  private final GatewayCalls calls;
  private final JobPollers pollers;
  private final JobStreams streams;
  private final ResultWaits results;
  private final JobCommands jobs;
  private final String brokerHost;
  private volatile int brokerPort;
  private final AtomicLong localKeys = new AtomicLong(4503599627370497L); // partition-2-style keys, never clash
  private final ElementInstanceKeys elementKeys;
  private final Registration listener;

  GatewayService(InMemoryEngine engine, FaultPlan faults, ScheduledExecutorService scheduler, ExecutorService executor,
      GatewayCalls.TransportKiller killer, String brokerHost) {
    this.engine = engine;
    this.calls = new GatewayCalls(faults, scheduler, executor, killer);
    this.elementKeys = new ElementInstanceKeys(localKeys);
    this.pollers = new JobPollers(engine, calls, scheduler, elementKeys);
    this.streams = new JobStreams(engine, calls, scheduler, elementKeys);
    this.results = new ResultWaits(engine, scheduler);
    this.jobs = new JobCommands(engine, calls);
    this.brokerHost = brokerHost;
    this.listener = engine.onChange(this::onEngineChange);
  }

  void brokerPort(int port) {
    this.brokerPort = port;
  }

  void shutdown() {
    listener.close();
    pollers.shutdown();
    streams.shutdown();
  }

  private void onEngineChange(InstanceSnapshot s) {
    results.engineChanged(s);
    pollers.engineChanged();
    streams.engineChanged();
  }

  private <T> void handle(Rpc rpc, String key, StreamObserver<T> observer, GatewayCalls.Action<T> action) {
    calls.handle(rpc, key, observer, action);
  }

  // ------------------------------------------------------------------ Topology

  @Override
  public void topology(TopologyRequest request, StreamObserver<TopologyResponse> observer) {
    handle(Rpc.TOPOLOGY, null, observer, call -> call.reply(TopologyResponse.newBuilder()
        .addBrokers(BrokerInfo.newBuilder()
            .setNodeId(0)
            .setHost(brokerHost)
            .setPort(brokerPort)
            .setVersion(BROKER_VERSION)
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
          throw ZeebeStatuses.rejection(Rpc.DEPLOY_RESOURCE, Status.Code.INVALID_ARGUMENT,
              DEPLOY_ERRORS + ZeebeDeployErrors.message(resources, e.getMessage()));
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
    handle(Rpc.CREATE_PROCESS_INSTANCE_WITH_RESULT, null, observer, call -> results.startAndAwait(call,
        startCommand(Rpc.CREATE_PROCESS_INSTANCE_WITH_RESULT, request.getRequest()), request, timeout));
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
      engine.upsertVariables(elementKeys.instanceOf(key), variables);
      call.reply(SetVariablesResponse.newBuilder().setKey(localKeys.getAndIncrement()).build());
    });
  }

  // ------------------------------------------------------------------ ActivateJobs (long polling) and jobs

  @Override
  public void activateJobs(ActivateJobsRequest request, StreamObserver<ActivateJobsResponse> observer) {
    handle(Rpc.ACTIVATE_JOBS, null, observer, call -> pollers.activate(call, request));
  }

  @Override
  public void streamActivatedJobs(StreamActivatedJobsRequest request, StreamObserver<ActivatedJob> observer) {
    handle(Rpc.STREAM_ACTIVATED_JOBS, null, observer, call -> streams.open(call, request));
  }

  @Override
  public void completeJob(CompleteJobRequest request, StreamObserver<CompleteJobResponse> observer) {
    jobs.completeJob(request, observer);
  }

  @Override
  public void failJob(FailJobRequest request, StreamObserver<FailJobResponse> observer) {
    jobs.failJob(request, observer);
  }

  @Override
  public void throwError(ThrowErrorRequest request, StreamObserver<ThrowErrorResponse> observer) {
    jobs.throwError(request, observer);
  }

  @Override
  public void updateJobRetries(UpdateJobRetriesRequest request, StreamObserver<UpdateJobRetriesResponse> observer) {
    jobs.updateJobRetries(request, observer);
  }

  @Override
  public void resolveIncident(ResolveIncidentRequest request, StreamObserver<ResolveIncidentResponse> observer) {
    jobs.resolveIncident(request, observer);
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
