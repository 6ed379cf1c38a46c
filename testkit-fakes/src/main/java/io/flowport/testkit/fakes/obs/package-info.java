/**
 * A wire fake of Huawei OBS's workflow REST API ({@link io.flowport.testkit.fakes.obs.FakeObsServer}) on the
 * in-memory engine, with V2 signature and clock-skew checks, and the OBS contract target.
 */
package io.flowport.testkit.fakes.obs;
