package io.flowport.rest.flowable.internal;

import static io.flowport.rest.flowable.internal.FlowablePaths.HISTORIC_INSTANCES;
import static io.flowport.rest.flowable.internal.FlowablePaths.HISTORY;
import static io.flowport.rest.flowable.internal.FlowablePaths.INSTANCES;
import static io.flowport.rest.flowable.internal.FlowablePaths.RUNTIME;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowport.core.spi.CallContext;
import io.flowport.rest.RestBody;
import io.flowport.rest.RestCalls;
import io.flowport.rest.RestCalls.Fallback;
import io.flowport.rest.RestFutures;
import io.flowport.rest.RestJson;
import io.flowport.rest.RestRequest;
import io.flowport.rest.RestResponse;
import io.flowport.rest.flowable.FlowableErrors;
import io.flowport.rest.flowable.FlowableVariable;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;

/**
 * An instance's variables. Reads fall back to the history of an ended instance when the runtime
 * answers 404 for a missing execution (two requests in one attempt); writes are one request.
 */
public final class FlowableVariables {
  /** The runtime's 404 for an instance it does not have (not for a missing variable). */
  private static final Predicate<RestResponse> MISSING_EXECUTION = r -> r.status() == 404
      && (r.text().contains("Could not find an execution") || r.text().contains("Could not find a process instance"));

  private final RestCalls http;

  FlowableVariables(RestCalls http) {
    this.http = http;
  }

  /** Every variable with its type; from history when the instance has ended. */
  public CompletableFuture<List<FlowableVariable>> typed(CallContext ctx, String instanceId) {
    return http.call(ctx, RestRequest.get(RUNTIME, INSTANCES, instanceId, "variables").build(),
        r -> FlowableJson.readVariables(r.json()),
        Fallback.when(MISSING_EXECUTION, notInRuntime -> historic(ctx, instanceId, notInRuntime)));
  }

  /** Every variable's value by name. */
  public CompletableFuture<Map<String, Object>> values(CallContext ctx, String instanceId) {
    return RestFutures.map(typed(ctx, instanceId), FlowableJson::valuesByName);
  }

  /** One variable's value; from history when the instance has ended. */
  public CompletableFuture<Object> value(CallContext ctx, String instanceId, String name) {
    return http.call(ctx, RestRequest.get(RUNTIME, INSTANCES, instanceId, "variables", name).build(),
        r -> FlowableJson.readVariable(r.json()).value(),
        Fallback.when(MISSING_EXECUTION, notInRuntime -> RestFutures.map(historicAnswer(ctx, instanceId, notInRuntime),
            h -> {
              for (FlowableVariable v : h.variables()) {
                if (v.name().equals(name)) {
                  return v.value();
                }
              }
              throw FlowablePaths.derived(ctx, h.answer(), FlowableErrors.NO_SUCH_HISTORIC_VARIABLE,
                  "ended instance '" + instanceId + "' has no variable '" + name + "'");
            })));
  }

  private CompletableFuture<List<FlowableVariable>> historic(
      CallContext ctx, String instanceId, RestResponse runtimeNotFound) {
    return RestFutures.map(historicAnswer(ctx, instanceId, runtimeNotFound), Historic::variables);
  }

  /** The variables of an ended instance and the answer they came in. */
  private record Historic(List<FlowableVariable> variables, RestResponse answer) {}

  /** The history's variables of an ended instance; the runtime's 404 when history has no such instance either. */
  private CompletableFuture<Historic> historicAnswer(CallContext ctx, String instanceId, RestResponse runtimeNotFound) {
    RestRequest request = RestRequest.get(HISTORY, HISTORIC_INSTANCES)
        .query("processInstanceId", instanceId)
        .query("includeProcessVariables", true)
        .build();
    return http.call(ctx, request, h -> {
      JsonNode data = RestJson.requireArray(h.json(), "data");
      if (data.isEmpty()) {
        throw http.error(ctx.operation(), runtimeNotFound);
      }
      JsonNode vars = data.get(0).get("variables");
      return new Historic(vars == null || vars.isNull() ? List.of() : FlowableJson.readVariables(vars), h);
    });
  }

  public CompletableFuture<Void> create(CallContext ctx, String instanceId, Map<String, Object> variables) {
    if (variables.isEmpty()) {
      return CompletableFuture.completedFuture(null); // Flowable rejects an empty list; nothing to do
    }
    return http.call(ctx, RestRequest.post(RUNTIME, INSTANCES, instanceId, "variables")
        .json(FlowableJson.variables(variables)).build());
  }

  public CompletableFuture<Void> upsert(CallContext ctx, String instanceId, Map<String, Object> variables) {
    if (variables.isEmpty()) {
      return CompletableFuture.completedFuture(null);
    }
    return http.call(ctx, RestRequest.put(RUNTIME, INSTANCES, instanceId, "variables")
        .json(FlowableJson.variables(variables)).build());
  }

  /** Creates ({@code create}) or creates-or-replaces a binary variable by multipart. */
  public CompletableFuture<FlowableVariable> binary(
      CallContext ctx, String instanceId, String name, byte[] content, boolean create) {
    RestBody body = RestBody.multipart()
        .field("name", name)
        .field("type", "binary")
        .file("file", name, "application/octet-stream", content)
        .build();
    // The docs put updates on the collection, but 7.2.0 treats a multipart PUT there as a create
    // (500 "already present"): updates go to the variable itself.
    RestRequest.Builder request = create
        ? RestRequest.post(RUNTIME, INSTANCES, instanceId, "variables")
        : RestRequest.put(RUNTIME, INSTANCES, instanceId, "variables", name);
    return http.call(ctx, request.body(body).build(), r -> FlowableJson.readVariable(r.json()));
  }

  /** The raw value of a binary variable. */
  public CompletableFuture<byte[]> binaryData(CallContext ctx, String instanceId, String name) {
    return http.call(ctx, RestRequest.get(RUNTIME, INSTANCES, instanceId, "variables", name, "data")
        .header("Accept", "application/octet-stream, */*").build(), r -> r.body().clone());
  }
}
