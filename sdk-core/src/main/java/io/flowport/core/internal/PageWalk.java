package io.flowport.core.internal;

import io.flowport.core.ClientOptions;
import io.flowport.core.model.Instance;
import io.flowport.core.model.InstanceQuery;
import io.flowport.core.model.Page;
import io.flowport.core.spi.CallExecutor;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * {@code forEach} over every page of a query: one page in flight at a time, the action run on the
 * callback executor when the user set one, the walk stopped at the first failure (of a page or of
 * the action). Cancelling the result cancels the page in flight; failures arrive unwrapped.
 */
final class PageWalk {
  private final Function<InstanceQuery, CompletableFuture<Page<Instance>>> list;
  private final Consumer<? super Instance> action;
  private final ClientOptions options;
  private final CompletableFuture<Void> done = new CompletableFuture<>();
  private final AtomicReference<CompletableFuture<?>> inFlight = new AtomicReference<>();

  private PageWalk(Function<InstanceQuery, CompletableFuture<Page<Instance>>> list,
      Consumer<? super Instance> action, ClientOptions options) {
    this.list = list;
    this.action = action;
    this.options = options;
  }

  static CompletableFuture<Void> run(Function<InstanceQuery, CompletableFuture<Page<Instance>>> list,
      InstanceQuery query, Consumer<? super Instance> action, ClientOptions options) {
    PageWalk walk = new PageWalk(list, action, options);
    walk.done.whenComplete((v, e) -> {
      CompletableFuture<?> page = walk.inFlight.get();
      if (e != null && page != null) {
        page.cancel(true);
      }
    });
    walk.next(query);
    return walk.done;
  }

  private void next(InstanceQuery query) {
    CompletableFuture<Page<Instance>> page = list.apply(query);
    inFlight.set(page);
    if (done.isDone()) {
      page.cancel(true);
      return;
    }
    BiConsumer<Page<Instance>, Throwable> onPage = (p, e) -> {
      if (e != null) {
        done.completeExceptionally(CallExecutor.unwrap(e));
        return;
      }
      try {
        for (Instance item : p.items()) {
          if (done.isDone()) {
            return;
          }
          action.accept(item);
        }
      } catch (RuntimeException | Error actionFailed) {
        done.completeExceptionally(actionFailed);
        return;
      }
      if (p.hasNext()) {
        next(query.next(p));
      } else {
        done.complete(null);
      }
    };
    // The action runs on the callback executor when the user set one, even if the page
    // arrived before we got here.
    if (options.hasCallbackExecutor()) {
      page.whenCompleteAsync(onPage, options.callbackExecutor());
    } else {
      page.whenComplete(onPage);
    }
  }
}
