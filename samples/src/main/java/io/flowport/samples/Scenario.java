package io.flowport.samples;

import static io.flowport.testkit.contract.Scenario.MESSAGE_CATCH;
import static io.flowport.testkit.contract.Scenario.MESSAGE_START;
import static io.flowport.testkit.contract.Scenario.NOOP;
import static io.flowport.testkit.contract.Scenario.ONE_TASK;

import io.flowport.core.WorkflowClient;
import io.flowport.core.error.OperationNotSupportedException;
import io.flowport.core.error.WorkflowException;
import io.flowport.core.model.DeployRequest;
import io.flowport.core.model.Deployment;
import io.flowport.core.model.Instance;
import io.flowport.core.model.MessageRequest;
import io.flowport.core.model.StartRequest;
import io.flowport.testkit.contract.ContractTarget;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;

/**
 * The one scenario the main sample runs on every engine: deploy, start and await, a task, node
 * operations, a message, variables, suspend, cancel, and the errors a user meets first. Each step records what
 * the engine did, so the results print as one table.
 */
final class Scenario {
  private static final long STEP_SECONDS = 30;

  /** What one step did on one engine. */
  record Outcome(String step, String result, long millis) {}

  private final ContractTarget target;
  private final WorkflowClient client;
  private final List<Outcome> outcomes = new ArrayList<>();

  Scenario(ContractTarget target) {
    this.target = target;
    this.client = target.client();
  }

  /** Runs every step; a failing step is recorded and the next one still runs. */
  List<Outcome> run() {
    String key = "order-" + UUID.randomUUID().toString().substring(0, 8);
    step("deploy 4 processes", () -> {
      Deployment d = join(client.definitions().deploy(resources(
          NOOP, ONE_TASK, MESSAGE_CATCH, MESSAGE_START)));
      return "v" + d.definition(target.definitionId(NOOP)).version() + ", "
          + d.definitions().size() + " definitions";
    });
    step("start and await (start→end)", () -> {
      Instance done = join(client.instances().startAndAwait(
          StartRequest.of(target.definitionId(NOOP)).variable("amount", 42).build(), Duration.ofSeconds(10)));
      return done.state() + ", amount=" + done.variables().get("amount");
    });
    String[] taskInstance = new String[1];
    step("start a task instance", () -> {
      Instance started = join(client.instances().start(withKey(StartRequest.of(target.definitionId(ONE_TASK)), key)
          .variable("orderId", key).build()));
      taskInstance[0] = started.id();
      return started.state() + " (id " + shorten(started.id()) + ")";
    });
    step("upsert variables", () -> {
      join(client.variables().upsert(taskInstance[0], Map.of("priority", "high")));
      return "ok";
    });
    step("read it back", () -> {
      Instance got = join(client.instances().get(taskInstance[0]));
      return got.state() + (got.businessKey() == null ? "" : ", businessKey=" + got.businessKey());
    });
    step("suspend and resume", () -> {
      join(client.instances().suspend(taskInstance[0]));
      join(client.instances().resume(taskInstance[0]));
      return "ok";
    });
    step("complete its task", () -> {
      target.completeTask(taskInstance[0], Map.of("approved", true));
      return "ok";
    });
    step("node ops: force-fail, retry, skip", () -> {
      String id = join(client.instances().start(StartRequest.of(target.definitionId(ONE_TASK)).build())).id();
      join(client.nodes().forceFail(id, "work", "failed by the sample"));
      join(client.nodes().retry(id, "work", Map.of("attempt", 2)));
      join(client.nodes().forceFail(id, "work", "failed again"));
      join(client.nodes().skip(id, "work"));
      io.flowport.core.model.Node work = join(client.nodes().tree(id)).find("work");
      return "work " + work.rawState() + ", retry=" + work.retry() + ", skipped=" + work.skipped();
    });
    step("message reaches a waiting instance", () -> {
      if (!client.capabilities().supports(io.flowport.core.Operation.PUBLISH_MESSAGE)) {
        return "not supported";
      }
      String orderId = key + "-m";
      Instance waiting = join(client.instances().start(withKey(StartRequest.of(target.definitionId(MESSAGE_CATCH)), orderId)
          .variable("orderId", orderId).build()));
      join(client.messages().publish(MessageRequest.builder("contract-ping", orderId)
          .timeToLive(Duration.ofSeconds(30)).build()));
      if (!client.capabilities().supports(io.flowport.core.Operation.GET_INSTANCE)) {
        return "published (this engine cannot read the instance back)";
      }
      return "instance " + endedState(waiting.id());
    });
    String[] cancelled = new String[1];
    step("cancel", () -> {
      cancelled[0] = join(client.instances().start(StartRequest.of(target.definitionId(ONE_TASK)).build())).id();
      join(client.instances().cancel(cancelled[0]));
      return "ok";
    });
    step("cancel again", () -> {
      join(client.instances().cancel(cancelled[0]));
      return "no error?";
    });
    step("start an unknown definition", () -> {
      join(client.instances().start(StartRequest.of("no-such-process").build()));
      return "no error?";
    });
    step("a blank instance id", () -> {
      join(client.instances().cancel(" "));
      return "no error?";
    });
    return outcomes;
  }

  /** Engines with business keys get one; Zeebe has none and refuses them. */
  private StartRequest.Builder withKey(StartRequest.Builder builder, String key) {
    return target.expectations().businessKeys() ? builder.businessKey(key) : builder;
  }

  /** The instance's state once it has ended, polling briefly; engines finish asynchronously. */
  private String endedState(String instanceId) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    Instance last = join(client.instances().get(instanceId));
    while (!last.state().isTerminal() && System.nanoTime() < deadline) {
      Thread.sleep(20);
      last = join(client.instances().get(instanceId));
    }
    return last.state().toString();
  }

  /** One deploy request holding the target's resources of every scenario given. */
  private DeployRequest resources(io.flowport.testkit.contract.Scenario... scenarios) {
    DeployRequest.Builder all = DeployRequest.builder();
    for (io.flowport.testkit.contract.Scenario s : scenarios) {
      target.resources(s).ifPresent(r -> r.resources().forEach(all::resource));
    }
    return all.build();
  }

  private interface Step {
    String run() throws Exception;
  }

  private void step(String name, Step step) {
    long start = System.nanoTime();
    String result;
    try {
      result = step.run();
    } catch (OperationNotSupportedException e) {
      result = "not supported";
    } catch (WorkflowException e) {
      String said = e.wireStatus() != null ? e.wireStatus() : e.engineCode() != null ? e.engineCode() : "before the wire";
      result = e.getClass().getSimpleName() + " (" + said + ")";
    } catch (Exception e) {
      result = "FAILED: " + e;
    }
    outcomes.add(new Outcome(name, result, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)));
  }

  private static <T> T join(java.util.concurrent.CompletableFuture<T> future) throws Exception {
    try {
      return future.get(STEP_SECONDS, TimeUnit.SECONDS);
    } catch (java.util.concurrent.ExecutionException e) {
      throw e.getCause() instanceof Exception cause ? cause : new CompletionException(e.getCause());
    }
  }

  private static String shorten(String id) {
    return id.length() <= 12 ? id : id.substring(0, 12) + "…";
  }

  /** The outcomes of several engines side by side. */
  static String table(Map<String, List<Outcome>> byEngine) {
    List<String> engines = new ArrayList<>(byEngine.keySet());
    List<String> steps = new ArrayList<>();
    byEngine.values().iterator().next().forEach(o -> steps.add(o.step()));
    Map<String, Map<String, String>> cells = new LinkedHashMap<>();
    byEngine.forEach((engine, outcomes) -> {
      Map<String, String> column = new LinkedHashMap<>();
      outcomes.forEach(o -> column.put(o.step(), o.result() + " [" + o.millis() + " ms]"));
      cells.put(engine, column);
    });
    int first = Math.max("step".length(), steps.stream().mapToInt(String::length).max().orElse(4));
    List<Integer> widths = new ArrayList<>();
    for (String engine : engines) {
      int w = engine.length();
      for (String step : steps) {
        w = Math.max(w, cells.get(engine).getOrDefault(step, "").length());
      }
      widths.add(w);
    }
    StringBuilder out = new StringBuilder();
    out.append(pad("step", first));
    for (int i = 0; i < engines.size(); i++) {
      out.append(" | ").append(pad(engines.get(i), widths.get(i)));
    }
    out.append('\n').append("-".repeat(first));
    for (int w : widths) {
      out.append("-+-").append("-".repeat(w));
    }
    out.append('\n');
    for (String step : steps) {
      out.append(pad(step, first));
      for (int i = 0; i < engines.size(); i++) {
        out.append(" | ").append(pad(cells.get(engines.get(i)).getOrDefault(step, ""), widths.get(i)));
      }
      out.append('\n');
    }
    return out.toString();
  }

  private static String pad(String s, int width) {
    return s + " ".repeat(Math.max(0, width - s.length()));
  }
}
