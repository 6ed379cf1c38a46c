package io.flowport.testkit.fakes.campaign;

import io.flowport.core.ClientOptions;
import io.flowport.core.WorkflowClient;
import io.flowport.core.model.MessageRequest;
import io.flowport.core.model.StartRequest;
import io.flowport.testkit.engine.InMemoryEngine;
import io.flowport.testkit.engine.InstanceSnapshot;
import io.flowport.testkit.fakes.FaultPlan;
import java.util.Map;

/**
 * One adapter over its wire fake, as the {@link FaultCampaign} drives it. The fake must have a
 * definition deployed that {@link #start} starts and that waits (it never ends by itself), and,
 * where the adapter publishes, one with a message start event for {@link #publish}.
 */
public interface CampaignTarget extends AutoCloseable {
  /** The variable every campaign start and publish carries, to count its instances in the engine. */
  String TAG = "campaignTag";

  /** The adapter's name, for the report. */
  String name();

  /** The faults the fake shows next (every request of the fake may take one). */
  FaultPlan faults();

  /** The engine behind the fake: what is counted. */
  InMemoryEngine engine();

  /** The fake's port: the client's sockets to it are counted after close. */
  int port();

  /** A new client of the fake with {@code options}. */
  WorkflowClient newClient(ClientOptions options);

  /** A start of the waiting definition carrying {@code variables} (the tag among them). */
  StartRequest start(Map<String, Object> variables);

  /**
   * A publish that starts an instance of the message-start definition with {@code variables}, with
   * {@code messageId} (may be null) and {@code ttl} milliseconds to live; null when the adapter has no publish.
   */
  default MessageRequest publish(Map<String, Object> variables, String messageId, long ttlMillis) {
    return null;
  }

  /** The campaign tag of an engine instance, or null (by default: its variable {@link #TAG}). */
  default String tagOf(InstanceSnapshot instance) {
    Object tag = instance.variables().get(TAG);
    return tag == null ? null : tag.toString();
  }

  /** How long after the run the engine may still process a request it received late (Zeebe's latency runs after the delay). */
  default long settleMillis() {
    return 0;
  }

  /** Stops the fake. */
  @Override
  void close();
}
