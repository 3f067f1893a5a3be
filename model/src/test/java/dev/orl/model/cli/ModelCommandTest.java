package dev.orl.model.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.orl.model.qwen2.PythonReference;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The {@code orl model} commands run in-process: JSON only on stdout. */
class ModelCommandTest {

    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    record Run(int exit, String out, String err) {}

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new ModelCommand());
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int exit = cli.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    @Test
    void forwardCommandMatchesTheFloat64ReferenceOnAnHfCheckpoint() throws Exception {
        String ids = "3,1,4,1,5,9,2,6";
        String[][] cases = {{"--tied --dtype BF16", "plain"}, {"--dtype F16 --shards 2", "plain"},
            {"--dtype F32", "torchscript"}};
        for (String[] c : cases) {
            String flags = c[0];
            Path ck = dir.resolve(flags.replace(" ", "_"));
            double[][] expected = PythonReference.write(ck, ids, flags.split(" "));
            Run r = run("forward", "--checkpoint", ck.toString(), "--ids", ids, "--device", "cpu", "--kernels", c[1]);
            assertEquals(0, r.exit(), r.err());
            JsonNode logits = JSON.readTree(r.out()).get("logits");
            float[] flat = new float[expected.length * expected[0].length];
            for (int t = 0; t < expected.length; t++) {
                for (int v = 0; v < expected[0].length; v++) {
                    flat[t * expected[0].length + v] = (float) logits.get(t).get(v).asDouble();
                }
            }
            double err = PythonReference.maxAbsError(expected, flat);
            assertTrue(err <= 1e-4, flags + " " + c[1] + ": CLI logits differ from the float64 reference by " + err);
        }
    }

    @Test
    void initThenGenerateWithIdsAndWithChatPrompt() throws Exception {
        Path tiny = dir.resolve("tiny");
        Path config = Path.of(getClass().getResource("/tiny-config.json").toURI());
        Run init = run("init", "--config", config.toString(), "--out", tiny.toString(), "--seed", "1");
        assertEquals(0, init.exit(), init.err());
        assertEquals("", init.out(), "init prints nothing on stdout");
        assertTrue(Files.isRegularFile(tiny.resolve("model.safetensors")));
        assertTrue(Files.isRegularFile(tiny.resolve("orl_char_tokenizer.json")));

        Run gen = run("generate", "--checkpoint", tiny.toString(), "--ids", "1,2,3", "--max-new-tokens", "16",
                "--json");
        assertEquals(0, gen.exit(), gen.err());
        assertEquals(1, gen.out().strip().lines().count(), "one JSON line: " + gen.out());
        JsonNode line = JSON.readTree(gen.out());
        assertTrue(line.get("ids").size() >= 1 && line.get("ids").size() <= 16, line.toString());
        assertTrue(line.has("text"));
        assertTrue(line.get("finish_reason").asText().matches("stop|length"), line.toString());

        Run chat = run("generate", "--checkpoint", tiny.toString(), "--prompt", "What is 2+3?", "--chat",
                "--temperature", "0.8", "--top-p", "0.9", "--seed", "4", "--max-new-tokens", "8", "--json");
        assertEquals(0, chat.exit(), chat.err());
        Run again = run("generate", "--checkpoint", tiny.toString(), "--prompt", "What is 2+3?", "--chat",
                "--temperature", "0.8", "--top-p", "0.9", "--seed", "4", "--max-new-tokens", "8", "--json");
        assertEquals(chat.out(), again.out(), "same seed, same sample");

        Run zero = run("generate", "--checkpoint", tiny.toString(), "--ids", "1,2,3", "--temperature", "0",
                "--max-new-tokens", "8", "--json");
        Run greedy = run("generate", "--checkpoint", tiny.toString(), "--ids", "1,2,3", "--greedy",
                "--max-new-tokens", "8", "--json");
        assertEquals(0, zero.exit(), zero.err());
        assertEquals(greedy.out(), zero.out(), "temperature 0 means greedy, as in orl eval");
    }

    @Test
    void everyOptionOfEveryModelCommandSaysWhatItDoes() {
        for (CommandLine sub : new CommandLine(new ModelCommand()).getSubcommands().values()) {
            for (CommandLine.Model.OptionSpec option : sub.getCommandSpec().options()) {
                String help = String.join(" ", option.description()).strip();
                assertTrue(!help.isEmpty(), "orl model " + sub.getCommandName() + " " + option.longestName()
                        + " has no description in --help");
                if (option.defaultValue() != null && !option.usageHelp() && !option.versionHelp()) {
                    assertTrue(help.contains("default"), "orl model " + sub.getCommandName() + " "
                            + option.longestName() + " has a default that --help does not show: " + help);
                }
            }
        }
    }

    @Test
    void missingCheckpointFailsWithAMessageNamingTheFile() {
        Run r = run("forward", "--checkpoint", dir.resolve("nope").toString(), "--ids", "1");
        assertTrue(r.exit() != 0);
        assertTrue(r.err().contains("nope") && r.err().contains("config.json"), r.err());
        assertEquals("", r.out());
    }
}
