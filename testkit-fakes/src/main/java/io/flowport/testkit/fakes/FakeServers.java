package io.flowport.testkit.fakes;

import io.flowport.testkit.engine.DeployedModel;
import io.flowport.testkit.engine.EngineDeployment;
import io.flowport.testkit.fakes.internal.AdminServer;
import io.flowport.testkit.fakes.internal.CommandLine;
import io.flowport.testkit.fakes.spi.FakeServerProvider;
import io.flowport.testkit.fakes.spi.RunningFake;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * The wire fakes as a standalone process: every fake found through {@link FakeServerProvider}
 * ({@link ServiceLoader}) whose {@code --<name>-port} is on the command line, each on its own
 * in-memory engine seeded with the BPMN files of a folder, logging one line per request answered,
 * until SIGINT or SIGTERM. For other tools, other languages' clients or {@code curl}:
 *
 * <pre>
 * mvn -B -q -pl testkit-fakes -am package -DskipTests exec:java \
 *     -Dexec.args="--zeebe-port 26500 --flowable-port 8080 --admin-port 8099 --definitions samples/src/main/resources/bpmn"
 * curl -s localhost:8080/process-api/repository/process-definitions
 * curl -s localhost:8099/__admin/state
 * </pre>
 *
 * <p>The engines follow the wall clock by default ({@link StandaloneClock}): instances start at
 * about now and timers fire in real time. {@code --clock frozen[=instant]} freezes the clock, to be
 * moved through the admin API ({@code --admin-port}, see {@link AdminServer}), which also resets
 * the engines, deploys, plans faults and reads the request journals and the engines' state.
 *
 * <p>In a program or a test, {@link #start(String[], Consumer)} starts the same servers and returns
 * them; {@link #close()} stops them. Every line logged starts with a local timestamp
 * ({@code yyyy-MM-dd HH:mm:ss.SSS}); request lines read {@code [zeebe] Topology OK 2 ms} or
 * {@code [flowable] GET /process-api/repository/process-definitions 200 4 ms}. A new engine's fake
 * registers a provider; nothing here names an engine.
 */
public final class FakeServers implements AutoCloseable {
  /** The exit code of a bad command line. */
  public static final int USAGE_EXIT_CODE = 2;

  /** The command-line help, listing every fake found. */
  public static final String USAGE = CommandLine.usage();

  /** Set by the testkit-fakes pom for {@code exec:java}; see {@link #isForUs}. */
  static final String EXEC_PROPERTY = "flowport.fakes.exec";

  private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS", Locale.ROOT);

  private final Options options;
  private final Consumer<String> sink;
  private final StandaloneClock clock;
  /** The running fakes by name, in provider order; replaced as a whole by {@link #reset()}. */
  private volatile Map<String, RunningFake> fakes = Map.of();
  private volatile AdminServer admin;
  private final AtomicBoolean closed = new AtomicBoolean();
  private final CountDownLatch stopped = new CountDownLatch(1);

  /**
   * A parsed command line.
   *
   * @param ports the port of each fake to serve, by fake name ({@code "zeebe"} for {@code --zeebe-port})
   * @param host the address to bind
   * @param definitions the folder of BPMN files to deploy, or null
   * @param values the fakes' own options given ({@code "--flowable-user"} → value)
   * @param frozenClock where a frozen clock starts ({@code --clock frozen[=instant]}), or null for the wall clock
   * @param adminPort the admin API's port ({@code --admin-port}), or null for none
   * @param adminHost the address the admin API binds (loopback unless {@code --admin-host} says otherwise)
   * @param help whether help was asked for (the other fields are then not checked)
   */
  public record Options(Map<String, Integer> ports, String host, Path definitions, Map<String, String> values,
      Instant frozenClock, Integer adminPort, String adminHost, boolean help) {
    /**
     * Creates the record: copies the collections, unmodifiable.
     *
     * @param ports the port of each fake to serve, by fake name ({@code "zeebe"} for {@code --zeebe-port})
     * @param host the address to bind
     * @param definitions the folder of BPMN files to deploy, or null
     * @param values the fakes' own options given ({@code "--flowable-user"} → value)
     * @param frozenClock where a frozen clock starts, or null for the wall clock
     * @param adminPort the admin API's port, or null for none
     * @param adminHost the address the admin API binds
     * @param help whether help was asked for (the other fields are then not checked)
     */
    public Options {
      ports = Collections.unmodifiableMap(new LinkedHashMap<>(ports));
      values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
      Objects.requireNonNull(host, "host == null");
      Objects.requireNonNull(adminHost, "adminHost == null");
    }

    /**
     * {@return the port asked for fake {@code name}, or null when it is not to be served}
     *
     * @param name the name
     */
    public Integer port(String name) {
      return ports.get(name);
    }

    /**
     * {@return the value of a fake's own option ({@code "--flowable-user"}), or null}
     *
     * @param option the option
     */
    public String value(String option) {
      return values.get(option);
    }
  }

  /** A bad command line; {@link #exitCode()} is {@value #USAGE_EXIT_CODE}. */
  public static final class UsageException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    /**
     * A bad command line.
     *
     * @param message what is wrong, with the usage
     */
    public UsageException(String message) {
      super(message);
    }

    /** {@return the exit code} */
    public int exitCode() {
      return USAGE_EXIT_CODE;
    }
  }

  private FakeServers(Options options, Consumer<String> sink) {
    this.options = options;
    this.sink = sink;
    this.clock = options.frozenClock() != null ? StandaloneClock.frozen(options.frozenClock()) : StandaloneClock.wall();
    try {
      this.fakes = startFakes();
    } catch (RuntimeException e) {
      clock.close();
      throw e;
    }
  }

  /** Starts every fake asked for, on the clock; on a failure stops those already started. */
  private Map<String, RunningFake> startFakes() {
    Map<String, RunningFake> started = new LinkedHashMap<>();
    try {
      for (FakeServerProvider p : CommandLine.providers()) {
        Integer port = options.port(p.name());
        if (port != null) {
          started.put(p.name(), startFake(p, port));
        }
      }
    } catch (RuntimeException e) {
      for (RunningFake f : started.values()) {
        try {
          stopFake(f);
        } catch (RuntimeException suppressed) {
          e.addSuppressed(suppressed);
        }
      }
      throw e;
    }
    return Collections.unmodifiableMap(started);
  }

  private RunningFake startFake(FakeServerProvider p, int port) {
    String prefix = "[" + p.name() + "] ";
    RunningFake f = p.start(new FakeServerProvider.Launch(options.host(), port, CommandLine.valuesOf(p, options),
        line -> log(prefix + line)));
    clock.attach(f.engine().clock());
    return f;
  }

  private void stopFake(RunningFake f) {
    clock.detach(f.engine().clock());
    f.close();
  }

  // ------------------------------------------------------------------ entry points

  /**
   * Runs the fakes until SIGINT / SIGTERM; a bad command line prints the usage and exits with 2.
   *
   * @param args the arguments
   */
  public static void main(String[] args) {
    if (Boolean.getBoolean(EXEC_PROPERTY) && !isForUs(args)) {
      // exec:java in a reactor that goes on to the samples, with the samples' -Dexec.args: not ours
      System.err.println("FakeServers: not started (exec.args has no " + CommandLine.portOptionsText(" or ") + " or --help)");
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

  /**
   * Parses {@code args} and starts the servers, logging to standard output. Bad arguments → {@link UsageException}.
   *
   * @param args the arguments
   * @return the fake servers
   */
  public static FakeServers start(String... args) {
    return start(args, line -> System.out.println(line));
  }

  /**
   * Parses {@code args} and starts the servers, logging each line (timestamped) to {@code log}.
   * Bad arguments or {@code --help} → {@link UsageException}; a server that cannot start (a port in
   * use) → the server's exception, with nothing left running.
   *
   * @param args the arguments
   * @param log the log
   * @return the fake servers
   */
  public static FakeServers start(String[] args, Consumer<String> log) {
    Options options = parse(args);
    if (options.help()) {
      throw new UsageException("--help: nothing to start");
    }
    return start(options, log);
  }

  /**
   * Starts the servers of {@code options}, seeds them, logs the banner to {@code log}.
   *
   * @param options the options
   * @param log the log
   * @return the fake servers
   */
  public static FakeServers start(Options options, Consumer<String> log) {
    Objects.requireNonNull(options, "options == null");
    Objects.requireNonNull(log, "log == null");
    FakeServers servers = new FakeServers(options, log);
    try {
      servers.banner();
      if (options.definitions() != null) {
        servers.seed(options.definitions());
      }
      if (options.adminPort() != null) {
        servers.admin = AdminServer.start(servers, options.adminHost(), options.adminPort(), line -> servers.log("[admin] " + line));
        servers.log("admin: " + servers.admin.describe());
      }
    } catch (RuntimeException e) {
      servers.close();
      throw e;
    }
    return servers;
  }

  /**
   * {@return the names of the fakes this process can serve ({@code "zeebe"}, {@code "flowable"}, ...), in help order}
   */
  public static List<String> fakeNames() {
    return CommandLine.providers().stream().map(FakeServerProvider::name).toList();
  }

  // ------------------------------------------------------------------ the running servers

  /**
   * {@return the running fake {@code name} ({@code "zeebe"}, {@code "flowable"}), when its port was given}
   *
   * @param name the name
   */
  public Optional<RunningFake> fake(String name) {
    return Optional.ofNullable(fakes.get(name));
  }

  /**
   * {@return the running fake {@code name} as its own type, e.g.
   * {@code servers.server("flowable", FakeFlowableServer.class)}; empty when it is not running}
   *
   * @param <T> the type of the result
   * @param name the name
   * @param type the type
   */
  public <T> Optional<T> server(String name, Class<T> type) {
    return fake(name).map(f -> type.cast(f.server()));
  }

  /** {@return the running fakes by name, in help order (a snapshot: {@link #reset()} replaces them)} */
  public Map<String, RunningFake> fakes() {
    return fakes;
  }

  /**
   * {@return the bound port of fake {@code name} (the actual one when 0 was given), or -1 when it is not running}
   *
   * @param name the name
   */
  public int port(String name) {
    RunningFake f = fakes.get(name);
    return f == null ? -1 : f.port();
  }

  /** {@return the clock every fake's engine follows: the wall clock, or a frozen one ({@code --clock frozen})} */
  public StandaloneClock clock() {
    return clock;
  }

  /** {@return the admin API's bound port, or -1 when {@code --admin-port} was not given} */
  public int adminPort() {
    AdminServer a = admin;
    return a == null ? -1 : a.port();
  }

  /**
   * Starts every fake afresh, as if the process had just started: each is stopped and started again
   * on the port it had, on a new engine (so its instances, request journal and planned faults are
   * gone; open connections are closed), the {@code --definitions} are deployed again, and a frozen
   * clock goes back to its start. A fake that cannot start again → {@link IllegalStateException}
   * (the others run).
   */
  public synchronized void reset() {
    if (closed.get()) {
      throw new IllegalStateException("the fakes are stopped");
    }
    log("reset: starting every fake afresh");
    Map<String, Integer> ports = new LinkedHashMap<>();
    for (Map.Entry<String, RunningFake> e : fakes.entrySet()) {
      ports.put(e.getKey(), e.getValue().port());
      try {
        stopFake(e.getValue());
      } catch (RuntimeException stopFailure) {
        log("reset: " + e.getKey() + " did not stop cleanly: " + stopFailure.getMessage());
      }
    }
    clock.restart();
    Map<String, RunningFake> next = new LinkedHashMap<>();
    RuntimeException failure = null;
    for (Map.Entry<String, Integer> e : ports.entrySet()) {
      try {
        next.put(e.getKey(), startFake(CommandLine.provider(e.getKey()), e.getValue()));
      } catch (RuntimeException startFailure) {
        if (failure == null) {
          failure = new IllegalStateException("cannot start " + e.getKey() + " again on port " + e.getValue() + ": "
              + startFailure.getMessage(), startFailure);
        }
      }
    }
    fakes = Collections.unmodifiableMap(next);
    if (options.definitions() != null) {
      seed(options.definitions());
    }
    if (failure != null) {
      throw failure;
    }
  }

  /**
   * Deploys one definition file into fake {@code name}'s engine, as {@code --definitions} does (a
   * file of another engine's dialect is refused). Unknown fake → {@link IllegalArgumentException};
   * a file that does not deploy → the fake's exception.
   *
   * @param name the fake, {@code "zeebe"}
   * @param fileName the file's name, {@code "order.bpmn"}
   * @param content the file
   * @return what was deployed
   */
  public EngineDeployment deploy(String name, String fileName, byte[] content) {
    RunningFake fake = fake(name).orElseThrow(() -> new IllegalArgumentException("no fake '" + name + "' is running"));
    EngineDeployment deployment = fake.deploy(fileName, content);
    for (DeployedModel d : deployment.definitions()) {
      log("[" + name + "] deployed " + d.processId() + " version " + d.version() + " (" + fileName + ")");
    }
    return deployment;
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

  /** Stops every server and its engine, then logs {@code "stopped"}. Idempotent. */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    log("stopping");
    RuntimeException failure = null;
    if (admin != null) {
      admin.close();
    }
    for (RunningFake fake : fakes.values()) {
      try {
        stopFake(fake);
      } catch (RuntimeException e) {
        if (failure == null) {
          failure = new IllegalStateException("cannot stop " + fake.server(), e);
        } else {
          failure.addSuppressed(e);
        }
      }
    }
    clock.close();
    log("stopped");
    stopped.countDown();
    if (failure != null) {
      throw failure;
    }
  }

  @Override
  public String toString() {
    Map<String, Object> servers = new LinkedHashMap<>();
    fakes.forEach((name, f) -> servers.put(name, f.server()));
    return "FakeServers" + servers;
  }

  private void log(String message) {
    try {
      sink.accept(LocalDateTime.now().format(TIMESTAMP) + " " + message);
    } catch (RuntimeException ignored) {
      // logging must not stop the servers
    }
  }

  private void banner() {
    log("Flowport wire fakes on in-memory engines, clock " + clock.mode() + " (" + clock.now() + ")");
    fakes.forEach((name, f) -> log(name + ": " + f.describe()));
  }

  /** Deploys every BPMN file of {@code dir} into each fake; a file that does not deploy is logged and skipped. */
  private void seed(Path dir) {
    List<Path> files;
    try (Stream<Path> list = Files.list(dir)) {
      files = list.filter(Files::isRegularFile).filter(p -> isBpmn(p.getFileName().toString())).sorted().toList();
    } catch (IOException e) {
      log("definitions: cannot list " + dir.toAbsolutePath() + ": " + e);
      return;
    }
    log("definitions: " + files.size() + " BPMN file(s) in " + dir.toAbsolutePath());
    for (Path file : files) {
      String name = file.getFileName().toString();
      byte[] bytes;
      try {
        bytes = Files.readAllBytes(file);
      } catch (IOException e) {
        log("definitions: skipped " + name + ": cannot read it: " + e);
        continue;
      }
      fakes.keySet().forEach(fakeName -> seedOne(fakeName, name, bytes));
    }
  }

  private void seedOne(String fakeName, String name, byte[] bytes) {
    try {
      deploy(fakeName, name, bytes);
    } catch (RuntimeException e) {
      log("[" + fakeName + "] skipped " + name + ": " + (e.getMessage() != null ? e.getMessage() : e.toString()));
    }
  }

  /** Whether a command line is meant for FakeServers (see {@link CommandLine#isForUs}). */
  static boolean isForUs(String[] args) {
    return CommandLine.isForUs(args);
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
   *
   * @param args the arguments
   * @return the options
   */
  public static Options parse(String... args) {
    return CommandLine.parse(args);
  }
}
