package io.flowport.testkit.fakes.cloudify;

import static io.flowport.testkit.fakes.cloudify.CloudifyTestSupport.arrange;
import static io.flowport.testkit.fakes.cloudify.CloudifyTestSupport.get;
import static io.flowport.testkit.fakes.cloudify.CloudifyTestSupport.json;
import static io.flowport.testkit.fakes.cloudify.CloudifyTestSupport.send;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The fake manager's rules (notes §1 as corrected by §6), each asked directly over HTTP: what the
 * manager answers, status, {@code error_code} and body shape.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FakeCloudifyManagerRulesTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private FakeCloudifyManager manager;

  @BeforeAll
  void start() {
    manager = FakeCloudifyManager.start();
  }

  @AfterAll
  void stop() {
    manager.close();
  }

  private static JsonNode body(HttpResponse<String> r) {
    try {
      return JSON.readTree(r.body());
    } catch (Exception e) {
      throw new AssertionError("not JSON: " + r.body(), e);
    }
  }

  private static void assertError(HttpResponse<String> r, int status, String code) {
    assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
    assertThat(body(r).path("error_code").asText()).isEqualTo(code);
    assertThat(body(r).has("server_traceback")).isTrue();
  }

  private String startRaw(String deployment, String workflow, String extra) {
    HttpResponse<String> r = json(manager, "POST", "/executions",
        "{\"deployment_id\":\"" + deployment + "\",\"workflow_id\":\"" + workflow + "\"" + extra + "}");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    return body(r).path("id").asText();
  }

  private String start(String deployment, String workflow) {
    return startRaw(deployment, workflow, ",\"force\":true");
  }

  private JsonNode execution(String id) {
    return body(get(manager, "/executions/" + id));
  }

  private HttpResponse<String> action(String id, String action) {
    return json(manager, "POST", "/executions/" + id, "{\"action\":\"" + action + "\"}");
  }

  private HttpResponse<String> patch(String id, String body) {
    return json(manager, "PATCH", "/executions/" + id, body);
  }

  @Nested
  class WireRules {
    @Test
    void onlyApplicationJsonExactlyIsAccepted() {
      String p = arrange(manager);
      String body = "{\"deployment_id\":\"" + p + "-1\",\"workflow_id\":\"task\"}";
      assertError(send(manager, "POST", "/executions", "application/json; charset=utf-8", body), 415,
          "unsupported_content_type_error");
      assertError(send(manager, "POST", "/executions", "text/plain", body), 415, "unsupported_content_type_error");
      assertError(send(manager, "DELETE", "/executions", null, null), 415, "unsupported_content_type_error");
      assertThat(send(manager, "POST", "/executions", "application/json", body).statusCode()).isEqualTo(201);
    }

    @Test
    void malformedJsonGetsWerkzeugsHtml400() {
      HttpResponse<String> r = json(manager, "POST", "/executions", "{\"deployment_id\": ");
      assertThat(r.statusCode()).isEqualTo(400);
      assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
      assertThat(r.body()).contains("<title>400 Bad Request</title>").doesNotContain("error_code");
    }

    @Test
    void booleansAreReadAsTheManagerReadsThem() {
      String p = arrange(manager);
      assertThat(json(manager, "POST", "/executions", "{\"deployment_id\":\"" + p + "-1\",\"workflow_id\":\"task\","
          + "\"force\":\"TRUE\",\"dry_run\":false,\"queue\":\"false\"}").statusCode()).isEqualTo(201);
      assertError(json(manager, "POST", "/executions", "{\"deployment_id\":\"" + p + "-1\",\"workflow_id\":\"task\","
          + "\"force\":\"yes\"}"), 400, "bad_parameters_error");
      assertError(get(manager, "/executions?_include_system_workflows=maybe"), 400, "bad_parameters_error");
    }

    @Test
    void parametersMustBeADictOrNull() {
      String p = arrange(manager);
      assertError(json(manager, "POST", "/executions", "{\"deployment_id\":\"" + p + "-1\",\"workflow_id\":\"task\","
          + "\"parameters\":[1]}"), 400, "bad_parameters_error");
      startRaw(p + "-2", "task", ",\"parameters\":null");
    }

    @Test
    void unknownPathsAndMethods() {
      assertError(get(manager, "/nothing-here"), 404, "not_found_error");
      assertError(send(manager, "PUT", "/executions", "application/json", "{}"), 405, "method_not_allowed_error");
    }

    @Test
    void executionTokensWorkOnlyWhileTheExecutionIsActive() {
      try (FakeCloudifyManager secured = FakeCloudifyManager.builder().token("t0ken").start()) {
        String p = arrange(secured);
        assertError(get(secured, "/executions"), 401, "unauthorized_error");
        String id = body(CloudifyTestSupport.send(secured, "POST", "/executions", "application/json",
            "{\"deployment_id\":\"" + p + "-1\",\"workflow_id\":\"task\"}")).path("id").asText();
        assertThat(id).isEmpty(); // refused: no token
        var client = java.net.http.HttpClient.newHttpClient();
        java.util.function.Function<String, Integer> asExecution = token -> {
          try {
            return client.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(secured.baseUrl() + "/executions"))
                .header("Execution-Token", token).GET().build(), HttpResponse.BodyHandlers.ofString()).statusCode();
          } catch (Exception e) {
            throw new AssertionError(e);
          }
        };
        String running = secured.startSystemWorkflow("create_snapshot");
        assertThat(asExecution.apply(secured.executionToken(running))).isEqualTo(200);
        secured.completeExecution(running);
        assertThat(asExecution.apply(secured.executionToken(running))).isEqualTo(401);
      }
    }
  }

  @Nested
  class StartRules {
    @Test
    void aSecondStartOnABusyDeploymentIsRefusedQueuedOrForced() {
      String p = arrange(manager);
      startRaw(p + "-1", "task", "");
      assertError(json(manager, "POST", "/executions", "{\"deployment_id\":\"" + p + "-1\",\"workflow_id\":\"task\"}"),
          400, "existing_running_execution_error");
      String queued = startRaw(p + "-1", "task", ",\"queue\":true");
      assertThat(execution(queued).path("status").asText()).isEqualTo("queued");
      String forced = startRaw(p + "-1", "task", ",\"force\":true");
      assertThat(execution(forced).path("status").asText()).isEqualTo("started");
    }

    @Test
    void aRunningSystemWorkflowQueuesEveryStartEvenForcedOnes() {
      String p = arrange(manager);
      String system = manager.startSystemWorkflow("create_snapshot");
      try {
        String plain = startRaw(p + "-1", "task", "");
        String forced = startRaw(p + "-2", "task", ",\"force\":true");
        assertThat(execution(plain).path("status").asText()).isEqualTo("queued");
        assertThat(execution(forced).path("status").asText()).isEqualTo("queued");
        assertThat(body(get(manager, "/executions/" + plain + "/should-start")).asBoolean()).isFalse();
      } finally {
        manager.completeExecution(system);
      }
      // the system workflow ended: both are dequeued
      assertThat(body(get(manager, "/executions?deployment_id=" + p + "-1&workflow_id=task")).path("items").get(0)
          .path("status").asText()).isEqualTo("started");
    }

    @Test
    void aStartAnswersPendingAndTheWorkerStartsIt() {
      String p = arrange(manager);
      HttpResponse<String> r = json(manager, "POST", "/executions",
          "{\"deployment_id\":\"" + p + "-1\",\"workflow_id\":\"task\"}");
      assertThat(body(r).path("status").asText()).isEqualTo("pending");
      assertThat(execution(body(r).path("id").asText()).path("status").asText()).isEqualTo("started");
    }

    @Test
    void aScheduledStartAnswersAnUnsavedPlaceholder() {
      String p = arrange(manager);
      HttpResponse<String> r = json(manager, "POST", "/executions", "{\"deployment_id\":\"" + p + "-1\","
          + "\"workflow_id\":\"task\",\"scheduled_time\":\"2999-01-01T00:00:00\"}");
      assertThat(r.statusCode()).isEqualTo(201);
      JsonNode b = body(r);
      assertThat(b.path("status").asText()).isEqualTo("scheduled");
      assertThat(b.get("id").isNull()).isTrue();
      assertThat(b.get("workflow_id").isNull()).isTrue();
      assertThat(b.get("deployment_id").isNull()).isTrue();
      assertThat(manager.schedules()).anySatisfy(s -> assertThat(s.get("id").toString()).matches("task_[0-9a-f]{32}"));
      assertError(json(manager, "POST", "/executions", "{\"deployment_id\":\"" + p + "-1\","
          + "\"workflow_id\":\"task\",\"scheduled_time\":\"2001-01-01T00:00:00\"}"), 400, "bad_parameters_error");
      assertError(json(manager, "POST", "/executions", "{\"deployment_id\":\"" + p + "-1\",\"workflow_id\":\"task\","
          + "\"scheduled_time\":\"2999-01-01T00:00:00\",\"force_status\":\"failed\"}"), 400, "bad_parameters_error");
      assertError(json(manager, "POST", "/executions", "{\"deployment_id\":\"" + p + "-1\",\"workflow_id\":\"task\","
          + "\"force_status\":\"exploded\"}"), 400, "bad_parameters_error");
    }

    @Test
    void startChecksDeploymentWorkflowEnvironmentAndParameters() {
      String p = arrange(manager);
      assertError(json(manager, "POST", "/executions", "{\"deployment_id\":\"nope\",\"workflow_id\":\"task\"}"),
          404, "not_found_error");
      assertError(json(manager, "POST", "/executions", "{\"deployment_id\":\"" + p + "-1\",\"workflow_id\":\"x\"}"),
          400, "nonexistent_workflow_error");
      assertError(json(manager, "POST", "/executions", "{\"deployment_id\":\"" + p + "-1\",\"workflow_id\":\"strict\"}"),
          400, "illegal_execution_parameters_error"); // name is required
      assertError(json(manager, "POST", "/executions", "{\"deployment_id\":\"" + p + "-1\",\"workflow_id\":\"strict\","
          + "\"parameters\":{\"name\":\"a\",\"extra\":1}}"), 400, "illegal_execution_parameters_error");
      manager.loadBlueprint(("{\"blueprint_id\":\"b\",\"workflows\":{\"w\":{}},\"deployments\":[{\"id\":\"" + p
          + "-broken\",\"environment\":\"failed\"},{\"id\":\"" + p + "-new\",\"environment\":\"pending\"},{\"id\":\"" + p
          + "-busy\",\"environment\":\"in_progress\"}]}").getBytes(java.nio.charset.StandardCharsets.UTF_8));
      String w = "\",\"workflow_id\":\"w\"}";
      assertError(json(manager, "POST", "/executions", "{\"deployment_id\":\"" + p + "-broken" + w), 400,
          "deployment_creation_error");
      assertError(json(manager, "POST", "/executions", "{\"deployment_id\":\"" + p + "-new" + w), 400,
          "deployment_environment_creation_pending_error");
      assertError(json(manager, "POST", "/executions", "{\"deployment_id\":\"" + p + "-busy" + w), 400,
          "deployment_environment_creation_in_progress_error");
    }
  }

  @Nested
  class ActionRules {
    @Test
    void cancellingAQueuedExecutionStoresTheRequestedActionsStatus() {
      String p = arrange(manager);
      start(p + "-1", "task");
      String queued = startRaw(p + "-1", "task", ",\"queue\":true");
      manager.holdCancellations(true);
      try {
        HttpResponse<String> r = action(queued, "cancel");
        assertThat(body(r).path("status").asText()).isEqualTo("cancelling"); // not kill_cancelling
        assertThat(execution(queued).path("status").asText()).isEqualTo("cancelling");
      } finally {
        manager.holdCancellations(false);
      }
      manager.finishCancellation(queued);
      assertThat(execution(queued).path("status").asText()).isEqualTo("cancelled");
    }

    @Test
    void aCancelEndsCancelledOnceTheWorkerIsDone() {
      String p = arrange(manager);
      String id = start(p + "-1", "task");
      assertThat(body(action(id, "cancel")).path("status").asText()).isEqualTo("cancelling");
      JsonNode after = execution(id);
      assertThat(after.path("status").asText()).isEqualTo("cancelled");
      assertThat(after.path("ended_at").isNull()).isFalse();
    }

    @Test
    void killIsAllowedFromAnEndStateAndClearsTheError() {
      String p = arrange(manager);
      String id = start(p + "-1", "fail");
      assertThat(execution(id).path("error").asText()).isEqualTo("boom");
      manager.holdCancellations(true);
      try {
        JsonNode killed = body(action(id, "kill"));
        assertThat(killed.path("status").asText()).isEqualTo("kill_cancelling");
        assertThat(killed.path("error").asText()).isEmpty();
      } finally {
        manager.holdCancellations(false);
        manager.finishCancellation(id);
      }
      assertError(action(start(p + "-2", "noop"), "cancel"), 400, "illegal_action_error");
    }

    @Test
    void resumeRules() {
      String p = arrange(manager);
      String failed = start(p + "-1", "fail");
      assertThat(body(action(failed, "resume")).path("status").asText()).isEqualTo("pending");
      String started = start(p + "-2", "task");
      assertThat(body(action(started, "resume")).path("status").asText()).isEqualTo("pending"); // re-sent
      assertError(action(started, "force-resume"), 409, "conflict_error");
      String queued = startRaw(p + "-2", "task", ",\"queue\":true");
      assertError(action(queued, "resume"), 409, "conflict_error");
    }

    @Test
    void requeueIsAPlainCancelAndUnknownActionsAreRefused() {
      String p = arrange(manager);
      String id = start(p + "-1", "task");
      assertError(action(id, "pause"), 400, "bad_parameters_error");
      assertError(json(manager, "POST", "/executions/" + id, "{}"), 400, "bad_parameters_error");
      assertThat(body(action(id, "requeue")).path("status").asText()).isEqualTo("cancelling");
      assertError(action("no-such-execution", "cancel"), 404, "not_found_error");
    }
  }

  @Nested
  class PatchRules {
    @Test
    void leavingAnEndStateIsRefused() {
      String p = arrange(manager);
      String id = start(p + "-1", "noop");
      assertError(patch(id, "{\"status\":\"started\"}"), 400, "invalid_exception_status_update");
      assertThat(patch(id, "{\"status\":\"terminated\"}").statusCode()).isEqualTo(200); // the same status again
    }

    @Test
    void cancellingStatesMayNotGoBackOrSideways() {
      String p = arrange(manager);
      manager.holdCancellations(true);
      try {
        String a = start(p + "-1", "task");
        action(a, "cancel");
        assertError(patch(a, "{\"status\":\"force_cancelling\"}"), 400, "invalid_exception_status_update");
        assertError(patch(a, "{\"status\":\"terminated\"}"), 400, "invalid_exception_status_update");
        assertThat(body(action(a, "force-cancel")).path("status").asText()).isEqualTo("force_cancelling");
        assertError(patch(a, "{\"status\":\"cancelling\"}"), 400, "invalid_exception_status_update");
        String b = start(p + "-2", "task");
        action(b, "kill");
        assertThat(patch(b, "{\"status\":\"started\"}").statusCode()).isEqualTo(200); // kill_cancelling: no rule
        manager.finishCancellation(a);
      } finally {
        manager.holdCancellations(false);
      }
    }

    @Test
    void patchResetsTheErrorTakesAnyStatusAndAnEndDequeues() {
      String p = arrange(manager);
      String running = start(p + "-1", "task");
      String queued = startRaw(p + "-1", "task", ",\"queue\":true");
      JsonNode weird = body(patch(running, "{\"status\":\"dancing\",\"error\":\"x\"}"));
      assertThat(weird.path("status").asText()).isEqualTo("dancing"); // not checked against the enum
      assertThat(body(patch(running, "{\"status\":\"started\"}")).path("error").asText()).isEmpty();
      JsonNode ended = body(patch(running, "{\"status\":\"terminated\"}"));
      assertThat(ended.path("ended_at").isNull()).isFalse();
      assertThat(execution(queued).path("status").asText()).isEqualTo("started"); // dequeued
    }
  }

  @Nested
  class DeleteRules {
    @Test
    void deleteAnswersTheCountAndEchoesThePaging() {
      String p = arrange(manager);
      start(p + "-1", "noop");
      HttpResponse<String> r = json(manager, "DELETE", "/executions?deployment_id=" + p + "-1&workflow_id=noop&_size=5",
          "{\"to_datetime\":\"2999-01-01 00:00:00\"}");
      assertThat(r.statusCode()).isEqualTo(200);
      JsonNode b = body(r);
      assertThat(b.path("items").get(0).path("count").asInt()).isEqualTo(1);
      assertThat(b.path("metadata").path("pagination").toString()).isEqualTo("{\"size\":5}");
      assertThat(b.path("metadata").has("filtered")).isFalse();
    }

    @Test
    void deleteRefusesBadBodiesAndActiveStatusFilters() {
      assertError(json(manager, "DELETE", "/executions", "{\"keep_last\":1,\"to_datetime\":\"2020-01-01\"}"), 400,
          "bad_parameters_error");
      assertError(json(manager, "DELETE", "/executions", "{\"keep_last\":0}"), 400, "bad_parameters_error");
      assertError(json(manager, "DELETE", "/executions", "{\"keep_last\":\"2\"}"), 400, "bad_parameters_error");
      assertError(json(manager, "DELETE", "/executions", "{\"to_datetime\":\"2020-01-01T00:00:00+02:00\"}"), 400,
          "bad_parameters_error");
      assertError(json(manager, "DELETE", "/executions?status=started", "{\"keep_last\":1}"), 400,
          "bad_parameters_error");
      assertError(json(manager, "DELETE", "/executions?colour=red", "{\"keep_last\":1}"), 400, "bad_parameters_error");
    }

    @Test
    void onlyEndedExecutionsGoAndTheLastEnvironmentCreationStays() {
      String p = arrange(manager);
      String running = start(p + "-1", "task");
      json(manager, "DELETE", "/executions?deployment_id=" + p + "-1", "{\"to_datetime\":\"2999-01-01\"}");
      JsonNode left = body(get(manager, "/executions?deployment_id=" + p + "-1")).path("items");
      assertThat(left).extracting(n -> n.path("workflow_id").asText())
          .containsExactlyInAnyOrder("create_deployment_environment", "task");
      assertThat(execution(running).path("status").asText()).isEqualTo("started");
    }

    @Test
    void keepLastCountsTheProtectedEnvironmentCreationAndAlwaysDeletesOne() {
      String p = arrange(manager);
      start(p + "-2", "noop");
      start(p + "-2", "noop");
      // 3 ended (env + 2); keeping 10 still deletes one: the manager checks the count after a delete
      HttpResponse<String> r = json(manager, "DELETE", "/executions?deployment_id=" + p + "-2", "{\"keep_last\":10}");
      assertThat(body(r).path("items").get(0).path("count").asInt()).isEqualTo(1);
      r = json(manager, "DELETE", "/executions?deployment_id=" + p + "-2", "{\"keep_last\":1}");
      assertThat(body(r).path("items").get(0).path("count").asInt()).isEqualTo(1); // 2 left, keep 1, env protected
    }
  }

  @Nested
  class ListRules {
    @Test
    void sizeZeroGivesNoItemsAndAllResultsStillReports1000() {
      String p = arrange(manager);
      start(p + "-1", "noop");
      JsonNode none = body(get(manager, "/executions?deployment_id=" + p + "-1&_size=0"));
      assertThat(none.path("items")).isEmpty();
      assertThat(none.path("metadata").path("pagination").path("total").asInt()).isEqualTo(2);
      JsonNode all = body(get(manager, "/executions?deployment_id=" + p + "-1&_get_all_results=true&_size=1"));
      assertThat(all.path("items")).hasSize(2);
      JsonNode defaults = body(get(manager, "/executions?deployment_id=" + p + "-1"));
      assertThat(defaults.path("metadata").path("pagination").path("size").asInt()).isEqualTo(1000);
      assertThat(defaults.path("metadata").has("filtered")).isTrue();
      assertThat(defaults.path("metadata").get("filtered").isNull()).isTrue();
    }

    @Test
    void unknownKeysAreRefusedInTheManagersOrder() {
      assertError(get(manager, "/executions?_include=nope"), 400, "no_such_include_field_error");
      assertError(get(manager, "/executions?colour=red"), 400, "bad_parameters_error");
      assertError(get(manager, "/executions?_sort=nope"), 400, "bad_parameters_error"); // not an include error
      assertError(get(manager, "/executions?_size=-1"), 400, "bad_parameters_error");
      // _include first, then filters, then paging, then sort
      assertError(get(manager, "/executions?_sort=nope&_size=x&colour=red&_include=nope"), 400,
          "no_such_include_field_error");
      HttpResponse<String> filtersFirst = get(manager, "/executions?_sort=nope&_size=x&colour=red");
      assertThat(body(filtersFirst).path("message").asText()).contains("filter");
      HttpResponse<String> pagingFirst = get(manager, "/executions?_sort=nope&_size=x");
      assertThat(body(pagingFirst).path("message").asText()).contains("_size");
    }

    @Test
    void aRawPlusInSortDecodesToASpaceAndIsRefused() {
      assertError(get(manager, "/executions?_sort=+created_at"), 400, "bad_parameters_error");
      assertThat(get(manager, "/executions?_sort=%2Bcreated_at").statusCode()).isEqualTo(200);
      assertThat(get(manager, "/executions?_sort=-created_at&_sort=id").statusCode()).isEqualTo(200);
    }
  }

  @Nested
  class GroupRules {
    private HttpResponse<String> createGroup(String body) {
      return json(manager, "POST", "/execution-groups", body);
    }

    @Test
    void createAnswers200WithStatusAndIdsOthersLeaveThemOut() {
      String p = arrange(manager);
      HttpResponse<String> r = createGroup("{\"deployment_group_id\":\"" + p + "-group\",\"workflow_id\":\"task\","
          + "\"concurrency\":1}");
      assertThat(r.statusCode()).isEqualTo(200);
      JsonNode g = body(r);
      assertThat(g.path("execution_ids")).hasSize(3);
      assertThat(g.path("status").asText()).isEqualTo("queued"); // members pending and queued
      String id = g.path("id").asText();
      assertThat(body(get(manager, "/execution-groups/" + id)).path("status").asText()).isEqualTo("started");
      JsonNode listed = body(get(manager, "/execution-groups?id=" + id)).path("items").get(0);
      assertThat(listed.has("status")).isFalse();
      assertThat(listed.has("execution_ids")).isFalse();
      JsonNode patched = body(json(manager, "PATCH", "/execution-groups/" + id, "{\"concurrency\":2}"));
      assertThat(patched.has("status")).isFalse();
      JsonNode acted = body(json(manager, "POST", "/execution-groups/" + id, "{\"action\":\"cancel\"}"));
      assertThat(acted.has("execution_ids")).isFalse();
    }

    @Test
    void cancellingAGroupWithNothingToCancelIs404AfterTheQueuedOnesWereCancelled() {
      String p = arrange(manager);
      String id = body(createGroup("{\"deployment_group_id\":\"" + p + "-group\",\"workflow_id\":\"noop\","
          + "\"concurrency\":0}")).path("id").asText();
      HttpResponse<String> r = json(manager, "POST", "/execution-groups/" + id, "{\"action\":\"cancel\"}");
      assertError(r, 404, "not_found_error");
      assertThat(body(r).path("message").asText()).isEqualTo("Requested `Execution` [] was not found");
      assertThat(body(get(manager, "/execution-groups/" + id)).path("status").asText()).isEqualTo("terminated");
    }

    @Test
    void theGroupForceIsNotConvertedAndConcurrencyIsChecked() {
      String p = arrange(manager);
      json(manager, "POST", "/executions", "{\"deployment_id\":\"" + p + "-1\",\"workflow_id\":\"task\"}");
      // "false" is a non-empty string: truthy, so the busy deployment's member runs anyway
      JsonNode g = body(createGroup("{\"deployment_group_id\":\"" + p + "-group\",\"workflow_id\":\"task\","
          + "\"force\":\"false\"}"));
      String first = g.path("execution_ids").get(0).asText();
      assertThat(execution(first).path("status").asText()).isEqualTo("started");
      assertError(createGroup("{\"deployment_group_id\":\"" + p + "-group\",\"workflow_id\":\"task\","
          + "\"concurrency\":null}"), 400, "bad_parameters_error");
      assertError(createGroup("{\"deployment_group_id\":\"" + p + "-group\",\"workflow_id\":\"task\","
          + "\"concurrency\":-1}"), 400, "bad_parameters_error");
      assertThat(body(createGroup("{\"deployment_group_id\":\"" + p + "-group\",\"workflow_id\":\"task\","
          + "\"concurrency\":true}")).path("concurrency").asInt()).isEqualTo(1); // a bool is an int
      assertError(createGroup("{\"deployment_group_id\":\"nope\",\"workflow_id\":\"task\"}"), 404, "not_found_error");
    }

    @Test
    void deploymentsWithoutTheWorkflowAreSkippedWithALog() {
      String p = arrange(manager);
      manager.loadBlueprint(("{\"blueprint_id\":\"other\",\"workflows\":{\"other\":{}},\"deployments\":[\"" + p
          + "-x\"],\"deployment_groups\":{\"" + p + "-mixed\":[\"" + p + "-1\",\"" + p + "-x\"]}}")
          .getBytes(java.nio.charset.StandardCharsets.UTF_8));
      JsonNode g = body(createGroup("{\"deployment_group_id\":\"" + p + "-mixed\",\"workflow_id\":\"task\"}"));
      assertThat(g.path("execution_ids")).hasSize(1);
      assertThat(manager.groupLogs(g.path("id").asText())).containsExactly(
          "Workflow task does not exist in deployment " + p + "-x");
    }

    @Test
    void groupActionsHaveNoRequeue() {
      String p = arrange(manager);
      String id = body(createGroup("{\"deployment_group_id\":\"" + p + "-group\",\"workflow_id\":\"task\"}"))
          .path("id").asText();
      assertError(json(manager, "POST", "/execution-groups/" + id, "{\"action\":\"requeue\"}"), 400,
          "bad_parameters_error");
    }

    @Test
    void raisingConcurrencyFromZeroDequeues() {
      String p = arrange(manager);
      JsonNode g = body(createGroup("{\"deployment_group_id\":\"" + p + "-group\",\"workflow_id\":\"task\","
          + "\"concurrency\":0}"));
      String id = g.path("id").asText();
      assertThat(body(get(manager, "/execution-groups/" + id)).path("status").asText()).isEqualTo("queued");
      json(manager, "PATCH", "/execution-groups/" + id, "{\"concurrency\":2}");
      long started = 0;
      for (JsonNode member : g.path("execution_ids")) {
        started += "started".equals(execution(member.asText()).path("status").asText()) ? 1 : 0;
      }
      assertThat(started).isEqualTo(2); // the third waits for a slot
    }

    @Test
    void membersFinishingFreeSlotsAndFillTargetGroups() {
      String p = arrange(manager);
      JsonNode g = body(createGroup("{\"deployment_group_id\":\"" + p + "-group\",\"workflow_id\":\"task\","
          + "\"concurrency\":1}"));
      String id = g.path("id").asText();
      json(manager, "PATCH", "/execution-groups/" + id, "{\"success_group_id\":\"" + p + "-ok\","
          + "\"failure_group_id\":\"" + p + "-ko\"}");
      for (int i = 0; i < 3; i++) {
        String running = null;
        for (JsonNode member : g.path("execution_ids")) {
          if ("started".equals(execution(member.asText()).path("status").asText())) {
            running = member.asText();
          }
        }
        assertThat(running).as("one member runs at a time").isNotNull();
        if (i == 2) {
          manager.failExecution(running, "no");
        } else {
          manager.completeExecution(running);
        }
      }
      assertThat(manager.deploymentGroup(p + "-ok")).hasSize(2);
      assertThat(manager.deploymentGroup(p + "-ko")).hasSize(1);
      assertThat(body(get(manager, "/execution-groups/" + id)).path("status").asText()).isEqualTo("failed");
      assertError(json(manager, "PATCH", "/execution-groups/" + id, "{\"success_group_id\":\"nope\"}"), 404,
          "not_found_error");
    }
  }
}
