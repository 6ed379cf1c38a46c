package io.flowport.core.model;

import java.util.Objects;

/**
 * Names a deployed definition: by id and version (the latest when no version is given), or by
 * the key the engine gave it at deploy time.
 */
public final class DefinitionRef {
  private final String id;
  private final Integer version;
  private final String key;

  private DefinitionRef(String id, Integer version, String key) {
    this.id = id;
    this.version = version;
    this.key = key;
  }

  /**
   * {@return the latest version of definition {@code id} (Zeebe bpmnProcessId, Flowable key)}
   *
   * @param id the id
   */
  public static DefinitionRef latest(String id) {
    return new DefinitionRef(id, null, null);
  }

  /**
   * {@return one version of definition {@code id}}
   *
   * @param id the id
   * @param version the version
   */
  public static DefinitionRef version(String id, int version) {
    return new DefinitionRef(id, version, null);
  }

  /**
   * {@return the definition the engine knows under {@code key} (Zeebe processDefinitionKey, Flowable id)}
   *
   * @param key the key
   */
  public static DefinitionRef key(String key) {
    return new DefinitionRef(null, null, key);
  }

  /** {@return the definition id, or null when this names a key} */
  public String id() {
    return id;
  }

  /** {@return the version, or null for the latest} */
  public Integer version() {
    return version;
  }

  /** {@return the engine's key, or null when this names an id} */
  public String key() {
    return key;
  }

  /** {@return whether by key} */
  public boolean isByKey() {
    return key != null;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof DefinitionRef d
        && Objects.equals(id, d.id)
        && Objects.equals(version, d.version)
        && Objects.equals(key, d.key);
  }

  @Override
  public int hashCode() {
    return Objects.hash(id, version, key);
  }

  @Override
  public String toString() {
    if (key != null) {
      return "key " + key;
    }
    return version == null ? id + " (latest)" : id + " v" + version;
  }
}
