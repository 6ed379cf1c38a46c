package io.flowport.rest.flowable;

import io.flowport.core.ClientConfig;
import io.flowport.core.ClientSettings;
import io.flowport.core.WorkflowClient;
import io.flowport.core.spi.WorkflowClientProvider;
import io.flowport.rest.internal.RestProviderSettings;
import java.util.Map;

/**
 * Makes {@link FlowableClient}s for engine {@code "flowable"} through
 * {@link io.flowport.core.WorkflowClients#create(ClientConfig)}: the endpoint is the base URL of
 * Flowable's process REST API ({@code http://host:port/process-api} or
 * {@code http://host:port/flowable-rest/service}); credentials and options are used as given. Its
 * one setting is {@code allowPlaintextCredentials} ({@link io.flowport.rest.RestClientBuilder#allowPlaintextCredentials()});
 * it refuses any other.
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
    // Flowable reads only the shared settings: any other is a mistake
    ClientSettings settings = ClientSettings.of(config, RestProviderSettings.with(Map.of()));
    FlowableClient.Builder b = FlowableClient.builder()
        .baseUrl(config.endpoint())
        .credentials(config.credentials())
        .options(config.options());
    RestProviderSettings.apply(settings, b);
    return b.build();
  }
}
