package io.flowport.core.testing;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.slf4j.ILoggerFactory;
import org.slf4j.IMarkerFactory;
import org.slf4j.Logger;
import org.slf4j.Marker;
import org.slf4j.event.Level;
import org.slf4j.helpers.BasicMarkerFactory;
import org.slf4j.helpers.LegacyAbstractLogger;
import org.slf4j.helpers.MessageFormatter;
import org.slf4j.helpers.NOPMDCAdapter;
import org.slf4j.spi.MDCAdapter;
import org.slf4j.spi.SLF4JServiceProvider;

/**
 * The SLF4J provider of sdk-core's tests: every event at every level is kept in memory for the
 * tests that assert on logs, and WARN and above is printed to stderr as a plain logger would.
 */
public final class CapturedLogs implements SLF4JServiceProvider {
  /** One logged event, its message formatted. */
  public record Event(Level level, String logger, String message, Throwable error) {}

  private static final List<Event> EVENTS = new CopyOnWriteArrayList<>();

  private final ConcurrentMap<String, Logger> loggers = new ConcurrentHashMap<>();
  private final IMarkerFactory markers = new BasicMarkerFactory();
  private final MDCAdapter mdc = new NOPMDCAdapter();

  /** Forgets what was logged so far. */
  public static void clear() {
    EVENTS.clear();
  }

  /** What was logged since the last {@link #clear()}, by loggers under {@code prefix}. */
  public static List<Event> under(String prefix) {
    return EVENTS.stream().filter(e -> e.logger().startsWith(prefix)).toList();
  }

  @Override
  public ILoggerFactory getLoggerFactory() {
    return name -> loggers.computeIfAbsent(name, Captured::new);
  }

  @Override
  public IMarkerFactory getMarkerFactory() {
    return markers;
  }

  @Override
  public MDCAdapter getMDCAdapter() {
    return mdc;
  }

  @Override
  public String getRequestedApiVersion() {
    return "2.0.99";
  }

  @Override
  public void initialize() {}

  private static final class Captured extends LegacyAbstractLogger {
    private static final long serialVersionUID = 1L;

    Captured(String name) {
      this.name = name;
    }

    @Override
    protected String getFullyQualifiedCallerName() {
      return null;
    }

    @Override
    protected void handleNormalizedLoggingCall(
        Level level, Marker marker, String pattern, Object[] args, Throwable error) {
      Event event = new Event(level, name, MessageFormatter.basicArrayFormat(pattern, args), error);
      EVENTS.add(event);
      if (level.toInt() >= Level.WARN.toInt()) {
        System.err.println(level + " " + name + " - " + event.message());
        if (error != null) {
          error.printStackTrace();
        }
      }
    }

    @Override
    public boolean isTraceEnabled() {
      return false;
    }

    @Override
    public boolean isDebugEnabled() {
      return true;
    }

    @Override
    public boolean isInfoEnabled() {
      return true;
    }

    @Override
    public boolean isWarnEnabled() {
      return true;
    }

    @Override
    public boolean isErrorEnabled() {
      return true;
    }
  }
}
