package io.flowport.testkit.engine.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Compiles the small condition language of testkit/README.md once, at deploy: {@code ${...}} / {@code #{...}}
 * (JUEL), {@code =...} (FEEL) or a bare expression; variables (dotted paths into maps), number /
 * string / boolean / null literals, {@code == != < <= > >=} (FEEL's {@code =}, JUEL's
 * {@code eq ne lt le gt ge}), {@code && and || or ! not}, parentheses. Not internal API.
 */
public final class Conditions {
  private Conditions() {}

  /** A compiled condition. */
  @FunctionalInterface
  public interface Condition {
    /** Evaluates; throws {@link EvaluationException} on a missing variable or a type error. */
    boolean test(Map<String, Object> variables);
  }

  /** The condition could not be evaluated against these variables. */
  public static final class EvaluationException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public EvaluationException(String message) {
      super(message);
    }
  }

  /** Thrown by {@link #compile} for text outside the language. */
  public static final class SyntaxException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public SyntaxException(String message) {
      super(message);
    }
  }

  @FunctionalInterface
  private interface Expr {
    Object eval(Map<String, Object> vars);
  }

  /** Compiles; throws {@link SyntaxException} with a reason. */
  public static Condition compile(String text) {
    if (text == null || text.isBlank()) {
      throw new SyntaxException("empty condition");
    }
    String src = text.trim();
    if ((src.startsWith("${") || src.startsWith("#{")) && src.endsWith("}")) {
      src = src.substring(2, src.length() - 1);
    } else if (src.startsWith("=")) {
      src = src.substring(1);
    }
    Parser parser = new Parser(tokenize(src), text);
    Expr expr = parser.parseOr();
    if (!parser.atEnd()) {
      throw new SyntaxException("unexpected '" + parser.peek().text + "' in condition '" + text + "'");
    }
    final String original = text;
    return vars -> {
      Object v = expr.eval(vars);
      if (v instanceof Boolean b) {
        return b;
      }
      throw new EvaluationException("Expected condition '" + original + "' to evaluate to a boolean, but it was '" + v + "'");
    };
  }

  private enum Kind { NUM, STR, IDENT, OP, LPAREN, RPAREN }

  private record Token(Kind kind, String text) {}

  private static List<Token> tokenize(String s) {
    List<Token> out = new ArrayList<>();
    int i = 0;
    int n = s.length();
    while (i < n) {
      char c = s.charAt(i);
      if (Character.isWhitespace(c)) {
        i++;
      } else if (c == '(') {
        out.add(new Token(Kind.LPAREN, "("));
        i++;
      } else if (c == ')') {
        out.add(new Token(Kind.RPAREN, ")"));
        i++;
      } else if (Character.isDigit(c) || (c == '-' && i + 1 < n && Character.isDigit(s.charAt(i + 1)) && prevAllowsSign(out))) {
        int j = i + 1;
        while (j < n && (Character.isDigit(s.charAt(j)) || s.charAt(j) == '.')) {
          j++;
        }
        out.add(new Token(Kind.NUM, s.substring(i, j)));
        i = j;
      } else if (c == '\'' || c == '"') {
        int j = i + 1;
        StringBuilder sb = new StringBuilder();
        while (j < n && s.charAt(j) != c) {
          if (s.charAt(j) == '\\' && j + 1 < n) {
            j++;
          }
          sb.append(s.charAt(j));
          j++;
        }
        if (j >= n) {
          throw new SyntaxException("unterminated string in condition '" + s + "'");
        }
        out.add(new Token(Kind.STR, sb.toString()));
        i = j + 1;
      } else if (Character.isLetter(c) || c == '_') {
        int j = i + 1;
        while (j < n && (Character.isLetterOrDigit(s.charAt(j)) || s.charAt(j) == '_' || s.charAt(j) == '.')) {
          j++;
        }
        out.add(new Token(Kind.IDENT, s.substring(i, j)));
        i = j;
      } else {
        String two = i + 1 < n ? s.substring(i, i + 2) : "";
        if (two.equals("==") || two.equals("!=") || two.equals("<=") || two.equals(">=") || two.equals("&&") || two.equals("||")) {
          out.add(new Token(Kind.OP, two));
          i += 2;
        } else if (c == '<' || c == '>' || c == '=' || c == '!') {
          out.add(new Token(Kind.OP, String.valueOf(c)));
          i++;
        } else {
          throw new SyntaxException("unsupported character '" + c + "' in condition '" + s + "'");
        }
      }
    }
    return out;
  }

  private static boolean prevAllowsSign(List<Token> out) {
    if (out.isEmpty()) {
      return true;
    }
    Token t = out.get(out.size() - 1);
    return t.kind == Kind.OP || t.kind == Kind.LPAREN || (t.kind == Kind.IDENT && isWordOp(t.text));
  }

  private static boolean isWordOp(String w) {
    switch (w) {
      case "and": case "or": case "not": case "eq": case "ne": case "lt": case "gt": case "le": case "ge":
        return true;
      default:
        return false;
    }
  }

  private static final class Parser {
    private final List<Token> tokens;
    private final String text;
    private int pos;

    Parser(List<Token> tokens, String text) {
      this.tokens = tokens;
      this.text = text;
    }

    boolean atEnd() {
      return pos >= tokens.size();
    }

    Token peek() {
      return tokens.get(pos);
    }

    private boolean acceptOp(String... ops) {
      if (atEnd()) {
        return false;
      }
      Token t = peek();
      for (String op : ops) {
        if ((t.kind == Kind.OP || t.kind == Kind.IDENT) && t.text.equals(op)) {
          pos++;
          return true;
        }
      }
      return false;
    }

    Expr parseOr() {
      Expr left = parseAnd();
      while (acceptOp("||", "or")) {
        Expr l = left;
        Expr r = parseAnd();
        left = v -> bool(l.eval(v)) || bool(r.eval(v));
      }
      return left;
    }

    Expr parseAnd() {
      Expr left = parseUnary();
      while (acceptOp("&&", "and")) {
        Expr l = left;
        Expr r = parseUnary();
        left = v -> bool(l.eval(v)) && bool(r.eval(v));
      }
      return left;
    }

    Expr parseUnary() {
      if (acceptOp("!", "not")) {
        Expr inner = parseUnary();
        return v -> !bool(inner.eval(v));
      }
      return parseComparison();
    }

    Expr parseComparison() {
      Expr left = parsePrimary();
      if (atEnd()) {
        return left;
      }
      Token t = peek();
      String op = switch (t.text) {
        case "==", "=", "eq" -> "==";
        case "!=", "ne" -> "!=";
        case "<", "lt" -> "<";
        case "<=", "le" -> "<=";
        case ">", "gt" -> ">";
        case ">=", "ge" -> ">=";
        default -> null;
      };
      if (op == null || (t.kind != Kind.OP && t.kind != Kind.IDENT)) {
        return left;
      }
      pos++;
      Expr right = parsePrimary();
      return v -> compare(op, left.eval(v), right.eval(v));
    }

    Expr parsePrimary() {
      if (atEnd()) {
        throw new SyntaxException("unexpected end of condition '" + text + "'");
      }
      Token t = tokens.get(pos++);
      switch (t.kind) {
        case NUM: {
          BigDecimal value;
          try {
            value = new BigDecimal(t.text);
          } catch (NumberFormatException e) {
            throw new SyntaxException("bad number '" + t.text + "' in condition '" + text + "'");
          }
          return v -> value;
        }
        case STR: {
          String value = t.text;
          return v -> value;
        }
        case LPAREN: {
          Expr inner = parseOr();
          if (atEnd() || peek().kind != Kind.RPAREN) {
            throw new SyntaxException("missing ')' in condition '" + text + "'");
          }
          pos++;
          return inner;
        }
        case IDENT: {
          switch (t.text) {
            case "true":
              return v -> Boolean.TRUE;
            case "false":
              return v -> Boolean.FALSE;
            case "null":
              return v -> null;
            default:
              if (isWordOp(t.text)) {
                throw new SyntaxException("unexpected '" + t.text + "' in condition '" + text + "'");
              }
              if (t.text.endsWith(".") || t.text.contains("..")) {
                throw new SyntaxException("bad variable '" + t.text + "' in condition '" + text + "'");
              }
              String[] path = t.text.split("\\.");
              return v -> lookup(v, path);
          }
        }
        default:
          throw new SyntaxException("unexpected '" + t.text + "' in condition '" + text + "'");
      }
    }
  }

  private static Object lookup(Map<String, Object> vars, String[] path) {
    Object current = vars;
    for (int i = 0; i < path.length; i++) {
      if (!(current instanceof Map<?, ?> m) || !m.containsKey(path[i])) {
        throw new EvaluationException("failed to evaluate condition: no variable found with name '" + String.join(".", path) + "'");
      }
      current = m.get(path[i]);
    }
    return current instanceof Number n ? toDecimal(n) : current;
  }

  private static BigDecimal toDecimal(Number n) {
    if (n instanceof BigDecimal b) {
      return b;
    }
    if (n instanceof Integer || n instanceof Long || n instanceof Short || n instanceof Byte) {
      return BigDecimal.valueOf(n.longValue());
    }
    double d = n.doubleValue();
    if (Double.isNaN(d) || Double.isInfinite(d)) {
      throw new EvaluationException("failed to evaluate condition: not a finite number: " + n);
    }
    return new BigDecimal(n.toString());
  }

  private static boolean bool(Object o) {
    if (o instanceof Boolean b) {
      return b;
    }
    throw new EvaluationException("failed to evaluate condition: expected a boolean but found '" + o + "'");
  }

  private static Object compare(String op, Object a, Object b) {
    if (op.equals("==") || op.equals("!=")) {
      boolean eq;
      if (a == null || b == null) {
        eq = a == b;
      } else if (a instanceof BigDecimal x && b instanceof BigDecimal y) {
        eq = x.compareTo(y) == 0;
      } else {
        eq = a.equals(b);
      }
      return op.equals("==") == eq;
    }
    int c;
    if (a instanceof BigDecimal x && b instanceof BigDecimal y) {
      c = x.compareTo(y);
    } else if (a instanceof String x && b instanceof String y) {
      c = x.compareTo(y);
    } else {
      throw new EvaluationException("failed to evaluate condition: cannot compare '" + a + "' " + op + " '" + b + "'");
    }
    return switch (op) {
      case "<" -> c < 0;
      case "<=" -> c <= 0;
      case ">" -> c > 0;
      default -> c >= 0;
    };
  }
}
