package dev.orl.trainer.checkpoint;

import java.nio.file.Path;

/** Run in a child JVM by {@link SealedDirectoryTest}: publishes the same directory slowly, forever, until killed. */
public final class SealedDirectoryCrashChild {

    private SealedDirectoryCrashChild() {}

    public static void main(String[] args) throws Exception {
        for (int round = 1; ; round++) {
            SealedDirectory.publish(Path.of(args[0]), new SlowBytes((byte) round, 2 * 1024 * 1024, 5));
            System.out.println("published " + round);
            System.out.flush();
        }
    }
}
