package dev.orl.datasets.synthetic;

import dev.orl.datasets.Seeds;
import dev.orl.model.chat.ChatMessage;
import dev.orl.rewards.Prompt;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * An indexed, endless, deterministic stream of tasks from one generator: item i is a pure function of (seed, split,
 * i), drawn at a level in [minLevel, maxLevel] and kept only if its question falls in the requested split. With a
 * teacher error rate, that fraction of the demonstrations carry the generator's flawed response instead of the
 * reference (a weaker teacher's cold-start data); the verifier's reference values stay correct.
 */
public final class SyntheticDataset {

    /** Marks, in a prompt's extra, a demonstration whose response is the weaker teacher's flawed one. */
    public static final String FLAWED_KEY = "teacher_flawed";

    private static final int MAX_ATTEMPTS = 2000;
    private static final long FLAW_COORDINATE = -7L;

    private final TaskGenerator generator;
    private final String dataSource;
    private final long seed;
    private final SyntheticSplit split;
    private final int minLevel;
    private final int maxLevel;
    private final double teacherErrorRate;

    public SyntheticDataset(TaskGenerator generator, String dataSource, long seed, SyntheticSplit split,
            int minLevel, int maxLevel) {
        this(generator, dataSource, seed, split, minLevel, maxLevel, 0.0);
    }

    public SyntheticDataset(TaskGenerator generator, String dataSource, long seed, SyntheticSplit split,
            int minLevel, int maxLevel, double teacherErrorRate) {
        if (!(teacherErrorRate >= 0.0 && teacherErrorRate <= 1.0)) {
            throw new IllegalArgumentException(generator.name() + ": teacher error rate must be in [0, 1], got "
                    + teacherErrorRate);
        }
        if (minLevel < 1 || maxLevel < minLevel || maxLevel > generator.maxLevel()) {
            throw new IllegalArgumentException(generator.name() + ": levels must satisfy 1 <= min <= max <= "
                    + generator.maxLevel() + ", got [" + minLevel + ", " + maxLevel + "]");
        }
        this.generator = generator;
        this.dataSource = dataSource == null ? generator.name() : dataSource;
        this.seed = seed;
        this.split = split;
        this.minLevel = minLevel;
        this.maxLevel = maxLevel;
        this.teacherErrorRate = teacherErrorRate;
    }

    /** Item {@code index} as a prompt with its reference response. */
    public Demonstration get(long index) {
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            SplittableRandom random = new SplittableRandom(Seeds.derive(seed, split.ordinal(), index, attempt));
            int level = minLevel + random.nextInt(maxLevel - minLevel + 1);
            Task task = generator.generate(random, level);
            if (SyntheticSplit.of(generator.name(), task.question()) == split) {
                return toDemonstration(task, index, level);
            }
        }
        throw new IllegalStateException(generator.name() + ": no question for split " + split.label() + " in "
                + MAX_ATTEMPTS + " tries; the problem space at levels " + minLevel + ".." + maxLevel + " is too small");
    }

    /** The first {@code count} items as prompts (for RL). */
    public List<Prompt> prompts(int count) {
        List<Prompt> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            out.add(get(i).prompt());
        }
        return out;
    }

    /** The first {@code count} items as demonstrations (for SFT). */
    public List<Demonstration> demonstrations(int count) {
        List<Demonstration> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            out.add(get(i));
        }
        return out;
    }

    private Demonstration toDemonstration(Task task, long index, int level) {
        Map<String, Object> extra = new LinkedHashMap<>(task.extra());
        extra.put("level", level);
        extra.put("split", split.label());
        String response = task.response();
        if (teacherErrorRate > 0 && task.flawed().isPresent()
                && Seeds.unit(Seeds.derive(seed, split.ordinal(), index, FLAW_COORDINATE)) < teacherErrorRate) {
            response = task.flawed().get();
            extra.put(FLAWED_KEY, true);
        }
        extra.put(Demonstration.RESPONSE_KEY, response);
        String id = dataSource + "/" + split.label() + "/" + index;
        Prompt prompt = new Prompt(id, dataSource, List.of(ChatMessage.user(task.question())), task.reference(), extra);
        return new Demonstration(prompt, response);
    }
}
