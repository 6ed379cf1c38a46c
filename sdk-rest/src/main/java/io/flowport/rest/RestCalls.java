package io.flowport.rest;

import io.flowport.core.Operation;
import io.flowport.core.error.ErrorInfo;
import io.flowport.core.error.ErrorKind;
import io.flowport.core.error.WorkflowException;
import io.flowport.core.spi.CallContext;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A REST backend's requests: sent by the {@link RestTransport} (which only sends), read here with
 * the adapter's {@link ErrorReader}. A 2xx answer goes to the call's {@link ResponseReader}; a
 * {@link Fallback} may take over chosen error answers (Flowable's 404 from the runtime, then the
 * history); every other answer becomes the error reader's exception. A reader failure other than a
 * WorkflowException becomes UnexpectedResponseException with an excerpt of the body, so no parser
 * exception or NPE reaches the caller.
 *
 * <pre>{@code
 * RestCalls http = new RestCalls(transport, AcmeErrors.READER);
 * CompletableFuture<Instance> got = http.call(ctx, RestRequest.get("runs", id).build(),
 *     r -> AcmeJson.instance(r.json()));
 * }</pre>
 *
 * <p>Cancelling a returned future cancels the request in flight, the fallback's included.
 */
public final class RestCalls {
  private static final Logger log = LoggerFactory.getLogger(RestCalls.class);

  private final RestTransport transport;
  private final ErrorReader errors;

  /**
   * @param transport sends the requests; {@link #close()} closes it
   * @param errors reads error answers into the adapter's exceptions
   */
  public RestCalls(RestTransport transport, ErrorReader errors) {
    this.transport = Objects.requireNonNull(transport, "transport == null");
    this.errors = Objects.requireNonNull(errors, "errors == null");
  }

  /** {@return the transport the requests go through} */
  public RestTransport transport() {
    return transport;
  }

  /**
   * Sends {@code request} once; a 2xx answer is read by {@code reader}, any other by the error reader.
   *
   * @param <T> the type of the result
   * @param ctx the context
   * @param request what to send
   * @param reader the reader
   * @return a future of the result, or failed with a WorkflowException
   */
  public <T> CompletableFuture<T> call(CallContext ctx, RestRequest request, ResponseReader<T> reader) {
    return RestFutures.map(transport.send(ctx, request), response -> read(ctx.operation(), response, reader));
  }

  /**
   * {@link #call(CallContext, RestRequest, ResponseReader)} ignoring the body of the answer.
   *
   * @param ctx the context
   * @param request what to send
   * @return a future that completes when the call has succeeded, or exceptionally with a WorkflowException
   */
  public CompletableFuture<Void> call(CallContext ctx, RestRequest request) {
    return call(ctx, request, ResponseReader.discard());
  }

  /**
   * As {@link #call(CallContext, RestRequest, ResponseReader)}, but an error answer that
   * {@code fallback} applies to is handed to it (it may send further requests in the same
   * attempt, under the same deadline).
   *
   * @param <T> the type of the result
   * @param ctx the context
   * @param request what to send
   * @param reader the reader
   * @param fallback the fallback
   * @return a future of the result, or failed with a WorkflowException
   */
  public <T> CompletableFuture<T> call(
      CallContext ctx, RestRequest request, ResponseReader<T> reader, Fallback<T> fallback) {
    Objects.requireNonNull(fallback, "fallback == null");
    return RestFutures.compose(transport.send(ctx, request), response -> {
      if (!response.isSuccessful() && fallback.appliesTo(response)) {
        return fallback.recover(response);
      }
      return CompletableFuture.completedFuture(read(ctx.operation(), response, reader));
    });
  }

  /**
   * {@return the value {@code reader} reads from a 2xx {@code response}; for other statuses, throws the
   * error reader's exception}
   *
   * @param <T> the type of the result
   * @param operation the operation called
   * @param response the response
   * @param reader the reader
   */
  public <T> T read(Operation operation, RestResponse response, ResponseReader<T> reader) {
    if (!response.isSuccessful()) {
      throw error(operation, response);
    }
    try {
      return reader.read(response);
    } catch (ErrorAnswer e) {
      throw error(operation, response); // an error inside a 2xx answer (an envelope)
    } catch (WorkflowException e) {
      throw e;
    } catch (Exception | StackOverflowError e) {
      throw RestErrors.unexpected(transport.engine(), operation, response, e);
    }
  }

  /**
   * {@return the exception for an error answer, from the error reader; never null, never a parser exception}
   *
   * @param operation the operation called
   * @param response the response
   */
  public WorkflowException error(Operation operation, RestResponse response) {
    try {
      WorkflowException e = errors.read(operation, response);
      if (e != null) {
        return e;
      }
    } catch (RuntimeException e) {
      // The answer may echo the credentials sent: redacted, as the errors the caller gets are.
      log.debug("[{}] the error reader failed on {}", transport.engine(),
          transport.secrets().redact(String.valueOf(response)), transport.secrets().redact(e));
    }
    return ErrorKind.UNKNOWN_STATUS.toException(new ErrorInfo(transport.engine(), operation,
        String.valueOf(response.status()), null, "unreadable error answer: " + response.excerpt(),
        response.requestId(), true));
  }

  /**
   * {@return a future failed with {@link #error} of {@code response}: for a fallback that gives up}
   *
   * @param <T> the type of the result
   * @param operation the operation called
   * @param response the response
   */
  public <T> CompletableFuture<T> failed(Operation operation, RestResponse response) {
    return CompletableFuture.failedFuture(error(operation, response));
  }

  /** Closes the transport. */
  public void close() {
    transport.close();
  }

  /**
   * What to do instead of failing on chosen error answers.
   *
   * @param <T> the call's result
   */
  public interface Fallback<T> {
    /**
     * {@return whether this fallback takes over {@code response} (an error answer)}
     *
     * @param response the response
     */
    boolean appliesTo(RestResponse response);

    /**
     * {@return the call's result made from the error answer; may send further requests}
     *
     * @param response the response
     */
    CompletableFuture<T> recover(RestResponse response);

    /**
     * Takes over the answers {@code when} accepts, with {@code then}.
     *
     * @param <T> the type of the result
     * @param when the when
     * @param then the then
     * @return the fallback
     */
    static <T> Fallback<T> when(
        Predicate<RestResponse> when, Function<RestResponse, CompletableFuture<T>> then) {
      Objects.requireNonNull(when, "when == null");
      Objects.requireNonNull(then, "then == null");
      return new Fallback<>() {
        @Override
        public boolean appliesTo(RestResponse response) {
          return when.test(response);
        }

        @Override
        public CompletableFuture<T> recover(RestResponse response) {
          return then.apply(response);
        }
      };
    }

    /**
     * Takes over answers with HTTP {@code status}, with {@code then}.
     *
     * @param <T> the type of the result
     * @param status the status
     * @param then the then
     * @return the fallback
     */
    static <T> Fallback<T> onStatus(int status, Function<RestResponse, CompletableFuture<T>> then) {
      return when(r -> r.status() == status, then);
    }
  }
}
