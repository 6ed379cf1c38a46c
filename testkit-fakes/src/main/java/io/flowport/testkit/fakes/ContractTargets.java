package io.flowport.testkit.fakes;

import io.flowport.core.ClientOptions;
import io.flowport.core.WorkflowClient;
import io.flowport.grpc.zeebe.ActivatedJob;
import io.flowport.grpc.zeebe.ZeebeClient;
import io.flowport.rest.flowable.FlowableClient;
import io.flowport.testkit.contract.ContractTarget;
import io.flowport.testkit.contract.Dialect;
import io.flowport.testkit.contract.Expectations;
import io.flowport.testkit.fakes.flowable.FakeFlowableServer;
import io.flowport.testkit.fakes.zeebe.FakeZeebeGateway;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Ready-made {@link ContractTarget}s for the engines Flowport speaks to: over their wire fakes
 * (which the target owns and closes), or over a client to a real engine. Each completes the
 * contract's task the way its engine does: a Zeebe job, a Flowable user task.
 */
public final class ContractTargets {
  private ContractTargets() {}

  /** Zeebe's differences from the default expectations. */
  public static Expectations zeebeExpectations() {
    return Expectations.builder().businessKeys(false).startByMessage(false).build();
  }

  /** Flowable's differences: a new version per deploy, no message ids, no buffering. */
  public static Expectations flowableExpectations() {
    return Expectations.builder()
        .redeployKeepsVersion(false)
        .messageDeduplication(false)
        .messageBuffering(false)
        .build();
  }

  /** A ZeebeClient on a fresh fake gateway on a local port; closing the target stops both. */
  public static ContractTarget zeebeFake(ClientOptions options) {
    FakeZeebeGateway gateway = FakeZeebeGateway.start();
    ZeebeClient client = ZeebeClient.builder().gatewayAddress(gateway.address()).usePlaintext().options(options).build();
    return zeebe(client, gateway);
  }

  /** A target on {@code client}, completing tasks through Zeebe's job API; closes the client. */
  public static ContractTarget zeebe(ZeebeClient client) {
    return zeebe(client, null);
  }

  private static ContractTarget zeebe(ZeebeClient client, AutoCloseable owned) {
    return new Target(client, Dialect.ZEEBE, zeebeExpectations(), owned) {
      @Override
      public void completeTask(String instanceId, Map<String, Object> variables) throws Exception {
        long instanceKey = Long.parseLong(instanceId);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
          // Jobs of other instances get a short lock and become available again.
          List<ActivatedJob> jobs = client.activateJobs("contract-work", 32, Duration.ofMillis(500), "contract")
              .get(10, TimeUnit.SECONDS);
          for (ActivatedJob job : jobs) {
            if (job.processInstanceKey() == instanceKey) {
              client.completeJob(job.key(), variables).get(10, TimeUnit.SECONDS);
              return;
            }
          }
        }
        throw new IllegalStateException("no contract-work job for instance " + instanceId);
      }
    };
  }

  /** A FlowableClient on a fresh fake Flowable server; closing the target stops both. */
  public static ContractTarget flowableFake(ClientOptions options) {
    FakeFlowableServer server = FakeFlowableServer.start();
    return flowable(FlowableClient.builder().baseUrl(server.baseUrl()).options(options).build(), server);
  }

  /**
   * A target on {@code client} to a Flowable REST API, completing user tasks through the client's
   * own task operation; closes the client.
   */
  public static ContractTarget flowable(FlowableClient client) {
    return flowable(client, null);
  }

  private static ContractTarget flowable(FlowableClient client, AutoCloseable owned) {
    return new Target(client, Dialect.FLOWABLE, flowableExpectations(), owned) {
      @Override
      public void completeTask(String instanceId, Map<String, Object> variables) throws Exception {
        client.flowable().completeTask(instanceId, "work", variables).get(30, TimeUnit.SECONDS);
      }
    };
  }

  /** The parts every target shares. */
  private abstract static class Target implements ContractTarget {
    private final WorkflowClient client;
    private final Dialect dialect;
    private final Expectations expectations;
    private final AutoCloseable owned;

    Target(WorkflowClient client, Dialect dialect, Expectations expectations, AutoCloseable owned) {
      this.client = client;
      this.dialect = dialect;
      this.expectations = expectations;
      this.owned = owned;
    }

    @Override
    public WorkflowClient client() {
      return client;
    }

    @Override
    public Dialect dialect() {
      return dialect;
    }

    @Override
    public Expectations expectations() {
      return expectations;
    }

    @Override
    public void close() throws Exception {
      try {
        client.close();
      } finally {
        if (owned != null) {
          owned.close();
        }
      }
    }
  }
}
