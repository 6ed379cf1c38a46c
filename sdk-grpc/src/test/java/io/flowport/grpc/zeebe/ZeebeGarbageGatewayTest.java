package io.flowport.grpc.zeebe;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import com.google.protobuf.MessageLite;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.ActivateJobsResponse;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.ActivatedJob;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.BroadcastSignalResponse;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.CancelProcessInstanceResponse;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.CompleteJobResponse;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.CreateProcessInstanceResponse;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.CreateProcessInstanceWithResultResponse;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.DeployResourceResponse;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.FailJobResponse;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.PublishMessageResponse;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.ResolveIncidentResponse;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.SetVariablesResponse;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.ThrowErrorResponse;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.TopologyResponse;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.UpdateJobRetriesResponse;
import io.flowport.core.ClientOptions;
import io.flowport.core.RetryPolicy;
import io.flowport.core.error.WorkflowException;
import io.flowport.core.model.DeployRequest;
import io.flowport.core.model.MessageRequest;
import io.flowport.core.model.Resource;
import io.flowport.core.model.StartRequest;
import io.flowport.core.spi.CallExecutor;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * A garbage Zeebe gateway: a raw HTTP/2 server answering every operation the adapter has with
 * something a Zeebe gateway never sends (variables that are not JSON, missing fields, bytes that
 * are not protobuf, HTML, a connection closed at once, no answer at all...). Seeded cases, spread
 * over a few lanes (one gateway each, a new client and connection per case, one call at a time, so
 * each lane is repeatable); every case must end, within its bound, in a typed {@link WorkflowException}.
 *
 * <p>Size: {@code -Dflowport.garbage.cases=10000} (default 300), seed {@code -Dflowport.garbage.seed}.
 */
class ZeebeGarbageGatewayTest {
  private static final int CASES = Integer.getInteger("flowport.garbage.cases", 300);
  private static final long SEED = Long.getLong("flowport.garbage.seed", 16L);
  private static final int LANES = 4;
  /** A case that has not ended after this long counts as a hang (start-and-await waits 5 s more). */
  private static final Duration BOUND = Duration.ofSeconds(12);

  /** What the gateway answers with. */
  enum Garbage {
    NOT_PROTOBUF, BAD_VARIABLES, INVALID_UTF8, MISSING_FIELDS, CLOSE_AT_ONCE, NEVER_ANSWERS, HTML_502, HTML_200,
    NO_TRAILERS, BAD_STATUS, TRUNCATED_FRAME, COMPRESSED_WITHOUT_ENCODING
  }

  /** One operation of the adapter: the RPC it makes, how to call it, and a well-formed answer. */
  record Op(String method, Function<ZeebeClient, CompletableFuture<?>> call, MessageLite good,
      boolean hasKey, boolean hasVariables) {}

  static final List<Op> OPS = List.of(
      new Op("Topology", ZeebeClient::topology, TopologyResponse.newBuilder().setGatewayVersion("8.8.21").build(),
          false, false),
      new Op("DeployResource", c -> c.definitions().deploy(DeployRequest.of(
          Resource.of("a.bpmn", "<definitions/>".getBytes(StandardCharsets.UTF_8)))),
          DeployResourceResponse.newBuilder().setKey(4242).build(), true, false),
      new Op("CreateProcessInstance", c -> c.instances().start(StartRequest.of("order").build()),
          CreateProcessInstanceResponse.newBuilder().setProcessInstanceKey(2251799813685249L).build(), true, false),
      new Op("CreateProcessInstanceWithResult", c -> c.instances().startAndAwait(StartRequest.of("order").build(),
          Duration.ofMillis(200)), CreateProcessInstanceWithResultResponse.newBuilder()
          .setProcessInstanceKey(2251799813685249L).setVariables("{\"ok\":true}").build(), true, true),
      new Op("CancelProcessInstance", c -> c.instances().cancel("2251799813685249"),
          CancelProcessInstanceResponse.getDefaultInstance(), false, false),
      new Op("PublishMessage", c -> c.messages().publish(MessageRequest.builder("paid", "order-1").build()),
          PublishMessageResponse.newBuilder().setKey(99).build(), true, false),
      new Op("SetVariables", c -> c.setVariables(2251799813685249L, Map.of("a", 1), false),
          SetVariablesResponse.newBuilder().setKey(5).build(), true, false),
      new Op("ResolveIncident", c -> c.resolveIncident(7), ResolveIncidentResponse.getDefaultInstance(), false, false),
      new Op("UpdateJobRetries", c -> c.updateJobRetries(7, 3), UpdateJobRetriesResponse.getDefaultInstance(),
          false, false),
      new Op("BroadcastSignal", c -> c.broadcastSignal("go", Map.of()),
          BroadcastSignalResponse.newBuilder().setKey(11).build(), true, false),
      new Op("ActivateJobs", c -> c.activateJobs("work", 1, Duration.ofSeconds(30), "w"),
          ActivateJobsResponse.newBuilder().addJobs(ActivatedJob.newBuilder().setKey(1).setType("work")
              .setVariables("{}").setCustomHeaders("{}")).build(), true, true),
      new Op("CompleteJob", c -> c.completeJob(7, Map.of()), CompleteJobResponse.getDefaultInstance(), false, false),
      new Op("FailJob", c -> c.failJob(7, 0, "boom"), FailJobResponse.getDefaultInstance(), false, false),
      new Op("ThrowError", c -> c.throwError(7, "E1", "boom"), ThrowErrorResponse.getDefaultInstance(), false, false));

  /** One case: an operation, what the gateway answers, and the seed of its bytes. */
  record Case(Op op, Garbage garbage, long seed) {}

  /** What the cases ended in. */
  static final class Tally {
    final Map<String, AtomicLong> outcomes = new ConcurrentHashMap<>();
    final Set<String> leaks = ConcurrentHashMap.newKeySet();
    final Set<String> hangs = ConcurrentHashMap.newKeySet();
    final Set<String> accepted = ConcurrentHashMap.newKeySet();
    /** Cases whose call never reached the gateway: their garbage was not tried. */
    final Set<String> notSent = ConcurrentHashMap.newKeySet();
    final AtomicLong cases = new AtomicLong();
    /** One message per outcome, for the report. */
    final Map<String, String> examples = new ConcurrentHashMap<>();

    void count(String key) {
      outcomes.computeIfAbsent(key, k -> new AtomicLong()).incrementAndGet();
    }
  }

  @Test
  void everyGarbageAnswerToEveryOperationIsATypedErrorWithinItsBound() throws Exception {
    Tally tally = new Tally();
    long start = System.nanoTime();
    List<CompletableFuture<Void>> lanes = new ArrayList<>();
    for (int lane = 0; lane < LANES; lane++) {
      int n = CASES / LANES + (lane < CASES % LANES ? 1 : 0);
      long seed = SEED * 31 + lane;
      lanes.add(CompletableFuture.runAsync(() -> runLane(seed, n, tally)));
    }
    for (CompletableFuture<Void> lane : lanes) {
      lane.get(30, TimeUnit.MINUTES);
    }
    long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    Map<String, Long> sorted = new TreeMap<>();
    tally.outcomes.forEach((k, v) -> sorted.put(k, v.get()));
    System.out.printf("[garbage-zeebe] seed=%d cases=%d lanes=%d in %d ms: typed=%d leaks=%d hangs=%d accepted=%d "
        + "not-sent=%d%n", SEED, tally.cases.get(), LANES, ms, sorted.values().stream().mapToLong(Long::longValue).sum(),
        tally.leaks.size(), tally.hangs.size(), tally.accepted.size(), tally.notSent.size());
    sorted.forEach((k, v) -> System.out.println("[garbage-zeebe]   " + k + ": " + v + "   e.g. "
        + tally.examples.get(k)));

    assertThat(tally.cases.get()).isEqualTo(CASES);
    assertThat(tally.leaks).as("untyped failures").isEmpty();
    assertThat(tally.hangs).as("calls that did not end within " + BOUND).isEmpty();
    assertThat(tally.accepted).as("garbage taken for an answer").isEmpty();
    assertThat(tally.notSent).as("cases that never reached the gateway").isEmpty();
  }

  private static void runLane(long seed, int n, Tally tally) {
    Random random = new Random(seed);
    Case[] current = new Case[1];
    ClientOptions options = ClientOptions.builder()
        .attemptTimeout(Duration.ofMillis(250)).apiCallTimeout(Duration.ofSeconds(1))
        .retryPolicy(RetryPolicy.builder().maxAttempts(3).baseDelay(Duration.ofMillis(2))
            .backPressureBaseDelay(Duration.ofMillis(2)).maxDelay(Duration.ofMillis(10)).build())
        .build();
    try (RawH2Gateway gateway = new RawH2Gateway((request, reply) -> answer(current[0], reply))) {
      for (int i = 0; i < n; i++) {
        Op op = OPS.get(random.nextInt(OPS.size()));
        List<Garbage> applicable = applicable(op);
        Case c = new Case(op, applicable.get(random.nextInt(applicable.size())), random.nextLong());
        current[0] = c;
        String label = op.method() + "/" + c.garbage();
        tally.cases.incrementAndGet();
        int before = gateway.requests.size();
        // A client (and so a connection) per case: a case that closes or breaks the connection must not
        // turn the next case into a reconnect failure that never reaches the gateway.
        try (ZeebeClient client = TestClients.plain(gateway.address(), options)) {
          runCase(client, c, label, tally);
        }
        if (gateway.requests.size() == before) {
          tally.notSent.add(label);
        }
      }
      assertThat(gateway.handlerFailures).as("the test gateway's own failures").isEmpty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  private static void runCase(ZeebeClient client, Case c, String label, Tally tally) {
    CompletableFuture<?> f = c.op().call().apply(client);
    try {
      f.get(BOUND.toMillis(), TimeUnit.MILLISECONDS);
      tally.accepted.add(label);
    } catch (TimeoutException e) {
      f.cancel(true);
      tally.hangs.add(label);
    } catch (ExecutionException e) {
      Throwable t = CallExecutor.unwrap(e);
      if (t instanceof WorkflowException we && !leaksInternals(we)) {
        String key = c.garbage() + " -> " + we.getClass().getSimpleName();
        tally.count(key);
        tally.examples.putIfAbsent(key, we.getMessage());
      } else {
        tally.leaks.add(label + ": " + t);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  /** An NPE, ClassCastException or parser exception named in a typed error's message is a leak too. */
  private static boolean leaksInternals(WorkflowException e) {
    String m = String.valueOf(e.getMessage());
    return m.contains("NullPointerException") || m.contains("ClassCastException") || m.contains("com.fasterxml")
        || m.contains("InvalidProtocolBufferException");
  }

  private static List<Garbage> applicable(Op op) {
    EnumSet<Garbage> set = EnumSet.allOf(Garbage.class);
    if (!op.hasVariables()) {
      set.remove(Garbage.BAD_VARIABLES);
      set.remove(Garbage.INVALID_UTF8);
    }
    if (!op.hasKey()) {
      set.remove(Garbage.MISSING_FIELDS); // an empty answer is the right one for these
    }
    return new ArrayList<>(set);
  }

  private static final String[] NOT_OBJECTS = {"not json", "{\"a\":", "[1,2]", "null", "\"text\"", "42", "{'a':1}",
      "<html/>", "{\"a\":1,}"};

  private static void answer(Case c, RawH2Gateway.Reply reply) {
    Random r = new Random(c.seed());
    switch (c.garbage()) {
      case NOT_PROTOBUF -> {
        // A length-delimited field that claims more bytes than follow, or the invalid tag 0.
        byte[] junk = new byte[1 + r.nextInt(40)];
        r.nextBytes(junk);
        byte[] body = new byte[junk.length + 2];
        body[0] = r.nextBoolean() ? (byte) 0x0A : 0x00;
        body[1] = (byte) 0x7F;
        System.arraycopy(junk, 0, body, 2, junk.length);
        data(reply, body);
      }
      case BAD_VARIABLES -> data(reply, withVariables(c.op(), NOT_OBJECTS[r.nextInt(NOT_OBJECTS.length)]));
      case INVALID_UTF8 -> data(reply, withInvalidUtf8Variables(c.op()));
      case MISSING_FIELDS -> data(reply, c.op().method().equals("ActivateJobs")
          ? ActivateJobsResponse.newBuilder().addJobs(ActivatedJob.getDefaultInstance()).build().toByteArray()
          : new byte[0]);
      case CLOSE_AT_ONCE -> reply.closeConnection();
      case NEVER_ANSWERS -> { }
      case HTML_502 -> {
        reply.headers(new io.grpc.netty.shaded.io.netty.handler.codec.http2.DefaultHttp2Headers().status("502")
            .add("content-type", "text/html"), false);
        reply.data("<html><body>502 Bad Gateway</body></html>".getBytes(StandardCharsets.UTF_8), true);
      }
      case HTML_200 -> {
        reply.headers(new io.grpc.netty.shaded.io.netty.handler.codec.http2.DefaultHttp2Headers().status("200")
            .add("content-type", "text/html"), false);
        reply.data("<html><body>hello</body></html>".getBytes(StandardCharsets.UTF_8), true);
      }
      case NO_TRAILERS -> {
        reply.headers(RawH2Gateway.okHeaders(), false);
        reply.data(RawH2Gateway.frame(c.op().good().toByteArray()), true);
      }
      case BAD_STATUS -> reply.headers(RawH2Gateway.okHeaders()
          .add("grpc-status", r.nextBoolean() ? "abc" : Integer.toString(17 + r.nextInt(900))), true);
      case TRUNCATED_FRAME -> {
        reply.headers(RawH2Gateway.okHeaders(), false);
        byte[] whole = RawH2Gateway.frame(c.op().good().toByteArray());
        byte[] part = java.util.Arrays.copyOf(whole, Math.max(1, Math.min(whole.length - 1, 1 + r.nextInt(4))));
        reply.data(part, false);
        reply.headers(RawH2Gateway.trailers(0, null), true);
      }
      case COMPRESSED_WITHOUT_ENCODING -> {
        reply.headers(RawH2Gateway.okHeaders(), false);
        byte[] framed = RawH2Gateway.frame(c.op().good().toByteArray());
        framed[0] = 1; // "compressed", with no grpc-encoding header
        reply.data(framed, false);
        reply.headers(RawH2Gateway.trailers(0, null), true);
      }
      default -> throw new AssertionError(c.garbage());
    }
  }

  private static void data(RawH2Gateway.Reply reply, byte[] message) {
    reply.headers(RawH2Gateway.okHeaders(), false);
    reply.data(RawH2Gateway.frame(message), false);
    reply.headers(RawH2Gateway.trailers(0, null), true);
  }

  /**
   * An answer whose variables hold the bytes C3 28 (not UTF-8). Protobuf's builders refuse to set such a
   * string, so the answer is built with a placeholder of the same length and patched afterwards.
   */
  private static byte[] withInvalidUtf8Variables(Op op) {
    byte[] placeholder = "{\"ab\":1}".getBytes(StandardCharsets.UTF_8);
    byte[] message = withVariableBytes(op, placeholder);
    for (int i = 0; i + placeholder.length <= message.length; i++) {
      if (java.util.Arrays.equals(message, i, i + placeholder.length, placeholder, 0, placeholder.length)) {
        message[i + 2] = (byte) 0xC3;
        message[i + 3] = (byte) 0x28;
        return message;
      }
    }
    throw new AssertionError("placeholder not found in the answer");
  }

  private static byte[] withVariables(Op op, String variables) {
    return withVariableBytes(op, variables.getBytes(StandardCharsets.UTF_8));
  }

  private static byte[] withVariableBytes(Op op, byte[] variables) {
    ByteString v = ByteString.copyFrom(variables);
    if (op.method().equals("ActivateJobs")) {
      return ActivateJobsResponse.newBuilder().addJobs(ActivatedJob.newBuilder().setKey(1).setType("work")
          .setVariablesBytes(v).setCustomHeaders("{}")).build().toByteArray();
    }
    return CreateProcessInstanceWithResultResponse.newBuilder().setProcessInstanceKey(2251799813685249L)
        .setVariablesBytes(v).build().toByteArray();
  }
}
