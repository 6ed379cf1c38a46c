package io.flowport.spring.boot.autoconfigure;

import io.flowport.micrometer.FlowportMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;

/**
 * Metrics on every client when flowport-micrometer is present and the context has a
 * {@link MeterRegistry} (Spring Boot Actuator's, or yours): {@link FlowportMetrics} tagged
 * {@code client=<name>}, with {@code flowport.metrics.*}'s percentiles and buckets. Off with
 * {@code flowport.metrics.enabled=false}.
 */
@AutoConfiguration(after = FlowportAutoConfiguration.class)
@ConditionalOnClass({FlowportMetrics.class, MeterRegistry.class})
@ConditionalOnProperty(prefix = "flowport.metrics", name = "enabled", matchIfMissing = true)
public class FlowportMetricsAutoConfiguration {

  /** One {@link FlowportMetrics} per client, on the context's registry when it has one. */
  @Bean
  ClientListenerFactory flowportMetricsListenerFactory(ObjectProvider<MeterRegistry> registry, FlowportProperties properties) {
    FlowportProperties.Metrics settings = properties.getMetrics();
    return (name, config) -> {
      MeterRegistry meters = registry.getIfUnique();
      if (meters == null) {
        return null;
      }
      return FlowportMetrics.builder(meters)
          .tag("client", name)
          .percentiles(settings.getPercentiles().stream().mapToDouble(Double::doubleValue).toArray())
          .percentileHistogram(settings.isPercentileHistogram())
          .serviceLevelObjectives(settings.getSlo().toArray(Duration[]::new))
          .build();
    };
  }
}
