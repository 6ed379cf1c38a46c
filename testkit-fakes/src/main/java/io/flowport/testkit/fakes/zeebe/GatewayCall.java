package io.flowport.testkit.fakes.zeebe;

import io.grpc.StatusRuntimeException;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;
import java.net.SocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One server call: replies at most once (or, for a server stream, {@link #push}es until it ends),
 * and tells registered hooks when the client cancels.
 */
final class GatewayCall<T> {
  final Rpc rpc;
  final String key;
  final SocketAddress remote;
  private final ServerCallStreamObserver<T> observer;
  private final AtomicBoolean done = new AtomicBoolean();
  private final List<Runnable> cancelHooks = new ArrayList<>();
  private boolean cancelled;
  /** When set, what happens instead of the answer (RESET_AFTER_PROCESSING). */
  private volatile Runnable answerLost;

  GatewayCall(Rpc rpc, String key, StreamObserver<T> observer) {
    this.rpc = rpc;
    this.key = key;
    this.remote = FakeZeebeGateway.REMOTE_ADDRESS.get();
    this.observer = (ServerCallStreamObserver<T>) observer;
    this.observer.setOnCancelHandler(this::cancelled);
  }

  private void cancelled() {
    List<Runnable> hooks;
    synchronized (this) {
      cancelled = true;
      hooks = new ArrayList<>(cancelHooks);
      cancelHooks.clear();
    }
    hooks.forEach(Runnable::run);
  }

  /** Runs {@code hook} when the client cancels (at once if it already has). */
  void onCancel(Runnable hook) {
    boolean now;
    synchronized (this) {
      now = cancelled;
      if (!now) {
        cancelHooks.add(hook);
      }
    }
    if (now) {
      hook.run();
    }
  }

  boolean isDone() {
    return done.get();
  }

  /** The answer (reply or failure) is not sent: {@code instead} runs where it would have been. */
  void loseAnswer(Runnable instead) {
    this.answerLost = instead;
  }

  /** Fails the call although its answer was to be lost (when the connection cannot be killed). */
  void failLost(StatusRuntimeException e) {
    try {
      observer.onError(e);
    } catch (RuntimeException ignored) {
      // the client went away
    }
  }

  /** Whether the client can take another streamed message now (gRPC flow control). */
  boolean isReady() {
    return !done.get() && observer.isReady();
  }

  /** Runs {@code hook} whenever the client can take more after {@link #isReady()} said no. */
  void onReady(Runnable hook) {
    try {
      observer.setOnReadyHandler(hook);
    } catch (IllegalStateException tooLate) {
      // only settable while the RPC method runs (not after an injected latency): the caller's tick serves instead
    }
  }

  /** Streams one message without ending the call; false when the call is over or the client went away. */
  boolean push(T value) {
    if (done.get()) {
      return false;
    }
    try {
      synchronized (this) {
        observer.onNext(value); // StreamObserver is not thread-safe: one push at a time
      }
      return true;
    } catch (RuntimeException e) {
      return false;
    }
  }

  void reply(T value) {
    if (done.compareAndSet(false, true)) {
      Runnable lost = answerLost;
      if (lost != null) {
        lost.run();
        return;
      }
      try {
        if (value != null) {
          observer.onNext(value);
        }
        observer.onCompleted();
      } catch (RuntimeException ignored) {
        // the client went away: a real gateway drops the answer too
      }
    }
  }

  void fail(StatusRuntimeException e) {
    if (done.compareAndSet(false, true)) {
      Runnable lost = answerLost;
      if (lost != null) {
        lost.run();
        return;
      }
      try {
        observer.onError(e);
      } catch (RuntimeException ignored) {
        // the client went away
      }
    }
  }
}
