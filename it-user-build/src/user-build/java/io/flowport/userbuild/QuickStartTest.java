package io.flowport.userbuild;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.orders.QuickStartAsync;
import com.example.orders.QuickStartBlocking;
import io.flowport.core.model.Instance;
import io.flowport.core.model.InstanceState;
import io.flowport.testkit.fakes.flowable.FakeFlowableServer;
import io.flowport.testkit.fakes.zeebe.FakeZeebeGateway;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The README's quick starts, as written, against the wire fakes on local ports. */
class QuickStartTest {

  @Test
  void theAsyncQuickStartCompletesItsInstanceOnZeebe() {
    try (FakeZeebeGateway zeebe = FakeZeebeGateway.start()) {
      Instance done = QuickStartAsync.run(zeebe.address());
      assertThat(done.state()).isEqualTo(InstanceState.COMPLETED);
      assertThat(done.variables()).containsEntry("name", "Ada");
    }
  }

  @Test
  void theBlockingQuickStartStartsAnOrderAndSetsItsVariableOnFlowable() {
    try (FakeFlowableServer flowable = FakeFlowableServer.start()) {
      assertThat(flowable.baseUrl()).endsWith("/process-api");
      Instance order = QuickStartBlocking.run(flowable.baseUrl());
      assertThat(order.state()).isEqualTo(InstanceState.RUNNING);
      assertThat(order.businessKey()).isEqualTo("A-1");
      assertThat(flowable.engine().get(order.id()).variables())
          .containsAllEntriesOf(Map.of("amount", 40, "priority", "high"));
    }
  }
}
