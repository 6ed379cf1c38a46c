package io.flowport.rest.cloudify;

import io.flowport.core.ClientConfig;
import io.flowport.core.ClientSettings;
import io.flowport.core.WorkflowClient;
import io.flowport.core.spi.WorkflowClientProvider;
import io.flowport.rest.internal.RestProviderSettings;
import java.util.Map;

/**
 * Makes {@link CloudifyClient}s for engine {@code "cloudify"} through
 * {@link io.flowport.core.WorkflowClients#create(ClientConfig)}: the endpoint is the manager's REST
 * base URL ({@code https://manager/api/v3.1}); setting {@code tenant} sets the {@code Tenant} header
 * and {@code start-policy} ({@code fail}, {@code queue}, {@code force}) the {@link CloudifyStartPolicy}.
 * {@code allowPlaintextCredentials} is {@link io.flowport.rest.RestClientBuilder#allowPlaintextCredentials()}. Any other
 * setting is refused. Credentials and options are used as given.
 */
public final class CloudifyClientProvider implements WorkflowClientProvider {
  private static final Map<String, String> SETTINGS = RestProviderSettings.with(Map.of(
      "tenant", "the Tenant header of every request",
      "start-policy", "what a unified start does on a busy deployment: fail (default), queue or force"));

  @Override
  public String engine() {
    return CloudifyClient.ENGINE;
  }

  @Override
  public WorkflowClient create(ClientConfig config) {
    if (config.endpoint() == null) {
      throw new IllegalArgumentException("the cloudify adapter needs an endpoint (the manager's REST base URL)");
    }
    ClientSettings settings = ClientSettings.of(config, SETTINGS);
    CloudifyClient.Builder b = CloudifyClient.builder()
        .baseUrl(config.endpoint())
        .credentials(config.credentials())
        .tenant(settings.string("tenant"))
        .options(config.options());
    String policy = settings.string("start-policy");
    if (policy != null) {
      try {
        b.startPolicy(CloudifyStartPolicy.valueOf(policy.trim().toUpperCase(java.util.Locale.ROOT)));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("start-policy for cloudify is fail, queue or force, not '" + policy + "'");
      }
    }
    RestProviderSettings.apply(settings, b);
    return b.build();
  }
}
