package io.flowport.rest;

import static org.assertj.core.api.Assertions.assertThat;

import io.flowport.rest.testing.GarbageFuzz;
import io.flowport.rest.testing.RestAdapters;
import io.flowport.rest.testing.RestAdapters.Adapter;
import java.util.stream.Stream;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every operation of every REST adapter answered with garbage ({@link GarbageFuzz}): each ends as a
 * typed WorkflowException with a short message (or a success where the operation reads no body),
 * never an NPE, parser or ClassCast exception, never a hang. 300 seeded cases per adapter in the
 * normal run; {@code -Dflowport.fuzz.cases=10000} for the full run reported in RELIABILITY.md, and
 * {@code -Dflowport.fuzz.seed=N} for another seed.
 */
@Timeout(1800)
class RestGarbageFuzzTest {
  private static final int CASES = Integer.getInteger("flowport.fuzz.cases", 300);
  private static final long SEED = Long.getLong("flowport.fuzz.seed", 16L);

  static Stream<Adapter> adapters() {
    return RestAdapters.all().stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("adapters")
  void garbageAnswersEndAsTypedErrors(Adapter adapter) throws Exception {
    GarbageFuzz.Figures f = GarbageFuzz.run(adapter, CASES, SEED, 8);
    System.out.println("[garbage fuzz] seed " + SEED + " " + f);

    assertThat(f.leaks()).as("untyped failures (first 10)").isEmpty();
    assertThat(f.hangs()).as("calls that never ended").isEmpty();
    assertThat(f.longMessages()).as("messages longer than %d chars", GarbageFuzz.MAX_MESSAGE).isEmpty();
    assertThat(f.typed() + f.successes()).isEqualTo(CASES);
  }
}
