package dev.orl.model.optim;

import ai.djl.ndarray.NDArray;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A trainable weight with its checkpoint name (e.g. {@code model.layers.0.mlp.up_proj.weight}); the optimizer keeps
 * its state under that name.
 *
 * @param name stable, unique name of the parameter
 * @param array the live weight, with {@code setRequiresGradient(true)}; updated in place
 */
public record NamedParameter(String name, NDArray array) {

    /** Checks that both parts are present. */
    public NamedParameter {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(array, () -> "array of parameter " + name);
    }

    /** The weights of each group by name, groups in the order given and each in its own iteration order. */
    @SafeVarargs
    public static List<NamedParameter> of(Map<String, NDArray>... groups) {
        List<NamedParameter> out = new ArrayList<>();
        for (Map<String, NDArray> group : groups) {
            group.forEach((name, array) -> out.add(new NamedParameter(name, array)));
        }
        return out;
    }
}
