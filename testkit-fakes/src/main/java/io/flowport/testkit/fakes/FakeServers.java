package io.flowport.testkit.fakes;

import io.flowport.testkit.engine.DeployedModel;
import io.flowport.testkit.engine.EngineDeployment;
import io.flowport.testkit.engine.InMemoryEngine;
import io.flowport.testkit.fakes.flowable.FakeFlowableServer;
import io.flowport.testkit.fakes.zeebe.FakeZeebeGateway;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * The wire fakes as a standalone process: a {@link FakeZeebeGateway} and / or a
 * {@link FakeFlowableServer} on the ports given on the command line, each on its own in-memory
 * engine seeded with the BPMN files of a folder, logging one line per request answered, until
 * SIGINT or SIGTERM. For other tools, other languages' clients or {@code curl}:
 *
 * <pre>
 * mvn -B -q -pl testkit-fakes -am package -DskipTests exec:java \
 *     -Dexec.args="--zeebe-port 26500 --flowable-port 8080 --definitions samples/src/main/resources/bpmn"
 * curl -s localhost:8080/process-api/repository/process-definitions
 * </pre>
 *
 * <p>In a program or a test, {@link #start(String[], Consumer)} starts the same servers and returns
 * them; {@link #close()} stops them. Every line logged starts with a local timestamp
 * ({@code yyyy-MM-dd HH:mm:ss.SSS}); request lines read {@code [zeebe] Topology OK 2 ms} or
 * {@code [flowable] GET /process-api/repository/process-definitions 200 4 ms}.
 */
public final class FakeServers implements AutoCloseable {
  /** The exit code of a bad command line. */
  public static final int USAGE_EXIT_CODE = 2;

  /** The command-line help. */
  public static final String USAGE = """
      Usage: FakeServers [options]
      Serves Flowport's wire fakes of the engines on local ports, on in-memory engines.

        --zeebe-port N          serve the Zeebe gateway (gRPC, plaintext) on port N (0: a free port)
        --flowable-port N       serve the Flowable REST API (base path /process-api) on port N (0: a free port)
        --host H                the address to bind (default 127.0.0.1; 0.0.0.0 for every interface)
        --definitions DIR       deploy every *.bpmn and *.bpmn20.xml file of DIR into each engine at start
        --flowable-user U       require HTTP basic auth on the Flowable API with this user ...
        --flowable-password P   ... and this password (both or neither)
        -h, --help              print this help

      At least one of --zeebe-port and --flowable-port. Options take "--name value" or "--name=value".
      Logs one line per request answered; SIGINT (Ctrl+C) or SIGTERM stops the servers.
      Example: --zeebe-port 26500 --flowable-port 8080 --definitions samples/src/main/resources/bpmn
      """;

  /** Set by the testkit-fakes pom for {@code exec:java}; see {@link #isForUs}. */
  static final String EXEC_PROPERTY = "flowport.fakes.exec";

  private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS", Locale.ROOT);

  private final Consumer<String> sink;
  private final FakeZeebeGateway zeebe;
  private final FakeFlowableServer flowable;
  private final AtomicBoolean closed = new AtomicBoolean();
  private final CountDownLatch stopped = new CountDownLatch(1);

  /**
   * A parsed command line.
   *
   * @param zeebePort the Zeebe gateway's port, or null for no Zeebe gateway
   * @param flowablePort the Flowable server's port, or null for no Flowable server
   * @param host the address to bind
   * @param definitions the folder of BPMN files to deploy, or null
   * @param flowableUser the basic-auth user, or null for no auth
   * @param flowablePassword the basic-auth password, or null for no auth
   * @param help whether help was asked for (the other fields are then not checked)
   */
  public record Options(Integer zeebePort, Integer flowablePort, String host, Path definitions,
      String flowableUser, String flowablePassword, boolean help) {}

  /** A bad command line; {@link #exitCode()} is {@value #USAGE_EXIT_CODE}. */
  public static final class UsageException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public UsageException(String message) {
      super(message);
    }

    public int exitCode() {
      return USAGE_EXIT_CODE;
    }
  }

  private FakeServers(Options options, Consumer<String> sink) {
    this.sink = sink;
    FakeZeebeGateway z = null;
    FakeFlowableServer f = null;
    try {
      if (options.zeebePort() != null) {
        z = FakeZeebeGateway.builder().host(options.host()).port(options.zeebePort())
            .onRequest(line -> log("[zeebe] " + line))
            .start();
      }
      if (options.flowablePort() != null) {
        FakeFlowableServer.Builder b = FakeFlowableServer.builder().host(options.host()).port(options.flowablePort())
            .onRequest(line -> log("[flowable] " + line));
        if (options.flowableUser() != null) {
          b.basicAuth(options.flowableUser(), options.flowablePassword());
        }
        f = b.start();
      }
    } catch (RuntimeException e) {
      if (z != null) {
        z.close();
      }
      throw e;
    }
    this.zeebe = z;
    this.flowable = f;
  }

  // ------------------------------------------------------------------ entry points

  /** Runs the fakes until SIGINT / SIGTERM; a bad command line prints the usage and exits with 2. */
  public static void main(String[] args) {
    if (Boolean.getBoolean(EXEC_PROPERTY) && !isForUs(args)) {
      // exec:java in a reactor that goes on to the samples, with the samples' -Dexec.args: not ours
      System.err.println("FakeServers: not started (exec.args has no --zeebe-port, --flowable-port or --help)");
      return;
    }
    int code = run(args, System.out, System.err);
    if (code != 0) {
      System.exit(code);
    }
  }

  /**
   * The command: parses {@code args}, starts the servers, stops them from a shutdown hook and
   * returns once they are stopped. Returns the exit code without serving: 0 after {@code --help},
   * {@value #USAGE_EXIT_CODE} on a bad command line (the usage goes to {@code err}), 1 when a server
   * cannot start (e.g. a port in use).
   */
  static int run(String[] args, PrintStream out, PrintStream err) {
    Options options;
    try {
      options = parse(args);
    } catch (UsageException e) {
      err.println("error: " + e.getMessage());
      err.println();
      err.print(USAGE);
      err.flush();
      return e.exitCode();
    }
    if (options.help()) {
      out.print(USAGE);
      out.flush();
      return 0;
    }
    FakeServers servers;
    try {
      servers = start(options, line -> {
        out.println(line);
        out.flush();
      });
    } catch (RuntimeException e) {
      err.println("error: cannot start the fakes: " + e.getMessage());
      err.flush();
      return 1;
    }
    Runtime.getRuntime().addShutdownHook(new Thread(servers::close, "flowport-fakes-shutdown"));
    servers.log("ready (pid " + ProcessHandle.current().pid() + "); one line per request follows; "
        + "stop with Ctrl+C or kill -TERM " + ProcessHandle.current().pid());
    servers.awaitStopped();
    return 0;
  }

  /** Parses {@code args} and starts the servers, logging to standard output. Bad arguments → {@link UsageException}. */
  public static FakeServers start(String... args) {
    return start(args, line -> System.out.println(line));
  }

  /**
   * Parses {@code args} and starts the servers, logging each line (timestamped) to {@code log}.
   * Bad arguments or {@code --help} → {@link UsageException}; a server that cannot start (a port in
   * use) → the server's exception, with nothing left running.
   */
  public static FakeServers start(String[] args, Consumer<String> log) {
    Options options = parse(args);
    if (options.help()) {
      throw new UsageException("--help: nothing to start");
    }
    return start(options, log);
  }

  /** Starts the servers of {@code options}, seeds them, logs the banner to {@code log}. */
  public static FakeServers start(Options options, Consumer<String> log) {
    Objects.requireNonNull(options, "options == null");
    Objects.requireNonNull(log, "log == null");
    FakeServers servers = new FakeServers(options, log);
    try {
      servers.banner(options);
      if (options.definitions() != null) {
        servers.seed(options.definitions());
      }
    } catch (RuntimeException e) {
      servers.close();
      throw e;
    }
    return servers;
  }

  // ------------------------------------------------------------------ the running servers

  /** The Zeebe gateway, when {@code --zeebe-port} was given. */
  public Optional<FakeZeebeGateway> zeebe() {
    return Optional.ofNullable(zeebe);
  }

  /** The Flowable server, when {@code --flowable-port} was given. */
  public Optional<FakeFlowableServer> flowable() {
    return Optional.ofNullable(flowable);
  }

  /** The Zeebe gateway's bound port (the actual one when 0 was given), or -1 without a gateway. */
  public int zeebePort() {
    return zeebe == null ? -1 : zeebe.port();
  }

  /** The Flowable server's bound port (the actual one when 0 was given), or -1 without a server. */
  public int flowablePort() {
    return flowable == null ? -1 : flowable.port();
  }

  /** Blocks until {@link #close()} has stopped the servers. */
  public void awaitStopped() {
    boolean interrupted = false;
    while (true) {
      try {
        stopped.await();
        break;
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  /** Stops both servers and their engines, then logs {@code "stopped"}. Idempotent. */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    log("stopping");
    RuntimeException failure = null;
    for (AutoCloseable server : new AutoCloseable[] {zeebe, flowable}) {
      if (server == null) {
        continue;
      }
      try {
        server.close();
      } catch (Exception e) {
        if (failure == null) {
          failure = new IllegalStateException("cannot stop " + server, e);
        } else {
          failure.addSuppressed(e);
        }
      }
    }
    log("stopped");
    stopped.countDown();
    if (failure != null) {
      throw failure;
    }
  }

  @Override
  public String toString() {
    return "FakeServers{zeebe=" + zeebe + ", flowable=" + flowable + "}";
  }

  private void log(String message) {
    try {
      sink.accept(LocalDateTime.now().format(TIMESTAMP) + " " + message);
    } catch (RuntimeException ignored) {
      // logging must not stop the servers
    }
  }

  private void banner(Options options) {
    log("Flowport wire fakes on in-memory engines");
    if (zeebe != null) {
      log("zeebe: gRPC gateway listening on " + hostPort(zeebe.host(), zeebe.port())
          + ", gateway address " + zeebe.address() + " (plaintext)");
    }
    if (flowable != null) {
      log("flowable: REST API listening on " + hostPort(flowable.host(), flowable.port())
          + ", base URL " + flowable.baseUrl()
          + (options.flowableUser() != null ? " (basic auth, user " + options.flowableUser() + ")" : " (no auth)"));
    }
  }

  private static String hostPort(String host, int port) {
    return (host.indexOf(':') >= 0 && !host.startsWith("[") ? "[" + host + "]" : host) + ":" + port;
  }

  /** Deploys every BPMN file of {@code dir} into each engine; a file that does not deploy is logged and skipped. */
  private void seed(Path dir) {
    List<Path> files;
    try (Stream<Path> list = Files.list(dir)) {
      files = list.filter(Files::isRegularFile).filter(p -> isBpmn(p.getFileName().toString())).sorted().toList();
    } catch (IOException e) {
      log("definitions: cannot list " + dir.toAbsolutePath() + ": " + e);
      return;
    }
    log("definitions: " + files.size() + " BPMN file(s) in " + dir.toAbsolutePath());
    Map<String, InMemoryEngine> engines = new LinkedHashMap<>();
    if (zeebe != null) {
      engines.put("zeebe", zeebe.engine());
    }
    if (flowable != null) {
      engines.put("flowable", flowable.engine());
    }
    for (Path file : files) {
      String name = file.getFileName().toString();
      byte[] bytes;
      try {
        bytes = Files.readAllBytes(file);
      } catch (IOException e) {
        log("definitions: skipped " + name + ": cannot read it: " + e);
        continue;
      }
      engines.forEach((engineName, engine) -> deploy(engineName, engine, name, bytes));
    }
  }

  private void deploy(String engineName, InMemoryEngine engine, String name, byte[] bytes) {
    try {
      EngineDeployment deployment = engine.deploy(null, Map.of(name, bytes));
      for (DeployedModel d : deployment.definitions()) {
        log("[" + engineName + "] deployed " + d.processId() + " version " + d.version() + " (" + name + ")");
      }
    } catch (RuntimeException e) {
      log("[" + engineName + "] skipped " + name + ": " + (e.getMessage() != null ? e.getMessage() : e.toString()));
    }
  }

  /**
   * Whether a command line is meant for FakeServers: it names a port or asks for help. Under
   * {@code exec:java} ({@value #EXEC_PROPERTY} set by this module's pom), -Dexec.args also reaches
   * this module when the build goes on to the samples, whose own arguments are not ours.
   */
  static boolean isForUs(String[] args) {
    if (args == null) {
      return false;
    }
    for (String a : args) {
      String name = a == null ? "" : a.contains("=") ? a.substring(0, a.indexOf('=')) : a;
      if (List.of("--zeebe-port", "--flowable-port", "--help", "-h").contains(name)) {
        return true;
      }
    }
    return false;
  }

  static boolean isBpmn(String fileName) {
    String n = fileName.toLowerCase(Locale.ROOT);
    return n.endsWith(".bpmn") || n.endsWith(".bpmn20.xml");
  }

  // ------------------------------------------------------------------ the command line

  /**
   * Parses the command line ({@code --name value} or {@code --name=value}). Bad arguments →
   * {@link UsageException} with what is wrong; {@code -h} / {@code --help} anywhere → options with
   * {@code help() == true}.
   */
  public static Options parse(String... args) {
    if (args == null) {
      throw new UsageException("no arguments");
    }
    for (String a : args) {
      if ("--help".equals(a) || "-h".equals(a)) {
        return new Options(null, null, FakeZeebeGateway.DEFAULT_HOST, null, null, null, true);
      }
    }
    Map<String, String> values = new LinkedHashMap<>();
    List<String> known = List.of("--zeebe-port", "--flowable-port", "--host", "--definitions",
        "--flowable-user", "--flowable-password");
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      if (a == null) {
        throw new UsageException("null argument");
      }
      String name = a;
      String value = null;
      int eq = a.indexOf('=');
      if (a.startsWith("--") && eq > 0) {
        name = a.substring(0, eq);
        value = a.substring(eq + 1);
      }
      if (!known.contains(name)) {
        throw new UsageException(a.startsWith("-") ? "unknown option " + name : "unexpected argument '" + a + "'");
      }
      if (value == null) {
        if (i + 1 >= args.length || args[i + 1] == null || args[i + 1].startsWith("--")) {
          throw new UsageException(name + " needs a value");
        }
        value = args[++i];
      }
      if (values.put(name, value) != null) {
        throw new UsageException(name + " given twice");
      }
    }
    Integer zeebePort = port(values, "--zeebe-port");
    Integer flowablePort = port(values, "--flowable-port");
    if (zeebePort == null && flowablePort == null) {
      throw new UsageException("give --zeebe-port and/or --flowable-port");
    }
    if (zeebePort != null && zeebePort != 0 && zeebePort.equals(flowablePort)) {
      throw new UsageException("--zeebe-port and --flowable-port must differ (both " + zeebePort + ")");
    }
    String host = values.getOrDefault("--host", FakeZeebeGateway.DEFAULT_HOST).strip();
    if (host.isEmpty()) {
      throw new UsageException("--host must not be blank");
    }
    Path definitions = null;
    if (values.containsKey("--definitions")) {
      definitions = Path.of(values.get("--definitions"));
      if (!Files.isDirectory(definitions)) {
        throw new UsageException("--definitions: not a directory: " + definitions.toAbsolutePath());
      }
    }
    String user = values.get("--flowable-user");
    String password = values.get("--flowable-password");
    if ((user == null) != (password == null)) {
      throw new UsageException("--flowable-user and --flowable-password go together");
    }
    if (user != null && flowablePort == null) {
      throw new UsageException("--flowable-user needs --flowable-port");
    }
    if (user != null && user.isBlank()) {
      throw new UsageException("--flowable-user must not be blank");
    }
    return new Options(zeebePort, flowablePort, host, definitions, user, password, false);
  }

  private static Integer port(Map<String, String> values, String name) {
    String v = values.get(name);
    if (v == null) {
      return null;
    }
    try {
      int port = Integer.parseInt(v.strip());
      if (port >= 0 && port <= 65535) {
        return port;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new UsageException(name + ": not a port (0-65535): '" + v + "'");
  }
}
