package io.flowport.testkit.fakes.zeebe;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The in-memory engine's deploy errors reworded as Zeebe's broker words them (seen by it-zeebe's
 * differential test): a service task without a task type as the validator's element line, a root
 * element outside the BPMN namespace as the schema error. Any other message stays the engine's
 * (package-info lists that difference).
 */
final class ZeebeDeployErrors {
  private static final Pattern NO_TASK_TYPE =
      Pattern.compile("(?s)('[^']*': )Element '([^']*)' \\(serviceTask\\): must have a task type.*");
  private static final Pattern NOT_BPMN =
      Pattern.compile("(?s)'([^']*)': expected a BPMN 2.0 'definitions' root element in namespace .*, found '([^']*)'");

  private ZeebeDeployErrors() {}

  static String message(Map<String, byte[]> resources, String engineMessage) {
    Matcher m = NO_TASK_TYPE.matcher(engineMessage);
    if (m.matches()) {
      return m.group(1) + "- Element: " + m.group(2)
          + "\n    - ERROR: Must have exactly one 'zeebe:taskDefinition' extension element\n";
    }
    m = NOT_BPMN.matcher(engineMessage);
    if (m.matches() && resources.containsKey(m.group(1))) {
      String text = new String(resources.get(m.group(1)), StandardCharsets.UTF_8);
      Matcher root = Pattern.compile("<(?![?!])").matcher(text);
      int line = root.find() ? 1 + (int) text.substring(0, root.start()).chars().filter(c -> c == '\n').count() : 1;
      return "'" + m.group(1) + "': Error: URI=null Line=" + line + ": cvc-elt.1.a: Cannot find the declaration of element '"
          + m.group(2) + "'.";
    }
    return engineMessage;
  }
}
