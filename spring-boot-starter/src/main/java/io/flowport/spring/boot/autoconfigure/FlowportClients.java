package io.flowport.spring.boot.autoconfigure;

import io.flowport.core.WorkflowClient;
import io.flowport.sync.SyncWorkflowClient;
import java.util.Set;
import org.springframework.beans.factory.BeanFactory;

/**
 * The configured clients by name, for code that picks one at run time. Each client is also a bean
 * of its own: {@code <name>WorkflowClient} and {@code <name>SyncWorkflowClient}, both qualified
 * with the name, so {@code @Qualifier("orders") WorkflowClient orders} injects it.
 */
public final class FlowportClients {
  private final BeanFactory beans;
  private final Set<String> names;

  FlowportClients(BeanFactory beans, Set<String> names) {
    this.beans = beans;
    this.names = Set.copyOf(names);
  }

  /**
   * {@return the bean name of client {@code name}'s {@link WorkflowClient}}
   *
   * @param name the name
   */
  public static String asyncBeanName(String name) {
    return name + "WorkflowClient";
  }

  /**
   * {@return the bean name of client {@code name}'s {@link SyncWorkflowClient}}
   *
   * @param name the name
   */
  public static String syncBeanName(String name) {
    return name + "SyncWorkflowClient";
  }

  /** {@return the configured client names} */
  public Set<String> names() {
    return names;
  }

  /**
   * {@return the client named {@code name}}
   *
   * @param name the name
   * @throws IllegalArgumentException when no client has that name
   */
  public WorkflowClient get(String name) {
    return beans.getBean(asyncBeanName(known(name)), WorkflowClient.class);
  }

  /**
   * {@return the blocking view of the client named {@code name}}
   *
   * @param name the name
   * @throws IllegalArgumentException when no client has that name
   */
  public SyncWorkflowClient sync(String name) {
    return beans.getBean(syncBeanName(known(name)), SyncWorkflowClient.class);
  }

  private String known(String name) {
    if (!names.contains(name)) {
      throw new IllegalArgumentException("no Flowport client named '" + name + "'; configured: " + names);
    }
    return name;
  }

  @Override
  public String toString() {
    return "FlowportClients" + names;
  }
}
