package io.flowport.spring.boot.autoconfigure;

import io.flowport.core.CallListener;
import io.flowport.core.ClientConfig;
import io.flowport.core.WorkflowClient;
import io.flowport.core.WorkflowClients;
import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;

/** Makes the client of one {@code flowport.clients.<name>} entry, with the context's listeners. */
final class ClientCreator {
  private final FlowportProperties properties;
  private final ObjectProvider<CallListener> listeners;
  private final ObjectProvider<ClientListenerFactory> listenerFactories;
  private final ObjectProvider<FlowportTestEngines> testEngines;

  ClientCreator(FlowportProperties properties, ObjectProvider<CallListener> listeners,
      ObjectProvider<ClientListenerFactory> listenerFactories, ObjectProvider<FlowportTestEngines> testEngines) {
    this.properties = properties;
    this.listeners = listeners;
    this.listenerFactories = listenerFactories;
    this.testEngines = testEngines;
  }

  WorkflowClient create(String name) {
    FlowportProperties.Client client = properties.getClients().get(name);
    ClientConfig base = ClientConfigs.config(name, client, List.of());
    try {
      List<CallListener> all = new ArrayList<>();
      listeners.orderedStream().forEach(all::add);
      listenerFactories.orderedStream().map(f -> f.listenerFor(name, base)).filter(l -> l != null).forEach(all::add);
      ClientConfig config = ClientConfigs.config(name, client, all);
      FlowportTestEngines test = testEngines.getIfAvailable();
      return test == null ? WorkflowClients.create(config) : test.client(name, config);
    } catch (RuntimeException e) { // an adapter refusing its settings: say which client
      throw new IllegalStateException("Flowport client '" + name + "' (" + base.engine() + " at "
          + base.endpoint() + ") could not be made: " + e.getMessage(), e);
    }
  }
}
