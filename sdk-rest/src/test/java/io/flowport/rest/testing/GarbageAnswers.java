package io.flowport.rest.testing;

import io.flowport.rest.testing.RawHttpServer.Answer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Seeded bad answers for the REST garbage fuzz: HTML with 200 and 502, truncated JSON, {@code null},
 * wrong types, arrays for objects, 10 MB, invalid UTF-8, a wrong content type, an empty 200, 204
 * where a body is expected, odd statuses (299, 399, 418, 999), a body shorter than its length, and
 * JSON of the adapters' own field names with values of random types (which reaches deepest into
 * the readers). The same seed gives the same answer.
 */
public final class GarbageAnswers {
  /** The kinds of answer, in the order {@link #answer} picks them. */
  public enum Kind {
    HTML_200, HTML_502, TRUNCATED_JSON, JSON_NULL, WRONG_TYPES, ARRAY_FOR_OBJECT, TEN_MB, INVALID_UTF8,
    WRONG_CONTENT_TYPE, EMPTY_200, NO_CONTENT_204, ODD_STATUS, SHORT_BODY, SHAPED_JSON
  }

  /** An answer and what it is. */
  public record Garbage(Kind kind, String description, Answer answer) {}

  /** Field names the adapters read (Flowable, Cloudify, bk-sops, OBS), so shaped JSON reaches their readers. */
  private static final List<String> FIELDS = List.of(
      "id", "name", "status", "state", "data", "result", "code", "message", "items", "executions", "total",
      "size", "start", "metadata", "pagination", "offset", "next_marker", "marker", "count", "variables",
      "value", "type", "task_id", "task_url", "execution_id", "execution_name", "graph_name", "workflow_id",
      "deployment_id", "processDefinitionId", "processDefinitionKey", "businessKey", "ended", "suspended",
      "startTime", "endTime", "created_at", "ended_at", "children", "activities", "flows", "outputs",
      "inputs", "error", "error_code", "request_id", "trace_id", "deploymentId", "key", "version", "url",
      "tenantId", "parameters", "is_dry_run", "elapsed_time", "finish_time", "node_id", "histories",
      "execution_ids", "concurrency", "workflow", "templates", "graphs", "instance_id", "properties");
  private static final byte[] TEN_MB = tenMegabytes();

  private GarbageAnswers() {}

  /** The answer of case {@code n} for {@code seed}. */
  public static Garbage answer(long seed, int n) {
    Random r = new Random(seed * 1_000_003L + n);
    Kind kind = Kind.values()[r.nextInt(Kind.values().length)];
    if (kind == Kind.TEN_MB && r.nextInt(4) != 0) {
      kind = Kind.SHAPED_JSON; // 10 MB answers are slow to send: a quarter of their share
    }
    return switch (kind) {
      case HTML_200 -> html(kind, 200);
      case HTML_502 -> html(kind, 502);
      case TRUNCATED_JSON -> {
        String full = shaped(r, 3);
        String cut = full.substring(0, Math.max(1, r.nextInt(full.length())));
        yield json(kind, "cut at " + cut.length() + " of " + full.length(), 200, cut);
      }
      case JSON_NULL -> json(kind, "null", 200, "null");
      case WRONG_TYPES -> json(kind, "scalars", 200, List.of("42", "\"text\"", "true", "3.5", "-1",
          "{\"id\":[],\"status\":{},\"data\":7,\"result\":\"x\",\"items\":\"no\"}").get(r.nextInt(6)));
      case ARRAY_FOR_OBJECT -> json(kind, "array", 200, r.nextBoolean() ? "[" + shaped(r, 2) + "]" : "[]");
      case TEN_MB -> new Garbage(kind, "10 MB", Answer.of(200, Map.of("Content-Type", "application/json"), TEN_MB));
      case INVALID_UTF8 -> {
        byte[] bad = concat("{\"id\":\"".getBytes(StandardCharsets.UTF_8), new byte[] {(byte) 0xC3, 0x28,
            (byte) 0xFF, (byte) 0xFE}, "\",\"status\":\"\u00ff\",\"result\":true}".getBytes(StandardCharsets.ISO_8859_1));
        yield new Garbage(kind, "invalid UTF-8", Answer.of(200, Map.of("Content-Type", "application/json"), bad));
      }
      case WRONG_CONTENT_TYPE -> new Garbage(kind, "text/plain JSON", Answer.of(200,
          Map.of("Content-Type", List.of("text/plain", "application/xml", "image/png").get(r.nextInt(3))),
          shaped(r, 3).getBytes(StandardCharsets.UTF_8)));
      case EMPTY_200 -> new Garbage(kind, "empty 200", Answer.of(200, Map.of("Content-Type", "application/json"),
          new byte[0]));
      case NO_CONTENT_204 -> new Garbage(kind, "204", Answer.of(204, Map.of(), new byte[0]));
      case ODD_STATUS -> {
        int status = new int[] {299, 399, 418, 999}[r.nextInt(4)];
        yield json(kind, "status " + status, status, r.nextBoolean() ? shaped(r, 2) : "<html>" + status + "</html>");
      }
      case SHORT_BODY -> {
        byte[] body = shaped(r, 2).getBytes(StandardCharsets.UTF_8);
        String head = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " + (body.length + 100)
            + "\r\nConnection: close\r\n\r\n";
        yield new Garbage(kind, "100 bytes short", Answer.raw(concat(head.getBytes(StandardCharsets.ISO_8859_1), body)));
      }
      case SHAPED_JSON -> json(kind, "shaped", r.nextInt(5) == 0 ? 201 : 200, shaped(r, 3));
    };
  }

  private static Garbage html(Kind kind, int status) {
    return new Garbage(kind, "HTML " + status, Answer.of(status, Map.of("Content-Type", "text/html"),
        ("<html><head><title>" + status + " Bad Gateway</title></head><body><h1>nginx</h1></body></html>")
            .getBytes(StandardCharsets.UTF_8)));
  }

  private static Garbage json(Kind kind, String description, int status, String body) {
    return new Garbage(kind, description, Answer.json(status, body));
  }

  /** A JSON object of known field names with values of random types, nested up to {@code depth}. */
  static String shaped(Random r, int depth) {
    StringBuilder b = new StringBuilder("{");
    int fields = 1 + r.nextInt(8);
    for (int i = 0; i < fields; i++) {
      if (i > 0) {
        b.append(',');
      }
      b.append('"').append(FIELDS.get(r.nextInt(FIELDS.size()))).append("\":").append(value(r, depth));
    }
    return b.append('}').toString();
  }

  private static String value(Random r, int depth) {
    int pick = r.nextInt(depth > 0 ? 10 : 7);
    return switch (pick) {
      case 0 -> "null";
      case 1 -> String.valueOf(r.nextInt(1000) - 10);
      case 2 -> r.nextBoolean() ? "true" : "false";
      case 3 -> "\"" + List.of("RUNNING", "finished", "x", "", "2024-01-01T00:00:00Z", "not a date", "1").get(r.nextInt(7)) + "\"";
      case 4 -> "1.5e308";
      case 5 -> "\"id-" + r.nextInt(5) + "\"";
      case 6 -> "[]";
      case 7, 8 -> shaped(r, depth - 1);
      default -> "[" + shaped(r, depth - 1) + "," + value(r, depth - 1) + "]";
    };
  }

  private static byte[] tenMegabytes() {
    byte[] b = new byte[10 * 1024 * 1024];
    Arrays.fill(b, (byte) 'a');
    byte[] head = "{\"id\":\"".getBytes(StandardCharsets.UTF_8);
    System.arraycopy(head, 0, b, 0, head.length);
    b[b.length - 2] = '"';
    b[b.length - 1] = '}';
    return b;
  }

  private static byte[] concat(byte[]... parts) {
    int n = 0;
    for (byte[] p : parts) {
      n += p.length;
    }
    byte[] out = new byte[n];
    int at = 0;
    for (byte[] p : parts) {
      System.arraycopy(p, 0, out, at, p.length);
      at += p.length;
    }
    return out;
  }
}
