package io.flowport.grpc.zeebe.internal;

import io.grpc.CallOptions;
import io.grpc.ClientStreamTracer;
import io.grpc.Metadata;
import io.grpc.Status;

/**
 * What grpc-java's transport did for one call, recorded by a {@link ClientStreamTracer} on each of
 * its streams (a transparent retry makes a second one): whether the request's headers left the
 * client, and whether the status that ended the call is the one the gateway sent in its trailers.
 * Errors are told apart from this state, never from grpc-java's description texts, which change
 * between versions (1.85 changed the one for a deadline hit while connecting).
 */
final class WireTrace extends ClientStreamTracer.Factory {
  private volatile boolean sent;
  /** The call's latest stream: its trailers and closing status decide who ended the call. */
  private volatile Stream last;

  /** {@code options} with this trace's tracer added. */
  CallOptions attach(CallOptions options) {
    return options.withStreamTracerFactory(this);
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
   * True when {@code status} is the gateway's own: the last stream received the gateway's trailers
   * and closed with that code. False for the client's statuses (its deadline, a cancel, a message
   * over its size limit, an answer it could not parse, a broken connection).
   */
  boolean fromServer(Status status) {
    Stream s = last;
    return s != null && s.trailersReceived && s.closedWith != null && s.closedWith.getCode() == status.getCode();
  }

  private final class Stream extends ClientStreamTracer {
    volatile boolean trailersReceived;
    volatile Status closedWith;

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
      trailersReceived = true;
    }

    @Override
    public void streamClosed(Status status) {
      closedWith = status;
    }
  }
}
