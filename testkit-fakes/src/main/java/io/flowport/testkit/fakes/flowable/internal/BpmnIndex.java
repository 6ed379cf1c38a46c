package io.flowport.testkit.fakes.flowable.internal;

import java.io.ByteArrayInputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * What the REST answers need from a BPMN file that the engine's API does not expose: the
 * definitions' {@code targetNamespace} (Flowable's definition category) and the message each
 * receive task / message catch waits for. Filled for resources deployed through the fake.
 */
final class BpmnIndex {
  private static final String BPMN = "http://www.omg.org/spec/BPMN/20100524/MODEL";

  private static final List<String> FLOWABLE = List.of("http://flowable.org/bpmn", "http://activiti.org/bpmn");

  /**
   * Per process: category, node id → message name, user task id → its literal
   * {@code flowable:assignee} (expressions are not evaluated: such tasks stay unassigned).
   */
  record ProcessInfo(String category, Map<String, String> messageByNode, Map<String, String> assigneeByNode) {}

  /** Engine definition key → info. */
  private final Map<String, ProcessInfo> byDefinitionKey = new ConcurrentHashMap<>();

  void put(String definitionKey, ProcessInfo info) {
    byDefinitionKey.put(definitionKey, info);
  }

  ProcessInfo get(String definitionKey) {
    return byDefinitionKey.get(definitionKey);
  }

  /** Process id → info for every process of a BPMN file; empty if it cannot be read. */
  static Map<String, ProcessInfo> parse(byte[] xml) {
    Map<String, ProcessInfo> out = new HashMap<>();
    try {
      DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
      f.setNamespaceAware(true);
      f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
      f.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
      Document doc = f.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
      Element root = doc.getDocumentElement();
      String category = root.hasAttribute("targetNamespace") ? root.getAttribute("targetNamespace") : null;
      Map<String, String> messageNames = new HashMap<>();
      NodeList messages = doc.getElementsByTagNameNS(BPMN, "message");
      for (int i = 0; i < messages.getLength(); i++) {
        Element m = (Element) messages.item(i);
        messageNames.put(m.getAttribute("id"), m.hasAttribute("name") ? m.getAttribute("name") : m.getAttribute("id"));
      }
      NodeList processes = doc.getElementsByTagNameNS(BPMN, "process");
      for (int i = 0; i < processes.getLength(); i++) {
        Element p = (Element) processes.item(i);
        Map<String, String> byNode = new HashMap<>();
        Map<String, String> assignees = new HashMap<>();
        collect(p, messageNames, byNode, assignees);
        out.put(p.getAttribute("id"), new ProcessInfo(category, byNode, assignees));
      }
    } catch (Exception e) {
      // The engine reports unreadable BPMN; the index just stays empty.
    }
    return out;
  }

  private static void collect(Element scope, Map<String, String> messageNames, Map<String, String> byNode,
      Map<String, String> assignees) {
    NodeList children = scope.getChildNodes();
    for (int i = 0; i < children.getLength(); i++) {
      Node n = children.item(i);
      if (!(n instanceof Element e) || !BPMN.equals(e.getNamespaceURI())) {
        continue;
      }
      switch (e.getLocalName()) {
        case "receiveTask" -> {
          if (e.hasAttribute("messageRef")) {
            byNode.put(e.getAttribute("id"), messageNames.getOrDefault(e.getAttribute("messageRef"), e.getAttribute("messageRef")));
          }
        }
        case "intermediateCatchEvent" -> {
          NodeList defs = e.getElementsByTagNameNS(BPMN, "messageEventDefinition");
          if (defs.getLength() > 0) {
            String ref = ((Element) defs.item(0)).getAttribute("messageRef");
            byNode.put(e.getAttribute("id"), messageNames.getOrDefault(ref, ref));
          }
        }
        case "userTask" -> {
          for (String ns : FLOWABLE) {
            String a = e.getAttributeNS(ns, "assignee");
            if (!a.isEmpty() && !a.contains("${") && !a.contains("#{")) {
              assignees.put(e.getAttribute("id"), a);
            }
          }
        }
        case "subProcess" -> collect(e, messageNames, byNode, assignees);
        default -> { }
      }
    }
  }
}
