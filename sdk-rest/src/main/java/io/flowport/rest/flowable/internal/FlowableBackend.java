package io.flowport.rest.flowable.internal;

import io.flowport.core.Operation;
import io.flowport.core.model.DeployRequest;
import io.flowport.core.model.Deployment;
import io.flowport.core.model.Instance;
import io.flowport.core.model.InstanceQuery;
import io.flowport.core.model.MessageReceipt;
import io.flowport.core.model.MessageRequest;
import io.flowport.core.model.Page;
import io.flowport.core.model.StartRequest;
import io.flowport.core.spi.BackendTraits;
import io.flowport.core.spi.CallContext;
import io.flowport.core.spi.EngineBackend;
import io.flowport.core.spi.Secrets;
import io.flowport.rest.RestCalls;
import io.flowport.rest.RestTransport;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * The wire side of the Flowable adapter over {@link RestCalls}: the unified operations, and the
 * parts that hold them and Flowable's own ({@link #deployments()}, {@link #instances()},
 * {@link #variables()}, {@link #messages()}, {@link #tasks()}). Paths are relative to the
 * configured base URL ({@code .../process-api} or {@code .../flowable-rest/service}); error answers
 * are read with {@link io.flowport.rest.flowable.FlowableErrors#READER}.
 *
 * <p>Choices where Flowable differs from the unified model: unified definition id = Flowable
 * process definition <em>key</em>; unified key = Flowable process definition <em>id</em>
 * ({@code key:version:n}). Ended instances are read from history (COMPLETED, or CANCELLED when
 * they carry a delete reason). list lists the runtime: RUNNING and SUSPENDED (or no state).
 *
 * <h3>Operations made of several requests in one attempt</h3>
 * Each runs under the one attempt's deadline and is retried (when it may be) as a whole.
 * <ul>
 *   <li>deploy: two per resource (the deployment, then its definitions);
 *   <li>start by definition id and version: the definition lookup, then the start;
 *   <li>get, get variables, get variable: the runtime, then history on a 404;
 *   <li>publish: the business-key lookup, an execution lookup per candidate instance, then the
 *       delivery or a message start (see {@link FlowableMessages});
 *   <li>message instance, complete task: a lookup, then the action.
 * </ul>
 * Every other operation is one request.
 */
public final class FlowableBackend implements EngineBackend {
  public static final String ENGINE = "flowable";

  /**
   * OkHttp's call timeout is the attempt deadline; answers arrive on OkHttp's dispatcher threads,
   * which user callbacks must not hold.
   */
  private static final BackendTraits TRAITS = new BackendTraits(true, false);

  /** Exactly what this backend implements (core adds start-and-await by polling). */
  private static final Set<Operation> CAPABILITIES = Collections.unmodifiableSet(new LinkedHashSet<>(List.of(
      Operation.DEPLOY, Operation.START_INSTANCE, Operation.GET_INSTANCE, Operation.LIST_INSTANCES,
      Operation.CANCEL_INSTANCE, Operation.SUSPEND_INSTANCE, Operation.RESUME_INSTANCE, Operation.DELETE_INSTANCE,
      Operation.GET_VARIABLES, Operation.GET_VARIABLE, Operation.CREATE_VARIABLES, Operation.UPSERT_VARIABLES,
      Operation.PUBLISH_MESSAGE)));

  private final RestCalls http;
  private final FlowableDeployments deployments;
  private final FlowableInstances instances;
  private final FlowableVariables variables;
  private final FlowableMessages messages;
  private final FlowableTasks tasks;

  public FlowableBackend(RestCalls http) {
    this.http = http;
    this.deployments = new FlowableDeployments(http);
    this.instances = new FlowableInstances(http, deployments);
    this.variables = new FlowableVariables(http);
    this.messages = new FlowableMessages(http);
    this.tasks = new FlowableTasks(http);
  }

  public RestTransport transport() {
    return http.transport();
  }

  public FlowableDeployments deployments() {
    return deployments;
  }

  public FlowableInstances instances() {
    return instances;
  }

  public FlowableVariables variables() {
    return variables;
  }

  public FlowableMessages messages() {
    return messages;
  }

  public FlowableTasks tasks() {
    return tasks;
  }

  @Override
  public String engine() {
    return ENGINE;
  }

  @Override
  public Secrets secrets() {
    return http.transport().secrets();
  }

  @Override
  public BackendTraits traits() {
    return TRAITS;
  }

  @Override
  public Set<Operation> capabilities() {
    return CAPABILITIES;
  }

  @Override
  public void close() {
    http.close();
  }

  @Override
  public CompletableFuture<Deployment> deploy(CallContext ctx, DeployRequest request) {
    return deployments.deploy(ctx, request);
  }

  @Override
  public CompletableFuture<Instance> start(CallContext ctx, StartRequest request) {
    return instances.start(ctx, request, null, false);
  }

  @Override
  public CompletableFuture<Instance> get(CallContext ctx, String instanceId) {
    return instances.get(ctx, instanceId);
  }

  @Override
  public CompletableFuture<Page<Instance>> list(CallContext ctx, InstanceQuery query) {
    return instances.list(ctx, query);
  }

  @Override
  public CompletableFuture<Void> cancel(CallContext ctx, String instanceId) {
    return instances.cancel(ctx, instanceId);
  }

  @Override
  public CompletableFuture<Void> delete(CallContext ctx, String instanceId, String reason) {
    return instances.delete(ctx, instanceId, reason);
  }

  @Override
  public CompletableFuture<Void> suspend(CallContext ctx, String instanceId) {
    return instances.action(ctx, instanceId, "suspend");
  }

  @Override
  public CompletableFuture<Void> resume(CallContext ctx, String instanceId) {
    return instances.action(ctx, instanceId, "activate");
  }

  @Override
  public CompletableFuture<Map<String, Object>> getVariables(CallContext ctx, String instanceId) {
    return variables.values(ctx, instanceId);
  }

  @Override
  public CompletableFuture<Object> getVariable(CallContext ctx, String instanceId, String name) {
    return variables.value(ctx, instanceId, name);
  }

  @Override
  public CompletableFuture<Void> createVariables(CallContext ctx, String instanceId, Map<String, Object> vars) {
    return variables.create(ctx, instanceId, vars);
  }

  @Override
  public CompletableFuture<Void> upsertVariables(CallContext ctx, String instanceId, Map<String, Object> vars) {
    return variables.upsert(ctx, instanceId, vars);
  }

  @Override
  public CompletableFuture<MessageReceipt> publish(CallContext ctx, MessageRequest request) {
    return messages.publish(ctx, request);
  }
}
