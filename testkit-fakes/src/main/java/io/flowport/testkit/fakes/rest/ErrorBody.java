package io.flowport.testkit.fakes.rest;

import io.flowport.testkit.fakes.http.FakeRequest;
import io.flowport.testkit.fakes.http.FakeResponse;

/**
 * An engine's error shape: how a status and a detail text look on its wire, e.g. Flowable's
 * {@code {"message":"Not found","exception":"<detail>"}} or an XML {@code <Error>} document.
 */
@FunctionalInterface
public interface ErrorBody {
  /**
   * {@return the answer for {@code status} with {@code detail}, to {@code request}}
   *
   * @param status the status
   * @param detail the detail
   * @param request what to send
   */
  FakeResponse render(int status, String detail, FakeRequest request);
}
