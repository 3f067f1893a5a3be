package dev.orl.datasets.spec;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.orl.datasets.jsonl.OnError;
import dev.orl.datasets.template.PromptTemplate;
import java.util.Objects;

/**
 * One data set as a recipe names it. Binds from YAML/JSON with Jackson; unknown keys are rejected.
 *
 * @param name the data source name prompts are routed and reported by (default: the format)
 * @param format a file format ({@code gsm8k}, {@code math}, {@code humaneval}, {@code mbpp}, {@code ifeval},
 *     {@code preference}, {@code orl}) or a generator ({@code synthetic/arith}, ...)
 * @param path the JSONL or JSONL.gz file, relative to the loader's base directory (under the CLI, the working
 *     directory); none for generators
 * @param weight share in a mixture, relative to the other sources (default 1)
 * @param template how questions become chat turns (default: chat, the format's own instruction)
 * @param onError {@code fail} (default) or {@code skip} malformed records
 * @param limit keep only the first N records (after loading, before splitting); null for all
 * @param synthetic generator settings, for synthetic formats only
 */
public record DatasetSpec(
        @JsonProperty("name") String name,
        @JsonProperty(value = "format", required = true) String format,
        @JsonProperty("path") String path,
        @JsonProperty("weight") Double weight,
        @JsonProperty("template") PromptTemplate template,
        @JsonProperty("on_error") OnError onError,
        @JsonProperty("limit") Integer limit,
        @JsonProperty("synthetic") SyntheticSpec synthetic) {

    @JsonCreator
    public DatasetSpec {
        Objects.requireNonNull(format, "format");
        name = name == null ? format : name;
        weight = weight == null ? 1.0 : weight;
        template = template == null ? PromptTemplate.defaults() : template;
        onError = onError == null ? OnError.FAIL : onError;
        if (!(weight > 0)) {
            throw new IllegalArgumentException("weight of '" + name + "' must be positive, got " + weight);
        }
        if (limit != null && limit < 0) {
            throw new IllegalArgumentException("limit of '" + name + "' must be >= 0, got " + limit);
        }
    }

    /** A file source with defaults for everything else. */
    public static DatasetSpec file(String format, String path) {
        return new DatasetSpec(null, format, path, null, null, null, null, null);
    }

    /** A synthetic source with defaults for everything else. */
    public static DatasetSpec synthetic(String generator, SyntheticSpec settings) {
        return new DatasetSpec(null, generator, null, null, null, null, null, settings);
    }

    public DatasetSpec withWeight(double w) {
        return new DatasetSpec(name, format, path, w, template, onError, limit, synthetic);
    }

    public DatasetSpec withName(String n) {
        return new DatasetSpec(n, format, path, weight, template, onError, limit, synthetic);
    }
}
