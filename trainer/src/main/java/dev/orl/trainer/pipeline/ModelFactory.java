package dev.orl.trainer.pipeline;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import ai.djl.ndarray.NDArray;
import dev.orl.model.config.Qwen2Config;
import dev.orl.model.heads.ScoreHead;
import dev.orl.model.heads.ValueHead;
import dev.orl.model.io.Checkpoint;
import dev.orl.model.kernels.Kernels;
import dev.orl.model.kernels.torchscript.TorchScriptKernels;
import dev.orl.model.qwen2.Qwen2Model;
import dev.orl.model.tokenizer.CharTokenizer;
import dev.orl.model.tokenizer.ChatTemplate;
import dev.orl.model.tokenizer.Tokenizer;
import dev.orl.model.tokenizer.Tokenizers;
import dev.orl.trainer.recipe.ModelSpec;
import dev.orl.trainer.rollout.Policy;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Makes the models of a run: the top-level policy (an HF checkpoint on disk, or fresh weights from an architecture
 * config and a tokenizer), and any stage's final weights. Owns the fused kernels every model of the run shares.
 */
public final class ModelFactory implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Device device;
    private final Path baseDir;
    private final NDManager kernelManager;
    private final TorchScriptKernels kernels;

    public ModelFactory(Device device, Path baseDir) {
        this.device = device;
        this.baseDir = baseDir;
        this.kernelManager = NDManager.newBaseManager(device);
        this.kernels = TorchScriptKernels.create(kernelManager);
    }

    /** The kernels shared by every model of the run. */
    public Kernels kernels() {
        return kernels;
    }

    /** The top-level policy of a recipe: loaded from its checkpoint, or fresh with weights drawn from {@code seed}. */
    public Policy topLevel(ModelSpec spec, long seed) throws IOException {
        if (spec.checkpoint() != null) {
            return load(baseDir.resolve(spec.checkpoint()), spec.tokenizer());
        }
        Tokenizer tokenizer = tokenizer(spec.tokenizer());
        Qwen2Config config = freshConfig(spec.init(), tokenizer);
        return new Policy(Qwen2Model.random(config, kernels, device, seed), tokenizer, templateFor(tokenizer));
    }

    /** A policy from an HF-layout directory; its tokenizer comes from the directory unless {@code tokenizerSpec}. */
    public Policy load(Path dir, JsonNode tokenizerSpec) throws IOException {
        Tokenizer tokenizer = tokenizerSpec == null || tokenizerSpec.isNull() ? Tokenizers.load(dir)
                : tokenizer(tokenizerSpec);
        Qwen2Model model = Qwen2Model.load(dir, kernels, device);
        return new Policy(model, tokenizer, templateFor(tokenizer));
    }

    /**
     * A checkpoint of this run with its head tensors: the policy plus the critic's value head or a reward model's
     * score head when the checkpoint holds one.
     *
     * @param valueHead null when absent
     * @param scoreHead null when absent
     */
    public record Loaded(Policy policy, ValueHead valueHead, ScoreHead scoreHead) {}

    /** Loads {@code dir} (decoder, tokenizer and any heads). */
    public Loaded loadWithHeads(Path dir) throws IOException {
        Tokenizer tokenizer = Tokenizers.load(dir);
        Qwen2Config config = Checkpoint.readConfig(dir);
        NDManager manager = NDManager.newBaseManager(device);
        try {
            Map<String, NDArray> tensors = Checkpoint.readTensors(dir, manager);
            ValueHead value = ValueHead.from(tensors, manager).orElse(null);
            ScoreHead score = ScoreHead.from(tensors, manager).orElse(null);
            Qwen2Model model = Qwen2Model.fromTensors(config, kernels, manager, tensors);
            tensors.values().forEach(NDArray::close);
            return new Loaded(new Policy(model, tokenizer, templateFor(tokenizer)), value, score);
        } catch (IOException | RuntimeException e) {
            manager.close();
            throw e;
        }
    }

    /**
     * The same weights under another architecture name (a reward model initialised from a policy); takes the
     * weights over from {@code policy}, whose model must not be used afterwards.
     */
    public Policy convert(Policy policy, String architecture, int labels) {
        Map<String, NDArray> tensors = new LinkedHashMap<>(policy.model().parameters());
        NDManager manager = NDManager.newBaseManager(device);
        Qwen2Model model = Qwen2Model.fromTensors(policy.model().config().withArchitecture(architecture, labels),
                kernels, manager, tensors);
        policy.model().close();
        return new Policy(model, policy.tokenizer(), policy.template());
    }

    private Tokenizer tokenizer(JsonNode spec) throws IOException {
        Path dir = tokenizerDir(spec, baseDir);
        return dir == null ? CharTokenizer.ascii() : Tokenizers.load(dir);
    }

    /** The directory a tokenizer spec reads from; {@code null} for orl's built-in {@code char} tokenizer. */
    private static Path tokenizerDir(JsonNode spec, Path baseDir) {
        if (spec.isTextual()) {
            return spec.asText().equals("char") ? null : baseDir.resolve(spec.asText());
        }
        Path path = baseDir.resolve(spec.path("path").asText());
        return path.toFile().isDirectory() ? path : path.getParent();
    }

    /**
     * Checks, without reading any weights, that the top-level model of a recipe can be loaded: the tokenizer spec
     * names a tokenizer, and a checkpoint directory holds {@code config.json}, its weight files and (unless the spec
     * gives one) a tokenizer. Each failure names the missing file.
     *
     * @throws ModelProblem the first problem, with the recipe key to blame
     */
    public static void check(ModelSpec spec, Path baseDir) throws ModelProblem {
        boolean ownTokenizer = spec.tokenizer() != null && !spec.tokenizer().isNull();
        if (ownTokenizer) {
            Path dir = tokenizerDir(spec.tokenizer(), baseDir);
            try {
                if (dir != null) {
                    Tokenizers.locate(dir);
                }
            } catch (IOException e) {
                throw new ModelProblem("model.tokenizer", e);
            }
        }
        if (spec.checkpoint() == null) {
            return;
        }
        Path dir = baseDir.resolve(spec.checkpoint());
        try {
            Checkpoint.readConfig(dir);
            Checkpoint.weightFiles(dir);
            if (!ownTokenizer) {
                Tokenizers.locate(dir);
            }
        } catch (IOException e) {
            throw new ModelProblem("model.checkpoint", e);
        }
    }

    /** Why a recipe's model cannot be loaded, and the recipe key to blame. */
    public static final class ModelProblem extends Exception {
        private final String key;

        ModelProblem(String key, IOException cause) {
            super(cause.getMessage(), cause);
            this.key = key;
        }

        /** The recipe key to blame: {@code model.checkpoint} or {@code model.tokenizer}. */
        public String key() {
            return key;
        }
    }

    /** Char models answer without a system turn; Qwen checkpoints get Qwen2.5's default system prompt. */
    private static ChatTemplate templateFor(Tokenizer tokenizer) {
        return tokenizer instanceof CharTokenizer ? ChatTemplate.plain() : ChatTemplate.qwen25();
    }

    /** The model module's config keys with Qwen2 defaults filled in; the vocabulary defaults to the tokenizer's. */
    static Qwen2Config freshConfig(JsonNode init, Tokenizer tokenizer) {
        ObjectNode c = JSON.createObjectNode();
        c.put("model_type", "qwen2");
        c.putArray("architectures").add("Qwen2ForCausalLM");
        c.put("vocab_size", tokenizer.vocabSize());
        c.put("max_position_embeddings", 2048);
        c.put("rope_theta", 10000.0);
        c.put("rms_norm_eps", 1e-6);
        c.put("tie_word_embeddings", true);
        init.fields().forEachRemaining(e -> c.set(e.getKey(), e.getValue()));
        if (!c.has("intermediate_size") && c.has("hidden_size")) {
            c.put("intermediate_size", 4 * c.get("hidden_size").asInt());
        }
        return Qwen2Config.fromJson(c);
    }

    @Override
    public void close() {
        kernels.close();
        kernelManager.close();
    }
}
