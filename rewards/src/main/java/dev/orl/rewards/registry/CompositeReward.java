package dev.orl.rewards.registry;

import dev.orl.model.sampling.Completion;
import dev.orl.rewards.Prompt;
import dev.orl.rewards.Reward;
import dev.orl.rewards.RewardFunction;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The reward of a recipe: for each data source, the weighted sum of the functions routed to it.
 *
 * <p>Rules, in order: a function not routed to the prompt's data source contributes nothing; a {@code null} score
 * means "not applicable" and is left out of the sum; a non-OK status of a function with a non-zero weight makes the
 * whole reward non-OK with a {@code null} score (counted by the scorer, never turned into 0); a zero-weight function
 * is a metric: its score appears in {@code components} but not in the sum, and its failures do not spoil the sum.
 * {@code components} hold each function's own (unweighted) score, and the parts a function reported under
 * {@code <function>/<part>}; {@code info} holds each function's info under its name.
 */
public final class CompositeReward implements RewardFunction {

    /** One routed, weighted function of the composite. */
    public record Part(RewardSpec spec, RewardFunction function) {
        public Part {
            Objects.requireNonNull(spec, "spec");
            Objects.requireNonNull(function, "function");
        }

        public String name() {
            return spec.name();
        }

        /** Recipe routing wins; without it the function decides. */
        public boolean appliesTo(String dataSource) {
            return spec.dataSources().isEmpty() ? function.appliesTo(dataSource)
                    : spec.dataSources().contains(dataSource);
        }
    }

    private final List<Part> parts;

    public CompositeReward(List<Part> parts) {
        this.parts = List.copyOf(parts);
        Set<String> seen = new HashSet<>();
        for (Part part : this.parts) {
            if (!seen.add(part.name())) {
                throw new IllegalArgumentException("reward '" + part.name() + "' is listed twice; its metrics and"
                        + " components would collide. Merge the entries (data_sources takes a list).");
            }
        }
    }

    public List<Part> parts() {
        return parts;
    }

    /** The names of all functions, in recipe order: the {@code reward/<name>/mean} metrics this composite logs. */
    public List<String> functionNames() {
        return parts.stream().map(Part::name).toList();
    }

    /** The parts routed to {@code dataSource}, in recipe order. */
    public List<Part> partsFor(String dataSource) {
        return parts.stream().filter(part -> part.appliesTo(dataSource)).toList();
    }

    @Override
    public String name() {
        return "composite";
    }

    @Override
    public boolean appliesTo(String dataSource) {
        return !partsFor(dataSource).isEmpty();
    }

    /**
     * Scores sequentially in the caller's thread, with no time limit; batch scoring with hard timeouts is
     * {@link RewardScorer}'s job.
     */
    @Override
    public Reward score(Prompt prompt, Completion completion) {
        Map<String, Reward> results = new LinkedHashMap<>();
        for (Part part : partsFor(prompt.dataSource())) {
            results.put(part.name(), RewardScorer.callSafely(part.function(), prompt, completion));
        }
        return combine(prompt.dataSource(), results);
    }

    /**
     * Combines the rewards of the parts routed to {@code dataSource} (keyed by function name) into one reward.
     * A routed part missing from {@code results} counts as an {@link Reward.Status#ERROR}.
     */
    public Reward combine(String dataSource, Map<String, Reward> results) {
        Map<String, Double> components = new LinkedHashMap<>();
        Map<String, Object> info = new LinkedHashMap<>();
        Map<String, Object> failures = new LinkedHashMap<>();
        Reward.Status worst = Reward.Status.OK;
        double sum = 0;
        boolean scored = false;
        for (Part part : partsFor(dataSource)) {
            Reward result = results.getOrDefault(part.name(),
                    Reward.failed(Reward.Status.ERROR, "no result was produced"));
            if (!result.info().isEmpty()) {
                info.put(part.name(), result.info());
            }
            if (result.status() != Reward.Status.OK) {
                failures.put(part.name(), result.status().name());
                if (part.spec().weighted()) {
                    worst = worse(worst, result.status());
                }
                continue;
            }
            if (result.score() == null) {
                continue;
            }
            components.put(part.name(), result.score());
            result.components().forEach((sub, v) -> components.put(part.name() + "/" + sub, v));
            if (part.spec().weighted()) {
                sum += part.spec().weight() * result.score();
                scored = true;
            }
        }
        if (!failures.isEmpty()) {
            info.put("failed", failures);
        }
        if (worst != Reward.Status.OK) {
            return new Reward(null, components, info, worst);
        }
        return new Reward(scored ? sum : null, components, info, Reward.Status.OK);
    }

    /**
     * The weight of each channel of {@code reward} (combined by this composite for a prompt of {@code dataSource}),
     * keyed like its {@code components}: a weighted function that reported parts is split into them, each at its
     * weight over their count (its score is their mean), and any other weighted function is one channel at its
     * weight. Zero-weight metrics and functions without a score are left out. Decoupled advantage estimators
     * normalise each channel on its own before summing them with these weights.
     */
    public Map<String, Double> channelWeights(String dataSource, Reward reward) {
        Map<String, Double> weights = new LinkedHashMap<>();
        for (Part part : partsFor(dataSource)) {
            if (!part.spec().weighted() || !reward.components().containsKey(part.name())) {
                continue;
            }
            String prefix = part.name() + "/";
            List<String> subs = reward.components().keySet().stream().filter(k -> k.startsWith(prefix)).toList();
            if (subs.isEmpty()) {
                weights.put(part.name(), part.spec().weight());
            } else {
                subs.forEach(sub -> weights.put(sub, part.spec().weight() / subs.size()));
            }
        }
        return weights;
    }

    /** Infrastructure failures outrank a timeout, which outranks an unparseable input. */
    private static Reward.Status worse(Reward.Status a, Reward.Status b) {
        return rank(b) > rank(a) ? b : a;
    }

    private static int rank(Reward.Status status) {
        return switch (status) {
            case OK -> 0;
            case UNPARSEABLE -> 1;
            case TIMEOUT -> 2;
            case ERROR -> 3;
        };
    }

    @Override
    public String toString() {
        List<String> described = new ArrayList<>();
        for (Part part : parts) {
            described.add(part.name() + "×" + part.spec().weight()
                    + (part.spec().dataSources().isEmpty() ? "" : part.spec().dataSources().toString()));
        }
        return "CompositeReward" + described;
    }
}
