package dev.orl.trainer.metrics;

/**
 * The metric names orl logs, in one place; they follow verl so curves can be laid over verl's.
 *
 * <p>Names with a data source or function in them are built by the static helpers.
 */
public final class MetricNames {

    public static final String SCORE = "critic/score";
    public static final String REWARDS = "critic/rewards";
    public static final String ADVANTAGES = "critic/advantages";
    public static final String RETURNS = "critic/returns";
    public static final String VALUES = "critic/values";
    public static final String VF_LOSS = "critic/vf_loss";
    public static final String VF_CLIPFRAC = "critic/vf_clipfrac";
    public static final String RESPONSE_LENGTH = "response_length";
    public static final String RESPONSE_CLIP_RATIO = "response_length/clip_ratio";
    public static final String PROMPT_LENGTH = "prompt_length";
    public static final String PG_LOSS = "actor/pg_loss";
    public static final String PG_CLIPFRAC = "actor/pg_clipfrac";
    public static final String PG_CLIPFRAC_LOWER = "actor/pg_clipfrac_lower";
    public static final String PPO_KL = "actor/ppo_kl";
    public static final String KL_LOSS = "actor/kl_loss";
    public static final String ENTROPY = "actor/entropy";
    public static final String GRAD_NORM = "actor/grad_norm";
    public static final String LR = "actor/lr";
    public static final String THROUGHPUT = "perf/throughput";
    public static final String MFU = "perf/mfu";
    public static final String UNPARSEABLE_RATIO = "reward/unparseable_ratio";
    public static final String ERROR_RATIO = "reward/error_ratio";
    public static final String TIMEOUT_RATIO = "reward/timeout_ratio";
    public static final String REPETITION_RATIO = "response/repetition_ratio";
    public static final String LANGUAGE_MIX_RATIO = "response/language_mix_ratio";
    public static final String TRAINED_RESPONSES = "batch/trained_responses";
    public static final String KEPT_GROUP_RATIO = "filter/kept_group_ratio";
    public static final String SAMPLING_ROUNDS = "filter/sampling_rounds";
    public static final String SFT_LOSS = "sft/loss";
    public static final String SFT_VAL_LOSS = "sft/val_loss";
    public static final String RM_LOSS = "rm/loss";
    public static final String RM_VAL_ACCURACY = "rm/val_pairwise_acc";

    /** Phases timed in every RL step; each becomes {@code timing_s/<phase>}. */
    public static final String GEN = "gen";
    public static final String REWARD = "reward";
    public static final String OLD_LOG_PROB = "old_log_prob";
    public static final String REF = "ref";
    public static final String ADV = "adv";
    public static final String UPDATE_ACTOR = "update_actor";
    public static final String UPDATE_CRITIC = "update_critic";
    public static final String STEP = "step";

    private MetricNames() {}

    /** {@code timing_s/<phase>}. */
    public static String timing(String phase) {
        return "timing_s/" + phase;
    }

    /** {@code critic/score/<data_source>/mean}. */
    public static String scoreBySource(String dataSource) {
        return SCORE + "/" + dataSource + "/mean";
    }

    /** {@code batch/trained_responses/<data_source>}: responses of that source the update trained on. */
    public static String trainedBySource(String dataSource) {
        return TRAINED_RESPONSES + "/" + dataSource;
    }

    /** {@code reward/<function>/mean}. */
    public static String rewardFunction(String function) {
        return "reward/" + function + "/mean";
    }

    /** {@code val-core/<data_source>/acc/mean@n}. */
    public static String validationMean(String dataSource, int n) {
        return "val-core/" + dataSource + "/acc/mean@" + n;
    }

    /** {@code val-core/<data_source>/pass@k}. */
    public static String validationPassAtK(String dataSource, int k) {
        return "val-core/" + dataSource + "/pass@" + k;
    }

    /** {@code val-core/<data_source>/acc/greedy}: accuracy of greedy decoding. */
    public static String validationGreedy(String dataSource) {
        return "val-core/" + dataSource + "/acc/greedy";
    }
}
