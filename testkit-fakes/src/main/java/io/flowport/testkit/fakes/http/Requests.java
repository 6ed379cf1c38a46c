package io.flowport.testkit.fakes.http;

import java.util.Objects;
import java.util.function.Predicate;

/**
 * Request-name predicates for {@link io.flowport.testkit.fakes.FaultPlan#next(int,
 * io.flowport.testkit.fakes.Fault, Predicate)}. HTTP fakes name a request {@code "METHOD /path"},
 * the path below the fake's base path without the query, e.g. {@code "POST /runtime/process-instances"}.
 */
public final class Requests {
  private Requests() {}

  /**
   * Exactly this name, e.g. {@code named("POST /runtime/process-instances")}.
   *
   * @param name the name
   * @return the predicate
   */
  public static Predicate<String> named(String name) {
    Objects.requireNonNull(name, "name == null");
    return name::equals;
  }

  /**
   * Names starting with {@code prefix}, e.g. {@code startingWith("GET /runtime/")}.
   *
   * @param prefix the prefix
   * @return the predicate
   */
  public static Predicate<String> startingWith(String prefix) {
    Objects.requireNonNull(prefix, "prefix == null");
    return n -> n.startsWith(prefix);
  }
}
