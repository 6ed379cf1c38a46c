/**
 * Not API: the engine's core, BPMN parser and condition compiler.
 */
package io.flowport.testkit.engine.internal;
