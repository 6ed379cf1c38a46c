package io.flowport.benchmarks.adapters;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Flowable's process REST API on 127.0.0.1 (free port, JDK HttpServer on a fixed thread pool)
 * with canned answers: {@code POST /process-api/runtime/process-instances} answers 201 with a fixed
 * instance, {@code GET /process-api/runtime/process-instances/{id}} 200 with the same instance.
 * Bodies are read to the end (keep-alive) and not parsed, so the server costs the same for every
 * client.
 *
 * <p>After {@link #hold()} (memory harness) every request but {@code GET .../process-instances/fast}
 * waits until {@link #releaseHeld()}; the pool must then be large enough to hold the client's
 * connections.
 */
public final class CannedFlowable implements AutoCloseable {
  public static final String BASE_PATH = "/process-api";
  public static final String FAST_ID = "fast";

  static final byte[] INSTANCE = ("{"
      + "\"id\":\"2501\","
      + "\"url\":\"http://localhost:8080/process-api/runtime/process-instances/2501\","
      + "\"name\":null,"
      + "\"businessKey\":null,"
      + "\"businessStatus\":null,"
      + "\"suspended\":false,"
      + "\"ended\":false,"
      + "\"processDefinitionId\":\"order:1:2504\","
      + "\"processDefinitionUrl\":\"http://localhost:8080/process-api/repository/process-definitions/order:1:2504\","
      + "\"processDefinitionName\":\"Order\","
      + "\"processDefinitionDescription\":null,"
      + "\"activityId\":null,"
      + "\"startUserId\":\"rest-admin\","
      + "\"startTime\":\"2026-11-26T04:20:00.123Z\","
      + "\"superProcessInstanceId\":null,"
      + "\"variables\":[],"
      + "\"callbackId\":null,"
      + "\"callbackType\":null,"
      + "\"referenceId\":null,"
      + "\"referenceType\":null,"
      + "\"propagatedStageInstanceId\":null,"
      + "\"tenantId\":\"\","
      + "\"completed\":false"
      + "}").getBytes(StandardCharsets.UTF_8);

  static {
    // Without TCP_NODELAY the JDK server writes headers and body separately and Nagle + delayed
    // ACK add ~40 ms to every answer. Read when the first server is created.
    System.setProperty("sun.net.httpserver.nodelay", "true");
  }

  private final HttpServer server;
  private final ExecutorService pool;
  private volatile boolean hold;
  private volatile CountDownLatch release = new CountDownLatch(1);
  private final AtomicLong posts = new AtomicLong();
  private final AtomicLong gets = new AtomicLong();
  private final AtomicInteger waiting = new AtomicInteger();

  private CannedFlowable(int threads, boolean hold) throws IOException {
    this.hold = hold;
    this.pool = Executors.newFixedThreadPool(threads, r -> {
      Thread t = new Thread(r, "canned-flowable");
      t.setDaemon(true);
      return t;
    });
    this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 1024);
    server.createContext(BASE_PATH + "/runtime/process-instances", this::handle);
    server.setExecutor(pool);
    server.start();
  }

  /** A server answering at once on {@code threads} handler threads. */
  public static CannedFlowable start(int threads) throws IOException {
    return new CannedFlowable(threads, false);
  }

  /** A server that will hold requests once told to ({@link #hold()}). */
  public static CannedFlowable startHoldable(int threads) throws IOException {
    return new CannedFlowable(threads, false);
  }

  public String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + BASE_PATH;
  }

  public long posts() {
    return posts.get();
  }

  public long gets() {
    return gets.get();
  }

  /** Requests waiting for {@link #releaseHeld()}. */
  public int waiting() {
    return waiting.get();
  }

  /** From now on, holds requests (but GETs of {@link #FAST_ID}) until {@link #releaseHeld()}. */
  public void hold() {
    release = new CountDownLatch(1);
    hold = true;
  }

  /** Answers the held requests and stops holding. */
  public void releaseHeld() {
    hold = false;
    release.countDown();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      try (InputStream in = exchange.getRequestBody()) {
        in.readAllBytes();
      }
      String method = exchange.getRequestMethod();
      String path = exchange.getRequestURI().getRawPath();
      String collection = BASE_PATH + "/runtime/process-instances";
      int status;
      if (method.equals("POST") && path.equals(collection)) {
        posts.incrementAndGet();
        status = 201;
      } else if (method.equals("GET") && path.startsWith(collection + "/") && path.indexOf('/', collection.length() + 1) < 0) {
        gets.incrementAndGet();
        status = 200;
      } else {
        exchange.sendResponseHeaders(404, -1);
        return;
      }
      CountDownLatch latch = release;
      if (hold && !path.endsWith("/" + FAST_ID)) {
        waiting.incrementAndGet();
        try {
          latch.await();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        } finally {
          waiting.decrementAndGet();
        }
      }
      exchange.getResponseHeaders().set("Content-Type", "application/json");
      exchange.sendResponseHeaders(status, INSTANCE.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(INSTANCE);
      }
    }
  }

  @Override
  public void close() {
    release.countDown();
    server.stop(0);
    pool.shutdownNow();
    try {
      pool.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
