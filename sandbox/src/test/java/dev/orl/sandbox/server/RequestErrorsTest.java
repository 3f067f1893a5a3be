package dev.orl.sandbox.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.orl.sandbox.protocol.Json;
import dev.orl.sandbox.protocol.JudgeRequest;
import dev.orl.sandbox.protocol.RunCodeRequest;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A 400 names the field and what was wrong with it in JSON terms, never Jackson's classes or settings. */
class RequestErrorsTest {
  private static final ObjectMapper JSON = Json.newMapper();
  private static final List<String> INTERNALS = List.of("CoercionConfig", "REDACTED", "StreamReadFeature", "java.",
      "JsonToken", "dev.orl", "LinkedHashMap");

  private static String error(Class<?> type, String body) {
    Exception e = assertThrows(Exception.class, () -> JSON.readValue(body, type), body);
    String message = RequestErrors.describe(e);
    for (String internal : INTERNALS) {
      assertFalse(message.contains(internal), "'" + internal + "' leaked into: " + message);
    }
    return message;
  }

  @Test
  void wrongScalarTypeNamesTheFieldAndBothTypes() {
    assertEquals("'run_timeout' must be a number, got a string",
        error(RunCodeRequest.class, "{\"code\": \"x\", \"language\": \"python\", \"run_timeout\": \"3\"}"));
    assertEquals("'limits.cpu_s' must be a number, got a string", error(JudgeRequest.class, "{\"code\": \"x\", "
        + "\"language\": \"python\", \"tests\": [{\"expected_stdout\": \"\"}], \"limits\": {\"cpu_s\": \"x\"}}"));
  }

  @Test
  void wrongContainerTypeNamesTheField() {
    assertEquals("'files' must be an object, got an array",
        error(RunCodeRequest.class, "{\"code\": \"x\", \"language\": \"python\", \"files\": [1]}"));
    assertEquals("'tests' must be an array, got a string",
        error(JudgeRequest.class, "{\"code\": \"x\", \"language\": \"python\", \"tests\": \"abc\"}"));
    assertEquals("'tests[0].stdin' must be a string, got an array", error(JudgeRequest.class,
        "{\"code\": \"x\", \"language\": \"python\", \"tests\": [{\"stdin\": [], \"expected_stdout\": \"\"}]}"));
  }

  @Test
  void bodyOfTheWrongShapeSaysWhatItMustBe() {
    assertEquals("the body must be an object, got an array", error(RunCodeRequest.class, "[1, 2]"));
    assertEquals("empty body; it must be an object", error(RunCodeRequest.class, ""));
  }

  @Test
  void malformedJsonGivesThePositionWithoutJacksonsSourceNote() {
    String message = error(RunCodeRequest.class, "{\"code\": \"x\", \"language\": \"python\"");
    assertTrue(message.startsWith("malformed JSON at line 1, column "), message);
    assertTrue(message.contains("end-of-input"), message);
    assertTrue(error(RunCodeRequest.class, "{not json").startsWith("malformed JSON at line 1, column 2: "));
  }

  @Test
  void numberOutOfRangeNamesTheField() {
    String message = error(RunCodeRequest.class,
        "{\"code\": \"x\", \"language\": \"python\", \"memory_limit_MB\": 99999999999}");
    assertTrue(message.startsWith("'memory_limit_MB': ") && message.contains("out of range"), message);
  }

  @Test
  void ourOwnValidationMessagesPassThrough() {
    assertEquals("field 'language' is required", error(RunCodeRequest.class, "{\"code\": \"x\"}"));
    assertEquals("unknown compare mode 'fuzzy' (expected exact, trailing_ws or tokens)", error(JudgeRequest.class,
        "{\"code\": \"x\", \"language\": \"python\", \"tests\": [{\"expected_stdout\": \"\"}], "
            + "\"compare\": {\"mode\": \"fuzzy\"}}"));
  }
}
