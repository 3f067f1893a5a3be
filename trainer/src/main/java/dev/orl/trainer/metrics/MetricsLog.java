package dev.orl.trainer.metrics;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The run's metrics sink: appends one JSON line per call to {@code metrics.jsonl} (flushed at once, so a crash loses
 * nothing written) and prints {@code step:N - stage:S - key:value - ...} to the console (stderr or the log).
 */
public final class MetricsLog implements Closeable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Logger LOG = LoggerFactory.getLogger(MetricsLog.class);

    private final BufferedWriter out;
    private final Consumer<String> console;

    /** Appends to {@code file} (created if missing) and echoes to {@code console}, which may be {@code null}. */
    public MetricsLog(Path file, PrintStream console) throws IOException {
        this(file, console == null ? line -> { } : console::println);
    }

    private MetricsLog(Path file, Consumer<String> console) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        this.out = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
        this.console = console;
    }

    /** Appends to {@code file} and logs each console line at INFO (slf4j, so on stderr). */
    public static MetricsLog toLog(Path file) throws IOException {
        return new MetricsLog(file, line -> LOG.info("{}", line));
    }

    /** Writes the metrics of {@code step} of {@code stage}. */
    public void log(long step, String stage, Map<String, Double> data) {
        try {
            out.write(toJson(new MetricsLine(step, stage, data)));
            out.newLine();
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write metrics", e);
        }
        console.accept(consoleLine(step, stage, data));
    }

    /**
     * {@code step:N - stage:S - key:value - ...}, values compact (4 significant digits); values that are not numbers
     * (a mean over nothing) are left out of the console, as they are null in the file, and so are the per-part
     * reward means ({@code reward/<function>/<part>/mean}, a dozen per IFEval step), which the file and the report's
     * plot keep.
     */
    public static String consoleLine(long step, String stage, Map<String, Double> data) {
        StringBuilder sb = new StringBuilder("step:").append(step).append(" - stage:").append(stage);
        data.forEach((k, v) -> {
            if (v != null && Double.isFinite(v) && !rewardPart(k)) {
                sb.append(" - ").append(k).append(':').append(format(v));
            }
        });
        return sb.toString();
    }

    private static boolean rewardPart(String key) {
        return key.startsWith("reward/") && key.endsWith("/mean") && key.chars().filter(c -> c == '/').count() > 2;
    }

    static String format(double v) {
        if (!Double.isFinite(v)) {
            return String.valueOf(v);
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return String.valueOf((long) v);
        }
        double abs = Math.abs(v);
        if (abs >= 1e-3 && abs < 1e5) {
            return new java.math.BigDecimal(v).round(new java.math.MathContext(4)).stripTrailingZeros()
                    .toPlainString();
        }
        return String.format(java.util.Locale.ROOT, "%.3e", v);
    }

    static String toJson(MetricsLine line) throws JsonProcessingException {
        ObjectNode node = JSON.createObjectNode();
        node.put("step", line.step());
        node.put("stage", line.stage());
        ObjectNode data = node.putObject("data");
        line.data().forEach((k, v) -> {
            if (v == null || !Double.isFinite(v)) {
                data.putNull(k);
            } else {
                data.put(k, v);
            }
        });
        return JSON.writeValueAsString(node);
    }

    /** Every line of a {@code metrics.jsonl} file, in order. */
    public static List<MetricsLine> read(Path file) throws IOException {
        List<MetricsLine> lines = new ArrayList<>();
        for (String text : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (text.isBlank()) {
                continue;
            }
            JsonNode node = JSON.readTree(text);
            Map<String, Double> data = new LinkedHashMap<>();
            node.get("data").fields().forEachRemaining(e -> data.put(e.getKey(),
                    e.getValue().isNull() ? Double.NaN : e.getValue().asDouble()));
            lines.add(new MetricsLine(node.get("step").asLong(), node.get("stage").asText(), data));
        }
        return lines;
    }

    /**
     * Prepares a resumed run's file: keeps the lines up to {@code step} of {@code stage} and drops everything the
     * crashed run wrote after it (later steps of that stage, later stages), so no step appears twice.
     *
     * @param stageOrder the recipe's stage names in run order
     */
    public static void truncateAfter(Path file, List<String> stageOrder, String stage, long step) throws IOException {
        if (!Files.exists(file)) {
            return;
        }
        int resumed = stageOrder.indexOf(stage);
        if (resumed < 0) {
            throw new IllegalArgumentException("stage '" + stage + "' is not in " + stageOrder);
        }
        List<String> kept = new ArrayList<>();
        for (String text : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (text.isBlank()) {
                continue;
            }
            JsonNode node;
            try {
                node = JSON.readTree(text);
            } catch (JsonProcessingException e) {
                break; // a line cut by the crash: everything from here on is lost work
            }
            int lineStage = stageOrder.indexOf(node.path("stage").asText());
            long lineStep = node.path("step").asLong();
            if (lineStage > resumed || (lineStage == resumed && lineStep > step)) {
                break;
            }
            kept.add(text);
        }
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.write(tmp, kept, StandardCharsets.UTF_8);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
