package io.flowport.testkit.fakes.flowable.internal;

import static io.flowport.testkit.fakes.flowable.internal.FlowableBodies.json;
import static io.flowport.testkit.fakes.flowable.internal.FlowableState.flowableId;

import io.flowport.testkit.engine.InMemoryEngine;
import io.flowport.testkit.engine.InstanceFilter;
import io.flowport.testkit.engine.InstanceSnapshot;
import io.flowport.testkit.fakes.http.FakeRequest;
import io.flowport.testkit.fakes.http.FakeResponse;
import io.flowport.testkit.fakes.rest.RestError;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Flowable's {@code history/historic-process-instances} (list, get, delete of an ended instance) and
 * {@code history/historic-variable-instances} (an instance's variables, running or ended).
 */
final class HistoryResource {
  private final InMemoryEngine engine;
  private final FlowableState state;
  private final FlowableBodies bodies;

  HistoryResource(FlowableState state, FlowableBodies bodies) {
    this.engine = state.engine;
    this.state = state;
    this.bodies = bodies;
  }

  FakeResponse get(String id) {
    return json(200, bodies.historyBody(state.historic(id), false));
  }

  FakeResponse listHistory(FakeRequest req) {
    Map<String, String> f = new LinkedHashMap<>();
    req.query().forEach((k, v) -> f.put(k, v.get(0)));
    List<InstanceSnapshot> items = new ArrayList<>(byInstanceId(f.get("processInstanceId")));
    items.removeIf(s -> (f.get("processInstanceId") != null && !f.get("processInstanceId").equals(s.id()))
        || (f.get("processDefinitionKey") != null && !f.get("processDefinitionKey").equals(s.processId()))
        || (f.get("processDefinitionId") != null && !f.get("processDefinitionId").equals(flowableId(state.definitionOf(s))))
        || (f.get("businessKey") != null && !f.get("businessKey").equals(s.businessKey()))
        || (f.get("tenantId") != null && !f.get("tenantId").equals(s.tenantId()))
        || (f.get("startedBy") != null && !f.get("startedBy").equals(state.startUsers.get(s.id())))
        || (f.get("finished") != null && Boolean.parseBoolean(f.get("finished")) != s.isEnded()));
    boolean withVars = "true".equalsIgnoreCase(f.get("includeProcessVariables"));
    Map<String, Comparator<InstanceSnapshot>> sorts = new LinkedHashMap<>();
    sorts.put("processInstanceId", Comparator.comparing(InstanceSnapshot::id));
    sorts.put("processDefinitionId", Comparator.comparing(s -> flowableId(state.definitionOf(s))));
    sorts.put("businessKey", Comparator.comparing(InstanceSnapshot::businessKey, Comparator.nullsFirst(Comparator.naturalOrder())));
    sorts.put("startTime", Comparator.comparing(InstanceSnapshot::startTime));
    sorts.put("endTime", Comparator.comparing(InstanceSnapshot::endTime, Comparator.nullsFirst(Comparator.naturalOrder())));
    sorts.put("tenantId", Comparator.comparing(InstanceSnapshot::tenantId));
    return json(200, bodies.page(req.query(), items, sorts, "processInstanceId", s -> bodies.historyBody(s, withVars)));
  }

  /** Variables by {@code processInstanceId} and {@code variableName}; ids are {@code <instance id>.var.<name>}. */
  FakeResponse listHistoricVariables(FakeRequest req) {
    String instanceId = req.queryParam("processInstanceId");
    String name = req.queryParam("variableName");
    List<Map.Entry<InstanceSnapshot, String>> items = new ArrayList<>();
    for (InstanceSnapshot s : byInstanceId(instanceId)) {
      if (instanceId == null || instanceId.equals(s.id())) {
        for (String n : state.visibleVariables(s).keySet()) {
          if (name == null || name.equals(n)) {
            items.add(Map.entry(s, n));
          }
        }
      }
    }
    Map<String, Comparator<Map.Entry<InstanceSnapshot, String>>> sorts = new LinkedHashMap<>();
    sorts.put("variableName", Map.Entry.comparingByValue());
    sorts.put("processInstanceId", Comparator.comparing(e -> e.getKey().id()));
    return json(200, bodies.page(req.query(), items, sorts, "variableName", e -> bodies.historicVariableBody(
        e.getKey(), e.getValue(), state.visibleVariables(e.getKey()).get(e.getValue()))));
  }

  /**
   * The one instance of that id (none if unknown), or every instance for a null id: a lookup by id
   * must not scan the history, which grows with every instance (start-and-await reads it per call).
   */
  private List<InstanceSnapshot> byInstanceId(String id) {
    if (id == null) {
      return engine.list(InstanceFilter.all());
    }
    try {
      return List.of(state.historic(id));
    } catch (RestError notFound) {
      return List.of();
    }
  }

  FakeResponse deleteHistory(String id) {
    InstanceSnapshot s = state.historic(id);
    if (!s.isEnded()) {
      throw RestError.internal("Process instance is still running, cannot delete historic process instance: " + id);
    }
    engine.delete(id);
    state.deleteReasons.remove(id);
    state.removedVariables.remove(id);
    return FakeResponse.empty(204);
  }
}
