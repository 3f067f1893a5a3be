package dev.orl.eval.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One session of a run (a fresh start or a resume) as the run's {@code provenance.json} records it, so that a report
 * shows the command that made each curve.
 *
 * @param startedAt when the session started (ISO-8601), or empty
 * @param gitCommit the source commit, or empty when unknown
 * @param command the command line as typed; empty when the run predates its recording
 */
public record RunSession(String startedAt, String gitCommit, List<String> command) {

    /** The file, in a run directory, that the trainer appends sessions to. */
    public static final String FILE = "provenance.json";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Logger LOG = LoggerFactory.getLogger(RunSession.class);
    private static final Pattern PLAIN_WORD = Pattern.compile("[A-Za-z0-9_./=:,@%+-]+");

    public RunSession {
        command = List.copyOf(command);
    }

    /**
     * The sessions recorded in {@code runDir}; none when the file is missing. An unreadable file is logged and
     * treated as missing: a report must not fail over provenance.
     */
    public static List<RunSession> read(Path runDir) {
        Path file = runDir.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            return List.of();
        }
        try {
            List<RunSession> sessions = new ArrayList<>();
            for (JsonNode s : JSON.readTree(file.toFile())) {
                List<String> words = new ArrayList<>();
                s.path("command").forEach(w -> words.add(w.asText()));
                sessions.add(new RunSession(s.path("started_at").asText(""), s.path("git_commit").asText(""), words));
            }
            return sessions;
        } catch (IOException | RuntimeException e) {
            LOG.warn("{}: not readable as a provenance record ({}); the report leaves it out", file, e.toString());
            return List.of();
        }
    }

    /** The command as a POSIX shell line, quoting the words that need it; empty when not recorded. */
    public String shellLine() {
        List<String> out = new ArrayList<>();
        for (String w : command) {
            out.add(PLAIN_WORD.matcher(w).matches() ? w : "'" + w.replace("'", "'\\''") + "'");
        }
        return String.join(" ", out);
    }
}
