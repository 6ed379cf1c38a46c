package io.flowport.benchmarks.adapters;

import io.camunda.zeebe.gateway.protocol.GatewayGrpc;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.CreateProcessInstanceRequest;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.CreateProcessInstanceResponse;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.PublishMessageRequest;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.PublishMessageResponse;
import io.grpc.Server;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.netty.shaded.io.netty.channel.EventLoopGroup;
import io.grpc.netty.shaded.io.netty.channel.MultiThreadIoEventLoopGroup;
import io.grpc.netty.shaded.io.netty.channel.nio.NioIoHandler;
import io.grpc.netty.shaded.io.netty.channel.socket.nio.NioServerSocketChannel;
import io.grpc.stub.StreamObserver;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A Zeebe gateway on 127.0.0.1 (free port, netty-shaded) with canned answers: CreateProcessInstance
 * and PublishMessage answer a fixed response at once, on the server's transport thread (direct
 * executor), so the server costs the same for every client and as little as possible. The server
 * has its own event loops (1 boss, 1 worker): it shares no thread with any client (grpc-java's
 * default shared event loop group would otherwise serve both the server and a default-built
 * channel such as the raw stub's, saving that client thread hand-offs the others pay).
 *
 * <p>After {@link #hold()} (for the memory harness) a CreateProcessInstance for any process but
 * {@link #FAST_PROCESS} is held, unanswered, until {@link #releaseHeld()}.
 */
public final class CannedGateway implements AutoCloseable {
  /** Always answered at once, even in hold mode (warm-up calls). */
  public static final String FAST_PROCESS = "fast";

  static final CreateProcessInstanceResponse CREATED = CreateProcessInstanceResponse.newBuilder()
      .setProcessDefinitionKey(2251799813685249L)
      .setBpmnProcessId("order")
      .setVersion(1)
      .setProcessInstanceKey(2251799813685251L)
      .setTenantId("<default>")
      .build();
  static final PublishMessageResponse PUBLISHED = PublishMessageResponse.newBuilder()
      .setKey(2251799813685260L).setTenantId("<default>").build();

  private final Server server;
  private volatile boolean hold;
  private final AtomicLong creates = new AtomicLong();
  private final Queue<StreamObserver<CreateProcessInstanceResponse>> held = new ConcurrentLinkedQueue<>();

  private final EventLoopGroup boss = new MultiThreadIoEventLoopGroup(1, named("canned-gateway-boss"),
      NioIoHandler.newFactory());
  private final EventLoopGroup worker = new MultiThreadIoEventLoopGroup(1, named("canned-gateway-worker"),
      NioIoHandler.newFactory());

  private static ThreadFactory named(String prefix) {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, prefix + "-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }

  private CannedGateway(boolean hold) throws IOException {
    this.hold = hold;
    this.server = NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", 0))
        .bossEventLoopGroup(boss)
        .workerEventLoopGroup(worker)
        .channelType(NioServerSocketChannel.class)
        .directExecutor()
        .addService(new Service())
        .build()
        .start();
  }

  /** A gateway answering at once. */
  public static CannedGateway start() throws IOException {
    return new CannedGateway(false);
  }

  /** From now on, holds creates (but those of {@link #FAST_PROCESS}) until {@link #releaseHeld()}. */
  public void hold() {
    hold = true;
  }

  public int port() {
    return server.getPort();
  }

  public String address() {
    return "127.0.0.1:" + port();
  }

  /** CreateProcessInstance requests received so far. */
  public long creates() {
    return creates.get();
  }

  public int heldCount() {
    return held.size();
  }

  /** Stops holding and answers every held create. */
  public int releaseHeld() {
    hold = false;
    int n = 0;
    StreamObserver<CreateProcessInstanceResponse> o;
    while ((o = held.poll()) != null) {
      try {
        o.onNext(CREATED);
        o.onCompleted();
      } catch (RuntimeException e) {
        // cancelled by the client meanwhile
      }
      n++;
    }
    return n;
  }

  @Override
  public void close() throws InterruptedException {
    server.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    worker.shutdownGracefully(0, 1, TimeUnit.SECONDS);
    boss.shutdownGracefully(0, 1, TimeUnit.SECONDS);
  }

  private final class Service extends GatewayGrpc.GatewayImplBase {
    @Override
    public void createProcessInstance(
        CreateProcessInstanceRequest request, StreamObserver<CreateProcessInstanceResponse> observer) {
      creates.incrementAndGet();
      if (hold && !FAST_PROCESS.equals(request.getBpmnProcessId())) {
        held.add(observer);
        return;
      }
      observer.onNext(CREATED);
      observer.onCompleted();
    }

    @Override
    public void publishMessage(PublishMessageRequest request, StreamObserver<PublishMessageResponse> observer) {
      observer.onNext(PUBLISHED);
      observer.onCompleted();
    }
  }
}
