package dev.orl.trainer.checkpoint;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/** A stand-in for a checkpoint's weights: {@code size} bytes all equal to {@code value}, written in paced chunks. */
record SlowBytes(byte value, int size, long pauseMillisPerChunk) implements SealedDirectory.Contents {

    static final String FILE = "model.safetensors";

    @Override
    public void writeInto(Path dir) throws IOException {
        byte[] chunk = new byte[64 * 1024];
        Arrays.fill(chunk, value);
        try (OutputStream out = Files.newOutputStream(dir.resolve(FILE))) {
            for (int written = 0; written < size; written += chunk.length) {
                out.write(chunk, 0, Math.min(chunk.length, size - written));
                pause();
            }
        }
        Files.writeString(dir.resolve("trainer_state.json"), "{\"global_step\": " + value + "}");
    }

    private void pause() throws IOException {
        if (pauseMillisPerChunk > 0) {
            try {
                Thread.sleep(pauseMillisPerChunk);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException(e);
            }
        }
    }
}
