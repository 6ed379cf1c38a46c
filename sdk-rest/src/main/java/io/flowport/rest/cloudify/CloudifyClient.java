package io.flowport.rest.cloudify;

import io.flowport.core.ClientOptions;
import io.flowport.core.Operation;
import io.flowport.core.WorkflowClient;
import io.flowport.core.error.WorkflowException;
import io.flowport.core.spi.AdapterClient;
import io.flowport.core.spi.CallExecutor;
import io.flowport.core.spi.Checks;
import io.flowport.rest.RestCalls;
import io.flowport.rest.RestClientBuilder;
import io.flowport.rest.RestTransport;
import io.flowport.rest.cloudify.internal.CloudifyBackend;
import io.flowport.rest.cloudify.internal.CloudifyWire;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * The Cloudify client: the unified {@link WorkflowClient} over the manager's REST API v3.1, and
 * every operation of Cloudify's executions and execution-groups clients ({@link CloudifyOperations}).
 * Both share one executor (retries, timeouts, listeners) and one HTTP transport.
 *
 * <pre>{@code
 * try (CloudifyClient client = CloudifyClient.builder()
 *     .baseUrl("https://manager.example.com/api/v3.1")
 *     .credentials(Credentials.basic("admin", secret))    // or Credentials.header("Authentication-Token", token)
 *     .tenant("default_tenant")
 *     .build()) {
 *   Instance run = client.instances().start(StartRequest.of("web-1:install").build()).join();
 *   CloudifyPage<CloudifyExecution> failed = client.listExecutions(
 *       CloudifyListQuery.builder().filter("status", "failed").sortDescending("created_at").build()).join();
 * }
 * }</pre>
 *
 * A unified definition is {@code "<deployment_id>:<workflow_id>"} ({@link CloudifyDefinitions});
 * retry is Cloudify's resume of a failed or cancelled execution. Thread-safe; share one per manager.
 */
public final class CloudifyClient extends AdapterClient<CloudifyBackend> implements CloudifyOperations {
  /** The engine name. */
  public static final String ENGINE = "cloudify";

  private final String baseUrl;
  private final CloudifyWire wire;

  private CloudifyClient(CloudifyBackend backend, ClientOptions options, String baseUrl) {
    super(backend, options, CloudifyOperations.ALL);
    this.baseUrl = baseUrl;
    this.wire = backend.wire();
  }

  /** {@return the builder} */
  public static Builder builder() {
    return new Builder();
  }

  /** {@return the base URL requests go to} */
  public String baseUrl() {
    return baseUrl;
  }

  // ----------------------------------------------------------------------------- executions

  @Override
  public CompletableFuture<CloudifyPage<CloudifyExecution>> listExecutions(CloudifyListQuery query) {
    return call(LIST_EXECUTIONS, check -> {
      check.nonNull("query", query);
      return ctx -> wire.listExecutions(ctx, query, null, Function.identity());
    });
  }

  @Override
  public CompletableFuture<Void> forEachExecution(CloudifyListQuery query, Consumer<? super CloudifyExecution> action) {
    if (query == null || action == null) {
      return CompletableFuture.failedFuture(Checks.of(ENGINE, LIST_EXECUTIONS).invalid("query and action must not be null"));
    }
    CompletableFuture<Void> done = new CompletableFuture<>();
    walk(query.offset() == null ? 0 : query.offset(), offset -> listExecutions(query.withOffset(offset)),
        page -> page.items().forEach(action), done);
    return done;
  }

  /** Fetches page after page from {@code offset}, handing each to {@code visit}, until the last one. */
  private <T> void walk(int offset, Function<Integer, CompletableFuture<CloudifyPage<T>>> fetch,
      Consumer<CloudifyPage<T>> visit, CompletableFuture<Void> done) {
    CompletableFuture<CloudifyPage<T>> page = fetch.apply(offset);
    done.whenComplete((v, e) -> page.cancel(true)); // a cancelled walk cancels the page in flight
    page.whenComplete((p, e) -> {
      if (e != null) {
        done.completeExceptionally(CallExecutor.unwrap(e));
        return;
      }
      try {
        visit.accept(p);
      } catch (RuntimeException failure) {
        done.completeExceptionally(failure);
        return;
      }
      if (p.hasNext() && !done.isDone()) {
        walk(p.nextOffset(), fetch, visit, done);
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
    return call(GET_EXECUTION, check -> {
      check.id("executionId", executionId);
      List<String> fields = include == null ? List.of() : List.copyOf(include);
      return ctx -> wire.getExecution(ctx, executionId, fields, Function.identity());
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
    return call(op, check -> {
      check.nonNull("request", request);
      check.id("deploymentId", request.deploymentId());
      check.id("workflowId", request.workflowId());
      check.optionalVariables(request.parameters());
      return ctx -> wire.startExecution(ctx, request, null, Function.identity());
    });
  }

  @Override
  public CompletableFuture<CloudifyExecution> cancelExecution(String executionId, CloudifyCancelMode mode) {
    return call(CANCEL_EXECUTION, check -> {
      check.id("executionId", executionId);
      String action = check.nonNull("mode", mode).action();
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
    return call(op, check -> {
      check.id("executionId", executionId);
      return ctx -> wire.executionAction(ctx, executionId, action);
    });
  }

  @Override
  public CompletableFuture<CloudifyExecution> updateExecution(String executionId, String status, String error) {
    return call(UPDATE_EXECUTION, check -> {
      check.id("executionId", executionId);
      check.id("status", status);
      return ctx -> wire.updateExecution(ctx, executionId, status, error);
    });
  }

  @Override
  public CompletableFuture<Integer> deleteExecutions(CloudifyDeleteRequest request) {
    return call(DELETE_EXECUTIONS, check -> {
      check.nonNull("request", request);
      return ctx -> wire.deleteExecutions(ctx, request);
    });
  }

  @Override
  public CompletableFuture<Boolean> shouldStart(String executionId) {
    return call(SHOULD_START, check -> {
      check.id("executionId", executionId);
      return ctx -> wire.shouldStart(ctx, executionId);
    });
  }

  // ------------------------------------------------------------------------ execution groups

  @Override
  public CompletableFuture<CloudifyPage<CloudifyExecutionGroup>> listGroups(CloudifyListQuery query) {
    return call(LIST_GROUPS, check -> {
      check.nonNull("query", query);
      return ctx -> wire.listGroups(ctx, query);
    });
  }

  @Override
  public CompletableFuture<CloudifyExecutionGroup> getGroup(String groupId, List<String> include) {
    return call(GET_GROUP, check -> {
      check.id("groupId", groupId);
      List<String> fields = include == null ? List.of() : List.copyOf(include);
      return ctx -> wire.getGroup(ctx, groupId, fields);
    });
  }

  @Override
  public CompletableFuture<CloudifyExecutionGroup> createGroup(CloudifyGroupRequest request) {
    return call(CREATE_GROUP, check -> {
      checkGroup(check, request);
      if (request.executions() == null || request.executions().isEmpty()) {
        throw check.invalid("creating a group without running it needs its executions");
      }
      check.ids("executions", request.executions());
      return ctx -> wire.postGroup(ctx, request);
    });
  }

  @Override
  public CompletableFuture<CloudifyExecutionGroup> startGroup(CloudifyGroupRequest request) {
    return call(START_GROUP, check -> {
      checkGroup(check, request);
      if (request.executions() != null) {
        throw check.invalid("a started group makes its own executions; createGroup groups existing ones");
      }
      return ctx -> wire.postGroup(ctx, request);
    });
  }

  private static void checkGroup(Checks check, CloudifyGroupRequest request) {
    check.nonNull("request", request);
    check.id("deploymentGroupId", request.deploymentGroupId());
    check.id("workflowId", request.workflowId());
    check.optionalVariables(request.defaultParameters());
    if (request.parameters() != null) {
      request.parameters().values().forEach(check::variables);
    }
  }

  @Override
  public CompletableFuture<CloudifyExecutionGroup> cancelGroup(String groupId, CloudifyCancelMode mode) {
    return call(CANCEL_GROUP, check -> {
      check.id("groupId", groupId);
      String action = check.nonNull("mode", mode).action();
      return ctx -> wire.groupAction(ctx, groupId, action);
    });
  }

  @Override
  public CompletableFuture<CloudifyExecutionGroup> resumeGroup(String groupId, boolean force) {
    return call(RESUME_GROUP, check -> {
      check.id("groupId", groupId);
      return ctx -> wire.groupAction(ctx, groupId, force ? "force-resume" : "resume");
    });
  }

  @Override
  public CompletableFuture<CloudifyExecutionGroup> setGroupConcurrency(String groupId, int concurrency) {
    return call(SET_GROUP_CONCURRENCY, check -> {
      check.id("groupId", groupId);
      check.atLeast("concurrency", concurrency, 0);
      return ctx -> wire.patchGroup(ctx, groupId, Map.of("concurrency", concurrency));
    });
  }

  @Override
  public CompletableFuture<CloudifyExecutionGroup> setGroupTargets(
      String groupId, String successGroupId, String failureGroupId) {
    return call(SET_GROUP_TARGETS, check -> {
      check.id("groupId", groupId);
      Map<String, Object> fields = new LinkedHashMap<>();
      if (successGroupId != null) {
        fields.put("success_group_id", check.id("successGroupId", successGroupId));
      }
      if (failureGroupId != null) {
        fields.put("failure_group_id", check.id("failureGroupId", failureGroupId));
      }
      return ctx -> wire.patchGroup(ctx, groupId, fields); // neither: changes nothing, as the manager
    });
  }

  @Override
  public CompletableFuture<List<CloudifyExecutionGroup>> dumpGroups(List<String> groupIds) {
    List<String> wanted = groupIds == null ? List.of() : List.copyOf(groupIds);
    List<CloudifyExecutionGroup> out = new ArrayList<>();
    CompletableFuture<Void> walked = new CompletableFuture<>();
    walk(0, offset -> call(DUMP_GROUPS, check -> ctx -> wire.dumpGroups(ctx, offset)),
        page -> page.items().stream().filter(g -> wanted.isEmpty() || wanted.contains(g.id())).forEach(out::add),
        walked);
    return walked.thenApply(v -> List.copyOf(out));
  }

  @Override
  public String toString() {
    return "CloudifyClient{" + baseUrl + "}";
  }

  /** Builds a {@link CloudifyClient}: base URL, credentials, options and transport as every REST client, and the tenant. */
  public static final class Builder extends RestClientBuilder<Builder, CloudifyClient> {
    private String tenant;
    private CloudifyStartPolicy startPolicy = CloudifyStartPolicy.FAIL;

    private Builder() {
      super(ENGINE);
    }

    /**
     * {@return the {@code Tenant} header sent on every request (a unified start or list naming a tenant overrides it)}
     *
     * @param value the value
     */
    public Builder tenant(String value) {
      this.tenant = value;
      return this;
    }

    /**
     * {@return what a unified start does on a deployment that already runs an execution; {@link CloudifyStartPolicy#FAIL}
     * (the manager's default) unless set}
     *
     * @param value the value
     */
    public Builder startPolicy(CloudifyStartPolicy value) {
      this.startPolicy = java.util.Objects.requireNonNull(value, "startPolicy == null");
      return this;
    }

    @Override
    protected void adapterTransport(RestTransport.Builder transport) {
      if (tenant != null) {
        transport.defaultHeader("Tenant", tenant);
      }
    }

    @Override
    protected CloudifyClient create(RestTransport transport, ClientOptions options) {
      CloudifyBackend backend = new CloudifyBackend(
          new CloudifyWire(new RestCalls(transport, CloudifyErrors.READER)), startPolicy);
      return new CloudifyClient(backend, options, transport.baseUrl());
    }
  }
}
