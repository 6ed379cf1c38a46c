package io.flowport.rest.flowable.internal;

import static io.flowport.rest.flowable.internal.FlowablePaths.INSTANCES;
import static io.flowport.rest.flowable.internal.FlowablePaths.RUNTIME;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flowport.core.spi.CallContext;
import io.flowport.rest.RestCalls;
import io.flowport.rest.RestFutures;
import io.flowport.rest.RestJson;
import io.flowport.rest.RestRequest;
import io.flowport.rest.flowable.FlowableErrors;
import io.flowport.rest.flowable.IdentityLink;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/** User tasks and the people involved in an instance (identity links). */
public final class FlowableTasks {
  private final RestCalls http;

  FlowableTasks(RestCalls http) {
    this.http = http;
  }

  /**
   * Completes the instance's open task with definition key {@code taskKey} (two requests: find
   * it, complete it); ResourceNotFoundException (through {@link FlowableErrors#NO_OPEN_TASK}) when
   * none is open.
   */
  public CompletableFuture<Void> complete(CallContext ctx, String instanceId, String taskKey, Map<String, ?> variables) {
    RestRequest open = RestRequest.get(RUNTIME, "tasks")
        .query("processInstanceId", instanceId)
        .query("taskDefinitionKey", taskKey)
        .query("size", 1)
        .build();
    CompletableFuture<String> task = FlowablePaths.firstId(http, ctx, open, FlowableErrors.NO_OPEN_TASK,
        "instance '" + instanceId + "' has no open task '" + taskKey + "'");
    return RestFutures.compose(task, id -> {
      ObjectNode body = RestJson.object().put("action", "complete");
      if (variables != null && !variables.isEmpty()) {
        body.set("variables", FlowableJson.variables(variables));
      }
      return http.call(ctx, RestRequest.post(RUNTIME, "tasks", id).json(body).build());
    });
  }

  public CompletableFuture<List<IdentityLink>> identityLinks(CallContext ctx, String instanceId) {
    return http.call(ctx, RestRequest.get(RUNTIME, INSTANCES, instanceId, "identitylinks").build(),
        r -> RestJson.items(r.json(), FlowableJson::identityLink));
  }

  public CompletableFuture<IdentityLink> addIdentityLink(CallContext ctx, String instanceId, String user, String type) {
    // The docs say "userId"; Flowable 6/7 reads "user" (RestIdentityLink).
    ObjectNode body = RestJson.object().put("user", user).put("type", type);
    return http.call(ctx, RestRequest.post(RUNTIME, INSTANCES, instanceId, "identitylinks").json(body).build(),
        r -> FlowableJson.identityLink(r.json()));
  }

  public CompletableFuture<Void> removeIdentityLink(CallContext ctx, String instanceId, String user, String type) {
    return http.call(ctx, RestRequest.delete(RUNTIME, INSTANCES, instanceId, "identitylinks", "users", user, type)
        .build());
  }
}
