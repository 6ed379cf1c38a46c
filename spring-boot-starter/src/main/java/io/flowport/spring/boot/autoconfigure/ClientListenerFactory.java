package io.flowport.spring.boot.autoconfigure;

import io.flowport.core.CallListener;
import io.flowport.core.ClientConfig;

/**
 * Makes a listener for each configured client, e.g. metrics tagged with the client's name. Declare
 * one as a bean to add your own; the metrics and tracing ones come with the auto-configuration.
 * Listener beans ({@link CallListener}) are added to every client as they are.
 */
@FunctionalInterface
public interface ClientListenerFactory {

  /**
   * {@return the listener for client {@code name}, or null for none}
   *
   * @param config the client's configuration (engine, endpoint), without listeners yet
   * @param name the name
   */
  CallListener listenerFor(String name, ClientConfig config);
}
