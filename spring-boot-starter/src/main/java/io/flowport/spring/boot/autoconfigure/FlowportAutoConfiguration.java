package io.flowport.spring.boot.autoconfigure;

import io.flowport.core.CallListener;
import io.flowport.core.WorkflowClient;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * A {@link WorkflowClient} and a {@link io.flowport.sync.SyncWorkflowClient} bean per entry of
 * {@code flowport.clients} ({@link FlowportProperties}), closed with the context, with every
 * {@link CallListener} bean and every {@link ClientListenerFactory}'s listener on them.
 */
@AutoConfiguration
@ConditionalOnClass(WorkflowClient.class)
@EnableConfigurationProperties(FlowportProperties.class)
public class FlowportAutoConfiguration {

  /** Registers the client beans from the configuration, checking it first. */
  @Bean
  static ClientBeanRegistrar flowportClientBeanRegistrar(Environment environment) {
    return new ClientBeanRegistrar(environment);
  }

  @Bean
  ClientCreator flowportClientCreator(FlowportProperties properties, ObjectProvider<CallListener> listeners,
      ObjectProvider<ClientListenerFactory> listenerFactories, ObjectProvider<FlowportTestEngines> testEngines) {
    return new ClientCreator(properties, listeners, listenerFactories, testEngines);
  }
}
