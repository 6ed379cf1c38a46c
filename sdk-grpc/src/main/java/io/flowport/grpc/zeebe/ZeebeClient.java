package io.flowport.grpc.zeebe;

import io.flowport.core.ClientOptions;
import io.flowport.core.Operation;
import io.flowport.core.auth.Credentials;
import io.flowport.core.spi.AdapterClient;
import io.flowport.core.spi.CallPlan;
import io.flowport.grpc.zeebe.internal.StaticAddressesResolverFactory;
import io.flowport.grpc.zeebe.internal.StaticAddressesResolverFactory.HostPort;
import io.flowport.grpc.zeebe.internal.ZeebeBackend;
import io.grpc.ChannelCredentials;
import io.grpc.InsecureChannelCredentials;
import io.grpc.ManagedChannel;
import io.grpc.TlsChannelCredentials;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.netty.shaded.io.netty.channel.EventLoopGroup;
import io.grpc.netty.shaded.io.netty.channel.MultiThreadIoEventLoopGroup;
import io.grpc.netty.shaded.io.netty.channel.nio.NioIoHandler;
import io.grpc.netty.shaded.io.netty.channel.socket.nio.NioSocketChannel;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.LoggerFactory;

/**
 * A Flowport client for a Zeebe gateway over gRPC: the unified {@link io.flowport.core.WorkflowClient} operations
 * plus Zeebe's own ({@link ZeebeOperations}), all through one retry/timeout machinery.
 *
 * <pre>{@code
 * try (ZeebeClient zeebe = ZeebeClient.builder().gatewayAddress("localhost:26500").usePlaintext().build()) {
 *   zeebe.definitions().deploy(DeployRequest.of(Resource.fromClasspath("order.bpmn"))).join();
 *   Instance started = zeebe.instances().start(StartRequest.of("order").variable("id", 7).build()).join();
 *   try (JobWorker worker = zeebe.newWorker("ship", job -> Map.of("shipped", true))) { ... }
 * }
 * }</pre>
 *
 * From the blocking client: {@code sync.join(sync.engineOperations(ZeebeOperations.class).topology())}.
 *
 * <p>The client owns its channel, its gRPC executor and its event loop: {@link #close()} stops them
 * all and every worker, so no thread outlives it. It is thread-safe.
 *
 * <p>Unified operations supported: deploy, start, start-and-await (native), cancel, publish message,
 * upsert variables. The gateway API cannot read instances or variables: get, list and variable
 * reads fail fast with {@link io.flowport.core.error.OperationNotSupportedException}.
 */
public final class ZeebeClient extends AdapterClient<ZeebeBackend> implements ZeebeOperations {
  private static final AtomicInteger CLIENTS = new AtomicInteger();
  private static final Set<Operation> OPERATIONS = Set.of(TOPOLOGY, SET_VARIABLES, RESOLVE_INCIDENT,
      UPDATE_JOB_RETRIES, BROADCAST_SIGNAL, ACTIVATE_JOBS, COMPLETE_JOB, FAIL_JOB, THROW_ERROR);

  private final Wire wire;
  private final Set<JobWorker> workers = ConcurrentHashMap.newKeySet();

  /**
   * The channel and the threads behind it: the client's own (built from the addresses) or the
   * user's channel, which the client does not shut down.
   */
  private record Wire(ManagedChannel channel, boolean ownsChannel, EventLoopGroup eventLoop,
      ExecutorService grpcExecutor, String description) {

    static Wire open(Builder b) {
      if (b.channel != null) {
        return new Wire(b.channel, false, null, null,
            "ZeebeClient{channel=" + b.channel + ", credentials=" + b.credentials + "}");
      }
      if (b.addresses.isEmpty()) {
        throw new IllegalStateException("no gateway address: call gatewayAddress(\"host:port\")");
      }
      int id = CLIENTS.incrementAndGet();
      ExecutorService grpcExecutor = new ThreadPoolExecutor(0, Integer.MAX_VALUE, 30, TimeUnit.SECONDS,
          new SynchronousQueue<>(), daemon("flowport-zeebe-" + id + "-grpc-"));
      EventLoopGroup eventLoop = new MultiThreadIoEventLoopGroup(1, daemon("flowport-zeebe-" + id + "-io-"),
          NioIoHandler.newFactory());
      ManagedChannel channel = buildChannel(b, eventLoop, grpcExecutor);
      if (b.plaintext && b.credentials != Credentials.none()) {
        // A loopback gateway, or allowPlaintextCredentials(): the token travels unencrypted.
        LoggerFactory.getLogger(ZeebeClient.class).warn(
            "credentials ({}) will be sent over a plaintext channel to {}", b.credentials, b.addresses);
      }
      return new Wire(channel, true, eventLoop, grpcExecutor, "ZeebeClient{gateways=" + b.addresses
          + ", tls=" + !b.plaintext + ", credentials=" + b.credentials + "}");
    }
  }

  private ZeebeClient(Builder b, Wire wire) {
    super(new ZeebeBackend(wire.channel(), b.credentials, null, gatewayNames(b)), b.options, OPERATIONS);
    this.wire = wire;
  }

  /** The addresses the client dials, as errors name them; null for a channel given from outside. */
  private static String gatewayNames(Builder b) {
    return b.addresses.isEmpty() ? null
        : b.addresses.stream().map(Object::toString).collect(java.util.stream.Collectors.joining(", "));
  }

  @SuppressWarnings("deprecation") // nameResolverFactory: the simplest way to give a fixed address list
  private static ManagedChannel buildChannel(Builder b, EventLoopGroup group, ExecutorService exec) {
    ChannelCredentials creds;
    if (b.plaintext) {
      creds = InsecureChannelCredentials.create();
    } else if (b.trustCertificates != null) {
      try {
        creds = TlsChannelCredentials.newBuilder().trustManager(b.trustCertificates.toFile()).build();
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read trusted certificates " + b.trustCertificates, e);
      }
    } else {
      creds = TlsChannelCredentials.create();
    }
    NettyChannelBuilder nb;
    if (b.addresses.size() == 1) {
      nb = NettyChannelBuilder.forTarget(b.addresses.get(0).toString(), creds);
    } else {
      nb = NettyChannelBuilder.forTarget(StaticAddressesResolverFactory.target(), creds)
          .nameResolverFactory(new StaticAddressesResolverFactory(b.addresses))
          .defaultLoadBalancingPolicy("round_robin");
    }
    nb.eventLoopGroup(group)
        .channelType(NioSocketChannel.class)
        .executor(exec)
        .offloadExecutor(exec)
        .userAgent("flowport-zeebe")
        .maxInboundMessageSize(b.maxInboundMessageSize)
        .maxInboundMetadataSize(b.maxInboundMetadataSize)
        .keepAliveTime(b.keepAlive.toMillis(), TimeUnit.MILLISECONDS);
    return nb.build();
  }

  private static ThreadFactory daemon(String prefix) {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, prefix + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }

  /** {@return the builder} */
  public static Builder builder() {
    return new Builder();
  }

  // ---------------------------------------------------------------- ZeebeOperations

  @Override
  public CompletableFuture<Topology> topology() {
    return call(TOPOLOGY, check -> backend()::topology);
  }

  @Override
  public CompletableFuture<Long> setVariables(long elementInstanceKey, Map<String, ?> variables, boolean local) {
    return call(SET_VARIABLES, check -> {
      Map<String, Object> vars = check.variables(variables);
      return ctx -> backend().setVariables(ctx, elementInstanceKey, vars, local);
    });
  }

  @Override
  public CompletableFuture<Void> resolveIncident(long incidentKey) {
    return call(RESOLVE_INCIDENT, check -> ctx -> backend().resolveIncident(ctx, incidentKey));
  }

  @Override
  public CompletableFuture<Void> updateJobRetries(long jobKey, int retries) {
    return call(UPDATE_JOB_RETRIES, check -> {
      check.atLeast("retries", retries, 1);
      return ctx -> backend().updateJobRetries(ctx, jobKey, retries);
    });
  }

  @Override
  public CompletableFuture<Long> broadcastSignal(String signalName, Map<String, ?> variables) {
    return call(BROADCAST_SIGNAL, check -> {
      check.id("signal name", signalName);
      Map<String, Object> vars = check.optionalVariables(variables);
      return ctx -> backend().broadcastSignal(ctx, signalName, vars);
    });
  }

  @Override
  public CompletableFuture<List<ActivatedJob>> activateJobs(String type, int maxJobs, Duration timeout, String worker) {
    return activateJobs(type, maxJobs, timeout, worker, Duration.ZERO);
  }

  /**
   * With a positive {@code requestTimeout} the attempt may long-poll that long: it gets that plus
   * the one await margin. With zero (the gateway's own default) the configured attempt timeout
   * bounds it.
   */
  @Override
  public CompletableFuture<List<ActivatedJob>> activateJobs(
      String type, int maxJobs, Duration timeout, String worker, Duration requestTimeout) {
    CallPlan<List<ActivatedJob>> plan = check -> {
      check.id("job type", type);
      check.atLeast("maxJobs", maxJobs, 1);
      check.positive("job timeout", timeout);
      check.nonNull("requestTimeout", requestTimeout);
      if (requestTimeout.isNegative()) {
        throw check.invalid("requestTimeout must not be negative, was " + requestTimeout);
      }
      return ctx -> backend().activateJobs(ctx, type, maxJobs, timeout, worker, requestTimeout);
    };
    boolean longPoll = requestTimeout != null && requestTimeout.compareTo(Duration.ZERO) > 0;
    return longPoll ? callAwaiting(ACTIVATE_JOBS, requestTimeout, plan) : call(ACTIVATE_JOBS, plan);
  }

  @Override
  public CompletableFuture<Void> completeJob(long jobKey, Map<String, ?> variables) {
    return call(COMPLETE_JOB, check -> {
      Map<String, Object> vars = check.optionalVariables(variables);
      return ctx -> backend().completeJob(ctx, jobKey, vars);
    });
  }

  @Override
  public CompletableFuture<Void> failJob(long jobKey, int retries, String errorMessage) {
    return call(FAIL_JOB, check -> {
      check.atLeast("retries", retries, 0);
      return ctx -> backend().failJob(ctx, jobKey, retries, errorMessage);
    });
  }

  @Override
  public CompletableFuture<Void> throwError(long jobKey, String errorCode, String errorMessage) {
    return call(THROW_ERROR, check -> {
      check.id("errorCode", errorCode);
      return ctx -> backend().throwError(ctx, jobKey, errorCode, errorMessage);
    });
  }

  @Override
  public JobWorker newWorker(String type, ZeebeJobHandler handler) {
    return newWorker(type, handler, JobWorker.Settings.defaults());
  }

  @Override
  public JobWorker newWorker(String type, ZeebeJobHandler handler, JobWorker.Settings settings) {
    Objects.requireNonNull(type, "type == null");
    Objects.requireNonNull(handler, "handler == null");
    Objects.requireNonNull(settings, "settings == null");
    if (type.isBlank()) {
      throw new IllegalArgumentException("type is blank");
    }
    if (isClosed()) {
      throw new IllegalStateException("the client is closed");
    }
    JobWorker worker = new JobWorker(this, type, handler, settings, workers::remove);
    workers.add(worker);
    worker.start();
    return worker;
  }

  // ---------------------------------------------------------------- lifecycle

  /** Stops the workers first: they would start new polls while the client closes. */
  @Override
  protected void beforeClose() {
    for (JobWorker w : new ArrayList<>(workers)) {
      w.close();
    }
  }

  /**
   * After the executor (calls in flight failed and cancelled on the wire) and the backend: shuts
   * the channel down (waiting up to 5 s), the event loop and the gRPC threads, when they are the
   * client's own.
   */
  @Override
  protected void afterClose() {
    if (wire.ownsChannel()) {
      ManagedChannel channel = wire.channel();
      channel.shutdown();
      try {
        if (!channel.awaitTermination(5, TimeUnit.SECONDS)) {
          channel.shutdownNow().awaitTermination(2, TimeUnit.SECONDS);
        }
      } catch (InterruptedException e) {
        channel.shutdownNow();
        Thread.currentThread().interrupt();
      }
    }
    if (wire.eventLoop() != null) {
      wire.eventLoop().shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly(5, TimeUnit.SECONDS);
    }
    if (wire.grpcExecutor() != null) {
      wire.grpcExecutor().shutdownNow();
      try {
        wire.grpcExecutor().awaitTermination(5, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  @Override
  public String toString() {
    return wire.description();
  }

  /**
   * Builds a {@link ZeebeClient}. TLS is on unless {@link #usePlaintext()}; credentials over
   * plaintext are refused for a gateway off this machine unless {@link #allowPlaintextCredentials()}.
   */
  public static final class Builder {
    /** The default {@link #maxInboundMessageSize(int)}: 4 MiB, grpc-java's and the Zeebe gateway's. */
    public static final int DEFAULT_MAX_INBOUND_MESSAGE_SIZE = 4 * 1024 * 1024;
    /** The default {@link #maxInboundMetadataSize(int)}: 16 KiB, as the official Zeebe client sets it. */
    public static final int DEFAULT_MAX_INBOUND_METADATA_SIZE = 16 * 1024;

    private final List<HostPort> addresses = new ArrayList<>();
    private boolean plaintext;
    private boolean allowPlaintextCredentials;
    private Path trustCertificates;
    private Credentials credentials = Credentials.none();
    private Duration keepAlive = Duration.ofSeconds(45);
    private int maxInboundMessageSize = DEFAULT_MAX_INBOUND_MESSAGE_SIZE;
    private int maxInboundMetadataSize = DEFAULT_MAX_INBOUND_METADATA_SIZE;
    private ClientOptions options = ClientOptions.defaults();
    private ManagedChannel channel;

    private Builder() {}

    /**
     * {@return the gateway's {@code host:port}; several (comma-separated, or by calling this again) are
     * balanced round-robin}
     *
     * @param address the address
     */
    public Builder gatewayAddress(String address) {
      Objects.requireNonNull(address, "address == null");
      for (String a : address.split(",")) {
        if (!a.isBlank()) {
          addresses.add(HostPort.parse(a));
        }
      }
      return this;
    }

    /**
     * Several gateways, balanced round-robin.
     *
     * @param addresses the addresses
     * @return this builder
     */
    public Builder gatewayAddresses(List<String> addresses) {
      Objects.requireNonNull(addresses, "addresses == null").forEach(this::gatewayAddress);
      return this;
    }

    /**
     * No TLS (a local engine, a sidecar). Without this call the client speaks TLS and checks the
     * gateway's certificate: its issuer against the JDK's trust store (or {@link
     * #trustCertificates(Path)}), its host name against the address dialed, and its validity dates.
     * A certificate failing a check fails every call with {@link io.flowport.core.error.TlsException},
     * not retried.
     *
     * <p>With {@link #credentials(Credentials) credentials}, {@link #build()} refuses a plaintext
     * client for a gateway that is not on this machine, unless {@link #allowPlaintextCredentials()}.
     *
     * @return this builder
     */
    public Builder usePlaintext() {
      this.plaintext = true;
      return this;
    }

    /**
     * Lets {@link #credentials(Credentials) credentials} (a bearer token, {@link
     * ZeebeOAuthCredentials}) travel over a {@link #usePlaintext() plaintext} channel to a gateway on
     * another machine, readable by anyone on the network path: for a gateway behind a trusted network
     * or a TLS-terminating sidecar. Without it, {@link #build()} refuses that combination. Loopback
     * gateways ({@code localhost}, {@code 127.0.0.0/8}, {@code ::1}) never need it. The client still
     * logs a warning when it sends credentials in plaintext.
     *
     * @return this builder
     */
    public Builder allowPlaintextCredentials() {
      this.allowPlaintextCredentials = true;
      return this;
    }

    /**
     * Trust these PEM certificates instead of the JDK's default trust store (TLS only). The host
     * name is still checked. A certificate in this file is a trust anchor: the JDK checks the
     * validity dates of the certificates it issued, not its own, so prefer trusting the issuing CA
     * over the gateway's own certificate.
     *
     * @param pemFile the pem file
     * @return this builder
     */
    public Builder trustCertificates(Path pemFile) {
      this.trustCertificates = Objects.requireNonNull(pemFile, "pemFile == null");
      return this;
    }

    /**
     * Credentials applied to every attempt (bearer, {@link ZeebeOAuthCredentials}).
     *
     * @param credentials the credentials
     * @return this builder
     */
    public Builder credentials(Credentials credentials) {
      this.credentials = Objects.requireNonNull(credentials, "credentials == null");
      return this;
    }

    /**
     * HTTP/2 keep-alive ping interval; 45 s by default (gRPC allows no less than 10 s).
     *
     * @param interval the interval
     * @return this builder
     */
    public Builder keepAlive(Duration interval) {
      Objects.requireNonNull(interval, "interval == null");
      if (interval.isNegative() || interval.isZero()) {
        throw new IllegalArgumentException("keepAlive must be positive, was " + interval);
      }
      this.keepAlive = interval;
      return this;
    }

    /**
     * The largest answer the client reads, in bytes; 4 MiB by default. A larger answer (a
     * start-and-await with big variables) fails with {@link
     * io.flowport.core.error.UnexpectedResponseException}, marked as possibly processed (the gateway
     * answered, so it acted) and not retried.
     *
     * @param bytes the limit, positive
     * @return this builder
     */
    public Builder maxInboundMessageSize(int bytes) {
      if (bytes <= 0) {
        throw new IllegalArgumentException("maxInboundMessageSize must be positive, was " + bytes);
      }
      this.maxInboundMessageSize = bytes;
      return this;
    }

    /**
     * The largest header or trailer block (metadata) the client accepts from the gateway, in bytes;
     * 16 KiB by default, as the official Zeebe client (grpc-java's own default is 8 KiB). A gateway
     * or proxy that sends more than this and a quarter breaks the HTTP/2 connection: every call on
     * it then fails as unavailable and is retried where that is safe.
     *
     * @param bytes the limit, positive
     * @return this builder
     */
    public Builder maxInboundMetadataSize(int bytes) {
      if (bytes <= 0) {
        throw new IllegalArgumentException("maxInboundMetadataSize must be positive, was " + bytes);
      }
      this.maxInboundMetadataSize = bytes;
      return this;
    }

    /**
     * Retries, timeouts, listeners, callback executor.
     *
     * @param options the options
     * @return this builder
     */
    public Builder options(ClientOptions options) {
      this.options = Objects.requireNonNull(options, "options == null");
      return this;
    }

    /**
     * Use this channel (e.g. an in-process channel to a fake gateway) instead of building one. The
     * client does not shut it down; address, TLS and keep-alive settings are then ignored, and so is
     * the check of credentials over plaintext: the channel's security is the caller's.
     *
     * @param channel the channel
     * @return this builder
     */
    public Builder channel(ManagedChannel channel) {
      this.channel = Objects.requireNonNull(channel, "channel == null");
      return this;
    }

    /**
     * {@return the client, with its channel, threads and event loop}
     *
     * @throws IllegalStateException when no address is given, when {@link #usePlaintext()} and
     *     {@link #trustCertificates(Path)} are both set, or when credentials would travel in
     *     plaintext to a gateway off this machine without {@link #allowPlaintextCredentials()}
     */
    public ZeebeClient build() {
      if (plaintext && trustCertificates != null) {
        throw new IllegalStateException("usePlaintext() and trustCertificates(...) exclude each other");
      }
      refusePlaintextCredentials();
      Wire wire = Wire.open(this);
      try {
        return new ZeebeClient(this, wire);
      } catch (RuntimeException | Error e) {
        if (wire.ownsChannel()) {
          wire.channel().shutdownNow();
          wire.eventLoop().shutdownGracefully(0, 0, TimeUnit.SECONDS);
          wire.grpcExecutor().shutdownNow();
        }
        throw e;
      }
    }

    /** Before any thread starts: a refused build leaves nothing behind. */
    private void refusePlaintextCredentials() {
      if (channel != null || !plaintext || credentials == Credentials.none() || allowPlaintextCredentials) {
        return;
      }
      for (HostPort address : addresses) {
        if (!address.isLoopback()) {
          throw new IllegalStateException("credentials would be sent unencrypted to gateway " + address
              + " (usePlaintext()): use TLS or allowPlaintextCredentials()");
        }
      }
    }
  }
}
