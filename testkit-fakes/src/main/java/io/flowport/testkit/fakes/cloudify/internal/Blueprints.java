package io.flowport.testkit.fakes.cloudify.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the fake's blueprint resources (JSON, documented on
 * {@link io.flowport.testkit.fakes.cloudify.FakeCloudifyManager}) into deployments and deployment
 * groups on the {@link Manager}.
 */
public final class Blueprints {
  private Blueprints() {}

  /** Loads {@code json} into {@code manager}; IllegalArgumentException when it is not a blueprint document. */
  public static void load(Manager manager, byte[] json) {
    JsonNode root;
    try {
      root = CloudifyRouter.JSON.readTree(json);
    } catch (IOException e) {
      throw new IllegalArgumentException("a fake Cloudify blueprint is JSON: " + e.getMessage(), e);
    }
    if (root == null || !root.isObject() || !root.path("blueprint_id").isTextual()) {
      throw new IllegalArgumentException("a fake Cloudify blueprint is an object with a blueprint_id");
    }
    String blueprintId = root.get("blueprint_id").asText();
    Map<String, Rows.Workflow> workflows = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = root.path("workflows").fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> w = it.next();
      String run = w.getValue().path("run").asText("wait");
      if (!List.of("wait", "succeed", "fail").contains(run)) {
        throw new IllegalArgumentException("workflow " + w.getKey() + ": run is wait, succeed or fail, not " + run);
      }
      Map<String, Map<String, Object>> params = null;
      if (w.getValue().has("parameters")) {
        params = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> p = w.getValue().get("parameters").fields(); p.hasNext(); ) {
          Map.Entry<String, JsonNode> param = p.next();
          params.put(param.getKey(), CloudifyRouter.JSON.convertValue(param.getValue(), Map.class));
        }
      }
      workflows.put(w.getKey(), new Rows.Workflow(w.getKey(), run, w.getValue().path("error").asText(null), params));
    }
    for (JsonNode d : root.path("deployments")) {
      String id = d.isTextual() ? d.asText() : d.path("id").asText();
      String environment = d.isObject() ? d.path("environment").asText("ok") : "ok";
      manager.addDeployment(new Rows.Deployment(id, blueprintId, Map.copyOf(workflows), environment));
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = root.path("deployment_groups").fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> g = it.next();
      List<String> ids = new ArrayList<>();
      g.getValue().forEach(n -> ids.add(n.asText()));
      manager.addDeploymentGroup(g.getKey(), ids);
    }
  }
}
