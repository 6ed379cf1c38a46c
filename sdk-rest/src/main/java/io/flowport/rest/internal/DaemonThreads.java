package io.flowport.rest.internal;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/** Named daemon threads, so a forgotten client never keeps a JVM alive. */
public final class DaemonThreads implements ThreadFactory {
  private static final AtomicInteger POOLS = new AtomicInteger();
  private final String prefix;
  private final AtomicInteger count = new AtomicInteger();

  public DaemonThreads(String name) {
    this.prefix = "flowport-" + name + "-" + POOLS.incrementAndGet() + "-";
  }

  @Override
  public Thread newThread(Runnable r) {
    Thread t = new Thread(r, prefix + count.incrementAndGet());
    t.setDaemon(true);
    return t;
  }
}
