package io.flowport.core;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * What a client can do. An operation that is not in this set fails fast with {@link
 * io.flowport.core.error.OperationNotSupportedException}, naming the engine and the operation.
 */
public final class Capabilities {
  private final String engine;
  private final Set<Operation> operations;

  private Capabilities(String engine, Set<Operation> operations) {
    this.engine = engine;
    this.operations = Collections.unmodifiableSet(new LinkedHashSet<>(operations));
  }

  /**
   * {@return the capabilities of {@code engine}: exactly {@code operations}}
   *
   * @param engine the engine's name, e.g. {@code "zeebe"}
   * @param operations the operations
   */
  public static Capabilities of(String engine, Set<Operation> operations) {
    return new Capabilities(engine, operations);
  }

  /** {@return the engine} */
  public String engine() {
    return engine;
  }

  /**
   * Whether the client supports an operation; the others fail fast with OperationNotSupportedException.
   *
   * @param operation an operation of the unified API or of the adapter
   * @return whether the client supports it
   */
  public boolean supports(Operation operation) {
    return operations.contains(operation);
  }

  /** {@return every supported operation, in a stable order} */
  public Set<Operation> operations() {
    return operations;
  }

  @Override
  public String toString() {
    return engine + operations;
  }
}
