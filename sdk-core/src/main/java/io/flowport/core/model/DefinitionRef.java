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

  /** The latest version of definition {@code id} (Zeebe bpmnProcessId, Flowable key). */
  public static DefinitionRef latest(String id) {
    return new DefinitionRef(id, null, null);
  }

  /** One version of definition {@code id}. */
  public static DefinitionRef version(String id, int version) {
    return new DefinitionRef(id, version, null);
  }

  /** The definition the engine knows under {@code key} (Zeebe processDefinitionKey, Flowable id). */
  public static DefinitionRef key(String key) {
    return new DefinitionRef(null, null, key);
  }

  /** The definition id, or null when this names a key. */
  public String id() {
    return id;
  }

  /** The version, or null for the latest. */
  public Integer version() {
    return version;
  }

  /** The engine's key, or null when this names an id. */
  public String key() {
    return key;
  }

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
