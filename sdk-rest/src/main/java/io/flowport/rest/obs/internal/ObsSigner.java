package io.flowport.rest.obs.internal;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * OBS's V2 signature ({@code Authorization: OBS AK:signature}): HMAC-SHA1 of the string to sign,
 * Base64-encoded. Shared by the client's credentials and the wire fake, which must agree byte for
 * byte; the official SDK's signer checks both in the tests.
 *
 * <pre>
 * VERB \n Content-MD5 \n Content-Type \n Date \n (x-obs-name:value \n)* CanonicalizedResource
 * </pre>
 *
 * The resource is the encoded path plus {@code ?} and the sub-resources of the query, sorted by
 * name, decoded, a parameter without {@code =} as a bare name. Which query parameters count is
 * {@link #WORKFLOW_SUB_RESOURCES}: the Python SDK's nine workflow names (wire notes §6.1).
 */
public final class ObsSigner {
  /** The query parameters the Python SDK signs on workflow requests ({@code const.py}). */
  public static final Set<String> WORKFLOW_SUB_RESOURCES = Set.of(
      "x-workflow-prefix", "x-workflow-start", "x-workflow-limit", "x-workflow-template-name",
      "x-workflow-graph-name", "x-workflow-execution-state", "x-workflow-execution-type",
      "x-workflow-next-marker", "obsworkflowtriggerpolicy");

  /** The header that replaces {@code Date} in the string to sign when present. */
  public static final String OBS_DATE = "x-obs-date";
  private static final String OBS_PREFIX = "x-obs-";
  private static final String META_PREFIX = "x-obs-meta-";

  private ObsSigner() {}

  /**
   * The string to sign.
   *
   * @param method the HTTP method
   * @param contentMd5 the Content-MD5 header, or null
   * @param contentType the Content-Type header, or null
   * @param date the Date header, or null; ignored when {@code obsHeaders} has {@code x-obs-date}
   * @param obsHeaders the {@code x-obs-*} headers, names lower-case, sorted
   * @param encodedPath the request path as sent
   * @param rawQuery the query as sent, without {@code ?}; null or empty for none
   */
  public static String stringToSign(String method, String contentMd5, String contentType, String date,
      SortedMap<String, String> obsHeaders, String encodedPath, String rawQuery) {
    StringBuilder s = new StringBuilder(256);
    s.append(method).append('\n');
    s.append(nullToEmpty(contentMd5)).append('\n');
    s.append(nullToEmpty(contentType)).append('\n');
    s.append(obsHeaders.containsKey(OBS_DATE) ? "" : nullToEmpty(date)).append('\n');
    obsHeaders.forEach((name, value) -> {
      String v = nullToEmpty(value);
      s.append(name).append(':').append(name.startsWith(META_PREFIX) ? v.strip() : v).append('\n');
    });
    s.append(canonicalResource(encodedPath, rawQuery));
    return s.toString();
  }

  /** Whether a header name takes part in the string to sign as an {@code x-obs-*} header. */
  public static boolean isObsHeader(String name) {
    return name.toLowerCase(Locale.ROOT).startsWith(OBS_PREFIX);
  }

  /** The encoded path plus the sorted workflow sub-resources of {@code rawQuery}. */
  public static String canonicalResource(String encodedPath, String rawQuery) {
    String path = encodedPath == null || encodedPath.isEmpty() ? "/" : encodedPath;
    if (rawQuery == null || rawQuery.isEmpty()) {
      return path;
    }
    // The first occurrence of a name counts (the docs' rule for repeated parameters).
    Map<String, String> params = new LinkedHashMap<>();
    for (String pair : rawQuery.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String name = decode(eq < 0 ? pair : pair.substring(0, eq));
      if (!WORKFLOW_SUB_RESOURCES.contains(name.toLowerCase(Locale.ROOT)) || params.containsKey(name)) {
        continue;
      }
      params.put(name, eq < 0 ? null : decode(pair.substring(eq + 1)));
    }
    if (params.isEmpty()) {
      return path;
    }
    List<String> names = new ArrayList<>(params.keySet());
    names.sort(null);
    StringBuilder s = new StringBuilder(path).append('?');
    for (int i = 0; i < names.size(); i++) {
      String name = names.get(i);
      String value = params.get(name);
      s.append(i == 0 ? "" : "&").append(name);
      if (value != null) {
        s.append('=').append(value);
      }
    }
    return s.toString();
  }

  /** Base64(HMAC-SHA1(secretKey, UTF-8(stringToSign))). */
  public static String signature(String secretKey, String stringToSign) {
    try {
      Mac mac = Mac.getInstance("HmacSHA1");
      mac.init(new SecretKeySpec(secretKey.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
      return Base64.getEncoder().encodeToString(mac.doFinal(stringToSign.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA1 is not available", e); // every JDK has it
    }
  }

  /** {@code OBS AK:signature}. */
  public static String authorization(String accessKey, String signature) {
    return "OBS " + accessKey + ":" + signature;
  }

  private static String decode(String s) {
    try {
      return URLDecoder.decode(s, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return s;
    }
  }

  private static String nullToEmpty(String s) {
    return s == null ? "" : s;
  }
}
