package io.flowport.testkit.fakes.internal;

import io.flowport.testkit.engine.TestClock;
import io.flowport.testkit.fakes.FakeServers.Options;
import io.flowport.testkit.fakes.FakeServers.UsageException;
import io.flowport.testkit.fakes.spi.FakeServerProvider;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ServiceLoader;

/**
 * The command line of {@link io.flowport.testkit.fakes.FakeServers}: the fakes found through
 * {@link FakeServerProvider}, parsing into {@link Options}, and the help text. Not API.
 */
public final class CommandLine {
  /** The address the fakes and the admin API bind by default. */
  public static final String DEFAULT_HOST = "127.0.0.1";

  /** The fakes found on the class path, in service-file order. */
  private static final List<FakeServerProvider> PROVIDERS = loadProviders();

  private CommandLine() {}

  /** The fakes found on the class path, in service-file order. */
  public static List<FakeServerProvider> providers() {
    return PROVIDERS;
  }

  /** The provider named {@code name}, or null. */
  public static FakeServerProvider provider(String name) {
    return PROVIDERS.stream().filter(p -> p.name().equals(name)).findFirst().orElse(null);
  }

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
        return new Options(Map.of(), DEFAULT_HOST, null, Map.of(), null, null, DEFAULT_HOST, true);
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
    Integer adminPort = port(values, "--admin-port");
    Map<Integer, String> byPort = new HashMap<>();
    Map<String, Integer> all = new LinkedHashMap<>(ports);
    if (adminPort != null) {
      all.put("admin", adminPort);
    }
    for (Map.Entry<String, Integer> e : all.entrySet()) {
      String other = e.getValue() == 0 ? null : byPort.putIfAbsent(e.getValue(), e.getKey());
      if (other != null) {
        throw new UsageException("--" + other + "-port and --" + e.getKey() + "-port must differ (both " + e.getValue() + ")");
      }
    }
    String host = host(values, "--host");
    String adminHost = host(values, "--admin-host");
    if (values.containsKey("--admin-host") && adminPort == null) {
      throw new UsageException("--admin-host needs --admin-port");
    }
    Path definitions = null;
    if (values.containsKey("--definitions")) {
      definitions = Path.of(values.get("--definitions"));
      if (!Files.isDirectory(definitions)) {
        throw new UsageException("--definitions: not a directory: " + definitions.toAbsolutePath());
      }
    }
    Instant frozen = clock(values.get("--clock"));
    return new Options(ports, host, definitions, ownValues(values, ports), frozen, adminPort, adminHost, false);
  }

  /**
   * Whether a command line is meant for FakeServers: it names a fake's port or asks for help. Under
   * {@code exec:java}, -Dexec.args also reaches this module when the build goes on to the samples,
   * whose own arguments are not ours.
   */
  public static boolean isForUs(String[] args) {
    if (args == null) {
      return false;
    }
    for (String a : args) {
      String name = a == null ? "" : a.contains("=") ? a.substring(0, a.indexOf('=')) : a;
      if (name.equals("--help") || name.equals("-h")
          || PROVIDERS.stream().anyMatch(p -> portOptionOf(p).equals(name))) {
        return true;
      }
    }
    return false;
  }

  /** {@code "--a-port, --b-port<last>--c-port"}. */
  public static String portOptionsText(String last) {
    List<String> names = PROVIDERS.stream().map(CommandLine::portOptionOf).toList();
    if (names.size() <= 1) {
      return String.join("", names);
    }
    return String.join(", ", names.subList(0, names.size() - 1)) + last + names.get(names.size() - 1);
  }

  /** The values of {@code p}'s own options in {@code options}. */
  public static Map<String, String> valuesOf(FakeServerProvider p, Options options) {
    Map<String, String> mine = new LinkedHashMap<>();
    for (FakeServerProvider.Option o : p.options()) {
      if (options.value(o.name()) != null) {
        mine.put(o.name(), options.value(o.name()));
      }
    }
    return mine;
  }

  /** The command-line help, listing every fake found. */
  public static String usage() {
    StringBuilder b = new StringBuilder("""
        Usage: FakeServers [options]
        Serves Flowport's wire fakes of the engines on local ports, on in-memory engines.

        """);
    for (FakeServerProvider p : PROVIDERS) {
      option(b, portOptionOf(p) + " N", p.portHelp() + " on port N (0: a free port)");
    }
    option(b, "--host H", "the address to bind (default 127.0.0.1; 0.0.0.0 for every interface)");
    option(b, "--definitions DIR", "deploy every *.bpmn and *.bpmn20.xml file of DIR at start, into the engines of its dialect");
    option(b, "--clock C", "wall (default): the engines follow the wall clock, timers fire in real time;");
    option(b, "", "frozen: the clock stands at " + TestClock.DEFAULT_START + " and moves only through the admin API;");
    option(b, "", "frozen=INSTANT: frozen at INSTANT (ISO-8601, e.g. 2026-01-01T09:00:00Z)");
    option(b, "--admin-port N", "serve the admin API (JSON over HTTP, /__admin/...) on port N (0: a free port)");
    option(b, "--admin-host H", "the address the admin API binds (default 127.0.0.1, whatever --host says)");
    for (FakeServerProvider p : PROVIDERS) {
      for (FakeServerProvider.Option o : p.options()) {
        option(b, o.name() + " " + o.valueName(), o.help());
      }
    }
    option(b, "-h, --help", "print this help");
    b.append('\n');
    b.append("At least one of ").append(portOptionsText(" and ")).append(". Options take \"--name value\" or \"--name=value\".\n");
    b.append("Logs one line per request answered; SIGINT (Ctrl+C) or SIGTERM stops the servers.\n");
    b.append("Example:");
    PROVIDERS.forEach(p -> b.append(' ').append(portOptionOf(p)).append(" 0"));
    b.append(" --admin-port 0 --definitions samples/src/main/resources/bpmn\n");
    return b.toString();
  }

  // ------------------------------------------------------------------ the pieces

  /** {@code null} for the wall clock, else the instant a frozen clock starts at. */
  private static Instant clock(String value) {
    if (value == null || value.strip().equals("wall")) {
      return null;
    }
    String v = value.strip();
    if (v.equals("frozen")) {
      return TestClock.DEFAULT_START;
    }
    if (v.startsWith("frozen=")) {
      try {
        return Instant.parse(v.substring("frozen=".length()).strip());
      } catch (DateTimeParseException e) {
        throw new UsageException("--clock frozen=INSTANT: not an ISO-8601 instant (like 2026-01-01T09:00:00Z): '"
            + v.substring("frozen=".length()) + "'");
      }
    }
    throw new UsageException("--clock: wall, frozen or frozen=INSTANT, not '" + value + "'");
  }

  private static String host(Map<String, String> values, String option) {
    String host = values.getOrDefault(option, DEFAULT_HOST).strip();
    if (host.isEmpty()) {
      throw new UsageException(option + " must not be blank");
    }
    return host;
  }

  private static Map<String, String> ownValues(Map<String, String> values, Map<String, Integer> ports) {
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
    return own;
  }

  /** {@code --name value} / {@code --name=value} pairs, every name known and given once. */
  private static Map<String, String> readValues(String[] args) {
    List<String> known = new ArrayList<>();
    PROVIDERS.forEach(p -> known.add(portOptionOf(p)));
    known.addAll(List.of("--host", "--definitions", "--clock", "--admin-port", "--admin-host"));
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

  private static List<FakeServerProvider> loadProviders() {
    List<FakeServerProvider> out = new ArrayList<>();
    for (FakeServerProvider p : ServiceLoader.load(FakeServerProvider.class, CommandLine.class.getClassLoader())) {
      if (!p.name().matches("[a-z0-9-]+")) {
        throw new IllegalStateException("fake name must be lower-case letters, digits and dashes: '" + p.name() + "'");
      }
      if (p.name().equals("admin")) {
        throw new IllegalStateException("no fake may be named 'admin' (--admin-port is the admin API's)");
      }
      if (out.stream().anyMatch(q -> q.name().equals(p.name()))) {
        throw new IllegalStateException("two fakes named '" + p.name() + "' on the class path");
      }
      out.add(p);
    }
    return List.copyOf(out);
  }

  private static void option(StringBuilder b, String option, String help) {
    b.append(String.format(Locale.ROOT, "  %-24s%s%n", option, help).replace(System.lineSeparator(), "\n"));
  }
}
