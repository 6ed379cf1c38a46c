package io.flowport.testkit.engine.internal;

import static io.flowport.testkit.engine.EngineException.Reason.DEFINITION_NOT_FOUND;
import static io.flowport.testkit.engine.EngineException.Reason.INVALID_ARGUMENT;

import io.flowport.testkit.engine.DeployedModel;
import io.flowport.testkit.engine.EngineDeployment;
import io.flowport.testkit.engine.EngineException;
import io.flowport.testkit.engine.ProcessModel;
import io.flowport.testkit.engine.internal.Compiled.CNode;
import io.flowport.testkit.engine.internal.EngineCore.Resource;
import io.flowport.testkit.engine.internal.Runtime.DefRec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Definitions: parsing and compiling what is deployed, versioning (a re-deploy of identical
 * content keeps the version when duplicate filtering is on), and the lookups by key, by process
 * id and by message start event. Not API.
 */
final class DefinitionStore extends EnginePart {
  DefinitionStore(EngineState st) {
    super(st);
  }

  EngineDeployment deploy(String tenantId, List<Resource> resources) {
    if (resources == null || resources.isEmpty()) {
      throw new EngineException(INVALID_ARGUMENT, "Expected to deploy at least one resource, but none given");
    }
    List<Object[]> parsed = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (Resource r : resources) {
      if (r == null) {
        throw new EngineException(INVALID_ARGUMENT, "resource must not be null");
      }
      if (r.model() != null) {
        Compiled c = Compiled.compile(r.model(), r.name());
        parsed.add(new Object[] {r.name() == null ? r.model().processId() + ".bpmn" : r.name(), c, null});
      } else {
        requireId(r.name(), "resourceName");
        for (ProcessModel m : BpmnParser.parse(r.name(), r.bytes())) {
          parsed.add(new Object[] {r.name(), Compiled.compile(m, r.name()), r.bytes().clone()});
        }
      }
    }
    for (Object[] p : parsed) {
      if (!seen.add(((Compiled) p[1]).processId)) {
        throw new EngineException(EngineException.Reason.INVALID_DEFINITION,
            "Expected the process ids to be unique within a deployment, but found a duplicate process id '" + ((Compiled) p[1]).processId + "'");
      }
    }
    String tenant = tenant(tenantId);
    return op(() -> {
      String deploymentKey = key();
      List<DeployedModel> out = new ArrayList<>();
      for (Object[] p : parsed) {
        String resourceName = (String) p[0];
        Compiled c = (Compiled) p[1];
        byte[] bytes = (byte[]) p[2];
        List<DefRec> versions = defsById.computeIfAbsent(tenant + SEP + c.processId, k -> new ArrayList<>());
        DefRec last = versions.isEmpty() ? null : versions.get(versions.size() - 1);
        if (options.duplicateFiltering() && last != null && last.resourceName.equals(resourceName)
            && (bytes != null ? Arrays.equals(bytes, last.content) : last.content == null && c.model.equals(last.compiled.model))) {
          out.add(definition(last));
          continue;
        }
        DefRec rec = new DefRec(key(), last == null ? 1 : last.version + 1, resourceName, tenant, deploymentKey, now(), c, bytes);
        versions.add(rec);
        defsByKey.put(rec.key, rec);
        out.add(definition(rec));
      }
      return new EngineDeployment(deploymentKey, tenant, List.copyOf(out));
    });
  }

  private static DeployedModel definition(DefRec d) {
    return new DeployedModel(d.key, d.processId, d.compiled.name, d.version, d.resourceName, d.tenantId, d.deploymentKey, d.deployedAt);
  }

  List<DeployedModel> definitions() {
    return op(() -> {
      List<DeployedModel> out = new ArrayList<>();
      for (List<DefRec> versions : defsById.values()) {
        for (DefRec d : versions) {
          out.add(definition(d));
        }
      }
      return out;
    });
  }

  DeployedModel definition(String key) {
    requireId(key, "definitionKey");
    return op(() -> definition(defByKey(key)));
  }

  DefRec defByKey(String key) {
    DefRec d = defsByKey.get(key);
    if (d == null) {
      throw new EngineException(DEFINITION_NOT_FOUND, "Expected to find process definition with key '" + key + "', but none found");
    }
    return d;
  }

  Object[] messageStart(String messageName, String tenant) {
    for (List<DefRec> versions : defsById.values()) {
      DefRec latest = versions.get(versions.size() - 1);
      if (!latest.tenantId.equals(tenant)) {
        continue;
      }
      for (CNode n : latest.compiled.root.messageStarts) {
        if (n.messageName.equals(messageName)) {
          return new Object[] {latest, n};
        }
      }
    }
    return null;
  }
}
