package io.flowport.opentelemetry;

import io.flowport.core.CallListener;
import io.flowport.core.error.WorkflowException;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapSetter;
import java.util.Objects;
import java.util.concurrent.CancellationException;

/**
 * Traces what a Flowport client does with OpenTelemetry: add it as a listener.
 *
 * <pre>{@code
 * ClientOptions options = ClientOptions.builder()
 *     .listener(FlowportTracing.builder(openTelemetry).endpoint("zeebe.internal:26500").build())
 *     .build();
 * }</pre>
 *
 * <ul>
 *   <li>Each call is a {@link SpanKind#CLIENT} span, child of the span current where the call was
 *       made, named {@code "<engine>/<operation>"} (e.g. {@code "zeebe/start instance"}), with the
 *       RPC attributes {@code rpc.system=flowport}, {@code rpc.service=<engine>},
 *       {@code rpc.method=<operation>}, {@code server.address}/{@code server.port} when the
 *       endpoint is given, and {@code flowport.attempts} at its end.
 *   <li>Each attempt is a child span {@code "<engine>/<operation> attempt"} with
 *       {@code flowport.attempt} (from 1) and, when it failed, {@code flowport.will_retry}.
 *   <li>A failure sets status ERROR, {@code error.type} (the exception's class), the exception as
 *       an event, and for engine errors {@code flowport.error.kind} and {@code flowport.wire_status}.
 *       A cancelled call is not an error: it gets {@code flowport.cancelled=true}.
 *   <li>The attempt's context is injected into the request with the OpenTelemetry instance's
 *       propagators (W3C {@code traceparent} by default in the SDK's autoconfiguration): an HTTP
 *       header for REST engines, gRPC metadata for Zeebe, so the engine's spans join the trace.
 * </ul>
 */
public final class FlowportTracing implements CallListener {
  static final AttributeKey<String> RPC_SYSTEM = AttributeKey.stringKey("rpc.system");
  static final AttributeKey<String> RPC_SERVICE = AttributeKey.stringKey("rpc.service");
  static final AttributeKey<String> RPC_METHOD = AttributeKey.stringKey("rpc.method");
  static final AttributeKey<String> SERVER_ADDRESS = AttributeKey.stringKey("server.address");
  static final AttributeKey<Long> SERVER_PORT = AttributeKey.longKey("server.port");
  static final AttributeKey<String> ERROR_TYPE = AttributeKey.stringKey("error.type");
  static final AttributeKey<Long> ATTEMPT = AttributeKey.longKey("flowport.attempt");
  static final AttributeKey<Long> ATTEMPTS = AttributeKey.longKey("flowport.attempts");
  static final AttributeKey<Boolean> WILL_RETRY = AttributeKey.booleanKey("flowport.will_retry");
  static final AttributeKey<Boolean> CANCELLED = AttributeKey.booleanKey("flowport.cancelled");
  static final AttributeKey<String> ERROR_KIND = AttributeKey.stringKey("flowport.error.kind");
  static final AttributeKey<String> WIRE_STATUS = AttributeKey.stringKey("flowport.wire_status");
  /** The instrumentation scope of the spans. */
  public static final String SCOPE = "io.flowport.opentelemetry";

  private static final TextMapSetter<AttemptStart> HEADERS = (attempt, name, value) -> attempt.header(name, value);

  private final OpenTelemetry openTelemetry;
  private final Tracer tracer;
  private final Endpoint endpoint;

  private FlowportTracing(Builder b) {
    this.openTelemetry = b.openTelemetry;
    this.tracer = b.openTelemetry.getTracer(SCOPE);
    this.endpoint = b.endpoint;
  }

  /**
   * Tracing with {@code openTelemetry}'s tracer and propagators, no endpoint attributes.
   *
   * @param openTelemetry the open telemetry
   * @return the flowport tracing
   */
  public static FlowportTracing of(OpenTelemetry openTelemetry) {
    return builder(openTelemetry).build();
  }

  /**
   * Starts configuring tracing with {@code openTelemetry}.
   *
   * @param openTelemetry the open telemetry
   * @return a new builder
   */
  public static Builder builder(OpenTelemetry openTelemetry) {
    return new Builder(openTelemetry);
  }

  @Override
  public void onCallStart(Call call) {
    String name = call.engine() + "/" + call.operation().name();
    var span = tracer.spanBuilder(name)
        .setSpanKind(SpanKind.CLIENT)
        .setParent(Context.current())
        .setAttribute(RPC_SYSTEM, "flowport")
        .setAttribute(RPC_SERVICE, call.engine())
        .setAttribute(RPC_METHOD, call.operation().name());
    if (endpoint != null) {
      span.setAttribute(SERVER_ADDRESS, endpoint.host());
      if (endpoint.port() > 0) {
        span.setAttribute(SERVER_PORT, (long) endpoint.port());
      }
    }
    call.attach(this, new CallSpans(name, span.startSpan()));
  }

  @Override
  public void beforeAttempt(AttemptStart attempt) {
    CallSpans spans = attempt.call().attachment(this, CallSpans.class);
    if (spans == null) {
      return;
    }
    Span span = tracer.spanBuilder(spans.name + " attempt")
        .setSpanKind(SpanKind.INTERNAL)
        .setParent(Context.root().with(spans.call))
        .setAttribute(ATTEMPT, (long) attempt.attempt())
        .startSpan();
    spans.attemptStarted(attempt.attempt(), span);
    openTelemetry.getPropagators().getTextMapPropagator().inject(Context.root().with(span), attempt, HEADERS);
  }

  @Override
  public void onAttempt(AttemptEvent event) {
    CallSpans spans = event.call() == null ? null : event.call().attachment(this, CallSpans.class);
    Span span = spans == null ? null : spans.attemptEnded(event.attempt());
    if (span == null) {
      return; // not traced, or already ended with its call
    }
    if (event.error() != null) {
      span.setAttribute(WILL_RETRY, event.willRetry());
      failed(span, event.error());
    }
    span.end();
  }

  @Override
  public void onCallEnd(CallEnd event) {
    CallSpans spans = event.call().attachment(this, CallSpans.class);
    if (spans == null) {
      return;
    }
    event.call().attach(this, null);
    Span open = spans.attemptEnded(event.attempts());
    if (open != null) { // the call timed out or was cancelled with this attempt in flight
      failed(open, event.error());
      open.end();
    }
    spans.call.setAttribute(ATTEMPTS, (long) event.attempts());
    if (event.error() != null) {
      failed(spans.call, event.error());
    }
    spans.call.end();
  }

  private static void failed(Span span, Throwable error) {
    if (error == null) {
      return;
    }
    if (error instanceof CancellationException) {
      span.setAttribute(CANCELLED, true);
      return;
    }
    span.setStatus(StatusCode.ERROR, error.getMessage() == null ? error.getClass().getSimpleName() : error.getMessage());
    span.setAttribute(ERROR_TYPE, error.getClass().getName());
    if (error instanceof WorkflowException we) {
      span.setAttribute(ERROR_KIND, we.kind().name());
      if (we.wireStatus() != null) {
        span.setAttribute(WIRE_STATUS, we.wireStatus());
      }
    }
    span.recordException(error);
  }

  /** The spans of one call: its own, and that of the attempt in flight. */
  private static final class CallSpans {
    final String name;
    final Span call;
    private Span attempt;
    private int attemptNumber;

    CallSpans(String name, Span call) {
      this.name = name;
      this.call = call;
    }

    synchronized void attemptStarted(int number, Span span) {
      attempt = span;
      attemptNumber = number;
    }

    /** The span of attempt {@code number} if it is still open, now closed to others. */
    synchronized Span attemptEnded(int number) {
      if (attempt == null || attemptNumber != number) {
        return null;
      }
      Span span = attempt;
      attempt = null;
      return span;
    }
  }

  /** The engine's host and port, for the {@code server.*} attributes. */
  private record Endpoint(String host, int port) {
    static Endpoint parse(String endpoint) {
      String s = endpoint.trim();
      int scheme = s.indexOf("://");
      if (scheme >= 0) {
        s = s.substring(scheme + 3);
      }
      int end = s.length();
      for (char c : new char[] {'/', ',', '?', '#'}) {
        int i = s.indexOf(c);
        if (i >= 0 && i < end) {
          end = i;
        }
      }
      s = s.substring(0, end);
      int at = s.lastIndexOf('@'); // user info never reaches an attribute
      if (at >= 0) {
        s = s.substring(at + 1);
      }
      int colon = s.lastIndexOf(':');
      if (colon > 0 && s.indexOf(']') < colon) {
        try {
          return new Endpoint(s.substring(0, colon), Integer.parseInt(s.substring(colon + 1)));
        } catch (NumberFormatException e) {
          return new Endpoint(s, -1);
        }
      }
      return new Endpoint(s, -1);
    }
  }

  /** Configures {@link FlowportTracing}. */
  public static final class Builder {
    private final OpenTelemetry openTelemetry;
    private Endpoint endpoint;

    private Builder(OpenTelemetry openTelemetry) {
      this.openTelemetry = Objects.requireNonNull(openTelemetry, "openTelemetry == null");
    }

    /**
     * {@return the client's endpoint (a URL or {@code host:port}; the first of several), reported as
     * {@code server.address} and {@code server.port}} User info in a URL is left out.
     *
     * @param endpoint the endpoint
     */
    public Builder endpoint(String endpoint) {
      Objects.requireNonNull(endpoint, "endpoint == null");
      if (endpoint.isBlank()) {
        throw new IllegalArgumentException("endpoint must not be blank");
      }
      this.endpoint = Endpoint.parse(endpoint);
      return this;
    }

    /** {@return the listener} */
    public FlowportTracing build() {
      return new FlowportTracing(this);
    }
  }
}
