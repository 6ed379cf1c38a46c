package io.flowport.testkit.fakes.zeebe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.google.protobuf.ByteString;
import io.camunda.zeebe.gateway.protocol.GatewayGrpc;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.ActivateJobsRequest;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.ActivatedJob;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.DeployResourceRequest;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.DeployResourceResponse;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.Resource;
import io.grpc.ManagedChannel;
import io.grpc.StatusRuntimeException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/** Helpers shared by the fake gateway tests. */
final class ZeebeTestSupport {
  static final String DEPLOY_PREFIX = "Command 'CREATE' rejected with code 'INVALID_ARGUMENT': "
      + "Expected to deploy new resources, but encountered the following errors:\n";

  private ZeebeTestSupport() {}

  static byte[] bytes(String classpathResource) {
    try (InputStream in = ZeebeTestSupport.class.getClassLoader().getResourceAsStream(classpathResource)) {
      if (in == null) {
        throw new IllegalArgumentException("no resource " + classpathResource);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Resource resource(String name) {
    return Resource.newBuilder().setName(name).setContent(ByteString.copyFrom(bytes(name))).build();
  }

  static Resource resource(String name, String content) {
    return Resource.newBuilder().setName(name).setContent(ByteString.copyFromUtf8(content)).build();
  }

  static GatewayGrpc.GatewayBlockingStub stub(ManagedChannel channel) {
    return GatewayGrpc.newBlockingStub(channel).withDeadlineAfter(10, TimeUnit.SECONDS);
  }

  static DeployResourceResponse deploy(GatewayGrpc.GatewayBlockingStub stub, String... names) {
    DeployResourceRequest.Builder b = DeployResourceRequest.newBuilder();
    for (String n : names) {
      b.addResources(resource(n));
    }
    return stub.deployResource(b.build());
  }

  static List<ActivatedJob> activate(GatewayGrpc.GatewayBlockingStub stub, ActivateJobsRequest request) {
    List<ActivatedJob> jobs = new ArrayList<>();
    stub.activateJobs(request).forEachRemaining(r -> jobs.addAll(r.getJobsList()));
    return jobs;
  }

  static ActivateJobsRequest.Builder activation(String type) {
    return ActivateJobsRequest.newBuilder()
        .setType(type)
        .setWorker("test")
        .setTimeout(60_000)
        .setMaxJobsToActivate(10)
        .setRequestTimeout(-1);
  }

  static StatusRuntimeException grpcError(ThrowingCallable call) {
    StatusRuntimeException e = catchThrowableOfType(StatusRuntimeException.class, call);
    assertThat(e).as("the call fails with a gRPC status").isNotNull();
    return e;
  }

  static void shutdown(ManagedChannel channel) throws InterruptedException {
    if (channel != null) {
      channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    }
  }
}
