package dev.orl.sandbox.judge;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileTreesTest {

  @TempDir Path tmp;

  @Test
  void deletesANestedTreeButNotTheTargetOfALinkInsideIt() throws Exception {
    Path outside = Files.writeString(tmp.resolve("precious.txt"), "keep me");
    Path outsideDir = Files.createDirectories(tmp.resolve("precious-dir"));
    Files.writeString(outsideDir.resolve("inner.txt"), "keep me too");
    Path job = Files.createDirectories(tmp.resolve("job/a/b"));
    Files.writeString(job.resolve("main.py"), "print(1)");
    Files.createSymbolicLink(tmp.resolve("job/a/link"), outside);
    Files.createSymbolicLink(tmp.resolve("job/dirlink"), outsideDir);

    FileTrees.delete(tmp.resolve("job"));

    assertFalse(Files.exists(tmp.resolve("job")));
    assertTrue(Files.exists(outside));
    assertTrue(Files.exists(outsideDir.resolve("inner.txt")));
  }

  @Test
  void aMissingRootIsNotAnError() {
    assertDoesNotThrow(() -> FileTrees.delete(tmp.resolve("never-made")));
  }
}
