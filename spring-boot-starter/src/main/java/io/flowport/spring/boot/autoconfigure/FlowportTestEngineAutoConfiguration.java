package io.flowport.spring.boot.autoconfigure;

import io.flowport.spring.boot.autoconfigure.FlowportProperties.TestEngine;
import io.flowport.testkit.engine.InMemoryEngine;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;

/**
 * With {@code flowport.test-engine=in-memory} every client runs on one in-memory engine (an
 * {@link InMemoryEngine} bean of yours if there is one); with {@code fake} each client gets a wire
 * fake of its engine on a local port, reached by the real adapter. Either way the engines are in
 * the {@link FlowportTestEngines} bean.
 */
@AutoConfiguration(after = FlowportAutoConfiguration.class)
@ConditionalOnClass(name = "io.flowport.testkit.engine.InMemoryEngine")
@ConditionalOnExpression("!'${flowport.test-engine:none}'.equalsIgnoreCase('none')")
public class FlowportTestEngineAutoConfiguration {

  /** The test engines, stopped with the context after the clients. */
  @Bean
  FlowportTestEngines flowportTestEngines(FlowportProperties properties, ObjectProvider<InMemoryEngine> engine) {
    TestEngine mode = properties.getTestEngine();
    return new FlowportTestEngines(mode, mode == TestEngine.IN_MEMORY ? engine.getIfAvailable(InMemoryEngine::create) : null);
  }
}
