package io.flowport.testkit.fakes.flowable.internal;

import static io.flowport.testkit.fakes.flowable.internal.FlowableBodies.json;
import static io.flowport.testkit.fakes.flowable.internal.FlowableRequests.parseJson;
import static io.flowport.testkit.fakes.flowable.internal.FlowableRequests.parseObject;
import static io.flowport.testkit.fakes.flowable.internal.FlowableRequests.text;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.flowport.testkit.engine.InMemoryEngine;
import io.flowport.testkit.engine.InstanceSnapshot;
import io.flowport.testkit.fakes.http.FakeRequest;
import io.flowport.testkit.fakes.http.FakeResponse;
import io.flowport.testkit.fakes.rest.RestError;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Flowable's {@code runtime/process-instances/{id}/variables}: list, get, create, upsert, put one,
 * delete (hidden, see {@link FlowableState#removedVariables}).
 */
final class VariableResource {
  private final InMemoryEngine engine;
  private final FlowableState state;

  private final BinaryVariables binaries;

  VariableResource(FlowableState state, BinaryVariables binaries) {
    this.engine = state.engine;
    this.state = state;
    this.binaries = binaries;
  }

  FakeResponse getVariables(String id) {
    InstanceSnapshot s = state.execution(id);
    ArrayNode list = FlowableVariables.writeAll(state.visibleVariables(s));
    binaries.appendTo(list, "/runtime/process-instances/", s.id());
    return json(200, list);
  }

  FakeResponse getVariable(String id, String name) {
    InstanceSnapshot s = state.execution(id);
    if (binaries.has(s.id(), name)) {
      return json(200, binaries.body(s.id(), name, null));
    }
    Map<String, Object> vars = state.visibleVariables(s);
    if (!vars.containsKey(name)) {
      throw RestError.notFound("Execution '" + id + "' does not have a variable with name: '" + name + "'.");
    }
    return json(200, FlowableVariables.writeOne(name, vars.get(name)));
  }

  /** A variable's binary data; the fake keeps no binary variables, so any other variable has none. */
  FakeResponse getVariableData(String id, String name) {
    InstanceSnapshot s = state.execution(id);
    byte[] binary = binaries.of(s.id()).get(name);
    if (binary != null) {
      return new FakeResponse(200, Map.of("Content-Type", "application/octet-stream"), binary);
    }
    Map<String, Object> vars = state.visibleVariables(s);
    if (!vars.containsKey(name)) {
      throw RestError.notFound("Execution '" + id + "' does not have a variable with name: '" + name + "'.");
    }
    if (vars.get(name) instanceof byte[] bytes) {
      return new FakeResponse(200, Map.of("Content-Type", "application/octet-stream"), bytes);
    }
    throw RestError.notFound("The variable does not have a binary data stream.");
  }

  FakeResponse writeVariables(FakeRequest req, String id, boolean create) {
    InstanceSnapshot s = state.execution(id);
    if (BinaryVariables.isMultipart(req)) { // a binary variable; Flowable 7.2.0 creates on PUT too
      return json(201, binaries.write(req, s.id(), null, true, state.visibleVariables(s)::containsKey));
    }
    JsonNode body = parseJson(req);
    Map<String, Object> vars = FlowableVariables.read(body, true);
    if (create) {
      Map<String, Object> existing = state.visibleVariables(s);
      for (String name : vars.keySet()) {
        if (existing.containsKey(name)) {
          throw RestError.conflict("Variable '" + name + "' is already present on execution '" + id + "'.");
        }
      }
    }
    state.upsert(id, vars);
    return json(201, FlowableVariables.writeSome(engine.variables(id), vars.keySet()));
  }

  FakeResponse putVariable(FakeRequest req, String id, String name) {
    InstanceSnapshot s = state.execution(id);
    if (BinaryVariables.isMultipart(req)) {
      return json(200, binaries.write(req, s.id(), name, false, n -> false));
    }
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
    state.upsert(id, one);
    return json(200, FlowableVariables.writeOne(name, v.getValue()));
  }

  FakeResponse deleteVariable(String id, String name) {
    InstanceSnapshot s = state.execution(id);
    if (binaries.remove(s.id(), name)) {
      return FakeResponse.empty(204);
    }
    if (!state.visibleVariables(s).containsKey(name)) {
      throw RestError.notFound("Execution '" + id + "' does not have a variable '" + name + "' in scope local");
    }
    // The engine cannot remove a variable: the fake hides it (conditions still see the old value).
    state.removedVariables.computeIfAbsent(id, k -> ConcurrentHashMap.newKeySet()).add(name);
    return FakeResponse.empty(204);
  }
}
