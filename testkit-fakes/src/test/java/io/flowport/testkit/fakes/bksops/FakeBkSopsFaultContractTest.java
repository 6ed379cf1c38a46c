package io.flowport.testkit.fakes.bksops;

import io.flowport.core.ClientOptions;
import io.flowport.core.WorkflowClient;
import io.flowport.core.model.StartRequest;
import io.flowport.rest.bksops.BkSopsClient;
import io.flowport.testkit.engine.ProcessModel;
import io.flowport.testkit.fakes.http.Requests;
import io.flowport.testkit.fakes.rest.RestFakeFaultContract;
import io.flowport.testkit.fakes.rest.RestFakeServer;
import java.util.function.Predicate;

/**
 * The bk-sops adapter over its fake through the shared fault/retry suite. A unified start is
 * create_task then start_task in one attempt; the faults go to start_task, the call that runs the
 * task (a retry after a refused start_task creates the task again, and the first one stays
 * created, never started).
 */
class FakeBkSopsFaultContractTest extends RestFakeFaultContract {
  @Override
  protected RestFakeServer startFake() {
    return FakeBkSopsServer.builder()
        .template("1", ProcessModel.builder("waits").startEvent("start").serviceTask("work", "work").endEvent("end").build())
        .start();
  }

  @Override
  protected WorkflowClient newClient(RestFakeServer fake, ClientOptions options) {
    return BkSopsClient.builder().baseUrl(fake.baseUrl()).bizId(FakeBkSopsServer.DEFAULT_BIZ_ID).options(options).build();
  }

  @Override
  protected StartRequest startRequest() {
    return StartRequest.of("1").build();
  }

  @Override
  protected Predicate<String> startRequests() {
    return Requests.startingWith("POST /start_task/");
  }

  @Override
  protected Predicate<String> getRequests(String instanceId) {
    return Requests.startingWith("GET /get_task_status/" + instanceId + "/");
  }

  @Override
  protected String engineInstanceId(String instanceId) {
    return ((FakeBkSopsServer) fake()).instanceOf(instanceId);
  }
}
