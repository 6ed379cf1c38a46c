package io.flowport.userbuild;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * README.md shows the files this build runs, as they are: each code block after a
 * {@code <!-- snippet: NAME -->} marker is the file NAME of the shared sources (or, for
 * {@code pom.xml#add-to-build}, the marked part of this project's pom), every README snippet source
 * is shown, and no Java or XML block of README.md is left unchecked.
 */
class ReadmeSnippetsTest {
  private static final Pattern SNIPPET = Pattern.compile("<!-- snippet: (\\S+) [^\\n]*-->\\n```(\\w+)\\n(.*?)```", Pattern.DOTALL);
  private static final Pattern CODE_BLOCK = Pattern.compile("^```(java|xml)$", Pattern.MULTILINE);
  private static final String POM_BEGIN = "<!-- readme:add-to-build:begin -->";
  private static final String POM_END = "<!-- readme:add-to-build:end -->";

  private final Path readme = Path.of(System.getProperty("flowport.readme"));
  private final Path sources = Path.of(System.getProperty("flowport.sources"));
  private final Path pom = Path.of(System.getProperty("flowport.pom"));

  @Test
  void everySnippetInTheReadmeIsTheFileThisBuildRuns() throws IOException {
    String text = read(readme);
    Matcher m = SNIPPET.matcher(text);
    int count = 0;
    while (m.find()) {
      count++;
      String name = m.group(1);
      assertThat(m.group(3).strip())
          .as("README.md's block '%s' differs from the file this build runs; make it:%n%s%n", name, expected(name))
          .isEqualTo(expected(name));
    }
    assertThat(count).as("snippet markers in %s", readme).isGreaterThanOrEqualTo(5);
  }

  @Test
  void everyJavaAndXmlBlockOfTheReadmeIsASnippet() throws IOException {
    String text = read(readme);
    Matcher blocks = CODE_BLOCK.matcher(text);
    int checked = 0;
    Matcher snippets = SNIPPET.matcher(text);
    while (snippets.find()) {
      checked++;
    }
    int all = 0;
    while (blocks.find()) {
      all++;
    }
    assertThat(all).as("```java / ```xml blocks in README.md that no snippet marker covers").isEqualTo(checked);
  }

  @Test
  void everyReadmeSourceIsShownInTheReadme() throws IOException {
    String text = read(readme);
    List<String> missing = new ArrayList<>();
    try (Stream<Path> files = Files.walk(sources.resolve("java/com/example/orders"))) {
      for (Path f : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
        String name = sources.relativize(f).toString().replace('\\', '/');
        if (!text.contains("<!-- snippet: " + name + " ")) {
          missing.add(name);
        }
      }
    }
    assertThat(missing).as("README snippet sources not shown in README.md").isEmpty();
  }

  private String expected(String name) throws IOException {
    if (name.equals("pom.xml#add-to-build")) {
      String p = read(pom);
      int begin = p.indexOf(POM_BEGIN);
      int end = p.indexOf(POM_END);
      assertThat(begin).as("%s marks the part README shows", pom).isNotNegative();
      return dedent(p.substring(p.indexOf('\n', begin) + 1, p.lastIndexOf('\n', end)));
    }
    return read(sources.resolve(name)).strip();
  }

  private static String dedent(String block) {
    List<String> lines = block.lines().toList();
    int indent = lines.stream().filter(l -> !l.isBlank())
        .mapToInt(l -> l.length() - l.stripLeading().length()).min().orElse(0);
    StringBuilder out = new StringBuilder();
    for (String l : lines) {
      out.append(l.length() >= indent ? l.substring(indent) : l.strip()).append('\n');
    }
    return out.toString().strip();
  }

  private static String read(Path p) throws IOException {
    return Files.readString(p, StandardCharsets.UTF_8).replace("\r\n", "\n");
  }
}
