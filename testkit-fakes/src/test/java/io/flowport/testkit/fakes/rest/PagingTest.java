package io.flowport.testkit.fakes.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** The offset and marker paging helpers, on their edges. */
class PagingTest {
  private static final List<String> KEYS = List.of("a", "b", "c", "d", "e");

  @Test
  void offsetPagesClampTheirBounds() {
    assertThat(Paging.offset(KEYS, 1, 2)).containsExactly("b", "c");
    assertThat(Paging.offset(KEYS, -3, 2)).containsExactly("a", "b");
    assertThat(Paging.offset(KEYS, 4, 10)).containsExactly("e");
    assertThat(Paging.offset(KEYS, 5, 10)).isEmpty();
    assertThat(Paging.offset(KEYS, 0, -1)).isEmpty();
    assertThat(Paging.offset(KEYS, 1, Integer.MAX_VALUE)).hasSize(4);
  }

  @Test
  void markerPagesStartAfterTheMarkerAndTellTheNextOne() {
    Paging.MarkerPage<String> first = Paging.afterMarker(KEYS, Function.identity(), null, 2);
    assertThat(first.items()).containsExactly("a", "b");
    assertThat(first.truncated()).isTrue();
    assertThat(first.nextMarker()).isEqualTo("b");
    Paging.MarkerPage<String> next = Paging.afterMarker(KEYS, Function.identity(), first.nextMarker(), 2);
    assertThat(next.items()).containsExactly("c", "d");
    Paging.MarkerPage<String> last = Paging.afterMarker(KEYS, Function.identity(), "d", 2);
    assertThat(last.items()).containsExactly("e");
    assertThat(last.truncated()).isFalse();
    assertThat(last.nextMarker()).isNull();
    assertThat(Paging.afterMarker(KEYS, Function.identity(), "bb", 10).items()).as("a marker between keys")
        .containsExactly("c", "d", "e");
    assertThat(Paging.afterMarker(KEYS, Function.identity(), "", 10).items()).hasSize(5);
  }
}
