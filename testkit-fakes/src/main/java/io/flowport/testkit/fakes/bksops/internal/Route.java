package io.flowport.testkit.fakes.bksops.internal;

import java.util.List;
import java.util.Map;

/**
 * One gateway resource matched from a path, as Django's {@code re_path} does: exactly
 * {@code /<name>/<digits>/<digits>/}, with the trailing slash (which the router checks). operate_node and get_task_node_data
 * put the business id first.
 *
 * @param name the resource
 * @param method its HTTP method
 * @param id the template or task id
 * @param biz the business id
 */
record Route(String name, String method, String id, String biz) {
  /** Resource → method; the resources whose business id comes first are in {@link #BIZ_FIRST}. */
  static final Map<String, String> METHODS = Map.of(
      "create_task", "POST", "start_task", "POST", "operate_task", "POST", "get_task_status", "GET",
      "get_task_detail", "GET", "get_task_node_detail", "GET", "node_callback", "POST",
      "get_task_node_data", "GET", "operate_node", "POST");
  private static final List<String> BIZ_FIRST = List.of("operate_node", "get_task_node_data");

  /** The route of resource {@code name} with its two path segments, or null when they are not digits (Django's 404). */
  static Route of(String name, String first, String second) {
    if (!digits(first) || !digits(second)) {
      return null;
    }
    boolean bizFirst = BIZ_FIRST.contains(name);
    return new Route(name, METHODS.get(name), bizFirst ? second : first, bizFirst ? first : second);
  }

  private static boolean digits(String v) {
    return !v.isEmpty() && v.chars().allMatch(c -> c >= '0' && c <= '9');
  }
}
