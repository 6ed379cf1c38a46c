package io.flowport.testkit.fakes.campaign;

import io.flowport.core.ClientOptions;
import io.flowport.core.WorkflowClient;
import io.flowport.core.model.StartRequest;
import io.flowport.testkit.engine.InMemoryEngine;
import io.flowport.testkit.fakes.FaultPlan;
import io.flowport.testkit.fakes.rest.RestFakeServer;
import java.util.Map;
import java.util.function.Function;

/** A REST adapter's {@link CampaignTarget}: its fake, how to make its client, and what a start is. */
class RestCampaignTarget implements CampaignTarget {
  private final String engine;
  final RestFakeServer fake;
  private final Function<ClientOptions, WorkflowClient> clients;
  private final Function<Map<String, Object>, StartRequest> starts;

  RestCampaignTarget(String engine, RestFakeServer fake, Function<ClientOptions, WorkflowClient> clients,
      Function<Map<String, Object>, StartRequest> starts) {
    this.engine = engine;
    this.fake = fake;
    this.clients = clients;
    this.starts = starts;
  }

  @Override
  public String name() {
    return engine;
  }

  @Override
  public FaultPlan faults() {
    return fake.faults();
  }

  @Override
  public InMemoryEngine engine() {
    return fake.engine();
  }

  @Override
  public int port() {
    return fake.port();
  }

  @Override
  public WorkflowClient newClient(ClientOptions options) {
    return clients.apply(options);
  }

  @Override
  public StartRequest start(Map<String, Object> variables) {
    return starts.apply(variables);
  }

  @Override
  public void close() {
    fake.close();
  }
}
