package io.flowport.rest.cloudify.internal;

import io.flowport.core.Operation;
import io.flowport.core.error.ErrorInfo;
import io.flowport.core.error.ErrorKind;
import io.flowport.core.model.DefinitionRef;
import io.flowport.core.model.Group;
import io.flowport.core.model.GroupRequest;
import io.flowport.core.model.Instance;
import io.flowport.core.model.InstanceQuery;
import io.flowport.core.model.Page;
import io.flowport.core.model.StartRequest;
import io.flowport.core.spi.Args;
import io.flowport.core.spi.BackendTraits;
import io.flowport.core.spi.CallContext;
import io.flowport.core.spi.Checks;
import io.flowport.core.spi.EngineBackend;
import io.flowport.core.spi.Secrets;
import io.flowport.rest.OffsetPaging;
import io.flowport.rest.RestFutures;
import io.flowport.rest.cloudify.CloudifyClient;
import io.flowport.rest.cloudify.CloudifyDefinitions;
import io.flowport.rest.cloudify.CloudifyDeleteRequest;
import io.flowport.rest.cloudify.CloudifyGroupRequest;
import io.flowport.rest.cloudify.CloudifyListQuery;
import io.flowport.rest.cloudify.CloudifyStartPolicy;
import io.flowport.rest.cloudify.CloudifyStartRequest;
import io.flowport.rest.cloudify.CloudifyStates;
import java.time.LocalDateTime;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * The unified operations over the manager's executions, one attempt each (see {@link CloudifyWire}).
 *
 * <ul>
 *   <li>A definition is {@code "<deployment_id>:<workflow_id>"} ({@link CloudifyDefinitions}); the
 *       start variables are the workflow parameters, and an instance's variables are its parameters.
 *       An id without a colon names no definition (DefinitionNotFoundException, nothing sent). A
 *       start on a busy deployment follows the client's {@link CloudifyStartPolicy}.
 *   <li>Cloudify has no business keys, message starts, deploy, suspend, variables, messages or
 *       nodes: those fail fast ({@code capabilities()} leaves them out).
 *   <li>retry = the {@code resume} action, which runs a failed or cancelled execution again.
 *   <li>delete = {@code DELETE /executions?id=<id>} for anything created until now; when nothing was
 *       deleted a second request (a get, in the same attempt) tells a missing execution (404) from
 *       one that has not ended (IllegalTransitionException): the manager deletes ended ones only.
 *   <li>groups: the unified group id is the Cloudify <em>deployment group</em> id on start, and the
 *       execution group id everywhere after; the workflow may be given as a unified definition id
 *       ({@code deployment:workflow}), whose workflow part is run on every target.
 * </ul>
 */
public final class CloudifyBackend implements EngineBackend {
  private static final BackendTraits TRAITS = new BackendTraits(true, false);
  private static final String ENGINE = CloudifyClient.ENGINE;
  /** Later than any creation time: the delete's {@code to_datetime} for "whenever it was created". */
  private static final LocalDateTime END_OF_TIME = LocalDateTime.of(9999, 12, 31, 0, 0);

  private static final Set<Operation> CAPABILITIES = Collections.unmodifiableSet(new LinkedHashSet<>(List.of(
      Operation.START_INSTANCE, Operation.GET_INSTANCE, Operation.LIST_INSTANCES, Operation.CANCEL_INSTANCE,
      Operation.RETRY_INSTANCE, Operation.DELETE_INSTANCE, Operation.START_GROUP, Operation.CANCEL_GROUP,
      Operation.SET_GROUP_CONCURRENCY, Operation.SET_GROUP_TARGETS)));

  /** The manager's paging: a page token is the next {@code _offset}. */
  static final OffsetPaging PAGING = OffsetPaging.of("_offset", "_size", "items", "/metadata/pagination/total");

  private final CloudifyWire wire;
  private final CloudifyStartPolicy startPolicy;

  public CloudifyBackend(CloudifyWire wire, CloudifyStartPolicy startPolicy) {
    this.wire = wire;
    this.startPolicy = startPolicy;
  }

  @Override
  public String engine() {
    return ENGINE;
  }

  @Override
  public Set<Operation> capabilities() {
    return CAPABILITIES;
  }

  @Override
  public Secrets secrets() {
    return wire.secrets();
  }

  /** OkHttp's call timeout is the attempt deadline; answers arrive on OkHttp's threads. */
  @Override
  public BackendTraits traits() {
    return TRAITS;
  }

  /** The requests of Cloudify's own operations. */
  public CloudifyWire wire() {
    return wire;
  }

  @Override
  public void close() {
    wire.close();
  }

  @Override
  public CompletableFuture<Instance> start(CallContext ctx, StartRequest request) {
    Operation op = ctx.operation();
    if (request.messageName() != null) {
      return CompletableFuture.failedFuture(Args.invalid(ENGINE, op, "Cloudify starts no executions by message"));
    }
    if (request.businessKey() != null) {
      return CompletableFuture.failedFuture(Args.invalid(ENGINE, op, "Cloudify executions have no business key"));
    }
    DefinitionRef ref = request.definition();
    if (ref.isByKey() || ref.version() != null) {
      return CompletableFuture.failedFuture(Args.invalid(ENGINE, op,
          "a Cloudify definition is \"<deployment_id>:<workflow_id>\", without key or version"));
    }
    if (ref.id().indexOf(':') < 0) {
      // no (deployment, workflow) pair is named so: not found, without asking
      return CompletableFuture.failedFuture(ErrorKind.DEFINITION_NOT_FOUND.toException(new ErrorInfo(ENGINE, op,
          null, null, "no Cloudify definition is named '" + ref.id() + "': definitions are <deployment_id>:<workflow_id>",
          null, false)));
    }
    CloudifyDefinitions.Pair pair;
    try {
      pair = CloudifyDefinitions.parse(ref.id());
    } catch (IllegalArgumentException e) {
      return CompletableFuture.failedFuture(Args.invalid(ENGINE, op, e.getMessage()));
    }
    CloudifyStartRequest.Builder s = CloudifyStartRequest.of(pair.deploymentId(), pair.workflowId())
        .force(startPolicy == CloudifyStartPolicy.FORCE)
        .queue(startPolicy == CloudifyStartPolicy.QUEUE);
    if (!request.variables().isEmpty()) {
      s.parameters(request.variables());
    }
    return wire.startExecution(ctx, s.build(), request.tenantId(), CloudifyJson::instance);
  }

  @Override
  public CompletableFuture<Instance> get(CallContext ctx, String instanceId) {
    return wire.getExecution(ctx, instanceId, List.of(), CloudifyJson::instance);
  }

  @Override
  public CompletableFuture<Page<Instance>> list(CallContext ctx, InstanceQuery query) {
    Operation op = ctx.operation();
    if (query.businessKey() != null) {
      return CompletableFuture.failedFuture(Args.invalid(ENGINE, op, "Cloudify executions have no business key"));
    }
    CloudifyListQuery.Builder q = CloudifyListQuery.builder().size(query.pageSize()).sortAscending("created_at");
    if (query.definitionId() != null) {
      try {
        CloudifyDefinitions.Pair pair = CloudifyDefinitions.parse(query.definitionId());
        q.filter("deployment_id", pair.deploymentId()).filter("workflow_id", pair.workflowId());
      } catch (IllegalArgumentException e) {
        return CompletableFuture.failedFuture(Args.invalid(ENGINE, op, e.getMessage()));
      }
    }
    if (query.state() != null) {
      List<String> raw = CloudifyStates.rawStatuses(query.state());
      if (raw.isEmpty()) {
        return CompletableFuture.failedFuture(Args.invalid(ENGINE, op, "Cloudify has no status for " + query.state()));
      }
      q.filter("status", raw.toArray(String[]::new));
    }
    try {
      long offset = PAGING.offset(Checks.of(ENGINE, op), query.pageToken());
      q.offset((int) Math.min(Integer.MAX_VALUE, offset));
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
    return RestFutures.map(wire.listExecutions(ctx, q.build(), query.tenantId(), CloudifyJson::instance),
        page -> new Page<>(page.items(),
        page.hasNext() ? String.valueOf(page.nextOffset()) : null, page.total()));
  }

  @Override
  public CompletableFuture<Void> cancel(CallContext ctx, String instanceId) {
    return RestFutures.map(wire.executionAction(ctx, instanceId, "cancel"), e -> null);
  }

  @Override
  public CompletableFuture<Void> retry(CallContext ctx, String instanceId) {
    return RestFutures.map(wire.executionAction(ctx, instanceId, "resume"), e -> null);
  }

  @Override
  public CompletableFuture<Void> delete(CallContext ctx, String instanceId, String reason) {
    CloudifyDeleteRequest d = CloudifyDeleteRequest.createdBefore(END_OF_TIME).filter("id", instanceId).build();
    return RestFutures.compose(wire.deleteExecutions(ctx, d), count -> {
      if (count > 0) {
        return CompletableFuture.completedFuture(null);
      }
      // Nothing deleted: missing (the get fails with 404) or not deletable.
      return RestFutures.map(
          wire.getExecution(ctx, instanceId, List.of("id", "status", "workflow_id"), Function.identity()), e -> {
        String why = e.state().isTerminal()
            ? "the manager keeps the last create_deployment_environment of a deployment"
            : "only ended executions can be deleted, this one is " + e.status();
        throw ErrorKind.ILLEGAL_TRANSITION.toException(
            ErrorInfo.answered(ENGINE, ctx.operation(), "200", null, why, null));
      });
    });
  }

  @Override
  public CompletableFuture<Group> startGroup(CallContext ctx, GroupRequest request) {
    // a unified definition id ("deployment:workflow") names its workflow; the group runs it on every target
    String workflow = request.workflowId().substring(request.workflowId().lastIndexOf(':') + 1);
    CloudifyGroupRequest.Builder g = CloudifyGroupRequest.of(request.groupId(), workflow)
        .concurrency(request.concurrency())
        .force(request.force());
    if (!request.parameters().isEmpty()) {
      g.defaultParameters(request.parameters());
    }
    return RestFutures.map(wire.postGroup(ctx, g.build()), CloudifyJson::unified);
  }

  @Override
  public CompletableFuture<Void> cancelGroup(CallContext ctx, String groupId) {
    return RestFutures.map(wire.groupAction(ctx, groupId, "cancel"), g -> null);
  }

  @Override
  public CompletableFuture<Void> setGroupConcurrency(CallContext ctx, String groupId, int concurrency) {
    if (concurrency < 0) {
      return CompletableFuture.failedFuture(Args.invalid(ENGINE, ctx.operation(),
          "concurrency must be >= 0, got " + concurrency));
    }
    return RestFutures.map(wire.patchGroup(ctx, groupId, Map.of("concurrency", concurrency)), g -> null);
  }

  @Override
  public CompletableFuture<Void> setGroupTargets(
      CallContext ctx, String groupId, String successGroupId, String failureGroupId) {
    Map<String, Object> fields = new LinkedHashMap<>();
    if (successGroupId != null) {
      fields.put("success_group_id", successGroupId);
    }
    if (failureGroupId != null) {
      fields.put("failure_group_id", failureGroupId);
    }
    return RestFutures.map(wire.patchGroup(ctx, groupId, fields), g -> null); // none: changes nothing, as the manager
  }
}
