package io.flowport.testkit.fakes.flowable.internal;

import static io.flowport.testkit.fakes.flowable.internal.FlowableBodies.json;
import static io.flowport.testkit.fakes.flowable.internal.FlowableRequests.parseJson;
import static io.flowport.testkit.fakes.flowable.internal.FlowableRequests.parseObject;
import static io.flowport.testkit.fakes.flowable.internal.FlowableRequests.text;

import com.fasterxml.jackson.databind.JsonNode;
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

  VariableResource(FlowableState state) {
    this.engine = state.engine;
    this.state = state;
  }

  FakeResponse getVariables(String id) {
    return json(200, FlowableVariables.writeAll(state.visibleVariables(state.execution(id))));
  }

  FakeResponse getVariable(String id, String name) {
    Map<String, Object> vars = state.visibleVariables(state.execution(id));
    if (!vars.containsKey(name)) {
      throw RestError.notFound("Execution '" + id + "' does not have a variable with name: '" + name + "'.");
    }
    return json(200, FlowableVariables.writeOne(name, vars.get(name)));
  }

  /** A variable's binary data; the fake keeps no binary variables, so any other variable has none. */
  FakeResponse getVariableData(String id, String name) {
    Map<String, Object> vars = state.visibleVariables(state.execution(id));
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
    state.execution(id);
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
    if (!state.visibleVariables(s).containsKey(name)) {
      throw RestError.notFound("Execution '" + id + "' does not have a variable '" + name + "' in scope local");
    }
    // The engine cannot remove a variable: the fake hides it (conditions still see the old value).
    state.removedVariables.computeIfAbsent(id, k -> ConcurrentHashMap.newKeySet()).add(name);
    return FakeResponse.empty(204);
  }
}
