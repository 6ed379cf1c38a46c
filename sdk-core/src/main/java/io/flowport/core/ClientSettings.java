package io.flowport.core;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The engine-specific settings of a {@link ClientConfig}, read strictly: an adapter declares the
 * settings it knows, and a setting it does not know, or a value it cannot read, fails at once with
 * the list of valid ones. A typo ({@code plaintxt}) must not silently leave TLS on, and
 * {@code "yes"} is not quietly read as false.
 *
 * <pre>{@code
 * ClientSettings s = ClientSettings.of(config, Map.of(
 *     "plaintext", "true for no TLS (default false)",
 *     "keepAlive", "an ISO-8601 duration, e.g. PT45S"));
 * if (s.flag("plaintext", false)) { ... }
 * Duration keepAlive = s.duration("keepAlive");   // null when not set
 * }</pre>
 *
 * A documented name {@code "template.*"} stands for a family of settings
 * {@code template.<name>}, read with {@link #family(String)}.
 */
public final class ClientSettings {
  /**
   * The setting every adapter reads: {@code "true"} lets credentials travel unencrypted to an engine
   * that is not on this machine (the builders' {@code allowPlaintextCredentials()}); refused by default.
   */
  public static final String ALLOW_PLAINTEXT_CREDENTIALS = "allowPlaintextCredentials";

  private final String engine;
  private final Map<String, String> values;
  private final Map<String, String> documented;

  private ClientSettings(String engine, Map<String, String> values, Map<String, String> documented) {
    this.engine = engine;
    this.values = values;
    this.documented = documented;
  }

  /**
   * {@return the settings of {@code config}, checked against {@code documented} (setting name → what it
   * means, shown in error messages)}
   *
   * @param config the configuration
   * @param documented the documented
   * @throws IllegalArgumentException when {@code config} has a setting {@code documented} lacks
   */
  public static ClientSettings of(ClientConfig config, Map<String, String> documented) {
    Objects.requireNonNull(config, "config == null");
    Map<String, String> known = Collections.unmodifiableMap(new LinkedHashMap<>(documented));
    List<String> unknown = new ArrayList<>();
    for (String name : config.settings().keySet()) {
      if (!known.containsKey(name) && familyOf(name, known) == null) {
        unknown.add(name);
      }
    }
    if (!unknown.isEmpty()) {
      throw new IllegalArgumentException("unknown " + (unknown.size() == 1 ? "setting " : "settings ")
          + String.join(", ", unknown.stream().map(n -> "'" + n + "'").toList()) + " for " + config.engine()
          + "; valid settings: " + describe(known));
    }
    return new ClientSettings(config.engine(), config.settings(), known);
  }

  /**
   * {@return the settings named {@code family.<name>}, by {@code <name>}, in the order given; the adapter
   * documents the family as {@code "family.*"}}
   *
   * @param family the family
   */
  public Map<String, String> family(String family) {
    known(family + ".*");
    Map<String, String> members = new LinkedHashMap<>();
    values.forEach((k, v) -> {
      if (k.startsWith(family + ".") && k.length() > family.length() + 1) {
        members.put(k.substring(family.length() + 1), v);
      }
    });
    return Collections.unmodifiableMap(members);
  }

  /** The family ({@code "x.*"}) {@code name} belongs to, or null. */
  private static String familyOf(String name, Map<String, String> known) {
    int dot = name.indexOf('.');
    if (dot <= 0 || dot == name.length() - 1) {
      return null;
    }
    String family = name.substring(0, dot) + ".*";
    return known.containsKey(family) ? family : null;
  }

  /** {@return the settings this adapter knows, with what each means} */
  public Map<String, String> documented() {
    return documented;
  }

  /**
   * {@return the value of {@code name}, or null when it is not set}
   *
   * @param name the name
   */
  public String string(String name) {
    return values.get(known(name));
  }

  /**
   * {@code "true"} or {@code "false"} (any case); {@code fallback} when not set.
   *
   * @param name the name
   * @param fallback the fallback
   * @return the flag's value, or {@code fallback} when it is not set
   * @throws IllegalArgumentException for any other value
   */
  public boolean flag(String name, boolean fallback) {
    String value = string(name);
    if (value == null) {
      return fallback;
    }
    switch (value.trim().toLowerCase(Locale.ROOT)) {
      case "true":
        return true;
      case "false":
        return false;
      default:
        throw invalid(name, value, "true or false");
    }
  }

  /**
   * {@return an ISO-8601 duration such as {@code PT45S}; null when not set}
   *
   * @param name the name
   * @throws IllegalArgumentException when the value is not one, or is negative
   */
  public Duration duration(String name) {
    String value = string(name);
    if (value == null) {
      return null;
    }
    try {
      Duration d = Duration.parse(value.trim());
      if (d.isNegative()) {
        throw invalid(name, value, "a duration that is not negative, e.g. PT30S");
      }
      return d;
    } catch (DateTimeParseException e) {
      throw invalid(name, value, "an ISO-8601 duration, e.g. PT30S");
    }
  }

  private String known(String name) {
    if (!documented.containsKey(name)) {
      // A bug in the adapter, not in the user's configuration.
      throw new IllegalStateException(engine + " reads setting '" + name + "' it does not document");
    }
    return name;
  }

  private IllegalArgumentException invalid(String name, String value, String expected) {
    return new IllegalArgumentException("setting '" + name + "' of " + engine + " is '" + value
        + "'; expected " + expected + " (" + name + ": " + documented.get(name) + ")");
  }

  private static String describe(Map<String, String> known) {
    if (known.isEmpty()) {
      return "none (this adapter reads no settings)";
    }
    List<String> parts = new ArrayList<>();
    known.forEach((k, v) -> parts.add(k + " (" + v + ")"));
    return String.join(", ", parts);
  }
}
