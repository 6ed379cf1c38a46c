package io.flowport.rest;

import io.flowport.core.spi.CallExecutor;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/**
 * Chaining for calls made of several requests (deploy, then list what was deployed) where
 * cancelling the result must cancel the request in flight, which {@code thenApply} and
 * {@code thenCompose} do not do. Errors are unwrapped from CompletionException.
 */
public final class RestFutures {
  private RestFutures() {}

  /**
   * {@code fn} applied to {@code source}'s value; cancelling the result cancels {@code source}.
   *
   * @param <A> the type of the a
   * @param <B> the type of the b
   * @param source the source
   * @param fn the fn
   * @return a future of the result, or failed with a WorkflowException
   */
  public static <A, B> CompletableFuture<B> map(CompletableFuture<A> source, Function<? super A, ? extends B> fn) {
    CompletableFuture<B> result = new CompletableFuture<>();
    result.whenComplete((v, e) -> {
      if (result.isCancelled()) {
        source.cancel(true);
      }
    });
    source.whenComplete((a, e) -> {
      if (e != null) {
        result.completeExceptionally(CallExecutor.unwrap(e));
        return;
      }
      try {
        result.complete(fn.apply(a));
      } catch (RuntimeException | Error t) {
        result.completeExceptionally(t);
      }
    });
    return result;
  }

  /**
   * {@return the future {@code next} makes from {@code first}'s value; cancelling the result cancels
   * whichever of the two is in flight}
   *
   * @param <A> the type of the a
   * @param <B> the type of the b
   * @param first the first
   * @param next the next
   */
  public static <A, B> CompletableFuture<B> compose(
      CompletableFuture<A> first, Function<? super A, ? extends CompletableFuture<B>> next) {
    CompletableFuture<B> result = new CompletableFuture<>();
    AtomicReference<CompletableFuture<?>> current = new AtomicReference<>(first);
    result.whenComplete((v, e) -> {
      if (result.isCancelled()) {
        current.get().cancel(true);
      }
    });
    first.whenComplete((a, e) -> {
      if (e != null) {
        result.completeExceptionally(CallExecutor.unwrap(e));
        return;
      }
      if (result.isDone()) {
        return;
      }
      CompletableFuture<B> second;
      try {
        second = next.apply(a);
      } catch (RuntimeException | Error t) {
        result.completeExceptionally(t);
        return;
      }
      current.set(second);
      if (result.isCancelled()) {
        second.cancel(true);
        return;
      }
      second.whenComplete((b, e2) -> {
        if (e2 != null) {
          result.completeExceptionally(CallExecutor.unwrap(e2));
        } else {
          result.complete(b);
        }
      });
    });
    return result;
  }
}
