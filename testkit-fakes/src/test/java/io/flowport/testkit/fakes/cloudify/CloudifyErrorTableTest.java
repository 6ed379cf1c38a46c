package io.flowport.testkit.fakes.cloudify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.flowport.core.ClientOptions;
import io.flowport.core.Operation;
import io.flowport.core.RetryPolicy;
import io.flowport.core.error.AuthenticationException;
import io.flowport.core.error.BackPressureException;
import io.flowport.core.error.ConflictException;
import io.flowport.core.error.DefinitionNotFoundException;
import io.flowport.core.error.EngineInternalException;
import io.flowport.core.error.EngineUnavailableException;
import io.flowport.core.error.IllegalTransitionException;
import io.flowport.core.error.InstanceNotFoundException;
import io.flowport.core.error.InvalidVariablesException;
import io.flowport.core.error.PermissionDeniedException;
import io.flowport.core.error.RequestRejectedException;
import io.flowport.core.error.ResourceNotFoundException;
import io.flowport.core.error.UnknownStatusException;
import io.flowport.core.error.WorkflowException;
import io.flowport.core.error.WorkflowTimeoutException;
import io.flowport.core.model.StartRequest;
import io.flowport.rest.cloudify.CloudifyClient;
import io.flowport.rest.cloudify.CloudifyErrors;
import io.flowport.rest.cloudify.CloudifyServerError;
import io.flowport.rest.cloudify.CloudifyStartRequest;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every {@code error_code} row of {@link CloudifyErrors#TABLE}, answered by the fake manager and read
 * by the adapter over a real socket: the exception type, the wire status and code, and the server
 * traceback kept on the {@link CloudifyServerError} cause, never in the message.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CloudifyErrorTableTest {
  private static final String TRACEBACK = "Traceback (most recent call last):\n  File \"secret_internal.py\", line 1";

  private FakeCloudifyManager manager;
  private CloudifyClient client;

  @BeforeAll
  void start() {
    manager = FakeCloudifyManager.builder().blueprint(CloudifyContractTargets.BLUEPRINT).start();
    // no retries: each row is one answer
    client = CloudifyClient.builder().baseUrl(manager.baseUrl())
        .options(ClientOptions.builder().retryPolicy(RetryPolicy.none()).build()).build();
  }

  @AfterAll
  void stop() {
    client.close();
    manager.close();
  }

  static Stream<Arguments> rows() {
    return Stream.of(
        arguments("deployment_environment_creation_in_progress_error", 400, ConflictException.class),
        arguments("deployment_environment_creation_pending_error", 400, ConflictException.class),
        arguments("deployment_creation_error", 400, ConflictException.class),
        arguments("dependent_exists_error", 400, ConflictException.class),
        arguments("illegal_execution_parameters_error", 400, InvalidVariablesException.class),
        arguments("no_such_include_field_error", 400, RequestRejectedException.class),
        arguments("missing_required_deployment_input_error", 400, RequestRejectedException.class),
        arguments("unknown_deployment_input_error", 400, RequestRejectedException.class),
        arguments("unknown_deployment_secret_error", 400, RequestRejectedException.class),
        arguments("unsupported_deployment_get_secret_error", 400, RequestRejectedException.class),
        arguments("functions_evaluation_error", 400, RequestRejectedException.class),
        arguments("unknown_modification_stage_error", 400, RequestRejectedException.class),
        arguments("existing_started_deployment_modification_error", 400, ConflictException.class),
        arguments("deployment_modification_already_ended_error", 400, IllegalTransitionException.class),
        arguments("unauthorized_error", 401, AuthenticationException.class),
        arguments("forbidden_error", 403, PermissionDeniedException.class),
        arguments("forbidden_while_cancelling", 403, PermissionDeniedException.class),
        arguments("maintenance_mode_active", 503, EngineUnavailableException.class),
        arguments("entering_maintenance_mode", 503, EngineUnavailableException.class),
        arguments("not_modified", 304, ConflictException.class),
        arguments("invalid_exception_status_update", 400, IllegalTransitionException.class),
        arguments("plugin_in_use", 405, ConflictException.class),
        arguments("blueprint_in_use", 405, ConflictException.class),
        arguments("plugin_installation_error", 400, RequestRejectedException.class),
        arguments("plugin_installation_timeout", 400, WorkflowTimeoutException.class),
        arguments("deployment_plugin_not_found", 400, ResourceNotFoundException.class),
        arguments("incompatible_cluster_architecture", 400, RequestRejectedException.class),
        arguments("invalid_filter_rule", 400, RequestRejectedException.class),
        arguments("missing_cloudify_license", 400, PermissionDeniedException.class),
        arguments("expired_cloudify_license", 400, PermissionDeniedException.class),
        arguments("deployment_parent_not_found_error", 404, ResourceNotFoundException.class),
        arguments("not_cluster_master", 503, EngineUnavailableException.class),
        arguments("removed_from_cluster", 503, EngineUnavailableException.class),
        arguments("conflict_error", 409, ConflictException.class),
        arguments("storage_error", 409, ConflictException.class),
        arguments("ambiguous_name", 409, ConflictException.class),
        arguments("bad_parameters_error", 400, RequestRejectedException.class),
        arguments("illegal_action_error", 400, IllegalTransitionException.class),
        arguments("existing_running_execution_error", 400, ConflictException.class),
        arguments("global_parallel_running_executions_limit_reached_error", 400, BackPressureException.class),
        arguments("nonexistent_workflow_error", 400, DefinitionNotFoundException.class),
        arguments("unavailable_workflow_error", 400, RequestRejectedException.class),
        arguments("unknown_action", 400, RequestRejectedException.class),
        arguments("unsupported_content_type_error", 415, RequestRejectedException.class),
        arguments("method_not_allowed_error", 405, RequestRejectedException.class),
        arguments("internal_server_error", 500, EngineInternalException.class),
        arguments("insufficient_memory_error", 503, EngineUnavailableException.class),
        arguments("in_snapshot_restore_error", 503, EngineUnavailableException.class),
        arguments("some_future_error", 418, UnknownStatusException.class));
  }

  @ParameterizedTest(name = "{0} ({1}) -> {2}")
  @MethodSource("rows")
  void everyErrorCodeMapsToItsException(String code, int status, Class<? extends WorkflowException> type) {
    manager.answerNext("POST /executions", status, code, "the manager said " + code, TRACEBACK);
    WorkflowException e = failure(client.startExecution(CloudifyStartRequest.of("contract", "contract-task").build()));
    assertThat(e).isInstanceOf(type);
    assertThat(e.engineCode()).isEqualTo(code);
    assertThat(e.wireStatus()).isEqualTo(String.valueOf(status));
    if (status == 304) {
      return; // a 304 carries no body: the code is the client's name for it, as in the manager's client
    }
    assertThat(e.engineMessage()).contains("the manager said " + code);
    assertThat(CloudifyServerError.of(e)).hasValueSatisfying(d -> {
      assertThat(d.errorCode()).isEqualTo(code);
      assertThat(d.serverTraceback()).contains(TRACEBACK);
    });
    assertThat(e.getMessage()).doesNotContain("Traceback").doesNotContain("secret_internal");
    assertThat(e.toString()).doesNotContain("Traceback");
  }

  @Test
  void everyCodeOfTheTableHasARowHere() {
    List<String> tested = new java.util.ArrayList<>(rows().map(a -> (String) a.get()[0]).toList());
    tested.add("not_found_error"); // by operation: notFoundMeansWhatTheCallNamed
    List<String> inTable = CloudifyErrors.TABLE.rows().stream().map(r -> r.engineCode()).filter(c -> c != null)
        .distinct().toList();
    assertThat(inTable).allSatisfy(code -> assertThat(tested).contains(code));
  }

  static Stream<Arguments> notFoundByOperation() {
    return Stream.<Arguments>of(
        arguments("GET /executions/x", (Function<CloudifyClient, CompletableFuture<?>>) c -> c.instances().get("x"),
            InstanceNotFoundException.class),
        arguments("POST /executions/x", (Function<CloudifyClient, CompletableFuture<?>>) c -> c.instances().cancel("x"),
            InstanceNotFoundException.class),
        arguments("POST /executions", (Function<CloudifyClient, CompletableFuture<?>>)
            c -> c.instances().start(StartRequest.of("nowhere:install").build()), DefinitionNotFoundException.class),
        arguments("GET /execution-groups/x", (Function<CloudifyClient, CompletableFuture<?>>)
            c -> c.getGroup("x", List.of()), ResourceNotFoundException.class));
  }

  @ParameterizedTest(name = "not_found_error on {0} -> {2}")
  @MethodSource("notFoundByOperation")
  void notFoundMeansWhatTheCallNamed(String request, Function<CloudifyClient, CompletableFuture<?>> call,
      Class<? extends WorkflowException> type) {
    // no script: the fake's own 404 for an unknown execution / deployment / group
    assertThat(failure(call.apply(client))).isExactlyInstanceOf(type).extracting(WorkflowException::engineCode)
        .isEqualTo("not_found_error");
  }

  @Test
  void anHtml400ToMalformedJsonIsARejectionWithAnExcerpt() {
    manager.answerNextRaw("POST /executions", 400, "text/html; charset=utf-8",
        "<!doctype html>\n<title>400 Bad Request</title>\n<h1>Bad Request</h1><p>Failed to decode JSON object</p>");
    WorkflowException e = failure(client.startExecution(CloudifyStartRequest.of("contract", "contract-task").build()));
    assertThat(e).isExactlyInstanceOf(RequestRejectedException.class);
    assertThat(e.engineCode()).isNull();
    assertThat(e.engineMessage()).contains("unexpected error body").contains("400 Bad Request");
    assertThat(CloudifyServerError.of(e)).isEmpty();
  }

  @Test
  void aTruncatedErrorBodyIsTypedByItsStatus() {
    manager.answerNextRaw("GET /executions", 500, "application/json", "{\"message\": \"half");
    WorkflowException e = failure(client.instances().list(io.flowport.core.model.InstanceQuery.all()));
    assertThat(e).isExactlyInstanceOf(EngineInternalException.class);
    assertThat(e.engineMessage()).contains("{\"message\": \"half");
  }

  @Test
  void aMessageFallsBackToDetail() {
    manager.answerNextRaw("GET /executions/d", 400, "application/json", "{\"detail\": \"pydantic says no\"}");
    WorkflowException e = failure(client.getExecution("d", List.of()));
    assertThat(e).isExactlyInstanceOf(RequestRejectedException.class);
    assertThat(e.engineMessage()).isEqualTo("pydantic says no");
  }

  @Test
  void maintenanceModeIsUnavailableAndRetriedEvenForAStart() {
    try (CloudifyClient retrying = CloudifyClient.builder().baseUrl(manager.baseUrl()).build()) {
      manager.answerNext("POST /executions", 503, "maintenance_mode_active", "under maintenance", null);
      manager.answerNext("POST /executions", 503, "maintenance_mode_active", "under maintenance", null);
      manager.clearRequests();
      var started = retrying.startExecution(CloudifyStartRequest.of("contract", "contract-noop").force(true).build())
          .join();
      assertThat(started.id()).isNotBlank();
      assertThat(manager.requestCount("POST /executions")).isEqualTo(3); // nothing was done: safe to repeat
    }
    manager.maintenanceMode("activating");
    try {
      WorkflowException e = failure(client.getExecution("x", List.of()));
      assertThat(e).isExactlyInstanceOf(EngineUnavailableException.class);
      assertThat(e.engineCode()).isEqualTo("entering_maintenance_mode");
      assertThat(e.requestMayHaveBeenProcessed()).isFalse();
    } finally {
      manager.maintenanceMode(null);
    }
  }

  @Test
  void filterRuleDetailsAreKeptOnTheCause() {
    manager.answerNextRaw("GET /executions", 400, "application/json",
        "{\"message\":\"bad rule\",\"error_code\":\"invalid_filter_rule\",\"err_filter_rule\":\"x=1\",\"err_reason\":\"no\"}");
    WorkflowException e = failure(client.listExecutions(io.flowport.rest.cloudify.CloudifyListQuery.all()));
    assertThat(CloudifyServerError.of(e).orElseThrow().extra())
        .containsEntry("err_filter_rule", "x=1").containsEntry("err_reason", "no");
    assertThat(CloudifyServerError.of(e).orElseThrow().serverTraceback()).isEmpty();
    assertThat(e.operation()).isEqualTo(Operation.of("list executions", true));
  }

  static WorkflowException failure(CompletableFuture<?> future) {
    try {
      future.get(30, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      assertThat(e.getCause()).isInstanceOf(WorkflowException.class);
      return (WorkflowException) e.getCause();
    } catch (Exception e) {
      throw new AssertionError("the call did not fail with a WorkflowException: " + e, e);
    }
    throw new AssertionError("the call succeeded");
  }
}
