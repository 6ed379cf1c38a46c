package io.flowport.testkit.fakes.flowable.internal;

import static io.flowport.testkit.fakes.flowable.internal.FlowableBodies.json;
import static io.flowport.testkit.fakes.flowable.internal.FlowableRequests.parseObject;
import static io.flowport.testkit.fakes.flowable.internal.FlowableRequests.text;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.flowport.testkit.fakes.http.FakeRequest;
import io.flowport.testkit.fakes.http.FakeResponse;
import io.flowport.testkit.fakes.rest.RestError;
import java.util.ArrayList;
import java.util.List;

/**
 * Flowable's {@code runtime/process-instances/{id}/identitylinks}: user links only; the
 * authenticated starter gets a "starter" link at start.
 */
final class IdentityLinkResource {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private final FlowableState state;
  private final FlowableBodies bodies;

  IdentityLinkResource(FlowableState state, FlowableBodies bodies) {
    this.state = state;
    this.bodies = bodies;
  }

  FakeResponse get(String id, String linkUser, String type) {
    return json(200, bodies.identityLinkBody(id, identityLink(id, linkUser, type)));
  }

  List<String[]> links(String instanceId) {
    state.runtimeInstance(instanceId);
    state.userTasks(); // assigns new tasks, which adds their assignees as participants
    return state.identityLinks.computeIfAbsent(instanceId, k -> new ArrayList<>());
  }

  FakeResponse listIdentityLinks(String id) {
    ArrayNode a = NODES.arrayNode();
    for (String[] link : links(id)) {
      a.add(bodies.identityLinkBody(id, link));
    }
    return json(200, a);
  }

  FakeResponse addIdentityLink(FakeRequest req, String id) {
    List<String[]> links = links(id);
    JsonNode body = parseObject(req, "org.flowable.rest.service.api.engine.RestIdentityLink");
    if (text(body, "group") != null) {
      throw RestError.badRequest("Only user identity links are supported on a process instance.");
    }
    String linkUser = text(body, "user");
    if (linkUser == null) {
      throw RestError.badRequest("The user is required.");
    }
    String type = text(body, "type");
    if (type == null) {
      throw RestError.badRequest("The identity link type is required.");
    }
    String[] link = {linkUser, type};
    links.add(link); // Flowable does not check for duplicates either
    return json(201, bodies.identityLinkBody(id, link));
  }

  String[] identityLink(String id, String linkUser, String type) {
    return links(id).stream().filter(l -> l[0].equals(linkUser) && l[1].equals(type)).findFirst()
        .orElseThrow(() -> RestError.notFound("Could not find the requested identity link."));
  }

  FakeResponse deleteIdentityLink(String id, String linkUser, String type) {
    String[] link = identityLink(id, linkUser, type);
    links(id).removeIf(l -> l[0].equals(link[0]) && l[1].equals(link[1]));
    return FakeResponse.empty(204);
  }
}
