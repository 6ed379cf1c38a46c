package io.flowport.rest.cloudify;

import io.flowport.core.ClientConfig;
import io.flowport.core.WorkflowClient;
import io.flowport.core.spi.WorkflowClientProvider;

/**
 * Makes {@link CloudifyClient}s for engine {@code "cloudify"} through
 * {@link io.flowport.core.WorkflowClients#create(ClientConfig)}: the endpoint is the manager's REST
 * base URL ({@code https://manager/api/v3.1}); setting {@code tenant} sets the {@code Tenant} header.
 * Credentials and options are used as given.
 */
public final class CloudifyClientProvider implements WorkflowClientProvider {
  @Override
  public String engine() {
    return CloudifyClient.ENGINE;
  }

  @Override
  public WorkflowClient create(ClientConfig config) {
    if (config.endpoint() == null) {
      throw new IllegalArgumentException("the cloudify adapter needs an endpoint (the manager's REST base URL)");
    }
    return CloudifyClient.builder()
        .baseUrl(config.endpoint())
        .credentials(config.credentials())
        .tenant(config.setting("tenant", null))
        .options(config.options())
        .build();
  }
}
