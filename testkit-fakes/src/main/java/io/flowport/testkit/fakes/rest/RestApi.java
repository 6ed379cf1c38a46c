package io.flowport.testkit.fakes.rest;

import io.flowport.testkit.engine.EngineException;
import io.flowport.testkit.fakes.http.FakeHandler;
import io.flowport.testkit.fakes.http.FakeRequest;
import io.flowport.testkit.fakes.http.FakeResponse;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * One engine's REST API as a fake serves it: its {@link RestRoutes}, its error shape
 * ({@link ErrorBody}), its {@link StatusTable} for engine failures, optionally the credentials it
 * requires and the bodies of its injected 429 / 503 answers. It answers one request at a time, so a
 * handler sees the engine and the fake's own bookkeeping in one consistent state.
 *
 * <p>Order per request: credentials (a refused request gets {@code refused}'s answer, even on an
 * unknown path, as a servlet filter in front of the API does), then the route. What a handler throws
 * becomes an answer: a {@link RestError} its status and detail, an {@link EngineException} the
 * table's status with the engine's message, any other exception (a bug in the fake) a 500 with its
 * text, never a hung client.
 */
public final class RestApi implements FakeHandler {
  private final RestRoutes routes;
  private final ErrorBody errors;
  private final StatusTable statuses;
  private final RestAuth auth;
  private final Function<FakeRequest, FakeResponse> refused;
  private final Function<FakeRequest, FakeResponse> backPressure;
  private final Function<FakeRequest, FakeResponse> unavailable;

  private RestApi(Builder b) {
    this.routes = Objects.requireNonNull(b.routes, "routes are required");
    this.errors = Objects.requireNonNull(b.errors, "an error body is required");
    this.statuses = Objects.requireNonNull(b.statuses, "a status table is required");
    this.auth = b.auth;
    this.refused = b.refused;
    this.backPressure = b.backPressure;
    this.unavailable = b.unavailable;
  }

  /** {@return an API to describe} */
  public static Builder builder() {
    return new Builder();
  }

  @Override
  public synchronized FakeResponse handle(FakeRequest request) {
    if (auth != null && !auth.allows(request)) {
      return refused.apply(request);
    }
    try {
      return routes.handle(request);
    } catch (RestError e) {
      return errors.render(e.status(), e.getMessage(), request);
    } catch (EngineException e) {
      return errors.render(statuses.statusOf(e), e.getMessage(), request);
    } catch (RuntimeException e) {
      return errors.render(500, e.toString(), request);
    }
  }

  /** {@return the engine's answer to an injected back-pressure fault, when it has its own} */
  public Optional<Function<FakeRequest, FakeResponse>> backPressureAnswer() {
    return Optional.ofNullable(backPressure);
  }

  /** {@return the engine's answer to an injected unavailable fault, when it has its own} */
  public Optional<Function<FakeRequest, FakeResponse>> unavailableAnswer() {
    return Optional.ofNullable(unavailable);
  }

  /** {@return the route table} */
  public RestRoutes routes() {
    return routes;
  }

  /** {@return the engine-failure statuses} */
  public StatusTable statuses() {
    return statuses;
  }

  /** Describes a {@link RestApi}. */
  public static final class Builder {
    private RestRoutes routes;
    private ErrorBody errors;
    private StatusTable statuses;
    private RestAuth auth;
    private Function<FakeRequest, FakeResponse> refused;
    private Function<FakeRequest, FakeResponse> backPressure;
    private Function<FakeRequest, FakeResponse> unavailable;

    private Builder() {}

    /**
     * {@return the routes (required)}
     *
     * @param value the value
     */
    public Builder routes(RestRoutes value) {
      this.routes = Objects.requireNonNull(value, "routes == null");
      return this;
    }

    /**
     * {@return the engine's error shape (required)}
     *
     * @param value the value
     */
    public Builder errors(ErrorBody value) {
      this.errors = Objects.requireNonNull(value, "errors == null");
      return this;
    }

    /**
     * {@return the statuses of engine failures (required)}
     *
     * @param value the value
     */
    public Builder statuses(StatusTable value) {
      this.statuses = Objects.requireNonNull(value, "statuses == null");
      return this;
    }

    /**
     * Requires {@code auth}; a request without it gets {@code refused}'s answer (default: no auth).
     *
     * @param value the value
     * @param refusedAnswer the refused answer
     * @return this builder
     */
    public Builder auth(RestAuth value, Function<FakeRequest, FakeResponse> refusedAnswer) {
      this.auth = Objects.requireNonNull(value, "auth == null");
      this.refused = Objects.requireNonNull(refusedAnswer, "refusedAnswer == null");
      return this;
    }

    /**
     * {@return the answer to an injected back-pressure fault (default: the {@code HttpFakeServer}'s 429)}
     *
     * @param value the value
     */
    public Builder backPressureAnswer(Function<FakeRequest, FakeResponse> value) {
      this.backPressure = Objects.requireNonNull(value, "value == null");
      return this;
    }

    /**
     * {@return the answer to an injected unavailable fault (default: the {@code HttpFakeServer}'s 503)}
     *
     * @param value the value
     */
    public Builder unavailableAnswer(Function<FakeRequest, FakeResponse> value) {
      this.unavailable = Objects.requireNonNull(value, "value == null");
      return this;
    }

    /** {@return the API} */
    public RestApi build() {
      return new RestApi(this);
    }
  }
}
