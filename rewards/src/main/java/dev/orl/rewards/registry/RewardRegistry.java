package dev.orl.rewards.registry;

import dev.orl.rewards.RewardContext;
import dev.orl.rewards.RewardFunction;
import dev.orl.rewards.RewardFunctionProvider;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeMap;

/**
 * The reward functions available to a run, by name: every {@link RewardFunctionProvider} that {@link ServiceLoader}
 * finds on a class loader (orl's own and any plugin jar on it), turned into configured functions and composites from
 * a recipe's {@code rewards:} list.
 */
public final class RewardRegistry {
    private final Map<String, RewardFunctionProvider> providers;

    private RewardRegistry(Map<String, RewardFunctionProvider> providers) {
        this.providers = Collections.unmodifiableMap(providers);
    }

    /** The providers visible to {@code loader}; pass a {@link java.net.URLClassLoader} to pick up plugin jars. */
    public static RewardRegistry discover(ClassLoader loader) {
        Objects.requireNonNull(loader, "loader");
        List<RewardFunctionProvider> found = new ArrayList<>();
        try {
            ServiceLoader.load(RewardFunctionProvider.class, loader).forEach(found::add);
        } catch (ServiceConfigurationError e) {
            throw new IllegalStateException("a reward function provider could not be loaded: " + e.getMessage()
                    + " (check the META-INF/services/" + RewardFunctionProvider.class.getName()
                    + " entries of your plugin jar)", e);
        }
        return of(found);
    }

    /** The providers on the class loader that loaded orl itself. */
    public static RewardRegistry discover() {
        return discover(RewardRegistry.class.getClassLoader());
    }

    /** A registry of exactly these providers; two providers claiming one name is an error naming both classes. */
    public static RewardRegistry of(List<RewardFunctionProvider> providers) {
        Map<String, RewardFunctionProvider> byName = new TreeMap<>();
        for (RewardFunctionProvider provider : providers) {
            RewardFunctionProvider previous = byName.putIfAbsent(provider.name(), provider);
            if (previous != null && previous.getClass() != provider.getClass()) {
                throw new IllegalStateException("reward name '" + provider.name() + "' is claimed by both "
                        + previous.getClass().getName() + " and " + provider.getClass().getName());
            }
        }
        return new RewardRegistry(byName);
    }

    /** Every registered name, sorted. */
    public Set<String> names() {
        return providers.keySet();
    }

    /** The provider registered under {@code name}; an unknown name fails listing the known ones. */
    public RewardFunctionProvider provider(String name) {
        RewardFunctionProvider provider = providers.get(name);
        if (provider == null) {
            throw new IllegalArgumentException(unknownNameMessage(name));
        }
        return provider;
    }

    /** A configured function for one recipe entry. */
    public RewardFunction create(RewardSpec spec, RewardContext context) {
        RewardFunction function = provider(spec.name()).create(spec.options(), context);
        if (function == null) {
            throw new IllegalStateException("provider " + provider(spec.name()).getClass().getName()
                    + " returned no function for '" + spec.name() + "'");
        }
        return function;
    }

    /**
     * Checks one raw recipe entry without keeping a function: its keys and types ({@link RewardSpec#fromMap}), its
     * name, and its options ({@link RewardFunctionProvider#check}).
     *
     * @return the entry as a spec
     */
    public RewardSpec check(Map<String, ?> entry, RewardContext context) {
        RewardSpec spec = RewardSpec.fromMap(entry);
        provider(spec.name()).check(spec.options(), context);
        return spec;
    }

    /** The weighted, routed combination of every entry of a recipe's {@code rewards:} list. */
    public CompositeReward compose(List<RewardSpec> specs, RewardContext context) {
        List<CompositeReward.Part> parts = new ArrayList<>();
        for (RewardSpec spec : specs) {
            parts.add(new CompositeReward.Part(spec, create(spec, context)));
        }
        return new CompositeReward(parts);
    }

    /** {@link #compose} from the raw recipe list: each element a map with {@code name, weight, data_sources, options}. */
    public CompositeReward composeFromConfig(List<? extends Map<String, ?>> rewards, RewardContext context) {
        List<RewardSpec> specs = new ArrayList<>();
        for (Map<String, ?> entry : rewards) {
            specs.add(RewardSpec.fromMap(entry));
        }
        return compose(specs, context);
    }

    private String unknownNameMessage(String name) {
        StringBuilder message = new StringBuilder("unknown reward function '").append(name).append("'");
        message.append(DidYouMean.hint(name, providers.keySet()));
        message.append("; known reward functions: ").append(providers.keySet());
        message.append(". A plugin's provider must be listed in META-INF/services/")
                .append(RewardFunctionProvider.class.getName()).append(" of a jar on the class path.");
        return message.toString();
    }
}
