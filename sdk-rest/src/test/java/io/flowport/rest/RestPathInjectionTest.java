package io.flowport.rest;

import static org.assertj.core.api.Assertions.assertThat;

import io.flowport.core.ClientOptions;
import io.flowport.core.RetryPolicy;
import io.flowport.core.WorkflowClient;
import io.flowport.core.auth.Credentials;
import io.flowport.core.spi.CallExecutor;
import io.flowport.rest.testing.RawHttpServer;
import io.flowport.rest.testing.RawHttpServer.Received;
import io.flowport.rest.testing.RestAdapters;
import io.flowport.rest.testing.RestAdapters.Adapter;
import io.flowport.rest.testing.RestAdapters.Call;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Hostile ids and names never change a request's structure, for every operation of every REST
 * adapter: the server receives the same path segments and query names as for a plain id, the
 * id's segment decodes to exactly the id, and it carries no character a server could read as
 * structure ({@code ; / ? # %} raw, {@code =}, {@code ,}...). What the server receives is recorded
 * as sent, before any decoding. An id the adapter refuses (ClientValidationException, nothing
 * sent) is fine too.
 */
@Timeout(300)
class RestPathInjectionTest {
  static final List<String> HOSTILE = List.of("../x", "..", ".", "a/b", "%2F", "a%2Fb", "?q=1", "#f", ";x", "A;x",
      "..;", "..;x", "%2e%2e", "a b", "+", "&x=1", "=", "a\\b", "a,b", "a:b@c", "\u00fc\u65e5\u672c", "\ud83d\ude00",
      "x".repeat(10_000));

  static Stream<Adapter> adapters() {
    return RestAdapters.all().stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("adapters")
  void hostileIdsKeepThePathStructure(Adapter adapter) throws Exception {
    int sent = 0;
    int refused = 0;
    List<String> violations = new ArrayList<>();
    try (RawHttpServer server = RawHttpServer.start(r -> RawHttpServer.Answer.json(404, "{}"));
        WorkflowClient client = adapter.client(server.url(""), Credentials.none(), ClientOptions.builder()
            .retryPolicy(RetryPolicy.none()).apiCallTimeout(Duration.ofSeconds(10)).build())) {
      for (Call call : adapter.calls()) {
        if (!call.offeredBy(client)) {
          continue;
        }
        List<Received> plain = run(server, client, call, adapter.sampleId());
        if (plain == null) {
          continue; // not sent even with a plain id (a start of an unknown template): nothing to compare
        }
        for (String id : HOSTILE) {
          List<Received> got = run(server, client, call, id);
          if (got == null) {
            refused++;
            continue;
          }
          sent++;
          String problem = compare(adapter.sampleId(), plain, id, got);
          if (problem != null) {
            violations.add(call + " with id " + shown(id) + ": " + problem);
          }
        }
      }
    }
    System.out.println("[path injection] " + adapter + ": " + sent + " calls with hostile ids sent, " + refused
        + " refused before sending, " + violations.size() + " changed the path structure");
    assertThat(violations).isEmpty();
  }

  /** The requests a call made, or null when it was refused before sending. */
  private static List<Received> run(RawHttpServer server, WorkflowClient client, Call call, String id) throws Exception {
    server.clear();
    Throwable error = null;
    try {
      call.run(client, id).get(20, TimeUnit.SECONDS);
    } catch (java.util.concurrent.ExecutionException e) {
      error = CallExecutor.unwrap(e);
    }
    List<Received> got = server.received();
    if (got.isEmpty() && error instanceof io.flowport.core.error.WorkflowException) { // refused, or known missing locally
      return null;
    }
    return got;
  }

  /** Null when {@code got} has the structure of {@code plain} with {@code id} in place of {@code marker}. */
  static String compare(String marker, List<Received> plain, String id, List<Received> got) {
    if (plain.size() != got.size()) {
      return got.size() + " requests instead of " + plain.size();
    }
    for (int i = 0; i < plain.size(); i++) {
      String[] want = plain.get(i).path().split("/", -1);
      String[] have = got.get(i).path().split("/", -1);
      if (want.length != have.length) {
        return "path " + shown(got.get(i).path()) + " has " + have.length + " segments, not " + want.length;
      }
      for (int s = 0; s < want.length; s++) {
        if (!want[s].contains(marker)) {
          if (!want[s].equals(have[s])) {
            return "segment " + s + " is " + shown(have[s]) + ", not " + want[s];
          }
          continue;
        }
        if (!have[s].chars().allMatch(c -> c < 128 && (Character.isLetterOrDigit(c) || "-._~%".indexOf(c) >= 0))) {
          return "segment " + shown(have[s]) + " carries a raw reserved character";
        }
        if (!decode(have[s]).equals(decode(want[s]).replace(marker, id))) {
          return "segment " + shown(have[s]) + " does not decode to the id";
        }
      }
      String wantQuery = query(plain.get(i));
      String haveQuery = query(got.get(i));
      String[] wq = wantQuery.isEmpty() ? new String[0] : wantQuery.split("&", -1);
      String[] hq = haveQuery.isEmpty() ? new String[0] : haveQuery.split("&", -1);
      if (wq.length != hq.length) {
        return "query " + shown(haveQuery) + " has " + hq.length + " parameters, not " + wq.length;
      }
      for (int q = 0; q < wq.length; q++) {
        String[] w = wq[q].split("=", 2);
        String[] h = hq[q].split("=", 2);
        if (!w[0].equals(h[0]) || w.length != h.length) {
          return "query parameter " + shown(hq[q]) + " is not " + wq[q];
        }
        if (w.length == 2 && !decode(h[1]).equals(decode(w[1]).replace(marker, id))) {
          return "query value " + shown(h[1]) + " does not decode to the id";
        }
      }
    }
    return null;
  }

  private static String query(Received r) {
    int at = r.target().indexOf('?');
    return at < 0 ? "" : r.target().substring(at + 1);
  }

  /** Percent-decoding as a server does it for a path ('+' stays '+'). */
  static String decode(String s) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '%' && i + 2 < s.length() + 0 && i + 2 <= s.length() - 1 + 1) {
        out.write(Integer.parseInt(s.substring(i + 1, i + 3), 16));
        i += 2;
      } else {
        out.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
      }
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  private static String shown(String s) {
    return s.length() > 60 ? s.substring(0, 60) + "...(" + s.length() + " chars)" : s;
  }

  @Test
  void semicolonNeverReachesThePathRaw() throws Exception {
    try (RawHttpServer server = RawHttpServer.start(r -> RawHttpServer.Answer.json(404, "{}"));
        WorkflowClient client = RestAdapters.all().get(0).client(server.url(""), Credentials.none(),
            ClientOptions.builder().retryPolicy(RetryPolicy.none()).build())) {
      try {
        client.instances().get("A;x").get(10, TimeUnit.SECONDS);
      } catch (java.util.concurrent.ExecutionException expected) {
        // 404
      }
      // Tomcat strips ";x" from a raw segment, so "A;x" would act on instance A.
      assertThat(server.received().get(0).path()).endsWith("/process-instances/A%3Bx");
    }
  }
}
