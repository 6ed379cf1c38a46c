package io.flowport.spring.boot.autoconfigure;

import io.flowport.opentelemetry.FlowportTracing;
import io.opentelemetry.api.OpenTelemetry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;

/**
 * Tracing on every client when flowport-opentelemetry is present and the context has an
 * {@link OpenTelemetry} bean (Spring Boot's, or yours): {@link FlowportTracing} with the client's
 * endpoint. Off with {@code flowport.tracing.enabled=false}.
 */
@AutoConfiguration(after = FlowportAutoConfiguration.class)
@ConditionalOnClass({FlowportTracing.class, OpenTelemetry.class})
@ConditionalOnProperty(prefix = "flowport.tracing", name = "enabled", matchIfMissing = true)
public class FlowportTracingAutoConfiguration {

  /** One {@link FlowportTracing} per client, on the context's OpenTelemetry when it has one. */
  @Bean
  ClientListenerFactory flowportTracingListenerFactory(ObjectProvider<OpenTelemetry> openTelemetry) {
    return (name, config) -> {
      OpenTelemetry otel = openTelemetry.getIfUnique();
      if (otel == null) {
        return null;
      }
      FlowportTracing.Builder tracing = FlowportTracing.builder(otel);
      if (config.endpoint() != null) {
        tracing.endpoint(config.endpoint());
      }
      return tracing.build();
    };
  }
}
