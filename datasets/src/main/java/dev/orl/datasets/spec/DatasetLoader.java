package dev.orl.datasets.spec;

import dev.orl.datasets.DatasetException;
import dev.orl.datasets.adapters.Adapters;
import dev.orl.datasets.adapters.RecordAdapter;
import dev.orl.datasets.jsonl.JsonRecord;
import dev.orl.datasets.jsonl.JsonlFile;
import dev.orl.datasets.jsonl.OnError;
import dev.orl.datasets.synthetic.Generators;
import dev.orl.datasets.synthetic.SyntheticDataset;
import dev.orl.datasets.synthetic.TaskGenerator;
import dev.orl.rewards.Prompt;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Loads the prompts of one {@link DatasetSpec}: reads and converts a file, or runs a generator; then templates. */
public final class DatasetLoader {

    private static final Logger LOG = LoggerFactory.getLogger(DatasetLoader.class);

    private final Adapters adapters;
    private final Generators generators;
    private final Path baseDir;

    /** @param baseDir relative paths in specs resolve against this (the CLI passes the working directory) */
    public DatasetLoader(Adapters adapters, Generators generators, Path baseDir) {
        this.adapters = adapters;
        this.generators = generators;
        this.baseDir = baseDir;
    }

    public static DatasetLoader builtIn(Path baseDir) {
        return new DatasetLoader(Adapters.builtIn(), Generators.builtIn(), baseDir);
    }

    /** What a load produced: the prompts and how many malformed records were skipped. */
    public record Loaded(DatasetSpec spec, List<Prompt> prompts, int skipped) {
        public Loaded {
            prompts = List.copyOf(prompts);
        }
    }

    /**
     * Loads one data set.
     *
     * @param configKey where the spec sits in the caller's config (e.g. {@code stages.rl.data.sources[0]}), so a
     *     missing file names the key that pointed to it; may be null
     */
    public Loaded load(DatasetSpec spec, String configKey) {
        Loaded loaded = generators.has(spec.format()) ? generate(spec) : read(spec, configKey);
        if (spec.limit() != null && spec.limit() < loaded.prompts().size()) {
            loaded = new Loaded(spec, loaded.prompts().subList(0, spec.limit()), loaded.skipped());
        }
        LOG.info("data source '{}': {} prompts ({} skipped)", spec.name(), loaded.prompts().size(), loaded.skipped());
        return loaded;
    }

    private Loaded read(DatasetSpec spec, String configKey) {
        if (!adapters.has(spec.format())) {
            // Not adapters.forFormat's error: that one cannot list the generators, which are formats here too.
            throw new IllegalArgumentException("unknown data format '" + spec.format() + "' (known: "
                    + String.join(", ", knownFormats()) + ")");
        }
        RecordAdapter adapter = adapters.forFormat(spec.format());
        String pathKey = configKey == null ? "path" : configKey + ".path";
        if (spec.path() == null) {
            throw new DatasetException("'" + pathKey + "' is required for format '" + spec.format() + "'");
        }
        Path path = baseDir.resolve(spec.path());
        JsonlFile.Contents contents = JsonlFile.read(path, spec.onError(), pathKey);
        List<Prompt> prompts = new ArrayList<>(contents.records().size());
        Set<String> ids = new HashSet<>();
        int skipped = contents.skipped();
        for (JsonRecord record : contents.records()) {
            try {
                Prompt raw = adapter.toPrompt(record.node(), spec.name(), spec.name() + "/" + record.line());
                if (!ids.add(raw.id())) {
                    throw new IllegalArgumentException("duplicate id '" + raw.id() + "'");
                }
                prompts.add(spec.template().apply(raw, adapter.defaultInstruction()));
            } catch (IllegalArgumentException | NullPointerException e) {
                DatasetException error = DatasetException.at(record.file(), record.line(),
                        spec.format() + " record: " + e.getMessage());
                if (spec.onError() == OnError.FAIL) {
                    throw error;
                }
                LOG.warn("skipping {}", error.getMessage());
                skipped++;
            }
        }
        return new Loaded(spec, prompts, skipped);
    }

    /** Every format a spec may name: the file formats, then the generators ({@code synthetic/...}). */
    public List<String> knownFormats() {
        List<String> known = new ArrayList<>(adapters.formats());
        known.addAll(generators.names());
        return known;
    }

    private Loaded generate(DatasetSpec spec) {
        TaskGenerator generator = generators.forName(spec.format());
        SyntheticSpec s = spec.synthetic() == null ? SyntheticSpec.defaults() : spec.synthetic();
        SyntheticDataset dataset = new SyntheticDataset(generator, spec.name(), s.seed(), s.split(), s.minLevel(),
                s.maxLevel(), s.teacherErrorRate());
        List<Prompt> prompts = new ArrayList<>(s.count());
        for (Prompt p : dataset.prompts(s.count())) {
            prompts.add(spec.template().apply(p, ""));
        }
        return new Loaded(spec, prompts, 0);
    }
}
