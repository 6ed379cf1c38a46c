package io.flowport.spring.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import io.flowport.core.CallListener;
import io.flowport.core.model.StartRequest;
import io.flowport.micrometer.FlowportMetrics;
import io.flowport.testkit.fakes.flowable.FakeFlowableServer;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Metrics and tracing are wired when their libraries and beans are there, and only then. */
class FlowportObservabilityAutoConfigurationTest {
  static FakeFlowableServer flowable;
  static final InMemorySpanExporter SPANS = InMemorySpanExporter.create();

  @BeforeAll
  static void startFake() {
    flowable = FakeFlowableServer.start();
    flowable.engine().deploy(FlowportAutoConfigurationTest.REVIEW);
  }

  @AfterAll
  static void stopFake() {
    flowable.close();
  }

  private final ApplicationContextRunner runner = new ApplicationContextRunner()
      .withConfiguration(FlowportAutoConfigurationTest.FLOWPORT)
      .withPropertyValues("flowport.clients.orders.engine=flowable", "flowport.clients.orders.endpoint=" + flowable.baseUrl());

  @Configuration(proxyBeanMethods = false)
  static class Meters {
    @Bean
    MeterRegistry meterRegistry() {
      return new SimpleMeterRegistry();
    }
  }

  @Configuration(proxyBeanMethods = false)
  static class Telemetry {
    @Bean(destroyMethod = "close")
    OpenTelemetrySdk openTelemetry() {
      return OpenTelemetrySdk.builder()
          .setTracerProvider(SdkTracerProvider.builder().addSpanProcessor(SimpleSpanProcessor.create(SPANS)).build())
          .setPropagators(ContextPropagators.create(W3CTraceContextPropagator.getInstance()))
          .build();
    }
  }

  @Configuration(proxyBeanMethods = false)
  static class OwnListener {
    final List<CallListener.AttemptEvent> seen = new CopyOnWriteArrayList<>();

    @Bean
    CallListener recordingListener() {
      return seen::add;
    }
  }

  private static void startOne(org.springframework.context.ApplicationContext context) {
    context.getBean(FlowportClients.class).sync("orders").instances().start(StartRequest.of("review").build());
  }

  @Test
  void withARegistryEachClientRecordsMetricsTaggedWithItsName() {
    runner.withUserConfiguration(Meters.class).withPropertyValues("flowport.metrics.percentiles=0.5,0.99").run(context -> {
      startOne(context);
      MeterRegistry registry = context.getBean(MeterRegistry.class);
      assertThat(registry.get(FlowportMetrics.CALLS).tags("client", "orders", "engine", "flowable",
          "operation", "start instance", "outcome", "SUCCESS").timer().count()).isEqualTo(1);
      assertThat(registry.find(FlowportMetrics.CALLS + ".percentile").tag("phi", "0.99").gauge()).isNotNull();
    });
  }

  @Test
  void metricsCanBeSwitchedOffAndAreAbsentWithoutMicrometerOrARegistry() {
    runner.withUserConfiguration(Meters.class).withPropertyValues("flowport.metrics.enabled=false").run(context -> {
      startOne(context);
      assertThat(context.getBean(MeterRegistry.class).find(FlowportMetrics.CALLS).timers()).isEmpty();
    });
    runner.run(context -> {
      assertThat(context).hasNotFailed();
      startOne(context);
    });
    runner.withClassLoader(new FilteredClassLoader(FlowportMetrics.class)).run(context -> {
      assertThat(context).hasNotFailed().doesNotHaveBean("flowportMetricsListenerFactory");
      startOne(context);
    });
  }

  @Test
  void withOpenTelemetryEachCallIsTracedAndTheTraceparentReachesTheEngine() {
    SPANS.reset();
    flowable.clearRequests();
    runner.withUserConfiguration(Telemetry.class).run(context -> {
      startOne(context);
      SpanData call = SPANS.getFinishedSpanItems().stream()
          .filter(s -> s.getName().equals("flowable/start instance")).findFirst().orElseThrow();
      assertThat(call.getAttributes().get(io.opentelemetry.api.common.AttributeKey.longKey("server.port"))).isEqualTo((long) flowable.port());
      assertThat(flowable.requests()).allSatisfy(r ->
          assertThat(r.header("traceparent")).startsWith("00-" + call.getTraceId() + "-"));
    });
    runner.withUserConfiguration(Telemetry.class).withPropertyValues("flowport.tracing.enabled=false")
        .run(context -> assertThat(context).doesNotHaveBean("flowportTracingListenerFactory"));
    runner.withClassLoader(new FilteredClassLoader(OpenTelemetry.class))
        .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean("flowportTracingListenerFactory"));
  }

  @Test
  void listenerBeansAreAddedToEveryClient() {
    runner.withUserConfiguration(OwnListener.class).run(context -> {
      startOne(context);
      assertThat(context.getBean(OwnListener.class).seen).isNotEmpty()
          .allSatisfy(e -> assertThat(e.engine()).isEqualTo("flowable"));
    });
  }
}
