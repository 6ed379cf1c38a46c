package io.flowport.testkit.assertions.internal;

import io.flowport.testkit.engine.Incident;
import io.flowport.testkit.engine.InstanceSnapshot;
import io.flowport.testkit.engine.JobSnapshot;
import java.util.Collection;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Renders an {@link InstanceSnapshot} as a few indented lines for failure messages:
 *
 * <pre>
 * instance 2251799813685251 of process 'order' v1: RUNNING
 *   business key: o-1
 *   variables:    {amount=120, name="Ann"}
 *   passed:       [start, charge]
 *   active:       [review]
 *   failed:       []
 *   incidents:    none
 *   open jobs:    user:review at review (retries 3)
 * </pre>
 *
 * Strings are quoted so that {@code "120"} and {@code 120} look different; long values are cut.
 */
public final class InstanceSummary {
  /** Values longer than this are cut in summaries. */
  public static final int MAX_VALUE_CHARS = 200;

  private InstanceSummary() {}

  /** The summary without jobs. */
  public static String of(InstanceSnapshot s) {
    return of(s, List.of(), "");
  }

  /**
   * The summary, listing {@code jobs} (only those of this instance are shown) and starting every
   * line with {@code indent}.
   */
  public static String of(InstanceSnapshot s, Collection<JobSnapshot> jobs, String indent) {
    StringBuilder b = new StringBuilder();
    b.append(indent).append(headline(s)).append('\n');
    if (s.businessKey() != null) {
      line(b, indent, "business key", s.businessKey());
    }
    line(b, indent, "variables", variables(s.variables()));
    line(b, indent, "passed", s.passedNodeIds().toString());
    line(b, indent, "active", s.activeNodeIds().toString());
    line(b, indent, "failed", s.failedNodeIds().toString());
    line(b, indent, "incidents", incidents(s.incidents()));
    StringBuilder j = new StringBuilder();
    for (JobSnapshot job : jobs) {
      if (job.instanceId().equals(s.id())) {
        if (j.length() > 0) {
          j.append(", ");
        }
        j.append(job.type()).append(" at ").append(job.nodeId()).append(" (retries ").append(job.retries());
        if (job.errorMessage() != null) {
          j.append(", last error ").append(value(job.errorMessage()));
        }
        j.append(')');
      }
    }
    if (j.length() > 0) {
      line(b, indent, "open jobs", j.toString());
    }
    b.setLength(b.length() - 1);
    return b.toString();
  }

  /** {@code instance <id> of process '<processId>' v<version>: <STATE>}. */
  public static String headline(InstanceSnapshot s) {
    return "instance " + s.id() + " of process '" + s.processId() + "' v" + s.version() + ": " + s.state();
  }

  /** The incidents as {@code node: "message"}, or {@code none}. */
  public static String incidents(List<Incident> incidents) {
    if (incidents.isEmpty()) {
      return "none";
    }
    StringBuilder b = new StringBuilder();
    for (Incident i : incidents) {
      if (b.length() > 0) {
        b.append(", ");
      }
      b.append(i.nodeId()).append(": ").append(value(i.message()));
    }
    return b.toString();
  }

  /** The variables as {@code {name=value, ...}}, sorted by name, with strings quoted. */
  public static String variables(Map<String, ?> variables) {
    StringBuilder b = new StringBuilder("{");
    Iterator<? extends Map.Entry<String, ?>> it = sorted(variables).entrySet().iterator();
    while (it.hasNext()) {
      Map.Entry<String, ?> e = it.next();
      b.append(e.getKey()).append('=').append(value(e.getValue()));
      if (it.hasNext()) {
        b.append(", ");
      }
    }
    return b.append('}').toString();
  }

  /** The variable names, sorted. */
  public static List<String> names(Map<String, ?> variables) {
    return List.copyOf(sorted(variables).keySet());
  }

  private static Map<String, ?> sorted(Map<String, ?> variables) {
    TreeMap<String, Object> copy = new TreeMap<>(Comparator.nullsFirst(Comparator.<String>naturalOrder()));
    copy.putAll(variables);
    return copy;
  }

  /** One value: strings quoted, null as {@code null}, long values cut. */
  public static String value(Object v) {
    String text;
    if (v == null) {
      return "null";
    } else if (v instanceof CharSequence) {
      text = "\"" + v + "\"";
    } else if (v.getClass().isArray()) {
      text = arrayToString(v);
    } else {
      text = String.valueOf(v);
    }
    if (text.length() > MAX_VALUE_CHARS) {
      return text.substring(0, MAX_VALUE_CHARS) + "...(" + text.length() + " chars)";
    }
    return text;
  }

  /** A value with its type, for when two values print the same: {@code 120 (Integer)}. */
  public static String valueWithType(Object v) {
    return v == null ? "null" : value(v) + " (" + v.getClass().getSimpleName() + ")";
  }

  private static String arrayToString(Object array) {
    if (array instanceof Object[] objects) {
      return java.util.Arrays.deepToString(objects);
    }
    int n = java.lang.reflect.Array.getLength(array);
    StringBuilder b = new StringBuilder("[");
    for (int i = 0; i < n; i++) {
      if (i > 0) {
        b.append(", ");
      }
      b.append(java.lang.reflect.Array.get(array, i));
    }
    return b.append(']').toString();
  }

  private static void line(StringBuilder b, String indent, String label, String text) {
    b.append(indent).append("  ").append(label).append(':');
    for (int i = label.length(); i < 13; i++) {
      b.append(' ');
    }
    b.append(text).append('\n');
  }
}
