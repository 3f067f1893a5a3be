package dev.orl.eval.cli;

import dev.orl.eval.bench.Benchmark;
import dev.orl.eval.bench.BenchmarkData;
import dev.orl.eval.bench.BenchmarkJudge;
import dev.orl.eval.bench.BenchmarkKind;
import dev.orl.eval.bench.BenchmarkResult;
import dev.orl.eval.bench.BenchmarkRunner;
import dev.orl.eval.bench.EvalReport;
import dev.orl.eval.bench.EvalSettings;
import dev.orl.eval.bench.PolicyGenerator;
import dev.orl.eval.bench.SampleDump;
import dev.orl.model.device.CoreBudget;
import dev.orl.model.device.Devices;
import dev.orl.model.device.IntraOpThreads;
import dev.orl.model.io.Checkpoint;
import dev.orl.model.kernels.PlainKernels;
import dev.orl.model.qwen2.Qwen2Model;
import dev.orl.model.tokenizer.ChatTemplate;
import dev.orl.model.tokenizer.HfTokenizer;
import dev.orl.model.tokenizer.Tokenizer;
import dev.orl.model.tokenizer.Tokenizers;
import dev.orl.rewards.Prompt;
import dev.orl.rewards.registry.BasicRewardContext;
import dev.orl.rewards.registry.RewardRegistry;
import dev.orl.sandbox.client.SandboxClient;
import dev.orl.sandbox.server.SandboxServer;
import dev.orl.sandbox.server.ServerConfig;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code orl eval}: benchmark a checkpoint on GSM8K, MATH-500, HumanEval, MBPP and IFEval with honest statistics. */
@Command(name = "eval", mixinStandardHelpOptions = true,
        description = "Generate with a checkpoint on benchmarks and report avg@n, pass@k, maj@k (math) and IFEval "
                + "accuracies with 95%% intervals. Markdown table on stdout, or JSON only with --json.")
public final class EvalCommand implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(EvalCommand.class);

    @Spec
    CommandSpec spec;

    @Option(names = "--checkpoint", required = true, description = "checkpoint directory (HF layout, with tokenizer)")
    Path checkpoint;

    @Option(names = "--bench", split = ",", defaultValue = "gsm8k,math500,humaneval,mbpp,ifeval",
            description = "benchmarks, comma-separated (default ${DEFAULT-VALUE})")
    List<String> benches;

    @Option(names = "--data-dir", defaultValue = "${env:ORL_DATA_DIR}",
            description = "directory laid out like orl's shared datasets (gsm8k/test.jsonl, math500/test.jsonl, "
                    + "humaneval/HumanEval.jsonl.gz, mbpp/mbpp.jsonl, ifeval/input_data.jsonl); default $ORL_DATA_DIR")
    Path dataDir;

    @Option(names = "--path", description = "a benchmark's file, overriding --data-dir: bench=FILE (repeatable)")
    Map<String, Path> paths = new LinkedHashMap<>();

    @Option(names = "--n", defaultValue = "1", description = "samples per problem (default ${DEFAULT-VALUE})")
    int n;

    @Option(names = "--k", split = ",", description = "k of pass@k and maj@k, comma-separated (default: 1 and n)")
    List<Integer> ks;

    @Option(names = "--temperature", defaultValue = "0.6", description = "0 = greedy (default ${DEFAULT-VALUE})")
    double temperature;

    @Option(names = "--top-p", defaultValue = "0.95", description = "default ${DEFAULT-VALUE}")
    double topP;

    @Option(names = "--max-new-tokens", defaultValue = "1024", description = "default ${DEFAULT-VALUE}")
    int maxNewTokens;

    @Option(names = "--limit", description = "only the first M test problems of each benchmark")
    Integer limit;

    @Option(names = "--seed", defaultValue = "0", description = "sampling seed (default ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--out", description = "write the JSON report to this file")
    Path out;

    @Option(names = "--markdown", description = "write the markdown table to this file")
    Path markdown;

    @Option(names = "--samples", description = "write every response with its verdict to this JSONL file")
    Path samples;

    @Option(names = "--json", description = "print only the JSON report on stdout")
    boolean json;

    @Option(names = "--sandbox", split = ",",
            description = "sandbox server URLs for code benchmarks (default: start one in this process)")
    List<URI> sandbox = new ArrayList<>();

    @Option(names = "--template", defaultValue = "auto",
            description = "chat template: auto (qwen25 for HF tokenizers, plain for char), qwen25 or plain")
    String template;

    @Option(names = "--generation-prefix", defaultValue = "",
            description = "text after the assistant turn opens, e.g. '<think>\\n' for reasoning models (default none)")
    String generationPrefix;

    @Option(names = "--batch", defaultValue = "16", description = "sequences decoded together (default ${DEFAULT-VALUE})")
    int batch;

    @Option(names = "--math-strict",
            description = "math counts only marked answers (\\boxed, 'final answer is', ####), no last-number fallback")
    boolean mathStrict;

    @Option(names = "--judge-timeout", defaultValue = "120",
            description = "seconds allowed per judged response (default ${DEFAULT-VALUE})")
    int judgeTimeout;

    @Option(names = "--device", defaultValue = "auto", description = "auto, cpu or gpu:N (default ${DEFAULT-VALUE})")
    String device;

    @Option(names = "--threads", defaultValue = "0",
            description = "CPU threads for the model, 0 = every core; runs sharing a machine set their share "
                    + "(default ${DEFAULT-VALUE})")
    int threads;

    @Override
    public Integer call() throws Exception {
        EvalSettings settings = settings();
        if (!List.of("auto", "qwen25", "plain").contains(template)) {
            throw new ParameterException(spec.commandLine(),
                    "--template must be auto, qwen25 or plain, got '" + template + "'");
        }
        if (threads < 0) {
            throw new ParameterException(spec.commandLine(), "--threads must be >= 0, got " + threads);
        }
        Map<Benchmark, Path> files = files();
        CoreBudget.now(threads, "--threads 1").ifPresent(LOG::warn);
        if (threads > 0) {
            IntraOpThreads.set(threads);
        }
        if (temperature == 0 && n > 1) {
            LOG.warn("--temperature 0 decodes greedily: the {} samples of a problem are identical, so pass@k and "
                    + "maj@k equal the accuracy", n);
        }
        if ("Qwen2ForSequenceClassification".equals(Checkpoint.readConfig(checkpoint).architecture())) {
            throw new ParameterException(spec.commandLine(), "--checkpoint " + checkpoint + " is a reward model"
                    + " (Qwen2ForSequenceClassification), which scores text and does not generate; evaluate a policy,"
                    + " or score with it through a reward_model entry of a recipe");
        }
        Map<Benchmark, List<Prompt>> prompts = new LinkedHashMap<>();
        files.forEach((b, file) -> prompts.put(b, BenchmarkData.load(b, file, limit)));
        boolean needsSandbox = files.keySet().stream().anyMatch(b -> b.kind() == BenchmarkKind.CODE);
        List<BenchmarkResult> results = new ArrayList<>();
        try (Qwen2Model model = Qwen2Model.load(checkpoint, new PlainKernels(), Devices.parse(device));
                Tokenizer tokenizer = Tokenizers.load(checkpoint);
                SandboxServer server = needsSandbox && sandbox.isEmpty()
                        ? SandboxServer.start(ServerConfig.defaults()) : null;
                SandboxClient client = needsSandbox ? client(server) : null) {
            PolicyGenerator generator = new PolicyGenerator(model, tokenizer, chatTemplate(tokenizer), batch);
            BenchmarkRunner runner = new BenchmarkRunner(generator, generator.stopIds(), settings, System.err);
            BasicRewardContext context = new BasicRewardContext(Path.of("").toAbsolutePath(),
                    client == null ? List.of() : List.of(client));
            RewardRegistry registry = RewardRegistry.discover();
            int parallelism = Math.max(2, Runtime.getRuntime().availableProcessors());
            for (Map.Entry<Benchmark, List<Prompt>> e : prompts.entrySet()) {
                Map<String, Object> options = mathStrict && e.getKey().kind() == BenchmarkKind.MATH
                        ? Map.of("strict", true) : Map.of();
                try (BenchmarkJudge judge = BenchmarkJudge.create(e.getKey(), registry, context, parallelism,
                        Duration.ofSeconds(judgeTimeout), options)) {
                    BenchmarkResult r = runner.run(e.getKey(), e.getValue(), judge);
                    LOG.info("{}: {} problems in {}s", r.name(), r.problems(), Math.round(r.seconds()));
                    if (r.unjudged() > 0) {
                        LOG.warn("{}: {} responses could not be judged (counted as wrong): {}", r.name(),
                                r.unjudged(), r.statuses());
                    }
                    results.add(r);
                }
            }
        }
        EvalReport report = new EvalReport(checkpoint.toString(), settings, results);
        write(report);
        return 0;
    }

    private void write(EvalReport report) throws IOException {
        if (out != null) {
            createParent(out);
            Files.writeString(out, report.toJsonString() + "\n");
        }
        if (samples != null) {
            SampleDump.write(samples, report.results());
        }
        if (markdown != null) {
            createParent(markdown);
            Files.writeString(markdown, report.toMarkdown());
        }
        PrintWriter stdout = spec.commandLine().getOut();
        stdout.print(json ? report.toJsonString() + "\n" : report.toMarkdown());
        stdout.flush();
    }

    private static void createParent(Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
    }

    private EvalSettings settings() {
        List<Integer> k = ks == null || ks.isEmpty() ? (n == 1 ? List.of(1) : List.of(1, n)) : ks;
        try {
            return new EvalSettings(n, k, temperature, topP, maxNewTokens, seed, limit, Math.max(1, batch / n));
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    /** Each requested benchmark's file: its --path, else its usual place under --data-dir; all checked up front. */
    private Map<Benchmark, Path> files() {
        Map<Benchmark, Path> files = new LinkedHashMap<>();
        for (String name : paths.keySet()) {
            if (!benches.contains(name)) {
                throw new ParameterException(spec.commandLine(), "--path " + name + "=... names a benchmark not in "
                        + "--bench " + String.join(",", benches));
            }
        }
        for (String name : benches) {
            Benchmark b;
            try {
                b = Benchmark.builtIn(name.trim());
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), "--bench: " + e.getMessage());
            }
            Path file = paths.get(b.name());
            if (file == null) {
                if (dataDir == null) {
                    throw new ParameterException(spec.commandLine(), "no data for benchmark '" + b.name()
                            + "': give --data-dir DIR (holding " + b.relativePath() + ") or --path " + b.name()
                            + "=FILE");
                }
                file = dataDir.resolve(b.relativePath());
            }
            if (!Files.isRegularFile(file)) {
                throw new ParameterException(spec.commandLine(), "benchmark '" + b.name() + "': no file " + file);
            }
            files.put(b, file);
        }
        return files;
    }

    private SandboxClient client(SandboxServer server) {
        List<URI> urls = server != null ? List.of(server.uri()) : sandbox;
        return SandboxClient.builder().urls(urls).build();
    }

    private ChatTemplate chatTemplate(Tokenizer tokenizer) {
        ChatTemplate base = switch (template) {
            case "auto" -> tokenizer instanceof HfTokenizer ? ChatTemplate.qwen25() : ChatTemplate.plain();
            case "qwen25" -> ChatTemplate.qwen25();
            default -> ChatTemplate.plain();
        };
        return new ChatTemplate(base.defaultSystemPrompt(), generationPrefix.replace("\\n", "\n"));
    }
}
