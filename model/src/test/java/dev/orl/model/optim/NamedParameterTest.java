package dev.orl.model.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NamedParameterTest {

    @Test
    void listsEachGroupInItsOwnOrderAfterTheGroupsBeforeIt() {
        try (NDManager manager = NDManager.newBaseManager()) {
            Map<String, NDArray> model = new LinkedHashMap<>();
            model.put("model.layers.1.w", manager.zeros(new Shape(1)));
            model.put("model.layers.0.w", manager.zeros(new Shape(1)));
            Map<String, NDArray> head = Map.of("score.weight", manager.ones(new Shape(2)));
            List<NamedParameter> params = NamedParameter.of(model, head);
            assertEquals(List.of("model.layers.1.w", "model.layers.0.w", "score.weight"),
                    params.stream().map(NamedParameter::name).toList(),
                    "the optimizer keys its state by name, so the order must be the maps' own");
            assertSame(head.get("score.weight"), params.get(2).array(), "the live weight, not a copy");
        }
    }
}
