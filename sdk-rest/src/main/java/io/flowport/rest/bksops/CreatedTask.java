package io.flowport.rest.bksops;

/**
 * A task {@code create_task} made from a template; it does not run until started.
 *
 * @param taskId the task id every other call names
 * @param taskUrl the task's page in bk-sops' web UI, or null
 */
public record CreatedTask(String taskId, String taskUrl) {}
