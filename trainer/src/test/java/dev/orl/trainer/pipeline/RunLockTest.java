package dev.orl.trainer.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunLockTest {

    @TempDir
    Path dir;

    /** Holds the lock of the directory in {@code args[0]} until killed; what a second orl process looks like. */
    public static final class Holder {
        public static void main(String[] args) throws Exception {
            try (RunLock lock = RunLock.acquire(Path.of(args[0]))) {
                System.out.println("locked");
                System.out.flush();
                Thread.sleep(120_000);
            }
        }
    }

    @Test
    void aRunInAnotherProcessIsRefusedNamingItsPidUntilThatProcessDies() throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        Process other = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                Holder.class.getName(), dir.toString()).redirectErrorStream(true).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(other.getInputStream(),
                StandardCharsets.UTF_8))) {
            assertEquals("locked", out.readLine());
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> RunLock.acquire(dir));
            assertTrue(e.getMessage().contains("is in use by another run (pid " + other.pid() + ")"), e.getMessage());
        } finally {
            other.destroyForcibly();
            other.waitFor(30, TimeUnit.SECONDS);
        }
        RunLock.acquire(dir).close(); // a killed holder leaves the directory free
    }

    @Test
    void aSecondRunInTheSameProcessIsRefusedAndTheLockIsFreeAfterClose() throws Exception {
        try (RunLock first = RunLock.acquire(dir)) {
            assertThrows(IllegalStateException.class, () -> RunLock.acquire(dir));
        }
        RunLock.acquire(dir).close();
    }
}
