package io.flowport.rest.obs;

import io.flowport.rest.obs.internal.ObsErrorAnswer;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The OBS SDK's {@code GetResult} view of an error answer, for callers who want what the SDK
 * shows: the HTTP status and reason, OBS's error code and message, request id, indicator, host
 * id, resource and the response headers. Reach it from any failure of an {@link ObsClient} call
 * with {@link #of(Throwable)}; the unified exception carries the same code, message and request id.
 *
 * <pre>{@code
 * client.getExecution("exec-1", "my-graph").exceptionally(e -> {
 *   ObsResult.of(e).ifPresent(r -> log.warn("OBS {} {} request {}", r.status(), r.errorCode(), r.requestId()));
 *   return null;
 * });
 * }</pre>
 *
 * @param status the HTTP status
 * @param reason the HTTP reason phrase for the status, or null when the status has none we know
 * @param errorCode OBS's error code ({@code code} of a JSON error, {@code Code} of an XML one, or
 *     the {@code x-obs-error-code} header), or null
 * @param errorMessage OBS's message, or null
 * @param requestId the request id ({@code request_id}, {@code RequestId} or {@code x-obs-request-id}), or null
 * @param indicator the {@code x-reserved-indicator} header, or null
 * @param hostId the {@code HostId} of an XML error, or null
 * @param resource the {@code Resource} of an XML error, or null
 * @param headers the response headers (names lower-case)
 */
public record ObsResult(
    int status,
    String reason,
    String errorCode,
    String errorMessage,
    String requestId,
    String indicator,
    String hostId,
    String resource,
    Map<String, List<String>> headers) {

  /**
   * Creates the record: copies the collections, unmodifiable.
   *
   * @param status the HTTP status
   * @param reason the HTTP reason phrase for the status, or null when the status has none we know
   * @param errorCode OBS's error code ({@code code} of a JSON error, {@code Code} of an XML one, or
   *     the {@code x-obs-error-code} header), or null
   * @param errorMessage OBS's message, or null
   * @param requestId the request id ({@code request_id}, {@code RequestId} or {@code x-obs-request-id}), or null
   * @param indicator the {@code x-reserved-indicator} header, or null
   * @param hostId the {@code HostId} of an XML error, or null
   * @param resource the {@code Resource} of an XML error, or null
   * @param headers the response headers (names lower-case)
   */
  public ObsResult {
    headers = headers == null ? Map.of() : Map.copyOf(headers);
  }

  /**
   * {@return the result of the OBS error answer behind {@code failure} (or one of its causes), if there was one}
   *
   * @param failure the failure
   */
  public static Optional<ObsResult> of(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof ObsErrorAnswer answer) {
        return Optional.of(answer.result());
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return Optional.empty();
  }
}
