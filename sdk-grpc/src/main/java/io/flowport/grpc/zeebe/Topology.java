package io.flowport.grpc.zeebe;

import java.util.List;

/**
 * The cluster as the gateway reports it.
 *
 * @param brokers the brokers
 * @param clusterSize the number of brokers
 * @param partitionsCount the number of partitions
 * @param replicationFactor the replication factor
 * @param gatewayVersion the gateway's version
 */
public record Topology(
    List<Broker> brokers, int clusterSize, int partitionsCount, int replicationFactor, String gatewayVersion) {
  /**
   * Creates the record: copies the collections, unmodifiable.
   *
   * @param brokers the brokers
   * @param clusterSize the number of brokers
   * @param partitionsCount the number of partitions
   * @param replicationFactor the replication factor
   * @param gatewayVersion the gateway's version
   */
  public Topology {
    brokers = List.copyOf(brokers);
  }

  /**
   * One broker and the partitions it holds.
   *
   * @param nodeId the broker's node id
   * @param host the broker's host, as the gateway reports it
   * @param port the broker's port
   * @param version the broker's Zeebe version
   * @param partitions the partitions on this broker
   */
  public record Broker(int nodeId, String host, int port, String version, List<Partition> partitions) {
    /**
     * Creates the record: copies the collections, unmodifiable.
     *
     * @param nodeId the broker's node id
     * @param host the broker's host, as the gateway reports it
     * @param port the broker's port
     * @param version the broker's Zeebe version
     * @param partitions the partitions on this broker
     */
    public Broker {
      partitions = List.copyOf(partitions);
    }
  }

  /** One partition on a broker, with the broker's role and health (as Zeebe names them). */
  public record Partition(int partitionId, String role, String health) {}
}
