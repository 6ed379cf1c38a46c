package io.flowport.testkit.fakes.internal;

import io.flowport.testkit.engine.EngineDeployment;
import io.flowport.testkit.engine.InMemoryEngine;
import io.flowport.testkit.fakes.FaultPlan;
import io.flowport.testkit.fakes.RequestLog;
import io.flowport.testkit.fakes.spi.RunningFake;
import java.io.ByteArrayInputStream;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * The engine a BPMN file is written for, told by the extension namespace it uses: a real Zeebe
 * refuses Flowable's file and Flowable ignores Zeebe's task definitions, so a fake seeded from a
 * folder takes only the files of its own engine, and the plain BPMN ones.
 */
public enum BpmnDialect {
  /** Zeebe's extensions ({@code zeebe:taskDefinition}, {@code zeebe:subscription}...). */
  ZEEBE("http://camunda.org/schema/zeebe/1.0"),
  /** Flowable's extensions ({@code flowable:expression}, {@code flowable:assignee}...). */
  FLOWABLE("http://flowable.org/bpmn");

  private final String namespace;

  BpmnDialect(String namespace) {
    this.namespace = namespace;
  }

  /**
   * {@code fake}, deploying (for {@code --definitions}) only the files this dialect
   * {@link #accepts}; another engine's file fails with the reason, so it is logged and skipped.
   */
  public RunningFake deployingOnlyItsOwn(RunningFake fake) {
    return new RunningFake() {
      @Override
      public Object server() {
        return fake.server();
      }

      @Override
      public InMemoryEngine engine() {
        return fake.engine();
      }

      @Override
      public FaultPlan faults() {
        return fake.faults();
      }

      @Override
      public RequestLog requestLog() {
        return fake.requestLog();
      }

      @Override
      public int port() {
        return fake.port();
      }

      @Override
      public String describe() {
        return fake.describe();
      }

      @Override
      public EngineDeployment deploy(String fileName, byte[] content) {
        if (!accepts(content)) {
          throw new IllegalArgumentException("it is written for " + names(usedBy(content)));
        }
        return fake.deploy(fileName, content);
      }

      @Override
      public void close() {
        fake.close();
      }

      @Override
      public String toString() {
        return fake.toString();
      }
    };
  }

  /**
   * Whether an engine of this dialect takes the file: it uses this dialect's namespace, or no
   * engine's. A file that is not XML is taken, for the engine to refuse with its own reason.
   */
  public boolean accepts(byte[] bpmn) {
    Set<BpmnDialect> used = usedBy(bpmn);
    return used.isEmpty() || used.contains(this);
  }

  /** The engine dialects whose namespace the file declares or uses; empty for plain BPMN or a file that is not XML. */
  public static Set<BpmnDialect> usedBy(byte[] bpmn) {
    Set<BpmnDialect> used = EnumSet.noneOf(BpmnDialect.class);
    XMLInputFactory factory = XMLInputFactory.newFactory();
    factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    try {
      XMLStreamReader reader = factory.createXMLStreamReader(new ByteArrayInputStream(bpmn));
      try {
        while (reader.hasNext()) {
          if (reader.next() == XMLStreamConstants.START_ELEMENT) {
            for (int i = 0; i < reader.getNamespaceCount(); i++) {
              add(used, reader.getNamespaceURI(i));
            }
            add(used, reader.getNamespaceURI());
          }
        }
      } finally {
        reader.close();
      }
    } catch (XMLStreamException notXml) {
      // what was read so far counts; the engine explains the rest
    }
    return used;
  }

  /** {@code "flowable"}, {@code "zeebe and flowable"}: the engines of {@code dialects}, for a log line. */
  public static String names(Set<BpmnDialect> dialects) {
    return String.join(" and ", dialects.stream().map(d -> d.name().toLowerCase(Locale.ROOT)).toList());
  }

  private static void add(Set<BpmnDialect> used, String uri) {
    for (BpmnDialect d : values()) {
      if (d.namespace.equals(uri)) {
        used.add(d);
      }
    }
  }
}
