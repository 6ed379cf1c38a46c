package io.flowport.rest.cloudify;

/**
 * What the unified {@code instances().start(..)} asks the manager to do when the deployment
 * already runs an execution (Cloudify's own {@link CloudifyOperations#startExecution} takes
 * {@code force} and {@code queue} per call instead).
 */
public enum CloudifyStartPolicy {
  /** Neither force nor queue, the manager's default: a busy deployment fails the start (ConflictException). */
  FAIL,
  /** {@code queue=true}: the execution waits ({@code queued}) and runs when the deployment is free. */
  QUEUE,
  /** {@code force=true}: the execution runs beside the others. */
  FORCE
}
