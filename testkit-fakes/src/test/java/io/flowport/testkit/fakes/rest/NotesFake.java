package io.flowport.testkit.fakes.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flowport.testkit.engine.EngineException;
import io.flowport.testkit.engine.EngineException.Reason;
import io.flowport.testkit.engine.EngineOptions;
import io.flowport.testkit.fakes.http.FakeResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A small REST fake written the way a new engine's fake is: a subclass of {@link RestFakeServer}, its
 * routes, error shape, status table, auth and fault answers. It keeps notes by id.
 */
final class NotesFake extends RestFakeServer {
  static final ObjectMapper JSON = new ObjectMapper();
  static final JsonBodies BODIES = new JsonBodies(JSON, "body missing", "bad JSON: ");
  static final StatusTable STATUSES = StatusTable.builder()
      .map(404, Reason.INSTANCE_NOT_FOUND)
      .map(400, Reason.INVALID_ARGUMENT)
      .otherwise(500)
      .build();

  private NotesFake(Builder b) {
    super(b, context -> api(b.token));
  }

  static Builder builder() {
    return new Builder();
  }

  private static RestApi api(String token) {
    Map<String, String> notes = new TreeMap<>();
    RestRoutes routes = RestRoutes.builder()
        .route("PUT", "/notes/{id}", (req, path) -> {
          JsonNode body = BODIES.readObject(req, n -> "not an object: " + n.getNodeType());
          notes.put(path.get("id"), body.path("text").asText());
          return FakeResponse.empty(204);
        })
        .route("GET", "/notes/{id}", (req, path) -> {
          String text = notes.get(path.get("id"));
          if (text == null) {
            throw RestError.notFound("no note " + path.get("id"));
          }
          return FakeResponse.json(200, JSON.createObjectNode().put("text", text).toString());
        })
        .route("GET", "/notes/count", (req, path) -> FakeResponse.json(200, Integer.toString(notes.size())))
        .route("GET", "/notes", (req, path) -> {
          List<String> ids = new ArrayList<>(notes.keySet());
          int offset = Paging.intParam(req, "offset", 0, v -> RestError.badRequest("offset is not a number: " + v));
          int size = Paging.intParam(req, "size", 10, v -> RestError.badRequest("size is not a number: " + v));
          return FakeResponse.json(200, JSON.valueToTree(Paging.offset(ids, offset, size)).toString());
        })
        .route("POST", "/engine-failure/{reason}", (req, path) -> {
          throw new EngineException(Reason.valueOf(path.get("reason")), "engine says " + path.get("reason"));
        })
        .route("POST", "/bug", (req, path) -> {
          throw new IllegalStateException("a bug in the fake");
        })
        .unknownPath(req -> error(404, "no route " + req.method() + " " + req.rawPath()))
        .wrongMethod((req, allowed) -> error(405, "allowed: " + allowed))
        .build();
    RestApi.Builder api = RestApi.builder()
        .routes(routes)
        .errors((status, detail, req) -> error(status, detail))
        .statuses(STATUSES)
        .backPressureAnswer(req -> error(429, "slow down"));
    if (token != null) {
      api.auth(RestAuth.header("X-Token", token), req -> error(401, "who are you"));
    }
    return api.build();
  }

  static FakeResponse error(int status, String detail) {
    ObjectNode body = JSON.createObjectNode().put("code", status).put("error", detail);
    return FakeResponse.json(status, body.toString());
  }

  static final class Builder extends RestFakeServer.Builder<Builder, NotesFake> {
    private String token;

    private Builder() {
      super(EngineOptions.builder().build(), "/api");
    }

    Builder token(String value) {
      this.token = value;
      return this;
    }

    @Override
    protected Builder self() {
      return this;
    }

    @Override
    public NotesFake start() {
      return new NotesFake(this);
    }
  }
}
