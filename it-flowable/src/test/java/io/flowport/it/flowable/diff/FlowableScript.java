package io.flowport.it.flowable.diff;

import io.flowport.testkit.fakes.diff.WireScript;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * The exchanges of {@link FlowableDifferentialTest}: every request the Flowable adapter sends
 * (sdk-rest's {@code FlowableBackend}), the error cases of {@code FlowableErrors}' table, and the
 * fields a user reads (an instance's {@code activityId} and {@code startUserId}, a variable's
 * {@code scope}, the automatic identity links, how ids and names are encoded in {@code url} fields).
 * Names carry a per-run suffix so the shared real Flowable's other tests do not interfere.
 */
final class FlowableScript {
  private FlowableScript() {}

  static String bpmn(String s) {
    return """
        <?xml version="1.0" encoding="UTF-8"?>
        <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:flowable="http://flowable.org/bpmn"
                     targetNamespace="http://flowport.io/diff">
          <message id="ping" name="diffPing%1$s"/>
          <message id="go" name="diffGo%1$s"/>
          <process id="diffTask%1$s" name="Diff task" isExecutable="true">
            <startEvent id="start"/>
            <sequenceFlow id="f1" sourceRef="start" targetRef="approve"/>
            <userTask id="approve" name="Approve" flowable:assignee="kermit"/>
            <sequenceFlow id="f2" sourceRef="approve" targetRef="end"/>
            <endEvent id="end"/>
          </process>
          <process id="diffNoop%1$s" name="Diff noop" isExecutable="true">
            <startEvent id="nstart"/>
            <sequenceFlow id="n1" sourceRef="nstart" targetRef="nend"/>
            <endEvent id="nend"/>
          </process>
          <process id="diffMsg%1$s" name="Diff message" isExecutable="true">
            <startEvent id="mstart"/>
            <sequenceFlow id="m1" sourceRef="mstart" targetRef="wait"/>
            <intermediateCatchEvent id="wait"><messageEventDefinition messageRef="ping"/></intermediateCatchEvent>
            <sequenceFlow id="m2" sourceRef="wait" targetRef="mend"/>
            <endEvent id="mend"/>
          </process>
          <process id="diffGo%1$s" name="Diff message start" isExecutable="true">
            <startEvent id="gstart"><messageEventDefinition messageRef="go"/></startEvent>
            <sequenceFlow id="g1" sourceRef="gstart" targetRef="gend"/>
            <endEvent id="gend"/>
          </process>
        </definitions>
        """.formatted(s);
  }

  static final String NO_IMPLEMENTATION = """
      <?xml version="1.0" encoding="UTF-8"?>
      <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" targetNamespace="http://flowport.io/diff">
        <process id="noimpl" isExecutable="true">
          <startEvent id="start"/>
          <sequenceFlow id="f1" sourceRef="start" targetRef="svc"/>
          <serviceTask id="svc"/>
          <sequenceFlow id="f2" sourceRef="svc" targetRef="end"/>
          <endEvent id="end"/>
        </process>
      </definitions>
      """;

  static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
  }

  static WireScript<RawHttp> script(String s) {
    String task = "diffTask" + s;
    String noop = "diffNoop" + s;
    String msg = "diffMsg" + s;
    String bk = "order #1/" + s + " ä";
    String inst = "runtime/process-instances/";
    WireScript<RawHttp> w = new WireScript<>();
    // --- auth
    w.step("401 without credentials", (h, r) -> h.anonymous().get("runtime/process-instances"));
    // --- deployments
    w.step("deploy", (h, r) -> h.deploy("diff processes " + s + ".bpmn20.xml", bpmn(s), "deploymentName", "Diff " + s));
    w.step("deploy named by query", (h, r) -> h.deployTo("repository/deployments?deploymentName=" + enc("Named " + s),
        "named " + s + ".bpmn", bpmn(s + "n")));
    w.step("deploy to a tenant by form field", (h, r) -> h.deploy("tf " + s + ".bpmn20.xml", bpmn(s + "f"),
        "tenantId", "diff-tenant"));
    w.step("deploy to a tenant by query", (h, r) -> h.deployTo("repository/deployments?tenantId=diff-tenant",
        "tq " + s + ".bpmn20.xml", bpmn(s + "q")));
    w.step("get deployment", (h, r) -> h.get("repository/deployments/" + r.text("deploy", "/id")));
    w.step("deploy .txt", (h, r) -> h.deploy("hello.txt", "hello"));
    w.step("deploy malformed XML", (h, r) -> h.deploy("broken.bpmn20.xml", "<definitions"));
    w.step("deploy service task without implementation", (h, r) -> h.deploy("noimpl.bpmn20.xml", NO_IMPLEMENTATION));
    w.step("deploy a JSON body", (h, r) -> h.post("repository/deployments", "{}"));
    w.step("delete unknown deployment", (h, r) -> h.delete("repository/deployments/does-not-exist"));
    // --- definitions (start by id / version looks them up)
    w.step("definitions by key", (h, r) -> h.get("repository/process-definitions?key=" + task));
    w.step("definitions by key and version", (h, r) -> h.get("repository/process-definitions?key=" + task + "&version=1"));
    w.step("definitions by key, no such version",
        (h, r) -> h.get("repository/process-definitions?key=" + task + "&version=9"));
    // --- start
    w.step("start by key", (h, r) -> h.post("runtime/process-instances", """
        {"processDefinitionKey":"%s","businessKey":"%s","variables":[
          {"name":"amount","value":42},{"name":"vip","type":"boolean","value":true},
          {"name":"name","value":"Ada"},{"name":"rate","value":4.5},{"name":"when","type":"date","value":"2026-01-02T03:04:05.000+0000"}]}
        """.formatted(task, bk)));
    w.step("start by id", (h, r) -> h.post("runtime/process-instances",
        "{\"processDefinitionId\":\"" + r.text("definitions by key", "/data/0/id") + "\"}"));
    w.step("start unknown key", (h, r) -> h.post("runtime/process-instances", "{\"processDefinitionKey\":\"does-not-exist\"}"));
    w.step("start unknown id", (h, r) -> h.post("runtime/process-instances", "{\"processDefinitionId\":\"nope:1:1\"}"));
    w.step("start without key or id", (h, r) -> h.post("runtime/process-instances", "{\"businessKey\":\"b\"}"));
    w.step("start malformed JSON", (h, r) -> h.post("runtime/process-instances", "{\"processDefinitionKey\":"));
    w.step("start unknown variable type", (h, r) -> h.post("runtime/process-instances",
        "{\"processDefinitionKey\":\"" + task + "\",\"variables\":[{\"name\":\"t\",\"type\":\"nosuchtype\",\"value\":1}]}"));
    w.step("start noop returning variables", (h, r) -> h.post("runtime/process-instances",
        "{\"processDefinitionKey\":\"" + noop + "\",\"returnVariables\":true,\"variables\":[{\"name\":\"x\",\"value\":1}]}"));
    w.step("start by message", (h, r) -> h.post("runtime/process-instances",
        "{\"message\":\"diffGo" + s + "\",\"businessKey\":\"go-" + s + "\"}"));
    w.step("start by unknown message", (h, r) -> h.post("runtime/process-instances", "{\"message\":\"nobody-" + s + "\"}"));
    // --- get, list, query
    w.step("get instance", (h, r) -> h.get(inst + r.text("start by key", "/id")));
    w.step("get unknown instance", (h, r) -> h.get(inst + "does-not-exist"));
    w.step("list by key", (h, r) -> h.get("runtime/process-instances?processDefinitionKey=" + task
        + "&start=0&size=10&sort=startTime&order=asc"));
    w.step("list by business key", (h, r) -> h.get("runtime/process-instances?businessKey=" + enc(bk) + "&sort=id&size=100"));
    w.step("list by bad sort", (h, r) -> h.get("runtime/process-instances?processDefinitionKey=" + task + "&sort=nope"));
    w.step("query by variable", (h, r) -> h.post("query/process-instances?sort=startTime&order=desc", """
        {"processDefinitionKey":"%s","variables":[{"name":"amount","value":42,"operation":"equals","type":"integer"}]}
        """.formatted(task)));
    // --- suspend / activate
    w.step("suspend", (h, r) -> h.put(inst + r.text("start by key", "/id"), "{\"action\":\"suspend\"}"));
    w.step("suspend again", (h, r) -> h.put(inst + r.text("start by key", "/id"), "{\"action\":\"suspend\"}"));
    w.step("activate", (h, r) -> h.put(inst + r.text("start by key", "/id"), "{\"action\":\"activate\"}"));
    w.step("activate again", (h, r) -> h.put(inst + r.text("start by key", "/id"), "{\"action\":\"activate\"}"));
    w.step("unknown action", (h, r) -> h.put(inst + r.text("start by key", "/id"), "{\"action\":\"frobnicate\"}"));
    w.step("suspend unknown instance", (h, r) -> h.put(inst + "does-not-exist", "{\"action\":\"suspend\"}"));
    // --- variables
    String vars = "/variables";
    w.step("variables", (h, r) -> h.get(inst + r.text("start by key", "/id") + vars));
    w.step("variable", (h, r) -> h.get(inst + r.text("start by key", "/id") + vars + "/amount"));
    w.step("missing variable", (h, r) -> h.get(inst + r.text("start by key", "/id") + vars + "/nope"));
    w.step("variables of unknown instance", (h, r) -> h.get(inst + "does-not-exist" + vars));
    w.step("create existing variable", (h, r) -> h.post(inst + r.text("start by key", "/id") + vars,
        "[{\"name\":\"amount\",\"value\":1}]"));
    w.step("create variables", (h, r) -> h.post(inst + r.text("start by key", "/id") + vars,
        "[{\"name\":\"extra\",\"value\":\"e\"},{\"name\":\"a b/c\",\"value\":1}]"));
    w.step("create no variables", (h, r) -> h.post(inst + r.text("start by key", "/id") + vars, "[]"));
    w.step("create variable without name", (h, r) -> h.post(inst + r.text("start by key", "/id") + vars,
        "[{\"value\":1}]"));
    w.step("upsert variables", (h, r) -> h.put(inst + r.text("start by key", "/id") + vars,
        "[{\"name\":\"amount\",\"value\":43},{\"name\":\"priority\",\"value\":\"high\"}]"));
    w.step("put variable", (h, r) -> h.put(inst + r.text("start by key", "/id") + vars + "/priority",
        "{\"name\":\"priority\",\"value\":\"low\"}"));
    w.step("put variable, other name", (h, r) -> h.put(inst + r.text("start by key", "/id") + vars + "/priority",
        "{\"name\":\"other\",\"value\":\"low\"}"));
    w.step("delete variable", (h, r) -> h.delete(inst + r.text("start by key", "/id") + vars + "/extra"));
    w.step("delete missing variable", (h, r) -> h.delete(inst + r.text("start by key", "/id") + vars + "/extra"));
    w.step("create binary variable", (h, r) -> h.multipart("POST", inst + r.text("start by key", "/id") + vars,
        "bin", "binary content", "name", "bin", "type", "binary"));
    w.step("create binary variable again", (h, r) -> h.multipart("POST", inst + r.text("start by key", "/id") + vars,
        "bin", "other content", "name", "bin", "type", "binary"));
    w.step("update binary variable", (h, r) -> h.multipart("PUT", inst + r.text("start by key", "/id") + vars + "/bin",
        "bin", "new content", "name", "bin", "type", "binary"));
    w.step("binary variable", (h, r) -> h.get(inst + r.text("start by key", "/id") + vars + "/bin"));
    w.step("binary variable data", (h, r) -> h.get(inst + r.text("start by key", "/id") + vars + "/bin/data"));
    w.step("variable data of a string", (h, r) -> h.get(inst + r.text("start by key", "/id") + vars + "/name/data"));
    w.step("variables after writes", (h, r) -> h.get(inst + r.text("start by key", "/id") + vars));
    // --- identity links
    String links = "/identitylinks";
    w.step("identity links", (h, r) -> h.get(inst + r.text("start by key", "/id") + links));
    w.step("add identity link", (h, r) -> h.post(inst + r.text("start by key", "/id") + links,
        "{\"user\":\"miss piggy\",\"type\":\"participant\"}"));
    w.step("add identity link again", (h, r) -> h.post(inst + r.text("start by key", "/id") + links,
        "{\"user\":\"miss piggy\",\"type\":\"participant\"}"));
    w.step("get identity link", (h, r) -> h.get(inst + r.text("start by key", "/id") + links
        + "/users/" + enc("miss piggy") + "/participant"));
    w.step("add group identity link", (h, r) -> h.post(inst + r.text("start by key", "/id") + links,
        "{\"group\":\"admins\",\"type\":\"participant\"}"));
    w.step("add identity link without type", (h, r) -> h.post(inst + r.text("start by key", "/id") + links,
        "{\"user\":\"fozzie\"}"));
    w.step("get missing identity link", (h, r) -> h.get(inst + r.text("start by key", "/id") + links
        + "/users/nobody/participant"));
    w.step("delete identity link", (h, r) -> h.delete(inst + r.text("start by key", "/id") + links
        + "/users/" + enc("miss piggy") + "/participant"));
    w.step("delete missing identity link", (h, r) -> h.delete(inst + r.text("start by key", "/id") + links
        + "/users/" + enc("miss piggy") + "/participant"));
    w.step("identity links after writes", (h, r) -> h.get(inst + r.text("start by key", "/id") + links));
    // --- messages
    w.step("start message catch", (h, r) -> h.post("runtime/process-instances",
        "{\"processDefinitionKey\":\"" + msg + "\",\"businessKey\":\"m-" + s + "\"}"));
    w.step("waiting executions", (h, r) -> h.get("runtime/executions?processInstanceId="
        + r.text("start message catch", "/id") + "&messageEventSubscriptionName=diffPing" + s + "&size=1"));
    w.step("waiting executions by message only", (h, r) -> h.get("runtime/executions?messageEventSubscriptionName=diffPing"
        + s + "&size=1"));
    w.step("deliver message", (h, r) -> h.put("runtime/executions/" + r.text("waiting executions", "/data/0/id"),
        "{\"action\":\"messageEventReceived\",\"messageName\":\"diffPing" + s + "\",\"variables\":[{\"name\":\"paid\",\"value\":true}]}"));
    w.step("message instance after delivery", (h, r) -> h.get(inst + r.text("start message catch", "/id")));
    w.step("message history", (h, r) -> h.get("history/historic-process-instances/" + r.text("start message catch", "/id")));
    // --- tasks
    w.step("open tasks", (h, r) -> h.get("runtime/tasks?processInstanceId=" + r.text("start by key", "/id")
        + "&taskDefinitionKey=approve&size=1"));
    w.step("complete task", (h, r) -> h.post("runtime/tasks/" + r.text("open tasks", "/data/0/id"),
        "{\"action\":\"complete\",\"variables\":[{\"name\":\"approved\",\"value\":true}]}"));
    w.step("completed instance", (h, r) -> h.get(inst + r.text("start by key", "/id")));
    w.step("completed history", (h, r) -> h.get("history/historic-process-instances/" + r.text("start by key", "/id")));
    w.step("history list", (h, r) -> h.get("history/historic-process-instances?processInstanceId="
        + r.text("start by key", "/id")));
    w.step("history list with variables", (h, r) -> h.get("history/historic-process-instances?processInstanceId="
        + r.text("start by key", "/id") + "&includeProcessVariables=true"));
    w.step("historic variables", (h, r) -> h.get("history/historic-variable-instances?processInstanceId="
        + r.text("start by key", "/id") + "&variableName=approved"));
    // --- delete
    w.step("diagram", (h, r) -> h.get(inst + r.text("start by id", "/id") + "/diagram"));
    w.step("delete instance", (h, r) -> h.delete(inst + r.text("start by id", "/id") + "?deleteReason=" + enc("no longer needed")));
    w.step("deleted history", (h, r) -> h.get("history/historic-process-instances/" + r.text("start by id", "/id")));
    w.step("delete unknown instance", (h, r) -> h.delete(inst + "does-not-exist"));
    // --- what the adapter also sends
    w.step("signal", (h, r) -> h.post("runtime/signals", "{\"signalName\":\"diffSignal" + s + "\"}"));
    w.step("wrong method", (h, r) -> h.put("runtime/process-instances", "{}"));
    w.step("unknown endpoint", (h, r) -> h.get("runtime/nope"));
    w.step("delete deployment", (h, r) -> h.delete("repository/deployments/" + r.text("deploy", "/id") + "?cascade=true"));
    return w;
  }
}
