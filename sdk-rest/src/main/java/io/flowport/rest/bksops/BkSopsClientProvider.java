package io.flowport.rest.bksops;

import io.flowport.core.ClientConfig;
import io.flowport.core.ClientSettings;
import io.flowport.core.WorkflowClient;
import io.flowport.core.spi.WorkflowClientProvider;
import io.flowport.rest.internal.RestProviderSettings;
import java.util.Map;

/**
 * Makes {@link BkSopsClient}s for engine {@code "bk-sops"} through
 * {@link io.flowport.core.WorkflowClients#create(ClientConfig)}: the endpoint is the gateway
 * stage's URL; settings {@code bizId} (required), {@code scope} (optional) and
 * {@code template.<name>} = template id (optional, any number of them); credentials (usually
 * {@link BkSopsCredentials}) and options are used as given; {@code allowPlaintextCredentials} as on
 * {@link io.flowport.rest.RestClientBuilder#allowPlaintextCredentials()}. Any other setting fails with the list of
 * valid ones.
 */
public final class BkSopsClientProvider implements WorkflowClientProvider {
  /** The settings this adapter reads; any other fails {@link #create} with this list. */
  public static final Map<String, String> SETTINGS = RestProviderSettings.with(Map.of(
      "bizId", "the business (or project) id, required",
      "scope", "cmdb_biz or project: what bizId names",
      "template.*", "template.<name> = the id of the template a start names <name>"));

  @Override
  public String engine() {
    return "bk-sops";
  }

  @Override
  public WorkflowClient create(ClientConfig config) {
    if (config.endpoint() == null) {
      throw new IllegalArgumentException("the bk-sops adapter needs an endpoint (the API gateway stage's URL)");
    }
    ClientSettings settings = ClientSettings.of(config, SETTINGS);
    String bizId = settings.string("bizId");
    if (bizId == null) {
      throw new IllegalArgumentException("the bk-sops adapter needs the setting bizId");
    }
    BkSopsClient.Builder b = BkSopsClient.builder()
        .baseUrl(config.endpoint())
        .bizId(bizId)
        .credentials(config.credentials())
        .options(config.options());
    if (settings.string("scope") != null) {
      b.scope(settings.string("scope"));
    }
    settings.family("template").forEach(b::template);
    RestProviderSettings.apply(settings, b);
    return b.build();
  }
}
