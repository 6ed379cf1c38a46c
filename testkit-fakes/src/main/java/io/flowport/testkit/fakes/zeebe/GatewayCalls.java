package io.flowport.testkit.fakes.zeebe;

import io.flowport.testkit.engine.EngineException;
import io.flowport.testkit.fakes.Fault;
import io.flowport.testkit.fakes.FaultPlan;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.StreamObserver;
import java.net.SocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * How every RPC of the fake gateway runs: take a fault from the plan and show it as gRPC does, or
 * run the RPC (now, or after an injected latency), turning engine failures into statuses through
 * {@link ZeebeStatuses}. Nothing here blocks a gRPC thread.
 */
final class GatewayCalls {
  /** An RPC's work on its call: replies or fails it, now or later; may throw engine or status exceptions. */
  interface Action<T> {
    void run(GatewayCall<T> call);
  }

  /** Kills the connection a call came on; false when it cannot (in-process transport). */
  interface TransportKiller {
    boolean kill(SocketAddress remote);
  }

  private final FaultPlan faults;
  private final ScheduledExecutorService scheduler;
  private final ExecutorService executor;
  private final TransportKiller killer;

  GatewayCalls(FaultPlan faults, ScheduledExecutorService scheduler, ExecutorService executor, TransportKiller killer) {
    this.faults = faults;
    this.scheduler = scheduler;
    this.executor = executor;
    this.killer = killer;
  }

  /** Runs {@code action} for RPC {@code rpc} about {@code key} (null when it names none), unless a fault comes first. */
  <T> void handle(Rpc rpc, String key, StreamObserver<T> observer, Action<T> action) {
    GatewayCall<T> call = new GatewayCall<>(rpc, key, observer);
    Fault fault = faults.take(rpc.method);
    if (fault == null) {
      run(call, action);
      return;
    }
    switch (fault.type()) {
      case BACK_PRESSURE -> call.fail(ZeebeStatuses.status(Status.Code.RESOURCE_EXHAUSTED,
          "Reached maximum capacity of requests handled"));
      case UNAVAILABLE -> call.fail(ZeebeStatuses.status(Status.Code.UNAVAILABLE,
          "Cannot accept requests for partition 1. (fault injected by FakeZeebeGateway)"));
      case LATENCY -> {
        // The request has "reached the broker": it runs after the delay even if the client gave
        // up meanwhile (as a real engine would), only the answer is lost.
        try {
          scheduler.schedule(() -> submit(() -> run(call, action)), fault.delay().toNanos(), TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException e) {
          call.fail(Status.UNAVAILABLE.withDescription("the fake gateway is shutting down").asRuntimeException());
        }
      }
      case RESET -> {
        if (!killer.kill(call.remote)) {
          call.fail(Status.UNAVAILABLE.withDescription("connection reset").asRuntimeException());
        }
      }
      case RESET_AFTER_PROCESSING -> {
        // The engine does the work; where the answer would leave, the connection dies instead.
        call.loseAnswer(() -> {
          if (!killer.kill(call.remote)) {
            call.failLost(Status.UNAVAILABLE.withDescription("connection reset").asRuntimeException());
          }
        });
        run(call, action);
      }
      // Bodies cannot be malformed on gRPC (protobuf framing): the nearest is a broken answer.
      case MALFORMED_BODY -> call.fail(ZeebeStatuses.status(Status.Code.INTERNAL, "{\"garbage\": tru"));
      case HTML_ERROR -> call.fail(ZeebeStatuses.status(Status.Code.INTERNAL,
          "<html><body><h1>502 Bad Gateway</h1></body></html>"));
      case EMPTY_BODY -> call.fail(Status.INTERNAL.asRuntimeException());
      default -> call.fail(Status.INTERNAL.withDescription("unknown fault " + fault).asRuntimeException());
    }
  }

  /** Runs {@code r} on the gateway's executor; dropped when the gateway is closing. */
  void submit(Runnable r) {
    try {
      executor.execute(r);
    } catch (RejectedExecutionException ignored) {
      // closing
    }
  }

  /** The status an unexpected exception of the fake itself is answered with. */
  static StatusRuntimeException unexpected(Throwable e) {
    return ZeebeStatuses.status(Status.Code.INTERNAL, "Unexpected error in the fake gateway: " + e);
  }

  private static <T> void run(GatewayCall<T> call, Action<T> action) {
    try {
      action.run(call);
    } catch (EngineException e) {
      call.fail(ZeebeStatuses.toStatus(call.rpc, call.key, e));
    } catch (StatusRuntimeException e) {
      call.fail(e);
    } catch (RuntimeException e) {
      call.fail(unexpected(e));
    }
  }
}
