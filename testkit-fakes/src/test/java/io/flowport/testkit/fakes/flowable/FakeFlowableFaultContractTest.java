package io.flowport.testkit.fakes.flowable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flowport.core.ClientOptions;
import io.flowport.core.WorkflowClient;
import io.flowport.core.auth.Credentials;
import io.flowport.core.error.AuthenticationException;
import io.flowport.core.model.StartRequest;
import io.flowport.rest.flowable.FlowableClient;
import io.flowport.testkit.fakes.http.Requests;
import io.flowport.testkit.fakes.rest.RestFakeFaultContract;
import io.flowport.testkit.fakes.rest.RestFakeServer;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/** The Flowable adapter over its fake through the shared fault/retry suite, plus basic auth end to end. */
class FakeFlowableFaultContractTest extends RestFakeFaultContract {
  @Override
  protected RestFakeServer startFake() {
    FakeFlowableServer fake = FakeFlowableServer.start();
    fake.engine().deploy("one.bpmn20.xml", FlowableHttp.resource("flowable-one-task.bpmn20.xml"));
    return fake;
  }

  @Override
  protected WorkflowClient newClient(RestFakeServer fake, ClientOptions options) {
    return FlowableClient.builder().baseUrl(fake.baseUrl()).options(options).build();
  }

  @Override
  protected StartRequest startRequest() {
    return StartRequest.of("oneTask").build();
  }

  @Override
  protected Predicate<String> startRequests() {
    return Requests.named("POST /runtime/process-instances");
  }

  @Override
  protected Predicate<String> getRequests(String instanceId) {
    return Requests.named("GET /runtime/process-instances/" + instanceId);
  }

  @Test
  void basicAuthEndToEnd() throws Exception {
    try (FakeFlowableServer secured = FakeFlowableServer.builder().basicAuth("rest-admin", "test").start();
        FlowableClient good = FlowableClient.builder().baseUrl(secured.baseUrl())
            .credentials(Credentials.basic("rest-admin", "test")).build();
        FlowableClient bad = FlowableClient.builder().baseUrl(secured.baseUrl())
            .credentials(Credentials.basic("rest-admin", "nope")).build()) {
      secured.engine().deploy("one.bpmn20.xml", FlowableHttp.resource("flowable-one-task.bpmn20.xml"));
      assertThat(await(good.instances().start(StartRequest.of("oneTask").build())).id()).isNotBlank();
      assertThatThrownBy(() -> await(bad.instances().start(StartRequest.of("oneTask").build())))
          .isInstanceOf(AuthenticationException.class);
    }
  }
}
