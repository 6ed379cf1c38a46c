package io.flowport.rest.obs.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowport.core.spi.CallContext;
import io.flowport.core.spi.JsonValues;
import io.flowport.rest.ResponseReader;
import io.flowport.rest.RestBody;
import io.flowport.rest.RestCalls;
import io.flowport.rest.RestFutures;
import io.flowport.rest.RestJson;
import io.flowport.rest.RestRequest;
import io.flowport.rest.RestResponse;
import io.flowport.rest.obs.ObsCredentials;
import io.flowport.rest.obs.ObsErrors;
import io.flowport.rest.obs.ObsExecution;
import io.flowport.rest.obs.ObsExecutionPage;
import io.flowport.rest.obs.ObsExecutionQuery;
import io.flowport.rest.obs.ObsRestoreResult;
import io.flowport.rest.obs.ObsStartResult;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * OBS's workflow REST calls, one attempt each, with arguments already checked. Every request says
 * {@code Content-Type: application/json}, as the SDK's do (the type is signed). An answer 403
 * {@code RequestTimeTooSkewed} with a readable {@code Date} corrects the signing clock to it and
 * sends the request once more, signed anew.
 */
public final class ObsWire {
  static final String JSON = "application/json";
  private static final String V2 = "v2";
  private static final String GRAPH = "x-workflow-graph-name";

  private final RestCalls http;
  private final ObsCredentials credentials;

  /** @param credentials the signer whose clock a skew answer corrects, or null when requests are unsigned */
  public ObsWire(RestCalls http, ObsCredentials credentials) {
    this.http = http;
    this.credentials = credentials;
  }

  /** {@return the secrets the transport's credentials hold} */
  public io.flowport.core.spi.Secrets secrets() {
    return http.transport().secrets();
  }

  /** Closes the transport. */
  public void close() {
    http.close();
  }

  public CompletableFuture<ObsStartResult> start(CallContext ctx, String graph, String bucket, String object,
      Map<String, Object> inputs) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("bucket", bucket);
    body.put("object", object);
    body.put("inputs", inputs); // null stays: the SDK always sends "inputs"
    return call(ctx, json(RestRequest.post(V2, "workflows", graph), body),
        r -> ObsJson.startResult(r.json(), r.requestId()));
  }

  public CompletableFuture<ObsExecution> execution(CallContext ctx, String execution, String graph) {
    return call(ctx, plain(RestRequest.get(V2, "workflowexecutions", execution).query(GRAPH, graph)),
        r -> ObsJson.execution(r.json(), graph));
  }

  public CompletableFuture<ObsRestoreResult> restore(CallContext ctx, String execution, String graph) {
    RestRequest.Builder b = RestRequest.put(V2, "workflowexecutions", execution).query(GRAPH, graph)
        .body(RestBody.bytes(new byte[0], JSON));
    return call(ctx, b.build(), r -> ObsJson.restoreResult(r.json(), r.requestId()));
  }

  /** One page as OBS answers it (no state filter). */
  public CompletableFuture<ObsExecutionPage> page(CallContext ctx, String graph, String type, String marker, Integer limit) {
    RestRequest.Builder b = RestRequest.get(V2, "workflowexecutions").query(GRAPH, graph)
        .query("x-workflow-execution-type", type).query("x-workflow-next-marker", marker)
        .query("x-workflow-limit", limit);
    return call(ctx, plain(b), r -> ObsJson.page(r.json(), graph));
  }

  /**
   * Executions in {@code query.state()}: pages are read on until {@code limit} match or OBS has no
   * more, as the SDK does. When the last page read had more matches than fit, the marker is the
   * last execution returned (OBS's markers are execution type plus name), so none is skipped.
   */
  public CompletableFuture<ObsExecutionPage> filtered(CallContext ctx, ObsExecutionQuery query) {
    int limit = query.limit() == null ? ObsExecutionQuery.DEFAULT_LIMIT : query.limit();
    return collect(ctx, query, limit, query.marker(), new ArrayList<>());
  }

  private CompletableFuture<ObsExecutionPage> collect(CallContext ctx, ObsExecutionQuery query, int limit,
      String marker, List<ObsExecution> found) {
    return RestFutures.compose(page(ctx, query.graphName(), query.type(), marker, limit), page -> {
      for (ObsExecution e : page.executions()) {
        if (!query.state().equalsIgnoreCase(String.valueOf(e.executionState()))) {
          continue;
        }
        if (found.size() == limit) {
          ObsExecution last = found.get(found.size() - 1);
          return CompletableFuture.completedFuture(new ObsExecutionPage(found, true,
              String.valueOf(last.executionType()) + last.executionName()));
        }
        found.add(e);
      }
      if (found.size() < limit && page.truncated() && page.nextMarker() != null) {
        return collect(ctx, query, limit, page.nextMarker(), found);
      }
      return CompletableFuture.completedFuture(new ObsExecutionPage(found, page.truncated(), page.nextMarker()));
    });
  }

  public CompletableFuture<JsonNode> createTemplate(CallContext ctx, String name, Map<String, Object> body) {
    return call(ctx, json(RestRequest.post(V2, "workflowtemplates", name), body), ObsWire::jsonOrEmpty);
  }

  public CompletableFuture<JsonNode> getTemplate(CallContext ctx, String name) {
    return call(ctx, plain(RestRequest.get(V2, "workflowtemplates", name)), ObsWire::jsonOrEmpty);
  }

  public CompletableFuture<JsonNode> listTemplates(CallContext ctx, String prefix, Integer start, Integer limit) {
    return call(ctx, plain(listing("workflowtemplates", prefix, start, limit)), ObsWire::jsonOrEmpty);
  }

  public CompletableFuture<Void> deleteTemplate(CallContext ctx, String name) {
    return call(ctx, plain(RestRequest.delete(V2, "workflowtemplates", name)), ResponseReader.discard());
  }

  public CompletableFuture<JsonNode> createWorkflow(CallContext ctx, String template, String graph,
      Map<String, Object> body) {
    return call(ctx, json(RestRequest.post(V2, "workflows", graph).query("x-workflow-template-name", template), body),
        ObsWire::jsonOrEmpty);
  }

  public CompletableFuture<JsonNode> getWorkflow(CallContext ctx, String graph) {
    return call(ctx, plain(RestRequest.get(V2, "workflows", graph)), ObsWire::jsonOrEmpty);
  }

  public CompletableFuture<JsonNode> listWorkflows(CallContext ctx, String prefix, Integer start, Integer limit) {
    return call(ctx, plain(listing("workflows", prefix, start, limit)), ObsWire::jsonOrEmpty);
  }

  public CompletableFuture<JsonNode> updateWorkflow(CallContext ctx, String graph, Map<String, Object> body) {
    return call(ctx, json(RestRequest.put(V2, "workflows", graph), body), ObsWire::jsonOrEmpty);
  }

  public CompletableFuture<Void> deleteWorkflow(CallContext ctx, String graph) {
    return call(ctx, plain(RestRequest.delete(V2, "workflows", graph)), ResponseReader.discard());
  }

  public CompletableFuture<Void> putTriggerPolicy(CallContext ctx, String bucket, Map<String, Object> body) {
    return call(ctx, json(RestRequest.put(bucket).queryFlag("obsworkflowtriggerpolicy"), body), ResponseReader.discard());
  }

  public CompletableFuture<JsonNode> getTriggerPolicy(CallContext ctx, String bucket) {
    return call(ctx, plain(RestRequest.get(bucket).queryFlag("obsworkflowtriggerpolicy")), ObsWire::jsonOrEmpty);
  }

  public CompletableFuture<Void> deleteTriggerPolicy(CallContext ctx, String bucket) {
    return call(ctx, plain(RestRequest.delete(bucket).queryFlag("obsworkflowtriggerpolicy")), ResponseReader.discard());
  }

  /** {@code /v2/{kind}/{prefix}?x-workflow-prefix&..}; without a prefix, {@code /v2/{kind}} (an empty segment is not sent). */
  private static RestRequest.Builder listing(String kind, String prefix, Integer start, Integer limit) {
    RestRequest.Builder b = prefix == null || prefix.isEmpty() ? RestRequest.get(V2, kind) : RestRequest.get(V2, kind, prefix);
    return b.queryFlag("x-workflow-prefix").query("x-workflow-start", start).query("x-workflow-limit", limit);
  }

  private static RestRequest plain(RestRequest.Builder b) {
    return b.header("Content-Type", JSON).build();
  }

  private static RestRequest json(RestRequest.Builder b, Map<String, Object> body) {
    try {
      return b.body(RestBody.bytes(JsonValues.MAPPER.writeValueAsBytes(body), JSON)).build();
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalArgumentException("the body cannot be written as JSON", e); // values were checked before
    }
  }

  /** OBS answers these with a JSON object; an empty body only where the call says so (no JSON null, no array). */
  private static JsonNode jsonOrEmpty(RestResponse r) {
    return r.body().length == 0 && r.status() == 204
        ? com.fasterxml.jackson.databind.node.NullNode.getInstance() : RestJson.requireObject(r);
  }

  private <T> CompletableFuture<T> call(CallContext ctx, RestRequest request, ResponseReader<T> reader) {
    return http.call(ctx, request, reader, RestCalls.Fallback.when(r -> skewedServerTime(r).isPresent(), skewed -> {
      credentials.correctClock(skewedServerTime(skewed).orElseThrow());
      return http.call(ctx, request, reader); // signed again with the corrected clock, once
    }));
  }

  private Optional<Instant> skewedServerTime(RestResponse r) {
    if (credentials == null || r.status() != 403) {
      return Optional.empty();
    }
    if (!ObsErrors.CLOCK_SKEW.equals(ObsErrorBodies.read(r).errorCode())) {
      return Optional.empty();
    }
    return ObsCredentials.parseHttpDate(r.header("Date"));
  }
}
