package io.flowport.benchmarks.adapters;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.ConnectionPool;
import okhttp3.Dispatcher;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * The baseline for the Flowable adapter: raw OkHttp + Jackson making the same requests as
 * Flowport does (same JSON body with typed REST variables, same Accept header), parsing the answer
 * into a {@link JsonNode}. The OkHttp client gets the same dispatcher limits (128 / 64 per host)
 * and pool (8 idle, 15 s) as Flowport's transport, so both can open as many connections.
 */
final class RawFlowable implements AutoCloseable {
  private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");

  private final ObjectMapper mapper = new ObjectMapper();
  private final ThreadPoolExecutor threads = new ThreadPoolExecutor(0, Integer.MAX_VALUE, 60, TimeUnit.SECONDS,
      new SynchronousQueue<>(), r -> {
        Thread t = new Thread(r, "raw-okhttp");
        t.setDaemon(true);
        return t;
      });
  private final OkHttpClient http;
  private final HttpUrl instances;

  RawFlowable(String baseUrl) {
    Dispatcher dispatcher = new Dispatcher(threads);
    dispatcher.setMaxRequests(128);
    dispatcher.setMaxRequestsPerHost(64);
    this.http = new OkHttpClient.Builder()
        .dispatcher(dispatcher)
        .connectionPool(new ConnectionPool(8, 15, TimeUnit.SECONDS))
        .retryOnConnectionFailure(false)
        .readTimeout(Duration.ZERO)
        .callTimeout(Duration.ofSeconds(30))
        .build();
    this.instances = HttpUrl.get(baseUrl).newBuilder().addPathSegment("runtime").addPathSegment("process-instances")
        .build();
  }

  OkHttpClient http() {
    return http;
  }

  /** POST runtime/process-instances {processDefinitionKey, variables: [{name, type, value}]}. */
  Request startRequest(String processKey, Map<String, Object> variables) {
    ObjectNode body = mapper.createObjectNode();
    body.put("processDefinitionKey", processKey);
    ArrayNode vars = body.putArray("variables");
    variables.forEach((name, value) -> {
      ObjectNode v = vars.addObject();
      v.put("name", name);
      if (value instanceof Integer i) {
        v.put("type", "integer").put("value", i);
      } else if (value instanceof Long l) {
        v.put("type", "long").put("value", l);
      } else if (value instanceof Double d) {
        v.put("type", "double").put("value", d);
      } else if (value instanceof Boolean b) {
        v.put("type", "boolean").put("value", b);
      } else if (value instanceof String s) {
        v.put("type", "string").put("value", s);
      } else {
        v.put("type", "json").set("value", mapper.valueToTree(value));
      }
    });
    byte[] bytes;
    try {
      bytes = mapper.writeValueAsBytes(body);
    } catch (IOException e) {
      throw new IllegalArgumentException(e);
    }
    return new Request.Builder().url(instances).header("Accept", "application/json")
        .post(RequestBody.create(bytes, JSON)).build();
  }

  /** GET runtime/process-instances/{id}. */
  Request getRequest(String id) {
    return new Request.Builder().url(instances.newBuilder().addPathSegment(id).build())
        .header("Accept", "application/json").get().build();
  }

  /** Sends asynchronously (OkHttp's dispatcher), completing with the parsed 2xx answer. */
  CompletableFuture<JsonNode> send(Request request) {
    CompletableFuture<JsonNode> f = new CompletableFuture<>();
    http.newCall(request).enqueue(new Callback() {
      @Override
      public void onResponse(Call call, Response response) {
        try (response) {
          if (!response.isSuccessful()) {
            f.completeExceptionally(new IOException("HTTP " + response.code()));
            return;
          }
          f.complete(mapper.readTree(response.body().bytes()));
        } catch (IOException | RuntimeException e) {
          f.completeExceptionally(e);
        }
      }

      @Override
      public void onFailure(Call call, IOException e) {
        f.completeExceptionally(e);
      }
    });
    return f;
  }

  /** Sends synchronously on the caller's thread. */
  JsonNode execute(Request request) throws IOException {
    try (Response response = http.newCall(request).execute()) {
      if (!response.isSuccessful()) {
        throw new IOException("HTTP " + response.code());
      }
      return mapper.readTree(response.body().bytes());
    }
  }

  @Override
  public void close() {
    http.dispatcher().cancelAll();
    threads.shutdown();
    http.connectionPool().evictAll();
  }
}
