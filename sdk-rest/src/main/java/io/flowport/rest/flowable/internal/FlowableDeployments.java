package io.flowport.rest.flowable.internal;

import static io.flowport.rest.flowable.internal.FlowablePaths.DEFINITIONS;
import static io.flowport.rest.flowable.internal.FlowablePaths.REPOSITORY;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowport.core.model.DeployRequest;
import io.flowport.core.model.DeployedDefinition;
import io.flowport.core.model.Deployment;
import io.flowport.core.model.Resource;
import io.flowport.core.spi.Args;
import io.flowport.core.spi.CallContext;
import io.flowport.rest.RestBody;
import io.flowport.rest.RestCalls;
import io.flowport.rest.RestFutures;
import io.flowport.rest.RestJson;
import io.flowport.rest.RestRequest;
import io.flowport.rest.flowable.FlowableErrors;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Deployments and definition lookups. Flowable deploys only the first file of a multipart request,
 * so a deploy makes two requests per resource (the deployment, then its definitions) in one
 * attempt; a failure of a later resource leaves the earlier ones deployed.
 */
public final class FlowableDeployments {
  private static final int DEFINITIONS_PAGE = 1000;
  private static final String[] RESOURCE_SUFFIXES = {".bpmn20.xml", ".bpmn", ".bar", ".zip"};

  private final RestCalls http;

  FlowableDeployments(RestCalls http) {
    this.http = http;
  }

  /** Deploys each resource in turn; the deployment's id is the ids of Flowable's deployments joined by commas. */
  public CompletableFuture<Deployment> deploy(CallContext ctx, DeployRequest request) {
    for (Resource r : request.resources()) {
      if (!hasDeployableSuffix(r.name())) {
        return CompletableFuture.failedFuture(Args.invalid(ctx.engine(), ctx.operation(),
            "Flowable deploys only .bpmn20.xml, .bpmn, .bar or .zip files; '" + r.name() + "' is none of them"));
      }
    }
    return deployFrom(ctx, request, 0, new ArrayList<>(), new ArrayList<>());
  }

  static boolean hasDeployableSuffix(String name) {
    for (String suffix : RESOURCE_SUFFIXES) {
      if (name.endsWith(suffix) && name.length() > suffix.length()) {
        return true;
      }
    }
    return false;
  }

  private CompletableFuture<Deployment> deployFrom(
      CallContext ctx, DeployRequest request, int index, List<String> ids, List<DeployedDefinition> definitions) {
    if (index == request.resources().size()) {
      return CompletableFuture.completedFuture(new Deployment(String.join(",", ids), definitions));
    }
    Resource resource = request.resources().get(index);
    // Flowable 7.2.0 takes the deployment's name only as a query parameter (a form field is ignored);
    // the tenant it takes from the form (it-flowable's differential test checks both).
    RestBody body = RestBody.multipart()
        .field("tenantId", request.tenantId())
        .file("file", resource.name(), contentTypeOf(resource.name()), resource.content())
        .build();
    CompletableFuture<String> deployed = http.call(ctx,
        RestRequest.post(REPOSITORY, "deployments").query("deploymentName", request.name()).body(body).build(),
        r -> RestJson.requireText(r.json(), "id"));
    return RestFutures.compose(deployed, deploymentId -> RestFutures.compose(
        http.call(ctx, RestRequest.get(REPOSITORY, DEFINITIONS)
                .query("deploymentId", deploymentId)
                .query("size", DEFINITIONS_PAGE)
                .query("sort", "key")
                .build(),
            r -> definitionsOf(r.json(), resource.name())),
        defs -> {
          ids.add(deploymentId);
          definitions.addAll(defs);
          return deployFrom(ctx, request, index + 1, ids, definitions);
        }));
  }

  private static String contentTypeOf(String name) {
    return name.endsWith(".bar") || name.endsWith(".zip") ? "application/zip" : "application/xml";
  }

  private static List<DeployedDefinition> definitionsOf(JsonNode page, String resourceName) {
    return RestJson.items(RestJson.requireArray(page, "data"), d -> {
      String resource = resourceName;
      String url = RestJson.text(d, "resource");
      if (url != null && url.contains("/resources/")) {
        resource = URLDecoder.decode(url.substring(url.lastIndexOf('/') + 1), StandardCharsets.UTF_8);
      }
      if (!d.hasNonNull("version")) {
        throw new IllegalStateException("a definition has no version");
      }
      String tenant = RestJson.text(d, "tenantId");
      return new DeployedDefinition(RestJson.requireText(d, "key"), d.get("version").asInt(),
          RestJson.requireText(d, "id"), resource, tenant == null || tenant.isEmpty() ? null : tenant);
    });
  }

  /**
   * The Flowable definition id of definition {@code key} at {@code version}; DefinitionNotFoundException
   * (through {@link FlowableErrors#NO_SUCH_VERSION}) when there is none.
   */
  public CompletableFuture<String> definitionId(CallContext ctx, String key, int version, String tenantId) {
    return http.call(ctx, RestRequest.get(REPOSITORY, DEFINITIONS)
            .query("key", key)
            .query("version", version)
            .query("tenantId", tenantId)
            .build(),
        r -> {
          JsonNode data = RestJson.requireArray(r.json(), "data");
          if (data.isEmpty()) {
            throw FlowablePaths.derived(ctx, r, FlowableErrors.NO_SUCH_VERSION,
                "no process definition with key '" + key + "' and version " + version);
          }
          return RestJson.requireText(data.get(0), "id");
        });
  }
}
