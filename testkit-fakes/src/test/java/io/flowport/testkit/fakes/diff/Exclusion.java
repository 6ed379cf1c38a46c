package io.flowport.testkit.fakes.diff;

import java.util.regex.Pattern;

/**
 * One thing a differential test leaves out of the comparison because it cannot match between a fake
 * and the real engine, with its name and its reason. {@link WireDiff} applies a list of them.
 *
 * @param name a short name, shown in place of what it hides ({@code <name>}) and in reports
 * @param reason why it cannot match
 * @param kind what is left out
 * @param pattern field names ({@link Kind#ID}, {@link Kind#VALUE}), text ({@link Kind#TEXT}) or step
 *     names ({@link Kind#STEP}) it applies to, matched whole
 */
public record Exclusion(String name, String reason, Kind kind, Pattern pattern) {

  /** What an exclusion leaves out. */
  public enum Kind {
    /**
     * Fields holding generated ids or keys: each distinct value becomes {@code <name#N>} by the order
     * it was first seen in the run, wherever it appears (other fields, URLs, messages), so references
     * between answers still compare.
     */
    ID,
    /**
     * Fields whose values cannot match (timestamps): only their presence, null-ness and shape compare
     * (every digit of a text becomes {@code 0}, a number becomes {@code 0}), so a format still must match.
     */
    VALUE,
    /** Fields whose values cannot match in any way (a host name): only presence and null-ness compare. */
    ANY,
    /** Arrays in the answers of the steps named by the pattern compare as multisets (the engine gives no order). */
    UNORDERED,
    /** Text inside any string (host and port in URLs): replaced by {@code <name>}. */
    TEXT,
    /** Whole steps whose answers differ for a reason listed in the fake's package-info; not compared. */
    STEP
  }

  /** Fields named {@code fieldRegex} hold generated ids, compared by first-seen order. */
  public static Exclusion ids(String name, String fieldRegex, String reason) {
    return new Exclusion(name, reason, Kind.ID, Pattern.compile(fieldRegex));
  }

  /** Fields named {@code fieldRegex} hold values that cannot match; only presence, null-ness and shape compare. */
  public static Exclusion values(String name, String fieldRegex, String reason) {
    return new Exclusion(name, reason, Kind.VALUE, Pattern.compile(fieldRegex));
  }

  /** Fields named {@code fieldRegex} hold values that cannot match at all; only presence and null-ness compare. */
  public static Exclusion anyValue(String name, String fieldRegex, String reason) {
    return new Exclusion(name, reason, Kind.ANY, Pattern.compile(fieldRegex));
  }

  /** Arrays in the steps named {@code stepRegex} compare in any order. */
  public static Exclusion unordered(String name, String stepRegex, String reason) {
    return new Exclusion(name, reason, Kind.UNORDERED, Pattern.compile(stepRegex));
  }

  /** Text matching {@code regex} in any string is replaced by {@code <name>}. */
  public static Exclusion text(String name, String regex, String reason) {
    return new Exclusion(name, reason, Kind.TEXT, Pattern.compile(regex));
  }

  /** The steps named {@code stepRegex} are not compared (a known difference, listed with its reason). */
  public static Exclusion step(String name, String stepRegex, String reason) {
    return new Exclusion(name, reason, Kind.STEP, Pattern.compile(stepRegex));
  }

  @Override
  public String toString() {
    return name + " (" + kind + " " + pattern + "): " + reason;
  }
}
