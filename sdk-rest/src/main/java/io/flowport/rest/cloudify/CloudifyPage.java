package io.flowport.rest.cloudify;

import java.util.List;

/**
 * One page of a Cloudify listing: the {@code items} and {@code metadata.pagination} of the
 * manager's envelope.
 *
 * @param items this page's items
 * @param total how many match in all
 * @param size the page size the manager applied
 * @param offset where this page starts
 */
public record CloudifyPage<T>(List<T> items, long total, int size, int offset) {
  /**
   * Creates the record: copies the collections, unmodifiable.
   *
   * @param items this page's items
   * @param total how many match in all
   * @param size the page size the manager applied
   * @param offset where this page starts
   */
  public CloudifyPage {
    items = List.copyOf(items);
  }

  /** {@return true when items remain after this page} */
  public boolean hasNext() {
    return !items.isEmpty() && (long) offset + items.size() < total;
  }

  /** {@return the offset of the next page} */
  public int nextOffset() {
    return offset + items.size();
  }
}
