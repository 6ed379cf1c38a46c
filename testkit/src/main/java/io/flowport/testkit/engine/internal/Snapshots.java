package io.flowport.testkit.engine.internal;

import io.flowport.testkit.engine.InstanceSnapshot;
import io.flowport.testkit.engine.internal.Runtime.DefRec;
import io.flowport.testkit.engine.internal.Runtime.InstanceRec;
import io.flowport.testkit.engine.internal.Runtime.NodeRun;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;

/** Immutable snapshots of an instance's records, taken inside the engine's lock. Not API. */
final class Snapshots {
  private Snapshots() {}

  static InstanceSnapshot of(InstanceRec inst) {
    List<String> active = new ArrayList<>();
    List<String> passed = new ArrayList<>();
    List<String> failed = new ArrayList<>();
    for (NodeRun r : inst.nodes.values()) {
      switch (r.state) {
        case RUNNING, SUSPENDED, READY -> active.add(r.node.id);
        case FINISHED -> passed.add(r.node.id);
        case FAILED -> failed.add(r.node.id);
        default -> { }
      }
    }
    DefRec d = inst.def;
    return new InstanceSnapshot(inst.key, d.key, d.processId, d.version, inst.businessKey, inst.tenantId, inst.state(),
        Collections.unmodifiableMap(new LinkedHashMap<>(inst.vars)), List.copyOf(active), List.copyOf(passed), List.copyOf(failed),
        List.copyOf(inst.incidents.values()), inst.start, inst.end);
  }
}
