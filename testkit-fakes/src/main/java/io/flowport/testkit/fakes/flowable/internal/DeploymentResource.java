package io.flowport.testkit.fakes.flowable.internal;

import static io.flowport.testkit.fakes.flowable.internal.FlowableBodies.json;
import static io.flowport.testkit.fakes.flowable.internal.FlowableRequests.emptyToNull;

import io.flowport.testkit.engine.DeployedModel;
import io.flowport.testkit.engine.EngineDeployment;
import io.flowport.testkit.engine.EngineException;
import io.flowport.testkit.engine.InMemoryEngine;
import io.flowport.testkit.engine.InstanceFilter;
import io.flowport.testkit.engine.InstanceSnapshot;
import io.flowport.testkit.fakes.flowable.internal.FlowableState.DeploymentRec;
import io.flowport.testkit.fakes.http.FakeRequest;
import io.flowport.testkit.fakes.http.FakeResponse;
import io.flowport.testkit.fakes.http.Multipart;
import io.flowport.testkit.fakes.rest.RestError;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Flowable's {@code repository/deployments}: multipart deploy (first file only; .bpmn20.xml,
 * .bpmn, .bar, .zip), list, get, delete (cascade).
 */
final class DeploymentResource {
  private final InMemoryEngine engine;
  private final FlowableState state;
  private final FlowableBodies bodies;

  DeploymentResource(FlowableState state, FlowableBodies bodies) {
    this.engine = state.engine;
    this.state = state;
    this.bodies = bodies;
  }

  FakeResponse get(String id) {
    return json(200, bodies.deploymentBody(state.deployment(id)));
  }

  private static final String[] SUFFIXES = {".bpmn20.xml", ".bpmn", ".bar", ".zip"};

  FakeResponse deploy(FakeRequest req) {
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
      // Flowable 7.2.0 reads tenantId, category and deploymentKey from form fields too, but the
      // deployment's name only from the query (a deploymentName form field is ignored).
      if (!p.isFile() && p.name() != null && !p.name().equals("deploymentName")) {
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
      throw RestError.internal(FlowableParseErrors.message(resources, e.getMessage()));
    }
    Map<String, BpmnIndex.ProcessInfo> infos = new LinkedHashMap<>();
    resources.values().forEach(bytes -> infos.putAll(BpmnIndex.parse(bytes)));
    for (DeployedModel def : d.definitions()) {
      BpmnIndex.ProcessInfo info = infos.get(def.processId());
      if (info != null) {
        state.index.put(def.key(), info);
      }
    }
    String name = fields.get("deploymentName");
    if (name == null || name.isEmpty()) {
      name = fileName.split("\\.")[0]; // Flowable: the file name up to its first dot
    }
    Instant time = d.definitions().isEmpty() ? engine.clock().instant() : d.definitions().get(0).deployedAt();
    DeploymentRec rec = new DeploymentRec(d.key(), name, time, fields.get("category"), fields.get("deploymentKey"),
        tenantId == null ? "" : tenantId);
    state.deployments.put(rec.id(), rec);
    return json(201, bodies.deploymentBody(rec));
  }

  static boolean hasSuffix(String name) {
    for (String suffix : SUFFIXES) {
      if (name.endsWith(suffix)) {
        return true;
      }
    }
    return false;
  }

  static void unzip(byte[] zip, Map<String, byte[]> into) {
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

  FakeResponse listDeployments(FakeRequest req) {
    Map<String, DeploymentRec> all = new LinkedHashMap<>();
    for (DeployedModel d : state.visibleDefinitions()) {
      all.computeIfAbsent(d.deploymentKey(), state::deployment);
    }
    state.deployments.values().stream().filter(r -> !state.deletedDeployments.contains(r.id())).forEach(r -> all.putIfAbsent(r.id(), r));
    List<DeploymentRec> items = new ArrayList<>(all.values());
    String tenant = req.queryParam("tenantId");
    String name = req.queryParam("name");
    items.removeIf(r -> (tenant != null && !tenant.equals(r.tenantId())) || (name != null && !name.equals(r.name())));
    Map<String, Comparator<DeploymentRec>> sorts = new LinkedHashMap<>();
    sorts.put("id", Comparator.comparing(DeploymentRec::id));
    sorts.put("name", Comparator.comparing(DeploymentRec::name, Comparator.nullsFirst(Comparator.naturalOrder())));
    sorts.put("deployTime", Comparator.comparing(DeploymentRec::time));
    sorts.put("tenantId", Comparator.comparing(DeploymentRec::tenantId));
    return json(200, bodies.page(req.query(), items, sorts, "id", bodies::deploymentBody));
  }

  FakeResponse deleteDeployment(FakeRequest req, String id) {
    state.deployment(id); // 404 when unknown
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
    state.deletedDeployments.add(id);
    return FakeResponse.empty(204);
  }
}
