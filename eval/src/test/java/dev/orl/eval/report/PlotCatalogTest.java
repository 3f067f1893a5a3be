package dev.orl.eval.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class PlotCatalogTest {

    @Test
    void rewardPartsGetTheirOwnPlotBesideTheFunctions() {
        List<String> metrics = List.of("reward/ifeval/mean", "reward/reward_model/mean",
                "reward/ifeval/change_case:english_capital/mean", "reward/ifeval/punctuation:no_comma/mean",
                "reward/error_ratio");
        Map<String, List<String>> plots = PlotCatalog.plotsFor(metrics).stream()
                .collect(Collectors.toMap(PlotSpec::file, p -> p.metrics(metrics)));
        assertEquals(List.of("reward/ifeval/mean", "reward/reward_model/mean"), plots.get("reward_functions.png"));
        assertEquals(List.of("reward/ifeval/change_case:english_capital/mean",
                "reward/ifeval/punctuation:no_comma/mean"), plots.get("reward_parts.png"));
    }
}
