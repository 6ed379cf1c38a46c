package io.flowport.testkit.fakes.reliability;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An HTTP server that reads every request and never answers, and sees what the client does then:
 * how many requests arrived (a request line each) and when each connection was closed by the
 * client. A thread per connection: fine for a test's hundred calls.
 */
final class SilentHttpServer implements AutoCloseable {
  private final ServerSocket server;
  private final AtomicInteger requests = new AtomicInteger();
  private final AtomicInteger open = new AtomicInteger();
  /** When (System.nanoTime) each connection was seen closed by the client. */
  private final List<Long> closedAt = new CopyOnWriteArrayList<>();
  private final List<Socket> sockets = new CopyOnWriteArrayList<>();

  SilentHttpServer() throws IOException {
    server = new ServerSocket(0, 200, InetAddress.getLoopbackAddress());
    Thread acceptor = new Thread(this::accept, "silent-http-accept");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  String baseUrl() {
    return "http://127.0.0.1:" + server.getLocalPort();
  }

  int requests() {
    return requests.get();
  }

  int openConnections() {
    return open.get();
  }

  List<Long> closedAt() {
    return List.copyOf(closedAt);
  }

  private void accept() {
    while (!server.isClosed()) {
      try {
        Socket s = server.accept();
        sockets.add(s);
        open.incrementAndGet();
        Thread t = new Thread(() -> serve(s), "silent-http-conn");
        t.setDaemon(true);
        t.start();
      } catch (IOException e) {
        return; // closed
      }
    }
  }

  /** Counts request lines until the client closes; never writes a byte. */
  private void serve(Socket s) {
    try (s; InputStream in = s.getInputStream()) {
      int prev = '\n';
      int b;
      while ((b = in.read()) != -1) {
        // a request line starts a line with a method; bodies of these tests are small JSON
        if (prev == '\n' && Character.isUpperCase(b)) {
          byte[] rest = in.readNBytes(3);
          String head = (char) b + new String(rest, java.nio.charset.StandardCharsets.US_ASCII);
          if (head.equals("GET ") || head.equals("POST") || head.equals("PUT ") || head.equals("DELE")) {
            requests.incrementAndGet();
          }
          prev = rest.length == 0 ? b : rest[rest.length - 1];
          continue;
        }
        prev = b;
      }
    } catch (IOException e) {
      // reset by the client: closed as well
    } finally {
      closedAt.add(System.nanoTime());
      open.decrementAndGet();
    }
  }

  @Override
  public void close() throws IOException {
    server.close();
    for (Socket s : sockets) {
      s.close();
    }
  }
}
