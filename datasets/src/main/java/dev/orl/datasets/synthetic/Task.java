package dev.orl.datasets.synthetic;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One generated task: the question, a reference response that solves it (what SFT imitates and the verifier must
 * accept), the verifier's reference values (keys from {@link dev.orl.datasets.ReferenceKeys}), extra details, and
 * optionally a flawed response: what a weaker teacher writes, close to the reference in form but judged wrong.
 */
public record Task(String question, String response, Map<String, Object> reference, Map<String, Object> extra,
        String flawedResponse) {
    public Task {
        Objects.requireNonNull(question, "question");
        Objects.requireNonNull(response, "response");
        reference = Map.copyOf(reference);
        extra = extra == null ? Map.of() : Map.copyOf(extra);
    }

    /** A task whose generator has no flawed variant of the reference response. */
    public Task(String question, String response, Map<String, Object> reference, Map<String, Object> extra) {
        this(question, response, reference, extra, null);
    }

    /** The weaker teacher's response, if the generator makes one for this task. */
    public Optional<String> flawed() {
        return Optional.ofNullable(flawedResponse);
    }
}
