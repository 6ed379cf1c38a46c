/**
 * The in-memory {@link io.flowport.core.WorkflowClient} on the test kit's engine.
 */
package io.flowport.testkit;
