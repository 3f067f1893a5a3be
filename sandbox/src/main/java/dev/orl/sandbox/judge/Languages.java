package dev.orl.sandbox.judge;

import dev.orl.sandbox.isolation.SandboxPaths;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** The languages installed on this host, found once at start (real interpreters, never PATH shims). */
public final class Languages {
  private static final String CODE = SandboxPaths.CODE;
  private final Map<String, Language> byName;

  private Languages(List<Language> languages) {
    Map<String, Language> map = new LinkedHashMap<>();
    for (Language l : languages) {
      map.put(l.name(), l);
      for (String alias : l.aliases()) {
        map.putIfAbsent(alias, l);
      }
    }
    this.byName = map;
  }

  /**
   * Probes /usr/bin for python3, bash, gcc, g++ and a JDK. {@code pythonNoSite} starts Python with {@code -S}: ~2.5 of
   * its ~9 ms of CPU per start saved, every standard-library module still importable, but nothing from site or
   * dist-packages (numpy, yaml, ...) is.
   */
  public static Languages detect(boolean pythonNoSite) {
    List<Language> found = new ArrayList<>();
    version("/usr/bin/python3", "--version").ifPresent(v -> found.add(new Language("python",
        List.of("python3", "py"), "main.py", null, python(pythonNoSite, CODE + "/main.py"),
        pythonNoSite ? v + " (-S: standard library only)" : v)));
    version("/bin/bash", "--version").ifPresent(v -> found.add(new Language("bash", List.of("sh", "shell"),
        "main.sh", null, List.of("/bin/bash", CODE + "/main.sh"), v)));
    version("/usr/bin/gcc", "--version").ifPresent(v -> found.add(new Language("c", List.of("gcc"), "main.c",
        List.of("/usr/bin/gcc", "-O2", "-std=gnu17", "-pipe", "-o", CODE + "/main", CODE + "/main.c", "-lm"),
        List.of(CODE + "/main"), v)));
    version("/usr/bin/g++", "--version").ifPresent(v -> found.add(new Language("cpp", List.of("c++", "cxx", "g++"),
        "main.cpp", List.of("/usr/bin/g++", "-O2", "-std=gnu++17", "-pipe", "-o", CODE + "/main",
            CODE + "/main.cpp"), List.of(CODE + "/main"), v)));
    if (Files.isExecutable(Path.of("/usr/bin/javac"))) {
      version("/usr/bin/java", "-version").ifPresent(v -> found.add(new Language("java", List.of(), "Main.java",
          List.of("/usr/bin/javac", "-J-Xmx256m", "-J-XX:+UseSerialGC", "-J-XX:TieredStopAtLevel=1", "-d", CODE,
              CODE + "/Main.java"),
          List.of("/usr/bin/java", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xss64m", "-cp", CODE, "Main"),
          v)));
    }
    return new Languages(found);
  }

  /** The command line that runs {@code script} with the host's Python. */
  static List<String> python(boolean noSite, String script) {
    return noSite ? List.of("/usr/bin/python3", "-I", "-S", "-B", script)
        : List.of("/usr/bin/python3", "-I", "-B", script);
  }

  /** True when Python starts without the site module. */
  public boolean pythonNoSite() {
    return find("python").map(l -> l.run().contains("-S")).orElse(false);
  }

  /** The language called {@code name} (or an alias), case-insensitive. */
  public Optional<Language> find(String name) {
    return Optional.ofNullable(byName.get(name.toLowerCase(Locale.ROOT).strip()));
  }

  /** Name to version, for /v1/info. */
  public Map<String, String> versions() {
    Map<String, String> out = new LinkedHashMap<>();
    byName.values().forEach(l -> out.putIfAbsent(l.name(), l.version()));
    return out;
  }

  private static Optional<String> version(String binary, String flag) {
    if (!Files.isExecutable(Path.of(binary))) {
      return Optional.empty();
    }
    try {
      Process p = new ProcessBuilder(binary, flag).redirectErrorStream(true).start();
      String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!p.waitFor(10, TimeUnit.SECONDS) || p.exitValue() != 0) {
        p.destroyForcibly();
        return Optional.empty();
      }
      return Optional.of(text.lines().findFirst().orElse("").strip());
    } catch (IOException e) {
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }
}
