package io.flowport.testkit.fakes.campaign;

import io.flowport.core.ClientOptions;
import io.flowport.core.Operation;
import io.flowport.core.RetryPolicy;
import io.flowport.core.WorkflowClient;
import io.flowport.core.error.IllegalTransitionException;
import io.flowport.core.error.InstanceNotFoundException;
import io.flowport.core.error.WorkflowException;
import io.flowport.core.model.MessageRequest;
import io.flowport.core.spi.CallExecutor;
import io.flowport.testkit.engine.Registration;
import io.flowport.testkit.fakes.Fault;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * The fault campaign every adapter runs over its wire fake (issue 16): a seeded mix of starts (not
 * idempotent), reads, cancels, variable writes and publishes with and without a message id (and
 * with a time to live of zero or not), with about 20% of the fake's requests given a fault (back
 * pressure, unavailable, short and long latency, a reset before and one after the request is
 * processed, malformed, HTML and empty bodies). Up to {@value #IN_FLIGHT} calls run at once.
 *
 * <p>It counts from the engine behind the fake: each start and publish carries a unique tag
 * variable, and every instance the engine makes is noted by tag as it appears, so a duplicate, a
 * failure the engine did run and a success it never ran are seen whatever the client believed.
 * The order of calls and faults is the seed's; which request takes a fault depends on timing, so
 * failure counts vary a little between runs, the zero targets never.
 *
 * <p>Size: {@code -Dflowport.campaign.calls} (default {@value #DEFAULT_CALLS}; the
 * {@code campaign-full} profile sets 10,000), seed {@code -Dflowport.campaign.seed}.
 */
public final class FaultCampaign {
  static final int DEFAULT_CALLS = 600;
  static final long DEFAULT_SEED = 16;
  private static final int IN_FLIGHT = 8;
  private static final double FAULT_RATE = 0.2;
  /** Long enough on a loaded machine for a call without fault; long latency faults exceed it. */
  static final Duration ATTEMPT_TIMEOUT = Duration.ofMillis(800);
  private static final Duration LONG_LATENCY = Duration.ofMillis(1500);
  private static final List<Fault> FAULTS = List.of(Fault.backPressure(), Fault.unavailable(),
      Fault.latency(Duration.ofMillis(30)), Fault.latency(LONG_LATENCY), Fault.reset(), Fault.resetAfterProcessing(),
      Fault.malformedBody(), Fault.htmlError(), Fault.emptyBody());

  private enum Kind { START, READ, CANCEL, WRITE, PUBLISH_ID, PUBLISH_ID_TTL, PUBLISH }

  private final CampaignTarget target;
  private final int calls;
  private final long seed;
  private final Predicate<String> fakeThreads;

  private final Map<String, Set<String>> instancesByTag = new ConcurrentHashMap<>();
  private final Map<String, Throwable> startOutcomes = new ConcurrentHashMap<>();
  private final Map<String, Throwable> publishOutcomes = new ConcurrentHashMap<>();
  private final Map<String, Integer> failures = new ConcurrentHashMap<>();
  private final List<String> live = new ArrayList<>(); // started, not cancelled; guarded by itself
  private final AtomicInteger untyped = new AtomicInteger();
  private final AtomicInteger cancelsMisreported = new AtomicInteger();

  private FaultCampaign(CampaignTarget target, int calls, long seed, Predicate<String> fakeThreads) {
    this.target = target;
    this.calls = calls;
    this.seed = seed;
    this.fakeThreads = fakeThreads;
  }

  /** Runs the campaign on {@code target} at the configured size; {@code fakeThreads} names the fake's own threads. */
  public static CampaignReport run(CampaignTarget target, Predicate<String> fakeThreads) throws Exception {
    int calls = Integer.getInteger("flowport.campaign.calls", DEFAULT_CALLS);
    long seed = Long.getLong("flowport.campaign.seed", DEFAULT_SEED);
    return new FaultCampaign(target, calls, seed, fakeThreads).run();
  }

  private CampaignReport run() throws Exception {
    long t0 = System.nanoTime();
    Registration watch = target.engine().onChange(s -> {
      String tag = target.tagOf(s);
      if (tag != null) {
        instancesByTag.computeIfAbsent(tag, k -> ConcurrentHashMap.newKeySet()).add(s.id());
      }
    });
    LeakProbe probe = new LeakProbe(fakeThreads);
    WorkflowClient client = target.newClient(ClientOptions.builder()
        .retryPolicy(RetryPolicy.builder().maxAttempts(4).baseDelay(Duration.ofMillis(5))
            .backPressureBaseDelay(Duration.ofMillis(10)).build())
        .attemptTimeout(ATTEMPT_TIMEOUT)
        .apiCallTimeout(Duration.ofSeconds(6))
        .build());
    Random random = new Random(seed);
    List<CompletableFuture<?>> futures = new ArrayList<>();
    Semaphore window = new Semaphore(IN_FLIGHT);
    int faults = 0;
    for (int i = 0; i < calls; i++) {
      if (random.nextDouble() < FAULT_RATE) {
        target.faults().next(1, FAULTS.get(random.nextInt(FAULTS.size())));
        faults++;
      }
      window.acquire();
      CompletableFuture<?> f = call(client, random, i);
      futures.add(f);
      f.whenComplete((v, e) -> window.release());
    }
    int pending = pendingAfter(futures, Duration.ofSeconds(30));
    target.faults().clear();
    client.close();
    List<String> threadsLeft = probe.threadsLeft(5_000);
    int socketsLeft = LeakProbe.socketsLeft(target.port(), 5_000);
    Thread.sleep(target.settleMillis());
    watch.close();
    return report(faults, pending, threadsLeft, probe.newThreads(true), socketsLeft,
        TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0));
  }

  private CompletableFuture<?> call(WorkflowClient client, Random random, int n) {
    Kind kind = kind(client, random.nextInt(100));
    String tag = "t" + n;
    String id = kind == Kind.READ || kind == Kind.CANCEL || kind == Kind.WRITE ? pick(random, kind == Kind.CANCEL) : null;
    if (id == null && (kind == Kind.READ || kind == Kind.CANCEL || kind == Kind.WRITE)) {
      kind = Kind.START; // nothing started yet
    }
    CompletableFuture<?> f;
    switch (kind) {
      case READ -> f = client.instances().get(id);
      case CANCEL -> f = client.instances().cancel(id);
      case WRITE -> f = client.variables().upsert(id, Map.of("written", n));
      case PUBLISH_ID, PUBLISH_ID_TTL, PUBLISH -> {
        MessageRequest m = target.publish(Map.of(CampaignTarget.TAG, tag),
            kind == Kind.PUBLISH ? null : "m-" + tag, kind == Kind.PUBLISH_ID_TTL ? 60_000 : 0);
        f = client.messages().publish(m);
      }
      default -> f = client.instances().start(target.start(Map.of(CampaignTarget.TAG, tag)));
    }
    Kind k = kind;
    return f.handle((v, e) -> {
      Throwable error = e == null ? null : CallExecutor.unwrap(e);
      if (error != null) {
        failures.merge(error.getClass().getSimpleName(), 1, Integer::sum);
        if (!(error instanceof WorkflowException)) {
          untyped.incrementAndGet();
        }
      }
      switch (k) {
        case START -> {
          startOutcomes.put(tag, error == null ? Ok.OK : error);
          if (error == null) {
            synchronized (live) {
              live.add(((io.flowport.core.model.Instance) v).id());
            }
          }
        }
        case PUBLISH_ID, PUBLISH_ID_TTL, PUBLISH -> publishOutcomes.put(tag, error == null ? Ok.OK : error);
        case CANCEL -> {
          // The campaign's instances never end by themselves and each is cancelled once: "not found"
          // or a refused transition is a retry that missed its own earlier success.
          if (error instanceof InstanceNotFoundException || error instanceof IllegalTransitionException) {
            cancelsMisreported.incrementAndGet();
            System.out.println("  misreported cancel of " + id + ": " + error);
          }
        }
        default -> { }
      }
      return null;
    });
  }

  private Kind kind(WorkflowClient client, int roll) {
    Kind k = roll < 30 ? Kind.START : roll < 50 ? Kind.READ : roll < 62 ? Kind.CANCEL : roll < 74 ? Kind.WRITE
        : roll < 82 ? Kind.PUBLISH_ID : roll < 90 ? Kind.PUBLISH_ID_TTL : Kind.PUBLISH;
    Operation op = switch (k) {
      case READ -> Operation.GET_INSTANCE;
      case CANCEL -> Operation.CANCEL_INSTANCE;
      case WRITE -> Operation.UPSERT_VARIABLES;
      case PUBLISH_ID, PUBLISH_ID_TTL, PUBLISH -> Operation.PUBLISH_MESSAGE;
      default -> Operation.START_INSTANCE;
    };
    if (!client.capabilities().supports(op)) {
      // what the adapter lacks becomes a read where it can read, else a start
      return k != Kind.READ && client.capabilities().supports(Operation.GET_INSTANCE) ? Kind.READ : Kind.START;
    }
    return k;
  }

  /** A started instance (for a cancel: taken out, so each instance is cancelled at most once). */
  private String pick(Random random, boolean take) {
    synchronized (live) {
      if (live.isEmpty()) {
        return null;
      }
      int i = random.nextInt(live.size());
      return take ? live.remove(i) : live.get(i);
    }
  }

  private static int pendingAfter(List<CompletableFuture<?>> futures, Duration limit) {
    try {
      CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new)).get(limit.toMillis(), TimeUnit.MILLISECONDS);
    } catch (Exception ignored) {
      // counted below
    }
    return (int) futures.stream().filter(f -> !f.isDone()).count();
  }

  private CampaignReport report(int faults, int pending, List<String> threadsLeft, List<String> jvmWide,
      int socketsLeft, long millis) {
    int[] starts = tally(startOutcomes);
    int[] publishes = tally(publishOutcomes);
    return new CampaignReport(target.name(), seed, calls, faults, new TreeMap<>(failures),
        starts[0], publishes[0], starts[1] + publishes[1], starts[2] + publishes[2], starts[3] + publishes[3],
        cancelsMisreported.get(), untyped.get(), pending, threadsLeft, jvmWide, socketsLeft, millis);
  }

  /** {duplicates, failed but ran, of those not flagged, succeeded but missing} over {@code outcomes}. */
  private int[] tally(Map<String, Throwable> outcomes) {
    int[] t = new int[4];
    for (Map.Entry<String, Throwable> o : outcomes.entrySet()) {
      int ran = instancesByTag.getOrDefault(o.getKey(), Set.of()).size();
      boolean ok = o.getValue() == Ok.OK;
      if (ran > 1) {
        t[0]++;
      }
      if (!ok && ran > 0) {
        t[1]++;
        if (!(o.getValue() instanceof WorkflowException we) || !we.requestMayHaveBeenProcessed()) {
          t[2]++;
        }
      }
      if (ok && ran == 0) {
        t[3]++;
      }
    }
    return t;
  }

  /** The outcome of a call that succeeded. */
  private static final class Ok extends Throwable {
    static final Ok OK = new Ok();

    private Ok() {
      super("ok", null, false, false);
    }
  }
}
