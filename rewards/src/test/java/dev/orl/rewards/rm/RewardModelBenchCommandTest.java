package dev.orl.rewards.rm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class RewardModelBenchCommandTest {

    @Test
    void printsARowPerBatchSizeAgainstTheFirstAndEveryBatchSizeRepeats() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int code = new CommandLine(new RewardModelBenchCommand(new PrintStream(bytes, true, StandardCharsets.UTF_8)))
                .execute("--hidden-size", "32", "--layers", "1", "--rows", "12", "--batch-sizes", "1,4",
                        "--seconds", "0.2");
        String table = bytes.toString(StandardCharsets.UTF_8);
        assertEquals(0, code, table);
        List<String[]> rows = table.lines().filter(l -> l.matches("\\| \\d+ \\|.*"))
                .map(l -> l.split("\\s*\\|\\s*")).toList();
        assertEquals(2, rows.size(), "a row for batch sizes 1 and 4 in:\n" + table);
        assertEquals("1", rows.get(0)[1]);
        assertEquals("4", rows.get(1)[1]);
        assertEquals("1.00", rows.get(0)[5], "the baseline against itself:\n" + table);
        assertTrue(Double.parseDouble(rows.get(1)[4]) > 0, table);
        for (String[] row : rows) {
            assertEquals("yes", row[6], "each batch size must repeat to the last bit:\n" + table);
            assertTrue(Long.parseLong(row[2]) % 12 == 0 && Long.parseLong(row[2]) >= 12, "whole calls of 12 rows");
        }
    }
}
