package dev.orl.rewards.ifeval;

import dev.orl.model.sampling.Completion;
import dev.orl.rewards.Prompt;
import dev.orl.rewards.Reward;
import dev.orl.rewards.RewardFunction;
import dev.orl.rewards.registry.SourcePatterns;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * IFEval instruction following as a reward: reads {@code instruction_id_list} and {@code kwargs} from the prompt's
 * reference (as in IFEval's data) and scores the answer 1/0 at prompt level (every instruction followed), with the
 * fraction of instructions followed at instruction level, or at graded level with the mean over instructions of 1
 * for each followed and half its {@link PartialCredit} share for each broken one; strict by default or loose.
 *
 * <p>At instruction and graded level the reward's {@code components} hold each instruction's share of the score
 * (the score is their mean), so that an estimator such as {@code gdpo} can normalise them one by one.
 *
 * <p>Only the answer is judged: with {@code stripThink}, text up to the last {@code </think>} is dropped. A prompt
 * without instructions is "not applicable"; malformed instructions or kwargs give {@code UNPARSEABLE}.
 *
 * <p>It judges the data sources in {@link #DEFAULT_SOURCES} (IFEval's own data and the synthetic instruction
 * generator's) unless given others ({@link SourcePatterns}); with {@code *} every prompt whose reference carries an
 * {@code instruction_id_list} is judged, whatever its source.
 */
public final class IfevalReward implements RewardFunction {
    public static final String NAME = "ifeval";

    /**
     * Whether one prompt scores all-or-nothing, by the share of instructions followed, or by that share plus partial
     * credit for the broken instructions that have a measure of how nearly they were followed.
     */
    public enum Level { PROMPT, INSTRUCTION, GRADED }

    /**
     * What a broken instruction earns at most at graded level: half, so that the nearest miss stays well below a hit
     * (the judged metric is all-or-nothing) while still ranking above a wide miss.
     */
    static final double PARTIAL_WEIGHT = 0.5;

    /** IFEval data ({@code ifeval}, {@code ifeval/...}) and the datasets module's synthetic instruction prompts. */
    public static final Set<String> DEFAULT_SOURCES = Set.of("ifeval", "ifeval/", "synthetic/ifeval");

    private static final String THINK_END = "</think>";

    private final IfevalEvaluator evaluator;
    private final Level level;
    private final boolean loose;
    private final boolean stripThink;
    private final Set<String> sources;

    /** A reward judging the {@link #DEFAULT_SOURCES}. */
    public IfevalReward(IfevalEvaluator evaluator, Level level, boolean loose, boolean stripThink) {
        this(evaluator, level, loose, stripThink, DEFAULT_SOURCES);
    }

    /** A reward judging the data sources matched by {@code sources} (see {@link SourcePatterns}). */
    public IfevalReward(IfevalEvaluator evaluator, Level level, boolean loose, boolean stripThink,
            Set<String> sources) {
        this.evaluator = evaluator;
        this.level = level;
        this.loose = loose;
        this.stripThink = stripThink;
        this.sources = Set.copyOf(sources);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean appliesTo(String dataSource) {
        return SourcePatterns.matches(sources, dataSource);
    }

    /** Identical samples get identical judgements: rules over the text. */
    @Override
    public boolean deterministic() {
        return true;
    }

    @Override
    public Reward score(Prompt prompt, Completion completion) {
        Object ids = prompt.reference().get("instruction_id_list");
        if (ids == null) {
            return Reward.notApplicable();
        }
        String answer = answer(completion.text());
        List<Map<String, ?>> kwargs;
        IfevalVerdict verdict;
        try {
            kwargs = maps(prompt.reference().get("kwargs"));
            verdict = evaluator.evaluate(strings(ids), kwargs, answer);
        } catch (IllegalArgumentException e) {
            return Reward.failed(Reward.Status.UNPARSEABLE, "prompt " + prompt.id() + ": " + e.getMessage());
        }
        Map<String, Double> parts = level == Level.PROMPT ? Map.of() : parts(verdict, kwargs, answer);
        double score = level == Level.PROMPT
                ? ((loose ? verdict.loosePrompt() : verdict.strictPrompt()) ? 1.0 : 0.0)
                : mean(parts.values());
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("strict", verdict.strict());
        info.put("loose", verdict.loose());
        info.put("acc", verdict.strictPrompt() ? 1.0 : 0.0);
        return new Reward(score, parts, info, Reward.Status.OK);
    }

    /**
     * Each instruction's share of the score, keyed by its id ({@code #2}, {@code #3} on repeats): 1 when followed,
     * and when broken 0 at instruction level or half its {@link PartialCredit} share at graded level. The score at
     * these levels is their mean, so an advantage estimator can weigh the instructions separately (GDPO).
     */
    private Map<String, Double> parts(IfevalVerdict verdict, List<Map<String, ?>> kwargs, String answer) {
        List<Boolean> followed = loose ? verdict.loose() : verdict.strict();
        Map<String, Double> parts = new LinkedHashMap<>();
        for (int i = 0; i < followed.size(); i++) {
            String id = verdict.instructionIds().get(i);
            double value = followed.get(i) ? 1.0
                    : level == Level.GRADED ? PARTIAL_WEIGHT * PartialCredit.share(id, kwargs.get(i), answer) : 0.0;
            String key = id;
            for (int k = 2; parts.containsKey(key); k++) {
                key = id + "#" + k;
            }
            parts.put(key, value);
        }
        return parts;
    }

    private static double mean(Collection<Double> values) {
        if (values.isEmpty()) {
            return 1.0;
        }
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        return sum / values.size();
    }

    private String answer(String text) {
        int end = stripThink ? text.lastIndexOf(THINK_END) : -1;
        return end < 0 ? text : text.substring(end + THINK_END.length());
    }

    private static List<String> strings(Object value) {
        if (!(value instanceof List<?> list)) {
            throw new IllegalArgumentException("instruction_id_list must be a list, got " + value);
        }
        List<String> out = new ArrayList<>();
        for (Object item : list) {
            if (!(item instanceof String text)) {
                throw new IllegalArgumentException("instruction_id_list item '" + item + "' is not a string");
            }
            out.add(text);
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, ?>> maps(Object value) {
        if (!(value instanceof List<?> list)) {
            throw new IllegalArgumentException("kwargs must be a list of maps, got " + value);
        }
        List<Map<String, ?>> out = new ArrayList<>();
        for (Object item : list) {
            if (item != null && !(item instanceof Map<?, ?>)) {
                throw new IllegalArgumentException("kwargs item '" + item + "' is not a map");
            }
            out.add(item == null ? Map.of() : (Map<String, ?>) item);
        }
        return out;
    }
}
