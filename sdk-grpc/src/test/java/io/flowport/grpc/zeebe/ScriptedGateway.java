package io.flowport.grpc.zeebe;

import com.google.protobuf.Message;
import io.camunda.zeebe.gateway.protocol.GatewayGrpc;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.*;
import io.grpc.Context;
import io.grpc.Deadline;
import io.grpc.Metadata;
import io.grpc.Server;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.ServerInterceptors;
import io.grpc.Status;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.netty.shaded.io.netty.handler.ssl.SslContext;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A scripted Zeebe gateway on a real netty server (127.0.0.1, free port): each RPC answers what the
 * test queued for it (a status, a response, or nothing at all), else a default OK answer. It records
 * calls, requests, headers, deadlines and cancellations.
 */
final class ScriptedGateway extends GatewayGrpc.GatewayImplBase implements AutoCloseable {

  /** One scripted answer. */
  record Answer(Status status, Message response, boolean hangs) {
    static Answer error(Status.Code code, String description) {
      return new Answer(code.toStatus().withDescription(description), null, false);
    }

    static Answer ok(Message response) {
      return new Answer(null, response, false);
    }

    static Answer hang() {
      return new Answer(null, null, true);
    }
  }

  /** What the server saw of one call. */
  record Seen(String method, Message request, Metadata headers, Deadline deadline) {}

  static final Context.Key<Metadata> HEADERS = Context.key("headers");

  private final Map<String, Deque<Answer>> script = new ConcurrentHashMap<>();
  private final Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();
  final List<Seen> seen = new CopyOnWriteArrayList<>();
  final List<String> cancelled = new CopyOnWriteArrayList<>();
  private final Server server;

  ScriptedGateway() throws IOException {
    this(null);
  }

  /** A gateway serving TLS with {@code sslContext} (from {@code GrpcSslContexts.forServer}), or plaintext if null. */
  ScriptedGateway(SslContext sslContext) throws IOException {
    ServerInterceptor capture = new ServerInterceptor() {
      @Override
      public <ReqT, RespT> ServerCall.Listener<ReqT> interceptCall(
          ServerCall<ReqT, RespT> call, Metadata headers, ServerCallHandler<ReqT, RespT> next) {
        Context ctx = Context.current().withValue(HEADERS, headers);
        return io.grpc.Contexts.interceptCall(ctx, call, headers, next);
      }
    };
    NettyServerBuilder builder = NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", 0))
        .addService(ServerInterceptors.intercept(this, capture));
    if (sslContext != null) {
      builder.sslContext(sslContext);
    }
    server = builder.build().start();
  }

  int port() {
    return server.getPort();
  }

  String address() {
    return "127.0.0.1:" + port();
  }

  /** Queues answers for {@code method} (e.g. "CreateProcessInstance"), used in order. */
  ScriptedGateway script(String method, Answer... answers) {
    Deque<Answer> q = script.computeIfAbsent(method, m -> new ArrayDeque<>());
    synchronized (q) {
      q.addAll(List.of(answers));
    }
    return this;
  }

  int count(String method) {
    AtomicInteger n = counts.get(method);
    return n == null ? 0 : n.get();
  }

  Seen last(String method) {
    for (int i = seen.size() - 1; i >= 0; i--) {
      if (seen.get(i).method().equals(method)) {
        return seen.get(i);
      }
    }
    throw new AssertionError("no call of " + method);
  }

  @SuppressWarnings("unchecked")
  private <T extends Message> void handle(String method, Message request, StreamObserver<T> obs, T fallback) {
    counts.computeIfAbsent(method, m -> new AtomicInteger()).incrementAndGet();
    seen.add(new Seen(method, request, HEADERS.get(), Context.current().getDeadline()));
    Deque<Answer> q = script.get(method);
    Answer a = null;
    if (q != null) {
      synchronized (q) {
        a = q.poll();
      }
    }
    if (a == null) {
      a = Answer.ok(fallback);
    }
    if (a.hangs()) {
      ((ServerCallStreamObserver<T>) obs).setOnCancelHandler(() -> cancelled.add(method));
      return;
    }
    if (a.status() != null) {
      obs.onError(a.status().asRuntimeException());
      return;
    }
    obs.onNext((T) a.response());
    obs.onCompleted();
  }

  @Override
  public void topology(TopologyRequest request, StreamObserver<TopologyResponse> obs) {
    handle("Topology", request, obs, TopologyResponse.newBuilder()
        .addBrokers(BrokerInfo.newBuilder().setNodeId(0).setHost("0.0.0.0").setPort(26501).setVersion("8.8.21")
            .addPartitions(Partition.newBuilder().setPartitionId(1)
                .setRole(Partition.PartitionBrokerRole.LEADER).setHealth(Partition.PartitionBrokerHealth.HEALTHY)))
        .setClusterSize(1).setPartitionsCount(1).setReplicationFactor(1).setGatewayVersion("8.8.21").build());
  }

  @Override
  public void deployResource(DeployResourceRequest request, StreamObserver<DeployResourceResponse> obs) {
    DeployResourceResponse.Builder r = DeployResourceResponse.newBuilder().setKey(4242);
    int i = 0;
    for (Resource res : request.getResourcesList()) {
      r.addDeployments(Deployment.newBuilder().setProcess(ProcessMetadata.newBuilder()
          .setBpmnProcessId("p" + i).setVersion(1).setProcessDefinitionKey(1000 + i).setResourceName(res.getName())));
      i++;
    }
    handle("DeployResource", request, obs, r.build());
  }

  @Override
  public void createProcessInstance(CreateProcessInstanceRequest request,
      StreamObserver<CreateProcessInstanceResponse> obs) {
    handle("CreateProcessInstance", request, obs, CreateProcessInstanceResponse.newBuilder()
        .setProcessInstanceKey(2251799813685249L).setBpmnProcessId(
            request.getBpmnProcessId().isEmpty() ? "by-key" : request.getBpmnProcessId())
        .setVersion(3).setProcessDefinitionKey(2251799813685000L).build());
  }

  @Override
  public void createProcessInstanceWithResult(CreateProcessInstanceWithResultRequest request,
      StreamObserver<CreateProcessInstanceWithResultResponse> obs) {
    handle("CreateProcessInstanceWithResult", request, obs, CreateProcessInstanceWithResultResponse.newBuilder()
        .setProcessInstanceKey(77).setBpmnProcessId(request.getRequest().getBpmnProcessId()).setVersion(1)
        .setProcessDefinitionKey(66).setVariables("{\"x\":42,\"ok\":true}").build());
  }

  @Override
  public void cancelProcessInstance(CancelProcessInstanceRequest request,
      StreamObserver<CancelProcessInstanceResponse> obs) {
    handle("CancelProcessInstance", request, obs, CancelProcessInstanceResponse.getDefaultInstance());
  }

  @Override
  public void publishMessage(PublishMessageRequest request, StreamObserver<PublishMessageResponse> obs) {
    handle("PublishMessage", request, obs, PublishMessageResponse.newBuilder().setKey(99).build());
  }

  @Override
  public void setVariables(SetVariablesRequest request, StreamObserver<SetVariablesResponse> obs) {
    handle("SetVariables", request, obs, SetVariablesResponse.newBuilder().setKey(5).build());
  }

  @Override
  public void resolveIncident(ResolveIncidentRequest request, StreamObserver<ResolveIncidentResponse> obs) {
    handle("ResolveIncident", request, obs, ResolveIncidentResponse.getDefaultInstance());
  }

  @Override
  public void updateJobRetries(UpdateJobRetriesRequest request, StreamObserver<UpdateJobRetriesResponse> obs) {
    handle("UpdateJobRetries", request, obs, UpdateJobRetriesResponse.getDefaultInstance());
  }

  @Override
  public void broadcastSignal(BroadcastSignalRequest request, StreamObserver<BroadcastSignalResponse> obs) {
    handle("BroadcastSignal", request, obs, BroadcastSignalResponse.newBuilder().setKey(11).build());
  }

  @Override
  public void activateJobs(ActivateJobsRequest request, StreamObserver<ActivateJobsResponse> obs) {
    handle("ActivateJobs", request, obs, ActivateJobsResponse.newBuilder()
        .addJobs(io.camunda.zeebe.gateway.protocol.GatewayOuterClass.ActivatedJob.newBuilder().setKey(1).setType(request.getType()).setRetries(3)
            .setVariables("{\"a\":1}").setCustomHeaders("{\"h\":\"v\"}").setDeadline(1_000L))
        .build());
  }

  @Override
  public void completeJob(CompleteJobRequest request, StreamObserver<CompleteJobResponse> obs) {
    handle("CompleteJob", request, obs, CompleteJobResponse.getDefaultInstance());
  }

  @Override
  public void failJob(FailJobRequest request, StreamObserver<FailJobResponse> obs) {
    handle("FailJob", request, obs, FailJobResponse.getDefaultInstance());
  }

  @Override
  public void throwError(ThrowErrorRequest request, StreamObserver<ThrowErrorResponse> obs) {
    handle("ThrowError", request, obs, ThrowErrorResponse.getDefaultInstance());
  }

  @Override
  public void close() throws InterruptedException {
    server.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
  }
}
