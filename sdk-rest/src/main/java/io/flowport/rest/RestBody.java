package io.flowport.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.flowport.core.spi.JsonValues;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The content of a request: JSON (written with {@link JsonValues#MAPPER}), raw bytes with a
 * content type, an empty body, or a {@code multipart/form-data} form of fields and files.
 * Immutable; the bytes are prepared once and sent again unchanged on every attempt.
 */
public final class RestBody {
  /** {@code application/json; charset=utf-8}. */
  public static final String JSON = "application/json; charset=utf-8";

  private final byte[] bytes;
  private final String contentType;
  private final List<Part> parts;

  private RestBody(byte[] bytes, String contentType, List<Part> parts) {
    this.bytes = bytes;
    this.contentType = contentType;
    this.parts = parts;
  }

  /**
   * {@code value} as JSON.
   *
   * @param value the value
   * @return the rest body
   * @throws IllegalArgumentException when Jackson cannot write it (core checks variables before)
   */
  public static RestBody json(Object value) {
    try {
      return new RestBody(JsonValues.MAPPER.writeValueAsBytes(value), JSON, null);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("cannot write the request body as JSON: " + e.getOriginalMessage(), e);
    }
  }

  /**
   * Raw bytes of {@code contentType} (e.g. {@code application/xml}); the array is copied.
   *
   * @param content the content
   * @param contentType the body's media type
   * @return the rest body
   */
  public static RestBody bytes(byte[] content, String contentType) {
    Objects.requireNonNull(content, "content == null");
    Objects.requireNonNull(contentType, "contentType == null");
    return new RestBody(content.clone(), contentType, null);
  }

  /**
   * No content (a PUT or POST whose meaning is in its path).
   *
   * @return the rest body
   */
  public static RestBody empty() {
    return new RestBody(new byte[0], null, null);
  }

  /**
   * Starts a {@code multipart/form-data} body.
   *
   * @return this builder
   */
  public static MultipartBuilder multipart() {
    return new MultipartBuilder();
  }

  /** {@return true for a multipart form} */
  public boolean isMultipart() {
    return parts != null;
  }

  /** {@return the bytes of a non-multipart body (not copied: do not modify); null for multipart} */
  public byte[] content() {
    return bytes;
  }

  /** {@return the content type of a non-multipart body, null for an empty body or multipart} */
  public String contentType() {
    return contentType;
  }

  /** {@return the parts of a multipart body; null otherwise} */
  public List<Part> parts() {
    return parts;
  }

  @Override
  public String toString() {
    if (parts != null) {
      return "multipart" + parts;
    }
    return bytes.length + " bytes" + (contentType == null ? "" : " of " + contentType);
  }

  /**
   * One part of a multipart form: a plain field (no file name) or a file.
   *
   * @param name the form field name
   * @param fileName the file name, or null for a plain field
   * @param contentType the content type of a file part, or null
   * @param content the bytes (not copied: do not modify)
   */
  public record Part(String name, String fileName, String contentType, byte[] content) {
    /**
     * Creates the record: checks the components.
     *
     * @param name the form field name
     * @param fileName the file name, or null for a plain field
     * @param contentType the content type of a file part, or null
     * @param content the bytes (not copied: do not modify)
     */
    public Part {
      Objects.requireNonNull(name, "name == null");
      Objects.requireNonNull(content, "content == null");
    }

    /** {@return whether file} */
    public boolean isFile() {
      return fileName != null;
    }

    @Override
    public String toString() {
      return fileName == null ? name : name + "=" + fileName + " (" + content.length + " bytes)";
    }
  }

  /** Builds a multipart form body. */
  public static final class MultipartBuilder {
    private final List<Part> parts = new ArrayList<>();

    private MultipartBuilder() {}

    /**
     * {@return a plain form field; a null value leaves the field out}
     *
     * @param name the name
     * @param value the value
     */
    public MultipartBuilder field(String name, String value) {
      if (value != null) {
        parts.add(new Part(name, null, null, value.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
      }
      return this;
    }

    /**
     * {@return a file; the array is copied}
     *
     * @param name the name
     * @param fileName the file name
     * @param contentType the body's media type
     * @param content the content
     */
    public MultipartBuilder file(String name, String fileName, String contentType, byte[] content) {
      Objects.requireNonNull(fileName, "fileName == null");
      parts.add(new Part(name, fileName, contentType == null ? "application/octet-stream" : contentType,
          content.clone()));
      return this;
    }

    /** {@return the build} */
    public RestBody build() {
      if (parts.isEmpty()) {
        throw new IllegalStateException("a multipart body needs at least one part");
      }
      return new RestBody(null, null, List.copyOf(parts));
    }
  }
}
