package io.flowport.testkit.fakes.obs;

import io.flowport.core.ClientOptions;
import io.flowport.core.WorkflowClient;
import io.flowport.core.model.StartRequest;
import io.flowport.rest.obs.ObsClient;
import io.flowport.rest.obs.ObsCredentials;
import io.flowport.testkit.fakes.http.Requests;
import io.flowport.testkit.fakes.rest.RestFakeFaultContract;
import io.flowport.testkit.fakes.rest.RestFakeServer;
import java.util.function.Predicate;

/** The OBS adapter over its fake (signed requests) through the shared fault and retry suite. */
class FakeObsFaultContractTest extends RestFakeFaultContract {
  private static final String AK = "FAULTACCESSKEY000001";
  private static final String SK = "fault-secret";

  private FakeObsServer fake;

  @Override
  protected RestFakeServer startFake() {
    fake = FakeObsServer.builder().accessKey(AK, SK).start();
    fake.defineWorkflow("waits", "[{\"name\":\"work\",\"action\":\"wait\"}]");
    return fake;
  }

  @Override
  protected WorkflowClient newClient(RestFakeServer fake, ClientOptions options) {
    return ObsClient.builder().baseUrl(fake.baseUrl()).credentials(ObsCredentials.of(AK, SK))
        .defaultObject("fault-bucket", "o").options(options).build();
  }

  @Override
  protected StartRequest startRequest() {
    return StartRequest.of("waits").build();
  }

  @Override
  protected Predicate<String> startRequests() {
    return Requests.named("POST /v2/workflows/waits");
  }

  @Override
  protected String engineInstanceId(String instanceId) {
    int slash = instanceId.indexOf('/');
    return fake.engineInstanceId(instanceId.substring(0, slash), instanceId.substring(slash + 1)).orElseThrow();
  }

  @Override
  protected Predicate<String> getRequests(String instanceId) {
    return Requests.named("GET /v2/workflowexecutions/" + instanceId.substring(instanceId.indexOf('/') + 1));
  }
}
