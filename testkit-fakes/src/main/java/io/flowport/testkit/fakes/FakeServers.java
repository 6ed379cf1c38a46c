package io.flowport.testkit.fakes;

import io.flowport.testkit.engine.DeployedModel;
import io.flowport.testkit.engine.EngineDeployment;
import io.flowport.testkit.fakes.spi.FakeServerProvider;
import io.flowport.testkit.fakes.spi.RunningFake;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
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
 *     -Dexec.args="--zeebe-port 26500 --flowable-port 8080 --definitions samples/src/main/resources/bpmn"
 * curl -s localhost:8080/process-api/repository/process-definitions
 * </pre>
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

  /** The fakes found on the class path, in service-file order. */
  private static final List<FakeServerProvider> PROVIDERS = loadProviders();

  /** The command-line help, listing every fake found. */
  public static final String USAGE = usage(PROVIDERS);

  /** Set by the testkit-fakes pom for {@code exec:java}; see {@link #isForUs}. */
  static final String EXEC_PROPERTY = "flowport.fakes.exec";

  private static final String DEFAULT_HOST = "127.0.0.1";
  private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS", Locale.ROOT);

  private final Consumer<String> sink;
  /** The running fakes by name, in provider order. */
  private final Map<String, RunningFake> fakes;
  private final AtomicBoolean closed = new AtomicBoolean();
  private final CountDownLatch stopped = new CountDownLatch(1);

  /**
   * A parsed command line.
   *
   * @param ports the port of each fake to serve, by fake name ({@code "zeebe"} for {@code --zeebe-port})
   * @param host the address to bind
   * @param definitions the folder of BPMN files to deploy, or null
   * @param values the fakes' own options given ({@code "--flowable-user"} → value)
   * @param help whether help was asked for (the other fields are then not checked)
   */
  public record Options(Map<String, Integer> ports, String host, Path definitions, Map<String, String> values,
      boolean help) {
    /**
     * Creates the record: copies the collections, unmodifiable.
     *
     * @param ports the port of each fake to serve, by fake name ({@code "zeebe"} for {@code --zeebe-port})
     * @param host the address to bind
     * @param definitions the folder of BPMN files to deploy, or null
     * @param values the fakes' own options given ({@code "--flowable-user"} → value)
     * @param help whether help was asked for (the other fields are then not checked)
     */
    public Options {
      ports = Collections.unmodifiableMap(new LinkedHashMap<>(ports));
      values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
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
    this.sink = sink;
    Map<String, RunningFake> started = new LinkedHashMap<>();
    try {
      for (FakeServerProvider p : PROVIDERS) {
        Integer port = options.port(p.name());
        if (port == null) {
          continue;
        }
        String prefix = "[" + p.name() + "] ";
        started.put(p.name(), p.start(new FakeServerProvider.Launch(options.host(), port, valuesOf(p, options),
            line -> log(prefix + line))));
      }
    } catch (RuntimeException e) {
      for (RunningFake f : started.values()) {
        try {
          f.close();
        } catch (RuntimeException suppressed) {
          e.addSuppressed(suppressed);
        }
      }
      throw e;
    }
    this.fakes = Collections.unmodifiableMap(started);
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
      System.err.println("FakeServers: not started (exec.args has no " + portOptionsText(" or ") + " or --help)");
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
    return PROVIDERS.stream().map(FakeServerProvider::name).toList();
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

  /**
   * {@return the bound port of fake {@code name} (the actual one when 0 was given), or -1 when it is not running}
   *
   * @param name the name
   */
  public int port(String name) {
    RunningFake f = fakes.get(name);
    return f == null ? -1 : f.port();
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
    for (RunningFake fake : fakes.values()) {
      try {
        fake.close();
      } catch (RuntimeException e) {
        if (failure == null) {
          failure = new IllegalStateException("cannot stop " + fake.server(), e);
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
    log("Flowport wire fakes on in-memory engines");
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
      fakes.forEach((fakeName, fake) -> deploy(fakeName, fake, name, bytes));
    }
  }

  private void deploy(String fakeName, RunningFake fake, String name, byte[] bytes) {
    try {
      EngineDeployment deployment = fake.deploy(name, bytes);
      for (DeployedModel d : deployment.definitions()) {
        log("[" + fakeName + "] deployed " + d.processId() + " version " + d.version() + " (" + name + ")");
      }
    } catch (RuntimeException e) {
      log("[" + fakeName + "] skipped " + name + ": " + (e.getMessage() != null ? e.getMessage() : e.toString()));
    }
  }

  /**
   * Whether a command line is meant for FakeServers: it names a fake's port or asks for help. Under
   * {@code exec:java} ({@value #EXEC_PROPERTY} set by this module's pom), -Dexec.args also reaches
   * this module when the build goes on to the samples, whose own arguments are not ours.
   */
  static boolean isForUs(String[] args) {
    if (args == null) {
      return false;
    }
    for (String a : args) {
      String name = a == null ? "" : a.contains("=") ? a.substring(0, a.indexOf('=')) : a;
      if (name.equals("--help") || name.equals("-h") || portOption(name) != null) {
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
   *
   * @param args the arguments
   * @return the options
   */
  public static Options parse(String... args) {
    if (args == null) {
      throw new UsageException("no arguments");
    }
    for (String a : args) {
      if ("--help".equals(a) || "-h".equals(a)) {
        return new Options(Map.of(), DEFAULT_HOST, null, Map.of(), true);
      }
    }
    Map<String, String> values = readValues(args);
    Map<String, Integer> ports = new LinkedHashMap<>();
    for (FakeServerProvider p : PROVIDERS) {
      Integer port = port(values, portOptionOf(p));
      if (port != null) {
        ports.put(p.name(), port);
      }
    }
    if (ports.isEmpty()) {
      throw new UsageException("give " + portOptionsText(" and/or "));
    }
    Map<Integer, String> byPort = new HashMap<>();
    for (Map.Entry<String, Integer> e : ports.entrySet()) {
      String other = e.getValue() == 0 ? null : byPort.putIfAbsent(e.getValue(), e.getKey());
      if (other != null) {
        throw new UsageException("--" + other + "-port and --" + e.getKey() + "-port must differ (both " + e.getValue() + ")");
      }
    }
    String host = values.getOrDefault("--host", DEFAULT_HOST).strip();
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
    Map<String, String> own = new LinkedHashMap<>();
    for (FakeServerProvider p : PROVIDERS) {
      Map<String, String> mine = new LinkedHashMap<>();
      for (FakeServerProvider.Option o : p.options()) {
        if (values.containsKey(o.name())) {
          mine.put(o.name(), values.get(o.name()));
        }
      }
      try {
        p.check(mine);
      } catch (IllegalArgumentException e) {
        throw new UsageException(e.getMessage());
      }
      if (!mine.isEmpty() && !ports.containsKey(p.name())) {
        throw new UsageException(mine.keySet().iterator().next() + " needs " + portOptionOf(p));
      }
      own.putAll(mine);
    }
    return new Options(ports, host, definitions, own, false);
  }

  /** {@code --name value} / {@code --name=value} pairs, every name known and given once. */
  private static Map<String, String> readValues(String[] args) {
    List<String> known = new ArrayList<>();
    PROVIDERS.forEach(p -> known.add(portOptionOf(p)));
    known.addAll(List.of("--host", "--definitions"));
    PROVIDERS.forEach(p -> p.options().forEach(o -> known.add(o.name())));
    Map<String, String> values = new LinkedHashMap<>();
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
    return values;
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

  private static String portOptionOf(FakeServerProvider p) {
    return "--" + p.name() + "-port";
  }

  /** The provider whose port option is {@code option}, or null. */
  private static FakeServerProvider portOption(String option) {
    return PROVIDERS.stream().filter(p -> portOptionOf(p).equals(option)).findFirst().orElse(null);
  }

  /** {@code "--a-port, --b-port<last>--c-port"}. */
  private static String portOptionsText(String last) {
    List<String> names = PROVIDERS.stream().map(FakeServers::portOptionOf).toList();
    if (names.size() <= 1) {
      return String.join("", names);
    }
    return String.join(", ", names.subList(0, names.size() - 1)) + last + names.get(names.size() - 1);
  }

  private static Map<String, String> valuesOf(FakeServerProvider p, Options options) {
    Map<String, String> mine = new LinkedHashMap<>();
    for (FakeServerProvider.Option o : p.options()) {
      if (options.value(o.name()) != null) {
        mine.put(o.name(), options.value(o.name()));
      }
    }
    return mine;
  }

  private static List<FakeServerProvider> loadProviders() {
    List<FakeServerProvider> out = new ArrayList<>();
    for (FakeServerProvider p : ServiceLoader.load(FakeServerProvider.class, FakeServers.class.getClassLoader())) {
      if (!p.name().matches("[a-z0-9-]+")) {
        throw new IllegalStateException("fake name must be lower-case letters, digits and dashes: '" + p.name() + "'");
      }
      if (out.stream().anyMatch(q -> q.name().equals(p.name()))) {
        throw new IllegalStateException("two fakes named '" + p.name() + "' on the class path");
      }
      out.add(p);
    }
    return List.copyOf(out);
  }

  private static String usage(List<FakeServerProvider> providers) {
    StringBuilder b = new StringBuilder("""
        Usage: FakeServers [options]
        Serves Flowport's wire fakes of the engines on local ports, on in-memory engines.

        """);
    for (FakeServerProvider p : providers) {
      option(b, portOptionOf(p) + " N", p.portHelp() + " on port N (0: a free port)");
    }
    option(b, "--host H", "the address to bind (default 127.0.0.1; 0.0.0.0 for every interface)");
    option(b, "--definitions DIR", "deploy every *.bpmn and *.bpmn20.xml file of DIR at start, into the engines of its dialect");
    for (FakeServerProvider p : providers) {
      for (FakeServerProvider.Option o : p.options()) {
        option(b, o.name() + " " + o.valueName(), o.help());
      }
    }
    option(b, "-h, --help", "print this help");
    b.append('\n');
    b.append("At least one of ").append(portOptionsText(" and ")).append(". Options take \"--name value\" or \"--name=value\".\n");
    b.append("Logs one line per request answered; SIGINT (Ctrl+C) or SIGTERM stops the servers.\n");
    b.append("Example:");
    providers.forEach(p -> b.append(' ').append(portOptionOf(p)).append(" 0"));
    b.append(" --definitions samples/src/main/resources/bpmn\n");
    return b.toString();
  }

  private static void option(StringBuilder b, String option, String help) {
    b.append(String.format(Locale.ROOT, "  %-24s%s%n", option, help).replace(System.lineSeparator(), "\n"));
  }
}
