package dev.orl.cli;

import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;

/** The text a failed command prints: the messages of an exception and its causes, one per line, without repeats. */
final class FailureMessage {

    private FailureMessage() {
    }

    /** {@code prefix: message} then {@code caused by: ...} lines for causes that add something new. */
    static String of(String prefix, Throwable failure) {
        StringBuilder message = new StringBuilder(prefix).append(": ");
        String last = null;
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (onlyWraps(t)) {
                continue;
            }
            String text = text(t);
            if (last == null || !last.contains(text)) {
                message.append(last == null ? "" : "\n  caused by: ").append(text);
            }
            last = text;
        }
        return message.toString();
    }

    /** One exception's own message; java.nio.file exceptions get the reason their message leaves out. */
    static String text(Throwable t) {
        if (t instanceof FileSystemException fs && fs.getReason() == null) {
            // Their message is the bare path, which alone does not say what was wrong with it.
            return fs.getMessage() + ": " + reason(fs);
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }

    /** An exception built from only its cause ({@code new UncheckedIOException(e)}) repeats the cause's toString. */
    private static boolean onlyWraps(Throwable t) {
        return t.getCause() != null && t.getCause().toString().equals(t.getMessage());
    }

    private static String reason(FileSystemException e) {
        if (e instanceof NoSuchFileException) {
            return "no such file or directory";
        }
        if (e instanceof NotDirectoryException) {
            return "not a directory";
        }
        if (e instanceof AccessDeniedException) {
            return "access denied";
        }
        if (e instanceof DirectoryNotEmptyException) {
            return "directory not empty";
        }
        if (e instanceof FileAlreadyExistsException) {
            // createDirectories reports a regular file in the way of a directory this way.
            return e.getFile() != null && !Files.isDirectory(Path.of(e.getFile()))
                    ? "already exists and is not a directory" : "already exists";
        }
        return e.getClass().getSimpleName();
    }
}
