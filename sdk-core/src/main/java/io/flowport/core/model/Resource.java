package io.flowport.core.model;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/** One file to deploy: a name (whose extension tells the engine the type) and its bytes. */
public final class Resource {
  private final String name;
  private final byte[] content;

  private Resource(String name, byte[] content) {
    this.name = name;
    this.content = content;
  }

  /**
   * {@return a resource from bytes; the array is copied}
   *
   * @param name the name
   * @param content the content
   */
  public static Resource of(String name, byte[] content) {
    Objects.requireNonNull(name, "name == null");
    Objects.requireNonNull(content, "content == null");
    return new Resource(name, content.clone());
  }

  /**
   * {@return a resource read from a file, named by the file's name}
   *
   * @param path the path
   */
  public static Resource of(Path path) {
    Objects.requireNonNull(path, "path == null");
    try {
      return new Resource(path.getFileName().toString(), Files.readAllBytes(path));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + path, e);
    }
  }

  /**
   * {@return a resource from the class path, named by its last path segment}
   *
   * @param path the path
   */
  public static Resource fromClasspath(String path) {
    Objects.requireNonNull(path, "path == null");
    String p = path.startsWith("/") ? path.substring(1) : path;
    ClassLoader loader = Thread.currentThread().getContextClassLoader();
    if (loader == null) {
      loader = Resource.class.getClassLoader();
    }
    try (var in = loader.getResourceAsStream(p)) {
      if (in == null) {
        throw new IllegalArgumentException("no class path resource " + path);
      }
      return new Resource(p.substring(p.lastIndexOf('/') + 1), in.readAllBytes());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + path, e);
    }
  }

  /** {@return the name} */
  public String name() {
    return name;
  }

  /** {@return a copy of the bytes} */
  public byte[] content() {
    return content.clone();
  }

  /** {@return the size in bytes} */
  public int size() {
    return content.length;
  }

  @Override
  public String toString() {
    return name + " (" + content.length + " bytes)";
  }
}
