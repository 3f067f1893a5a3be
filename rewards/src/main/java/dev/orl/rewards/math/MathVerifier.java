package dev.orl.rewards.math;

import dev.orl.model.sampling.Completion;
import dev.orl.rewards.Prompt;
import dev.orl.rewards.Reward;
import dev.orl.rewards.RewardFunction;
import dev.orl.rewards.math.Answer.Text;
import dev.orl.rewards.math.AnswerExtractor.Candidate;
import dev.orl.rewards.math.Verdict.Outcome;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The math accuracy reward: 1 when the final answer in the response equals the gold answer, else 0.
 *
 * <p>The gold is read from {@code Prompt.reference().get("answer")} (a string or a number; for GSM8K the value after
 * {@code ####}, for MATH the content of the solution's last {@code \boxed{}}); prompts without it get a
 * not-applicable reward. Which data sources it judges is configurable ({@link MathVerifierConfig#sources()}); with
 * {@code sources: ["*"]} it judges any prompt whose reference has an answer. A gold that cannot be parsed gives
 * {@code score = null} with status {@code UNPARSEABLE}, a check over its step or time budget gives
 * {@code score = null} with status {@code TIMEOUT}; neither is ever scored 1 or silently 0. A response with no
 * answer, or an answer that is not math, scores 0. {@code info} carries {@code acc}, {@code pred},
 * {@code gold_parsed}, {@code extraction} and {@code outcome}.
 *
 * <p>Thread-safe and stateless between calls: every check builds its own budget, parser and comparator.
 */
public final class MathVerifier implements RewardFunction {

    /** The name recipes use. */
    public static final String NAME = "math_accuracy";

    private static final String TOO_DEEP = "answer nested too deeply for this thread's stack";

    private final MathVerifierConfig config;
    private final AnswerExtractor extractor;

    public MathVerifier(MathVerifierConfig config) {
        this.config = config;
        this.extractor = new AnswerExtractor(config.strict());
    }

    public MathVerifier() {
        this(MathVerifierConfig.defaults());
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean appliesTo(String dataSource) {
        return config.appliesTo(dataSource);
    }

    /** Identical samples get identical judgements: the final answer against the reference. */
    @Override
    public boolean deterministic() {
        return true;
    }

    @Override
    public Reward score(Prompt prompt, Completion completion) {
        Object gold = prompt.reference().get("answer");
        if (gold == null) {
            return Reward.notApplicable();
        }
        Verdict v = verify(gold.toString(), completion.text());
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("acc", Boolean.TRUE.equals(v.correct()));
        info.put("pred", v.predExtracted());
        info.put("gold_parsed", v.goldParsed());
        info.put("extraction", v.extraction());
        info.put("outcome", v.outcome().wireName());
        if (!v.detail().isEmpty()) {
            info.put("detail", v.detail());
        }
        if (v.correct() == null) {
            Reward.Status status = v.outcome() == Outcome.TIMEOUT ? Reward.Status.TIMEOUT : Reward.Status.UNPARSEABLE;
            return new Reward(null, Map.of(), info, status);
        }
        return Reward.ok(v.correct() ? 1.0 : 0.0, info);
    }

    /** Checks a response (a full model output or a bare answer) against a gold answer string. */
    public Verdict verify(String gold, String response) {
        Budget budget = new Budget(config.maxSteps(), config.timeLimit().toNanos());
        String goldText = gold.strip();
        if (goldText.length() > config.maxAnswerChars()) {
            return new Verdict(null, Outcome.GOLD_UNPARSEABLE, "", "", "", "gold longer than "
                    + config.maxAnswerChars() + " characters");
        }
        AnswerParser parser = new AnswerParser(budget);
        Answer parsedGold;
        try {
            parsedGold = parser.parse(goldText);
        } catch (ParseException e) {
            return new Verdict(null, Outcome.GOLD_UNPARSEABLE, "", "", "", e.getMessage());
        } catch (StackOverflowError e) {
            return new Verdict(null, Outcome.GOLD_UNPARSEABLE, "", "", "", TOO_DEEP);
        } catch (Budget.Exceeded e) {
            return new Verdict(null, Outcome.TIMEOUT, "", "", "", "gold: " + e.getMessage());
        }
        String goldParsed = parsedGold.toString();
        int cut = Math.max(0, response.length() - config.maxResponseChars());
        List<Candidate> candidates = extractor.candidates(response.substring(cut));
        if (candidates.isEmpty()) {
            return new Verdict(false, Outcome.NO_ANSWER, goldParsed, "", "", "");
        }
        AnswerComparator comparator = new AnswerComparator(budget);
        String error = "";
        for (Candidate c : candidates) {
            String method = c.method().name().toLowerCase(Locale.ROOT);
            if (c.text().length() > config.maxAnswerChars()) {
                error = "answer longer than " + config.maxAnswerChars() + " characters";
                continue;
            }
            try {
                Answer pred = parsedGold instanceof Text
                        ? new Text(LatexNormalizer.textKey(c.text()))
                        : parser.parse(c.text());
                boolean ok = comparator.equal(parsedGold, pred);
                return new Verdict(ok, ok ? Outcome.CORRECT : Outcome.WRONG, goldParsed, c.text(), method, "");
            } catch (ParseException e) {
                error = e.getMessage();
            } catch (StackOverflowError e) {
                // The parser bounds nesting; this only guards callers running on unusually small stacks.
                error = TOO_DEEP;
            } catch (Budget.Exceeded e) {
                return new Verdict(null, Outcome.TIMEOUT, goldParsed, c.text(), method, e.getMessage());
            }
        }
        Candidate first = candidates.get(0);
        return new Verdict(false, Outcome.PRED_UNPARSEABLE, goldParsed, first.text(),
                first.method().name().toLowerCase(Locale.ROOT), error);
    }
}
