package dev.orl.trainer.metrics;

import dev.orl.eval.bench.ProgressBar;

/** Opens the progress bars of long phases: on stderr when the recipe's {@code logging.progress} is on, else none. */
@FunctionalInterface
public interface Progress {

    /** Bars that draw nothing, so phases advance a bar whether or not anyone watches. */
    Progress OFF = ProgressBar::silent;

    /** A bar for {@code total} units of the phase {@code label}; close it when the phase ends. */
    ProgressBar start(String label, long total);

    /** Bars on stderr when {@code enabled} (stdout is kept for machine-readable output), else {@link #OFF}. */
    static Progress of(boolean enabled) {
        return enabled ? ProgressBar::onStderr : OFF;
    }
}
