package io.flowport.core.model;

import java.util.List;
import java.util.OptionalLong;

/**
 * One page of a listing.
 *
 * @param items the items of this page
 * @param nextPageToken the token of the next page, or null on the last page
 * @param total the total the engine reported, or -1 when it reports none
 */
public record Page<T>(List<T> items, String nextPageToken, long total) {
  /**
   * Creates the record: copies the collections, unmodifiable.
   *
   * @param items the items of this page
   * @param nextPageToken the token of the next page, or null on the last page
   * @param total the total the engine reported, or -1 when it reports none
   */
  public Page {
    items = List.copyOf(items);
  }

  /** {@return whether next} */
  public boolean hasNext() {
    return nextPageToken != null;
  }

  /** {@return the total count across all pages, when the engine reports one} */
  public OptionalLong totalCount() {
    return total < 0 ? OptionalLong.empty() : OptionalLong.of(total);
  }
}
