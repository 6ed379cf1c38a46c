package io.flowport.testkit.fakes.zeebe;

import io.grpc.Metadata;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One call that reached a {@link FakeZeebeGateway}, for assertions.
 *
 * @param method the bare gRPC method name, e.g. {@code "CreateProcessInstance"}
 * @param metadata its text metadata by lower-case key (binary {@code -bin} entries left out), e.g.
 *     to check a {@code traceparent} arrived; {@code toString} shows only the keys, since some
 *     carry secrets
 */
public record RecordedCall(String method, Map<String, String> metadata) {
  /**
   * Copies {@code metadata}.
   *
   * @param method the HTTP method
   * @param metadata the metadata
   */
  public RecordedCall {
    metadata = Map.copyOf(metadata);
  }

  static RecordedCall of(String method, Metadata headers) {
    Map<String, String> text = new LinkedHashMap<>();
    for (String key : headers.keys()) {
      if (!key.endsWith(Metadata.BINARY_HEADER_SUFFIX)) {
        text.put(key, headers.get(Metadata.Key.of(key, Metadata.ASCII_STRING_MARSHALLER)));
      }
    }
    return new RecordedCall(method, text);
  }

  @Override
  public String toString() {
    return "RecordedCall[method=" + method + ", metadata=" + metadata.keySet() + "]";
  }
}
