/**
 * The Flowable 7.2.0 process REST wire fake: {@link io.flowport.testkit.fakes.flowable.FakeFlowableServer}.
 * {@code ...flowable.internal} is not API.
 *
 * <h2>Measured against the real Flowable</h2>
 * it-flowable's {@code FlowableDifferentialTest} sends one scripted list of raw HTTP requests (every
 * request the Flowable adapter makes, the error cases of its error table, the fields a user reads)
 * to this fake and to the real Flowable 7.2.0, and compares status, media type and every body field
 * and value. What it found and what was changed to match: links carry ids and names unencoded
 * ({@code .../identitylinks/users/miss piggy/participant}); a process instance's {@code activityId}
 * is null (its child executions hold the activities, with their own ids and {@code parentId}); the
 * start answer carries the instance's variables with or without {@code returnVariables}; suspend and
 * activate answer without {@code processDefinitionName}; one variable read or written alone has
 * {@code scope} null, in lists {@code "local"} ({@code "global"} in history); dates are ISO instants
 * ({@code 2026-01-02T03:04:05Z}) and timestamps {@code yyyy-MM-ddTHH:mm:ss.SSSZ}; a user task's
 * {@code flowable:assignee} is its assignee and a participant of the instance; a deployment is named
 * by {@code ?deploymentName=} only (a form field of that name is ignored, its tenant form field is
 * not), else after its file up to the first dot; XML parse errors and service tasks without an
 * implementation are worded as Flowable words them; {@code history/historic-variable-instances},
 * {@code .../variables/{name}/data}, {@code .../diagram} and {@code runtime/signals} are served;
 * binary variables are (multipart create, 500 "already present" on a second create, multipart PUT
 * of one, {@code valueUrl} to their data, listed in history too).
 *
 * <h2>Differences that remain, and why</h2>
 * <ul>
 *   <li>Ids: Flowable's are UUIDs; the fake's are the in-memory engine's keys (the test numbers ids by
 *       first sight, so references between answers still compare).</li>
 *   <li>Order: Flowable lists an instance's variables and identity links in no fixed order (a HashMap,
 *       rows by random UUID); the fake in the engine's and in creation order (compared as sets).</li>
 *   <li>Invalid BPMN other than the two cases above: the message is the in-memory engine's (status
 *       500 and the error shape are Flowable's); its BPMN subset is not Flowable's.</li>
 *   <li>Assignee expressions ({@code ${...}}) are not evaluated: such tasks stay unassigned.</li>
 *   <li>Diagrams are never rendered: every instance answers 400 "has no graphical notation defined",
 *       as Flowable does for BPMN without diagram interchange.</li>
 *   <li>Signals reach no one (the engine has no signal events): 204 (202 when async), as Flowable
 *       answers a signal without subscriptions.</li>
 *   <li>Binary variables live beside the engine: process conditions do not see them. Timer jobs
 *       ({@code management/timer-jobs}) are not served.</li>
 * </ul>
 */
package io.flowport.testkit.fakes.flowable;
