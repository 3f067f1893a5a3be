package dev.orl.model.tokenizer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Finds the tokenizer stored in a checkpoint (or tokenizer) directory. */
public final class Tokenizers {

    private Tokenizers() {}

    /** {@code tokenizer.json} (HF) if present, else orl's char tokenizer file; an error naming the directory if neither. */
    public static Tokenizer load(Path dir) throws IOException {
        return locate(dir).getFileName().toString().equals(HfTokenizer.FILE) ? HfTokenizer.load(dir)
                : CharTokenizer.load(dir);
    }

    /** The tokenizer file {@link #load} would read from {@code dir}, without reading it. */
    public static Path locate(Path dir) throws NoSuchFileException {
        for (String name : new String[] {HfTokenizer.FILE, CharTokenizer.FILE}) {
            if (Files.isRegularFile(dir.resolve(name))) {
                return dir.resolve(name);
            }
        }
        throw new NoSuchFileException(dir.toString(), null,
                "no tokenizer: expected " + HfTokenizer.FILE + " or " + CharTokenizer.FILE);
    }

    /** {@code char} for the ASCII char tokenizer, otherwise a directory holding a tokenizer. */
    public static Tokenizer fromSpec(String spec) throws IOException {
        return spec.equals("char") ? CharTokenizer.ascii() : load(Path.of(spec));
    }
}
