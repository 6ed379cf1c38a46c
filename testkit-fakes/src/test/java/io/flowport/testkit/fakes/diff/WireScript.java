package io.flowport.testkit.fakes.diff;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One scripted list of exchanges, run the same way, in the same order, against any target that
 * speaks the wire (a fake, the real engine). A step sends raw requests through the target's
 * transport {@code T} and may read earlier answers of the same run ({@link Run#text}) to refer to
 * what that target generated (an instance id), so both targets get the same requests modulo ids.
 *
 * @param <T> the transport a step talks through (a raw HTTP session, a gRPC stub)
 */
public final class WireScript<T> {

  /** One exchange: sends its request(s) and returns the answer to compare. */
  @FunctionalInterface
  public interface Step<T> {
    /** Sends the step's request through {@code transport}; {@code run} holds the answers so far. */
    WireAnswer exchange(T transport, Run run) throws Exception;
  }

  private final Map<String, Step<T>> steps = new LinkedHashMap<>();

  /** Adds a step; names are unique and say what the exchange is. */
  public WireScript<T> step(String name, Step<T> step) {
    if (steps.putIfAbsent(name, step) != null) {
      throw new IllegalArgumentException("duplicate step " + name);
    }
    return this;
  }

  /** The step names, in order. */
  public List<String> names() {
    return List.copyOf(steps.keySet());
  }

  /** Runs every step against {@code transport}, in order; a step that throws fails the run, naming the step. */
  public Run run(String target, T transport) {
    Run run = new Run(target);
    for (Map.Entry<String, Step<T>> e : steps.entrySet()) {
      try {
        run.answers.put(e.getKey(), e.getValue().exchange(transport, run));
      } catch (Exception | AssertionError ex) {
        throw new IllegalStateException(target + ": step '" + e.getKey() + "' failed: " + ex, ex);
      }
    }
    return run;
  }

  /** The answers of one run, by step name, in order. */
  public static final class Run {
    private final String target;
    private final Map<String, WireAnswer> answers = new LinkedHashMap<>();

    Run(String target) {
      this.target = target;
    }

    /** The target's name ({@code "fake"}, {@code "real"}). */
    public String target() {
      return target;
    }

    /** The answers so far, by step name. */
    public Map<String, WireAnswer> answers() {
      return Collections.unmodifiableMap(answers);
    }

    /** The answer of an earlier step. */
    public WireAnswer answer(String step) {
      WireAnswer a = answers.get(step);
      if (a == null) {
        throw new IllegalStateException(target + ": no answer of step '" + step + "' yet");
      }
      return a;
    }

    /** The text at {@code pointer} (a JSON pointer, e.g. {@code /data/0/id}) of an earlier step's body. */
    public String text(String step, String pointer) {
      JsonNode body = answer(step).body();
      JsonNode n = body == null ? null : body.at(pointer);
      if (n == null || n.isMissingNode() || n.isNull()) {
        throw new IllegalStateException(target + ": step '" + step + "' has nothing at " + pointer + ": " + body);
      }
      return n.asText();
    }

    /** Every text at {@code field} of the items of the array at {@code arrayPointer} of an earlier step's body. */
    public List<String> texts(String step, String arrayPointer, String field) {
      List<String> out = new ArrayList<>();
      for (JsonNode item : answer(step).body().at(arrayPointer)) {
        out.add(item.path(field).asText());
      }
      return out;
    }
  }
}
