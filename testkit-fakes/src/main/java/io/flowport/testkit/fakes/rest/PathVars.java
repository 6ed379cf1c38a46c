package io.flowport.testkit.fakes.rest;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code {name}} variables of a matched path template, decoded: for
 * {@code /runtime/process-instances/{id}} and {@code /runtime/process-instances/a%2Fb}, {@code get("id")}
 * is {@code "a/b"}.
 */
public final class PathVars {
  private final Map<String, String> values;

  PathVars(Map<String, String> values) {
    this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
  }

  /**
   * {@return the value of {@code name}; a name the template does not have is a bug in the fake and fails}
   *
   * @param name the name
   */
  public String get(String name) {
    String v = values.get(name);
    if (v == null) {
      throw new IllegalArgumentException("the route has no path variable {" + name + "}; it has " + values.keySet());
    }
    return v;
  }

  /** {@return every variable by name, in template order} */
  public Map<String, String> asMap() {
    return values;
  }

  @Override
  public String toString() {
    return values.toString();
  }
}
