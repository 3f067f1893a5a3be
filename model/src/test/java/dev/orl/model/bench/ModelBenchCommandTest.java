package dev.orl.model.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class ModelBenchCommandTest {

    private static String run(String... args) {
        StringWriter out = new StringWriter();
        CommandLine cli = new CommandLine(new ModelBenchCommand());
        cli.setOut(new PrintWriter(out));
        int exit = cli.execute(args);
        assertEquals(0, exit, "exit code of bench model " + String.join(" ", args) + "; output:\n" + out);
        return out.toString();
    }

    @Test
    void quickRunPrintsGenerationTrainingAndProfileTablesWithEveryVariant() {
        String md = run("--quick", "--batches", "2", "--new-tokens", "3");
        assertTrue(md.contains("matmul peak"), "the peak line is missing:\n" + md);
        assertTrue(md.contains("| model | kernels | batch 2 |"), "generation table header missing:\n" + md);
        for (String row : new String[] {"| tiny | plain |", "| tiny | torchscript |"}) {
            assertTrue(md.contains(row), "generation row '" + row + "' missing:\n" + md);
        }
        for (String row : new String[] {"| plain | plain |", "| plain | fused |", "| torchscript | plain |",
                "| torchscript | fused |"}) {
            assertTrue(md.contains(row), "training row with kernels/AdamW '" + row + "' missing:\n" + md);
        }
        for (String row : new String[] {"| tiny | torchscript | LM head + log-softmax + loss |",
                "| tiny | torchscript | glue (remainder) |", "| tiny | plain | clip + AdamW (fused) |"}) {
            assertTrue(md.contains(row), "profile row '" + row + "' missing:\n" + md);
        }
    }

    @Test
    void jsonOutputIsOneObjectWithPositiveRates() throws Exception {
        String out = run("--quick", "--json", "--no-profile", "--kernels", "torchscript", "--optimizers", "fused", "--batches", "1",
                "--new-tokens", "2");
        JsonNode root = new ObjectMapper().readTree(out);
        assertTrue(root.get("matmul_peak_gflops").asDouble() > 0, "peak: " + out);
        assertEquals(1, root.get("generation").size(), "one generation result: " + out);
        assertTrue(root.get("generation").get(0).get("decode_tokens_per_s").asDouble() > 0, out);
        JsonNode train = root.get("training").get(0);
        assertEquals("fused", train.get("optimizer").asText(), out);
        assertTrue(train.get("mfu").asDouble() > 0 && train.get("mfu").asDouble() < 1, "MFU in (0, 1): " + out);
        assertTrue(train.get("kernel_cpu_s").asDouble() >= 0, "kernel CPU seconds of a step on Linux: " + out);
    }
}
