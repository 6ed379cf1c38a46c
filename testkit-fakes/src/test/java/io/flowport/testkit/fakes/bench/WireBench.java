package io.flowport.testkit.fakes.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * The measuring pieces of the fakes-vs-real-engines harnesses (it-zeebe's and it-flowable's
 * {@code FakesVsReal*}): time to the first answer after a start, and calls per second with a fixed
 * number in flight. Not a unit test: speed is measured here, never asserted in the normal run.
 */
public final class WireBench {
  private WireBench() {}

  /** A throughput run: calls made, calls failed, wall time. */
  public record Rate(int calls, int errors, Duration elapsed) {
    /** Calls (successful or not) per second. */
    public double perSecond() {
      return calls / (elapsed.toNanos() / 1e9);
    }

    @Override
    public String toString() {
      return String.format("%.0f/s (%d calls, %d errors, %.1f s)", perSecond(), calls, errors, elapsed.toNanos() / 1e9);
    }
  }

  /** Something that starts and is then asked until it answers. */
  @FunctionalInterface
  public interface Start<T> {
    /** Starts the server. */
    T start() throws Exception;
  }

  /** A first request to a started server: true when it answered (any answer of the server counts). */
  @FunctionalInterface
  public interface Probe<T> {
    /** Sends one request to {@code started}. */
    boolean answered(T started) throws Exception;
  }

  /** A started server, how long its start call took and how long from calling start to its first answer. */
  public record Started<T>(T server, Duration startCall, Duration firstAnswer) {}

  /** Starts {@code start} and probes it every 10 ms until it answers; the time covers both. */
  public static <T> Started<T> firstAnswer(Start<T> start, Probe<T> probe) throws Exception {
    long t0 = System.nanoTime();
    T server = start.start();
    Duration startCall = Duration.ofNanos(System.nanoTime() - t0);
    while (true) {
      try {
        if (probe.answered(server)) {
          return new Started<>(server, startCall, Duration.ofNanos(System.nanoTime() - t0));
        }
      } catch (Exception notYet) {
        // not listening yet
      }
      if (System.nanoTime() - t0 > TimeUnit.MINUTES.toNanos(2)) {
        throw new IllegalStateException("no answer 2 min after start");
      }
      Thread.sleep(10);
    }
  }

  private static final String COLD_MARK = "FLOWPORT_COLD_FIRST_ANSWER_MS=";

  /**
   * In a fresh JVM (the child of {@link #coldStart}): starts {@code start}, probes it until it
   * answers and prints the time from the JVM's own start to that answer, so JVM start, class
   * loading and the server's start all count, as for a process someone launches.
   */
  public static <T extends AutoCloseable> void reportColdStart(Start<T> start, Probe<T> probe) throws Exception {
    Started<T> started = firstAnswer(start, probe);
    long sinceJvmStart = java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime();
    System.out.println(COLD_MARK + sinceJvmStart + " (start call " + started.startCall().toMillis()
        + " ms, then first answer " + (started.firstAnswer().minus(started.startCall()).toMillis()) + " ms)");
    started.server().close();
  }

  /**
   * Runs {@code main} (which calls {@link #reportColdStart}) in a new JVM of the same Java, class
   * path and {@code jvmArgs}, and returns the time it reported.
   */
  public static Duration coldStart(Class<?> main, List<String> jvmArgs, String... args) throws Exception {
    String javaCmd = ProcessHandle.current().info().command().orElse("java");
    List<String> cmd = new ArrayList<>(List.of(javaCmd));
    cmd.addAll(jvmArgs);
    cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), main.getName()));
    cmd.addAll(List.of(args));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    if (!p.waitFor(3, TimeUnit.MINUTES)) {
      p.destroyForcibly();
    }
    for (String line : out.split("\\R")) {
      if (line.startsWith(COLD_MARK)) {
        String[] parts = line.substring(COLD_MARK.length()).trim().split(" ", 2);
        System.out.println(main.getSimpleName() + " " + String.join(" ", args) + ": " + parts[0] + " ms since JVM start "
            + (parts.length > 1 ? parts[1] : ""));
        return Duration.ofMillis(Long.parseLong(parts[0]));
      }
    }
    throw new IllegalStateException(main.getSimpleName() + " " + String.join(" ", args) + " reported nothing:\n" + out);
  }

  /** Makes {@code calls} calls with at most {@code inFlight} unanswered at any time. */
  public static Rate rate(int calls, int inFlight, Supplier<CompletableFuture<?>> call) throws InterruptedException {
    Semaphore slots = new Semaphore(inFlight);
    AtomicInteger errors = new AtomicInteger();
    long t0 = System.nanoTime();
    for (int i = 0; i < calls; i++) {
      slots.acquire();
      CompletableFuture<?> f;
      try {
        f = call.get();
      } catch (RuntimeException e) {
        errors.incrementAndGet();
        slots.release();
        continue;
      }
      f.whenComplete((r, e) -> {
        if (e != null) {
          errors.incrementAndGet();
        }
        slots.release();
      });
    }
    slots.acquire(inFlight); // all answered
    return new Rate(calls, errors.get(), Duration.ofNanos(System.nanoTime() - t0));
  }

  /** The 1, 5 and 15 minute load averages ({@code /proc/loadavg}), or "n/a". */
  public static String loadAverage() {
    try {
      String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
      return f[0] + " " + f[1] + " " + f[2];
    } catch (IOException | RuntimeException e) {
      return "n/a";
    }
  }
}
