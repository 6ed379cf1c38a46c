package io.flowport.core.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** Resources to deploy in one call, with an optional tenant and deployment name. */
public final class DeployRequest {
  private final List<Resource> resources;
  private final String tenantId;
  private final String name;

  private DeployRequest(Builder b) {
    this.resources = List.copyOf(b.resources);
    this.tenantId = b.tenantId;
    this.name = b.name;
  }

  /** {@return the builder} */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * {@return a request for these resources and nothing else}
   *
   * @param resources the resources
   */
  public static DeployRequest of(Resource... resources) {
    Builder b = builder();
    for (Resource r : resources) {
      b.resource(r);
    }
    return b.build();
  }

  /** {@return the resources} */
  public List<Resource> resources() {
    return resources;
  }

  /** {@return the tenant, or null for the engine's default} */
  public String tenantId() {
    return tenantId;
  }

  /** {@return the deployment name, or null to let the adapter choose one} */
  public String name() {
    return name;
  }

  @Override
  public String toString() {
    return "DeployRequest" + resources + (tenantId == null ? "" : " tenant " + tenantId);
  }

  /** Builds a {@link DeployRequest}. */
  public static final class Builder {
    private final List<Resource> resources = new ArrayList<>();
    private String tenantId;
    private String name;

    private Builder() {}

    /**
     * Sets the resource.
     *
     * @param resource the resource
     * @return this builder
     */
    public Builder resource(Resource resource) {
      resources.add(Objects.requireNonNull(resource, "resource == null"));
      return this;
    }

    /**
     * Sets the tenant id.
     *
     * @param tenantId the tenant id
     * @return this builder
     */
    public Builder tenantId(String tenantId) {
      this.tenantId = tenantId;
      return this;
    }

    /**
     * Sets the name.
     *
     * @param name the name
     * @return this builder
     */
    public Builder name(String name) {
      this.name = name;
      return this;
    }

    /** {@return the build} */
    public DeployRequest build() {
      return new DeployRequest(this);
    }
  }
}
