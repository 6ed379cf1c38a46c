package io.flowport.rest.obs;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowport.core.ClientOptions;
import io.flowport.core.Operation;
import io.flowport.core.spi.AdapterClient;
import io.flowport.core.spi.Args;
import io.flowport.rest.RestCalls;
import io.flowport.rest.RestClientBuilder;
import io.flowport.rest.RestTransport;
import io.flowport.rest.obs.internal.ObsBackend;
import io.flowport.rest.obs.internal.ObsIds;
import io.flowport.rest.obs.internal.ObsWire;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * The Huawei OBS workflow client: the unified {@link io.flowport.core.WorkflowClient} over OBS's
 * workflow REST API, and the SDK's own operations ({@link ObsOperations}). Both share one executor
 * (retries, timeouts, listeners) and one signed HTTP transport.
 *
 * <pre>{@code
 * try (ObsClient client = ObsClient.builder()
 *     .baseUrl("https://obs.cn-north-4.myhuaweicloud.com")
 *     .credentials(ObsCredentials.of(System.getenv("AccessKeyID"), System.getenv("SecretAccessKey")))
 *     .defaultObject("my-bucket", "folder/input.txt")        // what unified starts run on
 *     .build()) {
 *   ObsStartResult started = client.startWorkflow("my-graph", "my-bucket", "folder/test.txt", Map.of("k", "v")).join();
 *   Instance execution = client.instances().get(ObsClient.instanceId("my-graph", started.executionName())).join();
 * }
 * }</pre>
 *
 * <p>Unified words: definition = graph name; instance = execution, id {@code <graph>/<execution>};
 * variables = the execution's inputs; retry = restore a FAILED execution; node tree = the state
 * map. OBS has no deploy, cancel, suspend, delete, variable writes or messages. Request ids are
 * read from {@code x-obs-request-id}. Thread-safe; {@link #close()} cancels calls in flight and
 * releases connections and threads.
 */
public final class ObsClient extends AdapterClient<ObsBackend> implements ObsOperations {
  /** The engine name. */
  public static final String ENGINE = "obs";
  /** The header OBS sends its request id in ({@code x-amz-request-id} is read too, as the SDK does). */
  public static final String REQUEST_ID_HEADER = "x-obs-request-id";

  /** The operations of {@link ObsOperations}. */
  private static final Set<Operation> OPERATIONS = Set.of(START_WORKFLOW, LIST_EXECUTIONS, GET_EXECUTION,
      RESTORE_EXECUTION, CREATE_TEMPLATE, GET_TEMPLATE, LIST_TEMPLATES, DELETE_TEMPLATE, CREATE_WORKFLOW, GET_WORKFLOW,
      LIST_WORKFLOWS, UPDATE_WORKFLOW, DELETE_WORKFLOW, PUT_TRIGGER_POLICY, GET_TRIGGER_POLICY, DELETE_TRIGGER_POLICY);
  private static final Set<String> TYPES = Set.of(ObsExecutionQuery.APICALL, ObsExecutionQuery.TRIGGERCAL);
  private static final Set<String> STATES = Set.of(ObsStates.RUNNING, ObsStates.SUCCESS, ObsStates.FAILED);

  private final String baseUrl;

  private ObsClient(ObsBackend backend, ClientOptions options, String baseUrl) {
    super(backend, options, OPERATIONS);
    this.baseUrl = baseUrl;
  }

  /** {@return a builder; {@code baseUrl} (OBS's endpoint) is required} */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * {@return the unified instance id of execution {@code executionName} of graph {@code graphName}}
   *
   * @param graphName the graph's name
   * @param executionName the execution's name
   */
  public static String instanceId(String graphName, String executionName) {
    return ObsIds.instanceId(graphName, executionName);
  }

  /** {@return the base URL requests go to} */
  public String baseUrl() {
    return baseUrl;
  }

  @Override
  public CompletableFuture<ObsStartResult> startWorkflow(String graphName, String bucket, String object,
      Map<String, ?> inputs) {
    Operation op = START_WORKFLOW;
    return call(op, check -> {
      ObsNames.requireGraph(op, graphName);
      ObsNames.requireBucket(op, bucket);
      ObsNames.requireObject(op, object);
      Map<String, Object> checked = inputs == null ? null : check.variables(inputs);
      return ctx -> backend().wire().start(ctx, graphName, bucket, object, checked);
    });
  }

  @Override
  public CompletableFuture<ObsExecutionPage> listExecutions(ObsExecutionQuery query) {
    Operation op = LIST_EXECUTIONS;
    return call(op, check -> {
      check.nonNull("query", query);
      ObsNames.requireGraph(op, query.graphName());
      if (query.type() != null && !TYPES.contains(query.type())) {
        throw check.invalid("the execution type is APICALL or TRIGGERCAL, not " + query.type());
      }
      if (query.limit() != null && (query.limit() < 1 || query.limit() > ObsExecutionQuery.MAX_LIMIT)) {
        throw check.invalid("the limit is 1 to " + ObsExecutionQuery.MAX_LIMIT + ", not " + query.limit());
      }
      if (query.state() != null && !STATES.contains(query.state())) {
        throw check.invalid("the execution state is RUNNING, SUCCESS or FAILED, not " + query.state());
      }
      if (query.marker() != null && query.marker().isBlank()) {
        throw check.invalid("the marker is blank");
      }
      if (query.state() == null) {
        return ctx -> backend().wire().page(ctx, query.graphName(), query.type(), query.marker(), query.limit());
      }
      return ctx -> backend().wire().filtered(ctx, query);
    });
  }

  @Override
  public CompletableFuture<ObsExecution> getExecution(String executionName, String graphName) {
    Operation op = GET_EXECUTION;
    return call(op, check -> {
      check.id("executionName", executionName);
      ObsNames.requireGraph(op, graphName);
      return ctx -> backend().wire().execution(ctx, executionName, graphName);
    });
  }

  @Override
  public CompletableFuture<ObsRestoreResult> restoreExecution(String executionName, String graphName) {
    Operation op = RESTORE_EXECUTION;
    return call(op, check -> {
      check.id("executionName", executionName);
      ObsNames.requireGraph(op, graphName);
      return ctx -> backend().wire().restore(ctx, executionName, graphName);
    });
  }

  @Override
  public CompletableFuture<JsonNode> createTemplate(String templateName, String description, Object states,
      Object inputs, Object tags) {
    Operation op = CREATE_TEMPLATE;
    return call(op, check -> {
      check.id("templateName", templateName);
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("description", description);
      body.put("states", check.value("states", states));
      body.put("inputs", check.value("inputs", inputs));
      body.put("tags", check.value("tags", tags));
      return ctx -> backend().wire().createTemplate(ctx, templateName, body);
    });
  }

  @Override
  public CompletableFuture<JsonNode> getTemplate(String templateName) {
    Operation op = GET_TEMPLATE;
    return call(op, check -> {
      check.id("templateName", templateName);
      return ctx -> backend().wire().getTemplate(ctx, templateName);
    });
  }

  @Override
  public CompletableFuture<JsonNode> listTemplates(String prefix, Integer start, Integer limit) {
    Operation op = LIST_TEMPLATES;
    return call(op, check -> {
      checkRange(op, start, limit);
      return ctx -> backend().wire().listTemplates(ctx, prefix, start, limit);
    });
  }

  @Override
  public CompletableFuture<Void> deleteTemplate(String templateName) {
    Operation op = DELETE_TEMPLATE;
    return call(op, check -> {
      check.id("templateName", templateName);
      return ctx -> backend().wire().deleteTemplate(ctx, templateName);
    });
  }

  @Override
  public CompletableFuture<JsonNode> createWorkflow(String templateName, String graphName, String agency,
      String description, Object parameters) {
    Operation op = CREATE_WORKFLOW;
    return call(op, check -> {
      check.id("templateName", templateName);
      ObsNames.requireGraph(op, graphName);
      check.id("agency", agency);
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("agency", agency);
      body.put("description", description);
      body.put("parameters", check.value("parameters", parameters));
      return ctx -> backend().wire().createWorkflow(ctx, templateName, graphName, body);
    });
  }

  @Override
  public CompletableFuture<JsonNode> getWorkflow(String graphName) {
    Operation op = GET_WORKFLOW;
    return call(op, check -> {
      ObsNames.requireGraph(op, graphName);
      return ctx -> backend().wire().getWorkflow(ctx, graphName);
    });
  }

  @Override
  public CompletableFuture<JsonNode> listWorkflows(String prefix, Integer start, Integer limit) {
    Operation op = LIST_WORKFLOWS;
    return call(op, check -> {
      checkRange(op, start, limit);
      return ctx -> backend().wire().listWorkflows(ctx, prefix, start, limit);
    });
  }

  @Override
  public CompletableFuture<JsonNode> updateWorkflow(String graphName, Object parameters, String description) {
    Operation op = UPDATE_WORKFLOW;
    return call(op, check -> {
      ObsNames.requireGraph(op, graphName);
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("parameters", check.value("parameters", parameters));
      body.put("description", description);
      return ctx -> backend().wire().updateWorkflow(ctx, graphName, body);
    });
  }

  @Override
  public CompletableFuture<Void> deleteWorkflow(String graphName) {
    Operation op = DELETE_WORKFLOW;
    return call(op, check -> {
      ObsNames.requireGraph(op, graphName);
      return ctx -> backend().wire().deleteWorkflow(ctx, graphName);
    });
  }

  @Override
  public CompletableFuture<Void> putTriggerPolicy(String bucket, Object rules) {
    Operation op = PUT_TRIGGER_POLICY;
    return call(op, check -> {
      ObsNames.requireBucket(op, bucket);
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("rules", check.value("rules", check.nonNull("rules", rules)));
      return ctx -> backend().wire().putTriggerPolicy(ctx, bucket, body);
    });
  }

  @Override
  public CompletableFuture<JsonNode> getTriggerPolicy(String bucket) {
    Operation op = GET_TRIGGER_POLICY;
    return call(op, check -> {
      ObsNames.requireBucket(op, bucket);
      return ctx -> backend().wire().getTriggerPolicy(ctx, bucket);
    });
  }

  @Override
  public CompletableFuture<Void> deleteTriggerPolicy(String bucket) {
    Operation op = DELETE_TRIGGER_POLICY;
    return call(op, check -> {
      ObsNames.requireBucket(op, bucket);
      return ctx -> backend().wire().deleteTriggerPolicy(ctx, bucket);
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


  @Override
  public String toString() {
    return "ObsClient{" + baseUrl + "}";
  }

  /** Builds an {@link ObsClient}: base URL (OBS's endpoint), credentials (usually {@link ObsCredentials}), options. */
  public static final class Builder extends RestClientBuilder<Builder, ObsClient> {
    private String bucket;
    private String object;

    private Builder() {
      super(ENGINE);
    }

    /**
     * {@return the object unified {@code instances().start(..)} runs workflows on (OBS starts a workflow on
     * an object of a bucket); checked against {@link ObsNames} here} Without it, unified starts fail
     * with ClientValidationException and {@link ObsClient#startWorkflow} is the way to start.
     *
     * @param bucket the bucket
     * @param object the object
     * @throws IllegalArgumentException when a name breaks OBS's rules
     */
    public Builder defaultObject(String bucket, String object) {
      ObsNames.bucketProblem(bucket).ifPresent(p -> {
        throw new IllegalArgumentException(p);
      });
      ObsNames.objectProblem(object).ifPresent(p -> {
        throw new IllegalArgumentException(p);
      });
      this.bucket = bucket;
      this.object = object;
      return this;
    }

    @Override
    protected void adapterTransport(RestTransport.Builder transport) {
      transport.requestIdHeaders(REQUEST_ID_HEADER, "x-amz-request-id");
    }

    /** With {@link ObsCredentials}, a 403 {@code RequestTimeTooSkewed} corrects their clock and the request is signed and sent once more. */
    @Override
    protected ObsClient create(RestTransport transport, ClientOptions options) {
      ObsWire wire = new ObsWire(new RestCalls(transport, ObsErrors.READER),
          credentials() instanceof ObsCredentials c ? c : null);
      return new ObsClient(new ObsBackend(ENGINE, wire, bucket, object), options, transport.baseUrl());
    }
  }
}
