package io.flowport.rest.obs.internal;

import io.flowport.core.spi.ResponseBodies;
import io.flowport.rest.RestResponse;
import io.flowport.rest.obs.ObsResult;
import java.io.ByteArrayInputStream;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Reads an OBS error answer into the SDK's {@link ObsResult}, as the SDK does: a JSON
 * {@code {code, message, request_id}} only when the content type is exactly
 * {@code application/json} (wire notes §6.3), otherwise an XML {@code <Error>} with Code, Message,
 * RequestId, HostId and Resource. The {@code x-obs-error-code} and {@code x-obs-request-id}
 * headers fill in what the body lacks. Never throws: an unreadable body gives a result without a
 * code.
 */
public final class ObsErrorBodies {
  private static final Map<Integer, String> REASONS = Map.ofEntries(
      Map.entry(400, "Bad Request"), Map.entry(401, "Unauthorized"), Map.entry(403, "Forbidden"),
      Map.entry(404, "Not Found"), Map.entry(405, "Method Not Allowed"), Map.entry(409, "Conflict"),
      Map.entry(429, "Too Many Requests"), Map.entry(500, "Internal Server Error"), Map.entry(502, "Bad Gateway"),
      Map.entry(503, "Service Unavailable"), Map.entry(504, "Gateway Timeout"));

  private ObsErrorBodies() {}

  /** The result of an error answer. */
  public static ObsResult read(RestResponse response) {
    String code = null;
    String message = null;
    String requestId = null;
    String hostId = null;
    String resource = null;
    String type = response.header("Content-Type");
    if ("application/json".equals(type == null ? null : type.trim())) {
      var json = response.jsonIfAny().orElse(null);
      code = ResponseBodies.text(json, "code");
      message = ResponseBodies.text(json, "message");
      requestId = ResponseBodies.text(json, "request_id");
    } else {
      Element error = xmlError(response.body());
      if (error != null) {
        code = child(error, "Code");
        message = child(error, "Message");
        requestId = child(error, "RequestId");
        hostId = child(error, "HostId");
        resource = child(error, "Resource");
      }
    }
    if (blank(code)) {
      code = response.header("x-obs-error-code");
    }
    if (blank(requestId)) {
      requestId = response.requestId();
    }
    Map<String, java.util.List<String>> headers = new TreeMap<>();
    response.headers().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), v));
    return new ObsResult(response.status(), REASONS.get(response.status()), blankToNull(code), blankToNull(message),
        blankToNull(requestId), response.header("x-reserved-indicator"), blankToNull(hostId), blankToNull(resource),
        headers);
  }

  private static Element xmlError(byte[] body) {
    if (body.length == 0 || body.length > 1 << 20) {
      return null;
    }
    try {
      DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
      // An error body is data: no DTDs, no entities, nothing fetched.
      f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      f.setExpandEntityReferences(false);
      f.setXIncludeAware(false);
      f.setNamespaceAware(false);
      DocumentBuilder b = f.newDocumentBuilder();
      b.setErrorHandler(null);
      Document d = b.parse(new ByteArrayInputStream(body));
      Element root = d.getDocumentElement();
      return root != null && "Error".equals(root.getTagName()) ? root : null;
    } catch (Exception e) {
      return null; // HTML from a proxy, truncated XML: no code, the status decides
    }
  }

  private static String child(Element parent, String name) {
    NodeList nodes = parent.getElementsByTagName(name);
    return nodes.getLength() == 0 ? null : nodes.item(0).getTextContent().trim();
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }

  private static String blankToNull(String s) {
    return blank(s) ? null : s;
  }
}
