package io.flowport.rest.obs;

import java.util.List;

/**
 * One page of executions.
 *
 * @param executions the executions of this page, in OBS's order
 * @param truncated whether OBS has more after them
 * @param nextMarker the marker of the next page (OBS's {@code next_marker}: execution type plus
 *     execution name), or null on the last page
 */
public record ObsExecutionPage(List<ObsExecution> executions, boolean truncated, String nextMarker) {
  /**
   * Creates the record: copies the collections, unmodifiable.
   *
   * @param executions the executions of this page, in OBS's order
   * @param truncated whether OBS has more after them
   * @param nextMarker the marker of the next page (OBS's {@code next_marker}: execution type plus
   *     execution name), or null on the last page
   */
  public ObsExecutionPage {
    executions = List.copyOf(executions);
  }
}
