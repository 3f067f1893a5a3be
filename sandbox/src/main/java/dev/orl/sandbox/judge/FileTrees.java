package dev.orl.sandbox.judge;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Deletes directory trees: a sandbox's job directories and the job root of a server that is gone, and the checkpoint
 * directories a run replaces or prunes.
 */
public final class FileTrees {

  private FileTrees() {}

  /** Deletes {@code root} and everything under it; a missing root is not an error. */
  public static void delete(Path root) throws IOException {
    if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    // Files.walk does not follow links: a symlink planted by a compile step is removed, never its target.
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (UncheckedIOException e) {
      // The walk reports an unreadable directory this way; callers expect the IOException it wraps.
      throw e.getCause();
    }
  }
}
