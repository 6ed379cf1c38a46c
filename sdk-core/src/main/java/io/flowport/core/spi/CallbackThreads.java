package io.flowport.core.spi;

import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The callback executor a client uses when the user set none: a few named daemon threads
 * ({@code flowport-<engine>-callback-N}) that end when idle, so a client costs no thread while
 * quiet and never competes for the JVM's common pool. The {@link CallExecutor} that runs on it
 * owns it and shuts it down in {@link CallExecutor#close()}; tasks already queued still run.
 */
public final class CallbackThreads implements Executor, AutoCloseable {
  /** At most this many callbacks run at once; more wait in line. */
  public static final int MAX_THREADS = 4;
  private static final long IDLE_SECONDS = 30;
  private static final AtomicInteger THREADS = new AtomicInteger();

  private final ThreadPoolExecutor pool;

  private CallbackThreads(String engine) {
    this.pool = new ThreadPoolExecutor(MAX_THREADS, MAX_THREADS, IDLE_SECONDS, TimeUnit.SECONDS,
        new LinkedBlockingQueue<>(), r -> {
          Thread t = new Thread(r, "flowport-" + engine + "-callback-" + THREADS.incrementAndGet());
          t.setDaemon(true);
          return t;
        });
    pool.allowCoreThreadTimeOut(true);
  }

  /**
   * New callback threads for a client of {@code engine}; none is started until a callback runs.
   *
   * @param engine the engine name, part of the threads' names
   * @return the executor
   */
  public static CallbackThreads create(String engine) {
    return new CallbackThreads(engine);
  }

  /**
   * Runs {@code task} on one of the threads.
   *
   * @throws java.util.concurrent.RejectedExecutionException once closed
   */
  @Override
  public void execute(Runnable task) {
    pool.execute(task);
  }

  /** Lets queued callbacks run, then ends the threads; no new task is taken. */
  @Override
  public void close() {
    pool.shutdown();
  }
}
