package dev.orl.rewards.ifeval;

import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** IFEval's {@code keywords:*} checkers: keyword existence, keyword frequency, forbidden words, letter frequency. */
final class KeywordCheckers {
    private KeywordCheckers() {
    }

    /** {@code keywords:existence}: every keyword occurs, case-insensitively, anywhere (also inside longer words). */
    static InstructionChecker existence(Kwargs kwargs) {
        List<Pattern> keywords = kwargs.strings("keywords").stream().map(KeywordCheckers::pattern).toList();
        return response -> keywords.stream().allMatch(keyword -> keyword.matcher(response).find());
    }

    /** {@code keywords:frequency}: the keyword's case-insensitive occurrences compared with {@code frequency}. */
    static InstructionChecker frequency(Kwargs kwargs) {
        Pattern keyword = pattern(kwargs.string("keyword").strip());
        int frequency = kwargs.integer("frequency");
        Relation relation = kwargs.relation("relation");
        return response -> relation.holds(IfevalText.countMatches(keyword, response), frequency);
    }

    /** {@code keywords:forbidden_words}: none of the words occurs as a whole word, case-insensitively. */
    static InstructionChecker forbiddenWords(Kwargs kwargs) {
        List<Pattern> words = kwargs.strings("forbidden_words").stream()
                .map(word -> Pattern.compile("\\b" + Pattern.quote(word) + "\\b",
                        Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.UNICODE_CHARACTER_CLASS))
                .toList();
        return response -> words.stream().noneMatch(word -> word.matcher(response).find());
    }

    /** {@code keywords:letter_frequency}: occurrences of the (lower-cased) character in the lower-cased response. */
    static InstructionChecker letterFrequency(Kwargs kwargs) {
        String letter = IfevalText.lower(kwargs.string("letter").strip());
        if (letter.length() != 1) {
            throw new IllegalArgumentException("keywords:letter_frequency: letter must be one character, got '"
                    + letter + "'");
        }
        char target = letter.charAt(0);
        int frequency = kwargs.integer("let_frequency");
        Relation relation = kwargs.relation("let_relation");
        return response -> relation.holds(IfevalText.lower(response).chars().filter(c -> c == target).count(),
                frequency);
    }

    // IFEval searches keywords as regular expressions; the data's keywords are plain words, so a keyword that is not
    // a valid Java pattern is taken literally.
    static Pattern pattern(String keyword) {
        int flags = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;
        try {
            return Pattern.compile(keyword, flags);
        } catch (PatternSyntaxException e) {
            return Pattern.compile(Pattern.quote(keyword), flags);
        }
    }
}
