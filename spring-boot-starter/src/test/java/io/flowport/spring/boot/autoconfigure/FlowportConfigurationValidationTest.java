package io.flowport.spring.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import io.flowport.testkit.engine.InMemoryEngine;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** A wrong configuration stops the start, naming the property and the reason; secrets stay out. */
class FlowportConfigurationValidationTest {
  private final ApplicationContextRunner runner =
      new ApplicationContextRunner().withConfiguration(FlowportAutoConfigurationTest.FLOWPORT);

  static Stream<Arguments> wrongConfigurations() {
    return Stream.of(
        Arguments.of(new String[] {"flowport.clients.orders.endpoint=http://x"},
            "flowport.clients.orders.engine", "the engine is required"),
        Arguments.of(new String[] {"flowport.clients.orders.engine=flowabel", "flowport.clients.orders.endpoint=http://x"},
            "flowport.clients.orders.engine", "no adapter for this engine on the class path; found ["),
        Arguments.of(new String[] {"flowport.clients.orders.engine=flowable"},
            "flowport.clients.orders.endpoint", "the endpoint is required"),
        Arguments.of(new String[] {"flowport.clients.orders.engine=flowable", "flowport.clients.orders.endpoint=http://x",
            "flowport.clients.orders.credentials.username=kermit"},
            "flowport.clients.orders.credentials.password", "need both username and password"),
        Arguments.of(new String[] {"flowport.clients.orders.engine=flowable", "flowport.clients.orders.endpoint=http://x",
            "flowport.clients.orders.credentials.password=s3cret-pw"},
            "flowport.clients.orders.credentials.username", "need both username and password"),
        Arguments.of(new String[] {"flowport.clients.orders.engine=flowable", "flowport.clients.orders.endpoint=http://x",
            "flowport.clients.orders.credentials.token=s3cret-token", "flowport.clients.orders.credentials.username=k",
            "flowport.clients.orders.credentials.password=s3cret-pw"},
            "flowport.clients.orders.credentials", "set only one of"),
        Arguments.of(new String[] {"flowport.clients.orders.engine=flowable", "flowport.clients.orders.endpoint=http://x",
            "flowport.clients.orders.credentials.header-name=X-Api-Key"},
            "flowport.clients.orders.credentials.header-value", "need both header-name and header-value"),
        Arguments.of(new String[] {"flowport.clients.orders.engine=flowable", "flowport.clients.orders.endpoint=http://x",
            "flowport.clients.orders.retry.max-attempts=0"},
            "flowport.clients.orders.retry.max-attempts", "at least 1"),
        Arguments.of(new String[] {"flowport.clients.orders.engine=flowable", "flowport.clients.orders.endpoint=http://x",
            "flowport.clients.orders.retry.jitter=2"},
            "flowport.clients.orders.retry.jitter", "within [0, 1]"),
        Arguments.of(new String[] {"flowport.clients.orders.engine=flowable", "flowport.clients.orders.endpoint=http://x",
            "flowport.clients.orders.attempt-timeout=0s"},
            "flowport.clients.orders.attempt-timeout", "must be positive"),
        Arguments.of(new String[] {"flowport.clients.1st.engine=flowable", "flowport.clients.1st.endpoint=http://x"},
            "flowport.clients.1st", "starts with a letter"),
        Arguments.of(new String[] {"flowport.test-engine=fake", "flowport.clients.orders.engine=cloudify"},
            "flowport.clients.orders.engine", "use flowport.test-engine=in-memory"));
  }

  @ParameterizedTest
  @MethodSource("wrongConfigurations")
  void aWrongConfigurationFailsTheStartNamingThePropertyAndWhy(String[] properties, String property, String reason) {
    runner.withPropertyValues(properties).run(context -> {
      assertThat(context).hasFailed();
      Throwable failure = context.getStartupFailure();
      assertThat(failure).isInstanceOf(InvalidConfigurationPropertyValueException.class);
      InvalidConfigurationPropertyValueException e = (InvalidConfigurationPropertyValueException) failure;
      assertThat(e.getName()).isEqualTo(property);
      assertThat(e.getReason()).contains(reason);
      assertThat(e.getMessage()).doesNotContain("s3cret");
    });
  }

  @Test
  void aDurationThatIsNotOneFailsTheBinding() {
    runner.withPropertyValues("flowport.clients.orders.engine=flowable", "flowport.clients.orders.endpoint=http://x",
        "flowport.clients.orders.api-call-timeout=soon").run(context -> {
      assertThat(context).hasFailed();
      assertThat(context.getStartupFailure()).isInstanceOf(BindException.class)
          .hasMessageContaining("flowport.clients.orders.api-call-timeout");
    });
  }

  @Test
  void aTestEngineWithoutTheTestKitSaysWhichArtifactIsMissing() {
    runner.withClassLoader(new FilteredClassLoader(InMemoryEngine.class))
        .withPropertyValues("flowport.test-engine=in-memory", "flowport.clients.orders.engine=flowable")
        .run(context -> {
          assertThat(context).hasFailed();
          assertThat(context.getStartupFailure()).isInstanceOf(InvalidConfigurationPropertyValueException.class)
              .hasMessageContaining("flowport-testkit");
        });
  }

  @Test
  void anAdapterThatRefusesTheConfigurationFailsTheStartNamingTheClient() {
    runner.withPropertyValues("flowport.clients.orders.engine=zeebe", "flowport.clients.orders.endpoint=zeebe:26500",
        "flowport.clients.orders.settings.keepAlive=often").run(context -> {
      assertThat(context).hasFailed();
      assertThat(context.getStartupFailure()).rootCause().isNotNull();
      assertThat(context.getStartupFailure()).hasStackTraceContaining("Flowport client 'orders' (zeebe at zeebe:26500)");
    });
  }
}
