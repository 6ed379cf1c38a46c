/**
 * How the standalone {@link io.flowport.testkit.fakes.FakeServers} finds the engines' fakes:
 * {@link io.flowport.testkit.fakes.spi.FakeServerProvider} through {@link java.util.ServiceLoader}.
 */
package io.flowport.testkit.fakes.spi;
