package io.flowport.rest;

/**
 * Turns a successful (2xx) answer into a value. A reader may throw anything when the body is not
 * the expected shape: {@link RestCalls} reports it as UnexpectedResponseException with an excerpt of
 * the body. A reader that finds an engine error inside a 2xx answer (bk-sops' {@code result:false}
 * envelope) throws {@link ErrorAnswer} (the answer is then read by the adapter's error reader) or
 * the matching {@link io.flowport.core.error.WorkflowException}, which passes through unchanged.
 */
@FunctionalInterface
public interface ResponseReader<T> {
  /**
   * Reads a successful answer.
   *
   * @param response the answer
   * @return what the call completes with
   * @throws Exception when the body is not what was expected: {@link ErrorAnswer}, a
   *     WorkflowException, or any other exception, reported as an unexpected response
   */
  T read(RestResponse response) throws Exception;

  /**
   * Ignores the body.
   *
   * @return the response reader
   */
  static ResponseReader<Void> discard() {
    return r -> null;
  }

  /** {@return the JSON body as a tree} */
  static ResponseReader<com.fasterxml.jackson.databind.JsonNode> json() {
    return RestResponse::json;
  }

  /** {@return the raw bytes} */
  static ResponseReader<byte[]> bytes() {
    return r -> r.body().clone();
  }
}
