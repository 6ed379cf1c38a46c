package io.flowport.rest.flowable.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowport.core.error.WorkflowException;
import io.flowport.core.spi.CallContext;
import io.flowport.rest.RestCalls;
import io.flowport.rest.RestJson;
import io.flowport.rest.RestRequest;
import io.flowport.rest.OffsetPaging;
import io.flowport.rest.RestErrors;
import io.flowport.rest.RestResponse;
import io.flowport.rest.flowable.FlowableErrors;
import java.util.concurrent.CompletableFuture;

/** The path segments, paging and derived errors the Flowable backend's parts share. */
final class FlowablePaths {
  static final String RUNTIME = "runtime";
  static final String INSTANCES = "process-instances";
  static final String HISTORY = "history";
  static final String HISTORIC_INSTANCES = "historic-process-instances";
  static final String REPOSITORY = "repository";
  static final String DEFINITIONS = "process-definitions";

  /** Flowable's lists: {@code start}/{@code size}, items in {@code data}, count in {@code total}. */
  static final OffsetPaging PAGING = OffsetPaging.of("start", "size", "data", "/total");

  private FlowablePaths() {}

  /**
   * The id of the first item a lookup answers ({@code size=1} lists of executions, tasks), or the
   * error {@code code} names (through the table) when the list is empty.
   */
  static CompletableFuture<String> firstId(
      RestCalls http, CallContext ctx, RestRequest lookup, String code, String whenNone) {
    return http.call(ctx, lookup, r -> {
      JsonNode data = RestJson.requireArray(r.json(), "data");
      if (data.isEmpty()) {
        throw derived(ctx, r, code, whenNone);
      }
      return RestJson.requireText(data.get(0), "id");
    });
  }

  /** An error named by the adapter for a 200 answer that means one (see {@link FlowableErrors#NO_OPEN_TASK}). */
  static WorkflowException derived(
      CallContext ctx, RestResponse answer, String code, String message) {
    return RestErrors.derived(FlowableErrors.TABLE, ctx.operation(), answer, code, message);
  }
}
