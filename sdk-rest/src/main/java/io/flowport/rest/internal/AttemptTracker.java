package io.flowport.rest.internal;

import okhttp3.Call;
import okhttp3.EventListener;

/**
 * Notes how far one HTTP call got, so a failure can say whether the server may have seen the
 * request: nothing was written before {@code requestHeadersStart}.
 */
public final class AttemptTracker extends EventListener {
  private volatile boolean requestStarted;

  /** True once OkHttp began writing the request to a connection. */
  public boolean requestStarted() {
    return requestStarted;
  }

  @Override
  public void requestHeadersStart(Call call) {
    requestStarted = true;
  }
}
