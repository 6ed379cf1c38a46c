package io.flowport.testkit.fakes.rest;

import io.flowport.testkit.fakes.http.FakeRequest;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * The paging styles of REST engines over an already sorted list: offset + size (Flowable's
 * {@code start/size}, Cloudify's {@code _offset/_size}) and marker (OBS's {@code marker/max-keys}),
 * plus the integer query parameters they read.
 */
public final class Paging {
  private Paging() {}

  /**
   * One page of a marker listing.
   *
   * @param items the page
   * @param truncated whether items follow the page
   * @param nextMarker the key of the page's last item when truncated, else null
   * @param <T> the item type
   */
  public record MarkerPage<T>(List<T> items, boolean truncated, String nextMarker) {
    /**
     * Creates the record: copies the collections, unmodifiable.
     *
     * @param items the page
     * @param truncated whether items follow the page
     * @param nextMarker the key of the page's last item when truncated, else null
     */
    public MarkerPage {
      items = List.copyOf(items);
    }
  }

  /**
   * {@return the items from {@code offset} on, at most {@code size} of them; a negative offset or size counts as 0}
   *
   * @param <T> the type of the result
   * @param sorted the sorted
   * @param offset the offset
   * @param size the page size
   */
  public static <T> List<T> offset(List<T> sorted, int offset, int size) {
    int from = Math.min(Math.max(0, offset), sorted.size());
    int to = (int) Math.min(sorted.size(), (long) from + Math.max(0, size));
    return List.copyOf(sorted.subList(from, to));
  }

  /**
   * {@return the items whose key sorts after {@code marker} (all of them for a null or empty marker), at most
   * {@code max}; {@code sorted} must be in ascending key order}
   *
   * @param <T> the type of the result
   * @param sorted the sorted
   * @param key the key
   * @param marker the marker
   * @param max the max
   */
  public static <T> MarkerPage<T> afterMarker(List<T> sorted, Function<T, String> key, String marker, int max) {
    Objects.requireNonNull(key, "key == null");
    int from = 0;
    if (marker != null && !marker.isEmpty()) {
      while (from < sorted.size() && key.apply(sorted.get(from)).compareTo(marker) <= 0) {
        from++;
      }
    }
    int to = (int) Math.min(sorted.size(), (long) from + Math.max(0, max));
    List<T> page = sorted.subList(from, to);
    boolean truncated = to < sorted.size();
    return new MarkerPage<>(page, truncated, truncated && !page.isEmpty() ? key.apply(page.get(page.size() - 1)) : null);
  }

  /**
   * {@return the integer query parameter {@code name}: {@code fallback} when absent or empty, the engine's own
   * error ({@code invalid} gets the raw value) when it is not an integer}
   *
   * @param request what to send
   * @param name the name
   * @param fallback the fallback
   * @param invalid the invalid
   */
  public static int intParam(FakeRequest request, String name, int fallback, Function<String, RestError> invalid) {
    String v = request.queryParam(name);
    if (v == null || v.isEmpty()) {
      return fallback;
    }
    try {
      return Integer.parseInt(v.trim());
    } catch (NumberFormatException e) {
      throw invalid.apply(v);
    }
  }
}
