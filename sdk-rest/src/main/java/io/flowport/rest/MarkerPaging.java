package io.flowport.rest;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowport.core.model.Page;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * Paging by marker, as OBS does ({@code marker} and {@code limit} parameters, the next page's
 * marker in {@code next_marker}): a {@link Page}'s token is the engine's marker, passed back as it
 * is; no marker in the answer means the last page.
 *
 * <pre>{@code
 * static final MarkerPaging PAGING = MarkerPaging.of("marker", "limit", "executions", "/next_marker", "/count");
 * RestRequest r = PAGING.query(RestRequest.get("executions"), query.pageToken(), query.pageSize()).build();
 * http.call(ctx, r, res -> PAGING.page(res.json(), ObsJson::execution));
 * }</pre>
 */
public final class MarkerPaging {
  private final String markerParam;
  private final String sizeParam;
  private final String itemsField;
  private final String nextMarkerPointer;
  private final String totalPointer;

  private MarkerPaging(String markerParam, String sizeParam, String itemsField, String nextMarkerPointer,
      String totalPointer) {
    this.markerParam = Objects.requireNonNull(markerParam, "markerParam == null");
    this.sizeParam = Objects.requireNonNull(sizeParam, "sizeParam == null");
    this.itemsField = Objects.requireNonNull(itemsField, "itemsField == null");
    this.nextMarkerPointer = Objects.requireNonNull(nextMarkerPointer, "nextMarkerPointer == null");
    this.totalPointer = totalPointer;
  }

  /**
   * @param markerParam the query parameter of the marker
   * @param sizeParam the query parameter of the page size
   * @param itemsField the answer's array of items
   * @param nextMarkerPointer a JSON pointer to the next page's marker ({@code /next_marker})
   * @param totalPointer a JSON pointer to the total count, or null when the engine sends none
   * @return the marker paging
   */
  public static MarkerPaging of(
      String markerParam, String sizeParam, String itemsField, String nextMarkerPointer, String totalPointer) {
    return new MarkerPaging(markerParam, sizeParam, itemsField, nextMarkerPointer, totalPointer);
  }

  /**
   * {@code request} with the marker (when there is one) and size parameters.
   *
   * @param request what to send
   * @param pageToken the page token
   * @param size the page size
   * @return this builder
   */
  public RestRequest.Builder query(RestRequest.Builder request, String pageToken, int size) {
    return request.query(markerParam, pageToken).query(sizeParam, size);
  }

  /**
   * {@return the page an answer holds, its items read by {@code item}}
   *
   * @param <T> the type of the result
   * @param body the body
   * @param item the item
   */
  public <T> Page<T> page(JsonNode body, Function<JsonNode, T> item) {
    List<T> items = RestJson.items(RestJson.requireArray(body, itemsField), item);
    JsonNode marker = body.at(nextMarkerPointer);
    String next = marker.isValueNode() && !marker.isNull() && !marker.asText().isBlank() ? marker.asText() : null;
    long total = totalPointer == null ? -1 : RestJson.longAt(body, totalPointer);
    return new Page<>(items, next, total);
  }
}
