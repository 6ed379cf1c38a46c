package io.flowport.testkit.fakes.spi;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * One engine's wire fake as the standalone {@link io.flowport.testkit.fakes.FakeServers} process
 * finds it, through {@link java.util.ServiceLoader}: a fake registers its provider in
 * {@code META-INF/services/io.flowport.testkit.fakes.spi.FakeServerProvider} and FakeServers serves
 * it without naming it. The command line gets {@code --<name>-port N} and the provider's own
 * {@link #options()}; request lines are logged as {@code [<name>] ...}.
 *
 * <p>Implementations need a public no-argument constructor and must be cheap to create (the help
 * text is built from every provider).
 */
public interface FakeServerProvider {
  /**
   * {@return the fake's name, lower-case letters, digits and dashes: {@code "flowable"} gives {@code --flowable-port}}
   */
  String name();

  /**
   * {@return what {@code --<name>-port} serves, for the help: {@code "serve the Flowable REST API (base path /process-api)"}}
   */
  String portHelp();

  /** {@return the fake's own options beyond its port (none by default); each needs the port option too} */
  default List<Option> options() {
    return List.of();
  }

  /**
   * Checks the values of {@link #options()} given on the command line (option name → value; empty when
   * none was given). A bad combination → {@link IllegalArgumentException} with the text the user sees.
   *
   * @param values the values
   */
  default void check(Map<String, String> values) {}

  /**
   * Starts the fake; a port in use fails here with the fake's own exception, nothing left running.
   *
   * @param launch the launch
   * @return the running fake
   */
  RunningFake start(Launch launch);

  /**
   * One option of a fake's own.
   *
   * @param name the option, {@code "--flowable-user"}
   * @param valueName the value's placeholder in the help, {@code "U"}
   * @param help one line of help
   */
  record Option(String name, String valueName, String help) {
    /**
     * Creates the record: checks the components.
     *
     * @param name the option, {@code "--flowable-user"}
     * @param valueName the value's placeholder in the help, {@code "U"}
     * @param help one line of help
     */
    public Option {
      Objects.requireNonNull(name, "name == null");
      Objects.requireNonNull(valueName, "valueName == null");
      Objects.requireNonNull(help, "help == null");
      if (!name.startsWith("--")) {
        throw new IllegalArgumentException("an option starts with --: " + name);
      }
    }
  }

  /**
   * How to start a fake.
   *
   * @param host the address to bind
   * @param port the port to bind, 0 for a free one
   * @param options the values of the provider's {@link #options()} given on the command line, by option name
   * @param requestLog where the fake sends one line per request answered (FakeServers adds the {@code [name]} prefix)
   */
  record Launch(String host, int port, Map<String, String> options, Consumer<String> requestLog) {
    /**
     * Creates the record: checks the components and copies the collections, unmodifiable.
     *
     * @param host the address to bind
     * @param port the port to bind, 0 for a free one
     * @param options the values of the provider's {@link #options()} given on the command line, by option name
     * @param requestLog where the fake sends one line per request answered (FakeServers adds the {@code [name]} prefix)
     */
    public Launch {
      Objects.requireNonNull(host, "host == null");
      options = Map.copyOf(options);
      Objects.requireNonNull(requestLog, "requestLog == null");
    }
  }
}
