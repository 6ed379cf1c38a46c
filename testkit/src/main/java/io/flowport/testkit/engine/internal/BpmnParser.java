package io.flowport.testkit.engine.internal;

import io.flowport.testkit.engine.EngineException;
import io.flowport.testkit.engine.NodeType;
import io.flowport.testkit.engine.ProcessModel;
import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXParseException;

/** Parses the BPMN 2.0 subset of testkit/README.md into {@link ProcessModel}s (DOM, no DTDs). Not API. */
public final class BpmnParser {
  public static final String BPMN = "http://www.omg.org/spec/BPMN/20100524/MODEL";
  public static final String ZEEBE = "http://camunda.org/schema/zeebe/1.0";
  public static final String FLOWABLE = "http://flowable.org/bpmn";
  public static final String ACTIVITI = "http://activiti.org/bpmn";

  /** BPMN children that carry no behaviour here and are skipped. */
  private static final Set<String> IGNORED = Set.of(
      "documentation", "extensionElements", "incoming", "outgoing", "laneSet", "textAnnotation",
      "association", "dataObject", "dataObjectReference", "dataStoreReference", "property",
      "ioSpecification", "dataInputAssociation", "dataOutputAssociation", "group", "category");

  private static final DocumentBuilderFactory FACTORY = newFactory();

  private BpmnParser() {}

  private static DocumentBuilderFactory newFactory() {
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setNamespaceAware(true);
    f.setXIncludeAware(false);
    f.setExpandEntityReferences(false);
    try {
      f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
    } catch (Exception ignored) {
      // best effort: the JDK parser supports both
    }
    return f;
  }

  /** All executable processes of the resource, in document order. */
  public static List<ProcessModel> parse(String resourceName, byte[] xml) {
    String where = "'" + resourceName + "': ";
    if (xml == null || xml.length == 0) {
      throw invalid(where + "resource is empty");
    }
    Document doc;
    try {
      DocumentBuilder builder;
      synchronized (FACTORY) {
        builder = FACTORY.newDocumentBuilder();
      }
      builder.setErrorHandler(null);
      doc = builder.parse(new ByteArrayInputStream(xml));
    } catch (SAXParseException e) {
      throw new EngineException(EngineException.Reason.INVALID_DEFINITION,
          where + "Failed to parse BPMN XML at line " + e.getLineNumber() + ", column " + e.getColumnNumber() + ": " + e.getMessage(), e);
    } catch (Exception e) {
      throw new EngineException(EngineException.Reason.INVALID_DEFINITION, where + "Failed to parse BPMN XML: " + e.getMessage(), e);
    }
    Element root = doc.getDocumentElement();
    if (!BPMN.equals(root.getNamespaceURI()) || !"definitions".equals(root.getLocalName())) {
      throw invalid(where + "expected a BPMN 2.0 'definitions' root element in namespace " + BPMN + ", found '" + root.getNodeName() + "'");
    }
    Map<String, String[]> messages = new HashMap<>();
    for (Element child : children(root)) {
      if (BPMN.equals(child.getNamespaceURI()) && "message".equals(child.getLocalName())) {
        String name = literal(child.getAttribute("name"));
        String key = null;
        Element sub = first(extension(child), ZEEBE, "subscription");
        if (sub != null && sub.hasAttribute("correlationKey")) {
          key = sub.getAttribute("correlationKey").trim();
          key = key.startsWith("=") ? key.substring(1).trim() : key;
        }
        messages.put(child.getAttribute("id"), new String[] {name, key});
      }
    }
    List<ProcessModel> out = new ArrayList<>();
    boolean anyProcess = false;
    for (Element child : children(root)) {
      if (BPMN.equals(child.getNamespaceURI()) && "process".equals(child.getLocalName())) {
        anyProcess = true;
        if ("false".equalsIgnoreCase(child.getAttribute("isExecutable").trim())) {
          continue;
        }
        String id = child.getAttribute("id");
        if (id.isBlank()) {
          throw invalid(where + "a process has no id");
        }
        out.add(parseScope(child, id, attr(child, "name"), messages, where));
      }
    }
    if (!anyProcess) {
      throw invalid(where + "Must contain at least one process");
    }
    if (out.isEmpty()) {
      throw invalid(where + "Must contain at least one executable process");
    }
    return out;
  }

  private static ProcessModel parseScope(Element scope, String id, String name, Map<String, String[]> messages, String where) {
    List<ProcessModel.Element> elements = new ArrayList<>();
    List<ProcessModel.Flow> flows = new ArrayList<>();
    for (Element e : children(scope)) {
      if (!BPMN.equals(e.getNamespaceURI())) {
        continue; // foreign extensions outside extensionElements
      }
      String local = e.getLocalName();
      if (IGNORED.contains(local)) {
        continue;
      }
      String eid = e.getAttribute("id");
      String ename = attr(e, "name");
      if ("sequenceFlow".equals(local)) {
        Element cond = first(e, BPMN, "conditionExpression");
        String text = cond == null ? null : cond.getTextContent().trim();
        flows.add(new ProcessModel.Flow(eid, e.getAttribute("sourceRef"), e.getAttribute("targetRef"), text == null || text.isEmpty() ? null : text));
        continue;
      }
      if (eid.isBlank()) {
        throw invalid(where + "a '" + local + "' element has no id");
      }
      switch (local) {
        case "startEvent": {
          List<Element> defs = eventDefinitions(e);
          if (defs.isEmpty()) {
            elements.add(el(eid, ename, NodeType.START_EVENT, null, null, null, null, null, null, null));
          } else if (defs.size() == 1 && "messageEventDefinition".equals(defs.get(0).getLocalName())) {
            String[] msg = message(defs.get(0).getAttribute("messageRef"), messages, eid, local, where);
            elements.add(el(eid, ename, NodeType.START_EVENT, null, null, msg[0], null, null, null, null));
          } else {
            throw unsupported(where, eid, local + " with " + defs.get(0).getLocalName());
          }
          break;
        }
        case "endEvent": {
          List<Element> defs = eventDefinitions(e);
          if (!defs.isEmpty()) {
            throw unsupported(where, eid, local + " with " + defs.get(0).getLocalName());
          }
          elements.add(el(eid, ename, NodeType.END_EVENT, null, null, null, null, null, null, null));
          break;
        }
        case "serviceTask": {
          String type = null;
          Integer retries = null;
          Element td = first(extension(e), ZEEBE, "taskDefinition");
          if (td != null) {
            type = literal(td.getAttribute("type"));
            String r = literal(td.getAttribute("retries"));
            if (r != null && !r.isBlank()) {
              try {
                retries = Integer.parseInt(r.trim());
              } catch (NumberFormatException ex) {
                throw invalid(where + "Element '" + eid + "' (serviceTask): retries must be a number, was '" + r + "'");
              }
            }
          }
          for (String ns : new String[] {FLOWABLE, ACTIVITI}) {
            for (String a : new String[] {"type", "class", "expression", "delegateExpression"}) {
              if ((type == null || type.isBlank()) && e.hasAttributeNS(ns, a)) {
                type = e.getAttributeNS(ns, a).trim();
              }
            }
          }
          if (type == null || type.isBlank()) {
            throw invalid(where + "Element '" + eid + "' (serviceTask): must have a task type (zeebe:taskDefinition type, or flowable:class / expression / delegateExpression / type)");
          }
          elements.add(el(eid, ename, NodeType.SERVICE_TASK, type, retries, null, null, null, null, null));
          break;
        }
        case "userTask":
          elements.add(el(eid, ename, NodeType.USER_TASK, "user:" + eid, null, null, null, null, null, null));
          break;
        case "receiveTask": {
          String[] msg = message(e.getAttribute("messageRef"), messages, eid, local, where);
          elements.add(el(eid, ename, NodeType.RECEIVE_TASK, null, null, msg[0], msg[1], null, null, null));
          break;
        }
        case "intermediateCatchEvent": {
          List<Element> defs = eventDefinitions(e);
          if (defs.size() != 1) {
            throw unsupported(where, eid, local + (defs.isEmpty() ? " without event definition" : " with several event definitions"));
          }
          Element def = defs.get(0);
          if ("messageEventDefinition".equals(def.getLocalName())) {
            String[] msg = message(def.getAttribute("messageRef"), messages, eid, local, where);
            elements.add(el(eid, ename, NodeType.MESSAGE_CATCH_EVENT, null, null, msg[0], msg[1], null, null, null));
          } else if ("timerEventDefinition".equals(def.getLocalName())) {
            Element dur = first(def, BPMN, "timeDuration");
            if (dur == null) {
              throw unsupported(where, eid, local + " with a timer other than timeDuration");
            }
            String text = literal(dur.getTextContent());
            Duration d;
            try {
              d = Duration.parse(text == null ? "" : text.trim());
            } catch (DateTimeParseException ex) {
              throw invalid(where + "Element '" + eid + "' (" + local + "): timeDuration '" + text + "' is not an ISO-8601 duration");
            }
            elements.add(el(eid, ename, NodeType.TIMER_CATCH_EVENT, null, null, null, null, d, null, null));
          } else {
            throw unsupported(where, eid, local + " with " + def.getLocalName());
          }
          break;
        }
        case "exclusiveGateway":
          elements.add(el(eid, ename, NodeType.EXCLUSIVE_GATEWAY, null, null, null, null, null, attr(e, "default"), null));
          break;
        case "parallelGateway":
          elements.add(el(eid, ename, NodeType.PARALLEL_GATEWAY, null, null, null, null, null, null, null));
          break;
        case "inclusiveGateway":
          elements.add(el(eid, ename, NodeType.CONDITIONAL_PARALLEL_GATEWAY, null, null, null, null, null, attr(e, "default"), null));
          break;
        case "subProcess": {
          if ("true".equalsIgnoreCase(e.getAttribute("triggeredByEvent").trim())) {
            throw unsupported(where, eid, "event subProcess");
          }
          ProcessModel inner = parseScope(e, eid, ename, messages, where);
          elements.add(el(eid, ename, NodeType.SUB_PROCESS, null, null, null, null, null, null, inner));
          break;
        }
        default:
          throw unsupported(where, eid, local);
      }
      if (first(e, BPMN, "multiInstanceLoopCharacteristics") != null || first(e, BPMN, "standardLoopCharacteristics") != null) {
        throw unsupported(where, eid, local + " with loop characteristics");
      }
    }
    return new ProcessModel(id, name, elements, flows);
  }

  private static ProcessModel.Element el(String id, String name, NodeType type, String jobType, Integer retries, String message,
      String correlation, Duration timer, String dflt, ProcessModel sub) {
    return new ProcessModel.Element(id, name, type, jobType, retries, message, correlation, timer, dflt, sub);
  }

  private static String[] message(String ref, Map<String, String[]> messages, String eid, String local, String where) {
    if (ref == null || ref.isBlank()) {
      throw invalid(where + "Element '" + eid + "' (" + local + "): must reference a message (messageRef)");
    }
    String[] msg = messages.get(ref);
    if (msg == null) {
      throw invalid(where + "Element '" + eid + "' (" + local + "): references unknown message '" + ref + "'");
    }
    if (msg[0] == null || msg[0].isBlank()) {
      throw invalid(where + "Element '" + eid + "' (" + local + "): message '" + ref + "' has no name");
    }
    return msg;
  }

  private static EngineException invalid(String message) {
    return new EngineException(EngineException.Reason.INVALID_DEFINITION, message);
  }

  private static EngineException unsupported(String where, String id, String what) {
    return invalid(where + "Element '" + id + "' of type '" + what + "' is not supported by the in-memory engine (see testkit/README.md)");
  }

  private static List<Element> eventDefinitions(Element e) {
    List<Element> out = new ArrayList<>();
    for (Element c : children(e)) {
      if (BPMN.equals(c.getNamespaceURI()) && c.getLocalName().endsWith("EventDefinition")) {
        out.add(c);
      }
    }
    return out;
  }

  /** Strips FEEL's {@code =} and quotes from a static value: {@code ="x"} → {@code x}. */
  private static String literal(String raw) {
    if (raw == null) {
      return null;
    }
    String s = raw.trim();
    if (s.startsWith("=")) {
      s = s.substring(1).trim();
      if (s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"")) {
        s = s.substring(1, s.length() - 1);
      }
    }
    return s;
  }

  private static String attr(Element e, String name) {
    return e.hasAttribute(name) && !e.getAttribute(name).isBlank() ? e.getAttribute(name) : null;
  }

  private static Element extension(Element e) {
    return e == null ? null : first(e, BPMN, "extensionElements");
  }

  private static Element first(Element parent, String ns, String local) {
    if (parent == null) {
      return null;
    }
    for (Element c : children(parent)) {
      if (ns.equals(c.getNamespaceURI()) && local.equals(c.getLocalName())) {
        return c;
      }
    }
    return null;
  }

  private static List<Element> children(Element parent) {
    List<Element> out = new ArrayList<>();
    for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element c) {
        out.add(c);
      }
    }
    return out;
  }
}
