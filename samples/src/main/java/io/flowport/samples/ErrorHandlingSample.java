package io.flowport.samples;

import io.flowport.core.WorkflowClient;
import io.flowport.core.error.ClientValidationException;
import io.flowport.core.error.DefinitionNotFoundException;
import io.flowport.core.error.IllegalTransitionException;
import io.flowport.core.error.InstanceNotFoundException;
import io.flowport.core.error.WorkflowException;
import io.flowport.core.model.DeployRequest;
import io.flowport.core.model.Instance;
import io.flowport.core.model.Resource;
import io.flowport.core.model.StartRequest;
import io.flowport.testkit.InMemoryWorkflowClient;
import io.flowport.testkit.engine.InMemoryEngine;
import java.util.concurrent.CompletionException;

/**
 * One exception per meaning, whatever the engine said: catch {@link DefinitionNotFoundException}
 * whether Zeebe answered NOT_FOUND or Flowable answered 400. Every exception tells the engine,
 * the operation, the wire status, the engine's own code and message, and whether a retry helps.
 */
public final class ErrorHandlingSample {
  private ErrorHandlingSample() {}

  public static void main(String[] args) {
    try (InMemoryEngine engine = InMemoryEngine.create();
        WorkflowClient client = InMemoryWorkflowClient.create(engine)) {
      client.definitions().deploy(DeployRequest.of(Resource.fromClasspath("bpmn/order.bpmn"))).join();

      // Async: the future fails; handle it where the result is used.
      client.instances().start(StartRequest.of("no-such-process").build())
          .exceptionally(error -> {
            // The future itself fails with the Flowport exception; stages after it see it wrapped.
            Throwable cause = error instanceof CompletionException ? error.getCause() : error;
            if (cause instanceof DefinitionNotFoundException e) {
              System.out.println("async: " + e.getMessage());
            }
            return null;
          })
          .join();

      // Or join and catch: the cause is the Flowport exception.
      Instance order = client.instances().start(StartRequest.of("order").variable("orderId", "B-7")
          .variable("amount", 5).build()).join();
      try {
        client.instances().resume(order.id()).join();
      } catch (CompletionException e) {
        if (e.getCause() instanceof IllegalTransitionException illegal) {
          System.out.println("cannot resume a running instance: " + illegal.engineMessage());
        }
      }

      client.instances().cancel(order.id()).join();
      describe(client.instances().cancel(order.id()));            // InstanceNotFoundException
      describe(client.instances().get(" "));                        // ClientValidationException, nothing sent
      describe(client.variables().upsert(order.id(), java.util.Map.of("ratio", Double.NaN))); // not JSON
    }
  }

  private static void describe(java.util.concurrent.CompletableFuture<?> call) {
    try {
      call.join();
    } catch (CompletionException e) {
      WorkflowException error = (WorkflowException) e.getCause();
      String kind = error instanceof InstanceNotFoundException ? "instance not found"
          : error instanceof ClientValidationException ? "refused before the wire"
          : error.kind().toString();
      System.out.printf("%-24s retryable=%-5s engine=%s operation=%s: %s%n",
          kind, error.isRetryable(), error.engine(), error.operation(), error.engineMessage());
    }
  }
}
