package io.flowport.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowport.core.Operation;
import io.flowport.core.error.ClientValidationException;
import io.flowport.core.model.Page;
import io.flowport.core.spi.Checks;
import io.flowport.core.spi.JsonValues;
import org.junit.jupiter.api.Test;

/** The shared paging helpers: offset/size (Flowable, Cloudify) and marker (OBS). */
class PagingTest {
  static final OffsetPaging FLOWABLE = OffsetPaging.of("start", "size", "data", "/total");
  static final OffsetPaging CLOUDIFY = OffsetPaging.of("_offset", "_size", "items", "/metadata/pagination/total");
  static final MarkerPaging OBS = MarkerPaging.of("marker", "limit", "executions", "/next_marker", "/count");
  static final Checks CHECK = Checks.of("test", Operation.LIST_INSTANCES);

  static JsonNode json(String text) throws Exception {
    return JsonValues.MAPPER.readTree(text);
  }

  @Test
  void offsetTokensAreOffsetsAndAnythingElseIsRefused() {
    assertThat(FLOWABLE.offset(CHECK, null)).isZero();
    assertThat(FLOWABLE.offset(CHECK, "40")).isEqualTo(40);
    for (String bad : new String[] {"-1", "abc", "", "1.5"}) {
      assertThatThrownBy(() -> FLOWABLE.offset(CHECK, bad)).as(bad).isInstanceOf(ClientValidationException.class)
          .hasMessageContaining("not a page token");
    }
  }

  @Test
  void offsetParametersAreTheEnginesOwn() {
    RestRequest r = CLOUDIFY.query(RestRequest.get("executions"), 20, 10).build();
    assertThat(r.query()).extracting(e -> e.getKey() + "=" + e.getValue()).containsExactly("_offset=20", "_size=10");
  }

  @Test
  void anOffsetPageHasANextTokenUntilTheTotalIsReached() throws Exception {
    Page<String> first = FLOWABLE.page(json("{\"data\":[{\"id\":\"a\"},{\"id\":\"b\"}],\"total\":3}"), 0,
        n -> n.get("id").asText());
    assertThat(first.items()).containsExactly("a", "b");
    assertThat(first.nextPageToken()).isEqualTo("2");
    assertThat(first.total()).isEqualTo(3);
    Page<String> last = FLOWABLE.page(json("{\"data\":[{\"id\":\"c\"}],\"total\":3}"), 2, n -> n.get("id").asText());
    assertThat(last.nextPageToken()).isNull();
    Page<String> nested = CLOUDIFY.page(
        json("{\"items\":[{\"id\":\"x\"}],\"metadata\":{\"pagination\":{\"total\":5,\"offset\":0}}}"), 0,
        n -> n.get("id").asText());
    assertThat(nested.total()).isEqualTo(5);
    assertThat(nested.nextPageToken()).isEqualTo("1");
  }

  @Test
  void withoutATotalAnEmptyPageIsTheLast() throws Exception {
    OffsetPaging noTotal = OffsetPaging.of("start", "size", "data", null);
    assertThat(noTotal.page(json("{\"data\":[1]}"), 0, JsonNode::asInt).nextPageToken()).isEqualTo("1");
    assertThat(noTotal.page(json("{\"data\":[]}"), 1, JsonNode::asInt).nextPageToken()).isNull();
  }

  @Test
  void aMarkerPageCarriesTheEnginesMarker() throws Exception {
    Page<String> page = OBS.page(json("{\"executions\":[{\"n\":\"e1\"}],\"next_marker\":\"e1\",\"count\":9}"),
        n -> n.get("n").asText());
    assertThat(page.nextPageToken()).isEqualTo("e1");
    assertThat(page.total()).isEqualTo(9);
    assertThat(OBS.page(json("{\"executions\":[],\"next_marker\":\"\"}"), n -> n).nextPageToken()).isNull();
    assertThat(OBS.query(RestRequest.get("x"), "e1", 50).build().query())
        .extracting(e -> e.getKey() + "=" + e.getValue()).containsExactly("marker=e1", "limit=50");
    assertThat(OBS.query(RestRequest.get("x"), null, 50).build().query()).hasSize(1);
  }

  @Test
  void anAnswerWithoutItsArrayIsNotThePagesShape() throws Exception {
    assertThatThrownBy(() -> FLOWABLE.page(json("{\"items\":[]}"), 0, n -> n))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("'data'");
    assertThatThrownBy(() -> OBS.page(json("[]"), n -> n)).isInstanceOf(IllegalStateException.class);
  }
}
