package io.flowport.testkit.fakes;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.BindException;

/**
 * A fake could not start, most often because its port is in use. The message names the fake and
 * the address; the cause is the I/O error underneath (a {@link BindException} for a taken port),
 * never a type of the library the fake runs on.
 */
public class FakeStartException extends UncheckedIOException {
  private static final long serialVersionUID = 1L;

  /**
   * A fake that did not start.
   *
   * @param fake what did not start, e.g. {@code "the fake Zeebe gateway"}
   * @param address the host and port it tried to bind, e.g. {@code "127.0.0.1:26500"}
   * @param cause the I/O error underneath
   */
  public FakeStartException(String fake, String address, IOException cause) {
    super("cannot start " + fake + " on " + address + ": "
        + (cause instanceof BindException ? "the port is in use or the address is not local ("
            + cause.getMessage() + ")" : cause.getMessage()), cause);
  }

  /**
   * The exception for {@code failure}, whatever wraps the I/O error: a BindException among its
   * causes, else the first IOException, becomes the cause; without one, {@code failure} is kept
   * inside an IOException.
   *
   * @param fake what did not start
   * @param address the host and port it tried to bind
   * @param failure what the server library threw
   * @return the exception to throw
   */
  public static FakeStartException of(String fake, String address, Throwable failure) {
    IOException io = null;
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof BindException bind) {
        return new FakeStartException(fake, address, bind); // the one that says why
      }
      if (io == null && t instanceof IOException first) {
        io = first;
      }
    }
    return new FakeStartException(fake, address,
        io != null ? io : new IOException(String.valueOf(failure.getMessage()), failure));
  }
}
