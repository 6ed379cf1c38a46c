package io.flowport.samples;

import io.flowport.core.WorkflowClient;
import io.flowport.core.model.Instance;
import io.flowport.core.model.Node;
import io.flowport.core.model.StartRequest;
import io.flowport.testkit.InMemoryWorkflowClient;
import io.flowport.testkit.engine.InMemoryEngine;
import io.flowport.testkit.engine.ProcessModel;
import java.util.Map;

/**
 * Steering single nodes in bamboo_engine's vocabulary: read the state tree, force-fail a running
 * task, retry it with new inputs, skip it, call a waiting node back with its state version.
 */
public final class NodeOperationsSample {
  private NodeOperationsSample() {}

  public static void main(String[] args) {
    try (InMemoryEngine engine = InMemoryEngine.create();
        WorkflowClient client = InMemoryWorkflowClient.create(engine)) {
      engine.deploy(ProcessModel.builder("backup")
          .startEvent("start")
          .serviceTask("snapshot", "snapshot")
          .serviceTask("upload", "upload")
          .endEvent("end")
          .build());
      Instance backup = client.instances().start(StartRequest.of("backup").build()).join();

      print(client.nodes().tree(backup.id()).join(), "");
      client.nodes().forceFail(backup.id(), "snapshot", "disk full").join();
      System.out.println("after force-fail: " + state(client, backup.id(), "snapshot"));
      client.nodes().retry(backup.id(), "snapshot", Map.of("disk", "/mnt/big")).join();
      System.out.println("after retry: " + state(client, backup.id(), "snapshot")
          + ", runs recorded: " + client.nodes().histories(backup.id(), "snapshot").join().size());

      String version = client.nodes().tree(backup.id()).join().find("snapshot").version();
      client.nodes().callback(backup.id(), "snapshot", Map.of("size", 1024), version).join();
      client.nodes().forceFail(backup.id(), "upload", "network down").join();
      client.nodes().skip(backup.id(), "upload").join();
      System.out.println("instance: " + client.instances().get(backup.id()).join().state());
    }
  }

  private static String state(WorkflowClient client, String instanceId, String nodeId) {
    Node node = client.nodes().tree(instanceId).join().find(nodeId);
    return node.state() + " (retry " + node.retry() + ")";
  }

  private static void print(Node node, String indent) {
    System.out.println(indent + node.id() + " " + node.type() + " " + node.state());
    node.children().forEach(child -> print(child, indent + "  "));
  }
}
