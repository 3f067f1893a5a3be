package dev.orl.trainer.cli;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;

/** The command line a run was started with, as the user typed it, for the run's provenance record. */
public final class Invocation {

    private Invocation() {
    }

    /**
     * The root command's name followed by every argument it was given, e.g. {@code [orl, train, r.yaml, --set,
     * seed=2]}; only the root's parse result holds the arguments before the subcommand's name.
     */
    public static List<String> of(CommandSpec spec) {
        CommandSpec root = spec.root();
        List<String> words = new ArrayList<>();
        words.add(root.name());
        if (root.commandLine().getParseResult() != null) {
            words.addAll(root.commandLine().getParseResult().originalArgs());
        }
        return List.copyOf(words);
    }
}
