package io.flowport.rest.obs;

import io.flowport.core.Operation;
import io.flowport.core.spi.Args;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The seed's name rules ({@code asyncAPIStartWorkflow}), checked before anything is sent: a name
 * that breaks one fails the call with ClientValidationException saying which rule.
 *
 * <ul>
 *   <li>graph (workflow) names: a letter or digit first; letters, digits, {@code _} and {@code -};
 *       at most 64 characters;
 *   <li>bucket names: 3 to 63 characters; lower-case letters, digits, {@code -} and {@code .}; a
 *       letter or digit first and last; no {@code ..}, {@code .-} or {@code -.}; not an IP address;
 *   <li>object names: 1 to 1024 characters.
 * </ul>
 */
public final class ObsNames {
  /** The longest graph name. */
  public static final int GRAPH_MAX = 64;
  /** The shortest bucket name. */
  public static final int BUCKET_MIN = 3;
  /** The longest bucket name. */
  public static final int BUCKET_MAX = 63;
  /** The longest object name. */
  public static final int OBJECT_MAX = 1024;

  private static final Pattern GRAPH = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]*");
  private static final Pattern BUCKET_CHARS = Pattern.compile("[a-z0-9.-]+");
  private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

  private ObsNames() {}

  /**
   * {@return what is wrong with a graph name, or empty when it follows the rules}
   *
   * @param name the name
   */
  public static Optional<String> graphProblem(String name) {
    if (name == null || name.isEmpty()) {
      return Optional.of("a graph name must not be empty");
    }
    if (name.length() > GRAPH_MAX) {
      return Optional.of("a graph name has at most " + GRAPH_MAX + " characters, not " + name.length());
    }
    if (!GRAPH.matcher(name).matches()) {
      return Optional.of("a graph name starts with a letter or digit and has only letters, digits, '_' and '-': "
          + quote(name));
    }
    return Optional.empty();
  }

  /**
   * {@return what is wrong with a bucket name, or empty when it follows the rules}
   *
   * @param name the name
   */
  public static Optional<String> bucketProblem(String name) {
    if (name == null || name.isEmpty()) {
      return Optional.of("a bucket name must not be empty");
    }
    if (name.length() < BUCKET_MIN || name.length() > BUCKET_MAX) {
      return Optional.of("a bucket name has " + BUCKET_MIN + " to " + BUCKET_MAX + " characters, not " + name.length());
    }
    if (!BUCKET_CHARS.matcher(name).matches()) {
      return Optional.of("a bucket name has only lower-case letters, digits, '-' and '.': " + quote(name));
    }
    char first = name.charAt(0);
    char last = name.charAt(name.length() - 1);
    if (first == '-' || first == '.' || last == '-' || last == '.') {
      return Optional.of("a bucket name neither starts nor ends with '-' or '.': " + quote(name));
    }
    if (name.contains("..") || name.contains(".-") || name.contains("-.")) {
      return Optional.of("a bucket name has no '..', '.-' or '-.': " + quote(name));
    }
    if (IPV4.matcher(name).matches()) {
      return Optional.of("a bucket name must not be an IP address: " + quote(name));
    }
    return Optional.empty();
  }

  /**
   * {@return what is wrong with an object name, or empty when it follows the rules}
   *
   * @param name the name
   */
  public static Optional<String> objectProblem(String name) {
    if (name == null || name.isEmpty()) {
      return Optional.of("an object name must not be empty");
    }
    if (name.length() > OBJECT_MAX) {
      return Optional.of("an object name has at most " + OBJECT_MAX + " characters, not " + name.length());
    }
    return Optional.empty();
  }

  /**
   * {@code name}, or ClientValidationException for {@code op} when it breaks the graph rules.
   *
   * @param op the op
   * @param name the name
   * @return the require graph
   */
  public static String requireGraph(Operation op, String name) {
    return require(op, name, graphProblem(name));
  }

  /**
   * {@code name}, or ClientValidationException for {@code op} when it breaks the bucket rules.
   *
   * @param op the op
   * @param name the name
   * @return the require bucket
   */
  public static String requireBucket(Operation op, String name) {
    return require(op, name, bucketProblem(name));
  }

  /**
   * {@code name}, or ClientValidationException for {@code op} when it breaks the object rules.
   *
   * @param op the op
   * @param name the name
   * @return the require object
   */
  public static String requireObject(Operation op, String name) {
    return require(op, name, objectProblem(name));
  }

  private static String require(Operation op, String name, Optional<String> problem) {
    if (problem.isPresent()) {
      throw Args.invalid(ObsClient.ENGINE, op, problem.get());
    }
    return name;
  }

  /** Names in messages are cut short: an object name may be a kilobyte long. */
  private static String quote(String name) {
    return "'" + (name.length() > 80 ? name.substring(0, 80) + "..." : name) + "'";
  }
}
