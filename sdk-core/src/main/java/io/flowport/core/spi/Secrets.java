package io.flowport.core.spi;

import io.flowport.core.error.ErrorInfo;
import io.flowport.core.error.WorkflowException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * The secrets one client holds — header values its credentials set, signing keys, client secrets,
 * a password in the base URL — so that the client can take them out of every message, cause and
 * log line before a user sees it. Servers echo what they received (a proxy's 401 page quoting the
 * {@code Authorization} header, a gateway's UNAUTHENTICATED description), and a credentials
 * supplier may throw with its token in the message: the {@link CallExecutor} redacts each error it
 * delivers, adapters redact what they log.
 *
 * <p>Each secret is kept with the forms in which it travels or is quoted: as given, URL-encoded
 * (form bodies, query strings), and for a header value {@code "<scheme> <credentials>"} the
 * credentials alone; for {@code Basic}, also the decoded {@code user:password} and the password. The
 * {@value #KEPT} most recently added are kept, so rotating tokens do not grow memory without bound.
 * Values shorter than {@value #MIN_LENGTH} characters are not treated as secrets: masking every
 * {@code "ab"} would ruin messages and protect nothing. Thread-safe.
 */
public final class Secrets {
  /** What a secret is replaced with. */
  public static final String MASK = "***";
  /** How many secrets (each with its forms) are kept. */
  public static final int KEPT = 128;
  /** The shortest value that counts as a secret. */
  public static final int MIN_LENGTH = 4;
  /** Headers credentials set that hold no secret. */
  private static final Set<String> NOT_SECRET = Set.of("date", "x-obs-date", "x-date", "content-type",
      "content-md5", "content-length", "accept", "user-agent", "host");

  /** Each secret with its forms, least recently added or seen first; a secret leaves with its forms. */
  private final Map<String, List<String>> known = new LinkedHashMap<>(16, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, List<String>> eldest) {
      return size() > KEPT;
    }
  };
  /** Longest first, so a secret that contains another is masked whole; rebuilt on change. */
  private volatile String[] ordered = new String[0];
  /** True for {@link #none()}, which stays empty. */
  private final boolean frozen;

  private static final Secrets NONE = new Secrets(true);

  private Secrets(boolean frozen) {
    this.frozen = frozen;
  }

  /** {@return an empty set of secrets, to add to} */
  public static Secrets create() {
    return new Secrets(false);
  }

  /** {@return the shared empty set, for what holds no secrets; adding to it does nothing} */
  public static Secrets none() {
    return NONE;
  }

  /**
   * Adds a secret (and its URL-encoded form). Null, blank and too short values are ignored.
   *
   * @param secret the secret
   */
  public void add(String secret) {
    if (frozen || !counts(secret)) {
      return;
    }
    addNew(secret);
  }

  /** Adds {@code secret} with its forms; false when it was known already (it is then the most recent). */
  private boolean addNew(String secret) {
    synchronized (known) {
      if (known.get(secret) != null) {
        return false;
      }
      known.put(secret, forms(secret));
      ordered = known.values().stream().flatMap(List::stream).distinct()
          .sorted(Comparator.comparingInt(String::length).reversed()).toArray(String[]::new);
      return true;
    }
  }

  /**
   * Adds the value of a header the credentials set, with the credentials after its scheme and, for
   * {@code Basic}, the decoded {@code user:password} and the password. Headers that never carry a
   * secret (a signer's {@code Date}, {@code Content-Type}...) are skipped: a new date on every attempt
   * would only crowd out the secrets.
   *
   * @param name the header's name
   * @param value the header's value
   */
  public void addHeader(String name, String value) {
    if (frozen || !counts(value) || name != null && NOT_SECRET.contains(name.toLowerCase(Locale.ROOT))) {
      return;
    }
    if (!addNew(value)) {
      return; // the same value as an earlier attempt's: its parts are known too
    }
    int space = value.indexOf(' ');
    if (space > 0 && space < value.length() - 1) {
      String scheme = value.substring(0, space);
      String rest = value.substring(space + 1).trim();
      add(rest);
      if (scheme.equalsIgnoreCase("Basic")) {
        try {
          String decoded = new String(Base64.getDecoder().decode(rest), StandardCharsets.UTF_8);
          add(decoded);
          int colon = decoded.indexOf(':');
          if (colon >= 0) {
            add(decoded.substring(colon + 1));
          }
        } catch (IllegalArgumentException notBase64) {
          // not a well-formed Basic value: the value itself is masked, nothing more to derive
        }
      }
    }
  }

  /**
   * {@return the forms in which {@code secret} is masked: as given, URL-encoded as in a form body
   * ({@code +} for a space) and as in a path or query ({@code %20})}
   *
   * @param secret the secret
   */
  public static List<String> forms(String secret) {
    String form = URLEncoder.encode(secret, StandardCharsets.UTF_8);
    return List.of(secret, form, form.replace("+", "%20"));
  }

  /** {@return whether no secret is known (then nothing needs redacting)} */
  public boolean isEmpty() {
    return ordered.length == 0;
  }

  /**
   * {@return {@code text} with every known secret replaced by {@value #MASK}; null stays null}
   *
   * @param text the text
   */
  public String redact(String text) {
    if (text == null || text.isEmpty()) {
      return text;
    }
    String out = text;
    for (String secret : ordered) {
      if (out.contains(secret)) {
        out = out.replace(secret, MASK);
      }
    }
    return out;
  }

  /**
   * {@return {@code error} itself when neither it nor any cause mentions a known secret; else a copy
   * of the same type (for a {@link WorkflowException}: same kind, info redacted, same attempts) whose
   * messages and causes are redacted, with the same stack traces; the causes below the last one that
   * named a secret are kept as they are}
   *
   * @param error the error
   */
  public Throwable redact(Throwable error) {
    if (error == null || isEmpty()) {
      return error;
    }
    return copy(error, 0);
  }

  /**
   * {@return {@link #redact(Throwable)} for a WorkflowException, which stays one}
   *
   * @param error the error
   */
  public WorkflowException redact(WorkflowException error) {
    return (WorkflowException) redact((Throwable) error);
  }

  private boolean mentionsSecret(Throwable error) {
    int depth = 0;
    for (Throwable t = error; t != null && depth < 32; t = t.getCause() == t ? null : t.getCause(), depth++) {
      if (contains(t.getMessage()) || t instanceof WorkflowException we && mentionsSecret(we.info())) {
        return true;
      }
    }
    return false;
  }

  private boolean mentionsSecret(ErrorInfo info) {
    return contains(info.engineMessage()) || contains(info.engineCode()) || contains(info.requestId())
        || contains(info.wireStatus());
  }

  private boolean contains(String text) {
    if (text == null || text.isEmpty()) {
      return false;
    }
    for (String secret : ordered) {
      if (text.contains(secret)) {
        return true;
      }
    }
    return false;
  }

  /** {@code t} itself when nothing from it down names a secret (typed causes stay as they are), else a copy. */
  private Throwable copy(Throwable t, int depth) {
    if (!mentionsSecret(t)) {
      return t;
    }
    Throwable cause = t.getCause() == null || t.getCause() == t || depth >= 32 ? null : copy(t.getCause(), depth + 1);
    Throwable out;
    if (t instanceof WorkflowException we) {
      ErrorInfo i = we.info();
      ErrorInfo clean = new ErrorInfo(i.engine(), i.operation(), redact(i.wireStatus()), redact(i.engineCode()),
          redact(i.engineMessage()), redact(i.requestId()), i.requestMayHaveBeenProcessed());
      out = we.kind().toException(clean, cause).recordAttempts(we.attempts());
    } else {
      out = new RedactedCause(t.getClass().getName(), redact(t.getMessage()), cause);
    }
    out.setStackTrace(t.getStackTrace());
    return out;
  }

  private static boolean counts(String value) {
    return value != null && value.strip().length() >= MIN_LENGTH;
  }

  @Override
  public String toString() {
    return "Secrets{" + ordered.length + " forms (hidden)}";
  }

  /**
   * Stands in for a cause whose message named a secret: it shows the original class and the
   * redacted message, and keeps the stack trace (the original type cannot be rebuilt in general).
   */
  static final class RedactedCause extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String originalClass;

    RedactedCause(String originalClass, String message, Throwable cause) {
      super(message, cause);
      this.originalClass = Objects.requireNonNull(originalClass);
    }

    @Override
    public String toString() {
      String message = getLocalizedMessage();
      return originalClass + (message == null ? "" : ": " + message) + " (redacted)";
    }
  }
}
