package io.flowport.rest.flowable;

import io.flowport.core.ClientConfig;
import io.flowport.core.WorkflowClient;
import io.flowport.core.spi.WorkflowClientProvider;

/**
 * Makes {@link FlowableClient}s for engine {@code "flowable"} through
 * {@link io.flowport.core.WorkflowClients#create(ClientConfig)}: the endpoint is the base URL of
 * Flowable's process REST API ({@code http://host:port/process-api} or
 * {@code http://host:port/flowable-rest/service}); credentials and options are used as given. It
 * reads no settings.
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
    return FlowableClient.builder()
        .baseUrl(config.endpoint())
        .credentials(config.credentials())
        .options(config.options())
        .build();
  }
}
