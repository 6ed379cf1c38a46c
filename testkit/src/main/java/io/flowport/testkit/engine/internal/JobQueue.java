package io.flowport.testkit.engine.internal;

import static io.flowport.testkit.engine.EngineException.Reason.INVALID_ARGUMENT;
import static io.flowport.testkit.engine.EngineException.Reason.JOB_NOT_FOUND;

import io.flowport.testkit.engine.EngineException;
import io.flowport.testkit.engine.Job;
import io.flowport.testkit.engine.JobHandler;
import io.flowport.testkit.engine.JobSnapshot;
import io.flowport.testkit.engine.NodeStatus;
import io.flowport.testkit.engine.NodeType;
import io.flowport.testkit.engine.Registration;
import io.flowport.testkit.engine.internal.Compiled.CNode;
import io.flowport.testkit.engine.internal.Runtime.DefRec;
import io.flowport.testkit.engine.internal.Runtime.InstanceRec;
import io.flowport.testkit.engine.internal.Runtime.JobRec;
import io.flowport.testkit.engine.internal.Runtime.NodeRun;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Jobs: the work items of service and user tasks, Zeebe-style (activation with a lock timeout,
 * retries, handlers invoked as work items), completed or failed by key. Not API.
 */
final class JobQueue extends EnginePart {
  JobQueue(EngineState st) {
    super(st);
  }

  void createJob(InstanceRec inst, NodeRun run) {
    CNode n = run.node;
    int retries = n.jobRetries != null ? n.jobRetries : options.defaultJobRetries();
    Map<String, Object> vars = copy(inst.vars);
    JobRec job = new JobRec(key(), n.jobType, inst, run, vars, retries);
    run.inputs = vars;
    run.job = job;
    jobs.put(job.key, job);
    jobsByType.computeIfAbsent(job.type, k -> new LinkedHashMap<>()).put(job.key, job);
    JobHandler h = handlers.get(job.type);
    if (h != null) {
      work.add(() -> invokeHandler(job, h));
    }
  }

  void invokeHandler(JobRec job, JobHandler h) {
    if (job.closed || job.inst.suspended || job.run.state != NodeStatus.RUNNING) {
      return;
    }
    try {
      h.handle(new JobView(job));
    } catch (RuntimeException e) {
      if (!job.closed && job.run.state == NodeStatus.RUNNING) {
        closeJob(job);
        tokens().fail(job.inst, job.run, "Job handler of type '" + job.type + "' threw " + e, job.key);
      }
    }
  }

  void closeJob(JobRec job) {
    job.closed = true;
    jobs.remove(job.key);
    Map<String, JobRec> byType = jobsByType.get(job.type);
    if (byType != null) {
      byType.remove(job.key);
    }
    if (job.run.job == job) {
      job.run.job = null;
    }
  }

  private final class JobView implements Job {
    private final JobRec job;

    JobView(JobRec job) {
      this.job = job;
    }

    @Override
    public String key() {
      return job.key;
    }

    @Override
    public String type() {
      return job.type;
    }

    @Override
    public String instanceId() {
      return job.inst.key;
    }

    @Override
    public String nodeId() {
      return job.run.node.id;
    }

    @Override
    public Map<String, Object> variables() {
      return job.variables;
    }

    @Override
    public int retries() {
      return job.retries;
    }

    @Override
    public void complete(Map<String, Object> variables) {
      completeJob(job.key, variables);
    }

    @Override
    public void fail(int retries, String errorMessage) {
      failJob(job.key, retries, errorMessage);
    }

    @Override
    public String toString() {
      return "Job[" + job.key + ", " + job.type + ", node " + job.run.node.id + "]";
    }
  }

  Registration registerHandler(String type, JobHandler handler) {
    requireId(type, "type");
    if (handler == null) {
      throw new EngineException(INVALID_ARGUMENT, "handler must not be null");
    }
    run(() -> {
      handlers.put(type, handler);
      Map<String, JobRec> open = jobsByType.get(type);
      if (open != null) {
        for (JobRec j : new ArrayList<>(open.values())) {
          work.add(() -> invokeHandler(j, handler));
        }
      }
    });
    return () -> handlers.remove(type, handler);
  }

  private JobSnapshot jobSnapshot(JobRec j) {
    DefRec d = j.inst.def;
    return new JobSnapshot(j.key, j.type, j.inst.key, j.run.node.id, d.processId, d.key, d.version, j.retries, j.variables, j.worker,
        j.deadline, j.error, j.inst.tenantId);
  }

  List<JobSnapshot> activeJobs(String type) {
    return op(() -> {
      List<JobSnapshot> out = new ArrayList<>();
      Collection<JobRec> source = type == null ? sortedJobs() : jobsByType.getOrDefault(type, new LinkedHashMap<>()).values();
      for (JobRec j : source) {
        out.add(jobSnapshot(j));
      }
      return out;
    });
  }

  private List<JobRec> sortedJobs() {
    List<JobRec> all = new ArrayList<>(jobs.values());
    all.sort(Comparator.comparingLong(j -> Long.parseLong(j.key)));
    return all;
  }

  List<JobSnapshot> activateJobs(String type, int maxJobs, Duration timeout, String worker, Predicate<JobSnapshot> which) {
    requireId(type, "type");
    if (maxJobs <= 0) {
      throw new EngineException(INVALID_ARGUMENT, "maxJobsToActivate must be greater than zero, was " + maxJobs);
    }
    if (timeout == null || timeout.isNegative() || timeout.isZero()) {
      throw new EngineException(INVALID_ARGUMENT, "timeout must be positive, was " + timeout);
    }
    return op(() -> {
      List<JobSnapshot> out = new ArrayList<>();
      Instant now = now();
      for (JobRec j : jobsByType.getOrDefault(type, new LinkedHashMap<>()).values()) {
        if (out.size() >= maxJobs) {
          break;
        }
        if (j.inst.suspended || j.run.state != NodeStatus.RUNNING || j.retries <= 0 || (j.deadline != null && j.deadline.isAfter(now))) {
          continue;
        }
        if (which != null && !which.test(jobSnapshot(j))) {
          continue;
        }
        j.worker = worker;
        j.deadline = now.plus(timeout);
        out.add(jobSnapshot(j));
      }
      return out;
    });
  }

  private JobRec job(String jobKey, String verb) {
    requireId(jobKey, "jobKey");
    JobRec j = jobs.get(jobKey);
    if (j == null) {
      throw new EngineException(JOB_NOT_FOUND, "Expected to " + verb + " job with key '" + jobKey + "', but no such job was found");
    }
    if (j.inst.suspended) {
      throw illegal("Expected to " + verb + " job with key '" + jobKey + "', but process instance '" + j.inst.key + "' is suspended");
    }
    if (j.run.state != NodeStatus.RUNNING) {
      throw illegal("Expected to " + verb + " job with key '" + jobKey + "', but node '" + j.run.node.id + "' is " + j.run.state);
    }
    return j;
  }

  void completeJob(String jobKey, Map<String, Object> variables) {
    Map<String, Object> vars = variables == null ? Map.of() : requireVars(variables, "variables");
    run(() -> {
      JobRec j = job(jobKey, "complete");
      closeJob(j);
      j.inst.vars.putAll(vars);
      tokens().finish(j.inst, j.run, vars, j.run.node.outgoing, List.of());
    });
  }

  void failJob(String jobKey, int retries, String errorMessage) {
    if (retries < 0) {
      throw new EngineException(INVALID_ARGUMENT, "retries must be >= 0, was " + retries);
    }
    run(() -> {
      JobRec j = job(jobKey, "fail");
      j.retries = retries;
      j.error = errorMessage;
      j.run.error = errorMessage;
      j.worker = null;
      j.deadline = null;
      changed.add(j.inst);
      if (retries == 0) {
        closeJob(j);
        tokens().fail(j.inst, j.run, errorMessage == null ? "No more retries left." : errorMessage, j.key);
      }
    });
  }

  void completeUserTask(String instanceId, String nodeId, Map<String, Object> variables) {
    String key = op(() -> {
      InstanceRec inst = driveable(instanceId);
      NodeRun run = reached(inst, nodeId);
      if (run.node.type != NodeType.USER_TASK || run.job == null) {
        throw illegal("Node '" + nodeId + "' is not a waiting user task (" + run.node.type + ", " + run.state + ")");
      }
      return run.job.key;
    });
    completeJob(key, variables);
  }
}
