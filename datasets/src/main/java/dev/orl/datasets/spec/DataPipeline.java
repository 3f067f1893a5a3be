package dev.orl.datasets.spec;

import dev.orl.datasets.PromptSource;
import dev.orl.datasets.Seeds;
import dev.orl.datasets.order.EpochSource;
import dev.orl.datasets.order.FilteredSource;
import dev.orl.datasets.order.MixtureSource;
import dev.orl.datasets.order.PromptLength;
import dev.orl.datasets.order.Split;
import dev.orl.rewards.Prompt;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;
import java.util.function.Predicate;
import java.util.function.ToIntFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds a stage's prompt stream from a {@link DataSpec}: loads each source, holds out validation prompts, walks each
 * source's training part in seeded epochs, drops over-long (and, through the hook, too easy or too hard) prompts,
 * and mixes the sources by weight. Build it again from the same spec and restore the cursor to resume.
 */
public final class DataPipeline {

    private static final Logger LOG = LoggerFactory.getLogger(DataPipeline.class);

    private final DataSpec spec;
    private final DatasetLoader loader;
    private final String configKey;
    private ToIntFunction<Prompt> length = PromptLength.chars();
    private Predicate<Prompt> extraFilter;
    private Map<String, Split> splits;

    /** @param configKey where the spec sits in the caller's config, for error messages; may be null */
    public DataPipeline(DataSpec spec, DatasetLoader loader, String configKey) {
        this.spec = spec;
        this.loader = loader;
        this.configKey = configKey;
    }

    /** Measures prompts for {@code max_prompt_length} (default: characters); usually the policy's tokenizer. */
    public DataPipeline withLength(ToIntFunction<Prompt> lengthFunction) {
        this.length = lengthFunction;
        return this;
    }

    /** The difficulty hook: an extra filter on training prompts, e.g. a {@code DifficultyFilter}. */
    public DataPipeline withFilter(Predicate<Prompt> filter) {
        this.extraFilter = filter;
        return this;
    }

    /** The training stream: endless unless {@code epochs} is set. */
    public PromptSource train() {
        List<MixtureSource.Component> components = new ArrayList<>();
        int i = 0;
        for (Map.Entry<String, Split> e : splits().entrySet()) {
            DatasetSpec source = spec.sources().get(i);
            Long shuffleSeed = spec.shuffle() ? Seeds.derive(spec.seed(), i, Seeds.hash(e.getKey())) : null;
            List<Prompt> train = e.getValue().train();
            PromptSource stream = new EpochSource(train, shuffleSeed, spec.epochs());
            if (spec.maxPromptLength() != null) {
                stream = new FilteredSource(stream, PromptLength.atMost(length, spec.maxPromptLength()),
                        e.getKey() + ": max_prompt_length " + spec.maxPromptLength(), train.size());
            }
            if (extraFilter != null) {
                stream = new FilteredSource(stream, extraFilter, e.getKey() + ": difficulty", train.size());
            }
            components.add(new MixtureSource.Component(e.getKey(), source.weight(), stream));
            i++;
        }
        MixtureSource mixture = new MixtureSource(components, Seeds.derive(spec.seed(), -1));
        if (components.size() > 1) {
            // weights default to 1, so sources of very different sizes are still drawn alike: say so up front
            LOG.info("{}: share of draws by source (set by weight, not size): {}",
                    configKey == null ? "data" : configKey, describe(mixture));
        }
        return mixture;
    }

    /** Each source's share of draws and its number of training prompts: "ifeval 80% (600 prompts), arith 10% (…)". */
    private String describe(MixtureSource mixture) {
        StringJoiner out = new StringJoiner(", ");
        mixture.shares().forEach((name, share) -> out.add(String.format(Locale.ROOT, "%s %.0f%% (%d prompts)", name,
                100 * share, splits().get(name).train().size())));
        return out.toString();
    }

    /** The held-out prompts of each source, in file order, by data source name. */
    public Map<String, List<Prompt>> validation() {
        Map<String, List<Prompt>> out = new LinkedHashMap<>();
        splits().forEach((name, split) -> out.put(name, split.validation()));
        return out;
    }

    private Map<String, Split> splits() {
        if (splits == null) {
            splits = new LinkedHashMap<>();
            for (int i = 0; i < spec.sources().size(); i++) {
                DatasetSpec source = spec.sources().get(i);
                String key = (configKey == null ? "sources" : configKey + ".sources") + "[" + i + "]";
                List<Prompt> prompts = loader.load(source, key).prompts();
                if (splits.containsKey(source.name())) {
                    throw new IllegalArgumentException(key + ": source name '" + source.name()
                            + "' is used twice; give one of them a distinct 'name'");
                }
                splits.put(source.name(), Split.of(prompts, spec.validationFraction(), spec.seed()));
            }
        }
        return splits;
    }
}
