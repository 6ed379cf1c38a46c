package io.flowport.testkit.fakes;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowport.core.ClientOptions;
import io.flowport.core.WorkflowClient;
import io.flowport.core.auth.AuthRequest;
import io.flowport.core.auth.Credentials;
import io.flowport.core.spi.JsonValues;
import io.flowport.grpc.zeebe.ActivatedJob;
import io.flowport.grpc.zeebe.ZeebeClient;
import io.flowport.rest.flowable.FlowableClient;
import io.flowport.testkit.contract.ContractTarget;
import io.flowport.testkit.contract.Dialect;
import io.flowport.testkit.contract.Expectations;
import io.flowport.testkit.fakes.flowable.FakeFlowableServer;
import io.flowport.testkit.fakes.zeebe.FakeZeebeGateway;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Ready-made {@link ContractTarget}s for the engines Flowport speaks to: over their wire fakes
 * (which the target owns and closes), or over a client to a real engine. Each completes the
 * contract's task the way its engine does: a Zeebe job, a Flowable user task.
 */
public final class ContractTargets {
  private ContractTargets() {}

  /** Zeebe's differences from the default expectations. */
  public static Expectations zeebeExpectations() {
    return Expectations.builder().businessKeys(false).startByMessage(false).build();
  }

  /** Flowable's differences: a new version per deploy, no message ids, no buffering. */
  public static Expectations flowableExpectations() {
    return Expectations.builder()
        .redeployKeepsVersion(false)
        .messageDeduplication(false)
        .messageBuffering(false)
        .build();
  }

  /** A ZeebeClient on a fresh fake gateway on a local port; closing the target stops both. */
  public static ContractTarget zeebeFake(ClientOptions options) {
    FakeZeebeGateway gateway = FakeZeebeGateway.start();
    ZeebeClient client = ZeebeClient.builder().gatewayAddress(gateway.address()).usePlaintext().options(options).build();
    return zeebe(client, gateway);
  }

  /** A target on {@code client}, completing tasks through Zeebe's job API; closes the client. */
  public static ContractTarget zeebe(ZeebeClient client) {
    return zeebe(client, null);
  }

  private static ContractTarget zeebe(ZeebeClient client, AutoCloseable owned) {
    return new Target(client, Dialect.ZEEBE, zeebeExpectations(), owned) {
      @Override
      public void completeTask(String instanceId, Map<String, Object> variables) throws Exception {
        long instanceKey = Long.parseLong(instanceId);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
          // Jobs of other instances get a short lock and become available again.
          List<ActivatedJob> jobs = client.activateJobs("contract-work", 32, Duration.ofMillis(500), "contract")
              .get(10, TimeUnit.SECONDS);
          for (ActivatedJob job : jobs) {
            if (job.processInstanceKey() == instanceKey) {
              client.completeJob(job.key(), variables).get(10, TimeUnit.SECONDS);
              return;
            }
          }
        }
        throw new IllegalStateException("no contract-work job for instance " + instanceId);
      }
    };
  }

  /** A FlowableClient on a fresh fake Flowable server; closing the target stops both. */
  public static ContractTarget flowableFake(ClientOptions options) {
    FakeFlowableServer server = FakeFlowableServer.start();
    FlowableClient client = FlowableClient.builder().baseUrl(server.baseUrl()).options(options).build();
    return flowable(client, server.baseUrl(), Credentials.none(), server);
  }

  /**
   * A target on {@code client} to the Flowable REST API at {@code baseUrl}, completing user tasks
   * over Flowable's task API with {@code credentials}; closes the client.
   */
  public static ContractTarget flowable(FlowableClient client, String baseUrl, Credentials credentials) {
    return flowable(client, baseUrl, credentials, null);
  }

  private static ContractTarget flowable(
      FlowableClient client, String baseUrl, Credentials credentials, AutoCloseable owned) {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    return new Target(client, Dialect.FLOWABLE, flowableExpectations(), owned) {
      @Override
      public void completeTask(String instanceId, Map<String, Object> variables) throws Exception {
        JsonNode tasks = JsonValues.MAPPER.readTree(send(http, credentials, "GET",
            baseUrl + "/runtime/tasks?processInstanceId=" + URLEncoder.encode(instanceId, StandardCharsets.UTF_8),
            null));
        if (tasks.path("data").isEmpty()) {
          throw new IllegalStateException("no task for instance " + instanceId + ": " + tasks);
        }
        String taskId = tasks.path("data").get(0).path("id").asText();
        List<Map<String, Object>> vars = new ArrayList<>();
        variables.forEach((name, value) -> {
          Map<String, Object> v = new LinkedHashMap<>();
          v.put("name", name);
          v.put("value", value);
          vars.add(v);
        });
        send(http, credentials, "POST",
            baseUrl + "/runtime/tasks/" + URLEncoder.encode(taskId, StandardCharsets.UTF_8),
            JsonValues.MAPPER.writeValueAsString(Map.of("action", "complete", "variables", vars)));
      }
    };
  }

  private static String send(HttpClient http, Credentials credentials, String method, String url, String json)
      throws Exception {
    URI uri = URI.create(url);
    HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
        .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
    if (json != null) {
      request.header("Content-Type", "application/json");
    }
    Map<String, String> headers = new LinkedHashMap<>();
    credentials.apply(new AuthRequest() {
      @Override
      public String method() {
        return method;
      }

      @Override
      public String path() {
        return uri.getRawPath();
      }

      @Override
      public String query() {
        return uri.getRawQuery() == null ? "" : uri.getRawQuery();
      }

      @Override
      public String header(String name) {
        return headers.get(name);
      }

      @Override
      public void setHeader(String name, String value) {
        headers.put(name, value);
      }
    });
    headers.forEach(request::header);
    HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() >= 300) {
      throw new IllegalStateException(method + " " + uri.getPath() + " answered " + response.statusCode());
    }
    return response.body();
  }

  /** The parts every target shares. */
  private abstract static class Target implements ContractTarget {
    private final WorkflowClient client;
    private final Dialect dialect;
    private final Expectations expectations;
    private final AutoCloseable owned;

    Target(WorkflowClient client, Dialect dialect, Expectations expectations, AutoCloseable owned) {
      this.client = client;
      this.dialect = dialect;
      this.expectations = expectations;
      this.owned = owned;
    }

    @Override
    public WorkflowClient client() {
      return client;
    }

    @Override
    public Dialect dialect() {
      return dialect;
    }

    @Override
    public Expectations expectations() {
      return expectations;
    }

    @Override
    public void close() throws Exception {
      try {
        client.close();
      } finally {
        if (owned != null) {
          owned.close();
        }
      }
    }
  }
}
