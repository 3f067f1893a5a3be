package dev.orl.eval.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ProgressBarTest {

    private final AtomicLong now = new AtomicLong();
    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();

    /** Runs {@code units} single advances {@code millisEach} apart and returns what was drawn. */
    private String drawn(boolean interactive, int units, long millisEach) {
        try (ProgressBar bar = new ProgressBar("gen", units, new PrintStream(buffer, true, StandardCharsets.UTF_8),
                interactive, now::get)) {
            for (int i = 0; i < units; i++) {
                now.addAndGet(millisEach * 1_000_000L);
                bar.advance(1);
            }
        }
        return buffer.toString(StandardCharsets.UTF_8);
    }

    @Test
    void outsideATerminalAShortPhasePrintsOnlyItsFinishedBar() {
        List<String> lines = drawn(false, 20, 100).lines().toList();
        assertEquals(List.of("gen [########################] 20/20 10.0/s eta 0s"), lines);
    }

    @Test
    void outsideATerminalALongPhasePrintsANewTenthAtMostEveryTenSeconds() {
        // 100 units 0.5 s apart: tenths every 5 s, printed every other one, then the finished bar
        List<String> lines = drawn(false, 100, 500).lines().toList();
        assertEquals(5, lines.size(), "lines: " + lines);
        assertEquals("gen [####....................] 20/100 2.0/s eta 40s", lines.get(0));
        assertEquals("gen [###################.....] 80/100 2.0/s eta 10s", lines.get(3));
        assertEquals("gen [########################] 100/100 2.0/s eta 0s", lines.get(4));
    }

    @Test
    void onATerminalRedrawsOneLineInPlaceAndEndsIt() {
        String out = drawn(true, 4, 200);
        assertEquals(4, out.chars().filter(c -> c == '\r').count(), "one redraw per advance 0.2 s apart: " + out);
        assertTrue(out.endsWith("gen [########################] 4/4 5.0/s eta 0s\n"), out);
    }

    @Test
    void aSilentBarCountsWithoutDrawing() {
        PrintStream err = System.err;
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        try {
            System.setErr(new PrintStream(stderr, true, StandardCharsets.UTF_8));
            try (ProgressBar bar = ProgressBar.silent("val", 3)) {
                bar.advance(3);
                assertTrue(bar.render(0).contains("3/3"));
            }
        } finally {
            System.setErr(err);
        }
        assertEquals("", stderr.toString(StandardCharsets.UTF_8));
    }
}
