package io.flowport.testkit.fakes.obs.internal;

import io.flowport.rest.obs.ObsCredentials;
import io.flowport.rest.obs.internal.ObsSigner;
import io.flowport.testkit.fakes.http.FakeRequest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * OBS's V2 signature check, as the gateway does it before any workflow service sees the request:
 * a known access key (403 {@code InvalidAccessKeyId}), the security token of temporary keys and the
 * signature itself (403 {@code SignatureDoesNotMatch}), a date within 15 minutes of the fake's
 * clock (403 {@code RequestTimeTooSkewed}, answered with the fake's own {@code Date}). A request
 * without {@code Authorization} is 403 {@code AccessDenied}.
 *
 * <p>The fake sees the query decoded, so a parameter with an empty value is checked both as a
 * bare name and as {@code name=} (the Python and Java SDKs sign it differently, wire notes §6.2).
 */
final class ObsSignatureCheck {
  static final Duration MAX_SKEW = Duration.ofMinutes(15);

  /** One access key the fake knows; {@code securityToken} is null for permanent keys. */
  record Key(String secretKey, String securityToken) {}

  private final Map<String, Key> keys;
  private final Clock clock;

  ObsSignatureCheck(Map<String, Key> keys, Clock clock) {
    this.keys = Map.copyOf(keys);
    this.clock = clock;
  }

  boolean enabled() {
    return !keys.isEmpty();
  }

  /** Nothing when the request is signed right; otherwise the error to answer. */
  Optional<ObsFakeError> check(FakeRequest request) {
    String auth = request.header("authorization");
    if (auth == null || !auth.startsWith("OBS ") || auth.indexOf(':') < 0) {
      return Optional.of(ObsFakeError.xml(403, "AccessDenied", "Access Denied"));
    }
    String accessKey = auth.substring(4, auth.lastIndexOf(':'));
    String signature = auth.substring(auth.lastIndexOf(':') + 1);
    Key key = keys.get(accessKey);
    if (key == null) {
      return Optional.of(ObsFakeError.xml(403, "InvalidAccessKeyId",
          "The AWS Access Key Id you provided does not exist in our records."));
    }
    String obsDate = request.header(ObsSigner.OBS_DATE);
    Optional<Instant> sent = ObsCredentials.parseHttpDate(obsDate != null ? obsDate : request.header("date"));
    if (sent.isEmpty()) {
      return Optional.of(ObsFakeError.xml(403, "AccessDenied", "the request has no valid Date or x-obs-date"));
    }
    if (Duration.between(sent.get(), clock.instant()).abs().compareTo(MAX_SKEW) > 0) {
      return Optional.of(ObsFakeError.xml(403, "RequestTimeTooSkewed",
          "The difference between the request time and the server's time is too large."));
    }
    if (key.securityToken() != null && !key.securityToken().equals(request.header("x-obs-security-token"))) {
      return Optional.of(ObsFakeError.xml(403, "SignatureDoesNotMatch", "The security token does not match the access key."));
    }
    SortedMap<String, String> obsHeaders = new TreeMap<>();
    request.headers().forEach((name, values) -> {
      if (ObsSigner.isObsHeader(name)) {
        obsHeaders.put(name, String.join(",", values));
      }
    });
    for (String query : rawQueries(request.query())) {
      String toSign = ObsSigner.stringToSign(request.method(), request.header("content-md5"),
          request.header("content-type"), request.header("date"), obsHeaders, request.rawPath(), query);
      if (constantTimeEquals(ObsSigner.signature(key.secretKey(), toSign), signature)) {
        return Optional.empty();
      }
    }
    return Optional.of(ObsFakeError.xml(403, "SignatureDoesNotMatch",
        "The request signature we calculated does not match the signature you provided."));
  }

  /** The raw queries the decoded {@code query} may have come from: empty values bare, then as {@code name=}. */
  private static List<String> rawQueries(Map<String, List<String>> query) {
    StringBuilder bare = new StringBuilder();
    StringBuilder equals = new StringBuilder();
    query.forEach((name, values) -> {
      for (String v : values) {
        String n = URLEncoder.encode(name, StandardCharsets.UTF_8);
        String sep = bare.length() == 0 ? "" : "&";
        bare.append(sep).append(n);
        equals.append(sep).append(n).append('=');
        if (!v.isEmpty()) {
          String e = URLEncoder.encode(v, StandardCharsets.UTF_8);
          bare.append('=').append(e);
          equals.append(e);
        }
      }
    });
    return bare.toString().equals(equals.toString()) ? List.of(bare.toString())
        : List.of(bare.toString(), equals.toString());
  }

  private static boolean constantTimeEquals(String a, String b) {
    return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
  }
}
