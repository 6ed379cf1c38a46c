package io.flowport.rest.bksops;

import static org.assertj.core.api.Assertions.assertThat;

import io.flowport.core.Operation;
import io.flowport.core.error.ErrorKind;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every row of the bk-sops error table, and the message shortening. */
class BkSopsErrorsTest {
  private static final String TRACE = "fail: Traceback (most recent call last):\n  File \"/app/bamboo_engine/api.py\", "
      + "line 68, in wrapper\n    data = func(*args, **kwargs)\nbamboo_engine.exceptions.InvalidOperationError: %s\n";

  static Stream<Arguments> rows() {
    return Stream.of(
        // 3599999: the message decides
        Arguments.of(Operation.PAUSE_NODE, "200", "3599999", "iam authentication exception, please check, action:task_operate", ErrorKind.PERMISSION),
        Arguments.of(Operation.RETRY_NODE, "200", "3599999", "task[1] does not have node[x]", ErrorKind.NODE_NOT_FOUND),
        Arguments.of(Operation.GET_INSTANCE, "200", "3599999", "task[id=9] get status error: matching query does not exist.", ErrorKind.INSTANCE_NOT_FOUND),
        Arguments.of(Operation.GET_NODE_TREE, "200", "3599999", "task[id=9] get status error: x", ErrorKind.INSTANCE_NOT_FOUND),
        Arguments.of(BkSopsOperations.GET_TASK_STATUS, "200", "3599999", "task[id=9] get status error: x", ErrorKind.INSTANCE_NOT_FOUND),
        Arguments.of(Operation.CALLBACK_NODE, "200", "3599999", String.format(TRACE, "node version v1 not exist"), ErrorKind.STALE_VERSION),
        Arguments.of(Operation.RETRY_NODE, "200", "3599999", "task command is invalid", ErrorKind.INVALID_REQUEST),
        Arguments.of(Operation.SKIP_EXCLUSIVE_GATEWAY, "200", "3599999", "fail: Traceback\nKeyError: 'f9'", ErrorKind.INVALID_REQUEST),
        Arguments.of(Operation.GET_NODE_DATA, "200", "3599999", "节点状态请求失败: 任务[ID: 1]中未找到节点[ID: x]. | get_node_data", ErrorKind.NODE_NOT_FOUND),
        Arguments.of(Operation.GET_NODE_HISTORY, "200", "3540000", "节点状态请求失败: 任务[ID: 1]中未找到节点[ID: x]. | get_node_detail", ErrorKind.NODE_NOT_FOUND),
        Arguments.of(Operation.RETRY_NODE, "200", "3599999",
            String.format(TRACE, "x").replace("InvalidOperationError: x", "NotFoundError: node(x) does not exist"), ErrorKind.NODE_NOT_FOUND),
        Arguments.of(Operation.CANCEL_INSTANCE, "200", "3599999",
            "fail: Traceback\nRuntimeError: can't not transit node(1) state from REVOKED to REVOKED", ErrorKind.INSTANCE_NOT_FOUND),
        Arguments.of(Operation.SUSPEND_INSTANCE, "200", "3599999",
            "fail: Traceback\nRuntimeError: can't not transit node(1) state from SUSPENDED to SUSPENDED", ErrorKind.ILLEGAL_TRANSITION),
        Arguments.of(Operation.RETRY_NODE, "200", "3599999", String.format(TRACE, "n state is not FAILED, actual RUNNING"), ErrorKind.ILLEGAL_TRANSITION),
        Arguments.of(Operation.RETRY_NODE, "200", "3599999", "task[1] command failed: boom", ErrorKind.INTERNAL),
        // the other codes
        Arguments.of(Operation.CALLBACK_NODE, "200", "3540000", "task[1] does not have node[x]", ErrorKind.NODE_NOT_FOUND),
        Arguments.of(BkSopsOperations.CREATE_TASK, "200", "3540000", "invalid param format", ErrorKind.INVALID_REQUEST),
        Arguments.of(Operation.GET_INSTANCE, "200", "3540100", "you have no permission", ErrorKind.PERMISSION),
        Arguments.of(Operation.START_INSTANCE, "200", "3540400", "template[id=1] does not exist", ErrorKind.DEFINITION_NOT_FOUND),
        Arguments.of(BkSopsOperations.CREATE_TASK, "200", "3540400", "template[id=1] does not exist", ErrorKind.DEFINITION_NOT_FOUND),
        Arguments.of(Operation.CANCEL_INSTANCE, "200", "3540400", "TaskFlowInstance matching query does not exist.", ErrorKind.INSTANCE_NOT_FOUND),
        Arguments.of(Operation.RETRY_NODE, "200", "3540400", "task[id=1] of project[id=2] does not exist", ErrorKind.INSTANCE_NOT_FOUND),
        Arguments.of(BkSopsOperations.START_TASK, "200", "3545000", "task already started", ErrorKind.ILLEGAL_TRANSITION),
        Arguments.of(BkSopsOperations.OPERATE_TASK, "200", "3545000", "task not started", ErrorKind.ILLEGAL_TRANSITION),
        Arguments.of(BkSopsOperations.OPERATE_TASK, "200", "3545000", "task command is invalid", ErrorKind.INVALID_REQUEST),
        Arguments.of(Operation.CANCEL_INSTANCE, "200", "3545100", "operation failed", ErrorKind.CONFLICT),
        Arguments.of(Operation.START_INSTANCE, "200", "3546100", "task[id=1] stream is invalid", ErrorKind.INVALID_DEFINITION),
        Arguments.of(BkSopsOperations.START_TASK, "200", "3546100", "task[id=1] has isolate structure", ErrorKind.INVALID_DEFINITION),
        Arguments.of(BkSopsOperations.OPERATE_TASK, "200", "3546100", "task[id=1] connection check failed", ErrorKind.INVALID_DEFINITION),
        Arguments.of(BkSopsOperations.CREATE_TASK, "200", "3546100", "constants are invalid", ErrorKind.INVALID_VARIABLES),
        Arguments.of(Operation.GET_INSTANCE, "200", "3546100", "expected_timezone x is unknown.", ErrorKind.INVALID_REQUEST),
        Arguments.of(Operation.GET_INSTANCE, "200", "3555000", "environment error", ErrorKind.UNAVAILABLE),
        // the gateway's and Django's own answers
        Arguments.of(Operation.GET_INSTANCE, "400", null, null, ErrorKind.INVALID_REQUEST),
        Arguments.of(Operation.GET_INSTANCE, "401", "16", "app authentication failed", ErrorKind.AUTHENTICATION),
        Arguments.of(Operation.GET_INSTANCE, "403", null, null, ErrorKind.PERMISSION),
        Arguments.of(Operation.GET_INSTANCE, "404", null, null, ErrorKind.NOT_FOUND),
        Arguments.of(Operation.START_INSTANCE, "405", null, null, ErrorKind.INVALID_REQUEST),
        Arguments.of(Operation.GET_INSTANCE, "429", null, null, ErrorKind.BACK_PRESSURE),
        Arguments.of(BkSopsOperations.CREATE_TASK, "500", null, null, ErrorKind.INTERNAL),
        Arguments.of(Operation.GET_INSTANCE, "502", null, null, ErrorKind.UNAVAILABLE),
        Arguments.of(Operation.GET_INSTANCE, "503", null, null, ErrorKind.UNAVAILABLE),
        Arguments.of(Operation.GET_INSTANCE, "504", null, null, ErrorKind.UNAVAILABLE),
        Arguments.of(Operation.GET_INSTANCE, "418", null, null, ErrorKind.UNKNOWN_STATUS),
        Arguments.of(Operation.GET_INSTANCE, "200", "3333333", "a code bk-sops does not document", ErrorKind.UNKNOWN_STATUS));
  }

  @ParameterizedTest(name = "{0} {1} {2} \"{3}\" -> {4}")
  @MethodSource("rows")
  void row(Operation op, String status, String code, String message, ErrorKind kind) {
    assertThat(BkSopsErrors.TABLE.kindFor(op, status, code, message == null ? null : BkSopsErrors.shortMessage(message)))
        .isEqualTo(kind);
  }

  @Test
  void aTracebackShrinksToItsExceptionLine() {
    String shortened = BkSopsErrors.shortMessage(String.format(TRACE, "work state is not FAILED, actual RUNNING"));
    assertThat(shortened).isEqualTo("fail: InvalidOperationError: work state is not FAILED, actual RUNNING");
    assertThat(shortened).doesNotContain("Traceback", "File ", "api.py");
  }

  @Test
  void otherMessagesKeepTheirFirstLineAndACap() {
    assertThat(BkSopsErrors.shortMessage("first line\nsecond line")).isEqualTo("first line");
    assertThat(BkSopsErrors.shortMessage("x".repeat(1000))).hasSize(BkSopsErrors.MAX_MESSAGE + 3);
    assertThat(BkSopsErrors.shortMessage(null)).isNull();
  }
}
