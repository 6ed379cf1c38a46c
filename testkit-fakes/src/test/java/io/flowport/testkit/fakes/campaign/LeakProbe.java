package io.flowport.testkit.fakes.campaign;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Threads and sockets a client leaves behind: the threads alive now that were not before it was
 * made, and the TCP connections to the fake's port still open (read from /proc/net/tcp, Linux).
 */
final class LeakProbe {
  /** OkHttp's JVM-wide threads: shared by every OkHttp client, they idle out by themselves. */
  static final Predicate<String> JVM_WIDE = name -> name.startsWith("OkHttp TaskRunner")
      || name.startsWith("Okio Watchdog") || name.startsWith("OkHttp ConnectionPool");

  private final Set<Long> before;
  private final Predicate<String> fakeThreads;

  /** Notes the threads alive now; {@code fakeThreads} names the fake server's own threads. */
  LeakProbe(Predicate<String> fakeThreads) {
    this.before = Thread.getAllStackTraces().keySet().stream().map(Thread::getId).collect(Collectors.toSet());
    this.fakeThreads = fakeThreads;
  }

  /** Threads made since this probe, not the fake's and not JVM-wide ({@code jvmWide} true: only those). */
  List<String> newThreads(boolean jvmWide) {
    List<String> names = new ArrayList<>();
    for (Thread t : Thread.getAllStackTraces().keySet()) {
      if (t.isAlive() && !before.contains(t.getId()) && !fakeThreads.test(t.getName())
          && JVM_WIDE.test(t.getName()) == jvmWide) {
        names.add(t.getName());
      }
    }
    return names;
  }

  /** Waits up to {@code millis} for the client's threads to end; the ones still alive. */
  List<String> threadsLeft(long millis) throws InterruptedException {
    long until = System.currentTimeMillis() + millis;
    List<String> left = newThreads(false);
    while (!left.isEmpty() && System.currentTimeMillis() < until) {
      Thread.sleep(50);
      left = newThreads(false);
    }
    return left;
  }

  /** Waits up to {@code millis} for client connections to {@code port} to close; how many are still open. */
  static int socketsLeft(int port, long millis) throws InterruptedException {
    long until = System.currentTimeMillis() + millis;
    int open = openConnections(port);
    while (open > 0 && System.currentTimeMillis() < until) {
      Thread.sleep(50);
      open = openConnections(port);
    }
    return open;
  }

  /** Client-side TCP connections to {@code port} not yet closed (TIME_WAIT and CLOSE count as closed). */
  static int openConnections(int port) {
    int n = 0;
    for (String file : new String[] {"/proc/net/tcp", "/proc/net/tcp6"}) {
      List<String> lines;
      try {
        lines = Files.readAllLines(Path.of(file));
      } catch (IOException e) {
        continue; // not Linux: nothing to count
      }
      for (String line : lines.subList(Math.min(1, lines.size()), lines.size())) {
        String[] f = line.trim().split("\\s+");
        if (f.length < 4) {
          continue;
        }
        int remotePort = Integer.parseInt(f[2].substring(f[2].indexOf(':') + 1), 16);
        String state = f[3];
        if (remotePort == port && !state.equals("06") && !state.equals("07") && !state.equals("0A")) {
          n++;
        }
      }
    }
    return n;
  }
}
