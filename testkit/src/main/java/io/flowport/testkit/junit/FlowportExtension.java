package io.flowport.testkit.junit;

import io.flowport.core.ClientOptions;
import io.flowport.core.WorkflowClient;
import io.flowport.sync.SyncWorkflowClient;
import io.flowport.testkit.InMemoryWorkflowClient;
import io.flowport.testkit.engine.EngineException;
import io.flowport.testkit.engine.EngineOptions;
import io.flowport.testkit.engine.InMemoryEngine;
import io.flowport.testkit.engine.JobHandler;
import io.flowport.testkit.engine.ProcessModel;
import io.flowport.testkit.engine.Registration;
import io.flowport.testkit.engine.TestClock;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Constructor;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.extension.LifecycleMethodExecutionExceptionHandler;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import org.opentest4j.TestAbortedException;

/**
 * A JUnit Jupiter extension that gives each test a fresh {@link InMemoryEngine}, injects it and
 * its clients, shows the engine's state when the test fails, and closes everything afterwards.
 *
 * <pre>{@code
 * @ExtendWith(FlowportExtension.class)                  // defaults: a fresh engine per test
 * class OrderTest {
 *   @Test
 *   void completes(InMemoryEngine engine, SyncWorkflowClient client) { ... }
 * }
 *
 * class ConfiguredTest {
 *   @RegisterExtension
 *   static FlowportExtension flowport = FlowportExtension.builder()
 *       .perClass()                                        // one engine for the whole class
 *       .engineOptions(EngineOptions.builder().duplicateFiltering(false).build())
 *       .deploy("bpmn/order.bpmn")                         // classpath resources, deployed on start
 *       .handler("charge", job -> job.complete(Map.of("paid", true)))
 *       .build();
 *
 *   @Test
 *   void charges(WorkflowClient client, TestClock clock) { ... }
 * }
 * }</pre>
 *
 * <h2>Injected parameters</h2>
 * Test, lifecycle-method and constructor parameters of type {@link InMemoryEngine},
 * {@link TestClock} (the engine's clock), {@link WorkflowClient} (an {@link InMemoryWorkflowClient}
 * on the engine), {@link SyncWorkflowClient} (the blocking view of that client) and
 * {@link FlowportTestContext} (all of them, plus a cleanup registry). With {@link Builder#perTest()}
 * (the default) {@code @BeforeAll} / {@code @AfterAll} methods cannot have them (there is no
 * engine yet), nor can the constructor of a {@code @TestInstance(PER_CLASS)} class.
 *
 * <h2>Lifecycle</h2>
 * The engine is created when the test (class) starts, or earlier when a parameter needs it;
 * then the {@link Builder#deploy deployments} are made and the {@link Builder#handler handlers}
 * registered. It is kept in the {@link ExtensionContext.Store} of the test (class) and closed
 * after the test's {@code @AfterEach} methods (class: {@code @AfterAll} methods): first what was
 * {@link FlowportTestContext#register registered}, then the client, then the engine. A failure
 * to close fails the test. Each engine has its own {@link TestClock}, starting where the clock of
 * the configured {@link EngineOptions} stood when {@link Builder#build()} ran, so engines never
 * share time.
 *
 * <h2>Diagnostics</h2>
 * When a test, or one of its {@code @BeforeEach} / {@code @AfterEach} methods, throws (an aborted
 * test excepted), the extension describes the engine's instances: state, variables, passed /
 * active / failed nodes, incidents and open jobs, plus the deployed definitions. With a per-test
 * engine that is every instance; with a per-class engine, the instances changed during the test
 * (every instance if none was). The report is published as the report entry
 * {@value #REPORT_KEY} and added to the failure as a suppressed {@link EngineStateReport}, so it
 * appears in the failure output. The failure itself is rethrown unchanged.
 *
 * <p>A {@code perClass()} extension must be registered through a {@code static} field.
 *
 * <p>Works on JUnit 5.10 and later and on JUnit 6: it uses only the extension API 5.10 has, and
 * the test kit takes JUnit from the user's build (an optional dependency).
 */
public final class FlowportExtension
    implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback, ParameterResolver,
        TestExecutionExceptionHandler, LifecycleMethodExecutionExceptionHandler {

  /** Key of the report entry published when a test fails. */
  public static final String REPORT_KEY = "flowport.engine";

  private static final Set<Class<?>> INJECTABLE = Set.of(
      InMemoryEngine.class, TestClock.class, WorkflowClient.class, SyncWorkflowClient.class, FlowportTestContext.class);
  private static final String CONTEXT_KEY = "context";
  private static final String RUN_KEY = "run";
  /** A per-test engine made for a test's constructor, waiting in the class's store for that test to start. */
  private static final String CONSTRUCTOR_KEY = "constructor:";

  private final boolean perClass;
  private final EngineOptions engineOptions;
  private final Instant clockStart;
  private final ClientOptions clientOptions;
  private final List<String> resources;
  private final List<ProcessModel> models;
  private final Map<String, JobHandler> handlers;
  private final Namespace namespace;

  /** The defaults, for {@code @ExtendWith(FlowportExtension.class)}: a fresh default engine per test. */
  public FlowportExtension() {
    this(new Builder());
  }

  private FlowportExtension(Builder b) {
    this.perClass = b.perClass;
    this.engineOptions = b.engineOptions;
    this.clockStart = b.engineOptions.clock().now();
    this.clientOptions = b.clientOptions;
    this.resources = List.copyOf(b.resources);
    this.models = List.copyOf(b.models);
    this.handlers = Collections.unmodifiableMap(new LinkedHashMap<>(b.handlers));
    this.namespace = Namespace.create(FlowportExtension.class, perClass ? "class" : "test");
  }

  /** {@return a builder with the defaults: per test, default engine options, nothing deployed} */
  public static Builder builder() {
    return new Builder();
  }

  // ---------------------------------------------------------------- callbacks

  @Override
  public void beforeAll(ExtensionContext context) {
    if (perClass) {
      resources(context);
    }
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    if (!perClass) {
      adoptConstructorResources(context);
    }
    FlowportTestContext ctx = resources(context).context;
    context.getStore(namespace).put(RUN_KEY, new TestRun(ctx.engine()));
  }

  @Override
  public void afterEach(ExtensionContext context) throws Exception {
    ExtensionContext.Store store = context.getStore(namespace);
    TestRun run = store.remove(RUN_KEY, TestRun.class);
    if (run != null) {
      run.close();
    }
    if (!perClass) {
      Resources r = store.remove(CONTEXT_KEY, Resources.class);
      if (r != null) {
        r.close();
      }
    }
  }

  @Override
  public void afterAll(ExtensionContext context) throws Exception {
    if (perClass) {
      Resources r = context.getStore(namespace).remove(CONTEXT_KEY, Resources.class);
      if (r != null) {
        r.close();
      }
    }
  }

  // ---------------------------------------------------------------- parameters

  @Override
  public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
    return INJECTABLE.contains(parameterContext.getParameter().getType());
  }

  @Override
  public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
    if (!perClass && extensionContext.getTestMethod().isEmpty() && isPerTestConstructor(parameterContext, extensionContext)) {
      return inject(constructorResources(extensionContext).context, parameterContext);
    }
    if (!perClass && extensionContext.getTestMethod().isEmpty()) {
      String where = parameterContext.getDeclaringExecutable() instanceof Constructor<?>
          ? "the constructor of a @TestInstance(PER_CLASS) class"
          : "'" + parameterContext.getDeclaringExecutable().getName() + "' (a class-level method)";
      throw new ParameterResolutionException("FlowportExtension makes a new engine per test, so it cannot inject "
          + parameterContext.getParameter().getType().getSimpleName() + " into " + where
          + "; inject it into test methods or @BeforeEach methods, or use FlowportExtension.builder().perClass()");
    }
    return inject(resources(extensionContext).context, parameterContext);
  }

  private static Object inject(FlowportTestContext ctx, ParameterContext parameterContext) {
    Class<?> type = parameterContext.getParameter().getType();
    if (type == InMemoryEngine.class) {
      return ctx.engine();
    } else if (type == TestClock.class) {
      return ctx.clock();
    } else if (type == WorkflowClient.class) {
      return ctx.client();
    } else if (type == SyncWorkflowClient.class) {
      return ctx.syncClient();
    }
    return ctx;
  }

  // ---------------------------------------------------------------- diagnostics

  @Override
  public void handleTestExecutionException(ExtensionContext context, Throwable throwable) throws Throwable {
    report(context, throwable);
    throw throwable;
  }

  @Override
  public void handleBeforeEachMethodExecutionException(ExtensionContext context, Throwable throwable) throws Throwable {
    report(context, throwable);
    throw throwable;
  }

  @Override
  public void handleAfterEachMethodExecutionException(ExtensionContext context, Throwable throwable) throws Throwable {
    report(context, throwable);
    throw throwable;
  }

  private void report(ExtensionContext context, Throwable failure) {
    if (failure instanceof TestAbortedException) {
      return;
    }
    for (Throwable s : failure.getSuppressed()) {
      if (s instanceof EngineStateReport) {
        return;
      }
    }
    ExtensionContext.Store store = context.getStore(namespace);
    Resources r = store.get(CONTEXT_KEY, Resources.class);
    if (r == null) {
      return;
    }
    String text;
    try {
      TestRun run = store.get(RUN_KEY, TestRun.class);
      text = Diagnostics.report(r.context.engine(), perClass && run != null ? run.touched() : null);
    } catch (RuntimeException e) {
      text = "could not describe the engine state: " + e; // e.g. the test closed the engine
    }
    try {
      context.publishReportEntry(REPORT_KEY, text);
    } catch (RuntimeException ignored) {
      // reporting must never hide the failure
    }
    failure.addSuppressed(new EngineStateReport(text));
  }

  // ---------------------------------------------------------------- state

  /** The resources of this test (per test) or of its class (per class), created on first use. */
  private Resources resources(ExtensionContext context) {
    ExtensionContext owner = context;
    if (perClass) {
      while (owner.getTestMethod().isPresent() && owner.getParent().isPresent()) {
        owner = owner.getParent().get();
      }
    }
    ExtensionContext where = owner;
    // getOrComputeIfAbsent, not computeIfAbsent: the latter only exists from JUnit 6 on.
    return owner.getStore(namespace).getOrComputeIfAbsent(CONTEXT_KEY, k -> open(where), Resources.class);
  }

  /*
   * Constructor injection of a per-test engine. JUnit before 5.12 (and later ones unless told
   * otherwise) instantiates a PER_METHOD test class in the class's context, before the test's own
   * context exists. The engine is made there, under a key of the instantiating thread, and the
   * test adopts it in beforeEach, which JUnit runs next on that thread. One not adopted (the
   * constructor threw) is closed with the class's store.
   */
  private static boolean isPerTestConstructor(ParameterContext parameterContext, ExtensionContext context) {
    return parameterContext.getDeclaringExecutable() instanceof Constructor<?>
        && context.getTestInstanceLifecycle().orElse(TestInstance.Lifecycle.PER_METHOD) == TestInstance.Lifecycle.PER_METHOD;
  }

  private Resources constructorResources(ExtensionContext context) {
    return context.getStore(namespace).getOrComputeIfAbsent(constructorKey(), k -> open(context), Resources.class);
  }

  private void adoptConstructorResources(ExtensionContext context) {
    String key = constructorKey();
    for (ExtensionContext c = context.getParent().orElse(null); c != null; c = c.getParent().orElse(null)) {
      Resources r = c.getStore(namespace).remove(key, Resources.class);
      if (r != null) {
        context.getStore(namespace).put(CONTEXT_KEY, r);
        return;
      }
    }
  }

  private static String constructorKey() {
    return CONSTRUCTOR_KEY + Thread.currentThread().getId();
  }

  private Resources open(ExtensionContext context) {
    EngineOptions options = new EngineOptions(TestClock.at(clockStart), engineOptions.duplicateFiltering(),
        engineOptions.defaultTenantId(), engineOptions.keepEndedInstances(), engineOptions.defaultJobRetries());
    InMemoryEngine engine = InMemoryEngine.create(options);
    try {
      ClassLoader loader = context.getTestClass().map(Class::getClassLoader)
          .orElseGet(() -> Thread.currentThread().getContextClassLoader());
      for (String resource : resources) {
        deploy(engine, loader, resource);
      }
      for (ProcessModel model : models) {
        try {
          engine.deploy(model);
        } catch (EngineException e) {
          throw new ExtensionConfigurationException("FlowportExtension could not deploy the model: " + e.getMessage(), e);
        }
      }
      handlers.forEach(engine::registerHandler);
      WorkflowClient client = clientOptions == null
          ? InMemoryWorkflowClient.create(engine)
          : InMemoryWorkflowClient.create(engine, clientOptions);
      return new Resources(new FlowportTestContext(engine, client));
    } catch (RuntimeException | Error e) {
      engine.close();
      throw e;
    }
  }

  private static void deploy(InMemoryEngine engine, ClassLoader loader, String resource) {
    String path = resource.startsWith("/") ? resource.substring(1) : resource;
    byte[] bytes;
    try (InputStream in = loader.getResourceAsStream(path)) {
      if (in == null) {
        throw new ExtensionConfigurationException(
            "FlowportExtension could not deploy '" + resource + "': no such classpath resource");
      }
      bytes = in.readAllBytes();
    } catch (IOException e) {
      throw new ExtensionConfigurationException("FlowportExtension could not read '" + resource + "': " + e, e);
    }
    try {
      engine.deploy(path, bytes);
    } catch (EngineException e) {
      throw new ExtensionConfigurationException(
          "FlowportExtension could not deploy '" + resource + "': " + e.getMessage(), e);
    }
  }

  /**
   * The test context as a store value: closed by the extension, or by JUnit if the extension could
   * not. JUnit 5.10 closes {@code CloseableResource} values, JUnit 6 {@code AutoCloseable} ones
   * (and only once if a value is both).
   */
  @SuppressWarnings("deprecation") // CloseableResource: deprecated in JUnit 6, the only kind JUnit 5.10 closes
  private static final class Resources implements AutoCloseable, ExtensionContext.Store.CloseableResource {
    final FlowportTestContext context;

    Resources(FlowportTestContext context) {
      this.context = context;
    }

    @Override
    public void close() throws Exception {
      context.close();
    }
  }

  /** One test's view of the engine: which instances changed while it ran. */
  private static final class TestRun implements AutoCloseable {
    private final Set<String> touched = Collections.synchronizedSet(new LinkedHashSet<>());
    private final Registration registration;

    TestRun(InMemoryEngine engine) {
      this.registration = engine.onChange(s -> touched.add(s.id()));
    }

    List<String> touched() {
      synchronized (touched) {
        return new ArrayList<>(touched);
      }
    }

    @Override
    public void close() {
      try {
        registration.close();
      } catch (RuntimeException ignored) {
        // the engine may already be closed
      }
    }
  }

  // ---------------------------------------------------------------- builder

  /** Builds a configured {@link FlowportExtension}; register it with {@code @RegisterExtension}. */
  public static final class Builder {
    private boolean perClass;
    private EngineOptions engineOptions = EngineOptions.defaults();
    private ClientOptions clientOptions;
    private final List<String> resources = new ArrayList<>();
    private final List<ProcessModel> models = new ArrayList<>();
    private final Map<String, JobHandler> handlers = new LinkedHashMap<>();

    private Builder() {}

    /** {@return a fresh engine for every test (the default)} */
    public Builder perTest() {
      this.perClass = false;
      return this;
    }

    /**
     * {@return one engine for all tests of the class, created before {@code @BeforeAll} methods and closed
     * after {@code @AfterAll} methods} Register the extension in a {@code static} field.
     */
    public Builder perClass() {
      this.perClass = true;
      return this;
    }

    /**
     * Options of every engine made. Each engine gets its own {@link TestClock}, starting at the
     * instant the clock of these options shows when {@link #build()} runs.
     *
     * @param options the options
     * @return this builder
     */
    public Builder engineOptions(EngineOptions options) {
      this.engineOptions = Objects.requireNonNull(options, "options == null");
      return this;
    }

    /**
     * Options of the injected {@link WorkflowClient} (default: no retries, as the engine never pushes back).
     *
     * @param options the options
     * @return this builder
     */
    public Builder clientOptions(ClientOptions options) {
      this.clientOptions = Objects.requireNonNull(options, "options == null");
      return this;
    }

    /**
     * Classpath resources (BPMN) deployed, in order, into every engine when it is created; the
     * resource name is the path. A missing or invalid resource fails the test with an
     * {@link ExtensionConfigurationException}.
     *
     * @param classpathResources the classpath resources
     * @return this builder
     */
    public Builder deploy(String... classpathResources) {
      Objects.requireNonNull(classpathResources, "classpathResources == null");
      for (String r : classpathResources) {
        if (r == null || r.isBlank()) {
          throw new IllegalArgumentException("classpath resource must not be null or blank");
        }
        resources.add(r);
      }
      return this;
    }

    /**
     * Builder-made models deployed into every engine, after the classpath resources.
     *
     * @param processModels the process models
     * @return this builder
     */
    public Builder deploy(ProcessModel... processModels) {
      Objects.requireNonNull(processModels, "processModels == null");
      for (ProcessModel m : processModels) {
        models.add(Objects.requireNonNull(m, "process model == null"));
      }
      return this;
    }

    /**
     * {@return a job handler registered on every engine after the deployments (it replaces an earlier one
     * of the same type)} The same handler object serves every engine, so keep it free of
     * per-test state.
     *
     * @param jobType the job type
     * @param handler the handler
     */
    public Builder handler(String jobType, JobHandler handler) {
      if (jobType == null || jobType.isBlank()) {
        throw new IllegalArgumentException("jobType must not be null or blank");
      }
      handlers.put(jobType, Objects.requireNonNull(handler, "handler == null"));
      return this;
    }

    /** {@return the build} */
    public FlowportExtension build() {
      return new FlowportExtension(this);
    }
  }
}
