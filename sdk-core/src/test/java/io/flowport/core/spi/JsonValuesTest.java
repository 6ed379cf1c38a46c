package io.flowport.core.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.flowport.core.Operation;
import io.flowport.core.error.ClientValidationException;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Unit tests for {@link JsonValues}: what fails before the wire, and what plain values come out. */
class JsonValuesTest {
  private static final Operation OP = Operation.START_INSTANCE;

  /** A bean that refers to itself. */
  public static final class Looping {
    public Looping getSelf() {
      return this;
    }

    public String getName() {
      return "loop";
    }
  }

  /** Two beans that refer to each other. */
  public static final class Ping {
    public Pong pong;
  }

  /** The other half of the cycle. */
  public static final class Pong {
    public Ping ping;
  }

  /** A bean whose getter throws. */
  public static final class Broken {
    public String getValue() {
      throw new IllegalStateException("cannot read value");
    }
  }

  /** A plain bean. */
  public static final class Customer {
    public String getName() {
      return "Ada";
    }

    public int getAge() {
      return 36;
    }
  }

  /** A record. */
  public record Line(String sku, int quantity, BigDecimal price) {}

  /** A record with doubles. */
  public record Point(double x, double y) {}

  private static Throwable checkFails(Object value) {
    Map<String, Object> vars = new LinkedHashMap<>();
    vars.put("ok", "fine");
    vars.put("payload", value);
    return catchThrowable(() -> JsonValues.checkVariables("scripted", OP, vars));
  }

  static Stream<Arguments> notJson() {
    Map<String, Object> selfMap = new HashMap<>();
    selfMap.put("me", selfMap);
    List<Object> selfList = new ArrayList<>();
    selfList.add(selfList);
    Ping ping = new Ping();
    ping.pong = new Pong();
    ping.pong.ping = ping;
    return Stream.of(
        Arguments.of("a map that contains itself", selfMap),
        Arguments.of("a list that contains itself", selfList),
        Arguments.of("a bean that refers to itself", new Looping()),
        Arguments.of("two beans that refer to each other", ping),
        Arguments.of("a bean whose getter throws", new Broken()),
        Arguments.of("an input stream", new ByteArrayInputStream(new byte[] {1, 2})),
        Arguments.of("a plain Object", new Object()),
        Arguments.of("Double.NaN", Double.NaN),
        Arguments.of("Double.POSITIVE_INFINITY", Double.POSITIVE_INFINITY),
        Arguments.of("Float.NaN", Float.NaN),
        Arguments.of("Float.NEGATIVE_INFINITY", Float.NEGATIVE_INFINITY),
        Arguments.of("NaN in a nested map", Map.of("a", Map.of("b", Double.NaN))),
        Arguments.of("infinity in a list", List.of(1.0, Double.POSITIVE_INFINITY)),
        Arguments.of("Float.NaN in a list in a map", Map.of("xs", List.of(1f, Float.NaN))),
        Arguments.of("NaN in a double array", new double[] {1.0, Double.NaN}),
        Arguments.of("NaN in an object array", new Object[] {new Line("x", 1, BigDecimal.ONE), Double.NaN}),
        Arguments.of("NaN in a record", new Point(1, Double.NaN)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("notJson")
  void aValueThatIsNotJsonFailsNamingTheVariable(String what, Object value) {
    Throwable error = checkFails(value);

    assertThat(error).as(what).isInstanceOf(ClientValidationException.class);
    assertThat(error.getMessage()).contains("'payload'").doesNotContain("'ok'");
    assertThat(((ClientValidationException) error).operation()).isEqualTo(OP);
    assertThat(((ClientValidationException) error).engine()).isEqualTo("scripted");
  }

  @Test
  void aTypeJacksonCannotWriteIsNamedWithoutAdviceOnAMapperTheUserCannotReach() {
    String message = checkFails(java.util.Optional.of("x")).getMessage();

    assertThat(message).contains("variable 'payload' (java.util.Optional)").contains("cannot be written as JSON")
        .doesNotContain("Module").doesNotContain("jackson-datatype").doesNotContain("SerializationFeature")
        .doesNotContain("...");
  }

  @Test
  void aNestedValueThatCannotBeWrittenIsNamedWithItsPathAndType() {
    String message = checkFails(Map.of("files", List.of(new ByteArrayInputStream(new byte[] {1})))).getMessage();

    assertThat(message).contains("variable 'payload'").contains("at .files[0], a java.io.ByteArrayInputStream,")
        .contains("nothing to write").doesNotContain("FAIL_ON_EMPTY_BEANS");
  }

  @Test
  void aThrowingGetterIsNamedWithWhatItThrew() {
    String message = checkFails(new Broken()).getMessage();

    assertThat(message).contains(Broken.class.getName()).contains(".value")
        .contains("IllegalStateException: cannot read value");
  }

  @Test
  void theCycleMessageSaysItIsACycleOrTooDeep() {
    Map<String, Object> selfMap = new HashMap<>();
    selfMap.put("me", selfMap);
    assertThat(checkFails(selfMap).getMessage()).containsAnyOf("cycle", "itself", "nesting depth");
  }

  @Test
  void theNonFiniteMessageSaysWhere() {
    assertThat(checkFails(Map.of("a", List.of(1.0, Double.NaN))).getMessage()).contains(".a[1]");
  }

  @Test
  void nullAndBlankNamesAndNullMapsFail() {
    Map<String, Object> nullName = new HashMap<>();
    nullName.put(null, 1);
    assertThat(catchThrowable(() -> JsonValues.checkVariables("e", OP, nullName)))
        .isInstanceOf(ClientValidationException.class);
    assertThat(catchThrowable(() -> JsonValues.checkVariables("e", OP, Map.of(" ", 1))))
        .isInstanceOf(ClientValidationException.class);
    assertThat(catchThrowable(() -> JsonValues.checkVariables("e", OP, null)))
        .isInstanceOf(ClientValidationException.class);
  }

  @Test
  void normalValuesBecomePlainJsonValues() {
    Map<String, Object> vars = new LinkedHashMap<>();
    vars.put("string", "s");
    vars.put("int", 1);
    vars.put("long", 10_000_000_000L);
    vars.put("double", 1.5);
    vars.put("bool", true);
    vars.put("null", null);
    vars.put("nested", Map.of("list", List.of(1, "two", Map.of("three", 3))));
    vars.put("when", Instant.parse("2024-05-01T10:15:30Z"));
    vars.put("money", new BigDecimal("12345678901234567890.123456789"));
    vars.put("big", new BigInteger("123456789012345678901234567890"));
    vars.put("customer", new Customer());
    vars.put("line", new Line("sku-1", 2, new BigDecimal("9.99")));
    vars.put("array", new int[] {1, 2});
    vars.put("enum", Thread.State.RUNNABLE);

    Map<String, Object> plain = JsonValues.checkVariables("e", OP, vars);

    assertThat(plain).containsOnlyKeys(vars.keySet());
    assertThat(plain.keySet()).as("order kept").containsExactlyElementsOf(vars.keySet());
    assertThat(plain.get("string")).isEqualTo("s");
    assertThat(plain.get("int")).isEqualTo(1);
    assertThat(plain.get("long")).isEqualTo(10_000_000_000L);
    assertThat(plain.get("double")).isEqualTo(1.5);
    assertThat(plain.get("bool")).isEqualTo(true);
    assertThat(plain).containsEntry("null", null);
    assertThat(plain.get("nested")).isEqualTo(Map.of("list", List.of(1, "two", Map.of("three", 3))));
    assertThat(plain.get("when")).isEqualTo("2024-05-01T10:15:30Z");
    assertThat(plain.get("money")).as("no precision lost")
        .isEqualTo(new BigDecimal("12345678901234567890.123456789"));
    assertThat(plain.get("big")).isEqualTo(new BigInteger("123456789012345678901234567890"));
    assertThat(plain.get("customer")).isEqualTo(Map.of("name", "Ada", "age", 36));
    assertThat(plain.get("line")).isEqualTo(Map.of("sku", "sku-1", "quantity", 2, "price", new BigDecimal("9.99")));
    assertThat(plain.get("array")).isEqualTo(List.of(1, 2));
    assertThat(plain.get("enum")).isEqualTo("RUNNABLE");
  }

  @Test
  void plainValuesAreCopiesNotTheCallersObjects() {
    List<Object> list = new ArrayList<>(Arrays.asList(1, 2));
    Map<String, Object> plain = JsonValues.checkVariables("e", OP, Map.of("xs", list));
    list.add(3);
    assertThat(plain.get("xs")).isEqualTo(List.of(1, 2));
  }

  @Test
  void checkValueOfNullIsNull() {
    assertThat(JsonValues.checkValue("e", OP, "x", null)).isNull();
  }
}
