package io.flowport.rest;

import io.flowport.core.Operation;
import io.flowport.core.error.WorkflowException;

/**
 * Turns an error answer (any non-2xx status) into the adapter's exception, usually through its
 * {@link io.flowport.core.error.ErrorTable}: see {@link RestErrors#tableReader}. It must cope with
 * any body (HTML from a proxy, truncated JSON, nothing) and return, never throw; if it throws or
 * returns null anyway, {@link RestCalls} reports UnknownStatusException with an excerpt.
 */
@FunctionalInterface
public interface ErrorReader {
  /**
   * Reads an error answer.
   *
   * @param operation the operation that got the answer
   * @param response the answer, whatever its body
   * @return the exception that says what the engine meant
   */
  WorkflowException read(Operation operation, RestResponse response);
}
