package dev.orl.eval.report;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The plots a run report holds (metric names follow verl, see DESIGN.md): reward, one validation plot per data
 * source, response length, entropy, KL, clip fractions, reward by function, judging health, policy loss, gradient
 * norm, learning rate, timing, throughput, and the SFT / reward-model curves. A plot whose metrics no run logged is
 * left out.
 */
public final class PlotCatalog {

    private static final String VAL_CORE = "val-core/";

    private PlotCatalog() {}

    /** The plots for runs that logged {@code metrics}. */
    public static List<PlotSpec> plotsFor(List<String> metrics) {
        List<PlotSpec> candidates = new ArrayList<>();
        candidates.add(new PlotSpec("reward.png", "Reward (mean score, overall and per data source)", "score",
                m -> m.equals("critic/score/mean") || (m.startsWith("critic/score/") && m.endsWith("/mean"))));
        for (String source : validationSources(metrics)) {
            String prefix = VAL_CORE + source + "/";
            candidates.add(new PlotSpec("val-" + source.replaceAll("[^A-Za-z0-9._-]", "_") + ".png",
                    "Validation: " + source, "accuracy", m -> m.startsWith(prefix)));
        }
        candidates.add(new PlotSpec("response_length.png", "Response length (tokens)", "tokens",
                m -> m.equals("response_length/mean") || m.equals("prompt_length/mean")));
        candidates.add(new PlotSpec("entropy.png", "Policy entropy", "nats / token", m -> m.equals("actor/entropy")));
        candidates.add(new PlotSpec("kl.png", "KL to the old and reference policies", "KL",
                m -> m.equals("actor/ppo_kl") || m.equals("actor/kl_loss")));
        candidates.add(new PlotSpec("clip.png", "Clip fractions", "fraction",
                m -> m.equals("actor/pg_clipfrac") || m.equals("actor/pg_clipfrac_lower")
                        || m.equals("response_length/clip_ratio")));
        candidates.add(new PlotSpec("reward_functions.png", "Reward by function", "mean score",
                m -> m.startsWith("reward/") && m.endsWith("/mean") && m.split("/").length == 3));
        candidates.add(new PlotSpec("reward_parts.png", "Reward by part (IFEval: by instruction)", "mean score",
                m -> m.startsWith("reward/") && m.endsWith("/mean") && m.split("/").length > 3));
        candidates.add(new PlotSpec("judging.png", "Judging and response health", "ratio",
                m -> m.endsWith("_ratio") && (m.startsWith("reward/") || m.startsWith("response/"))
                        || m.equals("filter/kept_group_ratio")));
        candidates.add(new PlotSpec("pg_loss.png", "Policy-gradient loss", "loss", m -> m.equals("actor/pg_loss")));
        candidates.add(new PlotSpec("grad_norm.png", "Gradient norm (before clipping)", "global L2 norm",
                m -> m.equals("actor/grad_norm")));
        candidates.add(new PlotSpec("lr.png", "Learning rate", "lr", m -> m.equals("actor/lr")));
        candidates.add(new PlotSpec("timing.png", "Time per step by phase", "seconds",
                m -> m.startsWith("timing_s/")));
        candidates.add(new PlotSpec("throughput.png", "Throughput", "tokens / s", m -> m.equals("perf/throughput")));
        candidates.add(new PlotSpec("losses.png", "SFT and reward-model losses", "loss",
                m -> m.equals("sft/loss") || m.equals("sft/val_loss") || m.equals("rm/loss")));
        candidates.add(new PlotSpec("rm_accuracy.png", "Reward model pairwise accuracy", "accuracy",
                m -> m.equals("rm/val_pairwise_acc") || m.equals("rm/train_pairwise_acc")));
        return candidates.stream().filter(p -> !p.metrics(metrics).isEmpty()).toList();
    }

    /** The data sources with {@code val-core/<source>/...} metrics, in order of appearance. */
    static List<String> validationSources(List<String> metrics) {
        Set<String> sources = new LinkedHashSet<>();
        for (String m : metrics) {
            if (m.startsWith(VAL_CORE)) {
                String rest = m.substring(VAL_CORE.length());
                int slash = rest.indexOf('/');
                if (slash > 0) {
                    sources.add(rest.substring(0, slash));
                }
            }
        }
        return List.copyOf(sources);
    }

    /** The metrics a report's summary table shows, when logged: score, validation, length, entropy, KL. */
    public static boolean summarised(String metric) {
        return metric.equals("critic/score/mean") || metric.startsWith(VAL_CORE)
                || metric.equals("response_length/mean") || metric.equals("actor/entropy")
                || metric.equals("actor/ppo_kl") || metric.equals("actor/kl_loss") || metric.equals("sft/val_loss")
                || metric.equals("rm/val_pairwise_acc");
    }
}
