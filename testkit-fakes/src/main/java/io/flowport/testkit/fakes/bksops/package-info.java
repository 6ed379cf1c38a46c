/**
 * A wire fake of bk-sops' API gateway on the in-memory engine: {@link io.flowport.testkit.fakes.bksops.FakeBkSopsServer}.
 */
package io.flowport.testkit.fakes.bksops;
