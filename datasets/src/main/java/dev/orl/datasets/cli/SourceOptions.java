package dev.orl.datasets.cli;

import dev.orl.datasets.jsonl.JsonlFile;
import dev.orl.datasets.jsonl.OnError;
import dev.orl.datasets.spec.DatasetLoader;
import dev.orl.datasets.spec.DatasetSpec;
import dev.orl.datasets.spec.SyntheticSpec;
import dev.orl.datasets.synthetic.SyntheticSplit;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** The options that name one source on the command line, shared by {@code preview} and {@code stats}. */
final class SourceOptions {

    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    @Option(names = "--source", required = true,
            description = "Data source name; also the format when --format is not given "
                    + "(gsm8k, math, humaneval, mbpp, ifeval, preference, orl, synthetic/arith, synthetic/countdown, "
                    + "synthetic/python, synthetic/ifeval, synthetic/preference).")
    String source;

    @Option(names = "--format", description = "Record format, when the source name is not one.")
    String format;

    @Option(names = "--path", description = "JSONL or JSONL.gz file (not for synthetic sources).")
    Path path;

    @Option(names = "--on-error", defaultValue = "fail", description = "fail or skip malformed records.")
    String onError;

    @Option(names = "--seed", defaultValue = "0", description = "Synthetic: generator seed.")
    long seed;

    @Option(names = "--count", defaultValue = "1000", description = "Synthetic: how many prompts to generate.")
    int count;

    @Option(names = "--split", defaultValue = "rl", description = "Synthetic: sft, rl or val.")
    String split;

    @Option(names = "--min-level", defaultValue = "1", description = "Synthetic: easiest level.")
    int minLevel;

    @Option(names = "--max-level", description = "Synthetic: hardest level (default: --min-level).")
    Integer maxLevel;

    @Option(names = "--teacher-error-rate", description = "Synthetic: fraction of demonstrations given a weaker "
            + "teacher's flawed response (default 0).")
    Double teacherErrorRate;

    /** The record format: {@code --format}, else the source name. */
    String resolvedFormat() {
        return format == null ? source : format;
    }

    DatasetSpec toSpec() {
        String fmt = resolvedFormat();
        SyntheticSpec synthetic = fmt.startsWith("synthetic/")
                ? new SyntheticSpec(seed, count, choice("--split", split, SyntheticSplit.class), minLevel, maxLevel,
                        teacherErrorRate)
                : null;
        OnError mode = choice("--on-error", onError, OnError.class);
        return new DatasetSpec(source, fmt, path == null ? null : path.toString(), null, null, mode, null, synthetic);
    }

    private static <E extends Enum<E>> E choice(String option, String value, Class<E> type) {
        for (E e : type.getEnumConstants()) {
            if (e.name().equalsIgnoreCase(value)) {
                return e;
            }
        }
        throw new IllegalArgumentException(option + " must be one of "
                + Arrays.stream(type.getEnumConstants()).map(e -> e.name().toLowerCase(Locale.ROOT)).toList()
                + ", got '" + value + "'");
    }

    DatasetLoader.Loaded load() {
        DatasetLoader loader = DatasetLoader.builtIn(Path.of(""));
        String fmt = resolvedFormat();
        boolean file = !fmt.startsWith("synthetic/");
        if (file && path != null) {
            // Checked here because the loader would name the key "<configKey>.path", which is no option.
            JsonlFile.requireReadable(path, "--path");
        } else if (file && loader.knownFormats().contains(fmt)) {
            throw new ParameterException(command.commandLine(), "--path is required for --source " + source
                    + (format == null ? "" : " (format " + format + ")") + ": a JSONL or JSONL.gz file");
        }
        return loader.load(toSpec(), null);
    }
}
