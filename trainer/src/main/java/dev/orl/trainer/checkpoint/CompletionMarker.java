package dev.orl.trainer.checkpoint;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.stream.Stream;

/**
 * The {@code COMPLETE} file written last into a checkpoint: the size of every file in it, so a checkpoint whose
 * files were truncated or lost is not mistaken for a good one.
 */
final class CompletionMarker {

    static final String NAME = "COMPLETE";
    private static final ObjectMapper JSON = new ObjectMapper();

    private CompletionMarker() {}

    /** Writes the marker for the files now in {@code dir}, forcing every file to disk first. */
    static void write(Path dir) throws IOException {
        ObjectNode marker = JSON.createObjectNode();
        ObjectNode files = marker.putObject("files");
        for (Path file : files(dir)) {
            force(file);
            files.put(dir.relativize(file).toString().replace('\\', '/'), Files.size(file));
        }
        Path path = dir.resolve(NAME);
        Files.writeString(path, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(marker));
        force(path);
    }

    /** True when the marker exists and every file it lists has its recorded size. */
    static boolean verify(Path dir) {
        Path path = dir.resolve(NAME);
        if (!Files.isRegularFile(path)) {
            return false;
        }
        try {
            JsonNode files = JSON.readTree(path.toFile()).path("files");
            for (var it = files.fields(); it.hasNext();) {
                var e = it.next();
                Path file = dir.resolve(e.getKey());
                if (!Files.isRegularFile(file) || Files.size(file) != e.getValue().asLong()) {
                    return false;
                }
            }
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static List<Path> files(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().equals(NAME)).sorted()
                    .toList();
        }
    }

    private static void force(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.force(true);
        }
    }
}
