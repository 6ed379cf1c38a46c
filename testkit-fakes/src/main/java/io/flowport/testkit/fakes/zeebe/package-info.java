/**
 * A fake Zeebe gateway ({@link io.flowport.testkit.fakes.zeebe.FakeZeebeGateway}): the real
 * {@code gateway_protocol.Gateway} gRPC service (from {@code io.camunda:zeebe-gateway-protocol-impl})
 * in front of the in-memory engine, so a Zeebe client can be tested end to end over a socket.
 *
 * <h2>RPCs</h2>
 * <table>
 *   <caption>what each RPC does on the in-memory engine</caption>
 *   <tr><th>RPC</th><th>behaviour</th></tr>
 *   <tr><td>Topology</td><td>1 broker (node 0, the bound host/port), 1 partition (leader, healthy), replication 1,
 *       {@code gatewayVersion = "8.8.21-flowport-fake"}</td></tr>
 *   <tr><td>DeployResource</td><td>{@code .bpmn}/{@code .xml} resources → {@code engine.deploy(tenant, resources)}, all or
 *       nothing; one {@code Deployment.process} per executable process; redeploying identical bytes keeps version and key</td></tr>
 *   <tr><td>CreateProcessInstance</td><td>by bpmnProcessId ({@code version >= 0}: that version; negative: latest) or, with
 *       no id, by {@code processDefinitionKey >= 0} (Zeebe's own rule); variables must be a JSON object</td></tr>
 *   <tr><td>CreateProcessInstanceWithResult</td><td>answers when the instance is COMPLETED, with its variables
 *       (filtered by {@code fetchVariables}); DEADLINE_EXCEEDED at {@code requestTimeout} (0: 10 s). The answer comes
 *       from the engine's completion future and a scheduler, never from a blocked gRPC thread</td></tr>
 *   <tr><td>CancelProcessInstance</td><td>{@code engine.cancel}; unknown or ended → NOT_FOUND</td></tr>
 *   <tr><td>PublishMessage</td><td>name, correlation key, TTL (ms), message id (dedup while buffered), variables, tenant</td></tr>
 *   <tr><td>SetVariables</td><td>the element instance key is a process instance key or a job's element instance key
 *       (one flat scope per instance; {@code local} is ignored); answers a fresh key</td></tr>
 *   <tr><td>ActivateJobs</td><td>validates like the broker (max jobs, timeout, type, in that order); answers the available jobs
 *       (up to max) in one response with the instance's current variables (filtered by {@code fetchVariable}),
 *       retries and deadline (epoch ms on the engine clock). With none available it long-polls: it answers as soon as
 *       a job appears or after {@code requestTimeout} (0: 10 s, negative: at once) with no jobs</td></tr>
 *   <tr><td>CompleteJob, FailJob</td><td>{@code engine.completeJob} / {@code engine.failJob(retries, errorMessage)};
 *       retries 0 raises an incident. FailJob's {@code variables} are written to the instance; {@code retryBackOff} is ignored</td></tr>
 *   <tr><td>ThrowError</td><td>the engine has no boundary/error events, so the error is never caught: the job fails
 *       with an incident worded as Zeebe's ({@code "Expected to throw an error event with the code 'c' with message 'm',
 *       but it was not caught. No error events are available in the scope."})</td></tr>
 *   <tr><td>ResolveIncident</td><td>{@code engine.resolveIncident}: the failed node runs again with a new job</td></tr>
 *   <tr><td>UpdateJobRetries</td><td>retries &lt; 1 → INVALID_ARGUMENT; an open job gets the retries (through
 *       {@code failJob(key, retries, lastError)}, which also releases its activation); a job closed by an incident is
 *       accepted (ResolveIncident then makes a new job with the engine's default retries); else NOT_FOUND</td></tr>
 *   <tr><td>BroadcastSignal</td><td>accepted, reaches nobody: the engine refuses signal events at deploy, so no instance can
 *       wait for one (Zeebe answers the same for a signal without subscriptions)</td></tr>
 *   <tr><td>StreamActivatedJobs</td><td>a server stream until the client cancels: each job of the type and tenants
 *       (none given: the default tenant) is activated for the stream (worker, timeout) and pushed as it becomes
 *       activatable (created, failed with retries, timed out); jobs already waiting when the stream opened are left to
 *       ActivateJobs, as the broker does. Streams of a type take turns; a client not ready (flow control) is skipped.
 *       Blank type / timeout &lt; 1 → INVALID_ARGUMENT {@code "Expected to stream activated jobs with type to be present,
 *       but it was blank"} (the gateway's words)</td></tr>
 *   <tr><td>EvaluateDecision, DeployProcess, ModifyProcessInstance, MigrateProcessInstance,
 *       UpdateJobTimeout, DeleteResource</td><td>UNIMPLEMENTED ({@code "Method gateway_protocol.Gateway/X is unimplemented"})</td></tr>
 * </table>
 *
 * <h2>Errors</h2>
 * Engine failures are mapped by a table ({@code ZeebeStatuses}): NOT_FOUND reasons → NOT_FOUND,
 * ALREADY_EXISTS → ALREADY_EXISTS, INVALID_ARGUMENT / INVALID_DEFINITION → INVALID_ARGUMENT,
 * NO_START_EVENT / ILLEGAL_STATE / STALE_VERSION → FAILED_PRECONDITION (rejection type
 * INVALID_STATE), TIMEOUT → DEADLINE_EXCEEDED, with per-RPC rows where the broker words the case
 * differently (cancel, set variables, throw error, update retries). Descriptions read
 * {@code "Command '<INTENT>' rejected with code '<TYPE>': <message>"} as the real engine's do (see
 * {@code shared/reference/real-engines.md}, section A) and carry a {@code grpc-status-details-bin}
 * trailer. Deploy errors read
 * {@code "... Expected to deploy new resources, but encountered the following errors:\n'<name>': <engine message>"};
 * a resource that is not BPMN gives {@code "\n'hello.txt': unknown resource type"} (the blank line is Zeebe's).
 *
 * <h2>Faults ({@link io.flowport.testkit.fakes.FaultPlan}, by gRPC method name)</h2>
 * <table>
 *   <caption>how each fault shows on gRPC</caption>
 *   <tr><th>fault</th><th>answer</th><th>request reaches the engine?</th></tr>
 *   <tr><td>BACK_PRESSURE</td><td>RESOURCE_EXHAUSTED "Reached maximum capacity of requests handled"</td><td>no</td></tr>
 *   <tr><td>UNAVAILABLE</td><td>UNAVAILABLE "Cannot accept requests for partition 1. ..."</td><td>no</td></tr>
 *   <tr><td>LATENCY</td><td>the normal answer after the delay (scheduled, no thread blocked)</td><td>yes, after the delay,
 *       even if the client gave up meanwhile — as with a real engine, a timed-out create may still have created</td></tr>
 *   <tr><td>RESET</td><td>netty: the client's TCP connection is closed with SO_LINGER 0 (an RST; every call on that
 *       connection fails UNAVAILABLE and the client reconnects). In-process: the call is closed with
 *       UNAVAILABLE "connection reset"</td><td>no</td></tr>
 *   <tr><td>RESET_AFTER_PROCESSING</td><td>the RPC runs; where its answer would leave, the connection is killed as
 *       for RESET</td><td>yes: the engine did the work, the client gets no answer</td></tr>
 *   <tr><td>MALFORMED_BODY, HTML_ERROR, EMPTY_BODY</td><td>not applicable to gRPC (protobuf framing): INTERNAL with a
 *       garbage description ({@code {"garbage": tru}}, an HTML 502 page, or none)</td><td>no</td></tr>
 * </table>
 * Every call is logged in {@link io.flowport.testkit.fakes.RequestLog} when it arrives, before
 * its fault is taken.
 *
 * <h2>Measured against the real engine</h2>
 * it-zeebe's {@code ZeebeDifferentialTest} sends one scripted list of raw gRPC requests (every RPC
 * the Zeebe adapter makes, the error cases of its error table) to this gateway and to the real Zeebe
 * engine's, and compares status codes, descriptions and every response field. What it found and what
 * was changed to match: a job's {@code elementInstanceKey} is a key of its own (SetVariables accepts
 * it and writes the instance's scope); the topology's broker version is the protocol's
 * ({@code 8.8.21}); CreateProcessInstanceWithResult rejections name the command
 * {@code CREATE_WITH_AWAITING_RESULT}; UpdateJobRetries on an unknown job reads "Expected to update
 * job with key ..."; completing or failing a job whose retries ran out is INVALID_STATE
 * {@code "... but it is in state 'FAILED'"}; a service task without a task type and a root element
 * outside the BPMN namespace are worded as Zeebe's validator and schema word them.
 *
 * <h2>Deliberate differences from the real engine</h2>
 * <ul>
 *   <li>Keys: the fake's own (the test numbers them by first sight). {@code gatewayVersion} is
 *       {@code "8.8.21-flowport-fake"}: it says what answers.</li>
 *   <li>{@code tenantId} is {@code "<default>"} in answers, as Zeebe 8.3+ gateways send it without
 *       multi-tenancy; zeebe-process-test's in-process gateway leaves it empty.</li>
 *   <li>Variables that are valid JSON but not an object (e.g. {@code [1,2]}) → INVALID_ARGUMENT
 *       {@code "Property 'variables' is invalid: Expected document to be a root level object, but was 'ARRAY'"},
 *       as the proto documents. Zeebe's test engine answers UNKNOWN "Application error processing RPC" there.</li>
 *   <li>CreateProcessInstanceWithResult honours {@code requestTimeout} and answers DEADLINE_EXCEEDED
 *       {@code "Time out between gateway and broker: ..."} (the prefix is the gateway's; the rest is ours). The real
 *       test engine ignores it and the client's own deadline fires. An instance that is cancelled or fails never
 *       answers (neither does Zeebe's); the request timeout does.</li>
 *   <li>Start instructions and runtime instructions → UNIMPLEMENTED. DMN and forms are refused at deploy.</li>
 *   <li>The in-memory engine's BPMN subset, and its own messages for invalid BPMN other than the two cases above
 *       (the prefix is Zeebe's, the element message is the engine's).</li>
 *   <li>One variable scope per instance: SetVariables on a job's element instance key writes the process
 *       instance's variables ({@code local} is ignored). Custom headers are always {@code {}}. Deadlines are on
 *       the engine's {@link io.flowport.testkit.engine.TestClock}.</li>
 *   <li>ResolveIncident of a job incident runs the node again with a new job with the engine's default retries
 *       (Zeebe needs UpdateJobRetries first, else the incident comes back).</li>
 *   <li>No authentication, authorization or multi-tenancy checks; a tenant id is passed to the engine as given.</li>
 * </ul>
 */
package io.flowport.testkit.fakes.zeebe;
