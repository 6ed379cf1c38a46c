package io.flowport.spring.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.flowport.core.WorkflowClient;
import io.flowport.core.error.WorkflowTimeoutException;
import io.flowport.core.model.Instance;
import io.flowport.core.model.StartRequest;
import io.flowport.core.spi.CallExecutor;
import io.flowport.sync.SyncWorkflowClient;
import io.flowport.testkit.engine.ProcessModel;
import io.flowport.testkit.fakes.Fault;
import io.flowport.testkit.fakes.flowable.FakeFlowableServer;
import io.flowport.testkit.fakes.zeebe.FakeZeebeGateway;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Client beans from properties, on a real application context, against the wire fakes. */
class FlowportAutoConfigurationTest {
  static final ProcessModel REVIEW =
      ProcessModel.builder("review").startEvent("start").userTask("approve").endEvent("end").build();
  static final AutoConfigurations FLOWPORT = AutoConfigurations.of(FlowportAutoConfiguration.class,
      FlowportTestEngineAutoConfiguration.class, FlowportMetricsAutoConfiguration.class,
      FlowportTracingAutoConfiguration.class);

  static FakeFlowableServer flowable;
  static FakeZeebeGateway zeebe;
  ApplicationContextRunner runner;

  @BeforeAll
  static void startFakes() {
    flowable = FakeFlowableServer.start();
    flowable.engine().deploy(REVIEW);
    zeebe = FakeZeebeGateway.start();
    zeebe.engine().deploy(REVIEW);
  }

  @AfterAll
  static void stopFakes() {
    flowable.close();
    zeebe.close();
  }

  @BeforeEach
  void runner() {
    runner = new ApplicationContextRunner().withConfiguration(FLOWPORT).withPropertyValues(
        "flowport.clients.orders.engine=flowable",
        "flowport.clients.orders.endpoint=" + flowable.baseUrl(),
        "flowport.clients.orders.credentials.username=rest-admin",
        "flowport.clients.orders.credentials.password=s3cret-pw",
        "flowport.clients.payments.engine=zeebe",
        "flowport.clients.payments.endpoint=" + zeebe.address(),
        "flowport.clients.payments.settings.plaintext=true");
  }

  @AfterEach
  void clearFakes() {
    flowable.faults().clear();
    flowable.clearRequests();
  }

  /** A user's bean that picks its client by name. */
  @Configuration(proxyBeanMethods = false)
  static class UsesBothClients {
    @Bean
    Both both(@Qualifier("orders") WorkflowClient orders, @Qualifier("payments") SyncWorkflowClient payments) {
      return new Both(orders, payments);
    }
  }

  record Both(WorkflowClient orders, SyncWorkflowClient payments) {}

  @Test
  void twoEnginesSideBySideEachInjectableByNameAndWorkingOverTheWire() {
    runner.withUserConfiguration(UsesBothClients.class).run(context -> {
      assertThat(context).hasNotFailed();
      Both both = context.getBean(Both.class);
      assertThat(both.orders().engine()).isEqualTo("flowable");
      assertThat(both.payments().engine()).isEqualTo("zeebe");

      Instance order = both.orders().instances().start(StartRequest.of("review").build()).get(10, TimeUnit.SECONDS);
      Instance payment = both.payments().instances().start(StartRequest.of("review").build());
      assertThat(flowable.engine().get(order.id())).isNotNull();
      assertThat(zeebe.engine().get(payment.id())).isNotNull();

      FlowportClients clients = context.getBean(FlowportClients.class);
      assertThat(clients.names()).containsExactlyInAnyOrder("orders", "payments");
      assertThat(clients.get("orders")).isSameAs(both.orders());
      assertThat(context.getBean("ordersWorkflowClient")).isSameAs(both.orders());
      assertThat(context.getBean("paymentsSyncWorkflowClient")).isSameAs(both.payments());
      assertThat(catchThrowable(() -> clients.get("billing")))
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("billing").hasMessageContaining("orders");
    });
  }

  @Test
  void theConfiguredCredentialsReachTheWire() {
    runner.run(context -> {
      context.getBean(FlowportClients.class).sync("orders").instances().start(StartRequest.of("review").build());
      String expected = "Basic " + Base64.getEncoder().encodeToString("rest-admin:s3cret-pw".getBytes(StandardCharsets.UTF_8));
      assertThat(flowable.requests()).isNotEmpty().allSatisfy(r -> assertThat(r.header("authorization")).isEqualTo(expected));
    });
  }

  @Test
  void theRetryPolicyFromThePropertiesIsApplied() {
    flowable.faults().next(1, Fault.backPressure());
    runner.withPropertyValues("flowport.clients.orders.retry.max-attempts=1").run(context -> {
      Throwable t = catchThrowable(() -> context.getBean(FlowportClients.class).sync("orders")
          .instances().start(StartRequest.of("review").build()));
      assertThat(t).isInstanceOf(io.flowport.core.error.BackPressureException.class);
    });
    flowable.faults().next(1, Fault.backPressure());
    runner.withPropertyValues("flowport.clients.orders.retry.max-attempts=2",
        "flowport.clients.orders.retry.back-pressure-base-delay=5ms").run(context ->
        assertThat(context.getBean(FlowportClients.class).sync("orders")
            .instances().start(StartRequest.of("review").build()).id()).isNotBlank());
  }

  @Test
  void theAttemptTimeoutFromThePropertiesIsApplied() {
    flowable.faults().always(Fault.latency(Duration.ofSeconds(2)));
    runner.withPropertyValues("flowport.clients.orders.attempt-timeout=200ms",
        "flowport.clients.orders.retry.max-attempts=1").run(context -> {
      Throwable t = catchThrowable(() -> context.getBean(FlowportClients.class).get("orders")
          .instances().get("1").get(10, TimeUnit.SECONDS));
      assertThat(CallExecutor.unwrap(t)).isInstanceOf(WorkflowTimeoutException.class); // 30 s by default would outwait the 2 s
    });
  }

  @Test
  void theClientsCloseWithTheContext() {
    WorkflowClient[] kept = new WorkflowClient[1];
    runner.run(context -> kept[0] = context.getBean(FlowportClients.class).get("orders"));

    Throwable t = catchThrowable(() -> kept[0].instances().get("1").get(5, TimeUnit.SECONDS));
    assertThat(CallExecutor.unwrap(t)).isInstanceOf(io.flowport.core.error.ClientClosedException.class).hasMessageContaining("closed");
  }

  @Test
  void noClientsConfiguredMeansNoClientBeansAndNoFailure() {
    new ApplicationContextRunner().withConfiguration(FLOWPORT).run(context -> {
      assertThat(context).hasNotFailed().doesNotHaveBean(WorkflowClient.class);
      assertThat(context.getBean(FlowportClients.class).names()).isEmpty();
    });
  }
}
