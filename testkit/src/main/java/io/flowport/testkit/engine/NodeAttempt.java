package io.flowport.testkit.engine;

import java.time.Instant;
import java.util.Map;

/**
 * One earlier run of a node (bamboo's {@code get_node_histories}). Like bamboo, a history entry is
 * written only when a node is retried, skipped or re-entered (loop): it records the run that ended.
 *
 * @param id history id, increasing per engine
 * @param nodeId node id
 * @param startTime when that run started
 * @param finishTime when it archived (or when it was replaced)
 * @param loop loop count of that run
 * @param retry retry count of that run
 * @param skip whether that run was skipped
 * @param version state version at the end of that run
 * @param state state at the end of that run
 * @param inputs inputs of that run
 * @param outputs outputs of that run
 * @param errorMessage error of that run, or null
 */
public record NodeAttempt(
    long id,
    String nodeId,
    Instant startTime,
    Instant finishTime,
    int loop,
    int retry,
    boolean skip,
    String version,
    NodeStatus state,
    Map<String, Object> inputs,
    Map<String, Object> outputs,
    String errorMessage) {}
