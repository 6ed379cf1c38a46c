package io.flowport.samples.boot;

import io.flowport.core.model.DeployRequest;
import io.flowport.core.model.Resource;
import io.flowport.spring.boot.autoconfigure.FlowportClients;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/** Deploys the review process to every configured engine when the application starts. */
@Component
public class ModelDeployer implements ApplicationRunner {
  private final FlowportClients clients;

  /** Deploys through {@code clients}. */
  public ModelDeployer(FlowportClients clients) {
    this.clients = clients;
  }

  @Override
  public void run(ApplicationArguments args) {
    for (String name : clients.names()) {
      clients.sync(name).definitions().deploy(DeployRequest.of(Resource.fromClasspath("bpmn/review.bpmn20.xml")));
    }
  }
}
