package dev.orl.sandbox.judge;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Deletes the directory trees a sandbox leaves: job directories, and the job root of a server that is gone. */
public final class FileTrees {

  private FileTrees() {}

  /** Deletes {@code root} and everything under it; a missing root is not an error. */
  public static void delete(Path root) throws IOException {
    if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    // Files.walk does not follow links: a symlink planted by a compile step is removed, never its target.
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path p : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
        Files.deleteIfExists(p);
      }
    }
  }
}
