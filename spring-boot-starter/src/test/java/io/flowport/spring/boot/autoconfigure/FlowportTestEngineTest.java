package io.flowport.spring.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.flowport.core.model.Instance;
import io.flowport.core.model.StartRequest;
import io.flowport.spring.boot.autoconfigure.FlowportProperties.TestEngine;
import io.flowport.sync.SyncWorkflowClient;
import io.flowport.testkit.InMemoryWorkflowClient;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** flowport.test-engine swaps the engines for the in-memory one or the wire fakes, for tests. */
class FlowportTestEngineTest {
  private final ApplicationContextRunner runner = new ApplicationContextRunner()
      .withConfiguration(FlowportAutoConfigurationTest.FLOWPORT)
      .withPropertyValues(
          "flowport.clients.orders.engine=flowable",
          "flowport.clients.orders.credentials.username=rest-admin",
          "flowport.clients.orders.credentials.password=s3cret-pw",
          "flowport.clients.payments.engine=zeebe");

  @Test
  void inMemoryPutsEveryClientOnOneSharedEngineWithoutEndpoints() {
    runner.withPropertyValues("flowport.test-engine=in-memory").run(context -> {
      assertThat(context).hasNotFailed();
      FlowportTestEngines engines = context.getBean(FlowportTestEngines.class);
      assertThat(engines.mode()).isEqualTo(TestEngine.IN_MEMORY);
      engines.engine("orders").deploy(FlowportAutoConfigurationTest.REVIEW);
      FlowportClients clients = context.getBean(FlowportClients.class);

      Instance started = clients.sync("payments").instances().start(StartRequest.of("review").build());

      assertThat(clients.get("orders").engine()).isEqualTo(InMemoryWorkflowClient.ENGINE);
      assertThat(engines.engine("payments")).isSameAs(engines.engine("orders"));
      assertThat(clients.sync("orders").instances().get(started.id()).id()).isEqualTo(started.id());
      assertThat(engines.endpoint("orders")).isNull();
    });
  }

  @Test
  void fakeGivesEachClientAWireFakeOfItsEngineStoppedWithTheContext() {
    String[] endpoints = new String[2];
    runner.withPropertyValues("flowport.test-engine=fake").run(context -> {
      assertThat(context).hasNotFailed();
      FlowportClients clients = context.getBean(FlowportClients.class);
      FlowportTestEngines engines = context.getBean(FlowportTestEngines.class);
      engines.engine("orders").deploy(FlowportAutoConfigurationTest.REVIEW);
      engines.engine("payments").deploy(FlowportAutoConfigurationTest.REVIEW);

      SyncWorkflowClient orders = clients.sync("orders");
      Instance order = orders.instances().start(StartRequest.of("review").build());
      Instance payment = clients.sync("payments").instances().start(StartRequest.of("review").build());

      assertThat(orders.engine()).isEqualTo("flowable");
      assertThat(clients.get("payments").engine()).isEqualTo("zeebe");
      assertThat(engines.engine("orders").get(order.id())).isNotNull();
      assertThat(engines.engine("payments").get(payment.id())).isNotNull();
      assertThat(engines.engine("orders")).isNotSameAs(engines.engine("payments"));
      endpoints[0] = engines.endpoint("orders");
      endpoints[1] = engines.endpoint("payments");
      assertThat(endpoints[0]).startsWith("http://127.0.0.1:");
      assertThat(catchThrowable(() -> engines.engine("billing"))).isInstanceOf(IllegalArgumentException.class);
    });

    URI flowable = URI.create(endpoints[0]);
    assertThat(listening("127.0.0.1", flowable.getPort())).as("flowable fake stopped").isFalse();
    assertThat(listening("127.0.0.1", Integer.parseInt(endpoints[1].substring(endpoints[1].lastIndexOf(':') + 1))))
        .as("zeebe fake stopped").isFalse();
  }

  private static boolean listening(String host, int port) {
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress(host, port), 500);
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}
