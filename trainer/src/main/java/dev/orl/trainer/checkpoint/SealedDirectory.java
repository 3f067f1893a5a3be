package dev.orl.trainer.checkpoint;

import dev.orl.sandbox.judge.FileTrees;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;

/**
 * Publishes a checkpoint directory so that a crash at any moment leaves either the old directory or the new one,
 * never half of one. The contents are written into a temporary sibling, forced to disk and sealed with a
 * {@code COMPLETE} marker listing every file's size; only then is the directory renamed into place. Replacing an
 * existing directory moves the old one aside first, and {@link #recover} puts it back if the process died between
 * the two renames.
 */
public final class SealedDirectory {

    /** The marker written last into a sealed directory. */
    public static final String MARKER = CompletionMarker.NAME;

    private static final String TEMP_PREFIX = ".tmp-";
    private static final String OLD_PREFIX = ".old-";

    private SealedDirectory() {}

    /** Writes a checkpoint's files into the directory it is given, which is not yet visible under its name. */
    @FunctionalInterface
    public interface Contents {
        void writeInto(Path dir) throws IOException;
    }

    /** Writes {@code contents} and publishes them as {@code target}, replacing any directory already there. */
    public static void publish(Path target, Contents contents) throws IOException {
        Path parent = target.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        String name = target.getFileName().toString();
        Path temp = Files.createTempDirectory(parent, TEMP_PREFIX + name + "-");
        try {
            contents.writeInto(temp);
            CompletionMarker.write(temp);
        } catch (IOException | RuntimeException e) {
            FileTrees.delete(temp);
            throw e;
        }
        if (Files.exists(target)) {
            Path old = parent.resolve(OLD_PREFIX + name);
            FileTrees.delete(old);
            Files.move(target, old, StandardCopyOption.ATOMIC_MOVE);
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
            FileTrees.delete(old);
        } else {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
        }
    }

    /**
     * True when {@code dir} carries a marker and every file it lists has its recorded size. A directory without a
     * marker is unsealed: either half-written by hand or published before markers existed; callers decide.
     */
    public static boolean isSealed(Path dir) {
        return CompletionMarker.verify(dir);
    }

    /** True when {@code dir} has a marker, whether or not its files still match it. */
    public static boolean hasMarker(Path dir) {
        return Files.isRegularFile(dir.resolve(MARKER));
    }

    /** In {@code parent}: drops half-written directories and puts back one whose replacement was interrupted. */
    public static void recover(Path parent) throws IOException {
        if (!Files.isDirectory(parent)) {
            return;
        }
        try (Stream<Path> children = Files.list(parent)) {
            for (Path child : children.toList()) {
                String name = child.getFileName().toString();
                if (name.startsWith(TEMP_PREFIX)) {
                    FileTrees.delete(child);
                } else if (name.startsWith(OLD_PREFIX)) {
                    Path original = parent.resolve(name.substring(OLD_PREFIX.length()));
                    if (Files.exists(original)) {
                        FileTrees.delete(child);
                    } else {
                        Files.move(child, original, StandardCopyOption.ATOMIC_MOVE);
                    }
                }
            }
        }
    }
}
