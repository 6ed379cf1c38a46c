package io.flowport.samples.boot;

import io.flowport.core.WorkflowClient;
import io.flowport.core.model.Instance;
import io.flowport.core.model.InstanceState;
import io.flowport.core.model.StartRequest;
import io.flowport.sync.SyncWorkflowClient;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Service;

/** Starts reviews on Flowable (blocking) and archives them on Zeebe (async): each client by name. */
@Service
public class ReviewService {
  private final SyncWorkflowClient reviews;
  private final WorkflowClient archive;

  /** The two clients, picked by their names in application.yml. */
  public ReviewService(@Qualifier("reviews") SyncWorkflowClient reviews, @Qualifier("archive") WorkflowClient archive) {
    this.reviews = reviews;
    this.archive = archive;
  }

  /** Starts a review of {@code documentId}; returns the instance id. */
  public String submit(String documentId) {
    Instance started = reviews.instances().start(StartRequest.of("review").variables(Map.of("documentId", documentId)).build());
    return started.id();
  }

  /** Where review {@code instanceId} is. */
  public InstanceState status(String instanceId) {
    return reviews.instances().get(instanceId).state();
  }

  /** Starts archiving {@code documentId} without waiting; the future has the archive instance id. */
  public CompletableFuture<String> archive(String documentId) {
    return archive.instances().start(StartRequest.of("review").variables(Map.of("documentId", documentId)).build())
        .thenApply(Instance::id);
  }
}
