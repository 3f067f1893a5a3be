package dev.orl.rewards.ifeval;

import java.util.List;
import java.util.Map;

/**
 * How close a response came to an instruction it broke, for the {@code graded} reward level: the share of the
 * response that already obeys it, where the instruction has such a share. A note that keeps one case over all but a
 * few letters, or uses all but one of the given keywords, is nearer than one that ignores the instruction, and an
 * outcome reward that says so gives the policy a gradient inside the groups where every sample breaks it.
 */
final class PartialCredit {

    private PartialCredit() {
    }

    /**
     * In [0, 1]: for {@code change_case:english_lowercase} and {@code english_capital}, the share of cased letters in
     * the asked case; for {@code keywords:existence}, the share of keywords present; 0 for every other instruction.
     */
    static double share(String instructionId, Map<String, ?> kwargs, String response) {
        return switch (instructionId) {
            case "change_case:english_lowercase" -> caseShare(response, true);
            case "change_case:english_capital" -> caseShare(response, false);
            case "keywords:existence" -> keywordShare(kwargs, response);
            default -> 0.0;
        };
    }

    private static double caseShare(String response, boolean lower) {
        int cased = 0;
        int asked = 0;
        for (int i = 0; i < response.length(); ) {
            int cp = response.codePointAt(i);
            boolean isLower = Character.isLowerCase(cp);
            boolean isUpper = Character.isUpperCase(cp) || Character.isTitleCase(cp);
            if (isLower || isUpper) {
                cased++;
                if (lower ? isLower : isUpper) {
                    asked++;
                }
            }
            i += Character.charCount(cp);
        }
        return cased == 0 ? 0.0 : (double) asked / cased;
    }

    private static double keywordShare(Map<String, ?> kwargs, String response) {
        if (!(kwargs.get("keywords") instanceof List<?> keywords) || keywords.isEmpty()) {
            return 0.0;
        }
        long present = keywords.stream()
                .map(k -> KeywordCheckers.pattern(String.valueOf(k)))
                .filter(keyword -> keyword.matcher(response).find())
                .count();
        return (double) present / keywords.size();
    }
}
