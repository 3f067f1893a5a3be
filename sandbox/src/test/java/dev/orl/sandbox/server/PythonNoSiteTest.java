package dev.orl.sandbox.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The opt-in {@code -S} start: the standard library still imports, asserts still judge, and /v1/info says so. */
class PythonNoSiteTest {
  private static final String STDLIB = "import sys, os, re, json, math, cmath, fractions, decimal, statistics, random, "
      + "collections, heapq, bisect, itertools, functools, operator, string, textwrap, datetime, calendar, time, "
      + "copy, typing, dataclasses, enum, array, struct, io, hashlib, subprocess, threading, queue\n"
      + "print(sys.flags.no_site, json.dumps(sorted(collections.Counter('abca').items())))\n";

  @Test
  void standardLibraryImportsAndAssertsJudgeWithoutSite() {
    try (SandboxServer server = SandboxServer.start(ServerConfig.defaults().withWorkers(1).withPythonNoSite(true))) {
      Http http = new Http(server.uri());
      JsonNode info = http.get("/v1/info").body();
      assertTrue(info.path("languages").path("python").asText().contains("-S"), "python -S stated: " + info);

      JsonNode io = http.post("/v1/judge", Map.of("language", "python", "code", STDLIB,
          "tests", List.of(Map.of("stdin", "", "expected_stdout", "1 [[\"a\", 2], [\"b\", 1], [\"c\", 1]]")))).body();
      assertEquals("Accepted", io.get("tests").get(0).get("verdict").asText(), io.toPrettyString());

      JsonNode asserts = http.post("/v1/judge", Map.of("language", "python",
          "code", "import heapq\ndef f(xs):\n    return heapq.nsmallest(2, xs)\n", "entry_point", "f",
          "tests", List.of(Map.of("assert_code", "assert f([3, 1, 2]) == [1, 2]"),
              Map.of("assert_code", "assert f([3, 1, 2]) == [1, 3]")))).body();
      assertEquals("Accepted", asserts.get("tests").get(0).get("verdict").asText(), asserts.toPrettyString());
      assertEquals("WrongAnswer", asserts.get("tests").get(1).get("verdict").asText(), asserts.toPrettyString());
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
