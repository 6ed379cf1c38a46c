package io.flowport.rest.flowable.internal;

import static io.flowport.rest.flowable.internal.FlowablePaths.INSTANCES;
import static io.flowport.rest.flowable.internal.FlowablePaths.RUNTIME;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flowport.core.model.MessageReceipt;
import io.flowport.core.model.MessageRequest;
import io.flowport.core.spi.CallContext;
import io.flowport.rest.RestCalls;
import io.flowport.rest.RestFutures;
import io.flowport.rest.RestJson;
import io.flowport.rest.RestRequest;
import io.flowport.rest.flowable.FlowableErrors;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Messages and signals. Flowable has no correlation key: a publish finds the instances whose
 * business key is the correlation key (the first 100, in id order; when none has it, the key is
 * taken as an instance id), then the first of their executions waiting for the message, and
 * delivers it there (one only, like Zeebe); a null correlation key delivers to any one waiting
 * execution. When none waits, a process with that message start event is started (the
 * correlation key as business key). TTL and message id are not supported by Flowable and are
 * ignored (a message is never buffered). All of that is one attempt of several requests: the
 * business-key lookup, one execution lookup per candidate, then the delivery or the start.
 */
public final class FlowableMessages {
  /** How many instances with the correlation key (business key) are tried for a waiting execution. */
  private static final int CORRELATION_CANDIDATES = 100;

  private final RestCalls http;

  FlowableMessages(RestCalls http) {
    this.http = http;
  }

  public CompletableFuture<MessageReceipt> publish(CallContext ctx, MessageRequest request) {
    CompletableFuture<JsonNode> waiting;
    if (request.correlationKey() == null) {
      waiting = waitingExecutions(ctx, request.name(), null, request.tenantId());
    } else {
      // Executions below the process instance carry no business key: find the instances first.
      RestRequest instances = RestRequest.get(RUNTIME, INSTANCES)
          .query("businessKey", request.correlationKey())
          .query("tenantId", request.tenantId())
          .query("sort", "id")
          .query("size", CORRELATION_CANDIDATES)
          .build();
      CompletableFuture<List<String>> ids = http.call(ctx, instances, r -> {
        List<String> found = new ArrayList<>(
            RestJson.items(RestJson.requireArray(r.json(), "data"), n -> RestJson.requireText(n, "id")));
        if (found.isEmpty()) {
          found.add(request.correlationKey()); // no such business key: try it as an instance id
        }
        return found;
      });
      waiting = RestFutures.compose(ids, list -> firstWaiting(ctx, request, list, 0));
    }
    return RestFutures.compose(waiting, data -> {
      if (!data.isEmpty()) {
        JsonNode execution = data.get(0);
        String executionId = RestJson.requireText(execution, "id");
        String instanceId = RestJson.text(execution, "processInstanceId");
        return RestFutures.map(deliver(ctx, executionId, request.name(), request.variables()),
            v -> new MessageReceipt(null, instanceId == null ? executionId : instanceId));
      }
      // Nothing waits: a message start event may take it.
      ObjectNode body = RestJson.object().put("message", request.name());
      RestJson.putIfNotNull(body, "businessKey", request.correlationKey());
      RestJson.putIfNotNull(body, "tenantId", request.tenantId());
      if (!request.variables().isEmpty()) {
        body.set("variables", FlowableJson.variables(request.variables()));
      }
      return http.call(ctx, RestRequest.post(RUNTIME, INSTANCES).json(body).build(),
          r -> new MessageReceipt(null, RestJson.requireText(r.json(), "id")));
    });
  }

  /** The executions of the first candidate instance that wait for the message (an empty array when none). */
  private CompletableFuture<JsonNode> firstWaiting(
      CallContext ctx, MessageRequest request, List<String> instanceIds, int index) {
    if (index == instanceIds.size()) {
      return CompletableFuture.completedFuture(com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.arrayNode());
    }
    return RestFutures.compose(waitingExecutions(ctx, request.name(), instanceIds.get(index), request.tenantId()),
        data -> data.isEmpty() ? firstWaiting(ctx, request, instanceIds, index + 1)
            : CompletableFuture.completedFuture(data));
  }

  private CompletableFuture<JsonNode> waitingExecutions(
      CallContext ctx, String messageName, String instanceId, String tenantId) {
    RestRequest waiting = RestRequest.get(RUNTIME, "executions")
        .query("messageEventSubscriptionName", messageName)
        .query("processInstanceId", instanceId)
        .query("tenantId", tenantId)
        .query("size", 1)
        .build();
    return http.call(ctx, waiting, r -> RestJson.requireArray(r.json(), "data"));
  }

  /**
   * Delivers a message to the execution of {@code instanceId} subscribed to it (two requests:
   * the subscription lookup, then the delivery); InstanceNotFoundException (through
   * {@link FlowableErrors#NO_WAITING_EXECUTION}) when none waits.
   */
  public CompletableFuture<Void> messageInstance(
      CallContext ctx, String instanceId, String messageName, Map<String, ?> variables) {
    RestRequest waiting = RestRequest.get(RUNTIME, "executions")
        .query("processInstanceId", instanceId)
        .query("messageEventSubscriptionName", messageName)
        .query("size", 1)
        .build();
    CompletableFuture<String> execution = FlowablePaths.firstId(http, ctx, waiting, FlowableErrors.NO_WAITING_EXECUTION,
        "no execution of instance '" + instanceId + "' waits for message '" + messageName + "'");
    return RestFutures.compose(execution, id -> deliver(ctx, id, messageName, variables));
  }

  private CompletableFuture<Void> deliver(
      CallContext ctx, String executionId, String messageName, Map<String, ?> variables) {
    ObjectNode body = RestJson.object()
        .put("action", "messageEventReceived")
        .put("messageName", messageName);
    if (variables != null && !variables.isEmpty()) {
      body.set("variables", FlowableJson.variables(variables));
    }
    return http.call(ctx, RestRequest.put(RUNTIME, "executions", executionId).json(body).build());
  }

  /** Throws a signal ({@code POST runtime/signals}). */
  public CompletableFuture<Void> signal(
      CallContext ctx, String signalName, String tenantId, Map<String, ?> variables, boolean async) {
    ObjectNode body = RestJson.object().put("signalName", signalName);
    RestJson.putIfNotNull(body, "tenantId", tenantId);
    if (async) {
      body.put("async", true);
    }
    if (variables != null && !variables.isEmpty()) {
      body.set("variables", FlowableJson.variables(variables));
    }
    return http.call(ctx, RestRequest.post(RUNTIME, "signals").json(body).build());
  }
}
