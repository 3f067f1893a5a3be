package dev.orl.sandbox.judge;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * The host directory of one request: {@code code/} (bound at /code, owned by the slot's uid so a compiler can write
 * its output) and root-only stdin files next to it that the server opens for the program, so the program never
 * sees their paths. Deleted, without following links, when closed.
 */
final class JobDir implements AutoCloseable {
  private final Path dir;
  private final Path code;
  private final int uid;
  private final boolean chown;
  private int stdinCount;

  private JobDir(Path dir, int uid, boolean chown) throws IOException {
    this.dir = dir;
    this.code = dir.resolve("code");
    this.uid = uid;
    this.chown = chown;
    Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx--x--x"));
    Files.createDirectory(code, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
    own(code);
  }

  /** A fresh job dir below {@code root}; {@code chown} gives its code dir to {@code uid}. */
  static JobDir create(Path root, int uid, boolean chown) throws IOException {
    return new JobDir(Files.createTempDirectory(root, "job-"), uid, chown);
  }

  Path code() {
    return code;
  }

  /** Writes {@code relative} (already validated: no absolute paths, no '..') under the code dir. */
  void write(String relative, byte[] content) throws IOException {
    Path target = code.resolve(relative).normalize();
    if (!target.startsWith(code)) {
      throw new IllegalArgumentException("file path escapes the work dir: " + relative);
    }
    Path rel = code.relativize(target);
    Path p = code;
    for (int i = 0; i < rel.getNameCount() - 1; i++) {
      p = p.resolve(rel.getName(i));
      if (!Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
        Files.createDirectory(p);
        own(p);
      }
    }
    Files.write(target, content);
    own(target);
  }

  void write(String relative, String content) throws IOException {
    write(relative, content.getBytes(StandardCharsets.UTF_8));
  }

  /** A root-only file holding {@code content}, for the server to open as a program's stdin. */
  Path stdinFile(byte[] content) throws IOException {
    Path f = dir.resolve("stdin-" + stdinCount++);
    Files.write(f, content);
    Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-------"));
    return f;
  }

  private void own(Path p) throws IOException {
    if (chown) {
      Files.setAttribute(p, "unix:uid", uid, LinkOption.NOFOLLOW_LINKS);
      Files.setAttribute(p, "unix:gid", uid, LinkOption.NOFOLLOW_LINKS);
    }
  }

  @Override
  public void close() throws IOException {
    FileTrees.delete(dir);
  }
}
