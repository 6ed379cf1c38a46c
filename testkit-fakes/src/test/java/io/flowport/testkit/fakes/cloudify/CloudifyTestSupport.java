package io.flowport.testkit.fakes.cloudify;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/** Arranging the fake manager for a test, and raw HTTP at it. */
final class CloudifyTestSupport {
  private static final AtomicInteger NEXT = new AtomicInteger();
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  private CloudifyTestSupport() {}

  /**
   * Loads a blueprint with fresh deployments {@code <p>-1..3} (workflows {@code task} waits, {@code noop}
   * succeeds, {@code fail} fails, {@code strict} declares parameters {@code port} (default 80) and
   * {@code name} (required)), deployment group {@code <p>-group} of all three and empty groups
   * {@code <p>-ok} and {@code <p>-ko}; returns the prefix {@code <p>}.
   */
  static String arrange(FakeCloudifyManager manager) {
    String p = "d" + NEXT.incrementAndGet();
    String doc = ("{\"blueprint_id\":\"bp\",\"workflows\":{\"task\":{\"run\":\"wait\"},\"noop\":{\"run\":\"succeed\"},"
        + "\"fail\":{\"run\":\"fail\",\"error\":\"boom\"},"
        + "\"strict\":{\"run\":\"wait\",\"parameters\":{\"port\":{\"default\":80},\"name\":{}}}},"
        + "\"deployments\":[\"P-1\",\"P-2\",\"P-3\"],"
        + "\"deployment_groups\":{\"P-group\":[\"P-1\",\"P-2\",\"P-3\"],\"P-ok\":[],\"P-ko\":[]}}").replace("P", p);
    manager.loadBlueprint(doc.getBytes(StandardCharsets.UTF_8));
    return p;
  }

  /** One raw request at the fake: {@code path} below the base path, {@code contentType} may be null. */
  static HttpResponse<String> send(FakeCloudifyManager manager, String method, String path, String contentType,
      String body) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(manager.baseUrl() + path))
        .timeout(Duration.ofSeconds(10))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    if (contentType != null) {
      b.header("Content-Type", contentType);
    }
    try {
      return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    } catch (Exception e) {
      throw new AssertionError("request failed: " + e, e);
    }
  }

  static HttpResponse<String> json(FakeCloudifyManager manager, String method, String path, String body) {
    return send(manager, method, path, "application/json", body);
  }

  static HttpResponse<String> get(FakeCloudifyManager manager, String path) {
    return send(manager, "GET", path, null, null);
  }
}
