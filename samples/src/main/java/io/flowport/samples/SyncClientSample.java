package io.flowport.samples;

import io.flowport.core.error.IllegalTransitionException;
import io.flowport.core.model.Instance;
import io.flowport.core.model.InstanceQuery;
import io.flowport.core.model.InstanceState;
import io.flowport.core.model.StartRequest;
import io.flowport.sync.SyncWorkflowClient;
import io.flowport.testkit.InMemoryWorkflowClient;
import io.flowport.testkit.engine.InMemoryEngine;
import io.flowport.testkit.engine.ProcessModel;
import java.util.Map;

/**
 * The blocking client: the same operations as the async one, returning values and throwing the
 * same exception types (never CompletionException), with your own stack frames in the trace.
 */
public final class SyncClientSample {
  private SyncClientSample() {}

  public static void main(String[] args) {
    try (InMemoryEngine engine = InMemoryEngine.create();
        SyncWorkflowClient client = SyncWorkflowClient.of(InMemoryWorkflowClient.create(engine))) {
      engine.deploy(ProcessModel.builder("review").startEvent("start").userTask("approve").endEvent("end").build());

      for (int i = 1; i <= 5; i++) {
        client.instances().start(StartRequest.of("review").businessKey("doc-" + i).build());
      }
      Instance first = client.instances().list(InstanceQuery.builder().pageSize(2).build()).items().get(0);
      client.instances().suspend(first.id());
      try {
        client.instances().suspend(first.id());
      } catch (IllegalTransitionException e) {
        System.out.println("suspending twice: " + e.engineMessage());
      }
      client.variables().upsert(first.id(), Map.of("reviewer", "ada"));

      // stream() fetches page after page as you consume it
      long running = client.instances().stream(InstanceQuery.builder().pageSize(2).build())
          .filter(i -> i.state() == InstanceState.RUNNING)
          .count();
      System.out.println(running + " running, 1 suspended; reviewer=" + client.variables().get(first.id(), "reviewer"));
    }
  }
}
