package io.flowport.it.flowable;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;

/**
 * Prints the tail of the engine's log file ({@value #LOG}) when a test fails: the engine logs to
 * that file, not the console, so passing tests stay quiet. Registered for every test of this
 * module by JUnit's extension auto-detection (see junit-platform.properties).
 */
public final class EngineLogOnFailure implements TestWatcher {
  static final String LOG = "target/flowable-engine.log";
  private static final int LINES = 150;

  @Override
  public void testFailed(ExtensionContext context, Throwable cause) {
    Path log = Path.of(LOG);
    try {
      List<String> lines = Files.exists(log) ? Files.readAllLines(log, StandardCharsets.UTF_8) : List.of();
      List<String> tail = lines.subList(Math.max(0, lines.size() - LINES), lines.size());
      System.err.println("---- " + context.getDisplayName() + " failed; the last " + tail.size() + " lines of "
          + log.toAbsolutePath() + " ----");
      tail.forEach(System.err::println);
      System.err.println("---- end of " + LOG + " ----");
    } catch (IOException | RuntimeException e) {
      System.err.println("cannot read " + log.toAbsolutePath() + ": " + e);
    }
  }

  @Override
  public void testAborted(ExtensionContext context, Throwable cause) {}

  @Override
  public void testDisabled(ExtensionContext context, Optional<String> reason) {}
}
