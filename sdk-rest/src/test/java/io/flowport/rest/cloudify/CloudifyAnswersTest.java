package io.flowport.rest.cloudify;

import static org.assertj.core.api.Assertions.assertThat;

import io.flowport.core.error.UnexpectedResponseException;
import io.flowport.core.spi.CallExecutor;
import io.flowport.rest.testing.RawHttpServer;
import io.flowport.rest.testing.RawHttpServer.Answer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Answers of the manager that are JSON but not what the call asked for (found by the 10,000-case fuzz). */
class CloudifyAnswersTest {
  private static final String NO_ID = "{\"status\":\"started\",\"workflow_id\":\"install\",\"deployment_id\":\"d1\"}";

  private static Throwable failure(CompletableFuture<?> f) throws Exception {
    try {
      Object v = f.get(10, TimeUnit.SECONDS);
      throw new AssertionError("succeeded with " + v);
    } catch (java.util.concurrent.ExecutionException e) {
      return CallExecutor.unwrap(e);
    }
  }

  @Test
  void anExecutionWithoutIdIsAnUnexpectedResponseNotAClientFailure() throws Exception {
    try (RawHttpServer server = RawHttpServer.start(r -> Answer.json(200, NO_ID));
        CloudifyClient client = CloudifyClient.builder().baseUrl(server.url("/api/v3.1")).tenant("t").build()) {
      // Before the fix the unified read failed in Instance's builder: EngineInternalException wrapping an NPE.
      assertThat(failure(client.instances().get("e1"))).isInstanceOf(UnexpectedResponseException.class)
          .hasMessageContaining("'id'");
      assertThat(failure(client.instances().list(io.flowport.core.model.InstanceQuery.all())))
          .isInstanceOf(UnexpectedResponseException.class);
      // Cloudify's own execution type keeps a null id: the manager answers a scheduled start with such a placeholder.
      assertThat(client.getExecution("e1", List.of()).get(10, TimeUnit.SECONDS).id()).isNull();
    }
  }
}
