package io.flowport.grpc.zeebe.internal;

import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientCall;
import io.grpc.ForwardingClientCall;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import java.util.Map;

/**
 * Puts an attempt's extra headers ({@link io.flowport.core.spi.CallContext#headers()}, e.g. W3C
 * trace context from a listener) into the gRPC metadata of its call. The names arrive lower-case
 * and checked by {@link io.flowport.core.CallListener.AttemptStart#header}; call credentials add
 * theirs afterwards.
 */
final class WireMetadata {
  private WireMetadata() {}

  /** A new call on {@code channel} that sends {@code headers} with its own metadata. */
  static <Q, R> ClientCall<Q, R> newCall(
      Channel channel, MethodDescriptor<Q, R> method, CallOptions options, Map<String, String> headers) {
    ClientCall<Q, R> call = channel.newCall(method, options);
    if (headers.isEmpty()) {
      return call;
    }
    return new ForwardingClientCall.SimpleForwardingClientCall<>(call) {
      @Override
      public void start(Listener<R> listener, Metadata metadata) {
        headers.forEach((name, value) -> metadata.put(Metadata.Key.of(name, Metadata.ASCII_STRING_MARSHALLER), value));
        super.start(listener, metadata);
      }
    };
  }
}
