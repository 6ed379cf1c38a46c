package io.flowport.testkit.fakes.flowable.internal;

import static io.flowport.testkit.fakes.flowable.internal.FlowableBodies.json;
import static io.flowport.testkit.fakes.flowable.internal.FlowableRequests.parseObject;
import static io.flowport.testkit.fakes.flowable.internal.FlowableRequests.text;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowport.testkit.engine.InMemoryEngine;
import io.flowport.testkit.engine.JobSnapshot;
import io.flowport.testkit.fakes.http.FakeRequest;
import io.flowport.testkit.fakes.http.FakeResponse;
import io.flowport.testkit.fakes.rest.RestError;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Flowable's {@code runtime/tasks}: user tasks (task id = engine job key); list, get, complete, claim. */
final class TaskResource {
  private final InMemoryEngine engine;
  private final FlowableState state;
  private final FlowableBodies bodies;

  TaskResource(FlowableState state, FlowableBodies bodies) {
    this.engine = state.engine;
    this.state = state;
    this.bodies = bodies;
  }

  FakeResponse get(String id) {
    return json(200, bodies.taskBody(state.task(id)));
  }

  FakeResponse listTasks(FakeRequest req) {
    String instanceId = req.queryParam("processInstanceId");
    String definitionKey = req.queryParam("taskDefinitionKey");
    String businessKey = req.queryParam("processInstanceBusinessKey");
    String assignee = req.queryParam("assignee");
    List<JobSnapshot> items = new ArrayList<>(state.userTasks());
    items.removeIf(j -> (instanceId != null && !instanceId.equals(j.instanceId()))
        || (definitionKey != null && !definitionKey.equals(j.nodeId()))
        || (assignee != null && !assignee.equals(state.assignees.get(j.key())))
        || (businessKey != null && !businessKey.equals(engine.get(j.instanceId()).businessKey())));
    Map<String, Comparator<JobSnapshot>> sorts = new LinkedHashMap<>();
    sorts.put("id", Comparator.comparing(JobSnapshot::key));
    sorts.put("name", Comparator.comparing(JobSnapshot::nodeId));
    sorts.put("createTime", Comparator.comparing(JobSnapshot::key));
    sorts.put("processInstanceId", Comparator.comparing(JobSnapshot::instanceId));
    return json(200, bodies.page(req.query(), items, sorts, "id", bodies::taskBody));
  }

  FakeResponse taskAction(FakeRequest req, String id) {
    JobSnapshot j = state.task(id);
    JsonNode body = parseObject(req, "org.flowable.rest.service.api.runtime.task.TaskActionRequest");
    String action = text(body, "action");
    Map<String, Object> vars = FlowableVariables.read(body.get("variables"), false);
    FlowableVariables.read(body.get("transientVariables"), false);
    switch (action == null ? "" : action) {
      case "complete" -> {
        engine.completeJob(j.key(), vars);
        state.unhide(j.instanceId(), vars.keySet());
        state.assignees.remove(j.key());
      }
      case "claim" -> {
        String assignee = text(body, "assignee");
        if (assignee == null) {
          state.assignees.remove(j.key());
        } else {
          state.assign(j, assignee);
        }
      }
      default -> throw RestError.badRequest("Invalid action: '" + action + "'.");
    }
    return FakeResponse.empty(200);
  }
}
