package io.flowport.rest;

import java.io.ByteArrayInputStream;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

/** Parser-safe reading of XML bodies (OBS error documents): never throws, never resolves entities. */
final class XmlBodies {
  private XmlBodies() {}

  /** The document, or null when the body is not well-formed XML (HTML, JSON, truncated, empty). */
  static Document parse(byte[] body) {
    if (body == null || body.length == 0) {
      return null;
    }
    int i = 0;
    while (i < body.length && Character.isWhitespace(body[i])) {
      i++;
    }
    if (i == body.length || body[i] != '<') {
      return null; // not XML: skip the parser (and its error output) altogether
    }
    try {
      DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
      f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      f.setFeature("http://xml.org/sax/features/external-general-entities", false);
      f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
      f.setXIncludeAware(false);
      f.setExpandEntityReferences(false);
      f.setNamespaceAware(false);
      DocumentBuilder b = f.newDocumentBuilder();
      b.setErrorHandler(new org.xml.sax.ErrorHandler() { // silent: the default one prints to stderr
        @Override
        public void warning(org.xml.sax.SAXParseException e) {}

        @Override
        public void error(org.xml.sax.SAXParseException e) throws org.xml.sax.SAXException {
          throw e;
        }

        @Override
        public void fatalError(org.xml.sax.SAXParseException e) throws org.xml.sax.SAXException {
          throw e;
        }
      });
      return b.parse(new ByteArrayInputStream(body));
    } catch (Exception e) {
      return null;
    }
  }

  /** The trimmed text of the first element named {@code name}, or null when there is none or it is blank. */
  static String firstText(Document doc, String name) {
    NodeList nodes = doc.getElementsByTagName(name);
    if (nodes.getLength() == 0) {
      return null;
    }
    String text = nodes.item(0).getTextContent();
    return text == null || text.isBlank() ? null : text.trim();
  }
}
