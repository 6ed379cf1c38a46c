package io.flowport.rest.obs;

import java.time.Instant;

/**
 * What OBS answers to an API start of a workflow ({@code AsyncAPIStartWorkflowResponse}).
 *
 * @param executionUrn the execution's URN, {@code urn:fgs:<region>:<project>:execution:<graph>:<execution>:<domain>}
 * @param executionName the execution's name (with the graph name, it names the execution)
 * @param startedAt when it started, or null when OBS sent no readable time
 * @param requestId the {@code x-obs-request-id} of the answer, or null
 */
public record ObsStartResult(String executionUrn, String executionName, Instant startedAt, String requestId) {}
