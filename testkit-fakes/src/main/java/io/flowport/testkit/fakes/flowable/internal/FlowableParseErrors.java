package io.flowport.testkit.fakes.flowable.internal;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The in-memory engine's deploy errors reworded as Flowable 7.2.0 words them (its 500 answers to
 * invalid BPMN, seen by it-flowable's differential test): an XML parse error as the StAX
 * {@code TransformerException}, a service task without implementation as the validator's line.
 * Any other message stays the engine's (package-info lists that difference).
 */
final class FlowableParseErrors {
  private static final Pattern PARSE =
      Pattern.compile("(?s)'[^']*': Failed to parse BPMN XML at line (\\d+), column (\\d+): (.*)");
  private static final Pattern NO_TASK_TYPE =
      Pattern.compile("(?s)'([^']*)': Element '([^']*)' \\(serviceTask\\): must have a task type.*");

  private FlowableParseErrors() {}

  static String message(Map<String, byte[]> resources, String engineMessage) {
    Matcher m = PARSE.matcher(engineMessage);
    if (m.matches()) {
      return "javax.xml.transform.TransformerException: javax.xml.stream.XMLStreamException: ParseError at [row,col]:["
          + m.group(1) + "," + m.group(2) + "]\nMessage: " + m.group(3);
    }
    m = NO_TASK_TYPE.matcher(engineMessage);
    byte[] xml = m.matches() ? resources.get(m.group(1)) : null;
    if (xml != null) {
      String text = new String(xml, StandardCharsets.UTF_8);
      String element = m.group(2);
      Matcher tag = Pattern.compile("<(?:\\w+:)?serviceTask\\b[^>]*\\bid=\"" + Pattern.quote(element) + "\"[^>]*>")
          .matcher(text);
      if (tag.find()) {
        String process = processBefore(text, tag.start());
        int end = tag.end(); // StAX reports the position just after the start tag
        int line = 1 + (int) text.substring(0, end).chars().filter(c -> c == '\n').count();
        int column = end - (text.lastIndexOf('\n', end - 1) + 1) + 1;
        return "Errors while parsing:\n[Validation set: 'flowable-executable-process' | Problem: "
            + "'flowable-servicetask-missing-implementation'] : One of the attributes 'class', 'delegateExpression', "
            + "'type', 'operation', or 'expression' is mandatory on serviceTask. - [Extra info : processDefinitionId = "
            + process + " | id = " + element + " | ] ( line: " + line + ", column: " + column + ")\n";
      }
    }
    return engineMessage;
  }

  private static String processBefore(String text, int position) {
    Matcher p = Pattern.compile("<(?:\\w+:)?process\\b[^>]*\\bid=\"([^\"]*)\"").matcher(text);
    String id = null;
    while (p.find() && p.start() < position) {
      id = p.group(1);
    }
    return id;
  }
}
