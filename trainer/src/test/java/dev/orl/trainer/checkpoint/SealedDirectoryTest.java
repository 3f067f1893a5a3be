package dev.orl.trainer.checkpoint;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SealedDirectoryTest {

    @TempDir
    Path dir;

    private static byte[] filled(byte value, int size) {
        byte[] b = new byte[size];
        Arrays.fill(b, value);
        return b;
    }

    private List<String> children() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void publishesTheContentsSealedUnderTheirName() throws IOException {
        Path target = dir.resolve("step_4");
        SealedDirectory.publish(target, new SlowBytes((byte) 4, 1000, 0));
        assertArrayEquals(filled((byte) 4, 1000), Files.readAllBytes(target.resolve(SlowBytes.FILE)));
        assertTrue(SealedDirectory.isSealed(target));
        assertEquals(List.of("step_4"), children(), "no temporary directory is left beside it");
    }

    @Test
    void aFailedWriteLeavesThePreviousDirectoryAndNoDebris() throws IOException {
        Path target = dir.resolve("final");
        SealedDirectory.publish(target, new SlowBytes((byte) 1, 100, 0));
        SealedDirectory.Contents failing = d -> {
            new SlowBytes((byte) 2, 100, 0).writeInto(d);
            throw new IOException("disk full");
        };
        assertThrows(IOException.class, () -> SealedDirectory.publish(target, failing));
        assertArrayEquals(filled((byte) 1, 100), Files.readAllBytes(target.resolve(SlowBytes.FILE)),
                "the failed write must not touch what was published before");
        assertEquals(List.of("final"), children());
    }

    @Test
    void aTruncatedOrMissingFileBreaksTheSeal() throws IOException {
        Path truncated = dir.resolve("a");
        Path missing = dir.resolve("b");
        SealedDirectory.publish(truncated, new SlowBytes((byte) 1, 100, 0));
        SealedDirectory.publish(missing, new SlowBytes((byte) 1, 100, 0));
        Files.write(truncated.resolve(SlowBytes.FILE), new byte[10]);
        Files.delete(missing.resolve(SlowBytes.FILE));
        assertFalse(SealedDirectory.isSealed(truncated));
        assertFalse(SealedDirectory.isSealed(missing));
        assertTrue(SealedDirectory.hasMarker(truncated), "the marker is still there; its files no longer match it");
    }

    @Test
    void publishingAgainReplacesTheDirectory() throws IOException {
        Path target = dir.resolve("final");
        SealedDirectory.publish(target, new SlowBytes((byte) 1, 100, 0));
        SealedDirectory.publish(target, new SlowBytes((byte) 2, 50, 0));
        assertArrayEquals(filled((byte) 2, 50), Files.readAllBytes(target.resolve(SlowBytes.FILE)));
        assertEquals(List.of("final"), children());
    }

    @Test
    void recoveryPutsBackADirectoryWhoseReplacementWasInterrupted() throws IOException {
        Path target = dir.resolve("final");
        SealedDirectory.publish(target, new SlowBytes((byte) 3, 100, 0));
        // as if the process died between moving the old directory aside and moving the new one in
        Files.move(target, dir.resolve(".old-final"));
        Files.createDirectories(dir.resolve(".tmp-final-1"));
        SealedDirectory.recover(dir);
        assertTrue(SealedDirectory.isSealed(target), "the old directory is put back");
        assertEquals(List.of("final"), children(), "the half-written one is removed");
    }

    @Test
    void sigkillWhileReplacingNeverLeavesAHalfWrittenDirectory() throws Exception {
        Path target = dir.resolve("final");
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), SealedDirectoryCrashChild.class.getName(),
                target.toString()).redirectErrorStream(true).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            int published = 0;
            while (published < 2 && (line = out.readLine()) != null) {
                if (line.startsWith("published ")) {
                    published++;
                }
            }
            assertEquals(2, published, "the child must have published twice before it is killed");
            Thread.sleep(80); // well inside the next publication, which takes about 160 ms
            child.destroyForcibly(); // SIGKILL: no shutdown hooks, no finally blocks
            assertTrue(child.waitFor(10, TimeUnit.SECONDS), "child did not die");
        }
        SealedDirectory.recover(dir);
        assertTrue(SealedDirectory.isSealed(target), "a whole publication is in place");
        byte[] bytes = Files.readAllBytes(target.resolve(SlowBytes.FILE));
        assertEquals(2 * 1024 * 1024, bytes.length);
        assertArrayEquals(filled(bytes[0], bytes.length), bytes, "every byte comes from the same publication");
        assertEquals(List.of("final"), children(), "recovery left nothing beside it");
    }
}
