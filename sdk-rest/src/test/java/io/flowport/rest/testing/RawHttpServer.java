package io.flowport.rest.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import javax.net.ServerSocketFactory;
import javax.net.ssl.SSLContext;

/**
 * A raw HTTP/1.1 server over a server socket for the REST adapters' reliability tests: it answers
 * with whatever bytes the test chooses (odd statuses, lying lengths, invalid UTF-8), can wait
 * before answering, and records each request exactly as it arrived (the request target as sent,
 * before any decoding). One answer per connection: the connection closes after it, so a body
 * shorter than its length ends at once instead of waiting for the client's deadline. Over TLS
 * ({@link #startTls}) each connection begins with a handshake, which fails for a client that
 * refuses the server's certificate: {@link #connections()} counts them all, answered or not.
 */
public final class RawHttpServer implements AutoCloseable {
  private final ServerSocket socket;
  /** Whether {@link #url} is https. */
  private final boolean tls;
  private final boolean hangUp;
  private final AtomicInteger connections = new AtomicInteger();
  private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
    Thread t = new Thread(r, "raw-http-server");
    t.setDaemon(true);
    return t;
  });
  private final Set<Socket> open = ConcurrentHashMap.newKeySet();
  private final List<Received> received = new CopyOnWriteArrayList<>();
  private volatile Function<Received, Answer> handler;
  private volatile boolean closed;

  /** A request as it arrived: method, request target (encoded, query included), headers, body. */
  public record Received(String method, String target, Map<String, String> headers, byte[] body) {
    /** The target without its query: the path exactly as sent. */
    public String path() {
      int q = target.indexOf('?');
      return q < 0 ? target : target.substring(0, q);
    }

    /** A header (any case), or null. */
    public String header(String name) {
      return headers.get(name);
    }

    /** The body as UTF-8. */
    public String text() {
      return new String(body, StandardCharsets.UTF_8);
    }
  }

  /**
   * What the server sends back: the whole response as bytes, after {@code delayMillis}.
   *
   * @param bytes status line, headers and body, sent as they are
   * @param delayMillis how long to wait before sending (the request is recorded at once)
   */
  public record Answer(byte[] bytes, long delayMillis) {
    /** A response with {@code status}, a Content-Length that matches {@code body}, and {@code headers}. */
    public static Answer of(int status, Map<String, String> headers, byte[] body) {
      StringBuilder head = new StringBuilder("HTTP/1.1 ").append(status).append(" Whatever\r\n");
      headers.forEach((k, v) -> head.append(k).append(": ").append(v).append("\r\n"));
      head.append("Content-Length: ").append(body.length).append("\r\nConnection: close\r\n\r\n");
      return raw(concat(head.toString().getBytes(StandardCharsets.ISO_8859_1), body));
    }

    /** A JSON answer with {@code status}. */
    public static Answer json(int status, String json) {
      return of(status, Map.of("Content-Type", "application/json"), json.getBytes(StandardCharsets.UTF_8));
    }

    /** Exactly these bytes. */
    public static Answer raw(byte[] bytes) {
      return new Answer(bytes, 0);
    }

    /** This answer, sent {@code millis} later. */
    public Answer delayed(long millis) {
      return new Answer(bytes, millis);
    }
  }

  private RawHttpServer(ServerSocketFactory sockets, boolean tls, boolean hangUp, Function<Received, Answer> handler)
      throws IOException {
    this.socket = sockets.createServerSocket(0, 512, InetAddress.getLoopbackAddress());
    this.tls = tls;
    this.hangUp = hangUp;
    this.handler = handler;
    threads.execute(this::acceptLoop);
  }

  /** Starts a server on a free loopback port answering with {@code handler}. */
  public static RawHttpServer start(Function<Received, Answer> handler) throws IOException {
    return new RawHttpServer(ServerSocketFactory.getDefault(), false, false, handler);
  }

  /** Starts an HTTPS server on a free loopback port, presenting {@code identity}'s certificate. */
  public static RawHttpServer startTls(SSLContext identity, Function<Received, Answer> handler) throws IOException {
    return new RawHttpServer(identity.getServerSocketFactory(), true, false, handler);
  }

  /**
   * Starts a server that closes every connection as soon as it is accepted, before any handshake:
   * to the TLS client its https {@link #url} is for, a handshake cut short.
   */
  public static RawHttpServer startHangingUp() throws IOException {
    return new RawHttpServer(ServerSocketFactory.getDefault(), true, true, r -> null);
  }

  /** Replaces the handler for the next requests. */
  public void handler(Function<Received, Answer> handler) {
    this.handler = handler;
  }

  /** {@code http://127.0.0.1:<port>} (https for {@link #startTls}) followed by {@code path}. */
  public String url(String path) {
    return (tls ? "https://" : "http://") + socket.getInetAddress().getHostAddress() + ":" + socket.getLocalPort() + path;
  }

  /** Every request received so far, in arrival order. */
  public List<Received> received() {
    return List.copyOf(received);
  }

  /** {@return the connections accepted so far (over TLS: handshakes begun, whether they succeeded or not)} */
  public int connections() {
    return connections.get();
  }

  /** Forgets the requests received so far. */
  public void clear() {
    received.clear();
  }

  private void acceptLoop() {
    while (!closed) {
      try {
        Socket s = socket.accept();
        connections.incrementAndGet();
        if (hangUp) {
          s.close();
          continue;
        }
        open.add(s);
        threads.execute(() -> serve(s));
      } catch (IOException e) {
        return; // closed
      } catch (java.util.concurrent.RejectedExecutionException e) {
        return;
      }
    }
  }

  private void serve(Socket s) {
    try (s; InputStream in = s.getInputStream(); OutputStream out = s.getOutputStream()) {
      Received r = read(in);
      if (r == null) {
        return;
      }
      received.add(r);
      Answer a = handler.apply(r);
      if (a.delayMillis() > 0) {
        Thread.sleep(a.delayMillis());
      }
      out.write(a.bytes());
      out.flush();
      s.shutdownOutput();
    } catch (IOException | InterruptedException | RuntimeException e) {
      // the client went away, or the server closes: nothing to answer
    } finally {
      open.remove(s);
    }
  }

  private static Received read(InputStream in) throws IOException {
    String requestLine = line(in);
    if (requestLine == null || requestLine.isEmpty()) {
      return null;
    }
    String[] parts = requestLine.split(" ", 3);
    Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    for (String h = line(in); h != null && !h.isEmpty(); h = line(in)) {
      int colon = h.indexOf(':');
      if (colon > 0) {
        headers.put(h.substring(0, colon).trim(), h.substring(colon + 1).trim());
      }
    }
    byte[] body;
    String length = headers.get("Content-Length");
    if (length != null) {
      body = in.readNBytes(Integer.parseInt(length.trim()));
    } else if ("chunked".equalsIgnoreCase(headers.getOrDefault("Transfer-Encoding", "").trim())) {
      ByteArrayOutputStream b = new ByteArrayOutputStream();
      for (int n = Integer.parseInt(line(in).trim(), 16); n > 0; n = Integer.parseInt(line(in).trim(), 16)) {
        b.write(in.readNBytes(n));
        line(in);
      }
      line(in);
      body = b.toByteArray();
    } else {
      body = new byte[0];
    }
    return new Received(parts[0].toUpperCase(Locale.ROOT), parts.length > 1 ? parts[1] : "", headers, body);
  }

  private static String line(InputStream in) throws IOException {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    for (int c = in.read(); c != -1; c = in.read()) {
      if (c == '\n') {
        byte[] bytes = b.toByteArray();
        int n = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
        return new String(bytes, 0, n, StandardCharsets.ISO_8859_1);
      }
      b.write(c);
    }
    return b.size() == 0 ? null : b.toString(StandardCharsets.ISO_8859_1);
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = new byte[a.length + b.length];
    System.arraycopy(a, 0, out, 0, a.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  /** Stops accepting, closes every open connection and the server's threads. */
  @Override
  public void close() {
    closed = true;
    try {
      socket.close();
    } catch (IOException ignored) {
      // closing anyway
    }
    for (Socket s : new ArrayList<>(open)) {
      try {
        s.close();
      } catch (IOException ignored) {
        // closing anyway
      }
    }
    threads.shutdownNow();
  }
}
