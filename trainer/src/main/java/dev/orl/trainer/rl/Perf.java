package dev.orl.trainer.rl;

import dev.orl.trainer.metrics.MetricNames;
import dev.orl.trainer.metrics.Throughput;
import java.util.List;
import java.util.Map;

/**
 * Throughput and model-FLOPs utilization of a step: tokens processed per second, and FLOPs counted as
 * {@code 2·N} per generated or scored token plus {@code 6·N} per trained token per epoch, over the machine's peak.
 *
 * @param parameters N, the policy's weight count
 * @param peakFlops the machine's practical peak (FLOP/s) MFU is measured against
 */
public record Perf(long parameters, double peakFlops) {

    /** 230 GFLOP/s: the 2048² fp32 matmul rate measured on the 2-core development machine. */
    public static final double DEFAULT_PEAK_FLOPS = 230e9;

    Map<String, Double> metrics(List<Trajectory> rows, List<Trajectory> trained, int epochs, double seconds) {
        long sampled = 0;
        for (Trajectory t : rows) {
            sampled += t.completion.promptIds().length + t.responseLength();
        }
        long trainedTokens = 0;
        for (Trajectory t : trained) {
            trainedTokens += t.completion.promptIds().length + t.responseLength();
        }
        // generation and the old-log-prob pass are forward only; the update is forward + backward once per epoch
        return Map.of(MetricNames.THROUGHPUT, Throughput.tokensPerSecond(sampled, seconds), MetricNames.MFU,
                Throughput.mfu(parameters, trainedTokens * epochs, sampled + trainedTokens, seconds, peakFlops));
    }
}
