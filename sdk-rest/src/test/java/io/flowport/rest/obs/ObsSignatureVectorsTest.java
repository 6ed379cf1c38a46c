package io.flowport.rest.obs;

import static org.assertj.core.api.Assertions.assertThat;

import com.obs.services.internal.security.BasicSecurityKey;
import com.obs.services.internal.utils.IAuthentication;
import com.obs.services.internal.utils.ObsAuthentication;
import io.flowport.core.auth.AuthRequest;
import io.flowport.rest.obs.internal.ObsSigner;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The signatures {@link ObsCredentials} puts on requests are the ones the official OBS Java SDK's V2
 * signer ({@code ObsAuthentication}) computes for the same request, given the Python SDK's nine
 * workflow sub-resources (wire notes §6.1, §6.10).
 */
class ObsSignatureVectorsTest {
  private static final String AK = "AKTESTEXAMPLE1234567";
  private static final String SK = "sk/Example+Secret=Key0123456789abcdefghij";
  private static final String TOKEN = "sts-token-abc/def+ghi==";
  private static final Instant NOW = Instant.parse("2026-03-04T05:06:07Z");
  private static final String DATE = "Wed, 04 Mar 2026 05:06:07 GMT";

  static Stream<Arguments> requests() {
    return Stream.of(
        Arguments.of("start", "POST", "/v2/workflows/graph-1", "", "application/json"),
        Arguments.of("get workflow", "GET", "/v2/workflows/g_2", "", "application/json"),
        Arguments.of("list templates", "GET", "/v2/workflowtemplates/pre",
            "x-workflow-prefix&x-workflow-start=10&x-workflow-limit=20", "application/json"),
        Arguments.of("create workflow", "POST", "/v2/workflows/g3", "x-workflow-template-name=tpl-1", "application/json"),
        Arguments.of("list executions", "GET", "/v2/workflowexecutions",
            "x-workflow-graph-name=g4&x-workflow-limit=1000&x-workflow-next-marker=APICALLexec-17"
                + "&x-workflow-execution-type=APICALL", "application/json"),
        Arguments.of("restore", "PUT", "/v2/workflowexecutions/exec-9", "x-workflow-graph-name=g5", "application/json"),
        Arguments.of("trigger policy", "PUT", "/bucket-a/", "obsworkflowtriggerpolicy", "application/json"),
        Arguments.of("unsigned parameters are left out", "GET", "/v2/workflowexecutions",
            "x-workflow-graph-name=g6&foo=bar&x-workflow-create", "application/json"),
        Arguments.of("no content type", "DELETE", "/v2/workflowtemplates/t-1", "", null),
        Arguments.of("encoded path", "GET", "/v2/workflowexecutions/a%20b", "x-workflow-graph-name=g7", null));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("requests")
  void matchesTheOfficialSdk(String what, String method, String path, String query, String contentType) throws Exception {
    for (ObsCredentials credentials : List.of(
        ObsCredentials.of(AK, SK), ObsCredentials.temporary(AK, SK, TOKEN), ObsCredentials.of(AK, SK).withObsDateHeader())) {
      ViewedRequest request = new ViewedRequest(method, path, query);
      if (contentType != null) {
        request.setHeader("Content-Type", contentType);
      }
      credentials.withClock(Clock.fixed(NOW, ZoneOffset.UTC)).apply(request);

      Map<String, String> sent = new LinkedHashMap<>(request.headers);
      sent.remove("Authorization");
      IAuthentication official = ObsAuthentication.getInstance().makeAuthorizationString(method, sent,
          query.isEmpty() ? path : path + "?" + query, new ArrayList<>(ObsSigner.WORKFLOW_SUB_RESOURCES),
          credentials.isTemporary() ? new BasicSecurityKey(AK, SK, TOKEN) : new BasicSecurityKey(AK, SK));

      assertThat(request.headers.get("Authorization")).as(what + " with " + credentials)
          .isEqualTo(official.getAuthorization());
    }
  }

  @Test
  void fixedVectorsOfTheOfficialSdk() {
    // Computed once by ObsAuthentication.makeAuthorizationString for these exact requests.
    ViewedRequest start = new ViewedRequest("POST", "/v2/workflows/graph-1", "");
    start.setHeader("Content-Type", "application/json");
    ObsCredentials.of(AK, SK).withClock(Clock.fixed(NOW, ZoneOffset.UTC)).apply(start);
    assertThat(start.headers).containsEntry("Date", DATE);
    assertThat(start.headers.get("Authorization")).isEqualTo("OBS " + AK + ":" + VECTOR_START);

    ViewedRequest list = new ViewedRequest("GET", "/v2/workflowexecutions",
        "x-workflow-graph-name=g4&x-workflow-limit=1000&x-workflow-next-marker=APICALLexec-17");
    list.setHeader("Content-Type", "application/json");
    ObsCredentials.temporary(AK, SK, TOKEN).withClock(Clock.fixed(NOW, ZoneOffset.UTC)).apply(list);
    assertThat(list.headers).containsEntry("x-obs-security-token", TOKEN);
    assertThat(list.headers.get("Authorization")).isEqualTo("OBS " + AK + ":" + VECTOR_LIST);
  }

  @Test
  void stringToSignHasTheDocumentedShape() {
    TreeMap<String, String> obs = new TreeMap<>(Map.of("x-obs-security-token", "t"));
    assertThat(ObsSigner.stringToSign("GET", null, "application/json", DATE, obs, "/v2/workflowexecutions",
        "x-workflow-limit=5&x-workflow-graph-name=g&x-workflow-prefix"))
        .isEqualTo("GET\n\napplication/json\n" + DATE + "\nx-obs-security-token:t\n"
            + "/v2/workflowexecutions?x-workflow-graph-name=g&x-workflow-limit=5&x-workflow-prefix");
    // With x-obs-date, Date is signed as empty; a value-less "key=" keeps its '=' (the Python SDK's rule).
    TreeMap<String, String> dated = new TreeMap<>(Map.of("x-obs-date", DATE));
    assertThat(ObsSigner.stringToSign("PUT", "md5", null, "ignored", dated, "/b/", "obsworkflowtriggerpolicy="))
        .isEqualTo("PUT\nmd5\n\n\nx-obs-date:" + DATE + "\n/b/?obsworkflowtriggerpolicy=");
  }

  @Test
  void theSecretNeverShows() {
    ObsCredentials c = ObsCredentials.temporary(AK, SK, TOKEN);
    assertThat(c.toString()).contains(AK).doesNotContain(SK).doesNotContain(TOKEN);
  }

  static final String VECTOR_START = "bRJXYp2xuxYMAdm75cZC7NFRch8=";
  static final String VECTOR_LIST = "isz3o+oFkX5AO02gHzQ7O+FOuic=";

  /** The request view the transport gives credentials, over a plain map. */
  static final class ViewedRequest implements AuthRequest {
    final String method;
    final String path;
    final String query;
    final Map<String, String> headers = new LinkedHashMap<>();

    ViewedRequest(String method, String path, String query) {
      this.method = method;
      this.path = path;
      this.query = query;
    }

    @Override
    public String method() {
      return method;
    }

    @Override
    public String path() {
      return path;
    }

    @Override
    public String query() {
      return query;
    }

    @Override
    public String header(String name) {
      return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
          .map(Map.Entry::getValue).findFirst().orElse(null);
    }

    @Override
    public void setHeader(String name, String value) {
      headers.keySet().removeIf(k -> k.equalsIgnoreCase(name));
      headers.put(name, value);
    }
  }
}
