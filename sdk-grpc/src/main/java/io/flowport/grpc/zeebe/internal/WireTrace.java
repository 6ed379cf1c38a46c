package io.flowport.grpc.zeebe.internal;

import io.grpc.CallOptions;
import io.grpc.ClientCall;
import io.grpc.ClientStreamTracer;
import io.grpc.ForwardingClientCall;
import io.grpc.ForwardingClientCallListener;
import io.grpc.Metadata;
import io.grpc.Status;

/**
 * What grpc-java's transport did for one call, recorded by a {@link ClientStreamTracer} on each of
 * its streams (a transparent retry makes a second one): whether the request's headers left the
 * client, and whether the status that ended the call is the one the gateway sent in its trailers.
 * Errors are told apart from this state, never from grpc-java's description texts, which change
 * between versions (1.85 changed the one for a deadline hit while connecting).
 *
 * <p>The gateway's status is the one grpc-java closes the call with together with the very
 * trailers object the transport received: a status grpc-java makes afterwards (a frame cut short
 * after the trailers, an answer it cannot parse, its deadline) comes with new, empty metadata.
 */
final class WireTrace extends ClientStreamTracer.Factory {
  private volatile boolean sent;
  /** The call's latest stream: its trailers decide who ended the call. */
  private volatile Stream last;
  /** The trailers the call was closed with. */
  private volatile Metadata closedWith;

  /** {@code options} with this trace's tracer added. */
  CallOptions attach(CallOptions options) {
    return options.withStreamTracerFactory(this);
  }

  /** {@code call}, recording the metadata it is closed with. */
  <Q, R> ClientCall<Q, R> wrap(ClientCall<Q, R> call) {
    return new ForwardingClientCall.SimpleForwardingClientCall<>(call) {
      @Override
      public void start(Listener<R> listener, Metadata headers) {
        super.start(new ForwardingClientCallListener.SimpleForwardingClientCallListener<>(listener) {
          @Override
          public void onClose(Status status, Metadata trailers) {
            closedWith = trailers;
            super.onClose(status, trailers);
          }
        }, headers);
      }
    };
  }

  @Override
  public ClientStreamTracer newClientStreamTracer(ClientStreamTracer.StreamInfo info, Metadata headers) {
    Stream stream = new Stream();
    last = stream;
    return stream;
  }

  /**
   * True when the request may have reached the gateway: some stream of the call wrote its headers
   * or heard from the gateway. False means no stream got that far (still connecting, refused,
   * credentials failed), so the gateway cannot have acted on it.
   */
  boolean maybeSent() {
    return sent;
  }

  /**
   * True when the call's status is the gateway's own: the call was closed with the trailers its
   * last stream received. False for the client's statuses (its deadline, a cancel, a message over
   * its size limit, an answer it could not parse, a broken connection).
   */
  boolean fromServer() {
    Stream s = last;
    Metadata closed = closedWith;
    return s != null && closed != null && s.trailers == closed;
  }

  private final class Stream extends ClientStreamTracer {
    volatile Metadata trailers;

    @Override
    public void outboundHeaders() {
      // Netty reports this once the HEADERS frame is written (its write promise succeeded).
      sent = true;
    }

    @Override
    public void outboundMessage(int seqNo) {
      sent = true;
    }

    @Override
    public void inboundHeaders(Metadata headers) {
      sent = true;
    }

    @Override
    public void inboundTrailers(Metadata trailers) {
      sent = true;
      this.trailers = trailers;
    }
  }
}
