package io.flowport.rest;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowport.core.model.Page;
import io.flowport.core.spi.Checks;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * Paging by offset and size, as Flowable ({@code start}/{@code size}, items in {@code data}, count
 * in {@code total}) and Cloudify ({@code _offset}/{@code _size}, {@code items},
 * {@code metadata.pagination.total}) do. A {@link Page}'s token is the next offset, as text.
 *
 * <pre>{@code
 * static final OffsetPaging PAGING = OffsetPaging.of("start", "size", "data", "/total");
 * long offset = PAGING.offset(check, query.pageToken());          // in the call's checks
 * RestRequest r = PAGING.query(RestRequest.get("runs"), offset, query.pageSize()).build();
 * http.call(ctx, r, res -> PAGING.page(res.json(), offset, AcmeJson::instance));
 * }</pre>
 */
public final class OffsetPaging {
  private final String offsetParam;
  private final String sizeParam;
  private final String itemsField;
  private final String totalPointer;

  private OffsetPaging(String offsetParam, String sizeParam, String itemsField, String totalPointer) {
    this.offsetParam = Objects.requireNonNull(offsetParam, "offsetParam == null");
    this.sizeParam = Objects.requireNonNull(sizeParam, "sizeParam == null");
    this.itemsField = Objects.requireNonNull(itemsField, "itemsField == null");
    this.totalPointer = totalPointer;
  }

  /**
   * @param offsetParam the query parameter of the offset ({@code start}, {@code _offset})
   * @param sizeParam the query parameter of the page size ({@code size}, {@code _size})
   * @param itemsField the answer's array of items ({@code data}, {@code items})
   * @param totalPointer a JSON pointer to the total count ({@code /total}), or null when the
   *     engine sends none (then a page is the last when it comes back empty)
   * @return the offset paging
   */
  public static OffsetPaging of(String offsetParam, String sizeParam, String itemsField, String totalPointer) {
    return new OffsetPaging(offsetParam, sizeParam, itemsField, totalPointer);
  }

  /**
   * {@return the offset a page token stands for (0 for none); ClientValidationException for a token of no such page}
   *
   * @param check the check
   * @param pageToken the page token
   */
  public long offset(Checks check, String pageToken) {
    if (pageToken == null) {
      return 0;
    }
    try {
      long offset = Long.parseLong(pageToken);
      if (offset >= 0) {
        return offset;
      }
    } catch (NumberFormatException e) {
      // below
    }
    throw check.invalid("not a page token of this client: '" + pageToken + "'");
  }

  /**
   * {@code request} with the offset and size parameters.
   *
   * @param request what to send
   * @param offset the offset
   * @param size the page size
   * @return this builder
   */
  public RestRequest.Builder query(RestRequest.Builder request, long offset, int size) {
    return request.query(offsetParam, offset).query(sizeParam, size);
  }

  /**
   * {@return the page an answer holds, its items read by {@code item}}
   *
   * @param <T> the type of the result
   * @param body the body
   * @param offset the offset
   * @param item the item
   */
  public <T> Page<T> page(JsonNode body, long offset, Function<JsonNode, T> item) {
    List<T> items = RestJson.items(RestJson.requireArray(body, itemsField), item);
    long total = totalPointer == null ? -1 : RestJson.longAt(body, totalPointer);
    long next = offset + items.size();
    boolean more = !items.isEmpty() && (total < 0 || next < total);
    return new Page<>(items, more ? Long.toString(next) : null, total);
  }
}
