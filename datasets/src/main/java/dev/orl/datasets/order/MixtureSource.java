package dev.orl.datasets.order;

import dev.orl.datasets.Cursor;
import dev.orl.datasets.PromptSource;
import dev.orl.datasets.Seeds;
import dev.orl.rewards.Prompt;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * Draws each prompt from one of several sources, chosen at random in proportion to its weight. Draw i's choice is a
 * function of (seed, i) and of which sources still have prompts, so the cursor is the draw count plus the sources'
 * cursors. When a source runs out, the others share its weight; the mixture ends when all have run out.
 */
public final class MixtureSource implements PromptSource {

    static final String KIND = "mixture";

    /** One weighted member of the mixture. */
    public record Component(String name, double weight, PromptSource source) {
        public Component {
            if (!(weight > 0) || Double.isInfinite(weight)) {
                throw new IllegalArgumentException("weight of '" + name + "' must be positive, got " + weight);
            }
        }
    }

    private final List<Component> components;
    private final long seed;
    private long draws;

    public MixtureSource(List<Component> components, long seed) {
        if (components.isEmpty()) {
            throw new IllegalArgumentException("a mixture needs at least one source");
        }
        this.components = List.copyOf(components);
        this.seed = seed;
    }

    @Override
    public boolean hasNext() {
        return components.stream().anyMatch(c -> c.source().hasNext());
    }

    @Override
    public Prompt next() {
        int chosen = choose();
        if (chosen < 0) {
            throw new NoSuchElementException("every source of the mixture is exhausted");
        }
        draws++;
        return components.get(chosen).source().next();
    }

    /** The index of the component the next draw takes from; -1 when all are exhausted. */
    private int choose() {
        double total = 0;
        for (Component c : components) {
            total += c.source().hasNext() ? c.weight() : 0;
        }
        if (total == 0) {
            return -1;
        }
        double u = Seeds.unit(Seeds.derive(seed, draws)) * total;
        int last = -1;
        for (int i = 0; i < components.size(); i++) {
            Component c = components.get(i);
            if (!c.source().hasNext()) {
                continue;
            }
            last = i;
            u -= c.weight();
            if (u < 0) {
                return i;
            }
        }
        return last;
    }

    @Override
    public Cursor cursor() {
        List<Object> children = new ArrayList<>();
        for (Component c : components) {
            children.add(c.source().cursor().asMap());
        }
        return Cursor.of(KIND, "draws", draws, "sources", children);
    }

    @Override
    public void restore(Cursor cursor) {
        cursor.expectKind(KIND);
        List<Cursor> children = cursor.children("sources");
        if (children.size() != components.size()) {
            throw new IllegalArgumentException("cursor holds " + children.size() + " sources but this mixture has "
                    + components.size());
        }
        for (int i = 0; i < children.size(); i++) {
            components.get(i).source().restore(children.get(i));
        }
        draws = cursor.getLong("draws");
    }

    public List<Component> components() {
        return components;
    }

    /**
     * Each component's expected share of draws while every source still has prompts, by name. Weights, not source
     * sizes, set it: three sources of weight 1 each give a third of the draws, whatever their sizes.
     */
    public Map<String, Double> shares() {
        double total = components.stream().mapToDouble(Component::weight).sum();
        Map<String, Double> shares = new LinkedHashMap<>();
        components.forEach(c -> shares.put(c.name(), c.weight() / total));
        return shares;
    }
}
