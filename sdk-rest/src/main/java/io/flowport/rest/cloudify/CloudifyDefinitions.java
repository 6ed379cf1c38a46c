package io.flowport.rest.cloudify;

/**
 * The unified definition of a Cloudify execution is a (deployment, workflow) pair, written as
 * {@code "<deployment_id>:<workflow_id>"}: {@code StartRequest.of("web-1:install")} starts workflow
 * {@code install} on deployment {@code web-1}, and every {@code Instance} of this adapter has that
 * form as its definition id. The split is at the <em>last</em> colon (workflow ids have none).
 */
public final class CloudifyDefinitions {
  private CloudifyDefinitions() {}

  /**
   * {@code deployment:workflow}.
   *
   * @param deploymentId the deployment's id
   * @param workflowId the workflow's id
   * @return the definition id
   */
  public static String definitionId(String deploymentId, String workflowId) {
    return deploymentId + ":" + workflowId;
  }

  /**
   * {@return the (deployment, workflow) of a unified definition id}
   *
   * @param definitionId the definition id
   * @throws IllegalArgumentException when it has no colon or a blank part
   */
  public static Pair parse(String definitionId) {
    int colon = definitionId == null ? -1 : definitionId.lastIndexOf(':');
    if (colon <= 0 || colon == definitionId.length() - 1
        || definitionId.substring(0, colon).isBlank() || definitionId.substring(colon + 1).isBlank()) {
      throw new IllegalArgumentException("a Cloudify definition is \"<deployment_id>:<workflow_id>\", got '"
          + definitionId + "'");
    }
    return new Pair(definitionId.substring(0, colon), definitionId.substring(colon + 1));
  }

  /**
   * A deployment and one of its workflows.
   *
   * @param deploymentId the deployment id
   * @param workflowId the workflow id
   */
  public record Pair(String deploymentId, String workflowId) {}
}
