package io.flowport.testkit.fakes.flowable.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flowport.testkit.engine.DeployedModel;
import io.flowport.testkit.engine.EngineDeployment;
import io.flowport.testkit.engine.EngineException;
import io.flowport.testkit.engine.InMemoryEngine;
import io.flowport.testkit.engine.InstanceFilter;
import io.flowport.testkit.engine.InstanceSnapshot;
import io.flowport.testkit.engine.InstanceStatus;
import io.flowport.testkit.engine.JobSnapshot;
import io.flowport.testkit.engine.NodeSnapshot;
import io.flowport.testkit.engine.NodeStatus;
import io.flowport.testkit.engine.NodeType;
import io.flowport.testkit.engine.StartCommand;
import io.flowport.testkit.fakes.http.FakeRequest;
import io.flowport.testkit.fakes.http.FakeResponse;
import io.flowport.testkit.fakes.http.Multipart;
import io.flowport.testkit.fakes.rest.RestApi;
import io.flowport.testkit.fakes.rest.RestAuth;
import io.flowport.testkit.fakes.rest.RestError;
import io.flowport.testkit.fakes.rest.RestRoutes;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Flowable 7.2.0's process REST API ({@code flowable-spring-boot-starter-process-rest}) on top of an
 * {@link InMemoryEngine}. Status codes and error bodies follow what the real engine answered (see
 * {@code shared/reference/real-engines.md} B); where no observation exists, Flowable's source wording
 * is used. Not API: use {@code FakeFlowableServer}.
 *
 * <p>Ids: instance id = engine instance id; process definition id = {@code key:version:<engine
 * definition key>}; deployment id = engine deployment key; task id = engine job key; execution id =
 * instance id (Flowable has a child execution per waiting activity; the fake lets the process instance
 * execution stand for all of them).
 */
public final class FlowableRouter {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final String[] SUFFIXES = {".bpmn20.xml", ".bpmn", ".bar", ".zip"};
  /** What Flowable records as delete reason when DELETE names none (DeleteReason.PROCESS_INSTANCE_DELETED). */
  public static final String DEFAULT_DELETE_REASON = "process instance deleted";

  private final InMemoryEngine engine;
  private final Supplier<String> baseUrl;
  private final String user;
  private final String password;

  private final BpmnIndex index = new BpmnIndex();
  private final Map<String, DeploymentRec> deployments = new ConcurrentHashMap<>();
  private final Set<String> deletedDeployments = ConcurrentHashMap.newKeySet();
  private final Map<String, String> deleteReasons = new ConcurrentHashMap<>();
  private final Map<String, String> startUsers = new ConcurrentHashMap<>();
  private final Map<String, Set<String>> removedVariables = new ConcurrentHashMap<>();
  private final Map<String, String> assignees = new ConcurrentHashMap<>();
  /** Instance id → identity links (user, type), in creation order. */
  private final Map<String, List<String[]>> identityLinks = new ConcurrentHashMap<>();

  private record DeploymentRec(String id, String name, Instant time, String category, String key, String tenantId) {}

  public FlowableRouter(InMemoryEngine engine, Supplier<String> baseUrl, String user, String password) {
    this.engine = Objects.requireNonNull(engine, "engine");
    this.baseUrl = baseUrl;
    this.user = user;
    this.password = password;
  }

  // ============================================================================ routes

  /**
   * Flowable's REST API as a route table: the endpoints the fake serves, Spring's 500 "No endpoint"
   * for any other path and its 500 "Request method ... is not supported" for a wrong method.
   */
  public RestApi api() {
    String pi = "/runtime/process-instances/{id}";
    RestRoutes routes = RestRoutes.builder()
        .route("POST", "/repository/deployments", (req, p) -> deploy(req))
        .route("GET", "/repository/deployments", (req, p) -> listDeployments(req))
        .route("GET", "/repository/deployments/{id}", (req, p) -> json(200, deploymentBody(deployment(p.get("id")))))
        .route("DELETE", "/repository/deployments/{id}", (req, p) -> deleteDeployment(req, p.get("id")))
        .route("GET", "/repository/process-definitions", (req, p) -> listDefinitions(req))
        .route("GET", "/repository/process-definitions/{id}",
            (req, p) -> json(200, definitionBody(definitionById(p.get("id"), true))))
        .route("POST", "/runtime/process-instances", (req, p) -> start(req))
        .route("GET", "/runtime/process-instances", (req, p) -> listInstances(req))
        .route("GET", pi, (req, p) -> json(200, instanceBody(runtimeInstance(p.get("id")), false)))
        .route("PUT", pi, (req, p) -> instanceAction(req, p.get("id")))
        .route("DELETE", pi, (req, p) -> deleteInstance(req, p.get("id")))
        .route("GET", pi + "/identitylinks", (req, p) -> listIdentityLinks(p.get("id")))
        .route("POST", pi + "/identitylinks", (req, p) -> addIdentityLink(req, p.get("id")))
        .route("GET", pi + "/identitylinks/users/{user}/{type}",
            (req, p) -> json(200, identityLinkBody(p.get("id"), identityLink(p.get("id"), p.get("user"), p.get("type")))))
        .route("DELETE", pi + "/identitylinks/users/{user}/{type}",
            (req, p) -> deleteIdentityLink(p.get("id"), p.get("user"), p.get("type")))
        .route("GET", pi + "/variables", (req, p) -> getVariables(p.get("id")))
        .route("POST", pi + "/variables", (req, p) -> writeVariables(req, p.get("id"), true))
        .route("PUT", pi + "/variables", (req, p) -> writeVariables(req, p.get("id"), false))
        .route("GET", pi + "/variables/{name}", (req, p) -> getVariable(p.get("id"), p.get("name")))
        .route("PUT", pi + "/variables/{name}", (req, p) -> putVariable(req, p.get("id"), p.get("name")))
        .route("DELETE", pi + "/variables/{name}", (req, p) -> deleteVariable(p.get("id"), p.get("name")))
        .route("POST", "/query/process-instances", (req, p) -> queryInstances(req))
        .route("GET", "/runtime/executions", (req, p) -> listExecutions(req))
        .route("GET", "/runtime/executions/{id}", (req, p) -> json(200, executionBody(execution(p.get("id")), null)))
        .route("PUT", "/runtime/executions/{id}", (req, p) -> executionAction(req, p.get("id")))
        .route("GET", "/runtime/tasks", (req, p) -> listTasks(req))
        .route("GET", "/runtime/tasks/{id}", (req, p) -> json(200, taskBody(task(p.get("id")))))
        .route("POST", "/runtime/tasks/{id}", (req, p) -> taskAction(req, p.get("id")))
        .route("GET", "/history/historic-process-instances", (req, p) -> listHistory(req))
        .route("GET", "/history/historic-process-instances/{id}", (req, p) -> json(200, historyBody(historic(p.get("id")), false)))
        .route("DELETE", "/history/historic-process-instances/{id}", (req, p) -> deleteHistory(p.get("id")))
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

  private static FakeResponse json(int status, JsonNode body) {
    return FakeResponse.json(status, body.toString());
  }

  // ============================================================================ deployments

  private FakeResponse deploy(FakeRequest req) {
    String contentType = req.header("content-type");
    if (!Multipart.isMultipart(contentType)) {
      String type = contentType == null ? "application/octet-stream" : contentType.split(";")[0].trim();
      throw RestError.internal("Content-Type '" + type + "' is not supported");
    }
    List<Multipart.Part> parts = req.parts();
    Multipart.Part file = parts.stream().filter(Multipart.Part::isFile).findFirst()
        .orElseThrow(() -> RestError.badRequest("No file content was found in request body."));
    Map<String, String> fields = new LinkedHashMap<>();
    for (Multipart.Part p : parts) {
      if (!p.isFile() && p.name() != null) {
        fields.putIfAbsent(p.name(), p.text());
      }
    }
    req.query().forEach((k, v) -> fields.putIfAbsent(k, v.get(0)));
    String fileName = file.fileName();
    if (fileName.isEmpty() || !hasSuffix(fileName)) {
      fileName = file.name() == null ? "" : file.name();
    }
    if (!hasSuffix(fileName)) {
      throw RestError.badRequest("File must be of type .bpmn20.xml, .bpmn, .bar or .zip");
    }
    Map<String, byte[]> resources = new LinkedHashMap<>();
    if (fileName.endsWith(".bar") || fileName.endsWith(".zip")) {
      unzip(file.content(), resources);
    } else {
      resources.put(fileName, file.content());
    }
    String tenantId = emptyToNull(fields.get("tenantId"));
    EngineDeployment d;
    try {
      d = engine.deploy(tenantId, resources);
    } catch (EngineException e) {
      throw RestError.internal(e.getMessage());
    }
    Map<String, BpmnIndex.ProcessInfo> infos = new LinkedHashMap<>();
    resources.values().forEach(bytes -> infos.putAll(BpmnIndex.parse(bytes)));
    for (DeployedModel def : d.definitions()) {
      BpmnIndex.ProcessInfo info = infos.get(def.processId());
      if (info != null) {
        index.put(def.key(), info);
      }
    }
    String name = fields.get("deploymentName");
    if (name == null || name.isEmpty()) {
      name = fileName;
    }
    Instant time = d.definitions().isEmpty() ? engine.clock().instant() : d.definitions().get(0).deployedAt();
    DeploymentRec rec = new DeploymentRec(d.key(), name, time, fields.get("category"), fields.get("deploymentKey"),
        tenantId == null ? "" : tenantId);
    deployments.put(rec.id(), rec);
    return json(201, deploymentBody(rec));
  }

  private static boolean hasSuffix(String name) {
    for (String suffix : SUFFIXES) {
      if (name.endsWith(suffix)) {
        return true;
      }
    }
    return false;
  }

  private static void unzip(byte[] zip, Map<String, byte[]> into) {
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
      ZipEntry e;
      while ((e = in.getNextEntry()) != null) {
        if (!e.isDirectory() && (e.getName().endsWith(".bpmn20.xml") || e.getName().endsWith(".bpmn"))) {
          ByteArrayOutputStream out = new ByteArrayOutputStream();
          in.transferTo(out);
          into.put(e.getName(), out.toByteArray());
        }
      }
    } catch (IOException e) {
      throw RestError.internal("problem reading zip input stream: " + e.getMessage());
    }
  }

  /** A deployment made through the fake, or one synthesized for definitions deployed on the engine directly. */
  private DeploymentRec deployment(String id) {
    if (deletedDeployments.contains(id)) {
      throw RestError.notFound("Could not find a deployment with id '" + id + "'.");
    }
    DeploymentRec rec = deployments.get(id);
    if (rec != null) {
      return rec;
    }
    return engine.definitions().stream().filter(d -> d.deploymentKey().equals(id)).findFirst()
        .map(d -> new DeploymentRec(id, d.resourceName(), d.deployedAt(), null, null, d.tenantId()))
        .orElseThrow(() -> RestError.notFound("Could not find a deployment with id '" + id + "'."));
  }

  private ObjectNode deploymentBody(DeploymentRec d) {
    ObjectNode b = NODES.objectNode();
    b.put("id", d.id());
    b.put("name", d.name());
    b.put("deploymentTime", FlowableVariables.DATE.format(d.time()));
    b.put("category", d.category());
    b.put("parentDeploymentId", d.id());
    b.put("url", baseUrl.get() + "/repository/deployments/" + enc(d.id()));
    b.put("tenantId", d.tenantId());
    return b;
  }

  private FakeResponse listDeployments(FakeRequest req) {
    Map<String, DeploymentRec> all = new LinkedHashMap<>();
    for (DeployedModel d : visibleDefinitions()) {
      all.computeIfAbsent(d.deploymentKey(), this::deployment);
    }
    deployments.values().stream().filter(r -> !deletedDeployments.contains(r.id())).forEach(r -> all.putIfAbsent(r.id(), r));
    List<DeploymentRec> items = new ArrayList<>(all.values());
    String tenant = req.queryParam("tenantId");
    String name = req.queryParam("name");
    items.removeIf(r -> (tenant != null && !tenant.equals(r.tenantId())) || (name != null && !name.equals(r.name())));
    Map<String, Comparator<DeploymentRec>> sorts = new LinkedHashMap<>();
    sorts.put("id", Comparator.comparing(DeploymentRec::id));
    sorts.put("name", Comparator.comparing(DeploymentRec::name, Comparator.nullsFirst(Comparator.naturalOrder())));
    sorts.put("deployTime", Comparator.comparing(DeploymentRec::time));
    sorts.put("tenantId", Comparator.comparing(DeploymentRec::tenantId));
    return json(200, page(req.query(), items, sorts, "id", this::deploymentBody));
  }

  private FakeResponse deleteDeployment(FakeRequest req, String id) {
    deployment(id); // 404 when unknown
    boolean cascade = "true".equalsIgnoreCase(req.queryParam("cascade"));
    Set<String> keys = new HashSet<>();
    engine.definitions().stream().filter(d -> d.deploymentKey().equals(id)).forEach(d -> keys.add(d.key()));
    List<InstanceSnapshot> instances = engine.list(InstanceFilter.all()).stream()
        .filter(i -> keys.contains(i.definitionKey())).toList();
    if (!cascade && instances.stream().anyMatch(i -> !i.isEnded())) {
      throw RestError.internal("Could not delete deployment '" + id + "': it still has running process instances;"
          + " use cascade=true");
    }
    for (InstanceSnapshot i : instances) {
      engine.delete(i.id()); // cascade deletes runtime and history
    }
    deletedDeployments.add(id);
    return FakeResponse.empty(204);
  }

  // ============================================================================ definitions

  private List<DeployedModel> visibleDefinitions() {
    return engine.definitions().stream().filter(d -> !deletedDeployments.contains(d.deploymentKey())).toList();
  }

  static String flowableId(DeployedModel d) {
    return d.processId() + ":" + d.version() + ":" + d.key();
  }

  private DeployedModel definitionById(String id, boolean notFoundIs404) {
    return visibleDefinitions().stream().filter(d -> flowableId(d).equals(id)).findFirst().orElseThrow(() ->
        notFoundIs404
            ? RestError.notFound("Could not find a process definition with id '" + id + "'.")
            : RestError.badRequest("no deployed process definition found with id '" + id + "'"));
  }

  private Optional<DeployedModel> latest(String key, String tenantId) {
    String tenant = tenantId == null ? "" : tenantId;
    return visibleDefinitions().stream()
        .filter(d -> d.processId().equals(key) && tenant.equals(d.tenantId()))
        .max(Comparator.comparingInt(DeployedModel::version));
  }

  private DeployedModel definitionOf(InstanceSnapshot s) {
    return engine.definition(s.definitionKey());
  }

  private String definitionUrl(String flowableId) {
    return baseUrl.get() + "/repository/process-definitions/" + enc(flowableId);
  }

  private ObjectNode definitionBody(DeployedModel d) {
    String id = flowableId(d);
    BpmnIndex.ProcessInfo info = index.get(d.key());
    ObjectNode b = NODES.objectNode();
    b.put("id", id);
    b.put("url", definitionUrl(id));
    b.put("key", d.processId());
    b.put("version", d.version());
    b.put("name", d.name());
    b.putNull("description");
    b.put("tenantId", d.tenantId());
    b.put("deploymentId", d.deploymentKey());
    b.put("deploymentUrl", baseUrl.get() + "/repository/deployments/" + enc(d.deploymentKey()));
    b.put("resource", baseUrl.get() + "/repository/deployments/" + enc(d.deploymentKey()) + "/resources/"
        + enc(d.resourceName()));
    b.putNull("diagramResource");
    b.put("category", info == null ? null : info.category());
    b.put("graphicalNotationDefined", false);
    b.put("suspended", false);
    b.put("startFormDefined", false);
    return b;
  }

  private FakeResponse listDefinitions(FakeRequest req) {
    List<DeployedModel> items = new ArrayList<>(visibleDefinitions());
    String deploymentId = req.queryParam("deploymentId");
    String key = req.queryParam("key");
    String keyLike = req.queryParam("keyLike");
    String version = req.queryParam("version");
    String tenantId = req.queryParam("tenantId");
    String name = req.queryParam("name");
    boolean latestOnly = "true".equalsIgnoreCase(req.queryParam("latest"));
    items.removeIf(d -> (deploymentId != null && !deploymentId.equals(d.deploymentKey()))
        || (key != null && !key.equals(d.processId()))
        || (keyLike != null && !like(d.processId(), keyLike))
        || (version != null && !version.equals(Integer.toString(d.version())))
        || (tenantId != null && !tenantId.equals(d.tenantId()))
        || (name != null && !name.equals(d.name())));
    if (latestOnly) {
      Map<String, DeployedModel> newest = new LinkedHashMap<>();
      for (DeployedModel d : items) {
        newest.merge(d.tenantId() + "\u0000" + d.processId(), d, (a, b) -> a.version() >= b.version() ? a : b);
      }
      items = new ArrayList<>(newest.values());
    }
    Map<String, Comparator<DeployedModel>> sorts = new LinkedHashMap<>();
    sorts.put("name", Comparator.comparing(DeployedModel::name, Comparator.nullsFirst(Comparator.naturalOrder())));
    sorts.put("id", Comparator.comparing(FlowableRouter::flowableId));
    sorts.put("key", Comparator.comparing(DeployedModel::processId));
    sorts.put("version", Comparator.comparingInt(DeployedModel::version));
    sorts.put("deploymentId", Comparator.comparing(DeployedModel::deploymentKey));
    sorts.put("tenantId", Comparator.comparing(DeployedModel::tenantId));
    return json(200, page(req.query(), items, sorts, "name", this::definitionBody));
  }

  // ============================================================================ process instances

  private FakeResponse start(FakeRequest req) {
    JsonNode body = parseObject(req, "org.flowable.rest.service.api.runtime.process.ProcessInstanceCreateRequest");
    String definitionId = text(body, "processDefinitionId");
    String key = text(body, "processDefinitionKey");
    String message = text(body, "message");
    int given = (definitionId != null ? 1 : 0) + (key != null ? 1 : 0) + (message != null ? 1 : 0);
    if (given == 0) {
      throw RestError.badRequest("Either processDefinitionId, processDefinitionKey or message is required.");
    }
    if (given > 1) {
      throw RestError.badRequest("Only one of processDefinitionId, processDefinitionKey or message should be set.");
    }
    String tenantId = text(body, "tenantId");
    Map<String, Object> variables = FlowableVariables.read(body.get("variables"), false);
    FlowableVariables.read(body.get("transientVariables"), false); // checked, then not kept (see FakeFlowableServer)
    StartCommand cmd;
    if (definitionId != null) {
      DeployedModel d = definitionById(definitionId, false);
      cmd = StartCommand.definitionKey(d.key()).withTenantId(d.tenantId());
    } else if (key != null) {
      DeployedModel d = latest(key, tenantId).orElseThrow(() -> RestError.badRequest(tenantId == null
          ? "No process definition found for key '" + key + "'"
          : "no processes deployed with key '" + key + "' for tenant identifier '" + tenantId + "'"));
      cmd = StartCommand.definitionKey(d.key()).withTenantId(d.tenantId());
    } else {
      cmd = StartCommand.message(message).withTenantId(tenantId);
    }
    cmd = cmd.withVariables(variables).withBusinessKey(text(body, "businessKey"));
    InstanceSnapshot s;
    try {
      s = engine.start(cmd);
    } catch (EngineException e) {
      switch (e.reason()) {
        case DEFINITION_NOT_FOUND -> throw RestError.badRequest(
            "Cannot start process instance by message: no subscription to message with name '" + message + "' found.");
        case NO_START_EVENT -> throw RestError.internal(e.getMessage());
        default -> throw e;
      }
    }
    if (user != null) {
      startUsers.put(s.id(), user);
      identityLinks.computeIfAbsent(s.id(), k -> new ArrayList<>()).add(new String[] {user, "starter"});
    }
    JsonNode returnVariables = body.get("returnVariables");
    return json(201, instanceBody(s, returnVariables != null && returnVariables.asBoolean(false)));
  }

  /** A running instance; ended ones are gone from Flowable's runtime tables. */
  private InstanceSnapshot runtimeInstance(String id) {
    return runtimeOrNull(id).orElseThrow(() ->
        RestError.notFound("Could not find a process instance with id '" + id + "'."));
  }

  private Optional<InstanceSnapshot> runtimeOrNull(String id) {
    try {
      InstanceSnapshot s = engine.get(id);
      return s.isEnded() ? Optional.empty() : Optional.of(s);
    } catch (EngineException e) {
      if (e.reason() == EngineException.Reason.INSTANCE_NOT_FOUND || e.reason() == EngineException.Reason.INVALID_ARGUMENT) {
        return Optional.empty();
      }
      throw e;
    }
  }

  private List<InstanceSnapshot> runtimeInstances() {
    return engine.list(InstanceFilter.all()).stream().filter(s -> !s.isEnded()).toList();
  }

  private ObjectNode instanceBody(InstanceSnapshot s, boolean withVariables) {
    DeployedModel d = definitionOf(s);
    String defId = flowableId(d);
    ObjectNode b = NODES.objectNode();
    b.put("id", s.id());
    b.put("url", baseUrl.get() + "/runtime/process-instances/" + enc(s.id()));
    b.putNull("name");
    b.put("businessKey", s.businessKey());
    b.putNull("businessStatus");
    b.put("suspended", s.state() == InstanceStatus.SUSPENDED);
    b.put("ended", s.isEnded());
    b.put("processDefinitionId", defId);
    b.put("processDefinitionUrl", definitionUrl(defId));
    b.put("processDefinitionName", d.name());
    b.putNull("processDefinitionDescription");
    b.put("activityId", s.isEnded() || s.activeNodeIds().isEmpty() ? null : s.activeNodeIds().get(0));
    b.put("startUserId", startUsers.get(s.id()));
    b.put("startTime", FlowableVariables.DATE.format(s.startTime()));
    b.putNull("superProcessInstanceId");
    b.set("variables", withVariables ? FlowableVariables.writeAll(visibleVariables(s)) : NODES.arrayNode());
    b.putNull("callbackId");
    b.putNull("callbackType");
    b.putNull("referenceId");
    b.putNull("referenceType");
    b.putNull("propagatedStageInstanceId");
    b.put("tenantId", s.tenantId());
    b.put("completed", s.state() == InstanceStatus.COMPLETED);
    return b;
  }

  private FakeResponse listInstances(FakeRequest req) {
    Map<String, String> filter = new LinkedHashMap<>();
    req.query().forEach((k, v) -> filter.put(k, v.get(0)));
    return json(200, instancePage(filter, req.query(), Map.of()));
  }

  private FakeResponse queryInstances(FakeRequest req) {
    JsonNode body = parseObject(req, "org.flowable.rest.service.api.runtime.process.ProcessInstanceQueryRequest");
    Map<String, String> filter = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> e : body.properties()) {
      if (e.getValue().isValueNode() && !e.getValue().isNull()) {
        filter.put(e.getKey(), e.getValue().asText());
      }
    }
    if (filter.containsKey("processBusinessKey")) {
      filter.put("businessKey", filter.get("processBusinessKey"));
    }
    if (filter.containsKey("processInstanceId")) {
      filter.put("id", filter.get("processInstanceId"));
    }
    Map<String, List<String>> paging = new LinkedHashMap<>();
    for (String p : List.of("start", "size", "sort", "order")) {
      String v = filter.containsKey(p) ? filter.get(p) : req.queryParam(p);
      if (v != null) {
        paging.put(p, List.of(v));
      }
    }
    Map<String, JsonNode> variableFilters = new LinkedHashMap<>();
    JsonNode vars = body.get("variables");
    if (vars != null && vars.isArray()) {
      int i = 0;
      for (JsonNode v : vars) {
        variableFilters.put(Integer.toString(i++), v);
      }
    }
    return json(200, instancePage(filter, paging, variableFilters));
  }

  private ObjectNode instancePage(Map<String, String> f, Map<String, List<String>> paging, Map<String, JsonNode> varFilters) {
    List<InstanceSnapshot> items = new ArrayList<>(runtimeInstances());
    List<Predicate<InstanceSnapshot>> tests = new ArrayList<>();
    if (f.get("id") != null) {
      tests.add(s -> s.id().equals(f.get("id")));
    }
    if (f.get("processDefinitionKey") != null) {
      tests.add(s -> s.processId().equals(f.get("processDefinitionKey")));
    }
    if (f.get("processDefinitionId") != null) {
      tests.add(s -> flowableId(definitionOf(s)).equals(f.get("processDefinitionId")));
    }
    if (f.get("businessKey") != null) {
      tests.add(s -> f.get("businessKey").equals(s.businessKey()));
    }
    if (f.get("businessKeyLike") != null) {
      tests.add(s -> s.businessKey() != null && like(s.businessKey(), f.get("businessKeyLike")));
    }
    if (f.get("tenantId") != null) {
      tests.add(s -> f.get("tenantId").equals(s.tenantId()));
    }
    if (f.get("tenantIdLike") != null) {
      tests.add(s -> like(s.tenantId(), f.get("tenantIdLike")));
    }
    if ("true".equalsIgnoreCase(f.get("withoutTenantId"))) {
      tests.add(s -> s.tenantId() == null || s.tenantId().isEmpty());
    }
    if (f.get("suspended") != null) {
      boolean want = Boolean.parseBoolean(f.get("suspended"));
      tests.add(s -> (s.state() == InstanceStatus.SUSPENDED) == want);
    }
    if (f.get("startedBy") != null) {
      tests.add(s -> f.get("startedBy").equals(startUsers.get(s.id())));
    }
    for (JsonNode vf : varFilters.values()) {
      tests.add(s -> matchesVariable(visibleVariables(s), vf));
    }
    items.removeIf(s -> !tests.stream().allMatch(t -> t.test(s)));
    boolean withVars = "true".equalsIgnoreCase(f.get("includeProcessVariables"));
    Map<String, Comparator<InstanceSnapshot>> sorts = new LinkedHashMap<>();
    sorts.put("id", Comparator.comparing(InstanceSnapshot::id));
    sorts.put("processDefinitionId", Comparator.comparing(s -> flowableId(definitionOf(s))));
    sorts.put("processDefinitionKey", Comparator.comparing(InstanceSnapshot::processId));
    sorts.put("tenantId", Comparator.comparing(InstanceSnapshot::tenantId));
    sorts.put("startTime", Comparator.comparing(InstanceSnapshot::startTime));
    return page(paging, items, sorts, "id", s -> instanceBody(s, withVars));
  }

  private static boolean matchesVariable(Map<String, Object> vars, JsonNode filter) {
    String name = text(filter, "name");
    String op = Optional.ofNullable(text(filter, "operation")).orElse("equals");
    Object want = FlowableVariables.value(name == null ? "?" : name, text(filter, "type"), filter.get("value"));
    if (name == null) {
      return vars.values().stream().anyMatch(v -> Objects.equals(v, want)); // Flowable: any variable with that value
    }
    if (!vars.containsKey(name)) {
      return false;
    }
    Object have = vars.get(name);
    Integer cmp = FlowableVariables.compare(have, want);
    return switch (op) {
      case "equals" -> cmp != null ? cmp == 0 : Objects.equals(have, want);
      case "notEquals" -> cmp != null ? cmp != 0 : !Objects.equals(have, want);
      case "equalsIgnoreCase" -> have instanceof String h && want instanceof String w && h.equalsIgnoreCase(w);
      case "notEqualsIgnoreCase" -> have instanceof String h && want instanceof String w && !h.equalsIgnoreCase(w);
      case "lessThan" -> cmp != null && cmp < 0;
      case "greaterThan" -> cmp != null && cmp > 0;
      case "lessThanOrEquals" -> cmp != null && cmp <= 0;
      case "greaterThanOrEquals" -> cmp != null && cmp >= 0;
      case "like" -> have instanceof String h && want instanceof String w && like(h, w);
      default -> throw RestError.badRequest("Unsupported variable query operation: " + op);
    };
  }

  private FakeResponse instanceAction(FakeRequest req, String id) {
    InstanceSnapshot s = runtimeInstance(id);
    JsonNode body = parseObject(req, "org.flowable.rest.service.api.runtime.process.ProcessInstanceActionRequest");
    String action = text(body, "action");
    if ("suspend".equals(action)) {
      if (s.state() == InstanceStatus.SUSPENDED) {
        throw RestError.conflict("Process instance with id '" + id + "' is already suspended.");
      }
      engine.suspend(id);
    } else if ("activate".equals(action)) {
      if (s.state() != InstanceStatus.SUSPENDED) {
        throw RestError.conflict("Process instance with id '" + id + "' is already active.");
      }
      engine.resume(id);
    } else {
      throw RestError.badRequest("Invalid action: '" + action + "'.");
    }
    return json(200, instanceBody(engine.get(id), false));
  }

  private FakeResponse deleteInstance(FakeRequest req, String id) {
    runtimeInstance(id);
    String reason = req.queryParam("deleteReason");
    engine.cancel(id);
    deleteReasons.put(id, reason == null || reason.isEmpty() ? DEFAULT_DELETE_REASON : reason);
    return FakeResponse.empty(204);
  }

  // ============================================================================ variables

  private Map<String, Object> visibleVariables(InstanceSnapshot s) {
    Set<String> removed = removedVariables.get(s.id());
    if (removed == null || removed.isEmpty()) {
      return s.variables();
    }
    Map<String, Object> out = new LinkedHashMap<>(s.variables());
    out.keySet().removeAll(removed);
    return out;
  }

  private InstanceSnapshot execution(String id) {
    return runtimeOrNull(id).orElseThrow(() ->
        RestError.notFound("Could not find an execution with id '" + id + "'."));
  }

  private FakeResponse getVariables(String id) {
    return json(200, FlowableVariables.writeAll(visibleVariables(execution(id))));
  }

  private FakeResponse getVariable(String id, String name) {
    Map<String, Object> vars = visibleVariables(execution(id));
    if (!vars.containsKey(name)) {
      throw RestError.notFound("Execution '" + id + "' does not have a variable with name: '" + name + "'.");
    }
    return json(200, FlowableVariables.write(name, vars.get(name)));
  }

  private FakeResponse writeVariables(FakeRequest req, String id, boolean create) {
    InstanceSnapshot s = execution(id);
    JsonNode body = parseJson(req, "java.util.ArrayList<org.flowable.rest.service.api.engine.variable.RestVariable>");
    Map<String, Object> vars = FlowableVariables.read(body, true);
    if (create) {
      Map<String, Object> existing = visibleVariables(s);
      for (String name : vars.keySet()) {
        if (existing.containsKey(name)) {
          throw RestError.conflict("Variable '" + name + "' is already present on execution '" + id + "'.");
        }
      }
    }
    upsert(id, vars);
    return json(201, FlowableVariables.writeSome(engine.variables(id), vars.keySet()));
  }

  private void upsert(String id, Map<String, Object> vars) {
    engine.upsertVariables(id, vars);
    unhide(id, vars.keySet());
  }

  private void unhide(String id, Set<String> names) {
    Set<String> removed = removedVariables.get(id);
    if (removed != null) {
      removed.removeAll(names);
    }
  }

  private FakeResponse putVariable(FakeRequest req, String id, String name) {
    execution(id);
    JsonNode body = parseObject(req, "org.flowable.rest.service.api.engine.variable.RestVariable");
    String bodyName = text(body, "name");
    if (bodyName == null) {
      throw RestError.badRequest("Variable name is required");
    }
    if (!bodyName.equals(name)) {
      throw RestError.badRequest("Variable name in the body should be equal to the name used in the requested URL.");
    }
    Map.Entry<String, Object> v = FlowableVariables.readOne(body);
    Map<String, Object> one = new LinkedHashMap<>();
    one.put(name, v.getValue());
    upsert(id, one);
    return json(200, FlowableVariables.write(name, v.getValue()));
  }

  private FakeResponse deleteVariable(String id, String name) {
    InstanceSnapshot s = execution(id);
    if (!visibleVariables(s).containsKey(name)) {
      throw RestError.notFound("Execution '" + id + "' does not have a variable '" + name + "' in scope local");
    }
    // The engine cannot remove a variable: the fake hides it (conditions still see the old value).
    removedVariables.computeIfAbsent(id, k -> ConcurrentHashMap.newKeySet()).add(name);
    return FakeResponse.empty(204);
  }

  // ============================================================================ executions and messages

  /** Message names the instance's RUNNING catch nodes wait for: node id → message name. */
  private Map<String, String> waitingMessages(InstanceSnapshot s) {
    Map<String, String> out = new LinkedHashMap<>();
    BpmnIndex.ProcessInfo info = index.get(s.definitionKey());
    if (info == null) {
      return out;
    }
    collectWaiting(engine.tree(s.id()).children(), info, out);
    return out;
  }

  private static void collectWaiting(List<NodeSnapshot> nodes, BpmnIndex.ProcessInfo info, Map<String, String> out) {
    for (NodeSnapshot n : nodes) {
      if ((n.type() == NodeType.RECEIVE_TASK || n.type() == NodeType.MESSAGE_CATCH_EVENT)
          && (n.state() == NodeStatus.RUNNING || n.state() == NodeStatus.SUSPENDED)
          && info.messageByNode().containsKey(n.id())) {
        out.put(n.id(), info.messageByNode().get(n.id()));
      }
      collectWaiting(n.children(), info, out);
    }
  }

  private ObjectNode executionBody(InstanceSnapshot s, String activityId) {
    String url = baseUrl.get() + "/runtime/executions/" + enc(s.id());
    ObjectNode b = NODES.objectNode();
    b.put("id", s.id());
    b.put("url", url);
    b.putNull("parentId");
    b.putNull("parentUrl");
    b.putNull("superExecutionId");
    b.putNull("superExecutionUrl");
    b.put("processInstanceId", s.id());
    b.put("processInstanceUrl", baseUrl.get() + "/runtime/process-instances/" + enc(s.id()));
    b.put("suspended", s.state() == InstanceStatus.SUSPENDED);
    b.put("activityId", activityId != null ? activityId : s.activeNodeIds().isEmpty() ? null : s.activeNodeIds().get(0));
    b.put("tenantId", s.tenantId());
    return b;
  }

  private FakeResponse listExecutions(FakeRequest req) {
    String id = req.queryParam("id");
    String instanceId = req.queryParam("processInstanceId");
    String businessKey = req.queryParam("processInstanceBusinessKey");
    String definitionKey = req.queryParam("processDefinitionKey");
    String definitionId = req.queryParam("processDefinitionId");
    String tenantId = req.queryParam("tenantId");
    String activityId = req.queryParam("activityId");
    String message = req.queryParam("messageEventSubscriptionName");
    List<Map.Entry<InstanceSnapshot, String>> items = new ArrayList<>();
    for (InstanceSnapshot s : runtimeInstances()) {
      if ((id != null && !id.equals(s.id())) || (instanceId != null && !instanceId.equals(s.id()))
          || (businessKey != null && !businessKey.equals(s.businessKey()))
          || (definitionKey != null && !definitionKey.equals(s.processId()))
          || (definitionId != null && !definitionId.equals(flowableId(definitionOf(s))))
          || (tenantId != null && !tenantId.equals(s.tenantId()))) {
        continue;
      }
      String activity = null;
      if (message != null) {
        activity = waitingMessages(s).entrySet().stream().filter(e -> e.getValue().equals(message))
            .map(Map.Entry::getKey).findFirst().orElse(null);
        if (activity == null) {
          continue;
        }
      }
      if (activityId != null) {
        if (!s.activeNodeIds().contains(activityId)) {
          continue;
        }
        activity = activityId;
      }
      items.add(Map.entry(s, activity == null ? "" : activity));
    }
    Map<String, Comparator<Map.Entry<InstanceSnapshot, String>>> sorts = new LinkedHashMap<>();
    sorts.put("processInstanceId", Comparator.comparing(e -> e.getKey().id()));
    sorts.put("processDefinitionKey", Comparator.comparing(e -> e.getKey().processId()));
    sorts.put("processDefinitionId", Comparator.comparing(e -> flowableId(definitionOf(e.getKey()))));
    sorts.put("tenantId", Comparator.comparing(e -> e.getKey().tenantId()));
    return json(200, page(req.query(), items, sorts, "processInstanceId",
        e -> executionBody(e.getKey(), e.getValue().isEmpty() ? null : e.getValue())));
  }

  private FakeResponse executionAction(FakeRequest req, String id) {
    InstanceSnapshot s = execution(id);
    JsonNode body = parseObject(req, "org.flowable.rest.service.api.runtime.process.ExecutionActionRequest");
    String action = text(body, "action");
    Map<String, Object> vars = FlowableVariables.read(body.get("variables"), false);
    FlowableVariables.read(body.get("transientVariables"), false);
    switch (action == null ? "" : action) {
      case "messageEventReceived" -> {
        String messageName = text(body, "messageName");
        if (messageName == null) {
          throw RestError.badRequest("MessageName is required");
        }
        try {
          engine.messageEventReceived(id, messageName, vars);
        } catch (EngineException e) {
          if (e.reason() == EngineException.Reason.ILLEGAL_STATE) {
            throw RestError.internal("Execution with id '" + id
                + "' does not have a subscription to a message event with name '" + messageName + "'");
          }
          throw e;
        }
        unhide(id, vars.keySet());
        return FakeResponse.empty(204);
      }
      case "signal", "trigger" -> {
        NodeSnapshot waiting = engine.tree(id).children().stream()
            .filter(n -> n.type() == NodeType.RECEIVE_TASK && n.state() == NodeStatus.RUNNING).findFirst()
            .orElseThrow(() -> RestError.internal("Execution '" + id + "' is not waiting in a receive task"));
        engine.callback(id, waiting.id(), vars, waiting.version());
        unhide(id, vars.keySet());
        return FakeResponse.empty(204);
      }
      case "signalEventReceived" -> throw RestError.internal(
          "FakeFlowableServer does not support signal events (action 'signalEventReceived')");
      default -> throw RestError.badRequest("Invalid action: '" + action + "'.");
    }
  }

  // ============================================================================ tasks

  private List<JobSnapshot> userTasks() {
    List<JobSnapshot> out = new ArrayList<>();
    for (JobSnapshot j : engine.activeJobs(null)) {
      if (j.type().startsWith("user:") && runtimeOrNull(j.instanceId()).isPresent()) {
        out.add(j);
      }
    }
    return out;
  }

  private JobSnapshot task(String id) {
    return userTasks().stream().filter(j -> j.key().equals(id)).findFirst()
        .orElseThrow(() -> RestError.notFound("Could not find a task with id '" + id + "'."));
  }

  private ObjectNode taskBody(JobSnapshot j) {
    InstanceSnapshot s = engine.get(j.instanceId());
    NodeSnapshot node = engine.tree(j.instanceId()).find(j.nodeId()).orElse(null);
    DeployedModel d = definitionOf(s);
    String defId = flowableId(d);
    ObjectNode b = NODES.objectNode();
    b.put("id", j.key());
    b.put("url", baseUrl.get() + "/runtime/tasks/" + enc(j.key()));
    b.putNull("owner");
    b.put("assignee", assignees.get(j.key()));
    b.putNull("delegationState");
    b.put("name", node == null ? j.nodeId() : node.name());
    b.putNull("description");
    Instant created = node == null || node.startTime() == null ? s.startTime() : node.startTime();
    b.put("createTime", FlowableVariables.DATE.format(created));
    b.putNull("dueDate");
    b.put("priority", 50);
    b.put("suspended", s.state() == InstanceStatus.SUSPENDED);
    b.putNull("claimTime");
    b.put("taskDefinitionKey", j.nodeId());
    b.putNull("scopeDefinitionId");
    b.putNull("scopeId");
    b.putNull("subScopeId");
    b.putNull("scopeType");
    b.putNull("propagatedStageInstanceId");
    b.put("tenantId", s.tenantId());
    b.putNull("category");
    b.putNull("formKey");
    b.putNull("parentTaskId");
    b.putNull("parentTaskUrl");
    b.put("executionId", s.id());
    b.put("executionUrl", baseUrl.get() + "/runtime/executions/" + enc(s.id()));
    b.put("processInstanceId", s.id());
    b.put("processInstanceUrl", baseUrl.get() + "/runtime/process-instances/" + enc(s.id()));
    b.put("processDefinitionId", defId);
    b.put("processDefinitionUrl", definitionUrl(defId));
    b.set("variables", NODES.arrayNode());
    return b;
  }

  private FakeResponse listTasks(FakeRequest req) {
    String instanceId = req.queryParam("processInstanceId");
    String definitionKey = req.queryParam("taskDefinitionKey");
    String businessKey = req.queryParam("processInstanceBusinessKey");
    String assignee = req.queryParam("assignee");
    List<JobSnapshot> items = new ArrayList<>(userTasks());
    items.removeIf(j -> (instanceId != null && !instanceId.equals(j.instanceId()))
        || (definitionKey != null && !definitionKey.equals(j.nodeId()))
        || (assignee != null && !assignee.equals(assignees.get(j.key())))
        || (businessKey != null && !businessKey.equals(engine.get(j.instanceId()).businessKey())));
    Map<String, Comparator<JobSnapshot>> sorts = new LinkedHashMap<>();
    sorts.put("id", Comparator.comparing(JobSnapshot::key));
    sorts.put("name", Comparator.comparing(JobSnapshot::nodeId));
    sorts.put("createTime", Comparator.comparing(JobSnapshot::key));
    sorts.put("processInstanceId", Comparator.comparing(JobSnapshot::instanceId));
    return json(200, page(req.query(), items, sorts, "id", this::taskBody));
  }

  private FakeResponse taskAction(FakeRequest req, String id) {
    JobSnapshot j = task(id);
    JsonNode body = parseObject(req, "org.flowable.rest.service.api.runtime.task.TaskActionRequest");
    String action = text(body, "action");
    Map<String, Object> vars = FlowableVariables.read(body.get("variables"), false);
    FlowableVariables.read(body.get("transientVariables"), false);
    switch (action == null ? "" : action) {
      case "complete" -> {
        engine.completeJob(j.key(), vars);
        unhide(j.instanceId(), vars.keySet());
        assignees.remove(j.key());
      }
      case "claim" -> {
        String assignee = text(body, "assignee");
        if (assignee == null) {
          assignees.remove(j.key());
        } else {
          assignees.put(j.key(), assignee);
        }
      }
      default -> throw RestError.badRequest("Invalid action: '" + action + "'.");
    }
    return FakeResponse.empty(200);
  }

  // ============================================================================ history

  private InstanceSnapshot historic(String id) {
    try {
      return engine.get(id);
    } catch (EngineException e) {
      if (e.reason() == EngineException.Reason.INSTANCE_NOT_FOUND || e.reason() == EngineException.Reason.INVALID_ARGUMENT) {
        throw RestError.notFound("Could not find a process instance with id '" + id + "'.");
      }
      throw e;
    }
  }

  private ObjectNode historyBody(InstanceSnapshot s, boolean withVariables) {
    DeployedModel d = definitionOf(s);
    String defId = flowableId(d);
    ObjectNode b = NODES.objectNode();
    b.put("id", s.id());
    b.put("url", baseUrl.get() + "/history/historic-process-instances/" + enc(s.id()));
    b.putNull("name");
    b.put("businessKey", s.businessKey());
    b.putNull("businessStatus");
    b.put("processDefinitionId", defId);
    b.put("processDefinitionUrl", definitionUrl(defId));
    b.put("processDefinitionName", d.name());
    b.putNull("processDefinitionDescription");
    b.put("startTime", FlowableVariables.DATE.format(s.startTime()));
    Instant end = s.isEnded() ? (s.endTime() == null ? s.startTime() : s.endTime()) : null;
    b.put("endTime", end == null ? null : FlowableVariables.DATE.format(end));
    if (end == null) {
      b.putNull("durationInMillis");
    } else {
      b.put("durationInMillis", Duration.between(s.startTime(), end).toMillis());
    }
    b.put("startUserId", startUsers.get(s.id()));
    b.put("startActivityId", s.passedNodeIds().isEmpty() ? null : s.passedNodeIds().get(0));
    b.put("endActivityId", s.state() == InstanceStatus.COMPLETED && !s.passedNodeIds().isEmpty()
        ? s.passedNodeIds().get(s.passedNodeIds().size() - 1) : null);
    b.put("deleteReason", s.state() == InstanceStatus.CANCELLED
        ? deleteReasons.getOrDefault(s.id(), DEFAULT_DELETE_REASON) : null);
    b.putNull("superProcessInstanceId");
    b.set("variables", withVariables ? FlowableVariables.writeAll(visibleVariables(s)) : NODES.arrayNode());
    b.putNull("callbackId");
    b.putNull("callbackType");
    b.putNull("referenceId");
    b.putNull("referenceType");
    b.putNull("propagatedStageInstanceId");
    b.put("tenantId", s.tenantId());
    return b;
  }

  private FakeResponse listHistory(FakeRequest req) {
    Map<String, String> f = new LinkedHashMap<>();
    req.query().forEach((k, v) -> f.put(k, v.get(0)));
    List<InstanceSnapshot> items = new ArrayList<>(engine.list(InstanceFilter.all()));
    items.removeIf(s -> (f.get("processInstanceId") != null && !f.get("processInstanceId").equals(s.id()))
        || (f.get("processDefinitionKey") != null && !f.get("processDefinitionKey").equals(s.processId()))
        || (f.get("processDefinitionId") != null && !f.get("processDefinitionId").equals(flowableId(definitionOf(s))))
        || (f.get("businessKey") != null && !f.get("businessKey").equals(s.businessKey()))
        || (f.get("tenantId") != null && !f.get("tenantId").equals(s.tenantId()))
        || (f.get("startedBy") != null && !f.get("startedBy").equals(startUsers.get(s.id())))
        || (f.get("finished") != null && Boolean.parseBoolean(f.get("finished")) != s.isEnded()));
    boolean withVars = "true".equalsIgnoreCase(f.get("includeProcessVariables"));
    Map<String, Comparator<InstanceSnapshot>> sorts = new LinkedHashMap<>();
    sorts.put("processInstanceId", Comparator.comparing(InstanceSnapshot::id));
    sorts.put("processDefinitionId", Comparator.comparing(s -> flowableId(definitionOf(s))));
    sorts.put("businessKey", Comparator.comparing(InstanceSnapshot::businessKey, Comparator.nullsFirst(Comparator.naturalOrder())));
    sorts.put("startTime", Comparator.comparing(InstanceSnapshot::startTime));
    sorts.put("endTime", Comparator.comparing(InstanceSnapshot::endTime, Comparator.nullsFirst(Comparator.naturalOrder())));
    sorts.put("tenantId", Comparator.comparing(InstanceSnapshot::tenantId));
    return json(200, page(req.query(), items, sorts, "processInstanceId", s -> historyBody(s, withVars)));
  }

  private FakeResponse deleteHistory(String id) {
    InstanceSnapshot s = historic(id);
    if (!s.isEnded()) {
      throw RestError.internal("Process instance is still running, cannot delete historic process instance: " + id);
    }
    engine.delete(id);
    deleteReasons.remove(id);
    removedVariables.remove(id);
    return FakeResponse.empty(204);
  }

  // ============================================================================ identity links

  private List<String[]> links(String instanceId) {
    runtimeInstance(instanceId);
    return identityLinks.computeIfAbsent(instanceId, k -> new ArrayList<>());
  }

  private ObjectNode identityLinkBody(String instanceId, String[] link) {
    ObjectNode b = NODES.objectNode();
    b.put("url", baseUrl.get() + "/runtime/process-instances/" + enc(instanceId) + "/identitylinks/users/"
        + enc(link[0]) + "/" + enc(link[1]));
    b.put("user", link[0]);
    b.putNull("group");
    b.put("type", link[1]);
    return b;
  }

  private FakeResponse listIdentityLinks(String id) {
    ArrayNode a = NODES.arrayNode();
    for (String[] link : links(id)) {
      a.add(identityLinkBody(id, link));
    }
    return json(200, a);
  }

  private FakeResponse addIdentityLink(FakeRequest req, String id) {
    List<String[]> links = links(id);
    JsonNode body = parseObject(req, "org.flowable.rest.service.api.engine.RestIdentityLink");
    if (text(body, "group") != null) {
      throw RestError.badRequest("Only user identity links are supported on a process instance.");
    }
    String linkUser = text(body, "user");
    if (linkUser == null) {
      throw RestError.badRequest("The user is required.");
    }
    String type = text(body, "type");
    if (type == null) {
      throw RestError.badRequest("The identity link type is required.");
    }
    String[] link = {linkUser, type};
    links.add(link); // Flowable does not check for duplicates either
    return json(201, identityLinkBody(id, link));
  }

  private String[] identityLink(String id, String linkUser, String type) {
    return links(id).stream().filter(l -> l[0].equals(linkUser) && l[1].equals(type)).findFirst()
        .orElseThrow(() -> RestError.notFound("Could not find the requested identity link."));
  }

  private FakeResponse deleteIdentityLink(String id, String linkUser, String type) {
    String[] link = identityLink(id, linkUser, type);
    links(id).removeIf(l -> l[0].equals(link[0]) && l[1].equals(link[1]));
    return FakeResponse.empty(204);
  }

  // ============================================================================ helpers

  /** Flowable's list envelope; {@code start}, {@code size}, {@code sort}, {@code order} from the query. */
  private static <T> ObjectNode page(Map<String, List<String>> query, List<T> items,
      Map<String, Comparator<T>> sorts, String defaultSort, Function<T, ObjectNode> body) {
    String sort = first(query, "sort", defaultSort);
    String order = first(query, "order", "asc");
    Comparator<T> cmp = sorts.get(sort);
    if (cmp == null) {
      throw RestError.badRequest("Value for param 'sort' is not valid, '" + sort + "' is not a valid property");
    }
    if (!order.equals("asc") && !order.equals("desc")) {
      throw RestError.badRequest("Value for param 'order' is not valid : '" + order + "', must be 'asc' or 'desc'");
    }
    int start = Math.max(0, intParam(query, "start", 0));
    int size = Math.max(0, intParam(query, "size", 10));
    List<T> sorted = new ArrayList<>(items);
    sorted.sort(order.equals("desc") ? cmp.reversed() : cmp);
    ArrayNode data = NODES.arrayNode();
    for (int i = start; i < sorted.size() && i < (long) start + size; i++) {
      data.add(body.apply(sorted.get(i)));
    }
    ObjectNode envelope = NODES.objectNode();
    envelope.set("data", data);
    envelope.put("total", sorted.size());
    envelope.put("start", start);
    envelope.put("sort", sort);
    envelope.put("order", order);
    envelope.put("size", data.size());
    return envelope;
  }

  private static String first(Map<String, List<String>> query, String name, String fallback) {
    List<String> v = query.get(name);
    return v == null || v.isEmpty() || v.get(0).isEmpty() ? fallback : v.get(0);
  }

  private static int intParam(Map<String, List<String>> query, String name, int fallback) {
    String v = first(query, name, null);
    if (v == null) {
      return fallback;
    }
    try {
      return Integer.parseInt(v.trim());
    } catch (NumberFormatException e) {
      throw RestError.badRequest("Failed to convert value of type 'java.lang.String' to required type 'int';"
          + " For input string: \"" + v + "\"");
    }
  }

  /** The body as JSON; Spring's 400 texts when it is missing or not JSON. */
  private static JsonNode parseJson(FakeRequest req, String targetType) {
    if (req.body().length == 0) {
      throw RestError.badRequest("Required request body is missing");
    }
    try {
      JsonNode n = FlowableVariables.JSON.readTree(req.body());
      if (n == null || n.isMissingNode()) {
        throw RestError.badRequest("Required request body is missing");
      }
      return n;
    } catch (JsonProcessingException e) {
      throw RestError.badRequest("JSON parse error: " + e.getOriginalMessage());
    } catch (IOException e) {
      throw RestError.badRequest("I/O error while reading input message");
    }
  }

  private static JsonNode parseObject(FakeRequest req, String targetType) {
    JsonNode n = parseJson(req, targetType);
    if (!n.isObject()) {
      throw RestError.badRequest("JSON parse error: Cannot deserialize value of type `" + targetType + "` from "
          + FlowableVariables.describe(n) + " value");
    }
    return n;
  }

  private static String text(JsonNode node, String field) {
    JsonNode v = node == null ? null : node.get(field);
    return v == null || v.isNull() ? null : v.asText();
  }

  private static String emptyToNull(String s) {
    return s == null || s.isEmpty() ? null : s;
  }

  /** SQL LIKE with {@code %} and {@code _}. */
  private static boolean like(String value, String pattern) {
    StringBuilder regex = new StringBuilder();
    for (char c : pattern.toCharArray()) {
      switch (c) {
        case '%' -> regex.append(".*");
        case '_' -> regex.append('.');
        default -> regex.append(java.util.regex.Pattern.quote(String.valueOf(c)));
      }
    }
    return value != null && value.matches(regex.toString());
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
  }

}
