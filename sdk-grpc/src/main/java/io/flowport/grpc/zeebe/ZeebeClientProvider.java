package io.flowport.grpc.zeebe;

import io.flowport.core.ClientConfig;
import io.flowport.core.WorkflowClient;
import io.flowport.core.spi.WorkflowClientProvider;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Registers the Zeebe adapter as engine {@code "zeebe"} for {@link
 * io.flowport.core.WorkflowClients#create(ClientConfig)}. The endpoint is {@code host:port} (several,
 * comma-separated, are balanced round-robin). Settings:
 * <ul>
 *   <li>{@code plaintext}: {@code "true"} for no TLS (default false);
 *   <li>{@code trustCertificates}: a PEM file to trust (TLS);
 *   <li>{@code keepAlive}: an ISO-8601 duration, e.g. {@code PT45S}.
 * </ul>
 * The client made is a {@link ZeebeClient}.
 */
public final class ZeebeClientProvider implements WorkflowClientProvider {
  @Override
  public String engine() {
    return ZeebeErrors.ENGINE;
  }

  @Override
  public WorkflowClient create(ClientConfig config) {
    if (config.endpoint() == null || config.endpoint().isBlank()) {
      throw new IllegalArgumentException("zeebe needs an endpoint host:port");
    }
    ZeebeClient.Builder b = ZeebeClient.builder()
        .gatewayAddress(config.endpoint())
        .credentials(config.credentials())
        .options(config.options());
    if (Boolean.parseBoolean(config.setting("plaintext", "false"))) {
      b.usePlaintext();
    }
    String trust = config.setting("trustCertificates", null);
    if (trust != null) {
      b.trustCertificates(Path.of(trust));
    }
    String keepAlive = config.setting("keepAlive", null);
    if (keepAlive != null) {
      b.keepAlive(Duration.parse(keepAlive));
    }
    return b.build();
  }
}
