/**
 * Wire fakes of the engines on the in-memory engine, fault plans, contract targets, and the standalone fake-server process.
 */
package io.flowport.testkit.fakes;
