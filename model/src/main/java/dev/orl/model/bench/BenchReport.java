package dev.orl.model.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The results of one {@code orl bench model} run and their two renderings: markdown tables for BENCHMARKS.md and
 * JSON for machines.
 *
 * @param date when the run started (ISO-8601, UTC)
 * @param threads libtorch intra-op threads
 * @param loadAverage the machine's 1-minute load average at the start and end of the run (other work competing for
 *     the cores makes every figure slower), or empty where unknown
 * @param allocator how the native allocator treats freed memory ({@link dev.orl.model.device.NativeAllocator})
 * @param peakGflops the 2048² fp32 matmul rate measured in this run, the MFU denominator
 * @param generation generation results, in run order
 * @param training training results, in run order
 * @param profile parts of the training step timed in isolation, in run order
 */
record BenchReport(String date, int threads, String loadAverage, String allocator, double peakGflops,
        List<GenerationBench.Result> generation,
        List<TrainingBench.Result> training, List<ProfileBench.Part> profile) {

    String markdown() {
        StringBuilder md = new StringBuilder();
        md.append(String.format(Locale.ROOT, "Run %s, %d intra-op threads, fp32%s, %s. 2048² matmul peak "
                + "(higher of start and end): **%.0f GFLOP/s**.%n%n", date, threads,
                loadAverage.isEmpty() ? "" : ", load average " + loadAverage, allocator, peakGflops));
        if (!generation.isEmpty()) {
            appendGeneration(md);
        }
        if (!training.isEmpty()) {
            appendTraining(md);
        }
        if (!profile.isEmpty()) {
            appendProfile(md);
        }
        return md.toString();
    }

    private void appendGeneration(StringBuilder md) {
        GenerationBench.Result first = generation.get(0);
        md.append(String.format(Locale.ROOT, "Generation: greedy with KV cache, %d-token prompts, %d new tokens; "
                + "decode tokens/s over all rows (ms per decode step).%n%n", first.promptLength(), first.newTokens()));
        List<Integer> batches = new ArrayList<>(new LinkedHashSet<>(generation.stream()
                .map(GenerationBench.Result::batch).toList()));
        md.append("| model | kernels |");
        batches.forEach(b -> md.append(" batch ").append(b).append(" |"));
        md.append("\n|---|---|");
        batches.forEach(b -> md.append("---:|"));
        md.append('\n');
        Set<String> rows = new LinkedHashSet<>();
        generation.forEach(r -> rows.add(r.model() + "\t" + r.kernels()));
        for (String row : rows) {
            String[] key = row.split("\t");
            md.append("| ").append(key[0]).append(" | ").append(key[1]).append(" |");
            for (int b : batches) {
                md.append(generation.stream()
                        .filter(r -> r.model().equals(key[0]) && r.kernels().equals(key[1]) && r.batch() == b)
                        .findFirst()
                        .map(r -> String.format(Locale.ROOT, " %s (%.1f ms) |", rate(r.decodeTokensPerSecond()),
                                r.msPerStep()))
                        .orElse(" – |"));
            }
            md.append('\n');
        }
        md.append('\n');
    }

    private void appendTraining(StringBuilder md) {
        TrainingBench.Result first = training.get(0);
        md.append(String.format(Locale.ROOT, "Training: %d×%d tokens per step, forward + next-token loss + backward + "
                + "global-norm clip + AdamW; median of %d steps after warmup. "
                + "MFU = 6·N·tokens/s over the matmul peak. Kernel CPU s: the process's kernel-mode CPU time in "
                + "the step, mostly page faults on freshly mapped tensor memory.%n%n", first.batch(), first.length(),
                first.steps()));
        md.append("| model | params | kernels | AdamW | tokens/s | step s | forward s | backward s | optimizer s "
                + "| kernel CPU s | MFU |\n");
        md.append("|---|---:|---|---|---:|---:|---:|---:|---:|---:|---:|\n");
        for (TrainingBench.Result r : training) {
            md.append(String.format(Locale.ROOT,
                    "| %s | %s | %s | %s | %s | %.3f | %.3f | %.3f | %.3f | %s | %.1f%% |%n",
                    r.model(), millions(r.parameters()), r.kernels(), r.optimizer(), rate(r.tokensPerSecond()),
                    r.stepSeconds(), r.forwardSeconds(), r.backwardSeconds(), r.optimizerSeconds(),
                    Double.isNaN(r.kernelSeconds()) ? "–" : String.format(Locale.ROOT, "%.2f", r.kernelSeconds()),
                    100 * r.mfu(peakGflops)));
        }
    }

    private void appendProfile(StringBuilder md) {
        md.append(String.format(Locale.ROOT, "%nWhere the time of a training step goes: each part's forward+backward "
                + "timed alone at the step's shapes (fastest of a few runs, times the layer count); glue = measured "
                + "forward+backward minus the parts (residuals, rotary, reshapes, embedding, per-op overhead).%n%n"));
        md.append("| model | kernels | part | s/step | share | GFLOP | GFLOP/s | of peak |\n");
        md.append("|---|---|---|---:|---:|---:|---:|---:|\n");
        Set<String> groups = new LinkedHashSet<>();
        profile.forEach(p -> groups.add(p.model() + "\t" + p.kernels()));
        for (String group : groups) {
            String[] key = group.split("\t");
            List<ProfileBench.Part> parts = profile.stream()
                    .filter(p -> p.model().equals(key[0]) && p.kernels().equals(key[1])).toList();
            List<TrainingBench.Result> steps = training.stream()
                    .filter(r -> r.model().equals(key[0]) && r.kernels().equals(key[1])).toList();
            double step = steps.stream().mapToDouble(TrainingBench.Result::stepSeconds).min().orElse(Double.NaN);
            for (ProfileBench.Part p : parts) {
                profileRow(md, key, p.part(), p.seconds(), p.gflop(), step);
            }
            if (!steps.isEmpty()) {
                TrainingBench.Result fastest = steps.stream()
                        .min(Comparator.comparingDouble(TrainingBench.Result::stepSeconds)).get();
                double fwdBwd = fastest.forwardSeconds() + fastest.backwardSeconds();
                double partsSum = parts.stream().mapToDouble(ProfileBench.Part::seconds).sum();
                profileRow(md, key, "glue (remainder)", fwdBwd - partsSum, 0, step);
                for (TrainingBench.Result r : steps) {
                    profileRow(md, key, "clip + AdamW (" + r.optimizer() + ")", r.optimizerSeconds(), 0, step);
                }
                double modelGflop = 6e-9 * fastest.parameters() * fastest.batch() * fastest.length();
                profileRow(md, key, "whole step (" + fastest.optimizer() + " AdamW)", step, modelGflop, step);
            }
        }
    }

    private void profileRow(StringBuilder md, String[] key, String part, double seconds, double gflop, double step) {
        md.append(String.format(Locale.ROOT, "| %s | %s | %s | %.3f | %s | %s | %s | %s |%n", key[0], key[1], part,
                seconds, Double.isNaN(step) ? "–" : String.format(Locale.ROOT, "%.0f%%", 100 * seconds / step),
                gflop > 0 ? String.format(Locale.ROOT, gflop < 10 ? "%.2f" : "%.0f", gflop) : "–",
                gflop > 0 ? String.format(Locale.ROOT, "%.0f", gflop / seconds) : "–",
                gflop > 0 ? String.format(Locale.ROOT, "%.0f%%", 100 * gflop / seconds / peakGflops) : "–"));
    }

    private static String rate(double perSecond) {
        return perSecond >= 100 ? String.format(Locale.ROOT, "%.0f", perSecond)
                : String.format(Locale.ROOT, "%.1f", perSecond);
    }

    private static String millions(long n) {
        return String.format(Locale.ROOT, "%.1fM", n / 1e6);
    }

    String json(ObjectMapper mapper) {
        ObjectNode root = mapper.createObjectNode();
        root.put("date", date);
        root.put("threads", threads);
        root.put("load_average", loadAverage);
        root.put("allocator", allocator);
        root.put("matmul_peak_gflops", peakGflops);
        ArrayNode gen = root.putArray("generation");
        for (GenerationBench.Result r : generation) {
            gen.addObject().put("model", r.model()).put("kernels", r.kernels()).put("batch", r.batch())
                    .put("prompt_length", r.promptLength()).put("new_tokens", r.newTokens())
                    .put("prefill_s", r.prefillSeconds()).put("decode_s", r.decodeSeconds())
                    .put("decode_tokens_per_s", r.decodeTokensPerSecond()).put("ms_per_step", r.msPerStep());
        }
        ArrayNode train = root.putArray("training");
        for (TrainingBench.Result r : training) {
            train.addObject().put("model", r.model()).put("kernels", r.kernels()).put("optimizer", r.optimizer())
                    .put("batch", r.batch()).put("length", r.length()).put("parameters", r.parameters())
                    .put("steps", r.steps()).put("forward_s", r.forwardSeconds())
                    .put("backward_s", r.backwardSeconds()).put("optimizer_s", r.optimizerSeconds())
                    .put("kernel_cpu_s", r.kernelSeconds())
                    .put("step_s", r.stepSeconds()).put("tokens_per_s", r.tokensPerSecond())
                    .put("mfu", r.mfu(peakGflops));
        }
        ArrayNode parts = root.putArray("profile");
        for (ProfileBench.Part p : profile) {
            parts.addObject().put("model", p.model()).put("kernels", p.kernels()).put("part", p.part())
                    .put("seconds", p.seconds()).put("gflop", p.gflop());
        }
        try {
            return mapper.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("benchmark report does not serialize", e);
        }
    }
}
