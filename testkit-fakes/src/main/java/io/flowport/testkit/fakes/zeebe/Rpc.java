package io.flowport.testkit.fakes.zeebe;

/**
 * The gateway methods the fake implements, with the broker command intent Zeebe names in its
 * rejections ({@code "Command 'CREATE' rejected with code 'NOT_FOUND': ..."}).
 */
enum Rpc {
  TOPOLOGY("Topology", "TOPOLOGY"),
  DEPLOY_RESOURCE("DeployResource", "CREATE"),
  CREATE_PROCESS_INSTANCE("CreateProcessInstance", "CREATE"),
  CREATE_PROCESS_INSTANCE_WITH_RESULT("CreateProcessInstanceWithResult", "CREATE_WITH_AWAITING_RESULT"),
  CANCEL_PROCESS_INSTANCE("CancelProcessInstance", "CANCEL"),
  PUBLISH_MESSAGE("PublishMessage", "PUBLISH"),
  SET_VARIABLES("SetVariables", "UPDATE"),
  ACTIVATE_JOBS("ActivateJobs", "ACTIVATE"),
  STREAM_ACTIVATED_JOBS("StreamActivatedJobs", "ACTIVATE"),
  COMPLETE_JOB("CompleteJob", "COMPLETE"),
  FAIL_JOB("FailJob", "FAIL"),
  THROW_ERROR("ThrowError", "THROW_ERROR"),
  RESOLVE_INCIDENT("ResolveIncident", "RESOLVE"),
  UPDATE_JOB_RETRIES("UpdateJobRetries", "UPDATE_RETRIES"),
  BROADCAST_SIGNAL("BroadcastSignal", "BROADCAST");

  /** Bare gRPC method name: what {@link io.flowport.testkit.fakes.RequestLog} and {@code FaultPlan} see. */
  final String method;
  /** The broker command intent used in rejection descriptions. */
  final String intent;

  Rpc(String method, String intent) {
    this.method = method;
    this.intent = intent;
  }
}
