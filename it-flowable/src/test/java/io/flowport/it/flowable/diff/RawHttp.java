package io.flowport.it.flowable.diff;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.TextNode;
import io.flowport.testkit.fakes.diff.WireAnswer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/**
 * Raw HTTP to a Flowable REST API (the real one or the fake), through the JDK's HttpClient: no
 * Flowport adapter in between, so a differential test compares the wire. Answers are
 * {@link WireAnswer}s: the status code, the media type of the answer as description, the body as
 * JSON (non-JSON text as a JSON string).
 */
final class RawHttp {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpClient client;
  private final String baseUrl;
  private final String authorization;

  RawHttp(HttpClient client, String baseUrl, String user, String password) {
    this.client = client;
    this.baseUrl = baseUrl;
    this.authorization = user == null ? null
        : "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  /** The same target without credentials. */
  RawHttp anonymous() {
    return new RawHttp(client, baseUrl, null, null);
  }

  String baseUrl() {
    return baseUrl;
  }

  WireAnswer get(String path) throws IOException, InterruptedException {
    return send(request(path).GET());
  }

  WireAnswer delete(String path) throws IOException, InterruptedException {
    return send(request(path).DELETE());
  }

  WireAnswer post(String path, String json) throws IOException, InterruptedException {
    return send(request(path).header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)));
  }

  WireAnswer put(String path, String json) throws IOException, InterruptedException {
    return send(request(path).header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(json)));
  }

  /** A multipart deploy of one file ({@code file} part) plus form fields (name, value pairs). */
  WireAnswer deploy(String fileName, String content, String... fields) throws IOException, InterruptedException {
    return deployTo("repository/deployments", fileName, content, fields);
  }

  /** {@link #deploy} to {@code path} (e.g. with a query). */
  WireAnswer deployTo(String path, String fileName, String content, String... fields)
      throws IOException, InterruptedException {
    return multipart("POST", path, fileName, content, fields);
  }

  /** A multipart request: form fields (name, value pairs), then the {@code file} part. */
  WireAnswer multipart(String method, String path, String fileName, String content, String... fields)
      throws IOException, InterruptedException {
    String boundary = "----flowport-diff";
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (int i = 0; i + 1 < fields.length; i += 2) {
      write(out, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + fields[i] + "\"\r\n\r\n"
          + fields[i + 1] + "\r\n");
    }
    write(out, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
        + "\"\r\nContent-Type: application/octet-stream\r\n\r\n" + content + "\r\n--" + boundary + "--\r\n");
    return send(request(path)
        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .method(method, HttpRequest.BodyPublishers.ofByteArray(out.toByteArray())));
  }

  private static void write(ByteArrayOutputStream out, String s) {
    out.writeBytes(s.getBytes(StandardCharsets.UTF_8));
  }

  private HttpRequest.Builder request(String path) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(baseUrl + "/" + path))
        .timeout(Duration.ofSeconds(30))
        .header("Accept", "application/json");
    if (authorization != null) {
      b.header("Authorization", authorization);
    }
    return b;
  }

  private WireAnswer send(HttpRequest.Builder request) throws IOException, InterruptedException {
    HttpResponse<String> r = client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    String type = r.headers().firstValue("Content-Type").map(t -> t.split(";")[0].trim()).orElse(null);
    return new WireAnswer(Integer.toString(r.statusCode()), type, body(r.body()));
  }

  private static JsonNode body(String text) {
    if (text == null || text.isEmpty()) {
      return null;
    }
    try {
      return JSON.readTree(text);
    } catch (IOException e) {
      return TextNode.valueOf(text);
    }
  }
}
