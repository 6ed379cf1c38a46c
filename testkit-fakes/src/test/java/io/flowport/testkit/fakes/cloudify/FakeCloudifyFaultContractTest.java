package io.flowport.testkit.fakes.cloudify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flowport.core.ClientOptions;
import io.flowport.core.WorkflowClient;
import io.flowport.core.auth.Credentials;
import io.flowport.core.error.AuthenticationException;
import io.flowport.core.error.WorkflowException;
import io.flowport.core.model.StartRequest;
import io.flowport.rest.cloudify.CloudifyClient;
import io.flowport.rest.cloudify.CloudifyStartPolicy;
import io.flowport.testkit.fakes.http.Requests;
import io.flowport.testkit.fakes.rest.RestFakeFaultContract;
import io.flowport.testkit.fakes.rest.RestFakeServer;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/** The Cloudify adapter over the fake manager through the shared fault/retry suite, plus auth end to end. */
class FakeCloudifyFaultContractTest extends RestFakeFaultContract {
  @Override
  protected RestFakeServer startFake() {
    return FakeCloudifyManager.builder().blueprint(CloudifyContractTargets.BLUEPRINT).start();
  }

  @Override
  protected WorkflowClient newClient(RestFakeServer fake, ClientOptions options) {
    return CloudifyClient.builder().baseUrl(fake.baseUrl()).options(options).startPolicy(CloudifyStartPolicy.FORCE)
        .build();
  }

  @Override
  protected StartRequest startRequest() {
    return StartRequest.of("contract:contract-task").build();
  }

  @Override
  protected Predicate<String> startRequests() {
    return Requests.named("POST /executions");
  }

  @Override
  protected Predicate<String> getRequests(String instanceId) {
    return Requests.named("GET /executions/" + instanceId);
  }

  @Test
  void basicAuthAndTokenEndToEndWithoutSecretsInMessages() throws Exception {
    try (FakeCloudifyManager secured = FakeCloudifyManager.builder().blueprint(CloudifyContractTargets.BLUEPRINT)
            .basicAuth("admin", "s3cret-pass").token("s3cret-token").start();
        CloudifyClient basic = CloudifyClient.builder().baseUrl(secured.baseUrl())
            .credentials(Credentials.basic("admin", "s3cret-pass")).tenant("default_tenant").build();
        CloudifyClient token = CloudifyClient.builder().baseUrl(secured.baseUrl())
            .credentials(Credentials.header("Authentication-Token", "s3cret-token")).build();
        CloudifyClient bad = CloudifyClient.builder().baseUrl(secured.baseUrl())
            .credentials(Credentials.header("Authentication-Token", "wr0ng-token")).build()) {
      assertThat(await(basic.instances().start(StartRequest.of("contract:contract-task").build())).id()).isNotBlank();
      assertThat(await(token.instances().list(io.flowport.core.model.InstanceQuery.builder()
          .definitionId("contract:contract-task").build())).items()).hasSize(1);
      assertThatThrownBy(() -> await(bad.instances().start(StartRequest.of("contract:contract-task").build())))
          .isInstanceOf(AuthenticationException.class)
          .satisfies(e -> assertThat(((WorkflowException) e).engineCode()).isEqualTo("unauthorized_error"))
          .satisfies(e -> assertThat(e.getMessage()).doesNotContain("wr0ng-token"));
      assertThat(basic.toString() + token + bad).doesNotContain("s3cret").doesNotContain("wr0ng");
      assertThat(secured.requests()).allSatisfy(r -> assertThat(r.toString()).doesNotContain("s3cret"));
    }
  }
}
