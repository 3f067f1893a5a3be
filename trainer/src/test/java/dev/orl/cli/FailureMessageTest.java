package dev.orl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A failed command's message says what was wrong with a file, not just its path, and lists new causes once. */
class FailureMessageTest {

    @TempDir
    Path dir;

    @Test
    void missingFileSaysNoSuchFile() {
        assertEquals("orl bench math: datasets/gsm8k/test.jsonl: no such file or directory",
                FailureMessage.of("orl bench math", new NoSuchFileException("datasets/gsm8k/test.jsonl")));
    }

    @Test
    void regularFileWhereADirectoryIsNeededSaysSo() throws IOException {
        Path file = Files.writeString(dir.resolve("passwd"), "x");
        FileAlreadyExistsException e = assertThrows(FileAlreadyExistsException.class,
                () -> Files.createDirectories(file));
        assertEquals("orl train: " + file + ": already exists and is not a directory",
                FailureMessage.of("orl train", e));
    }

    @Test
    void existingDirectorySaysOnlyThatItExists() {
        assertEquals("p: " + dir + ": already exists",
                FailureMessage.of("p", new FileAlreadyExistsException(dir.toString())));
    }

    @Test
    void accessDeniedSaysSo() {
        assertEquals("p: /root/x: access denied", FailureMessage.of("p", new AccessDeniedException("/root/x")));
    }

    @Test
    void reasonTheJdkGaveIsKeptAsIs() {
        assertEquals("p: /etc/passwd/x: Not a directory",
                FailureMessage.of("p", new FileSystemException("/etc/passwd/x", null, "Not a directory")));
    }

    @Test
    void wrapperThatOnlyRepeatsItsCauseIsLeftOut() {
        assertEquals("p: a.jsonl: no such file or directory",
                FailureMessage.of("p", new UncheckedIOException(new NoSuchFileException("a.jsonl"))));
    }

    @Test
    void causesThatAddSomethingFollowOnTheirOwnLines() {
        Exception e = new IllegalStateException("cannot load the recipe",
                new IOException("cannot load the recipe", new NoSuchFileException("r.yaml")));
        assertEquals("p: cannot load the recipe\n  caused by: r.yaml: no such file or directory",
                FailureMessage.of("p", e));
    }
}
