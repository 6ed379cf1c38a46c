package io.flowport.rest.testing;

import io.flowport.core.ClientOptions;
import io.flowport.core.RetryPolicy;
import io.flowport.core.WorkflowClient;
import io.flowport.core.auth.Credentials;
import io.flowport.core.error.ErrorKind;
import io.flowport.core.error.WorkflowException;
import io.flowport.core.spi.CallExecutor;
import io.flowport.rest.testing.GarbageAnswers.Garbage;
import io.flowport.rest.testing.RestAdapters.Adapter;
import io.flowport.rest.testing.RestAdapters.Call;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The REST garbage fuzz driver, the same for every adapter: case {@code n} of a seed picks one of
 * the adapter's calls and one {@link GarbageAnswers garbage answer}; a raw server answers every
 * request of that call with it. Each outcome is classed: a typed {@link WorkflowException} (the
 * goal), a success (an operation that reads no body, given a 2xx), a leak (any other exception, or
 * a runtime exception that escaped a reader into the executor), a long message, or a hang (no
 * outcome within the call timeout + 10 s). Workers each own a server and a client and run their
 * cases in order, so a case's outcome depends on the seed only.
 */
public final class GarbageFuzz {
  /** The longest message a typed error may carry: an excerpt, never the body. */
  public static final int MAX_MESSAGE = 1200;
  private static final Duration CALL_TIMEOUT = Duration.ofSeconds(5);

  private GarbageFuzz() {}

  /** One case's outcome. */
  public record Outcome(int n, String call, Garbage garbage, Throwable error, boolean hung) {
    boolean typed() {
      return error instanceof WorkflowException we && !isEscapedRuntimeException(we);
    }

    boolean leak() {
      return error != null && !hung && !typed();
    }

    @Override
    public String toString() {
      return "case " + n + " " + call + " <- " + garbage.kind() + " (" + garbage.description() + "): "
          + (hung ? "HUNG" : error == null ? "success" : error.getClass().getName() + ": " + error.getMessage());
    }
  }

  /** What a run found. */
  public record Figures(String engine, int cases, int typed, int successes, List<Outcome> leaks,
      List<Outcome> hangs, List<Outcome> longMessages, int longestMessage, Map<String, Integer> errorKinds,
      Map<String, Integer> readerCauses, Map<String, Integer> successesByCall, int calls, long millis) {
    @Override
    public String toString() {
      return engine + ": " + cases + " cases over " + calls + " calls in " + millis + " ms: " + typed + " typed errors, "
          + successes + " successes " + successesByCall + ", " + leaks.size() + " leaks, " + hangs.size() + " hangs, "
          + longMessages.size() + " long messages (longest " + longestMessage + " chars); kinds " + errorKinds
          + "; reader exceptions turned into UnexpectedResponseException " + readerCauses;
    }
  }

  /** Runs {@code cases} cases of {@code seed} against {@code adapter} on {@code workers} servers and clients. */
  public static Figures run(Adapter adapter, int cases, long seed, int workers) throws Exception {
    long started = System.nanoTime();
    ExecutorService pool = Executors.newFixedThreadPool(workers);
    List<Future<List<Outcome>>> parts = new ArrayList<>();
    int[] callCount = new int[1];
    for (int w = 0; w < workers; w++) {
      int worker = w;
      parts.add(pool.submit(() -> runWorker(adapter, cases, seed, workers, worker, callCount)));
    }
    List<Outcome> all = new ArrayList<>();
    for (Future<List<Outcome>> p : parts) {
      all.addAll(p.get());
    }
    pool.shutdown();
    return figures(adapter.engine(), all, callCount[0], (System.nanoTime() - started) / 1_000_000);
  }

  private static List<Outcome> runWorker(Adapter adapter, int cases, long seed, int workers, int worker, int[] calls)
      throws Exception {
    List<Outcome> out = new ArrayList<>();
    ClientOptions options = ClientOptions.builder().retryPolicy(RetryPolicy.none())
        .attemptTimeout(CALL_TIMEOUT).apiCallTimeout(CALL_TIMEOUT).build();
    try (RawHttpServer server = RawHttpServer.start(r -> RawHttpServer.Answer.json(500, "{}"));
        WorkflowClient client = adapter.client(server.url(""), Credentials.basic("fuzz", "fuzz-secret"), options)) {
      List<Call> offered = adapter.calls().stream().filter(c -> c.offeredBy(client)).toList();
      calls[0] = offered.size();
      for (int n = worker; n < cases; n += workers) {
        Call call = offered.get(new Random(seed * 31 + n).nextInt(offered.size()));
        Garbage garbage = GarbageAnswers.answer(seed, n);
        server.handler(r -> garbage.answer());
        out.add(outcome(n, call, garbage, client, adapter.sampleId()));
      }
    }
    return out;
  }

  private static Outcome outcome(int n, Call call, Garbage garbage, WorkflowClient client, String id) {
    try {
      Object v = call.run(client, id).get(CALL_TIMEOUT.toSeconds() + 10, TimeUnit.SECONDS);
      if (v != null && Boolean.getBoolean("flowport.fuzz.debug")) {
        String shown = String.valueOf(v);
        System.out.println("VALUE " + call.name() + " <- " + garbage.kind() + ": " + (shown.length() > 150 ? shown.substring(0, 150) : shown));
      }
      return new Outcome(n, call.name(), garbage, null, false);
    } catch (ExecutionException e) {
      return new Outcome(n, call.name(), garbage, CallExecutor.unwrap(e), false);
    } catch (TimeoutException e) {
      return new Outcome(n, call.name(), garbage, e, true);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Outcome(n, call.name(), garbage, e, true);
    } catch (RuntimeException e) {
      return new Outcome(n, call.name(), garbage, e, false); // a call that threw instead of failing its future
    }
  }

  /** A runtime exception of the client's own code that escaped into the executor (not the engine's fault). */
  static boolean isEscapedRuntimeException(WorkflowException e) {
    return e.kind() == ErrorKind.INTERNAL && e.getMessage().contains("client-side failure");
  }

  private static Figures figures(String engine, List<Outcome> all, int calls, long millis) {
    int typed = 0;
    int successes = 0;
    int longest = 0;
    List<Outcome> leaks = new ArrayList<>();
    List<Outcome> hangs = new ArrayList<>();
    List<Outcome> longMessages = new ArrayList<>();
    Map<String, Integer> kinds = new TreeMap<>();
    Map<String, Integer> causes = new TreeMap<>();
    Map<String, Integer> successByCall = new TreeMap<>();
    for (Outcome o : all) {
      if (o.hung()) {
        hangs.add(o);
      } else if (o.error() == null) {
        successes++;
        successByCall.merge(o.call() + "<-" + o.garbage().kind(), 1, Integer::sum);
      } else if (o.typed()) {
        typed++;
        WorkflowException we = (WorkflowException) o.error();
        kinds.merge(we.kind().name(), 1, Integer::sum);
        if (we.kind() == ErrorKind.UNEXPECTED_RESPONSE && we.getCause() != null) {
          causes.merge(we.getCause().getClass().getSimpleName(), 1, Integer::sum);
        }
        int len = we.getMessage().length();
        longest = Math.max(longest, len);
        if (len > MAX_MESSAGE) {
          longMessages.add(o);
        }
      } else {
        leaks.add(o);
      }
    }
    return new Figures(engine, all.size(), typed, successes, leaks, hangs, longMessages, longest, kinds, causes,
        successByCall, calls, millis);
  }
}
