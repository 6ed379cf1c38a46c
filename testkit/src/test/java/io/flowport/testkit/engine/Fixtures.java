package io.flowport.testkit.engine;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;


final class Fixtures {
  private Fixtures() {}

  static byte[] bpmn(String name) {
    try (InputStream in = Fixtures.class.getResourceAsStream("/engine/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException("no fixture " + name);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static EngineException failsWith(EngineException.Reason reason, ThrowingCallable call) {
    Throwable t = org.assertj.core.api.Assertions.catchThrowable(call);
    org.assertj.core.api.Assertions.assertThat(t).isInstanceOf(EngineException.class);
    EngineException e = (EngineException) t;
    org.assertj.core.api.Assertions.assertThat(e.reason()).as(e.getMessage()).isEqualTo(reason);
    return e;
  }

}
