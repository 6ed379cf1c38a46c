package io.flowport.testkit.engine;

/** Handle of a registered listener or handler; {@link #close()} removes it. Idempotent. */
@FunctionalInterface
public interface Registration extends AutoCloseable {
  @Override
  void close();
}
