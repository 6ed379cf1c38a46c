package io.flowport.userbuild;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A user's IDE finds the sources and the Javadoc of every artifact this build depends on: each
 * jar has its {@code -sources.jar} and {@code -javadoc.jar} next to it in the local repository, the
 * sources hold the Java files and the Javadoc documents the API without the {@code internal} packages.
 */
class PublishedArtifactsTest {
  private final Path flowport = Path.of(System.getProperty("flowport.localRepository"), "io", "flowport");

  @ParameterizedTest
  @ValueSource(strings = {"sdk-core", "sdk-sync", "sdk-rest", "sdk-grpc", "testkit", "testkit-fakes"})
  void jarHasSourcesAndJavadocNextToIt(String module) throws IOException {
    assumeTrue(Boolean.getBoolean("flowport.attachedCheck"), "javadoc was skipped (-Dmaven.javadoc.skip=true)");
    String artifact = "flowport-" + module;
    Path versionDir;
    try (Stream<Path> versions = Files.list(flowport.resolve(artifact))) {
      versionDir = versions.filter(Files::isDirectory).findFirst().orElseThrow();
    }
    String base = artifact + "-" + versionDir.getFileName();
    assertThat(versionDir.resolve(base + ".jar")).isRegularFile();

    List<String> sources = entries(versionDir.resolve(base + "-sources.jar"));
    assertThat(sources).anyMatch(name -> name.endsWith(".java"));

    List<String> javadoc = entries(versionDir.resolve(base + "-javadoc.jar"));
    assertThat(javadoc).contains("index.html").anyMatch(name -> name.startsWith("io/flowport/"));
    assertThat(javadoc).noneMatch(name -> name.contains("/internal/"));
  }

  private static List<String> entries(Path jar) throws IOException {
    assertThat(jar).isRegularFile();
    try (ZipFile zip = new ZipFile(jar.toFile())) {
      return zip.stream().map(ZipEntry::getName).toList();
    }
  }
}
