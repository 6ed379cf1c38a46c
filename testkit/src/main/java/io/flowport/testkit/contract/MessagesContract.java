package io.flowport.testkit.contract;

import static io.flowport.testkit.contract.WorkflowClientContract.await;
import static io.flowport.testkit.contract.WorkflowClientContract.failure;
import static io.flowport.testkit.contract.WorkflowClientContract.unique;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.flowport.core.Operation;
import io.flowport.core.error.AlreadyExistsException;
import io.flowport.core.model.Instance;
import io.flowport.core.model.InstanceState;
import io.flowport.core.model.MessageRequest;
import io.flowport.core.model.StartRequest;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The contract, part: publishing messages: correlation to a waiting instance, and message ids.
 */
abstract class MessagesContract extends ContractPart {

  @Test
  @DisplayName("a published message reaches the instance waiting for it")
  void messageCorrelates() {
    require(Operation.PUBLISH_MESSAGE);
    String key = unique();
    StartRequest.Builder builder = StartRequest.of(definition(Scenario.MESSAGE_CATCH)).variable("orderId", key);
    if (target().expectations().businessKeys()) {
      builder.businessKey(key); // engines without correlation keys correlate on it
    }
    StartRequest start = builder.build();
    if (supports(Operation.GET_INSTANCE) && supports(Operation.START_INSTANCE)) {
      Instance waiting = await(client().instances().start(start));
      assertEquals(InstanceState.RUNNING, waiting.state());
      await(client().messages().publish(MessageRequest.builder("contract-ping", key).variable("pinged", true).build()));
      Instance after = awaitEnded(waiting.id());
      assertEquals(InstanceState.COMPLETED, after.state());
    } else {
      require(Operation.START_AND_AWAIT);
      assumeTrue(target().expectations().messageBuffering(), "needs message buffering to avoid a race");
      CompletableFuture<Instance> done = client().instances().startAndAwait(start, Duration.ofSeconds(20));
      await(client().messages().publish(MessageRequest.builder("contract-ping", key)
          .timeToLive(Duration.ofMinutes(1)).variable("pinged", true).build()));
      Instance ended = await(done);
      assertEquals(InstanceState.COMPLETED, ended.state());
      assertEquals(Boolean.TRUE, ended.variables().get("pinged"));
    }
  }

  @Test
  @DisplayName("a second message with a live message id fails with AlreadyExistsException")
  void duplicateMessageIdIsRejected() {
    require(Operation.PUBLISH_MESSAGE);
    assumeTrue(target().expectations().messageDeduplication(), "this engine has no message ids");
    String id = unique();
    MessageRequest message = MessageRequest.builder("contract-ping", unique())
        .messageId(id).timeToLive(Duration.ofMinutes(5)).build();
    await(client().messages().publish(message));
    assertInstanceOf(AlreadyExistsException.class, failure(client().messages().publish(message)));
  }
}
