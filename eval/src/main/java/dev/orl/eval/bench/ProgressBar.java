package dev.orl.eval.bench;

import java.io.OutputStream;
import java.io.PrintStream;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * A textual progress bar on stderr for long phases ({@code gen [#######.......] 45/96 3.2/s eta 16s}), shared by
 * {@code orl eval} and the trainer. On a terminal it redraws one line at most ten times a second. Elsewhere (CI logs,
 * files) it prints a line at a new tenth only when {@value #QUIET_SECONDS} s have passed since the last, and the
 * finished bar once, so a phase of a few seconds costs one line rather than ten.
 */
public final class ProgressBar implements AutoCloseable {

    private static final int WIDTH = 24;
    private static final long REDRAW_NANOS = 100_000_000L;
    private static final int QUIET_SECONDS = 10;
    private static final long QUIET_NANOS = QUIET_SECONDS * 1_000_000_000L;

    private final String label;
    private final long total;
    private final PrintStream out;
    private final boolean interactive;
    private final LongSupplier nanoClock;
    private final long startNanos;
    private long done;
    private long lastDrawNanos;
    private long lastDecile;

    /** A bar for {@code total} units of work, drawn on {@code out}; {@code interactive} redraws one line in place. */
    public ProgressBar(String label, long total, PrintStream out, boolean interactive, LongSupplier nanoClock) {
        this.label = label;
        this.total = Math.max(total, 1);
        this.out = out;
        this.interactive = interactive;
        this.nanoClock = nanoClock;
        this.startNanos = nanoClock.getAsLong();
        this.lastDrawNanos = startNanos - REDRAW_NANOS;
    }

    /** A bar on stderr, interactive when a console is attached. */
    public static ProgressBar onStderr(String label, long total) {
        return new ProgressBar(label, total, System.err, System.console() != null, System::nanoTime);
    }

    /** A bar that counts and draws nothing, so callers advance one whether or not anyone watches. */
    public static ProgressBar silent(String label, long total) {
        return new ProgressBar(label, total, new PrintStream(OutputStream.nullOutputStream()), false,
                System::nanoTime);
    }

    /** Records {@code units} more done. */
    public void advance(long units) {
        done = Math.min(total, done + units);
        long now = nanoClock.getAsLong();
        if (interactive) {
            if (now - lastDrawNanos >= REDRAW_NANOS || done == total) {
                out.print("\r" + render(now));
                out.flush();
                lastDrawNanos = now;
            }
            return;
        }
        long decile = done * 10 / total;
        if (decile > lastDecile && done < total && now - lastDrawNanos >= QUIET_NANOS) {
            out.println(render(now));
            lastDecile = decile;
            lastDrawNanos = now;
        }
    }

    /** The bar as it would be drawn now. */
    String render(long nowNanos) {
        int filled = (int) (WIDTH * done / total);
        double seconds = (nowNanos - startNanos) / 1e9;
        double rate = seconds > 0 ? done / seconds : 0;
        String eta = rate > 0 ? String.format(Locale.ROOT, " eta %ds", Math.round((total - done) / rate)) : "";
        return String.format(Locale.ROOT, "%s [%s%s] %d/%d %.1f/s%s", label, "#".repeat(filled),
                ".".repeat(WIDTH - filled), done, total, rate, eta);
    }

    /** Ends the bar: the terminal's line is closed; elsewhere the bar is printed as it finished. */
    @Override
    public void close() {
        if (interactive) {
            out.println();
        } else {
            out.println(render(nanoClock.getAsLong()));
        }
        out.flush();
    }
}
