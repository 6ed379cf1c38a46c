/**
 * The in-memory engine: a BPMN subset, bamboo's node state machine, messages, a test clock; see testkit/README.md.
 */
package io.flowport.testkit.engine;
