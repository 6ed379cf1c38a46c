package io.flowport.benchmarks.adapters;

import io.flowport.core.model.StartRequest;
import java.util.LinkedHashMap;
import java.util.Map;

/** The one request every client makes: start "order" with the same four small variables. */
final class Workload {
  static final String PROCESS = "order";
  /** Outstanding async calls in the many-in-flight benchmarks. */
  static final int IN_FLIGHT = 64;

  static final Map<String, Object> VARIABLES;
  /** The same variables as JSON, for the raw stub and the official Zeebe client. */
  static final String VARIABLES_JSON = "{\"orderId\":7,\"customer\":\"ACME\",\"amount\":42.5,\"express\":true}";

  static {
    Map<String, Object> v = new LinkedHashMap<>();
    v.put("orderId", 7);
    v.put("customer", "ACME");
    v.put("amount", 42.5);
    v.put("express", true);
    VARIABLES = java.util.Collections.unmodifiableMap(v);
  }

  static final StartRequest START = StartRequest.of(PROCESS).variables(VARIABLES).build();

  private Workload() {}
}
