package io.flowport.rest.obs;

import java.time.Instant;

/**
 * What OBS answers to restoring a failed execution.
 *
 * @param executionUrn the execution's URN
 * @param executionName the execution's name
 * @param restoredAt when it was restored, or null when OBS sent no readable time
 * @param requestId the {@code x-obs-request-id} of the answer, or null
 */
public record ObsRestoreResult(String executionUrn, String executionName, Instant restoredAt, String requestId) {}
