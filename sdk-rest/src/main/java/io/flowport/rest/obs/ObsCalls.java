package io.flowport.rest.obs;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowport.core.Operation;
import io.flowport.core.error.WorkflowException;
import io.flowport.core.spi.Args;
import io.flowport.core.spi.CallContext;
import io.flowport.core.spi.CallExecutor;
import io.flowport.core.spi.JsonValues;
import io.flowport.rest.obs.internal.ObsWire;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.function.Supplier;

/** {@link ObsOperations}: the checks of each call, then its attempts through the client's executor. */
final class ObsCalls implements ObsOperations {
  private static final String ENGINE = ObsClient.ENGINE;
  private static final Set<String> TYPES = Set.of(ObsExecutionQuery.APICALL, ObsExecutionQuery.TRIGGERCAL);
  private static final Set<String> STATES = Set.of(ObsStates.RUNNING, ObsStates.SUCCESS, ObsStates.FAILED);

  private final CallExecutor executor;
  private final ObsWire wire;

  ObsCalls(CallExecutor executor, ObsWire wire) {
    this.executor = executor;
    this.wire = wire;
  }

  /** Runs the checks, then the attempts; never throws. */
  private <T> CompletableFuture<T> call(Operation op, Supplier<Function<CallContext, CompletableFuture<T>>> prepare) {
    Function<CallContext, CompletableFuture<T>> attempt;
    try {
      attempt = prepare.get();
    } catch (WorkflowException e) {
      return CompletableFuture.failedFuture(e);
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(Args.invalid(ENGINE, op, "invalid arguments: " + e.getMessage()));
    }
    return executor.execute(op, false, attempt);
  }

  @Override
  public CompletableFuture<ObsStartResult> startWorkflow(String graphName, String bucket, String object,
      Map<String, ?> inputs) {
    Operation op = START_WORKFLOW;
    return call(op, () -> {
      ObsNames.requireGraph(op, graphName);
      ObsNames.requireBucket(op, bucket);
      ObsNames.requireObject(op, object);
      Map<String, Object> checked = inputs == null ? null : JsonValues.checkVariables(ENGINE, op, inputs);
      return ctx -> wire.start(ctx, graphName, bucket, object, checked);
    });
  }

  @Override
  public CompletableFuture<ObsExecutionPage> listExecutions(ObsExecutionQuery query) {
    Operation op = LIST_EXECUTIONS;
    return call(op, () -> {
      Args.requireNonNull(ENGINE, op, "query", query);
      ObsNames.requireGraph(op, query.graphName());
      if (query.type() != null && !TYPES.contains(query.type())) {
        throw Args.invalid(ENGINE, op, "the execution type is APICALL or TRIGGERCAL, not " + query.type());
      }
      if (query.limit() != null && (query.limit() < 1 || query.limit() > ObsExecutionQuery.MAX_LIMIT)) {
        throw Args.invalid(ENGINE, op, "the limit is 1 to " + ObsExecutionQuery.MAX_LIMIT + ", not " + query.limit());
      }
      if (query.state() != null && !STATES.contains(query.state())) {
        throw Args.invalid(ENGINE, op, "the execution state is RUNNING, SUCCESS or FAILED, not " + query.state());
      }
      if (query.marker() != null && query.marker().isBlank()) {
        throw Args.invalid(ENGINE, op, "the marker is blank");
      }
      if (query.state() == null) {
        return ctx -> wire.page(ctx, query.graphName(), query.type(), query.marker(), query.limit());
      }
      return ctx -> wire.filtered(ctx, query);
    });
  }

  @Override
  public CompletableFuture<ObsExecution> getExecution(String executionName, String graphName) {
    Operation op = GET_EXECUTION;
    return call(op, () -> {
      Args.requireId(ENGINE, op, "executionName", executionName);
      ObsNames.requireGraph(op, graphName);
      return ctx -> wire.execution(ctx, executionName, graphName);
    });
  }

  @Override
  public CompletableFuture<ObsRestoreResult> restoreExecution(String executionName, String graphName) {
    Operation op = RESTORE_EXECUTION;
    return call(op, () -> {
      Args.requireId(ENGINE, op, "executionName", executionName);
      ObsNames.requireGraph(op, graphName);
      return ctx -> wire.restore(ctx, executionName, graphName);
    });
  }

  @Override
  public CompletableFuture<JsonNode> createTemplate(String templateName, String description, Object states,
      Object inputs, Object tags) {
    Operation op = CREATE_TEMPLATE;
    return call(op, () -> {
      Args.requireId(ENGINE, op, "templateName", templateName);
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("description", description);
      body.put("states", JsonValues.checkValue(ENGINE, op, "states", states));
      body.put("inputs", JsonValues.checkValue(ENGINE, op, "inputs", inputs));
      body.put("tags", JsonValues.checkValue(ENGINE, op, "tags", tags));
      return ctx -> wire.createTemplate(ctx, templateName, body);
    });
  }

  @Override
  public CompletableFuture<JsonNode> getTemplate(String templateName) {
    Operation op = GET_TEMPLATE;
    return call(op, () -> {
      Args.requireId(ENGINE, op, "templateName", templateName);
      return ctx -> wire.getTemplate(ctx, templateName);
    });
  }

  @Override
  public CompletableFuture<JsonNode> listTemplates(String prefix, Integer start, Integer limit) {
    Operation op = LIST_TEMPLATES;
    return call(op, () -> {
      checkRange(op, start, limit);
      return ctx -> wire.listTemplates(ctx, prefix, start, limit);
    });
  }

  @Override
  public CompletableFuture<Void> deleteTemplate(String templateName) {
    Operation op = DELETE_TEMPLATE;
    return call(op, () -> {
      Args.requireId(ENGINE, op, "templateName", templateName);
      return ctx -> wire.deleteTemplate(ctx, templateName);
    });
  }

  @Override
  public CompletableFuture<JsonNode> createWorkflow(String templateName, String graphName, String agency,
      String description, Object parameters) {
    Operation op = CREATE_WORKFLOW;
    return call(op, () -> {
      Args.requireId(ENGINE, op, "templateName", templateName);
      ObsNames.requireGraph(op, graphName);
      Args.requireId(ENGINE, op, "agency", agency);
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("agency", agency);
      body.put("description", description);
      body.put("parameters", JsonValues.checkValue(ENGINE, op, "parameters", parameters));
      return ctx -> wire.createWorkflow(ctx, templateName, graphName, body);
    });
  }

  @Override
  public CompletableFuture<JsonNode> getWorkflow(String graphName) {
    Operation op = GET_WORKFLOW;
    return call(op, () -> {
      ObsNames.requireGraph(op, graphName);
      return ctx -> wire.getWorkflow(ctx, graphName);
    });
  }

  @Override
  public CompletableFuture<JsonNode> listWorkflows(String prefix, Integer start, Integer limit) {
    Operation op = LIST_WORKFLOWS;
    return call(op, () -> {
      checkRange(op, start, limit);
      return ctx -> wire.listWorkflows(ctx, prefix, start, limit);
    });
  }

  @Override
  public CompletableFuture<JsonNode> updateWorkflow(String graphName, Object parameters, String description) {
    Operation op = UPDATE_WORKFLOW;
    return call(op, () -> {
      ObsNames.requireGraph(op, graphName);
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("parameters", JsonValues.checkValue(ENGINE, op, "parameters", parameters));
      body.put("description", description);
      return ctx -> wire.updateWorkflow(ctx, graphName, body);
    });
  }

  @Override
  public CompletableFuture<Void> deleteWorkflow(String graphName) {
    Operation op = DELETE_WORKFLOW;
    return call(op, () -> {
      ObsNames.requireGraph(op, graphName);
      return ctx -> wire.deleteWorkflow(ctx, graphName);
    });
  }

  @Override
  public CompletableFuture<Void> putTriggerPolicy(String bucket, Object rules) {
    Operation op = PUT_TRIGGER_POLICY;
    return call(op, () -> {
      ObsNames.requireBucket(op, bucket);
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("rules", JsonValues.checkValue(ENGINE, op, "rules", Args.requireNonNull(ENGINE, op, "rules", rules)));
      return ctx -> wire.putTriggerPolicy(ctx, bucket, body);
    });
  }

  @Override
  public CompletableFuture<JsonNode> getTriggerPolicy(String bucket) {
    Operation op = GET_TRIGGER_POLICY;
    return call(op, () -> {
      ObsNames.requireBucket(op, bucket);
      return ctx -> wire.getTriggerPolicy(ctx, bucket);
    });
  }

  @Override
  public CompletableFuture<Void> deleteTriggerPolicy(String bucket) {
    Operation op = DELETE_TRIGGER_POLICY;
    return call(op, () -> {
      ObsNames.requireBucket(op, bucket);
      return ctx -> wire.deleteTriggerPolicy(ctx, bucket);
    });
  }

  private static void checkRange(Operation op, Integer start, Integer limit) {
    if (start != null && start < 0) {
      throw Args.invalid(ENGINE, op, "start must not be negative: " + start);
    }
    if (limit != null && limit < 1) {
      throw Args.invalid(ENGINE, op, "limit must be positive: " + limit);
    }
  }
}
