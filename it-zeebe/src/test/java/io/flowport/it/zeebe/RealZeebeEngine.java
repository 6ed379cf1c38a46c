package io.flowport.it.zeebe;

import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.concurrent.TimeoutException;

/**
 * The real in-memory Zeebe engine ({@code zeebe-process-test-engine}) serving the real gateway gRPC API
 * ({@code gateway_protocol.Gateway}, plaintext) on a free local port.
 *
 * <p>Use {@link #shared()} in tests: one engine per test JVM, started on first use (about 2 s) and stopped when the JVM
 * exits. All state is in memory and shared by every test in the JVM, so tests should use unique process ids,
 * correlation keys and message ids. {@link #start()} gives a private engine that the caller must {@link #close()}.
 *
 * <p>The engine is class-file 65: it needs a Java 21+ runtime (the test JVM, see {@code zeebe.test.jvm} in
 * it-zeebe/pom.xml). It is therefore loaded by reflection; only the Java 8 API {@link ZeebeTestEngine} is compiled
 * against, so this class compiles on JDK 17.
 */
public final class RealZeebeEngine implements AutoCloseable {

  /** Loaded reflectively: referencing it in source would break javac 17 (class file 65). */
  public static final String ENGINE_FACTORY = "io.camunda.zeebe.process.test.engine.EngineFactory";

  /** Clients connect here; the engine itself binds all interfaces. */
  public static final String HOST = "127.0.0.1";

  private static final int START_ATTEMPTS = 3;
  private static RealZeebeEngine shared;

  private final ZeebeTestEngine engine;
  private final int port;
  private final Duration startupTime;
  private volatile boolean stopped;

  private RealZeebeEngine(ZeebeTestEngine engine, int port, Duration startupTime) {
    this.engine = engine;
    this.port = port;
    this.startupTime = startupTime;
  }

  /** The engine shared by all tests of this JVM; started on first call, stopped at JVM exit. */
  public static synchronized RealZeebeEngine shared() {
    if (shared == null || shared.stopped) {
      RealZeebeEngine started = start();
      Runtime.getRuntime().addShutdownHook(new Thread(started::stop, "real-zeebe-engine-stop"));
      shared = started;
      System.out.println("[RealZeebeEngine] " + started + " on Java " + Runtime.version());
    }
    return shared;
  }

  /** Starts a new private engine on a free port. The caller must {@link #close()} it. */
  public static RealZeebeEngine start() {
    requireJava21();
    RuntimeException last = null;
    for (int attempt = 1; attempt <= START_ATTEMPTS; attempt++) {
      int port = freePort();
      long t0 = System.nanoTime();
      ZeebeTestEngine engine = create(port);
      try {
        engine.start();
      } catch (RuntimeException e) { // most likely the port was taken between freePort() and bind
        last = e;
        safeStop(engine);
        continue;
      }
      return new RealZeebeEngine(engine, port, Duration.ofNanos(System.nanoTime() - t0));
    }
    throw new IllegalStateException("Could not start the Zeebe engine in " + START_ATTEMPTS + " attempts", last);
  }

  /** Always {@value #HOST}. */
  public String host() {
    return HOST;
  }

  /** The gRPC port (plaintext). */
  public int port() {
    return port;
  }

  /** {@code "127.0.0.1:<port>"}: a gRPC target for {@code ManagedChannelBuilder.forTarget(...)}. */
  public String address() {
    return HOST + ":" + port;
  }

  /** Time taken by {@code EngineFactory.create} + {@code start()}. */
  public Duration startupTime() {
    return startupTime;
  }

  /**
   * Moves the engine clock forward. The clock follows wall time plus an offset: it can be jumped forward, never
   * frozen. Timers that become due fire shortly afterwards (asynchronously).
   */
  public void increaseTime(Duration duration) {
    engine.increaseTime(duration);
  }

  /** Blocks until the engine has processed everything it had to do (or throws after {@code timeout}). */
  public void waitForIdleState(Duration timeout) {
    try {
      engine.waitForIdleState(timeout);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while waiting for the Zeebe engine to be idle", e);
    } catch (TimeoutException e) {
      throw new IllegalStateException("Zeebe engine not idle after " + timeout, e);
    }
  }

  /** The underlying engine, for anything not wrapped here (record stream, official client...). */
  public ZeebeTestEngine engine() {
    return engine;
  }

  /** Stops the engine; idempotent. The shared engine is stopped at JVM exit: do not stop it from a test. */
  public synchronized void stop() {
    if (!stopped) {
      stopped = true;
      safeStop(engine);
    }
  }

  @Override
  public void close() {
    stop();
  }

  @Override
  public String toString() {
    return "RealZeebeEngine[" + address() + ", started in " + startupTime.toMillis() + " ms]";
  }

  private static ZeebeTestEngine create(int port) {
    try {
      return (ZeebeTestEngine) Class.forName(ENGINE_FACTORY).getMethod("create", int.class).invoke(null, port);
    } catch (InvocationTargetException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException re) {
        throw re;
      }
      if (cause instanceof Error err) {
        throw err;
      }
      throw new IllegalStateException("EngineFactory.create(" + port + ") failed", cause);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("zeebe-process-test-engine is not on the test classpath", e);
    }
  }

  private static void requireJava21() {
    int feature = Runtime.version().feature();
    if (feature < 21) {
      throw new IllegalStateException(
          "The real Zeebe engine needs Java 21+, but this test JVM is Java " + feature + " ("
              + System.getProperty("java.home") + "). Run it-zeebe's tests with -Dzeebe.test.jvm=<JDK 21+>/bin/java"
              + " or ZEEBE_TEST_JAVA_HOME=<JDK 21+>.");
    }
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("0.0.0.0"))) {
      socket.setReuseAddress(true);
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("No free port", e);
    }
  }

  private static void safeStop(ZeebeTestEngine engine) {
    try {
      engine.stop();
    } catch (RuntimeException ignored) {
      // best effort
    }
  }
}
