package io.flowport.samples.boot;

import static org.assertj.core.api.Assertions.assertThat;

import io.flowport.core.model.InstanceState;
import io.flowport.micrometer.FlowportMetrics;
import io.flowport.spring.boot.autoconfigure.FlowportTestEngines;
import io.flowport.testkit.engine.InstanceFilter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The whole application on the wire fakes: the real Flowable and Zeebe adapters over local
 * sockets, nothing else to start. Use {@code flowport.test-engine=in-memory} for no sockets at all.
 */
@SpringBootTest(properties = "flowport.test-engine=fake")
class ReviewApplicationTest {
  @Autowired ReviewService service;
  @Autowired FlowportTestEngines engines;
  @Autowired MeterRegistry meters;

  @Test
  void aSubmittedReviewWaitsForApproval() {
    String id = service.submit("doc-1");

    assertThat(service.status(id)).isEqualTo(InstanceState.RUNNING);
    assertThat(engines.engine("reviews").get(id).variables()).containsEntry("documentId", "doc-1");
  }

  @Test
  void archivingRunsOnTheOtherEngine() throws Exception {
    String id = service.archive("doc-2").get(10, TimeUnit.SECONDS);

    assertThat(engines.engine("archive").get(id).variables()).containsEntry("documentId", "doc-2");
    assertThat(engines.engine("reviews").list(InstanceFilter.all()))
        .noneMatch(i -> "doc-2".equals(i.variables().get("documentId")));
  }

  @Test
  void callsShowOnTheActuatorsRegistry() {
    service.submit("doc-3");

    assertThat(meters.get(FlowportMetrics.CALLS).tags("client", "reviews", "operation", "start instance")
        .timer().count()).isPositive();
    assertThat(meters.get(FlowportMetrics.CALLS).tags("client", "archive", "operation", "deploy").timer().count())
        .isEqualTo(1);
  }
}
