package dev.orl.model.bench;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.pytorch.jni.JniUtils;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.orl.model.device.NativeAllocator;
import dev.orl.model.kernels.Kernels;
import dev.orl.model.kernels.PlainKernels;
import dev.orl.model.kernels.torchscript.TorchScriptKernels;
import dev.orl.model.optim.AdamW;
import dev.orl.model.optim.AdamWConfig;
import dev.orl.model.optim.NamedParameter;
import dev.orl.model.qwen2.Qwen2Model;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code orl bench model}: in one run, the matmul peak, then per model shape generation tokens/s at several batch
 * sizes and training tokens/s with model-FLOPs utilization, each with plain and fused kernels and AdamW paths.
 */
@Command(name = "model", mixinStandardHelpOptions = true,
        description = "Benchmark generation and training speed of the Qwen2 model (markdown table on stdout).")
public final class ModelBenchCommand implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(ModelBenchCommand.class);

    @Spec
    private CommandSpec spec;

    @Option(names = "--models", split = ",", description = "model shapes: tiny, qwen2.5-0.5b (default: both; "
            + "--quick: tiny)")
    private List<String> models;

    @Option(names = "--kernels", split = ",", defaultValue = "plain,torchscript",
            description = "kernels to compare: plain, torchscript (default: ${DEFAULT-VALUE})")
    private List<String> kernels;

    @Option(names = "--optimizers", split = ",", defaultValue = "plain,fused",
            description = "AdamW paths to compare: plain, fused (default: ${DEFAULT-VALUE})")
    private List<String> optimizers;

    @Option(names = "--batches", split = ",", description = "generation batch sizes (default 1,8,64; --quick: 1,8)")
    private List<Integer> batches;

    @Option(names = "--new-tokens", description = "tokens generated per row (default 32; --quick: 4)")
    private Integer newTokens;

    @Option(names = "--prompt-length", description = "prompt tokens per row (default 16; --quick: 8)")
    private Integer promptLength;

    @Option(names = "--train-batch", description = "sequences per training step (default 8; --quick: 2)")
    private Integer trainBatch;

    @Option(names = "--train-length", description = "tokens per training sequence (default 128; --quick: 16)")
    private Integer trainLength;

    @Option(names = "--steps", description = "measured training steps (default 3; --quick: 1)")
    private Integer steps;

    /**
     * Two by default: the first step creates the gradient buffers, and with an allocator that keeps freed memory
     * (see NativeAllocator) the second still grows the heap around them (measured on the 0.5B shape: 2.0M, 456k and
     * 70 page faults in steps 1, 2 and 3), so the third is the first in steady state.
     */
    @Option(names = "--warmup", description = "unmeasured training steps first (default 2; --quick: 0)")
    private Integer warmup;

    @Option(names = "--skip-generation", description = "only measure training")
    private boolean skipGeneration;

    @Option(names = "--skip-training", description = "only measure generation")
    private boolean skipTraining;

    @Option(names = "--profile", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "time the parts of a training step in isolation (default on; --no-profile skips it)")
    private boolean profile;

    @Option(names = "--quick", description = "a small, fast run (tiny model, short sequences) to check it works")
    private boolean quick;

    @Option(names = "--threads", description = "libtorch intra-op threads (default: libtorch's choice, one per core)")
    private Integer threads;

    @Option(names = "--seed", defaultValue = "1", description = "seed for weights and tokens")
    private long seed;

    @Option(names = "--json", description = "print the results as one JSON object instead of markdown")
    private boolean json;

    @Override
    public Integer call() {
        List<BenchModel> shapes = orDefault(models, quick ? List.of("tiny") : List.of("tiny", "qwen2.5-0.5b"))
                .stream().map(BenchModel::byName).toList();
        kernels.forEach(ModelBenchCommand::checkKernelsName);
        optimizers.forEach(ModelBenchCommand::checkOptimizerName);
        String date = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
        String loadAtStart = loadAverage();
        NativeAllocator allocator = NativeAllocator.current();
        if (!allocator.reusesFreedMemory()) {
            LOG.warn("{}: training figures include the kernel's page-fault time", allocator.describe());
        }
        List<GenerationBench.Result> generation = new ArrayList<>();
        List<TrainingBench.Result> training = new ArrayList<>();
        List<ProfileBench.Part> parts = new ArrayList<>();
        double peak;
        try (NDManager root = NDManager.newBaseManager(); TorchScriptKernels fused = TorchScriptKernels.create(root)) {
            Engine.getInstance().setRandomSeed((int) seed);
            if (threads != null) {
                // after the engine has loaded, or libtorch's own initialisation would override it
                JniUtils.setNumThreads(threads);
            }
            LOG.info("measuring the 2048² fp32 matmul peak");
            peak = MatmulPeak.gflops(root, 2048, quick ? 3 : 10);
            LOG.info("matmul peak {} GFLOP/s", Math.round(peak));
            for (BenchModel shape : shapes) {
                benchModel(shape, root, fused, generation, training, parts);
            }
            // Measured again at the end and the higher figure kept: other work on a shared machine can only lower
            // the peak, and a lowered denominator would flatter the MFU.
            double peakAtEnd = MatmulPeak.gflops(root, 2048, quick ? 3 : 10);
            LOG.info("matmul peak at the end {} GFLOP/s", Math.round(peakAtEnd));
            peak = Math.max(peak, peakAtEnd);
        }
        BenchReport report = new BenchReport(date, JniUtils.getNumThreads(),
                loadAtStart.isEmpty() ? "" : loadAtStart + " → " + loadAverage(), allocator.describe(), peak,
                generation, training, parts);
        PrintWriter out = spec.commandLine().getOut();
        out.println(json ? report.json(new ObjectMapper()) : report.markdown());
        out.flush();
        return 0;
    }

    private void benchModel(BenchModel shape, NDManager root, TorchScriptKernels fused,
            List<GenerationBench.Result> generation, List<TrainingBench.Result> training,
            List<ProfileBench.Part> parts) {
        Kernels plain = new PlainKernels();
        SwitchableKernels switchable = new SwitchableKernels(plain);
        LOG.info("building {} ({} parameters, random weights)", shape.name(), shape.config().parameterCount());
        try (Qwen2Model model = shape.instantiate(switchable, root)) {
            if (!skipGeneration) {
                for (String k : kernels) {
                    switchable.use(k.equals("plain") ? plain : fused);
                    for (int b : orDefault(batches, quick ? List.of(1, 8) : List.of(1, 8, 64))) {
                        LOG.info("{} generation, {} kernels, batch {}", shape.name(), k, b);
                        GenerationBench.Result r = GenerationBench.run(shape.name(), model, root, b,
                                orDefault(promptLength, quick ? 8 : 16), orDefault(newTokens, quick ? 4 : 32), seed);
                        LOG.info("  {} tokens/s", Math.round(r.decodeTokensPerSecond()));
                        generation.add(r);
                    }
                }
            }
            if (!skipTraining) {
                model.setTrainable(true);
                List<NamedParameter> params = new ArrayList<>();
                for (Map.Entry<String, NDArray> e : model.parameters().entrySet()) {
                    params.add(new NamedParameter(e.getKey(), e.getValue()));
                }
                int batch = orDefault(trainBatch, quick ? 2 : 8);
                int length = orDefault(trainLength, quick ? 16 : 128);
                for (String k : kernels) {
                    switchable.use(k.equals("plain") ? plain : fused);
                    if (profile) {
                        LOG.info("{} profile of the step's parts, {} kernels", shape.name(), k);
                        for (ProfileBench.Part p : ProfileBench.run(shape.name(), shape.config(), switchable, root,
                                batch, length, quick ? 1 : 3)) {
                            LOG.info("  {}: {} s", p.part(), String.format("%.3f", p.seconds()));
                            parts.add(p);
                        }
                    }
                    for (String o : optimizers) {
                        LOG.info("{} training, {} kernels, {} AdamW", shape.name(), k, o);
                        try (AdamW adamw = AdamW.create(o.equals("fused"), params, AdamWConfig.defaults(), root)) {
                            TrainingBench.Result r = TrainingBench.run(shape.name(), model, adamw, root, batch,
                                    length, orDefault(warmup, quick ? 0 : 2), orDefault(steps, quick ? 1 : 3), seed);
                            LOG.info("  {} tokens/s, {} s/step", Math.round(r.tokensPerSecond()),
                                    String.format("%.3f", r.stepSeconds()));
                            training.add(r);
                        }
                    }
                }
            }
        }
    }

    /** The 1-minute load average from {@code /proc/loadavg}, or empty off Linux. */
    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }

    private static void checkKernelsName(String name) {
        if (!name.equals("plain") && !name.equals("torchscript")) {
            throw new IllegalArgumentException("--kernels: unknown '" + name + "'; expected plain or torchscript");
        }
    }

    private static void checkOptimizerName(String name) {
        if (!name.equals("plain") && !name.equals("fused")) {
            throw new IllegalArgumentException("--optimizers: unknown '" + name + "'; expected plain or fused");
        }
    }

    private static <T> T orDefault(T value, T fallback) {
        return value != null ? value : fallback;
    }
}
