package io.flowport.rest;

import static org.assertj.core.api.Assertions.assertThat;

import io.flowport.core.Operation;
import io.flowport.core.error.ErrorKind;
import io.flowport.core.error.ErrorTable;
import io.flowport.core.error.WorkflowException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The shared error-body parsers: JSON fields, XML elements, request ids from bodies. */
class ErrorReadersTest {
  static final Operation OP = Operation.GET_INSTANCE;
  static final ErrorTable TABLE = ErrorTable.builder("obs")
      .row(null, null, "FSS.0404", ErrorKind.INSTANCE_NOT_FOUND)
      .row(null, null, "NoSuchBucket", ErrorKind.NOT_FOUND)
      .row(null, "403", ErrorKind.PERMISSION)
      .build();
  static final RestErrors.ErrorBodyParser JSON =
      RestErrors.jsonFields(List.of("error_code"), List.of("error_msg"), List.of("request_id"));
  static final RestErrors.ErrorBodyParser XML = RestErrors.xmlElements("Code", "Message", "RequestId");
  static final ErrorReader READER = RestErrors.tableReader(TABLE, RestErrors.firstOf(JSON, XML));

  static RestResponse answer(int status, String body, Map<String, List<String>> headers) {
    return new RestResponse("GET", "/x", status, headers, body.getBytes(StandardCharsets.UTF_8), null);
  }

  static RestResponse answer(int status, String body) {
    return answer(status, body, Map.of());
  }

  @Test
  void aJsonErrorGivesCodeMessageAndTheBodysRequestId() {
    WorkflowException e = READER.read(OP, answer(404,
        "{\"error_code\":\"FSS.0404\",\"error_msg\":\"execution not found\",\"request_id\":\"r-json\"}"));
    assertThat(e.kind()).isEqualTo(ErrorKind.INSTANCE_NOT_FOUND);
    assertThat(e.engineCode()).isEqualTo("FSS.0404");
    assertThat(e.engineMessage()).isEqualTo("execution not found");
    assertThat(e.requestId()).isEqualTo("r-json");
    assertThat(e.wireStatus()).isEqualTo("404");
  }

  @Test
  void anXmlErrorGivesCodeMessageAndRequestId() {
    WorkflowException e = READER.read(OP, answer(404, """
        <?xml version="1.0" encoding="UTF-8"?>
        <Error><Code>NoSuchBucket</Code><Message>The specified bucket does not exist</Message>
        <RequestId>0000018A2B</RequestId><HostId>h</HostId></Error>"""));
    assertThat(e.kind()).isEqualTo(ErrorKind.NOT_FOUND);
    assertThat(e.engineCode()).isEqualTo("NoSuchBucket");
    assertThat(e.engineMessage()).isEqualTo("The specified bucket does not exist");
    assertThat(e.requestId()).isEqualTo("0000018A2B");
  }

  @Test
  void theBodysRequestIdWinsOverTheHeaders() {
    RestResponse r = new RestResponse("GET", "/x", 404, Map.of(),
        "{\"error_code\":\"FSS.0404\",\"request_id\":\"from-body\"}".getBytes(StandardCharsets.UTF_8), "from-header");
    assertThat(READER.read(OP, r).requestId()).isEqualTo("from-body");
    RestResponse noBodyId = new RestResponse("GET", "/x", 403, Map.of(),
        "{\"error_code\":\"X\"}".getBytes(StandardCharsets.UTF_8), "from-header");
    assertThat(READER.read(OP, noBodyId).requestId()).isEqualTo("from-header");
  }

  @Test
  void bodiesOfNeitherShapeKeepTheStatusMeaningWithAnExcerpt() {
    for (String body : List.of("<html><body>502 Bad Gateway</body></html>", "{\"error_code\":", "", "<Error><Code>",
        "plain text")) {
      WorkflowException e = READER.read(OP, answer(403, body));
      assertThat(e.kind()).as(body).isEqualTo(ErrorKind.PERMISSION);
      assertThat(e.engineCode()).as(body).isNull();
      assertThat(e.engineMessage()).as(body).startsWith("unexpected error body: ");
    }
    assertThat(READER.read(OP, answer(403, "<html><body>502 Bad Gateway</body></html>")).engineMessage())
        .contains("502 Bad Gateway");
  }

  @Test
  void anXmlDocumentWithADoctypeIsNotParsed() {
    String xxe = """
        <?xml version="1.0"?><!DOCTYPE e [<!ENTITY x SYSTEM "file:///etc/passwd">]>
        <Error><Code>&x;</Code><Message>m</Message></Error>""";
    assertThat(XML.parse(answer(400, xxe))).isNull();
  }

  @Test
  void firstOfSkipsAParserThatFails() {
    RestErrors.ErrorBodyParser broken = r -> {
      throw new IllegalStateException("bug");
    };
    RestErrors.ErrorBody body = RestErrors.firstOf(broken, XML)
        .parse(answer(400, "<Error><Code>C</Code><Message>M</Message></Error>"));
    assertThat(body).isEqualTo(new RestErrors.ErrorBody("C", "M", null));
  }
}
