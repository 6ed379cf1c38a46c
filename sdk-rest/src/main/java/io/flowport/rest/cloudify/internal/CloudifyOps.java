package io.flowport.rest.cloudify.internal;

import io.flowport.core.Operation;
import io.flowport.core.error.WorkflowException;
import io.flowport.core.spi.Args;
import io.flowport.core.spi.CallContext;
import io.flowport.core.spi.CallExecutor;
import io.flowport.core.spi.JsonValues;
import io.flowport.rest.cloudify.CloudifyCancelMode;
import io.flowport.rest.cloudify.CloudifyClient;
import io.flowport.rest.cloudify.CloudifyDeleteRequest;
import io.flowport.rest.cloudify.CloudifyExecution;
import io.flowport.rest.cloudify.CloudifyExecutionGroup;
import io.flowport.rest.cloudify.CloudifyGroupRequest;
import io.flowport.rest.cloudify.CloudifyListQuery;
import io.flowport.rest.cloudify.CloudifyOperations;
import io.flowport.rest.cloudify.CloudifyPage;
import io.flowport.rest.cloudify.CloudifyStartRequest;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Cloudify's own operations: arguments checked before the wire, then one call through the shared
 * {@link CallExecutor} (retries, timeouts, listeners), never throwing.
 */
public final class CloudifyOps implements CloudifyOperations {
  private static final String ENGINE = CloudifyClient.ENGINE;

  private final CloudifyWire wire;
  private final CallExecutor executor;

  public CloudifyOps(CloudifyWire wire, CallExecutor executor) {
    this.wire = wire;
    this.executor = executor;
  }

  /** Runs the checks of {@code prepare}, then its attempt through the executor; never throws. */
  private <T> CompletableFuture<T> call(Operation op, Supplier<Function<CallContext, CompletableFuture<T>>> prepare) {
    Function<CallContext, CompletableFuture<T>> attempt;
    try {
      attempt = prepare.get();
    } catch (WorkflowException e) {
      return CompletableFuture.failedFuture(e);
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(Args.invalid(ENGINE, op, "invalid arguments: " + e.getMessage()));
    }
    return executor.execute(op, false, attempt);
  }

  private static String id(Operation op, String what, String value) {
    return Args.requireId(ENGINE, op, what, value);
  }

  private static <T> T required(Operation op, String what, T value) {
    return Args.requireNonNull(ENGINE, op, what, value);
  }

  // ----------------------------------------------------------------------------- executions

  @Override
  public CompletableFuture<CloudifyPage<CloudifyExecution>> listExecutions(CloudifyListQuery query) {
    Operation op = LIST_EXECUTIONS;
    return call(op, () -> {
      required(op, "query", query);
      return ctx -> wire.listExecutions(ctx, query, null);
    });
  }

  @Override
  public CompletableFuture<Void> forEachExecution(CloudifyListQuery query, Consumer<? super CloudifyExecution> action) {
    if (query == null || action == null) {
      return CompletableFuture.failedFuture(Args.invalid(ENGINE, LIST_EXECUTIONS, "query and action must not be null"));
    }
    CompletableFuture<Void> done = new CompletableFuture<>();
    visit(query, action, done);
    return done;
  }

  private void visit(CloudifyListQuery query, Consumer<? super CloudifyExecution> action, CompletableFuture<Void> done) {
    CompletableFuture<CloudifyPage<CloudifyExecution>> page = listExecutions(query);
    done.whenComplete((v, e) -> page.cancel(true)); // a cancelled walk cancels the page in flight
    page.whenComplete((p, e) -> {
      if (e != null) {
        done.completeExceptionally(CallExecutor.unwrap(e));
        return;
      }
      try {
        p.items().forEach(action);
      } catch (RuntimeException failure) {
        done.completeExceptionally(failure);
        return;
      }
      if (p.hasNext() && !done.isDone()) {
        visit(query.withOffset(p.nextOffset()), action, done);
      } else {
        done.complete(null);
      }
    });
  }

  @Override
  public Stream<CloudifyExecution> streamExecutions(CloudifyListQuery query) {
    Iterator<CloudifyExecution> pages = new Iterator<>() {
      private CloudifyListQuery next = query;
      private Iterator<CloudifyExecution> current = List.<CloudifyExecution>of().iterator();

      @Override
      public boolean hasNext() {
        while (!current.hasNext() && next != null) {
          CloudifyPage<CloudifyExecution> page;
          try {
            page = listExecutions(next).join();
          } catch (CompletionException e) {
            Throwable cause = CallExecutor.unwrap(e);
            throw cause instanceof WorkflowException we ? we.rethrownHere() : e;
          }
          current = page.items().iterator();
          next = page.hasNext() ? next.withOffset(page.nextOffset()) : null;
        }
        return current.hasNext();
      }

      @Override
      public CloudifyExecution next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        return current.next();
      }
    };
    return StreamSupport.stream(Spliterators.spliteratorUnknownSize(pages, Spliterator.ORDERED | Spliterator.NONNULL),
        false);
  }

  @Override
  public CompletableFuture<CloudifyExecution> getExecution(String executionId, List<String> include) {
    Operation op = GET_EXECUTION;
    return call(op, () -> {
      id(op, "executionId", executionId);
      List<String> fields = include == null ? List.of() : List.copyOf(include);
      return ctx -> wire.getExecution(ctx, executionId, fields);
    });
  }

  @Override
  public CompletableFuture<CloudifyExecution> startExecution(CloudifyStartRequest request) {
    return start(START_EXECUTION, request);
  }

  @Override
  public CompletableFuture<CloudifyExecution> createExecution(CloudifyStartRequest request) {
    return start(CREATE_EXECUTION, request);
  }

  private CompletableFuture<CloudifyExecution> start(Operation op, CloudifyStartRequest request) {
    return call(op, () -> {
      required(op, "request", request);
      id(op, "deploymentId", request.deploymentId());
      id(op, "workflowId", request.workflowId());
      if (request.parameters() != null) {
        JsonValues.checkVariables(ENGINE, op, request.parameters());
      }
      return ctx -> wire.startExecution(ctx, request, null);
    });
  }

  @Override
  public CompletableFuture<CloudifyExecution> cancelExecution(String executionId, CloudifyCancelMode mode) {
    Operation op = CANCEL_EXECUTION;
    return call(op, () -> {
      id(op, "executionId", executionId);
      String action = required(op, "mode", mode).action();
      return ctx -> wire.executionAction(ctx, executionId, action);
    });
  }

  @Override
  public CompletableFuture<CloudifyExecution> resumeExecution(String executionId, boolean force) {
    return action(RESUME_EXECUTION, executionId, force ? "force-resume" : "resume");
  }

  @Override
  public CompletableFuture<CloudifyExecution> requeueExecution(String executionId) {
    return action(REQUEUE_EXECUTION, executionId, "requeue");
  }

  private CompletableFuture<CloudifyExecution> action(Operation op, String executionId, String action) {
    return call(op, () -> {
      id(op, "executionId", executionId);
      return ctx -> wire.executionAction(ctx, executionId, action);
    });
  }

  @Override
  public CompletableFuture<CloudifyExecution> updateExecution(String executionId, String status, String error) {
    Operation op = UPDATE_EXECUTION;
    return call(op, () -> {
      id(op, "executionId", executionId);
      id(op, "status", status);
      return ctx -> wire.updateExecution(ctx, executionId, status, error);
    });
  }

  @Override
  public CompletableFuture<Integer> deleteExecutions(CloudifyDeleteRequest request) {
    Operation op = DELETE_EXECUTIONS;
    return call(op, () -> {
      required(op, "request", request);
      return ctx -> wire.deleteExecutions(ctx, request);
    });
  }

  @Override
  public CompletableFuture<Boolean> shouldStart(String executionId) {
    Operation op = SHOULD_START;
    return call(op, () -> {
      id(op, "executionId", executionId);
      return ctx -> wire.shouldStart(ctx, executionId);
    });
  }

  // ------------------------------------------------------------------------ execution groups

  @Override
  public CompletableFuture<CloudifyPage<CloudifyExecutionGroup>> listGroups(CloudifyListQuery query) {
    Operation op = LIST_GROUPS;
    return call(op, () -> {
      required(op, "query", query);
      return ctx -> wire.listGroups(ctx, query);
    });
  }

  @Override
  public CompletableFuture<CloudifyExecutionGroup> getGroup(String groupId, List<String> include) {
    Operation op = GET_GROUP;
    return call(op, () -> {
      id(op, "groupId", groupId);
      List<String> fields = include == null ? List.of() : List.copyOf(include);
      return ctx -> wire.getGroup(ctx, groupId, fields);
    });
  }

  @Override
  public CompletableFuture<CloudifyExecutionGroup> createGroup(CloudifyGroupRequest request) {
    Operation op = CREATE_GROUP;
    return call(op, () -> {
      checkGroup(op, request);
      if (request.executions() == null || request.executions().isEmpty()) {
        throw Args.invalid(ENGINE, op, "creating a group without running it needs its executions");
      }
      request.executions().forEach(e -> id(op, "execution id", e));
      return ctx -> wire.postGroup(ctx, request);
    });
  }

  @Override
  public CompletableFuture<CloudifyExecutionGroup> startGroup(CloudifyGroupRequest request) {
    Operation op = START_GROUP;
    return call(op, () -> {
      checkGroup(op, request);
      if (request.executions() != null) {
        throw Args.invalid(ENGINE, op, "a started group makes its own executions; use createGroup to group existing ones");
      }
      return ctx -> wire.postGroup(ctx, request);
    });
  }

  private static void checkGroup(Operation op, CloudifyGroupRequest request) {
    required(op, "request", request);
    id(op, "deploymentGroupId", request.deploymentGroupId());
    id(op, "workflowId", request.workflowId());
    if (request.defaultParameters() != null) {
      JsonValues.checkVariables(ENGINE, op, request.defaultParameters());
    }
    if (request.parameters() != null) {
      for (Map<String, Object> p : request.parameters().values()) {
        JsonValues.checkVariables(ENGINE, op, p);
      }
    }
  }

  @Override
  public CompletableFuture<CloudifyExecutionGroup> cancelGroup(String groupId, CloudifyCancelMode mode) {
    Operation op = CANCEL_GROUP;
    return call(op, () -> {
      id(op, "groupId", groupId);
      String action = required(op, "mode", mode).action();
      return ctx -> wire.groupAction(ctx, groupId, action);
    });
  }

  @Override
  public CompletableFuture<CloudifyExecutionGroup> resumeGroup(String groupId, boolean force) {
    Operation op = RESUME_GROUP;
    return call(op, () -> {
      id(op, "groupId", groupId);
      return ctx -> wire.groupAction(ctx, groupId, force ? "force-resume" : "resume");
    });
  }

  @Override
  public CompletableFuture<CloudifyExecutionGroup> setGroupConcurrency(String groupId, int concurrency) {
    Operation op = SET_GROUP_CONCURRENCY;
    return call(op, () -> {
      id(op, "groupId", groupId);
      if (concurrency < 0) {
        throw Args.invalid(ENGINE, op, "concurrency must be >= 0, got " + concurrency);
      }
      return ctx -> wire.patchGroup(ctx, groupId, Map.of("concurrency", concurrency));
    });
  }

  @Override
  public CompletableFuture<CloudifyExecutionGroup> setGroupTargets(
      String groupId, String successGroupId, String failureGroupId) {
    Operation op = SET_GROUP_TARGETS;
    return call(op, () -> {
      id(op, "groupId", groupId);
      Map<String, Object> fields = new java.util.LinkedHashMap<>();
      if (successGroupId != null) {
        fields.put("success_group_id", id(op, "successGroupId", successGroupId));
      }
      if (failureGroupId != null) {
        fields.put("failure_group_id", id(op, "failureGroupId", failureGroupId));
      }
      if (fields.isEmpty()) {
        throw Args.invalid(ENGINE, op, "name a success group, a failure group or both");
      }
      return ctx -> wire.patchGroup(ctx, groupId, fields);
    });
  }

  @Override
  public CompletableFuture<List<CloudifyExecutionGroup>> dumpGroups(List<String> groupIds) {
    List<String> wanted = groupIds == null ? List.of() : List.copyOf(groupIds);
    List<CloudifyExecutionGroup> out = new ArrayList<>();
    CompletableFuture<List<CloudifyExecutionGroup>> done = new CompletableFuture<>();
    dumpFrom(0, wanted, out, done);
    return done;
  }

  private void dumpFrom(int offset, List<String> wanted, List<CloudifyExecutionGroup> out,
      CompletableFuture<List<CloudifyExecutionGroup>> done) {
    CompletableFuture<CloudifyPage<CloudifyExecutionGroup>> page =
        executor.execute(DUMP_GROUPS, false, ctx -> wire.dumpGroups(ctx, offset));
    done.whenComplete((v, e) -> page.cancel(true));
    page.whenComplete((p, e) -> {
      if (e != null) {
        done.completeExceptionally(CallExecutor.unwrap(e));
        return;
      }
      for (CloudifyExecutionGroup g : p.items()) {
        if (wanted.isEmpty() || wanted.contains(g.id())) {
          out.add(g);
        }
      }
      if (p.hasNext() && !done.isDone()) {
        dumpFrom(p.nextOffset(), wanted, out, done);
      } else {
        done.complete(List.copyOf(out));
      }
    });
  }
}
