package io.flowport.testkit.fakes.bksops;

import io.flowport.core.ClientOptions;
import io.flowport.core.RetryPolicy;
import io.flowport.rest.bksops.BkSopsClient;
import io.flowport.rest.bksops.BkSopsCredentials;
import io.flowport.testkit.engine.ProcessModel;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/** Templates, a fake with app credentials and a client to it, shared by the bk-sops tests. */
final class BkSopsFixture implements AutoCloseable {
  static final String APP = "flowport-test";
  static final String SECRET = "s3cr3t-value";
  /** start → work (ServiceActivity) → end. */
  static final String ONE_TASK = "10";
  /** start → choose (exclusive gateway on {@code route}: flows left / right) → ends. */
  static final String GATEWAY = "11";
  /** start → sub (subStart → inner → subEnd) → end. */
  static final String SUBPROCESS = "12";
  /** start → first → second → end. */
  static final String TWO_TASKS = "13";
  static final RetryPolicy FAST = RetryPolicy.builder()
      .maxAttempts(4).baseDelay(Duration.ofMillis(10)).backPressureBaseDelay(Duration.ofMillis(20)).build();

  final FakeBkSopsServer fake;
  final BkSopsClient client;

  BkSopsFixture() {
    this(Duration.ofSeconds(10));
  }

  BkSopsFixture(Duration statusCacheTtl) {
    fake = FakeBkSopsServer.builder()
        .appCredentials(APP, SECRET)
        .statusCacheTtl(statusCacheTtl)
        .template(ONE_TASK, ProcessModel.builder("one-task")
            .startEvent("start").serviceTask("work", "work").endEvent("end").build())
        .template(GATEWAY, ProcessModel.builder("gateway")
            .startEvent("start").exclusiveGateway("choose")
            .condition("=route = \"left\"").flowId("left").endEvent("endLeft")
            .moveTo("choose").condition("=route = \"right\"").flowId("right").endEvent("endRight").build())
        .template(SUBPROCESS, ProcessModel.builder("subprocess")
            .startEvent("start")
            .subProcess("sub", s -> s.startEvent("subStart").serviceTask("inner", "inner").endEvent("subEnd"))
            .endEvent("end").build())
        .template(TWO_TASKS, ProcessModel.builder("two-tasks")
            .startEvent("start").serviceTask("first", "first").serviceTask("second", "second").endEvent("end").build())
        .start();
    client = client(BkSopsCredentials.appAndUser(APP, SECRET, "admin"));
  }

  BkSopsClient client(io.flowport.core.auth.Credentials credentials) {
    return BkSopsClient.builder().baseUrl(fake.baseUrl()).bizId(FakeBkSopsServer.DEFAULT_BIZ_ID)
        .credentials(credentials).template("one-task", ONE_TASK)
        .options(ClientOptions.builder().retryPolicy(FAST).build()).build();
  }

  /** Creates and starts a task of {@code template}; returns its id. */
  String started(String template, Map<String, ?> constants) throws Exception {
    String id = await(client.createTask(template, "t-" + template, constants)).taskId();
    await(client.startTask(id));
    return id;
  }

  static <T> T await(CompletableFuture<T> f) throws Exception {
    try {
      return f.get(10, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      throw (Exception) e.getCause();
    }
  }

  @Override
  public void close() {
    client.close();
    fake.close();
  }
}
