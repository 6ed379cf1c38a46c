package io.flowport.testkit.fakes.flowable.internal;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flowport.testkit.fakes.http.FakeRequest;
import io.flowport.testkit.fakes.http.Multipart;
import io.flowport.testkit.fakes.rest.RestError;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Flowable's binary variables, kept beside the engine (whose variables are JSON values): written by
 * a multipart request ({@code name}, {@code type=binary}, {@code file}), listed with
 * {@code "value":null} and a {@code valueUrl}, read through {@code .../variables/{name}/data}.
 * As on Flowable 7.2.0, creating one that exists is a 500 "already present" (not the JSON 409), and
 * a multipart PUT on the collection is a create.
 */
final class BinaryVariables {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private final Supplier<String> baseUrl;
  /** Instance id → name → content. */
  private final Map<String, Map<String, byte[]>> byInstance = new ConcurrentHashMap<>();

  BinaryVariables(Supplier<String> baseUrl) {
    this.baseUrl = baseUrl;
  }

  static boolean isMultipart(FakeRequest req) {
    return Multipart.isMultipart(req.header("content-type"));
  }

  Map<String, byte[]> of(String instanceId) {
    return byInstance.getOrDefault(instanceId, Map.of());
  }

  boolean has(String instanceId, String name) {
    return of(instanceId).containsKey(name);
  }

  /** Writes the binary variable a multipart request carries; {@code create} refuses one that exists. */
  ObjectNode write(FakeRequest req, String instanceId, String urlName, boolean create,
      Predicate<String> existsAsValue) {
    List<Multipart.Part> parts = req.parts();
    Map<String, String> fields = new LinkedHashMap<>();
    byte[] content = null;
    for (Multipart.Part p : parts) {
      if (p.isFile()) {
        content = p.content();
      } else if (p.name() != null) {
        fields.putIfAbsent(p.name(), p.text());
      }
    }
    String name = urlName != null ? urlName : fields.get("name");
    if (name == null || name.isEmpty()) {
      throw RestError.badRequest("No variable name was found in request body.");
    }
    if (content == null) {
      throw RestError.badRequest("No file content was found in request body.");
    }
    if (create && (existsAsValue.test(name) || has(instanceId, name))) {
      throw RestError.internal("Variable '" + name + "' is already present on execution '" + instanceId + "'.");
    }
    byInstance.computeIfAbsent(instanceId, k -> new LinkedHashMap<>()).put(name, content);
    return body(instanceId, name, "local");
  }

  /** A binary variable's body: no value, a link to its data below the runtime instance. */
  ObjectNode body(String instanceId, String name, String scope) {
    return body("/runtime/process-instances/", instanceId, name, scope);
  }

  /** A binary variable's body with its data below {@code collection} (runtime or history instances). */
  ObjectNode body(String collection, String instanceId, String name, String scope) {
    ObjectNode v = NODES.objectNode();
    v.put("name", name);
    v.put("type", "binary");
    v.putNull("value");
    v.put("valueUrl", baseUrl.get() + collection + FlowableBodies.enc(instanceId) + "/variables/"
        + FlowableBodies.enc(name) + "/data");
    v.put("scope", scope);
    return v;
  }

  /** Appends the instance's binary variables to a variable list (links below {@code collection}). */
  void appendTo(ArrayNode list, String collection, String instanceId) {
    of(instanceId).keySet().forEach(name -> list.add(body(collection, instanceId, name, "local")));
  }

  /** Removes one; true if there was one. */
  boolean remove(String instanceId, String name) {
    Map<String, byte[]> vars = byInstance.get(instanceId);
    return vars != null && vars.remove(name) != null;
  }
}
