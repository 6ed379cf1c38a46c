package io.flowport.rest.internal;

import io.flowport.core.ClientSettings;
import io.flowport.rest.RestClientBuilder;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The settings every REST adapter's provider reads besides its own, so a client made from a
 * {@link io.flowport.core.ClientConfig} (the Spring Boot starter's, for one) can do what the
 * builder can: today {@link ClientSettings#ALLOW_PLAINTEXT_CREDENTIALS}.
 */
public final class RestProviderSettings {
  private RestProviderSettings() {}

  /**
   * {@return the adapter's documented settings followed by the shared ones}
   *
   * @param adapterSettings the adapter's own: name → what it means
   */
  public static Map<String, String> with(Map<String, String> adapterSettings) {
    Map<String, String> all = new LinkedHashMap<>(adapterSettings);
    all.put(ClientSettings.ALLOW_PLAINTEXT_CREDENTIALS,
        "true to send credentials over plain http:// to a remote host (default false: refused)");
    return Collections.unmodifiableMap(all);
  }

  /**
   * Applies the shared settings to {@code builder}.
   *
   * @param settings the settings, read against {@link #with}
   * @param builder the adapter's builder
   */
  public static void apply(ClientSettings settings, RestClientBuilder<?, ?> builder) {
    if (settings.flag(ClientSettings.ALLOW_PLAINTEXT_CREDENTIALS, false)) {
      builder.allowPlaintextCredentials();
    }
  }
}
