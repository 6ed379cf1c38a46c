package io.flowport.testkit.contract;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.flowport.core.Operation;
import io.flowport.core.WorkflowClient;
import io.flowport.core.error.WorkflowException;
import io.flowport.core.model.DeployRequest;
import io.flowport.core.model.Deployment;
import io.flowport.core.model.Instance;
import io.flowport.core.model.InstanceQuery;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.TestInstance;

/**
 * The unified semantics every client must keep, as one JUnit 5 suite. Extend it, build the target
 * in {@link #createTarget()}, and run it like any test class:
 *
 * <pre>{@code
 * class MyAdapterContractTest extends WorkflowClientContract {
 *   protected ContractTarget createTarget() {
 *     return new MyTarget(MyClient.builder()...build());
 *   }
 * }
 * }</pre>
 *
 * <p>The suite speaks of {@link Scenario}s, not of files: the target supplies what its engine
 * deploys for each ({@link ContractTarget#resources(Scenario)}); the suite deploys a scenario's
 * resources the first time a test needs it, and a scenario the target cannot express skips the
 * tests that need it.
 *
 * <p>A test that needs an operation the client does not support is skipped with the reason shown
 * (never passed silently), and {@code Capabilities.unsupportedOperationsFailFast} checks every
 * such operation fails fast with {@link io.flowport.core.error.OperationNotSupportedException}. Where engines differ by design
 * (re-deploy versions, message ids), {@link Expectations} states the difference.
 *
 * <p>One target serves the whole class (real engines start slowly); tests use unique keys so they
 * don't see each other's instances. The tests come in parts of one idea each, run as nested
 * classes: {@code Capabilities}, {@code Definitions}, {@code Instances}, {@code Variables},
 * {@code Messages}, {@code Nodes} (one test per node operation) and {@code Groups} (execution
 * groups).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class WorkflowClientContract {
  /** How long any single step may take before the suite calls the client hung. */
  protected static final Duration STEP = Duration.ofSeconds(30);

  private ContractTarget target;
  private WorkflowClient client;
  private final Set<Scenario> deployed = EnumSet.noneOf(Scenario.class);

  /**
   * Makes the target; called once before the tests of the class.
   *
   * @return the contract target
   * @throws Exception when the target cannot be made (an engine that does not start); the class's tests fail with it
   */
  protected abstract ContractTarget createTarget() throws Exception;

  @BeforeAll
  void startTarget() throws Exception {
    target = createTarget();
    client = target.client();
  }

  @AfterAll
  void stopTarget() throws Exception {
    if (target != null) {
      target.close();
    }
  }

  /** {@return the target, for subclasses that add engine-specific tests} */
  protected ContractTarget target() {
    return target;
  }

  /** {@return the client under test} */
  protected WorkflowClient client() {
    return client;
  }

  // ------------------------------------------------------------------ the parts

  @Nested
  class Capabilities extends CapabilitiesContract {
    @Override
    WorkflowClientContract contract() {
      return WorkflowClientContract.this;
    }
  }

  @Nested
  class Definitions extends DefinitionsContract {
    @Override
    WorkflowClientContract contract() {
      return WorkflowClientContract.this;
    }
  }

  @Nested
  class Instances extends InstancesContract {
    @Override
    WorkflowClientContract contract() {
      return WorkflowClientContract.this;
    }
  }

  @Nested
  class Variables extends VariablesContract {
    @Override
    WorkflowClientContract contract() {
      return WorkflowClientContract.this;
    }
  }

  @Nested
  class Messages extends MessagesContract {
    @Override
    WorkflowClientContract contract() {
      return WorkflowClientContract.this;
    }
  }

  @Nested
  class Nodes extends NodesContract {
    @Override
    WorkflowClientContract contract() {
      return WorkflowClientContract.this;
    }
  }

  @Nested
  class Groups extends GroupsContract {
    @Override
    WorkflowClientContract contract() {
      return WorkflowClientContract.this;
    }
  }

  // ------------------------------------------------------------------ helpers

  /**
   * Skips the test, with the reason shown, when the client does not support {@code op}.
   *
   * @param op the op
   */
  protected void require(Operation op) {
    assumeTrue(supports(op), () -> client.engine() + " does not support '" + op + "'");
  }

  /** Skips the test when the engine has no business keys. */
  protected void requireBusinessKeys() {
    assumeTrue(target.expectations().businessKeys(), () -> client.engine() + " has no business keys");
  }

  /**
   * {@return whether the client supports {@code op}}
   *
   * @param op the op
   */
  protected boolean supports(Operation op) {
    return client.capabilities().supports(op);
  }

  /**
   * {@return the target's resources for {@code scenario}; skips the test, naming it, when there are none}
   *
   * @param scenario the scenario
   */
  protected DeployRequest resources(Scenario scenario) {
    Optional<DeployRequest> request = target.resources(scenario);
    assumeTrue(request.isPresent(), () -> client.engine() + " has no resources for scenario " + scenario);
    return request.get();
  }

  /**
   * {@return the id to start {@code scenario} by, deploying its resources the first time (when the client
   * deploys; otherwise the target has put the definition there)} Skips the test when the target
   * has no resources for it.
   *
   * @param scenario the scenario
   */
  protected String definition(Scenario scenario) {
    String id = target.definitionId(scenario);
    if (!deployed.contains(scenario) && supports(Operation.DEPLOY)) {
      Deployment d = await(client.definitions().deploy(resources(scenario)));
      assertFalse(d.definitions().isEmpty(), () -> "deploying " + scenario + " reports its definition: " + d);
      deployed.add(scenario);
    }
    return id;
  }

  /** {@return a fresh key, so tests sharing one engine do not see each other's instances} */
  protected static String unique() {
    return "c-" + UUID.randomUUID().toString().substring(0, 13);
  }

  /**
   * {@return the future's value; fails the test if it does not complete within {@link #STEP}}
   *
   * @param <T> the type of the result
   * @param future the future
   */
  protected static <T> T await(CompletableFuture<T> future) {
    try {
      return future.get(STEP.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
    } catch (TimeoutException e) {
      future.cancel(true);
      return fail("the call did not complete within " + STEP);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return fail("interrupted");
    }
  }

  /**
   * {@return the WorkflowException the future fails with; fails the test if it succeeds or hangs}
   *
   * @param future the future
   */
  protected static WorkflowException failure(CompletableFuture<?> future) {
    try {
      Object value = future.get(STEP.toMillis(), TimeUnit.MILLISECONDS);
      return fail("expected a failure, got " + value);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof WorkflowException we) {
        return we;
      }
      return fail("expected a WorkflowException, got " + cause, cause);
    } catch (TimeoutException e) {
      future.cancel(true);
      return fail("the call did not complete within " + STEP);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return fail("interrupted");
    }
  }

  /**
   * Polls {@code get} until the instance has ended (engines finish asynchronously).
   *
   * @param instanceId the engine's id of the instance
   * @return the instance
   */
  protected Instance awaitEnded(String instanceId) {
    long deadline = System.nanoTime() + STEP.toNanos();
    Instance last = null;
    while (System.nanoTime() < deadline) {
      last = await(client.instances().get(instanceId));
      if (last.state().isTerminal()) {
        return last;
      }
      pause();
    }
    return fail("instance " + instanceId + " did not end; last seen " + last);
  }

  /**
   * Polls {@code list} until an instance with the business key appears.
   *
   * @param businessKey the business key
   * @return the instance
   */
  protected Instance awaitInstanceWithBusinessKey(String businessKey) {
    long deadline = System.nanoTime() + STEP.toNanos();
    while (System.nanoTime() < deadline) {
      List<Instance> found = await(client.instances().list(
          InstanceQuery.builder().businessKey(businessKey).build())).items();
      if (!found.isEmpty()) {
        return found.get(0);
      }
      pause();
    }
    return fail("no instance with business key " + businessKey + " appeared");
  }

  private static void pause() {
    try {
      Thread.sleep(20); // polling a remote engine; in-memory engines answer at once
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      fail("interrupted");
    }
  }
}
