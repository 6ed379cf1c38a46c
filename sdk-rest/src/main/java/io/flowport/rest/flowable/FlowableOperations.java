package io.flowport.rest.flowable;

import io.flowport.core.Operation;
import io.flowport.core.model.Instance;
import io.flowport.core.model.Page;
import io.flowport.core.model.StartRequest;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * What only Flowable has, implemented by {@link FlowableClient}: involved people, binary
 * variables, queries with variable filters, diagrams, signals, start options and messages to one
 * instance. Same rules as the unified API: every call returns a future and never throws, errors
 * are the unified exceptions, retries and timeouts come from the client's options, and cancelling
 * a future cancels the call on the wire.
 */
public interface FlowableOperations {
  /** {@code "get identity links"}: idempotent, safe to repeat. */
  Operation GET_IDENTITY_LINKS = Operation.of("get identity links", true);
  /** {@code "add identity link"}: idempotent, safe to repeat. */
  Operation ADD_IDENTITY_LINK = Operation.of("add identity link", true); // Flowable does not duplicate a link
  /** {@code "remove identity link"}: idempotent, safe to repeat. */
  Operation REMOVE_IDENTITY_LINK = Operation.of("remove identity link", true);
  /** {@code "get typed variables"}: idempotent, safe to repeat. */
  Operation GET_TYPED_VARIABLES = Operation.of("get typed variables", true);
  /** {@code "create binary variable"}: not idempotent, a repeat may duplicate work. */
  Operation CREATE_BINARY_VARIABLE = Operation.of("create binary variable", false);
  /** {@code "update binary variable"}: idempotent, safe to repeat. */
  Operation UPDATE_BINARY_VARIABLE = Operation.of("update binary variable", true);
  /** {@code "get binary variable"}: idempotent, safe to repeat. */
  Operation GET_BINARY_VARIABLE = Operation.of("get binary variable", true);
  /** {@code "query instances"}: idempotent, safe to repeat. */
  Operation QUERY_INSTANCES = Operation.of("query instances", true);
  /** {@code "get diagram"}: idempotent, safe to repeat. */
  Operation GET_DIAGRAM = Operation.of("get diagram", true);
  /** {@code "start instance with options"}: not idempotent, a repeat may duplicate work. */
  Operation START_WITH_OPTIONS = Operation.of("start instance with options", false);
  /** {@code "signal"}: not idempotent, a repeat may duplicate work. */
  Operation SIGNAL = Operation.of("signal", false);
  /** {@code "message instance"}: not idempotent, a repeat may duplicate work. */
  Operation MESSAGE_INSTANCE = Operation.of("message instance", false);
  /** {@code "complete task"}: not idempotent, a repeat may duplicate work. */
  Operation COMPLETE_TASK = Operation.of("complete task", false);

  /**
   * Completes the instance's open user task whose definition key (the BPMN element id) is
   * {@code taskKey}, with variables ({@code GET runtime/tasks}, then {@code POST runtime/tasks/{id}});
   * ResourceNotFoundException when no such task is open.
   *
   * @param instanceId the engine's id of the instance
   * @param taskKey the task key
   * @param variables the variables, by name
   * @return a future that completes when the call has succeeded, or exceptionally with a WorkflowException
   */
  CompletableFuture<Void> completeTask(String instanceId, String taskKey, Map<String, ?> variables);

  /**
   * {@return the users involved in an instance ({@code GET runtime/process-instances/{id}/identitylinks})}
   *
   * @param instanceId the engine's id of the instance
   */
  CompletableFuture<List<IdentityLink>> getIdentityLinks(String instanceId);

  /**
   * Involves {@code userId} with link {@code type} (e.g. {@code participant}); adding it twice is harmless.
   *
   * @param instanceId the engine's id of the instance
   * @param userId the user id
   * @param type the type
   * @return a future of the identity link, or failed with a WorkflowException
   */
  CompletableFuture<IdentityLink> addIdentityLink(String instanceId, String userId, String type);

  /**
   * Removes a link; ResourceNotFoundException when there is none.
   *
   * @param instanceId the engine's id of the instance
   * @param userId the user id
   * @param type the type
   * @return a future that completes when the call has succeeded, or exceptionally with a WorkflowException
   */
  CompletableFuture<Void> removeIdentityLink(String instanceId, String userId, String type);

  /**
   * {@return every variable with its Flowable type and, for binary ones, the URL of the raw value}
   *
   * @param instanceId the engine's id of the instance
   */
  CompletableFuture<List<FlowableVariable>> getTypedVariables(String instanceId);

  /**
   * Creates a binary variable (multipart {@code POST .../variables}); AlreadyExistsException when
   * the instance has a variable of that name.
   *
   * @param instanceId the engine's id of the instance
   * @param name the name
   * @param content the content
   * @return a future of the flowable variable, or failed with a WorkflowException
   */
  CompletableFuture<FlowableVariable> createBinaryVariable(String instanceId, String name, byte[] content);

  /**
   * Creates or replaces a binary variable (multipart {@code PUT .../variables}).
   *
   * @param instanceId the engine's id of the instance
   * @param name the name
   * @param content the content
   * @return a future of the flowable variable, or failed with a WorkflowException
   */
  CompletableFuture<FlowableVariable> updateBinaryVariable(String instanceId, String name, byte[] content);

  /**
   * {@return the raw bytes of a binary (or serializable) variable, from the resource its {@code valueUrl}
   * names ({@code .../variables/{name}/data}), fetched on this client's base URL so the
   * credentials only ever go to the configured host}
   *
   * @param instanceId the engine's id of the instance
   * @param name the name
   */
  CompletableFuture<byte[]> getBinaryVariable(String instanceId, String name);

  /**
   * {@return a page of instances matching Flowable's query, variable filters included ({@code POST query/process-instances})}
   *
   * @param query what to list
   */
  CompletableFuture<Page<Instance>> query(FlowableInstanceQuery query);

  /**
   * {@return the instance's diagram as Flowable renders it (PNG bytes); RequestRejectedException when the process has no BPMN DI}
   *
   * @param instanceId the engine's id of the instance
   */
  CompletableFuture<byte[]> getDiagram(String instanceId);

  /**
   * Starts an instance with Flowable's extras: transient variables (visible to the start and gone
   * after it) and {@code returnVariables} (the answer carries the instance's variables).
   *
   * @param request what to send
   * @param transientVariables the transient variables
   * @param returnVariables the return variables
   * @return a future of the instance, or failed with a WorkflowException
   */
  CompletableFuture<Instance> start(StartRequest request, Map<String, ?> transientVariables, boolean returnVariables);

  /**
   * Throws a signal to every waiting execution ({@code POST runtime/signals}).
   *
   * @param tenantId the tenant, or null
   * @param async true to let Flowable deliver it later (then {@code variables} must be empty)
   * @param signalName the signal name
   * @param variables the variables, by name
   * @return a future that completes when the call has succeeded, or exceptionally with a WorkflowException
   */
  CompletableFuture<Void> signal(String signalName, String tenantId, Map<String, ?> variables, boolean async);

  /**
   * Delivers message {@code messageName} to the execution of {@code instanceId} that waits for it
   * (found by its message event subscription, then {@code PUT runtime/executions/{id}} with
   * {@code messageEventReceived}). InstanceNotFoundException when no execution of that instance
   * waits for it.
   *
   * @param instanceId the engine's id of the instance
   * @param messageName the message's name
   * @param variables the variables, by name
   * @return a future that completes when the call has succeeded, or exceptionally with a WorkflowException
   */
  CompletableFuture<Void> messageInstance(String instanceId, String messageName, Map<String, ?> variables);
}
