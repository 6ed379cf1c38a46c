package io.flowport.testkit.engine.internal;

import io.flowport.testkit.engine.NodeStatus;
import io.flowport.testkit.engine.internal.Runtime.InstanceRec;
import io.flowport.testkit.engine.internal.Runtime.NodeRun;
import io.flowport.testkit.engine.internal.Runtime.TimerRec;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Timers: due timers fire when the test clock advances; a timer that came due while its instance
 * or node was suspended waits until it is resumed. Not API.
 */
final class Timers extends EnginePart {
  Timers(EngineState st) {
    super(st);
  }

  void fireDueTimers() {
    if (st.closed) {
      return;
    }
    run(() -> {
      Instant now = now();
      while (!timers.isEmpty() && !timers.peek().due.isAfter(now)) {
        TimerRec t = timers.poll();
        if (t.cancelled || t.run.timer != t || t.inst.endState != null) {
          continue;
        }
        if (t.inst.suspended || t.run.state != NodeStatus.RUNNING) {
          t.blocked = true;
          continue;
        }
        t.run.timer = null;
        tokens().finish(t.inst, t.run, Map.of(), t.run.node.outgoing, List.of());
        st.drain();
      }
    });
  }

  /** After a resume: fire a timer that came due while blocked, re-check buffered messages, re-invoke handlers. */
  void unblock(InstanceRec inst, NodeRun run) {
    if (run.state != NodeStatus.RUNNING) {
      return;
    }
    TimerRec t = run.timer;
    if (t != null && t.blocked) {
      run.timer = null;
      tokens().finish(inst, run, Map.of(), run.node.outgoing, List.of());
    } else if (run.sub != null) {
      correlation().checkBuffered(run.sub);
    }
  }
}
