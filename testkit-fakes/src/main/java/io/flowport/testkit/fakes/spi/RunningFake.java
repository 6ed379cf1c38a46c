package io.flowport.testkit.fakes.spi;

import io.flowport.testkit.engine.EngineDeployment;
import io.flowport.testkit.engine.InMemoryEngine;
import io.flowport.testkit.fakes.FaultPlan;
import io.flowport.testkit.fakes.RequestLog;
import java.util.Map;
import java.util.Objects;

/** A fake a {@link FakeServerProvider} started, as {@link io.flowport.testkit.fakes.FakeServers} drives it. */
public interface RunningFake extends AutoCloseable {
  /**
   * {@return the fake itself ({@code FakeFlowableServer}, {@code FakeZeebeGateway}, ...), for typed access}
   */
  Object server();

  /** {@return the engine behind the fake} */
  InMemoryEngine engine();

  /** {@return the fake's fault plan (the admin API's {@code /faults} fills it)} */
  FaultPlan faults();

  /** {@return the fake's request journal (the admin API's {@code /requests} reads it)} */
  RequestLog requestLog();

  /** {@return the bound port} */
  int port();

  /**
   * {@return one line about where it listens, for the banner: {@code "REST API listening on 127.0.0.1:8080, base URL ..."}}
   */
  String describe();

  /**
   * Deploys one definition file of {@code --definitions} ({@code *.bpmn}, {@code *.bpmn20.xml}); by
   * default into {@link #engine()} as is. Fails with the engine's exception when it does not deploy.
   *
   * @param fileName the file name
   * @param content the content
   * @return the engine deployment
   */
  default EngineDeployment deploy(String fileName, byte[] content) {
    return engine().deploy(null, Map.of(fileName, content));
  }

  /** Stops the fake and the engine it created. */
  @Override
  void close();

  /**
   * {@return the usual running fake: {@code server} with its engine, fault plan, request journal, bound port
   * and banner line; closing it closes {@code server} (a checked exception from it becomes an
   * {@link IllegalStateException})}
   *
   * @param server the server
   * @param engine the engine behind it
   * @param faults its fault plan
   * @param requestLog its request journal
   * @param port the port
   * @param description the description
   */
  static RunningFake of(AutoCloseable server, InMemoryEngine engine, FaultPlan faults, RequestLog requestLog, int port,
      String description) {
    Objects.requireNonNull(server, "server == null");
    Objects.requireNonNull(engine, "engine == null");
    Objects.requireNonNull(faults, "faults == null");
    Objects.requireNonNull(requestLog, "requestLog == null");
    Objects.requireNonNull(description, "description == null");
    return new RunningFake() {
      @Override
      public Object server() {
        return server;
      }

      @Override
      public InMemoryEngine engine() {
        return engine;
      }

      @Override
      public FaultPlan faults() {
        return faults;
      }

      @Override
      public RequestLog requestLog() {
        return requestLog;
      }

      @Override
      public int port() {
        return port;
      }

      @Override
      public String describe() {
        return description;
      }

      @Override
      public void close() {
        try {
          server.close();
        } catch (RuntimeException e) {
          throw e;
        } catch (Exception e) {
          throw new IllegalStateException("cannot stop " + server, e);
        }
      }

      @Override
      public String toString() {
        return server.toString();
      }
    };
  }
}
