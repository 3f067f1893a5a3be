package dev.orl.trainer.algo.advantage;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The advantage estimators by name; a recipe's {@code algorithm.advantage} picks one, and the loop never looks at
 * the name itself. Immutable: {@link #with} returns a registry with one more entry.
 */
public final class AdvantageEstimators {

    private final Map<String, Function<EstimatorSettings, AdvantageEstimator>> factories;

    private AdvantageEstimators(Map<String, Function<EstimatorSettings, AdvantageEstimator>> factories) {
        this.factories = Collections.unmodifiableMap(new LinkedHashMap<>(factories));
    }

    /** {@code grpo}, {@code rloo}, {@code reinforce_pp}, {@code reinforce_pp_baseline}, {@code gae}, {@code gdpo}. */
    public static AdvantageEstimators builtIn() {
        Map<String, Function<EstimatorSettings, AdvantageEstimator>> m = new LinkedHashMap<>();
        m.put("grpo", GrpoAdvantage::new);
        m.put("rloo", RlooAdvantage::new);
        m.put("reinforce_pp", ReinforcePlusPlusAdvantage::new);
        m.put("reinforce_pp_baseline", ReinforcePlusPlusBaselineAdvantage::new);
        m.put("gae", GaeAdvantage::new);
        m.put("gdpo", GdpoAdvantage::new);
        return new AdvantageEstimators(m);
    }

    /** This registry plus {@code name}; a researcher's estimator is one class and this one call. */
    public AdvantageEstimators with(String name, Function<EstimatorSettings, AdvantageEstimator> factory) {
        Map<String, Function<EstimatorSettings, AdvantageEstimator>> m = new LinkedHashMap<>(factories);
        if (m.putIfAbsent(name, factory) != null) {
            throw new IllegalArgumentException("advantage estimator '" + name + "' is already registered");
        }
        return new AdvantageEstimators(m);
    }

    /** Creates the estimator called {@code name}. */
    public AdvantageEstimator create(String name, EstimatorSettings settings) {
        Function<EstimatorSettings, AdvantageEstimator> factory = factories.get(name);
        if (factory == null) {
            throw new IllegalArgumentException("unknown advantage estimator '" + name + "' (known: "
                    + String.join(", ", factories.keySet()) + ")");
        }
        return factory.apply(settings);
    }

    /** Each estimator's {@link AdvantageEstimator#minGroupSize()}, by name. */
    public Map<String, Integer> minGroupSizes() {
        Map<String, Integer> sizes = new LinkedHashMap<>();
        factories.forEach((name, f) -> sizes.put(name, f.apply(EstimatorSettings.defaults()).minGroupSize()));
        return sizes;
    }

    /** The registered names, in registration order. */
    public Set<String> names() {
        return factories.keySet();
    }
}
