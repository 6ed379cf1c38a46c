package io.flowport.grpc.zeebe;

import com.google.protobuf.MessageLite;
import io.grpc.netty.shaded.io.netty.bootstrap.ServerBootstrap;
import io.grpc.netty.shaded.io.netty.buffer.ByteBuf;
import io.grpc.netty.shaded.io.netty.buffer.Unpooled;
import io.grpc.netty.shaded.io.netty.channel.Channel;
import io.grpc.netty.shaded.io.netty.channel.ChannelHandlerContext;
import io.grpc.netty.shaded.io.netty.channel.ChannelInboundHandlerAdapter;
import io.grpc.netty.shaded.io.netty.channel.ChannelInitializer;
import io.grpc.netty.shaded.io.netty.channel.EventLoopGroup;
import io.grpc.netty.shaded.io.netty.channel.MultiThreadIoEventLoopGroup;
import io.grpc.netty.shaded.io.netty.channel.nio.NioIoHandler;
import io.grpc.netty.shaded.io.netty.channel.socket.SocketChannel;
import io.grpc.netty.shaded.io.netty.channel.socket.nio.NioServerSocketChannel;
import io.grpc.netty.shaded.io.netty.handler.codec.http2.DefaultHttp2DataFrame;
import io.grpc.netty.shaded.io.netty.handler.codec.http2.DefaultHttp2Headers;
import io.grpc.netty.shaded.io.netty.handler.codec.http2.DefaultHttp2HeadersFrame;
import io.grpc.netty.shaded.io.netty.handler.codec.http2.Http2DataFrame;
import io.grpc.netty.shaded.io.netty.handler.codec.http2.Http2FrameCodecBuilder;
import io.grpc.netty.shaded.io.netty.handler.codec.http2.Http2FrameStream;
import io.grpc.netty.shaded.io.netty.handler.codec.http2.Http2Headers;
import io.grpc.netty.shaded.io.netty.handler.codec.http2.Http2HeadersFrame;
import io.grpc.netty.shaded.io.netty.util.ReferenceCountUtil;
import java.io.ByteArrayOutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;

/**
 * A gateway that is not grpc-java: a raw HTTP/2 server (netty's frame codec) whose answers the test
 * writes frame by frame, so it can send what a grpc-java server never would (headers over the
 * client's limit, bytes that are not protobuf, a connection closed at once). Its encoder ignores
 * the client's SETTINGS_MAX_HEADER_LIST_SIZE on purpose.
 */
final class RawH2Gateway implements AutoCloseable {

  /** One request: the connection it came on (1, 2, ...), the method name and its message bytes. */
  record Request(int connection, String method, byte[] message) {}

  /** How the test answers one request; every method may be called from any thread. */
  interface Reply {
    void headers(Http2Headers headers, boolean endStream);

    void data(byte[] bytes, boolean endStream);

    /** Closes the whole connection. */
    void closeConnection();

    default void ok(MessageLite message) {
      headers(okHeaders(), false);
      data(frame(message.toByteArray()), false);
      headers(trailers(0, null), true);
    }

    default void status(int code, String message) {
      headers(okHeaders().add(trailers(code, message)), true);
    }
  }

  private final EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
  private final Channel server;
  private final AtomicInteger connections = new AtomicInteger();
  final List<Request> requests = new CopyOnWriteArrayList<>();
  /** What the test's own handler threw (the connection is then closed): a bug in the test, not the client. */
  final List<Throwable> handlerFailures = new CopyOnWriteArrayList<>();

  RawH2Gateway(BiConsumer<Request, Reply> handler) throws InterruptedException {
    server = new ServerBootstrap().group(group).channel(NioServerSocketChannel.class)
        .childHandler(new ChannelInitializer<SocketChannel>() {
          @Override
          protected void initChannel(SocketChannel ch) {
            int connection = connections.incrementAndGet();
            ch.pipeline().addLast(Http2FrameCodecBuilder.forServer().encoderIgnoreMaxHeaderListSize(true).build(),
                new Streams(connection, handler));
          }
        })
        .bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0)).sync().channel();
  }

  String address() {
    return "127.0.0.1:" + ((InetSocketAddress) server.localAddress()).getPort();
  }

  long count(String method) {
    return requests.stream().filter(r -> r.method().equals(method)).count();
  }

  static Http2Headers okHeaders() {
    return new DefaultHttp2Headers().status("200").add("content-type", "application/grpc");
  }

  static Http2Headers trailers(int code, String message) {
    Http2Headers t = new DefaultHttp2Headers().add("grpc-status", Integer.toString(code));
    if (message != null) {
      t.add("grpc-message", message);
    }
    return t;
  }

  /** A gRPC length-prefixed message (uncompressed). */
  static byte[] frame(byte[] message) {
    return ByteBuffer.allocate(5 + message.length).put((byte) 0).putInt(message.length).put(message).array();
  }

  @Override
  public void close() {
    server.close().syncUninterruptibly();
    group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
  }

  /** Collects each stream's request and hands it to the test once the client ended its side. */
  private final class Streams extends ChannelInboundHandlerAdapter {
    private final int connection;
    private final BiConsumer<Request, Reply> handler;
    private final Map<Http2FrameStream, String> paths = new ConcurrentHashMap<>();
    private final Map<Http2FrameStream, ByteArrayOutputStream> bodies = new ConcurrentHashMap<>();

    Streams(int connection, BiConsumer<Request, Reply> handler) {
      this.connection = connection;
      this.handler = handler;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
      try {
        if (msg instanceof Http2HeadersFrame h) {
          paths.put(h.stream(), String.valueOf(h.headers().path()));
          bodies.put(h.stream(), new ByteArrayOutputStream());
          if (h.isEndStream()) {
            dispatch(ctx, h.stream());
          }
        } else if (msg instanceof Http2DataFrame d) {
          ByteBuf content = d.content();
          byte[] bytes = new byte[content.readableBytes()];
          content.readBytes(bytes);
          bodies.computeIfAbsent(d.stream(), s -> new ByteArrayOutputStream()).writeBytes(bytes);
          if (d.isEndStream()) {
            dispatch(ctx, d.stream());
          }
        }
      } finally {
        ReferenceCountUtil.release(msg);
      }
    }

    private void dispatch(ChannelHandlerContext ctx, Http2FrameStream stream) {
      String path = paths.remove(stream);
      byte[] body = bodies.remove(stream).toByteArray();
      byte[] message = body.length >= 5 ? java.util.Arrays.copyOfRange(body, 5, body.length) : body;
      Request request = new Request(connection, path.substring(path.lastIndexOf('/') + 1), message);
      requests.add(request);
      handler.accept(request, new Reply() {
        @Override
        public void headers(Http2Headers headers, boolean endStream) {
          ctx.executor().execute(() ->
              ctx.writeAndFlush(new DefaultHttp2HeadersFrame(headers, endStream).stream(stream)));
        }

        @Override
        public void data(byte[] bytes, boolean endStream) {
          ctx.executor().execute(() ->
              ctx.writeAndFlush(new DefaultHttp2DataFrame(Unpooled.wrappedBuffer(bytes), endStream).stream(stream)));
        }

        @Override
        public void closeConnection() {
          ctx.executor().execute(() -> ctx.channel().close());
        }
      });
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
      handlerFailures.add(cause);
      ctx.close();
    }
  }
}
