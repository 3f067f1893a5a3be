package dev.orl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The assembled {@code orl} tree: errors name the full command and the file's problem; help summaries read whole. */
class OrlCommandLineTest {

    @TempDir
    Path dir;

    record Run(int exit, String out, String err) {}

    static Run orl(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = Orl.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int exit = cli.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    @Test
    void benchOnAMissingFileSaysNoSuchFile() {
        String missing = dir.resolve("gsm8k/test.jsonl").toString();
        Run r = orl("bench", "math", "--gsm8k", missing);
        assertEquals(1, r.exit(), r.err());
        assertEquals("orl bench math: " + missing + ": no such file or directory", r.err().strip());
    }

    @Test
    void aUsageErrorNamesTheFullCommandAndPointsAtItsHelpInsteadOfPrintingIt() {
        Run r = orl("bench", "math");
        assertEquals(2, r.exit(), r.err());
        assertTrue(r.err().startsWith("orl bench math: "), "the error must name 'orl bench math', got:\n" + r.err());
        assertTrue(r.err().strip().endsWith("(see 'orl bench math --help')"), r.err());
        Run eval = orl("eval", "--checkpoint", dir.toString(), "--threads", "-1");
        assertEquals(2, eval.exit(), eval.err());
        assertTrue(eval.err().lines().count() <= 3 && eval.err().contains("--threads must be >= 0, got -1"),
                "a few lines, not the 50-line usage:\n" + eval.err());
        Run typo = orl("eval", "--checkpont", dir.toString());
        assertTrue(typo.err().contains("--checkpoint"), "an unknown option gets a suggestion:\n" + typo.err());
    }

    @Test
    void everyCommandSummaryIsAWholeSentence() {
        // A group's help lists each subcommand by the first line of its description, so that line must stand alone.
        List<String> cut = new ArrayList<>();
        collectCutSummaries(Orl.commandLine(), cut);
        assertTrue(cut.isEmpty(), "summaries that stop mid-sentence: " + cut);
    }

    private static void collectCutSummaries(CommandLine command, List<String> cut) {
        for (CommandLine sub : command.getSubcommands().values()) {
            String[] description = sub.getCommandSpec().usageMessage().description();
            String first = description.length == 0 ? "" : description[0].strip();
            if (!first.isEmpty() && (first.endsWith(":") || first.endsWith(","))) {
                cut.add(sub.getCommandSpec().qualifiedName() + ": '" + first + "'");
            }
            collectCutSummaries(sub, cut);
        }
    }
}
