package io.flowport.rest;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowport.core.error.ErrorTable;
import io.flowport.core.spi.ResponseBodies;
import java.util.Objects;
import java.util.function.Function;

/**
 * An engine that answers errors with HTTP 200: every body is an envelope such as bk-sops'
 * {@code {"result": false, "code": 3001, "message": "...", "trace_id": "...", "data": ...}}. The
 * envelope is read the same way for 2xx and error statuses: a failed envelope goes through the
 * adapter's {@link ErrorTable} with the envelope's code as engine code and the HTTP status as wire
 * status, so the table, not the backend, decides its meaning. A body that is not an envelope
 * (HTML, truncated, empty, no success field) is UnexpectedResponseException with an excerpt.
 *
 * <pre>{@code
 * JsonEnvelope envelope = JsonEnvelope.builder(BambooErrors.TABLE)
 *     .successField("result").codeField("code").messageField("message")
 *     .requestIdField("trace_id").dataField("data").build();
 * http.call(ctx, request, envelope.data(BambooJson::instance));   // 2xx answers
 * new RestCalls(transport, envelope.errorReader());               // the others
 * }</pre>
 */
public final class JsonEnvelope {
  private final ErrorTable table;
  private final String successField;
  private final String codeField;
  private final String messageField;
  private final String requestIdField;
  private final String dataField;
  private final ErrorReader errorReader;

  private JsonEnvelope(Builder b) {
    this.table = b.table;
    this.successField = b.successField;
    this.codeField = b.codeField;
    this.messageField = b.messageField;
    this.requestIdField = b.requestIdField;
    this.dataField = b.dataField;
    RestErrors.ErrorBodyParser parser = response -> {
      JsonNode node = response.jsonIfAny().orElse(null);
      return node == null || !node.isObject() ? null : new RestErrors.ErrorBody(
          ResponseBodies.text(node, codeField), ResponseBodies.text(node, messageField), requestId(node));
    };
    this.errorReader = RestErrors.tableReader(table, parser);
  }

  /**
   * {@return a builder whose failed envelopes go through {@code table}}
   *
   * @param table the error table
   */
  public static Builder builder(ErrorTable table) {
    return new Builder(table);
  }

  /**
   * {@return a reader of 2xx answers: the envelope's data field given to {@code data} when the envelope
   * says success; the table's exception when it says failure}
   *
   * @param <T> the type of the result
   * @param data the callback data
   */
  public <T> ResponseReader<T> data(Function<JsonNode, T> data) {
    Objects.requireNonNull(data, "data == null");
    return response -> {
      JsonNode node = open(response);
      JsonNode payload = dataField == null ? node : node.get(dataField);
      return data.apply(payload == null ? com.fasterxml.jackson.databind.node.NullNode.getInstance() : payload);
    };
  }

  /** {@return a reader of 2xx answers that only checks the envelope says success} */
  public ResponseReader<Void> success() {
    return response -> {
      open(response);
      return null;
    };
  }

  /**
   * {@return the error reader: failed envelopes (in 2xx answers, handed over by {@link RestCalls}) and error
   * statuses, with or without an envelope}
   */
  public ErrorReader errorReader() {
    return errorReader;
  }

  /** The envelope of a 2xx answer; throws the table's exception when it says failure. */
  private JsonNode open(RestResponse response) {
    JsonNode node = response.json();
    JsonNode success = node.isObject() ? node.get(successField) : null;
    if (success == null || !success.isBoolean()) {
      throw new IllegalStateException("no boolean '" + successField + "' in the envelope");
    }
    if (!success.booleanValue()) {
      // RestCalls reads it with errorReader(), as an error status: both paths say the same thing.
      throw ErrorAnswer.INSTANCE;
    }
    return node;
  }

  private String requestId(JsonNode node) {
    return requestIdField == null ? null : ResponseBodies.text(node, requestIdField);
  }

  /** Builds a {@link JsonEnvelope}. */
  public static final class Builder {
    private final ErrorTable table;
    private String successField = "result";
    private String codeField = "code";
    private String messageField = "message";
    private String requestIdField;
    private String dataField = "data";

    private Builder(ErrorTable table) {
      this.table = Objects.requireNonNull(table, "table == null");
    }

    /**
     * {@return the boolean field that says success; {@code result} by default}
     *
     * @param name the name
     */
    public Builder successField(String name) {
      this.successField = Objects.requireNonNull(name, "name == null");
      return this;
    }

    /**
     * {@return the engine's error code; {@code code} by default}
     *
     * @param name the name
     */
    public Builder codeField(String name) {
      this.codeField = Objects.requireNonNull(name, "name == null");
      return this;
    }

    /**
     * {@return the engine's message; {@code message} by default}
     *
     * @param name the name
     */
    public Builder messageField(String name) {
      this.messageField = Objects.requireNonNull(name, "name == null");
      return this;
    }

    /**
     * {@return the request id in the body (bk-sops {@code trace_id}); none by default}
     *
     * @param name the name
     */
    public Builder requestIdField(String name) {
      this.requestIdField = name;
      return this;
    }

    /**
     * {@return the payload of a successful envelope; {@code data} by default, null for the whole body}
     *
     * @param name the name
     */
    public Builder dataField(String name) {
      this.dataField = name;
      return this;
    }

    /** {@return the build} */
    public JsonEnvelope build() {
      return new JsonEnvelope(this);
    }
  }
}
