package io.flowport.testkit.fakes;

import java.util.List;
import java.util.Map;

/**
 * The requests that reached a wire fake, by name, for assertions. Every fake exposes one: the Zeebe
 * gateway names a call by its bare gRPC method ({@code "CreateProcessInstance"}), REST fakes by
 * {@code "METHOD /path"} below their base path ({@code "POST /runtime/process-instances"}). A request
 * is logged even when a fault answered it. Thread-safe.
 *
 * <pre>{@code
 * assertThat(gateway.requestLog().count("CreateProcessInstance")).isEqualTo(3);
 * assertThat(flowable.requestLog().countStartingWith("GET /runtime/process-instances/")).isEqualTo(2);
 * }</pre>
 */
public interface RequestLog {
  /**
   * {@return how many requests had exactly this name}
   *
   * @param name the name
   */
  int count(String name);

  /**
   * {@return how many requests had a name starting with {@code prefix}}
   *
   * @param prefix the prefix
   */
  int countStartingWith(String prefix);

  /** {@return how many requests of any name arrived} */
  int total();

  /** {@return the names in arrival order (a copy)} */
  List<String> names();

  /**
   * Requests per name, in order of first arrival (a copy).
   *
   * @return the counts
   */
  Map<String, Integer> counts();

  /** Forgets everything logged so far. */
  void clear();
}
