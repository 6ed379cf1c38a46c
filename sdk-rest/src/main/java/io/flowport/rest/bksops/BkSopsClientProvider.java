package io.flowport.rest.bksops;

import io.flowport.core.ClientConfig;
import io.flowport.core.WorkflowClient;
import io.flowport.core.spi.WorkflowClientProvider;

/**
 * Makes {@link BkSopsClient}s for engine {@code "bk-sops"} through
 * {@link io.flowport.core.WorkflowClients#create(ClientConfig)}: the endpoint is the gateway
 * stage's URL; settings {@code bizId} (required), {@code scope} (optional) and
 * {@code template.<name>} = template id (optional, any number of them); credentials (usually
 * {@link BkSopsCredentials}) and options are used as given.
 */
public final class BkSopsClientProvider implements WorkflowClientProvider {
  @Override
  public String engine() {
    return "bk-sops";
  }

  @Override
  public WorkflowClient create(ClientConfig config) {
    if (config.endpoint() == null) {
      throw new IllegalArgumentException("the bk-sops adapter needs an endpoint (the API gateway stage's URL)");
    }
    String bizId = config.settings().get("bizId");
    if (bizId == null) {
      throw new IllegalArgumentException("the bk-sops adapter needs the setting bizId");
    }
    BkSopsClient.Builder b = BkSopsClient.builder()
        .baseUrl(config.endpoint())
        .bizId(bizId)
        .credentials(config.credentials())
        .options(config.options());
    if (config.settings().get("scope") != null) {
      b.scope(config.settings().get("scope"));
    }
    config.settings().forEach((key, value) -> {
      if (key.startsWith("template.")) {
        b.template(key.substring("template.".length()), value);
      }
    });
    return b.build();
  }
}
