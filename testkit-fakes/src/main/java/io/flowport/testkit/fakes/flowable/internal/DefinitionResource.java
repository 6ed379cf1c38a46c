package io.flowport.testkit.fakes.flowable.internal;

import static io.flowport.testkit.fakes.flowable.internal.FlowableBodies.json;
import static io.flowport.testkit.fakes.flowable.internal.FlowableRequests.like;

import io.flowport.testkit.engine.DeployedModel;
import io.flowport.testkit.fakes.http.FakeRequest;
import io.flowport.testkit.fakes.http.FakeResponse;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Flowable's {@code repository/process-definitions}: list with filters, latest and sorting; get. */
final class DefinitionResource {
  private final FlowableState state;
  private final FlowableBodies bodies;

  DefinitionResource(FlowableState state, FlowableBodies bodies) {
    this.state = state;
    this.bodies = bodies;
  }

  FakeResponse get(String id) {
    return json(200, bodies.definitionBody(state.definitionById(id, true)));
  }

  FakeResponse listDefinitions(FakeRequest req) {
    List<DeployedModel> items = new ArrayList<>(state.visibleDefinitions());
    String deploymentId = req.queryParam("deploymentId");
    String key = req.queryParam("key");
    String keyLike = req.queryParam("keyLike");
    String version = req.queryParam("version");
    String tenantId = req.queryParam("tenantId");
    String name = req.queryParam("name");
    boolean latestOnly = "true".equalsIgnoreCase(req.queryParam("latest"));
    items.removeIf(d -> (deploymentId != null && !deploymentId.equals(d.deploymentKey()))
        || (key != null && !key.equals(d.processId()))
        || (keyLike != null && !like(d.processId(), keyLike))
        || (version != null && !version.equals(Integer.toString(d.version())))
        || (tenantId != null && !tenantId.equals(d.tenantId()))
        || (name != null && !name.equals(d.name())));
    if (latestOnly) {
      Map<String, DeployedModel> newest = new LinkedHashMap<>();
      for (DeployedModel d : items) {
        newest.merge(d.tenantId() + "\u0000" + d.processId(), d, (a, b) -> a.version() >= b.version() ? a : b);
      }
      items = new ArrayList<>(newest.values());
    }
    Map<String, Comparator<DeployedModel>> sorts = new LinkedHashMap<>();
    sorts.put("name", Comparator.comparing(DeployedModel::name, Comparator.nullsFirst(Comparator.naturalOrder())));
    sorts.put("id", Comparator.comparing(FlowableState::flowableId));
    sorts.put("key", Comparator.comparing(DeployedModel::processId));
    sorts.put("version", Comparator.comparingInt(DeployedModel::version));
    sorts.put("deploymentId", Comparator.comparing(DeployedModel::deploymentKey));
    sorts.put("tenantId", Comparator.comparing(DeployedModel::tenantId));
    return json(200, bodies.page(req.query(), items, sorts, "name", bodies::definitionBody));
  }
}
