package io.flowport.rest.obs;

import io.flowport.core.auth.AuthRequest;
import io.flowport.core.auth.Credentials;
import io.flowport.rest.obs.internal.ObsSigner;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;

/**
 * OBS access-key signing ({@code Authorization: OBS AK:signature}, the SDKs' default V2
 * signature), applied to every attempt: it sets {@code Date} (or {@code x-obs-date}), the security
 * token of temporary credentials, and the signature over the request as it is about to be sent.
 *
 * <pre>{@code
 * ObsCredentials keys = ObsCredentials.of(System.getenv("AccessKeyID"), System.getenv("SecretAccessKey"));
 * ObsCredentials sts = ObsCredentials.temporary(ak, sk, securityToken).withObsDateHeader();
 * }</pre>
 *
 * <p>The clock can be corrected: when OBS answers 403 {@code RequestTimeTooSkewed}, the client
 * calls {@link #correctClock(Instant)} with the server's {@code Date} and signs again. The
 * secret key and the token appear in no {@code toString}, log or message; the access key id is
 * public (it is in every request) and is shown.
 *
 * <p>Signed {@code x-obs-*} headers: {@code x-obs-date}, {@code x-obs-security-token} and the names
 * given to {@link #signingHeaders(String...)} (a request view cannot list its headers). V4
 * signatures are not offered.
 */
public final class ObsCredentials implements Credentials {
  /** {@code Date} as the SDKs write it: RFC 1123 with a two-digit day, always GMT. */
  static final DateTimeFormatter HTTP_DATE =
      DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US).withZone(ZoneOffset.UTC);
  private static final String SECURITY_TOKEN = "x-obs-security-token";

  private final String accessKey;
  private final String secretKey;
  private final String securityToken;
  private final boolean obsDateHeader;
  private final List<String> extraHeaders;
  private final Clock clock;
  private final AtomicReference<Duration> offset;

  private ObsCredentials(String accessKey, String secretKey, String securityToken, boolean obsDateHeader,
      List<String> extraHeaders, Clock clock, AtomicReference<Duration> offset) {
    this.accessKey = accessKey;
    this.secretKey = secretKey;
    this.securityToken = securityToken;
    this.obsDateHeader = obsDateHeader;
    this.extraHeaders = extraHeaders;
    this.clock = clock;
    this.offset = offset;
  }

  /**
   * Permanent access keys.
   *
   * @param accessKey the access key id
   * @param secretKey the secret key (never logged)
   * @return the obs credentials
   */
  public static ObsCredentials of(String accessKey, String secretKey) {
    return new ObsCredentials(requireKey(accessKey, "accessKey"), requireKey(secretKey, "secretKey"), null, false,
        List.of(), Clock.systemUTC(), new AtomicReference<>(Duration.ZERO));
  }

  /**
   * Temporary access keys with their security token (sent as {@code x-obs-security-token}).
   *
   * @param accessKey the access key id
   * @param secretKey the secret key (never logged)
   * @param securityToken the security token
   * @return the obs credentials
   */
  public static ObsCredentials temporary(String accessKey, String secretKey, String securityToken) {
    return new ObsCredentials(requireKey(accessKey, "accessKey"), requireKey(secretKey, "secretKey"),
        requireKey(securityToken, "securityToken"), false, List.of(), Clock.systemUTC(),
        new AtomicReference<>(Duration.ZERO));
  }

  /**
   * {@return the same keys, sending the time as {@code x-obs-date} (then {@code Date} is signed as empty)}
   */
  public ObsCredentials withObsDateHeader() {
    return new ObsCredentials(accessKey, secretKey, securityToken, true, extraHeaders, clock, offset);
  }

  /**
   * {@return the same keys on another clock (tests); the clock correction starts again from zero}
   *
   * @param value the value
   */
  public ObsCredentials withClock(Clock value) {
    return new ObsCredentials(accessKey, secretKey, securityToken, obsDateHeader, extraHeaders,
        Objects.requireNonNull(value, "clock == null"), new AtomicReference<>(Duration.ZERO));
  }

  /**
   * More {@code x-obs-*} request headers to sign when a request carries them.
   *
   * @param names the names
   * @return this object
   */
  public ObsCredentials signingHeaders(String... names) {
    for (String n : names) {
      if (n == null || !ObsSigner.isObsHeader(n)) {
        throw new IllegalArgumentException("only x-obs-* headers are signed: " + n);
      }
    }
    return new ObsCredentials(accessKey, secretKey, securityToken, obsDateHeader, List.of(names), clock, offset);
  }

  /** {@return the access key id (public: every request carries it)} */
  public String accessKey() {
    return accessKey;
  }

  /** {@return whether these are temporary credentials with a security token} */
  public boolean isTemporary() {
    return securityToken != null;
  }

  /**
   * {@return how far this client's clock is corrected from the local clock; zero until OBS reported a skew}
   */
  public Duration clockOffset() {
    return offset.get();
  }

  /**
   * Moves this client's clock to {@code serverTime} (OBS's {@code Date} on a 403
   * {@code RequestTimeTooSkewed}); later signatures use the corrected time.
   *
   * @param serverTime the server time
   */
  public void correctClock(Instant serverTime) {
    offset.set(Duration.between(clock.instant(), Objects.requireNonNull(serverTime, "serverTime == null")));
  }

  /**
   * {@return an HTTP date ({@code Date} header) as an instant, or empty when it is not one}
   *
   * @param value the value
   */
  public static Optional<Instant> parseHttpDate(String value) {
    if (value == null || value.isBlank()) {
      return Optional.empty();
    }
    try {
      return Optional.of(java.time.ZonedDateTime.parse(value.trim(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  /** The signing time now: the local clock plus the correction. */
  Instant now() {
    return clock.instant().plus(offset.get());
  }

  @Override
  public void apply(AuthRequest request) {
    request.addSecret(secretKey); // never sent, but a message may still quote it (a signing failure)
    request.addSecret(securityToken);
    String date = HTTP_DATE.format(now());
    if (obsDateHeader) {
      request.setHeader(ObsSigner.OBS_DATE, date);
    } else {
      request.setHeader("Date", date);
    }
    if (securityToken != null) {
      request.setHeader(SECURITY_TOKEN, securityToken);
    }
    SortedMap<String, String> obsHeaders = new TreeMap<>();
    for (String name : List.of(ObsSigner.OBS_DATE, SECURITY_TOKEN)) {
      putIfPresent(request, name, obsHeaders);
    }
    for (String name : extraHeaders) {
      putIfPresent(request, name, obsHeaders);
    }
    String toSign = ObsSigner.stringToSign(request.method(), request.header("Content-MD5"),
        request.header("Content-Type"), request.header("Date"), obsHeaders, request.path(), request.query());
    request.setHeader("Authorization", ObsSigner.authorization(accessKey, ObsSigner.signature(secretKey, toSign)));
  }

  private static void putIfPresent(AuthRequest request, String name, SortedMap<String, String> into) {
    String v = request.header(name);
    if (v != null) {
      into.put(name.toLowerCase(Locale.ROOT), v);
    }
  }

  private static String requireKey(String value, String what) {
    Objects.requireNonNull(value, what + " == null");
    if (value.isBlank()) {
      throw new IllegalArgumentException(what + " is blank");
    }
    return value;
  }

  @Override
  public String toString() {
    return "OBS " + (securityToken != null ? "temporary " : "") + "access key " + accessKey + " (secret hidden)";
  }
}
