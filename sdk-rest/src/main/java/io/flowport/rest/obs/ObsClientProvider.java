package io.flowport.rest.obs;

import io.flowport.core.ClientConfig;
import io.flowport.core.ClientSettings;
import io.flowport.core.WorkflowClient;
import io.flowport.core.spi.WorkflowClientProvider;
import io.flowport.rest.internal.RestProviderSettings;
import java.util.Map;

/**
 * Makes {@link ObsClient}s for engine {@code "obs"} through
 * {@link io.flowport.core.WorkflowClients#create(ClientConfig)}: the endpoint is OBS's endpoint;
 * credentials (usually {@link ObsCredentials}) and options are used as given. Settings
 * {@code bucket} and {@code object} set the object unified starts run on
 * ({@link ObsClient.Builder#defaultObject}); {@code allowPlaintextCredentials} is
 * {@link io.flowport.rest.RestClientBuilder#allowPlaintextCredentials()}. Any other setting fails
 * with the list of valid ones.
 */
public final class ObsClientProvider implements WorkflowClientProvider {
  @Override
  public String engine() {
    return ObsClient.ENGINE;
  }

  @Override
  public WorkflowClient create(ClientConfig config) {
    if (config.endpoint() == null) {
      throw new IllegalArgumentException("the obs adapter needs an endpoint (e.g. https://obs.cn-north-4.myhuaweicloud.com)");
    }
    ObsClient.Builder b = ObsClient.builder()
        .baseUrl(config.endpoint())
        .credentials(config.credentials())
        .options(config.options());
    ClientSettings settings = ClientSettings.of(config, RestProviderSettings.with(Map.of(
        "bucket", "the bucket unified starts run on (with object)",
        "object", "the object unified starts run on (with bucket)")));
    RestProviderSettings.apply(settings, b);
    String bucket = settings.string("bucket");
    String object = settings.string("object");
    if (bucket != null || object != null) {
      b.defaultObject(bucket, object);
    }
    return b.build();
  }
}
