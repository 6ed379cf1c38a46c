package io.flowport.core.spi;

import io.flowport.core.ClientConfig;
import io.flowport.core.WorkflowClient;

/**
 * Registers an adapter under an engine name, found with {@link java.util.ServiceLoader}: list the
 * implementation in {@code META-INF/services/io.flowport.core.spi.WorkflowClientProvider}.
 * {@link io.flowport.core.WorkflowClients#create(ClientConfig)} then makes clients for that name.
 */
public interface WorkflowClientProvider {
  /** {@return the engine name this provider answers to, e.g. {@code "zeebe"}} */
  String engine();

  /**
   * {@return a client for {@code config}; the provider reads the settings it documents}
   *
   * @param config the configuration
   */
  WorkflowClient create(ClientConfig config);
}
