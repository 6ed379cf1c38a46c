package io.flowport.spring.boot.autoconfigure;

import io.flowport.core.WorkflowClient;
import io.flowport.spring.boot.autoconfigure.FlowportProperties.TestEngine;
import io.flowport.sync.SyncWorkflowClient;
import java.util.Map;
import java.util.Set;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.AutowireCandidateQualifier;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.BeanDefinitionRegistryPostProcessor;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.core.env.Environment;
import org.springframework.util.ClassUtils;

/**
 * Registers two beans per configured client, before any bean is made: so a client can be injected
 * by name, and a wrong configuration stops the start with the property at fault. The clients are
 * made when first needed by {@link ClientCreator}, with the listeners the context has.
 */
final class ClientBeanRegistrar implements BeanDefinitionRegistryPostProcessor {
  private final Environment environment;

  ClientBeanRegistrar(Environment environment) {
    this.environment = environment;
  }

  @Override
  public void postProcessBeanDefinitionRegistry(BeanDefinitionRegistry registry) {
    FlowportProperties properties = Binder.get(environment)
        .bind(FlowportProperties.PREFIX, FlowportProperties.class).orElseGet(FlowportProperties::new);
    TestEngine testEngine = properties.getTestEngine();
    requireTestKit(testEngine, ((ConfigurableListableBeanFactory) registry).getBeanClassLoader());
    BeanFactory beans = (BeanFactory) registry;
    for (Map.Entry<String, FlowportProperties.Client> entry : properties.getClients().entrySet()) {
      String name = entry.getKey();
      FlowportProperties.Client client = entry.getValue();
      ClientConfigs.validate(name, client, testEngine);
      if (testEngine == TestEngine.NONE) {
        ClientConfigs.requireEndpoint(name, client);
      } else if (testEngine == TestEngine.FAKE && !FlowportTestEngines.hasWireFake(client.getEngine())) {
        throw ClientConfigs.invalid(name, "engine", client.getEngine(),
            "flowport.test-engine=fake has wire fakes for " + FlowportTestEngines.WIRE_FAKES
                + " only; use flowport.test-engine=in-memory for this engine");
      }
      RootBeanDefinition async = new RootBeanDefinition(WorkflowClient.class,
          () -> beans.getBean(ClientCreator.class).create(name));
      async.addQualifier(new AutowireCandidateQualifier(Qualifier.class, name));
      async.setDestroyMethodName("close");
      registry.registerBeanDefinition(FlowportClients.asyncBeanName(name), async);

      RootBeanDefinition sync = new RootBeanDefinition(SyncWorkflowClient.class,
          () -> SyncWorkflowClient.of(beans.getBean(FlowportClients.asyncBeanName(name), WorkflowClient.class)));
      sync.addQualifier(new AutowireCandidateQualifier(Qualifier.class, name));
      sync.setDestroyMethodName(""); // a view: closing the async client is enough
      registry.registerBeanDefinition(FlowportClients.syncBeanName(name), sync);
    }
    Set<String> names = properties.getClients().keySet();
    registry.registerBeanDefinition("flowportClients",
        new RootBeanDefinition(FlowportClients.class, () -> new FlowportClients(beans, names)));
  }

  @Override
  public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {}

  private static void requireTestKit(TestEngine testEngine, ClassLoader loader) {
    if (testEngine == TestEngine.IN_MEMORY && !ClassUtils.isPresent("io.flowport.testkit.engine.InMemoryEngine", loader)) {
      throw new InvalidConfigurationPropertyValueException("flowport.test-engine", "in-memory",
          "needs io.flowport:flowport-testkit on the class path (test scope)");
    }
    if (testEngine == TestEngine.FAKE
        && !ClassUtils.isPresent("io.flowport.testkit.fakes.flowable.FakeFlowableServer", loader)) {
      throw new InvalidConfigurationPropertyValueException("flowport.test-engine", "fake",
          "needs io.flowport:flowport-testkit-fakes on the class path (test scope)");
    }
  }
}
