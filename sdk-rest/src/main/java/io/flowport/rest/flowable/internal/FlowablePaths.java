package io.flowport.rest.flowable.internal;

import io.flowport.core.error.WorkflowException;
import io.flowport.rest.OffsetPaging;
import io.flowport.rest.RestErrors;
import io.flowport.rest.RestResponse;
import io.flowport.rest.flowable.FlowableErrors;

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

  /** An error named by the adapter for a 200 answer that means one (see {@link FlowableErrors#NO_OPEN_TASK}). */
  static WorkflowException derived(
      io.flowport.core.spi.CallContext ctx, RestResponse answer, String code, String message) {
    return RestErrors.derived(FlowableErrors.TABLE, ctx.operation(), answer, code, message);
  }
}
