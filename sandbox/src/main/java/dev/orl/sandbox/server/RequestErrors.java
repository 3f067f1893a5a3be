package dev.orl.sandbox.server;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import java.util.Collection;
import java.util.Map;
import java.util.regex.Pattern;

/** The message of a 400: what is wrong with which field of the request, in the wire format's terms. */
final class RequestErrors {

  // Jackson appends where its input came from; the server reads a byte array, so this says only "REDACTED".
  private static final Pattern SOURCE = Pattern.compile("\\s*\\(?(start marker at )?\\[Source: [^\\]]*\\]\\)?");

  private RequestErrors() {
  }

  /**
   * Jackson's own messages name Java types and its configuration ({@code CoercionConfig}, {@code LinkedHashMap}),
   * which mean nothing to a client writing JSON; our validation messages already name the field.
   */
  static String describe(Exception e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    if (root instanceof IllegalArgumentException && root.getMessage() != null) {
      return root.getMessage();
    }
    if (e instanceof MismatchedInputException m) {
      String got = actual(m);
      String expected = expected(m.getTargetType());
      if (m.getPath().isEmpty()) {
        return got == null ? "empty body; it must be " + expected : "the body must be " + expected + ", got " + got;
      }
      return "'" + field(m) + "' must be " + expected + (got == null ? "" : ", got " + got);
    }
    String original = root instanceof JsonProcessingException j ? j.getOriginalMessage() : root.getMessage();
    original = original == null ? root.getClass().getSimpleName() : SOURCE.matcher(original).replaceAll("");
    if (e instanceof JsonMappingException m && !m.getPath().isEmpty()) {
      return "'" + field(m) + "': " + original;
    }
    if (root instanceof StreamReadException s && s.getLocation() != null) {
      return "malformed JSON at line " + s.getLocation().getLineNr() + ", column "
          + s.getLocation().getColumnNr() + ": " + original;
    }
    return original;
  }

  /** The JSON path of the field, e.g. {@code limits.cpu_s} or {@code tests[2].stdin}. */
  private static String field(JsonMappingException e) {
    StringBuilder path = new StringBuilder();
    for (JsonMappingException.Reference ref : e.getPath()) {
      if (ref.getFieldName() != null) {
        path.append(path.length() == 0 ? "" : ".").append(ref.getFieldName());
      } else if (ref.getIndex() >= 0) {
        path.append('[').append(ref.getIndex()).append(']');
      }
    }
    return path.toString();
  }

  private static String expected(Class<?> type) {
    if (type == null) {
      return "another JSON type";
    }
    if (type == String.class || type == char.class || type == Character.class) {
      return "a string";
    }
    if (type == Boolean.class || type == boolean.class) {
      return "true or false";
    }
    if (type == Integer.class || type == int.class || type == Long.class || type == long.class
        || type == Short.class || type == short.class) {
      return "an integer";
    }
    if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
      return "a number";
    }
    if (type.isArray() || Collection.class.isAssignableFrom(type)) {
      return "an array";
    }
    if (type.isEnum()) {
      return "a string";
    }
    return Map.class.isAssignableFrom(type) || type.isRecord() ? "an object" : "another JSON type";
  }

  /** What the client sent at the failing position; null when the parser has moved on. */
  private static String actual(MismatchedInputException e) {
    if (!(e.getProcessor() instanceof JsonParser parser)) {
      return null;
    }
    JsonToken token = parser.currentToken();
    if (token == null) {
      return null;
    }
    return switch (token) {
      case VALUE_STRING -> "a string";
      case VALUE_NUMBER_INT -> "an integer";
      case VALUE_NUMBER_FLOAT -> "a number";
      case VALUE_TRUE, VALUE_FALSE -> "a boolean";
      case VALUE_NULL -> "null";
      case START_ARRAY -> "an array";
      case START_OBJECT, FIELD_NAME -> "an object";
      default -> null;
    };
  }
}
