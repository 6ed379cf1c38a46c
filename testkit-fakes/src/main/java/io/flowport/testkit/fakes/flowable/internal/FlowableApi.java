package io.flowport.testkit.fakes.flowable.internal;

import io.flowport.testkit.engine.InMemoryEngine;
import io.flowport.testkit.fakes.http.FakeResponse;
import io.flowport.testkit.fakes.rest.RestApi;
import io.flowport.testkit.fakes.rest.RestAuth;
import io.flowport.testkit.fakes.rest.RestRoutes;
import java.util.function.Supplier;

/**
 * Flowable 7.2.0's process REST API ({@code flowable-spring-boot-starter-process-rest}) on an
 * {@link InMemoryEngine}, as a route table over one class per resource. Status codes and error
 * bodies follow what the real engine answered (see {@code shared/reference/real-engines.md} B); where
 * no observation exists, Flowable's source wording is used. Not API: use {@code FakeFlowableServer}.
 *
 * <p>Ids: instance id = engine instance id; process definition id = {@code key:version:<engine
 * definition key>}; deployment id = engine deployment key; task id = engine job key; execution id =
 * instance id (Flowable has a child execution per waiting activity; the fake lets the process instance
 * execution stand for all of them).
 */
public final class FlowableApi {
  private static final String INSTANCE = "/runtime/process-instances/{id}";

  private final String user;
  private final String password;
  private final DeploymentResource deployments;
  private final DefinitionResource definitions;
  private final ProcessInstanceResource instances;
  private final VariableResource variables;
  private final IdentityLinkResource identityLinks;
  private final ExecutionResource executions;
  private final TaskResource tasks;
  private final HistoryResource history;

  /** The API on {@code engine}; links in bodies start with {@code baseUrl}; {@code user} null for no auth. */
  public FlowableApi(InMemoryEngine engine, Supplier<String> baseUrl, String user, String password) {
    this.user = user;
    this.password = password;
    FlowableState state = new FlowableState(engine, user);
    FlowableBodies bodies = new FlowableBodies(state, baseUrl);
    this.deployments = new DeploymentResource(state, bodies);
    this.definitions = new DefinitionResource(state, bodies);
    this.instances = new ProcessInstanceResource(state, bodies);
    this.variables = new VariableResource(state, bodies.binaries());
    this.identityLinks = new IdentityLinkResource(state, bodies);
    this.executions = new ExecutionResource(state, bodies);
    this.tasks = new TaskResource(state, bodies);
    this.history = new HistoryResource(state, bodies);
  }

  /**
   * The route table, Flowable's error shape and status table, Spring Security's basic auth when a
   * user is set, and the bodies of injected 429 / 503 answers. Any other path is Spring's 500
   * "No endpoint"; a known path with another method its 500 "Request method ... is not supported".
   */
  public RestApi api() {
    RestRoutes routes = RestRoutes.builder()
        .route("POST", "/repository/deployments", (req, p) -> deployments.deploy(req))
        .route("GET", "/repository/deployments", (req, p) -> deployments.listDeployments(req))
        .route("GET", "/repository/deployments/{id}", (req, p) -> deployments.get(p.get("id")))
        .route("DELETE", "/repository/deployments/{id}", (req, p) -> deployments.deleteDeployment(req, p.get("id")))
        .route("GET", "/repository/process-definitions", (req, p) -> definitions.listDefinitions(req))
        .route("GET", "/repository/process-definitions/{id}", (req, p) -> definitions.get(p.get("id")))
        .route("POST", "/runtime/process-instances", (req, p) -> instances.start(req))
        .route("GET", "/runtime/process-instances", (req, p) -> instances.listInstances(req))
        .route("GET", INSTANCE, (req, p) -> instances.get(p.get("id")))
        .route("PUT", INSTANCE, (req, p) -> instances.instanceAction(req, p.get("id")))
        .route("DELETE", INSTANCE, (req, p) -> instances.deleteInstance(req, p.get("id")))
        .route("POST", "/query/process-instances", (req, p) -> instances.queryInstances(req))
        .route("GET", INSTANCE + "/identitylinks", (req, p) -> identityLinks.listIdentityLinks(p.get("id")))
        .route("POST", INSTANCE + "/identitylinks", (req, p) -> identityLinks.addIdentityLink(req, p.get("id")))
        .route("GET", INSTANCE + "/identitylinks/users/{user}/{type}",
            (req, p) -> identityLinks.get(p.get("id"), p.get("user"), p.get("type")))
        .route("DELETE", INSTANCE + "/identitylinks/users/{user}/{type}",
            (req, p) -> identityLinks.deleteIdentityLink(p.get("id"), p.get("user"), p.get("type")))
        .route("GET", INSTANCE + "/variables", (req, p) -> variables.getVariables(p.get("id")))
        .route("POST", INSTANCE + "/variables", (req, p) -> variables.writeVariables(req, p.get("id"), true))
        .route("PUT", INSTANCE + "/variables", (req, p) -> variables.writeVariables(req, p.get("id"), false))
        .route("GET", INSTANCE + "/variables/{name}", (req, p) -> variables.getVariable(p.get("id"), p.get("name")))
        .route("GET", INSTANCE + "/variables/{name}/data",
            (req, p) -> variables.getVariableData(p.get("id"), p.get("name")))
        .route("GET", INSTANCE + "/diagram", (req, p) -> instances.diagram(p.get("id")))
        .route("POST", "/runtime/signals", (req, p) -> executions.signal(req))
        .route("GET", "/history/historic-variable-instances", (req, p) -> history.listHistoricVariables(req))
        .route("PUT", INSTANCE + "/variables/{name}", (req, p) -> variables.putVariable(req, p.get("id"), p.get("name")))
        .route("DELETE", INSTANCE + "/variables/{name}", (req, p) -> variables.deleteVariable(p.get("id"), p.get("name")))
        .route("GET", "/runtime/executions", (req, p) -> executions.listExecutions(req))
        .route("GET", "/runtime/executions/{id}", (req, p) -> executions.get(p.get("id")))
        .route("PUT", "/runtime/executions/{id}", (req, p) -> executions.executionAction(req, p.get("id")))
        .route("GET", "/runtime/tasks", (req, p) -> tasks.listTasks(req))
        .route("GET", "/runtime/tasks/{id}", (req, p) -> tasks.get(p.get("id")))
        .route("POST", "/runtime/tasks/{id}", (req, p) -> tasks.taskAction(req, p.get("id")))
        .route("GET", "/history/historic-process-instances", (req, p) -> history.listHistory(req))
        .route("GET", "/history/historic-process-instances/{id}", (req, p) -> history.get(p.get("id")))
        .route("DELETE", "/history/historic-process-instances/{id}", (req, p) -> history.deleteHistory(p.get("id")))
        .unknownPath(FlowableErrors::noEndpoint)
        .wrongMethod(FlowableErrors::methodNotSupported)
        .build();
    RestApi.Builder api = RestApi.builder()
        .routes(routes)
        .errors(FlowableErrors.BODY)
        .statuses(FlowableErrors.STATUSES)
        .backPressureAnswer(r -> FakeResponse.json(429,
            "{\"message\":\"Too Many Requests\",\"exception\":\"back pressure injected by FakeFlowableServer\"}"))
        .unavailableAnswer(r -> FakeResponse.json(503,
            "{\"message\":\"Service Unavailable\",\"exception\":\"unavailability injected by FakeFlowableServer\"}"));
    if (user != null) {
      api.auth(RestAuth.basic(user, password), FlowableErrors::unauthorized);
    }
    return api.build();
  }
}
