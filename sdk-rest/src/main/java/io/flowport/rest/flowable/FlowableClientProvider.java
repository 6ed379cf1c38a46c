package io.flowport.rest.flowable;

import io.flowport.core.ClientConfig;
import io.flowport.core.ClientSettings;
import io.flowport.core.WorkflowClient;
import io.flowport.core.spi.WorkflowClientProvider;
import java.util.Map;

/**
 * Makes {@link FlowableClient}s for engine {@code "flowable"} through
 * {@link io.flowport.core.WorkflowClients#create(ClientConfig)}: the endpoint is the base URL of
 * Flowable's process REST API ({@code http://host:port/process-api} or
 * {@code http://host:port/flowable-rest/service}); credentials and options are used as given. It
 * reads no settings, and refuses any it is given.
 */
public final class FlowableClientProvider implements WorkflowClientProvider {
  @Override
  public String engine() {
    return "flowable";
  }

  @Override
  public WorkflowClient create(ClientConfig config) {
    if (config.endpoint() == null) {
      throw new IllegalArgumentException("the flowable adapter needs an endpoint (the REST API's base URL)");
    }
    ClientSettings.of(config, Map.of()); // Flowable reads no settings: any given one is a mistake
    return FlowableClient.builder()
        .baseUrl(config.endpoint())
        .credentials(config.credentials())
        .options(config.options())
        .build();
  }
}
