package io.flowport.testkit.fakes.zeebe;

import io.flowport.testkit.engine.EngineOptions;
import io.flowport.testkit.engine.InMemoryEngine;
import io.flowport.testkit.fakes.FakeStartException;
import io.flowport.testkit.fakes.FaultPlan;
import io.flowport.testkit.fakes.RequestLog;
import io.flowport.testkit.fakes.internal.HostPort;
import io.flowport.testkit.fakes.internal.RequestRecorder;
import io.grpc.Context;
import io.grpc.Contexts;
import io.grpc.ForwardingServerCall;
import io.grpc.ForwardingServerCallListener;
import io.grpc.Grpc;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.Server;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.ServerInterceptors;
import io.grpc.Status;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.inprocess.InProcessServerBuilder;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.netty.shaded.io.netty.channel.Channel;
import io.grpc.netty.shaded.io.netty.channel.ChannelOption;
import io.grpc.netty.shaded.io.netty.channel.EventLoopGroup;
import io.grpc.netty.shaded.io.netty.channel.MultiThreadIoEventLoopGroup;
import io.grpc.netty.shaded.io.netty.channel.nio.NioIoHandler;
import io.grpc.netty.shaded.io.netty.channel.socket.nio.NioServerSocketChannel;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * A fake Zeebe gateway: the real {@code gateway_protocol.Gateway} gRPC service on an
 * {@link InMemoryEngine}, on a local port (netty; by default {@code 127.0.0.1} and a free port, see
 * {@link #builder()} for a fixed port or another bind address) or in-process, with fault injection,
 * a log of the requests that reached it and an optional {@link #onRequest listener} of the calls it
 * answered. It answers with the statuses and descriptions the real engine sends (see the package
 * documentation for the RPCs, the error table and the deliberate differences).
 *
 * <pre>{@code
 * try (FakeZeebeGateway gateway = FakeZeebeGateway.start();
 *      ZeebeClient client = ZeebeClient.builder().gatewayAddress(gateway.address()).usePlaintext().build()) {
 *   gateway.faults().next(2, Fault.backPressure(), "CreateProcessInstance"::equals);
 *   client.instances().start(StartRequest.of("order").build()).join();   // retried twice
 *   assertThat(gateway.requests().count("CreateProcessInstance")).isEqualTo(3);
 *   assertThat(gateway.engine().list(InstanceFilter.all())).hasSize(1);
 * }
 * }</pre>
 *
 * <p>Thread-safe. {@link #close()} stops the server, its event loops, executor and scheduler (no
 * thread is left), and closes the engine if the gateway created it.
 */
public final class FakeZeebeGateway implements AutoCloseable {
  /** The remote address of the call being served (for the RESET fault). */
  static final Context.Key<SocketAddress> REMOTE_ADDRESS = Context.key("flowport-fake-zeebe-remote");

  /** The default bind address: loopback only. */
  public static final String DEFAULT_HOST = "127.0.0.1";

  private static final AtomicInteger IDS = new AtomicInteger();

  private final InMemoryEngine engine;
  private final boolean ownsEngine;
  private final FaultPlan faults = new FaultPlan();
  private final RequestRecorder<RecordedCall> requests = new RequestRecorder<>(RecordedCall::method);
  /**
   * Recorded where each call enters, not in the handlers: a client may cancel a unary call after its
   * request arrived but before grpc-java hands it to the handler, which then never runs.
   */
  private final List<String> cancelled = new java.util.concurrent.CopyOnWriteArrayList<>();
  private final ExecutorService executor;
  private final ScheduledExecutorService scheduler;
  private final EventLoopGroup boss;
  private final EventLoopGroup workers;
  private final Map<SocketAddress, Channel> connections = new ConcurrentHashMap<>();
  private final GatewayService service;
  private final Server server;
  private final String inProcessName;
  private final String threadPrefix;
  private final String host;
  private final String connectHost;
  private final int port;
  private volatile Consumer<String> requestListener;
  private volatile boolean closed;

  private FakeZeebeGateway(InMemoryEngine engine, boolean ownsEngine, String inProcessName) {
    this(engine, ownsEngine, inProcessName, DEFAULT_HOST, 0);
  }

  private FakeZeebeGateway(InMemoryEngine engine, boolean ownsEngine, String inProcessName, String host, int wantedPort) {
    this.engine = Objects.requireNonNull(engine, "engine == null");
    this.ownsEngine = ownsEngine;
    this.inProcessName = inProcessName;
    this.host = host;
    this.connectHost = HostPort.connectHost(host);
    int id = IDS.incrementAndGet();
    String prefix = "flowport-fake-zeebe-" + id + "-";
    this.threadPrefix = prefix;
    this.executor = Executors.newCachedThreadPool(daemon(prefix + "grpc-"));
    this.scheduler = Executors.newSingleThreadScheduledExecutor(daemon(prefix + "timer-"));
    this.service = inProcessName == null
        ? new GatewayService(engine, faults, scheduler, executor, this::kill, connectHost)
        : new GatewayService(engine, faults, scheduler, executor, remote -> false, "0.0.0.0");
    try {
      if (inProcessName == null) {
        this.boss = new MultiThreadIoEventLoopGroup(1, daemon(prefix + "boss-"), NioIoHandler.newFactory());
        this.workers = new MultiThreadIoEventLoopGroup(2, daemon(prefix + "io-"), NioIoHandler.newFactory());
        InetSocketAddress bind = new InetSocketAddress(InetAddress.getByName(host), wantedPort);
        this.server = NettyServerBuilder.forAddress(bind)
            .bossEventLoopGroup(boss)
            .workerEventLoopGroup(workers)
            .channelFactory(() -> new TrackingServerChannel(connections))
            .executor(executor)
            .addService(ServerInterceptors.intercept(service, new Interceptor()))
            .build()
            .start();
        this.port = ((InetSocketAddress) server.getListenSockets().get(0)).getPort();
        service.brokerPort(port); // Topology reports the bound port
      } else {
        this.boss = null;
        this.workers = null;
        this.port = -1;
        service.brokerPort(26500);
        this.server = InProcessServerBuilder.forName(inProcessName)
            .executor(executor)
            .scheduledExecutorService(scheduler)
            .addService(ServerInterceptors.intercept(service, new Interceptor()))
            .build()
            .start();
      }
    } catch (IOException | RuntimeException e) {
      abandon(engine, ownsEngine);
      throw inProcessName == null ? FakeStartException.of("the fake Zeebe gateway", connectHost + ":" + wantedPort, e)
          : e instanceof IOException io ? new UncheckedIOException("cannot start the fake Zeebe gateway", io)
          : (RuntimeException) e;
    }
  }

  /**
   * {@return the engine options that make the in-memory engine behave like Zeebe: duplicate filtering on,
   * tenant {@code "<default>"}, ended instances dropped (cancel after completion → NOT_FOUND)}
   */
  public static EngineOptions zeebeOptions() {
    return EngineOptions.builder()
        .duplicateFiltering(true)
        .defaultTenantId("<default>")
        .keepEndedInstances(false)
        .build();
  }

  /**
   * {@return a gateway on {@code 127.0.0.1} and a free port, on a fresh engine with {@link #zeebeOptions()}}
   */
  public static FakeZeebeGateway start() {
    return new FakeZeebeGateway(InMemoryEngine.create(zeebeOptions()), true, null);
  }

  /**
   * {@return a gateway on {@code 127.0.0.1:port} (0: a free port), on a fresh engine with {@link #zeebeOptions()}}
   * A port in use → FakeStartException (an UncheckedIOException) naming the address, the BindException its cause.
   *
   * @param port the port
   */
  public static FakeZeebeGateway start(int port) {
    return builder().port(port).start();
  }

  /**
   * {@return a builder for a gateway on a chosen host and port: {@code FakeZeebeGateway.builder().host("0.0.0.0").port(26500).start()}}
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * {@return a gateway on {@code 127.0.0.1} and a free port, on this engine (not closed by {@link #close()})}
   *
   * @param engine the engine's name, e.g. {@code "zeebe"}
   */
  public static FakeZeebeGateway start(InMemoryEngine engine) {
    return new FakeZeebeGateway(engine, false, null);
  }

  /**
   * {@return an in-process gateway (no socket) named {@code name}, on a fresh engine with {@link #zeebeOptions()}}
   *
   * @param name the name
   */
  public static FakeZeebeGateway startInProcess(String name) {
    return new FakeZeebeGateway(InMemoryEngine.create(zeebeOptions()), true, requireName(name));
  }

  /**
   * {@return an in-process gateway named {@code name} on this engine (not closed by {@link #close()})}
   *
   * @param name the name
   * @param engine the engine's name, e.g. {@code "zeebe"}
   */
  public static FakeZeebeGateway startInProcess(String name, InMemoryEngine engine) {
    return new FakeZeebeGateway(engine, false, requireName(name));
  }

  private static String requireName(String name) {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("in-process name must not be null or blank");
    }
    return name;
  }

  /**
   * {@code "127.0.0.1:<port>"} (or {@code "<host>:<port>"} when bound to one address other than the
   * wildcard), for {@code ZeebeClient.builder().gatewayAddress(..)}. In-process: IllegalStateException.
   *
   * @return the address
   */
  public String address() {
    return HostPort.of(connectHost, port());
  }

  /**
   * {@return the address the server is bound to ({@code "127.0.0.1"} unless set on the {@link #builder()})} In-process: null.
   */
  public String host() {
    return inProcessName == null ? host : null;
  }

  /** {@return the bound port} In-process: IllegalStateException. */
  public int port() {
    if (inProcessName != null) {
      throw new IllegalStateException("the in-process gateway '" + inProcessName + "' has no port; use newChannel()");
    }
    return port;
  }

  /** {@return whether this gateway is in-process (no socket)} */
  public boolean isInProcess() {
    return inProcessName != null;
  }

  /** {@return the in-process name, or null for the netty gateway} */
  public String inProcessName() {
    return inProcessName;
  }

  /**
   * {@return a new plaintext channel to this gateway (netty or in-process)} The caller shuts it down; it is
   * not closed by {@link #close()}.
   */
  public ManagedChannel newChannel() {
    if (inProcessName != null) {
      return InProcessChannelBuilder.forName(inProcessName).directExecutor().build();
    }
    return NettyChannelBuilder.forAddress(connectHost, port).usePlaintext().build();
  }

  /** {@return the engine behind the gateway: deploy, inspect instances and jobs, advance the clock} */
  public InMemoryEngine engine() {
    return engine;
  }

  /**
   * {@return the faults to inject, by gRPC method name ({@code "CreateProcessInstance"})} See the package
   * documentation for how each {@link io.flowport.testkit.fakes.Fault.Type} shows on gRPC.
   */
  public FaultPlan faults() {
    return faults;
  }

  /** {@return the calls that reached the server (faulted ones included), by bare gRPC method name} */
  public RequestLog requestLog() {
    return requests;
  }

  /** {@return the same log as {@link #requestLog()}} */
  public RequestLog requests() {
    return requests;
  }

  /**
   * The gRPC method names of the calls the client cancelled before the gateway answered them, in
   * the order the gateway saw the cancellation (a cancelled future, a deadline, a closed channel).
   *
   * @return the cancelled calls' method names
   */
  public List<String> cancelledCalls() {
    return List.copyOf(cancelled);
  }

  /**
   * {@return every call that reached the server, in arrival order, with its text metadata (e.g. {@code traceparent})}
   */
  public List<RecordedCall> calls() {
    return requests.entries();
  }

  /**
   * Gets one line per call the gateway answered, from the thread that answers it, just before the
   * answer is sent: {@code "<Rpc> <gRPC code> <n> ms"}, e.g. {@code "Topology OK 3 ms"} or
   * {@code "CreateProcessInstance NOT_FOUND 1 ms"}; a call the client cancelled or whose connection
   * was reset before an answer reads {@code "<Rpc> CANCELLED <n> ms"}. {@code null} removes the
   * listener; without one, calls are not wrapped. Replaces the previous listener; returns this gateway.
   * The listener must be quick and must not throw (what it throws is ignored).
   *
   * @param listener the listener told of each call
   * @return this object
   */
  public FakeZeebeGateway onRequest(Consumer<String> listener) {
    this.requestListener = listener;
    return this;
  }

  /**
   * Stops the server at once (calls still open are cancelled), then its threads; closes the engine
   * if this gateway created it. Idempotent.
   */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      service.shutdown();
      server.shutdownNow();
      try {
        server.awaitTermination(5, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    } finally {
      stopThreads();
      if (ownsEngine) {
        engine.close();
      }
    }
  }

  /** Start failed: stop what was started. */
  private void abandon(InMemoryEngine engine, boolean ownsEngine) {
    service.shutdown();
    stopThreads();
    if (ownsEngine) {
      engine.close();
    }
  }

  private void stopThreads() {
    scheduler.shutdownNow();
    executor.shutdownNow();
    if (workers != null) {
      workers.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly(5, TimeUnit.SECONDS);
    }
    if (boss != null) {
      boss.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly(5, TimeUnit.SECONDS);
    }
    try {
      executor.awaitTermination(5, TimeUnit.SECONDS);
      scheduler.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** The name prefix of this gateway's threads (for tests that check none is left). */
  String threadPrefix() {
    return threadPrefix;
  }

  @Override
  public String toString() {
    return "FakeZeebeGateway{" + (inProcessName != null ? "inProcess=" + inProcessName : "address=" + address()) + "}";
  }

  /** Builds a netty {@link FakeZeebeGateway} on a chosen host and port. */
  public static final class Builder {
    private String host = DEFAULT_HOST;
    private int port;
    private InMemoryEngine engine;
    private Consumer<String> requestListener;

    private Builder() {}

    /**
     * {@return a listener of the answered calls from the first one on; see {@link FakeZeebeGateway#onRequest}}
     *
     * @param listener the listener told of each call
     */
    public Builder onRequest(Consumer<String> listener) {
      this.requestListener = listener;
      return this;
    }

    /**
     * {@return the address to bind (default {@code 127.0.0.1}, loopback only); {@code "0.0.0.0"} listens on
     * every interface (e.g. in a container)} A name is resolved when the gateway starts.
     *
     * @param value the value
     */
    public Builder host(String value) {
      this.host = HostPort.checkHost(value);
      return this;
    }

    /**
     * {@return the port to bind, 0 (default) for a free one; see {@link FakeZeebeGateway#port()} for the bound port}
     *
     * @param value the value
     */
    public Builder port(int value) {
      this.port = HostPort.checkPort(value);
      return this;
    }

    /**
     * {@return the engine to serve (default: a new one with {@link #zeebeOptions()}, closed with the gateway)}
     *
     * @param value the value
     */
    public Builder engine(InMemoryEngine value) {
      this.engine = value;
      return this;
    }

    /**
     * Starts the gateway. A port in use or an unknown host → FakeStartException (an UncheckedIOException).
     *
     * @return this object
     */
    public FakeZeebeGateway start() {
      FakeZeebeGateway gateway = engine == null
          ? new FakeZeebeGateway(InMemoryEngine.create(zeebeOptions()), true, null, host, port)
          : new FakeZeebeGateway(engine, false, null, host, port);
      return gateway.onRequest(requestListener);
    }
  }

  // ------------------------------------------------------------------ RESET: kill the TCP connection

  /** Closes the client's TCP connection with SO_LINGER 0, so the client sees a reset (RST). */
  private boolean kill(SocketAddress remote) {
    Channel ch = remote == null ? null : connections.get(remote);
    if (ch == null) {
      return false;
    }
    ch.eventLoop().execute(() -> {
      try {
        ch.config().setOption(ChannelOption.SO_LINGER, 0);
      } catch (RuntimeException ignored) {
        // closing without linger still drops the connection
      }
      // Not ch.close(): through the pipeline the HTTP/2 handler would turn it into a graceful GOAWAY.
      ch.unsafe().close(ch.voidPromise());
    });
    return true;
  }

  /** Remembers each accepted connection by its remote address, so RESET can find and kill it. */
  static final class TrackingServerChannel extends NioServerSocketChannel {
    private final Map<SocketAddress, Channel> connections;

    TrackingServerChannel(Map<SocketAddress, Channel> connections) {
      this.connections = connections;
    }

    @Override
    protected int doReadMessages(List<Object> buf) throws Exception {
      int before = buf.size();
      int read = super.doReadMessages(buf);
      for (int i = before; i < buf.size(); i++) {
        if (buf.get(i) instanceof Channel ch) {
          SocketAddress remote = ch.remoteAddress();
          if (remote != null) {
            connections.put(remote, ch);
            ch.closeFuture().addListener(f -> connections.remove(remote, ch));
          }
        }
      }
      return read;
    }
  }

  // ------------------------------------------------------------------ plumbing

  /** Logs each call and puts its remote address in the context. */
  private final class Interceptor implements ServerInterceptor {
    @Override
    public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers,
        ServerCallHandler<Q, R> next) {
      String method = call.getMethodDescriptor().getBareMethodName();
      requests.record(RecordedCall.of(method, headers));
      Context ctx = Context.current().withValue(REMOTE_ADDRESS, call.getAttributes().get(Grpc.TRANSPORT_ATTR_REMOTE_ADDR));
      Consumer<String> listener = requestListener;
      ServerCall.Listener<Q> handled;
      if (listener == null) {
        handled = Contexts.interceptCall(ctx, call, headers, next);
      } else {
        AnsweredCall<Q, R> answered = new AnsweredCall<>(call, method, listener);
        handled = answered.listen(Contexts.interceptCall(ctx, answered, headers, next));
      }
      return new ForwardingServerCallListener.SimpleForwardingServerCallListener<>(handled) {
        @Override
        public void onCancel() {
          cancelled.add(method); // grpc-java calls this only for a call that ended without its answer
          super.onCancel();
        }
      };
    }
  }

  /** Reports a call once: when the server closes it, or when it is cancelled first. */
  private static final class AnsweredCall<Q, R> extends ForwardingServerCall.SimpleForwardingServerCall<Q, R> {
    private final String method;
    private final Consumer<String> listener;
    private final long startNanos = System.nanoTime();
    private final AtomicBoolean reported = new AtomicBoolean();

    AnsweredCall(ServerCall<Q, R> call, String method, Consumer<String> listener) {
      super(call);
      this.method = method;
      this.listener = listener;
    }

    @Override
    public void close(Status status, Metadata trailers) {
      report(status.getCode());
      super.close(status, trailers);
    }

    ServerCall.Listener<Q> listen(ServerCall.Listener<Q> delegate) {
      return new ForwardingServerCallListener.SimpleForwardingServerCallListener<>(delegate) {
        @Override
        public void onCancel() {
          report(Status.Code.CANCELLED);
          super.onCancel();
        }
      };
    }

    private void report(Status.Code code) {
      if (reported.compareAndSet(false, true)) {
        long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
        try {
          listener.accept(method + " " + code + " " + ms + " ms");
        } catch (RuntimeException ignored) {
          // a broken listener must not break the call
        }
      }
    }
  }

  private static ThreadFactory daemon(String prefix) {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, prefix + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }
}
