package io.flowport.testkit.fakes.zeebe;

import static io.flowport.testkit.fakes.zeebe.ZeebeDocuments.document;

import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.CompleteJobRequest;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.CompleteJobResponse;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.FailJobRequest;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.FailJobResponse;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.ResolveIncidentRequest;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.ResolveIncidentResponse;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.ThrowErrorRequest;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.ThrowErrorResponse;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.UpdateJobRetriesRequest;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.UpdateJobRetriesResponse;
import io.flowport.testkit.engine.EngineException;
import io.flowport.testkit.engine.InMemoryEngine;
import io.flowport.testkit.engine.Incident;
import io.flowport.testkit.engine.InstanceFilter;
import io.flowport.testkit.engine.InstanceSnapshot;
import io.flowport.testkit.engine.InstanceStatus;
import io.flowport.testkit.engine.JobSnapshot;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import java.util.Map;

/**
 * The gateway's job RPCs on the engine's jobs: complete, fail, throw an error (an incident, as no
 * error event catches it), update retries, resolve an incident.
 */
final class JobCommands {
  private final InMemoryEngine engine;
  private final GatewayCalls calls;

  JobCommands(InMemoryEngine engine, GatewayCalls calls) {
    this.engine = engine;
    this.calls = calls;
  }

  void completeJob(CompleteJobRequest request, StreamObserver<CompleteJobResponse> observer) {
    String key = Long.toString(request.getJobKey());
    calls.handle(Rpc.COMPLETE_JOB, key, observer, call -> {
      requireNotFailed(Rpc.COMPLETE_JOB, "complete", key);
      engine.completeJob(key, document(Rpc.COMPLETE_JOB, request.getVariables(), "variables"));
      call.reply(CompleteJobResponse.getDefaultInstance());
    });
  }

  void failJob(FailJobRequest request, StreamObserver<FailJobResponse> observer) {
    String key = Long.toString(request.getJobKey());
    calls.handle(Rpc.FAIL_JOB, key, observer, call -> {
      requireNotFailed(Rpc.FAIL_JOB, "fail", key);
      Map<String, Object> variables = document(Rpc.FAIL_JOB, request.getVariables(), "variables");
      writeJobVariables(key, variables);
      engine.failJob(key, Math.max(0, request.getRetries()),
          request.getErrorMessage().isEmpty() ? null : request.getErrorMessage());
      call.reply(FailJobResponse.getDefaultInstance());
    });
  }

  void throwError(ThrowErrorRequest request, StreamObserver<ThrowErrorResponse> observer) {
    String key = Long.toString(request.getJobKey());
    calls.handle(Rpc.THROW_ERROR, key, observer, call -> {
      Map<String, Object> variables = document(Rpc.THROW_ERROR, request.getVariables(), "variables");
      writeJobVariables(key, variables);
      // No boundary / error events in the engine: the error is never caught, which Zeebe turns
      // into an incident with this message.
      String message = request.getErrorMessage().isEmpty()
          ? "Expected to throw an error event with the code '" + request.getErrorCode()
              + "', but it was not caught. No error events are available in the scope."
          : "Expected to throw an error event with the code '" + request.getErrorCode() + "' with message '"
              + request.getErrorMessage() + "', but it was not caught. No error events are available in the scope.";
      engine.failJob(key, 0, message);
      call.reply(ThrowErrorResponse.getDefaultInstance());
    });
  }

  private void writeJobVariables(String jobKey, Map<String, Object> variables) {
    if (variables.isEmpty()) {
      return;
    }
    for (JobSnapshot j : engine.activeJobs(null)) {
      if (j.key().equals(jobKey)) {
        engine.upsertVariables(j.instanceId(), variables);
        return;
      }
    }
    // unknown job: the fail/complete call that follows answers NOT_FOUND
  }

  void updateJobRetries(UpdateJobRetriesRequest request, StreamObserver<UpdateJobRetriesResponse> observer) {
    String key = Long.toString(request.getJobKey());
    calls.handle(Rpc.UPDATE_JOB_RETRIES, key, observer, call -> {
      if (request.getRetries() < 1) {
        throw ZeebeStatuses.rejection(Rpc.UPDATE_JOB_RETRIES, Status.Code.INVALID_ARGUMENT,
            "Expected to update retries for job with key '" + key + "' with a positive amount of retries, "
                + "but the amount given was '" + request.getRetries() + "'");
      }
      for (JobSnapshot j : engine.activeJobs(null)) {
        if (j.key().equals(key)) {
          // The engine has no "set retries": failing with retries > 0 sets them (and releases the lock).
          engine.failJob(key, request.getRetries(), j.errorMessage());
          call.reply(UpdateJobRetriesResponse.getDefaultInstance());
          return;
        }
      }
      if (incidentOfJob(key) != null) {
        // The job ran out of retries and raised an incident; ResolveIncident makes a new job.
        call.reply(UpdateJobRetriesResponse.getDefaultInstance());
        return;
      }
      throw new EngineException(EngineException.Reason.JOB_NOT_FOUND, "no such job");
    });
  }

  /**
   * A job that ran out of retries (its incident open) is in state FAILED on Zeebe: completing or
   * failing it again is rejected INVALID_STATE, not NOT_FOUND (seen on the real engine for complete).
   */
  private void requireNotFailed(Rpc rpc, String action, String key) {
    if (incidentOfJob(key) != null) {
      throw ZeebeStatuses.rejection(rpc, Status.Code.FAILED_PRECONDITION,
          "Expected to " + action + " job with key '" + key + "', but it is in state 'FAILED'");
    }
  }

  private Incident incidentOfJob(String jobKey) {
    for (InstanceSnapshot s : engine.list(InstanceFilter.all().withState(InstanceStatus.FAILED))) {
      for (Incident i : s.incidents()) {
        if (jobKey.equals(i.jobKey())) {
          return i;
        }
      }
    }
    return null;
  }

  void resolveIncident(ResolveIncidentRequest request, StreamObserver<ResolveIncidentResponse> observer) {
    String key = Long.toString(request.getIncidentKey());
    calls.handle(Rpc.RESOLVE_INCIDENT, key, observer, call -> {
      engine.resolveIncident(key);
      call.reply(ResolveIncidentResponse.getDefaultInstance());
    });
  }
}
