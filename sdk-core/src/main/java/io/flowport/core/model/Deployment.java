package io.flowport.core.model;

import java.util.List;

/**
 * The result of a deploy call.
 *
 * @param deploymentId the engine's id of the deployment
 * @param definitions the definitions it holds, in the order the engine reported them
 */
public record Deployment(String deploymentId, List<DeployedDefinition> definitions) {
  /**
   * Creates the record: copies the collections, unmodifiable.
   *
   * @param deploymentId the engine's id of the deployment
   * @param definitions the definitions it holds, in the order the engine reported them
   */
  public Deployment {
    definitions = List.copyOf(definitions);
  }

  /**
   * {@return the definition with this id; fails when the deployment has none}
   *
   * @param id the id
   */
  public DeployedDefinition definition(String id) {
    return definitions.stream()
        .filter(d -> d.id().equals(id))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no definition " + id + " in " + this));
  }
}
