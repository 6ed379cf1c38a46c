package io.flowport.grpc.zeebe;

import io.flowport.core.ClientConfig;
import io.flowport.core.ClientSettings;
import io.flowport.core.WorkflowClient;
import io.flowport.core.spi.WorkflowClientProvider;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Registers the Zeebe adapter as engine {@code "zeebe"} for {@link
 * io.flowport.core.WorkflowClients#create(ClientConfig)}. The endpoint is {@code host:port} (several,
 * comma-separated, are balanced round-robin). Settings:
 * <ul>
 *   <li>{@code plaintext}: {@code "true"} for no TLS, {@code "false"} (default) for TLS;
 *   <li>{@code allowPlaintextCredentials}: {@code "true"} to send credentials over plaintext to a
 *       gateway off this machine (see {@link ZeebeClient.Builder#allowPlaintextCredentials()});
 *   <li>{@code trustCertificates}: a PEM file to trust (TLS);
 *   <li>{@code keepAlive}: an ISO-8601 duration, e.g. {@code PT45S}.
 * </ul>
 * Any other setting, or a value that cannot be read ({@code plaintext=yes}), fails with the list
 * of valid ones. The client made is a {@link ZeebeClient}.
 */
public final class ZeebeClientProvider implements WorkflowClientProvider {
  /** The settings this adapter reads; any other fails {@link #create} with this list. */
  public static final Map<String, String> SETTINGS = settings();

  private static Map<String, String> settings() {
    Map<String, String> s = new LinkedHashMap<>();
    s.put("plaintext", "true for no TLS, default false");
    s.put(ClientSettings.ALLOW_PLAINTEXT_CREDENTIALS,
        "true to send credentials over plaintext to a non-loopback gateway, default false");
    s.put("trustCertificates", "a PEM file of certificates to trust for TLS");
    s.put("keepAlive", "an ISO-8601 duration between keepalive pings, e.g. PT45S");
    return Collections.unmodifiableMap(s);
  }

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
    ClientSettings settings = ClientSettings.of(config, SETTINGS);
    if (settings.flag("plaintext", false)) {
      b.usePlaintext();
    }
    if (settings.flag(ClientSettings.ALLOW_PLAINTEXT_CREDENTIALS, false)) {
      b.allowPlaintextCredentials();
    }
    String trust = settings.string("trustCertificates");
    if (trust != null) {
      b.trustCertificates(Path.of(trust));
    }
    Duration keepAlive = settings.duration("keepAlive");
    if (keepAlive != null) {
      b.keepAlive(keepAlive);
    }
    return b.build();
  }
}
