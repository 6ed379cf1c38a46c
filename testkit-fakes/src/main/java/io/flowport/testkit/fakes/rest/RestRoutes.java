package io.flowport.testkit.fakes.rest;

import io.flowport.testkit.fakes.http.FakeRequest;
import io.flowport.testkit.fakes.http.FakeResponse;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * A REST fake's route table: method + path template → handler, plus the engine's own answers for a
 * path no template matches and for a known path asked with a method it does not serve. Templates are
 * relative to the fake's base path and match the decoded segments of {@link FakeRequest#path()}; a
 * {@code {name}} segment matches any one segment and hands it to the handler through {@link PathVars}.
 * Where two templates match a path, the one with a literal segment earlier wins
 * ({@code /tasks/count} before {@code /tasks/{id}}). A request outside the base path reaches no route.
 *
 * <pre>{@code
 * RestRoutes routes = RestRoutes.builder()
 *     .route("GET", "/deployments/{id}", (req, path) -> deployments.get(path.get("id")))
 *     .route("DELETE", "/deployments/{id}", (req, path) -> deployments.delete(path.get("id")))
 *     .unknownPath(req -> errors.render(404, "no such endpoint", req))
 *     .wrongMethod((req, allowed) -> errors.render(405, "allowed: " + allowed, req))
 *     .build();
 * }</pre>
 */
public final class RestRoutes {
  private final List<Route> routes;
  private final Function<FakeRequest, FakeResponse> unknownPath;
  private final BiFunction<FakeRequest, Set<String>, FakeResponse> wrongMethod;

  private RestRoutes(Builder b) {
    List<Route> sorted = new ArrayList<>(b.routes);
    sorted.sort(Comparator.comparing(r -> r.template, Template.MOST_SPECIFIC_FIRST));
    this.routes = List.copyOf(sorted);
    this.unknownPath = Objects.requireNonNull(b.unknownPath, "unknownPath is required: the engine's answer to an unknown path");
    this.wrongMethod = Objects.requireNonNull(b.wrongMethod, "wrongMethod is required: the engine's answer to a wrong method");
  }

  /** {@return an empty table to fill} */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * {@return the answer to {@code request}: its route's handler, or the unknown-path or wrong-method answer}
   * What a handler throws reaches the caller ({@link RestApi} renders it).
   *
   * @param request what to send
   */
  public FakeResponse handle(FakeRequest request) {
    if (!request.insideBasePath()) {
      return unknownPath.apply(request);
    }
    List<String> segments = request.segments();
    Set<String> allowed = new TreeSet<>();
    for (Route r : routes) {
      Map<String, String> vars = r.template.match(segments);
      if (vars == null) {
        continue;
      }
      if (r.method.equals(request.method())) {
        return r.handler.handle(request, new PathVars(vars));
      }
      allowed.add(r.method);
    }
    return allowed.isEmpty() ? unknownPath.apply(request) : wrongMethod.apply(request, allowed);
  }

  /** {@return every route as {@code "METHOD /template"}, in matching order: for documentation and tests} */
  public List<String> routes() {
    return routes.stream().map(r -> r.method + " " + r.template.text).toList();
  }

  @Override
  public String toString() {
    return "RestRoutes" + routes();
  }

  private record Route(String method, Template template, RouteHandler handler) {}

  /** A parsed path template: literal segments and {@code {name}} variables. */
  private static final class Template {
    static final Comparator<Template> MOST_SPECIFIC_FIRST = (a, b) -> {
      for (int i = 0; i < Math.min(a.parts.size(), b.parts.size()); i++) {
        boolean av = a.isVariable(i);
        boolean bv = b.isVariable(i);
        if (av != bv) {
          return av ? 1 : -1;
        }
      }
      return Integer.compare(a.parts.size(), b.parts.size()); // a total order, as sorting needs
    };

    final String text;
    final List<String> parts;

    Template(String text) {
      if (text == null || !text.startsWith("/")) {
        throw new IllegalArgumentException("a path template starts with '/': " + text);
      }
      this.text = text;
      List<String> p = new ArrayList<>();
      Set<String> names = new LinkedHashSet<>();
      for (String s : text.split("/")) {
        if (s.isEmpty()) {
          continue;
        }
        if (s.startsWith("{") != s.endsWith("}") || (s.startsWith("{") && s.length() < 3)) {
          throw new IllegalArgumentException("bad segment '" + s + "' in path template " + text);
        }
        if (s.startsWith("{") && !names.add(s)) {
          throw new IllegalArgumentException("variable " + s + " twice in path template " + text);
        }
        p.add(s);
      }
      this.parts = List.copyOf(p);
    }

    /** The segments with every variable as {@code {}}: two templates of one shape match the same paths. */
    List<String> shape() {
      return parts.stream().map(p -> p.startsWith("{") ? "{}" : p).toList();
    }

    boolean isVariable(int i) {
      return parts.get(i).startsWith("{");
    }

    /** The variables when {@code segments} match, else null. */
    Map<String, String> match(List<String> segments) {
      if (segments.size() != parts.size()) {
        return null;
      }
      Map<String, String> vars = new LinkedHashMap<>();
      for (int i = 0; i < parts.size(); i++) {
        String part = parts.get(i);
        if (isVariable(i)) {
          vars.put(part.substring(1, part.length() - 1), segments.get(i));
        } else if (!part.equals(segments.get(i))) {
          return null;
        }
      }
      return vars;
    }
  }

  /** Fills a {@link RestRoutes}. */
  public static final class Builder {
    private final List<Route> routes = new ArrayList<>();
    private Function<FakeRequest, FakeResponse> unknownPath;
    private BiFunction<FakeRequest, Set<String>, FakeResponse> wrongMethod;

    private Builder() {}

    /**
     * {@code method} (e.g. {@code "GET"}) on {@code template} (e.g. {@code "/tasks/{id}"}) is answered by {@code handler}.
     *
     * @param method the HTTP method
     * @param template the template
     * @param handler the handler
     * @return this builder
     */
    public Builder route(String method, String template, RouteHandler handler) {
      Objects.requireNonNull(method, "method == null");
      Objects.requireNonNull(handler, "handler == null");
      String m = method.toUpperCase(Locale.ROOT);
      Template t = new Template(template);
      for (Route r : routes) {
        if (r.method.equals(m) && r.template.shape().equals(t.shape())) {
          throw new IllegalArgumentException(m + " " + template + " is routed twice");
        }
      }
      routes.add(new Route(m, t, handler));
      return this;
    }

    /**
     * {@return the engine's answer to a path no template matches (or one outside the base path)}
     *
     * @param answer the answer
     */
    public Builder unknownPath(Function<FakeRequest, FakeResponse> answer) {
      this.unknownPath = Objects.requireNonNull(answer, "answer == null");
      return this;
    }

    /**
     * {@return the engine's answer to a known path asked with another method; it gets the methods the path serves, sorted}
     *
     * @param answer the answer
     */
    public Builder wrongMethod(BiFunction<FakeRequest, Set<String>, FakeResponse> answer) {
      this.wrongMethod = Objects.requireNonNull(answer, "answer == null");
      return this;
    }

    /** {@return the table; both unknown-route answers are required} */
    public RestRoutes build() {
      return new RestRoutes(this);
    }
  }
}
