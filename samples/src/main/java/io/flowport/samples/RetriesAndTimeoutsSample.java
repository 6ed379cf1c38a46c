package io.flowport.samples;

import io.flowport.core.CallListener;
import io.flowport.core.ClientOptions;
import io.flowport.core.RetryPolicy;
import io.flowport.core.WorkflowClient;
import io.flowport.core.error.WorkflowTimeoutException;
import io.flowport.core.model.DeployRequest;
import io.flowport.core.model.Instance;
import io.flowport.core.model.MessageRequest;
import io.flowport.core.model.Resource;
import io.flowport.core.model.StartRequest;
import io.flowport.grpc.zeebe.ZeebeClient;
import io.flowport.testkit.fakes.Fault;
import io.flowport.testkit.fakes.zeebe.FakeZeebeGateway;
import java.time.Duration;
import java.util.concurrent.CompletionException;

/**
 * Retries and timeouts, shown against Zeebe's wire fake with injected faults: back pressure is
 * retried (it is safe for every call), a create that timed out is not (the engine may have
 * created the instance), and a publish with a message id is (the engine deduplicates it).
 */
public final class RetriesAndTimeoutsSample {
  private RetriesAndTimeoutsSample() {}

  public static void main(String[] args) {
    ClientOptions options = ClientOptions.builder()
        .retryPolicy(RetryPolicy.builder()
            .maxAttempts(5)
            .baseDelay(Duration.ofMillis(50))
            .backPressureBaseDelay(Duration.ofMillis(200))
            .build())
        .attemptTimeout(Duration.ofMillis(500))   // one try
        .apiCallTimeout(Duration.ofSeconds(10))   // the whole call, backoff included
        .listener(RetriesAndTimeoutsSample::log)  // sees every attempt: hook metrics here
        .build();

    try (FakeZeebeGateway gateway = FakeZeebeGateway.start();
        WorkflowClient client = ZeebeClient.builder()
            .gatewayAddress(gateway.address()).usePlaintext().options(options).build()) {
      client.definitions().deploy(DeployRequest.of(
          Resource.fromClasspath("io/flowport/testkit/contract/zeebe/contract-task.bpmn"))).join();

      System.out.println("1. the gateway pushes back twice, then accepts:");
      gateway.faults().next(2, Fault.backPressure(), "CreateProcessInstance"::equals);
      Instance started = client.instances().start(StartRequest.of("contract-task").build()).join();
      System.out.println("   started " + started.id() + " after "
          + gateway.requests().count("CreateProcessInstance") + " requests, one instance");

      System.out.println("2. the gateway answers too late: the create is not repeated");
      gateway.faults().next(1, Fault.latency(Duration.ofSeconds(1)), "CreateProcessInstance"::equals);
      try {
        client.instances().start(StartRequest.of("contract-task").build()).join();
      } catch (CompletionException e) {
        if (e.getCause() instanceof WorkflowTimeoutException timeout) {
          System.out.println("   " + timeout.getMessage());
        }
      }

      System.out.println("3. a publish with a message id times out once and is repeated safely:");
      gateway.faults().next(1, Fault.latency(Duration.ofSeconds(1)), "PublishMessage"::equals);
      client.messages().publish(MessageRequest.builder("contract-ping", "order-1")
          .messageId("ping-order-1").timeToLive(Duration.ofMinutes(1)).build()).join();
      System.out.println("   published after " + gateway.requests().count("PublishMessage") + " requests");
    }
  }

  private static void log(CallListener.AttemptEvent e) {
    System.out.printf("   [attempt %d of %s: %s in %d ms%s]%n", e.attempt(), e.operation(),
        e.succeeded() ? "ok" : e.error().getClass().getSimpleName(), e.duration().toMillis(),
        e.willRetry() ? ", retrying" : "");
  }
}
