package dev.orl.datasets.synthetic.instruct;

import dev.orl.datasets.ReferenceKeys;
import dev.orl.datasets.synthetic.Pick;
import dev.orl.datasets.synthetic.Task;
import dev.orl.datasets.synthetic.TaskGenerator;
import dev.orl.datasets.synthetic.instruct.Topics.Topic;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Instruction-following prompts ("Write a short note about cats. Use only lowercase letters. Do not use any
 * commas.") whose constraints are IFEval instructions with the kwargs the IFEval checker reads; the reference
 * response is built to satisfy all of them. Level n asks for n constraints.
 */
public final class InstructionGenerator implements TaskGenerator {

    private static final List<String> END_PHRASES = List.of("That is all.", "Any other questions?", "The end.");
    private static final Pattern WORD = Pattern.compile("\\w+");

    @Override
    public String name() {
        return "synthetic/ifeval";
    }

    @Override
    public int maxLevel() {
        return 4;
    }

    @Override
    public Task generate(SplittableRandom random, int level) {
        Topic topic = Pick.one(random, Topics.ALL);
        List<Constraint> chosen = choose(random, level);
        Map<Constraint, Map<String, Object>> kwargs = new LinkedHashMap<>();
        chosen.forEach(c -> kwargs.put(c, new LinkedHashMap<>()));
        String text = compose(random, topic, kwargs);
        addTextKwargs(random, text, kwargs);
        StringBuilder question = new StringBuilder("Write a short note about " + topic.name() + ".");
        List<String> ids = new ArrayList<>();
        List<Object> args = new ArrayList<>();
        for (Constraint c : chosen) {
            question.append(' ').append(describe(c, kwargs.get(c)));
            ids.add(c.id);
            args.add(Map.copyOf(kwargs.get(c)));
        }
        String q = question.toString();
        // A weaker teacher's note breaks one instruction; chosen from the question so the task stream is untouched.
        int broken = new SplittableRandom(q.hashCode()).nextInt(ids.size());
        String flawed = Violations.violate(ids.get(broken), kwargs.get(chosen.get(broken)), text);
        return new Task(q, text, Map.of(ReferenceKeys.INSTRUCTION_ID_LIST, ids, ReferenceKeys.KWARGS, args),
                Map.of("topic", topic.name()), flawed);
    }

    /** The note: a few topic sentences shaped by the format, content and case constraints in {@code kwargs}. */
    private static String compose(SplittableRandom random, Topic topic, Map<Constraint, Map<String, Object>> kwargs) {
        Set<Constraint> has = kwargs.keySet();
        int count = has.contains(Constraint.BULLETS) ? Pick.between(random, 2, 4) : Pick.between(random, 2, 3);
        List<String> sentences = new ArrayList<>(topic.sentences());
        Pick.shuffle(random, sentences);
        sentences = new ArrayList<>(sentences.subList(0, count));
        if (has.contains(Constraint.HIGHLIGHTS)) {
            int n = Pick.between(random, 1, count);
            kwargs.get(Constraint.HIGHLIGHTS).put("num_highlights", n);
            for (int i = 0; i < n; i++) {
                sentences.set(i, "*" + sentences.get(i) + "*");
            }
        }
        String text = String.join(" ", sentences);
        if (has.contains(Constraint.BULLETS)) {
            text = String.join("\n", sentences.stream().map(s -> "* " + s).toList());
            kwargs.get(Constraint.BULLETS).put("num_bullets", count);
        }
        if (has.contains(Constraint.TITLE)) {
            text = "<<" + topic.title() + ">>\n" + text;
        }
        if (has.contains(Constraint.POSTSCRIPT)) {
            text = text + "\n\nP.S. " + topic.postscript();
            kwargs.get(Constraint.POSTSCRIPT).put("postscript_marker", "P.S.");
        }
        if (has.contains(Constraint.END_PHRASE)) {
            String phrase = Pick.one(random, END_PHRASES);
            text = text + "\n" + phrase;
            kwargs.get(Constraint.END_PHRASE).put("end_phrase", phrase);
        }
        return finish(text, has);
    }

    /** Comma removal, case and quotes: the constraints that rewrite the whole text, applied last. */
    private static String finish(String text, Set<Constraint> has) {
        String out = has.contains(Constraint.NO_COMMA) ? text.replace(",", "") : text;
        if (has.contains(Constraint.LOWERCASE)) {
            out = out.toLowerCase(Locale.ROOT);
        }
        if (has.contains(Constraint.CAPITAL)) {
            out = out.toUpperCase(Locale.ROOT);
        }
        return has.contains(Constraint.QUOTATION) ? "\"" + out + "\"" : out;
    }

    /** The kwargs that are read off the finished text: keywords present or absent, and word counts. */
    private static void addTextKwargs(SplittableRandom random, String text, Map<Constraint, Map<String, Object>> kwargs) {
        if (kwargs.containsKey(Constraint.KEYWORD)) {
            kwargs.get(Constraint.KEYWORD).put("keywords", List.of(keyword(random, text)));
        }
        if (kwargs.containsKey(Constraint.FORBIDDEN)) {
            kwargs.get(Constraint.FORBIDDEN).put("forbidden_words", List.of(Pick.one(random, Topics.FORBIDDEN)));
        }
        if (kwargs.containsKey(Constraint.NUMBER_WORDS)) {
            int words = countWords(text);
            int margin = Pick.between(random, 2, 8);
            boolean lessThan = random.nextBoolean();
            kwargs.get(Constraint.NUMBER_WORDS).put("relation", lessThan ? "less than" : "at least");
            // At least 2, so that a one-word rejected response (see Violations) always breaks it.
            kwargs.get(Constraint.NUMBER_WORDS).put("num_words", lessThan ? words + margin : Math.max(2, words - margin));
        }
    }

    /** {@code level} distinct, compatible constraints in random order. */
    private static List<Constraint> choose(SplittableRandom random, int level) {
        List<Constraint> pool = new ArrayList<>(List.of(Constraint.values()));
        Pick.shuffle(random, pool);
        List<Constraint> chosen = new ArrayList<>();
        for (Constraint c : pool) {
            if (chosen.size() < level && chosen.stream().noneMatch(c::conflictsWith)) {
                chosen.add(c);
            }
        }
        return chosen;
    }

    /** A word of four or more letters from the response, as the keyword the prompt asks for. */
    private static String keyword(SplittableRandom random, String text) {
        List<String> words = new ArrayList<>();
        Matcher m = Pattern.compile("[A-Za-z]{4,}").matcher(text);
        while (m.find()) {
            words.add(m.group().toLowerCase(Locale.ROOT));
        }
        return words.isEmpty() ? "the" : Pick.one(random, words);
    }

    /** Words as IFEval counts them (runs of word characters). */
    static int countWords(String text) {
        int n = 0;
        for (Matcher m = WORD.matcher(text); m.find(); ) {
            n++;
        }
        return n;
    }

    private static String describe(Constraint c, Map<String, Object> kw) {
        return switch (c) {
            case NO_COMMA -> "Do not use any commas.";
            case LOWERCASE -> "Use only lowercase letters.";
            case CAPITAL -> "Use only capital letters.";
            case TITLE -> "Give it a title in double angular brackets, like <<title>>.";
            case NUMBER_WORDS -> ("less than".equals(kw.get("relation")) ? "Use fewer than " : "Use at least ")
                    + kw.get("num_words") + " words.";
            case POSTSCRIPT -> "End with a postscript starting with P.S.";
            case END_PHRASE -> "Finish with the exact phrase: " + kw.get("end_phrase");
            case KEYWORD -> "Include the word '" + ((List<?>) kw.get("keywords")).get(0) + "'.";
            case FORBIDDEN -> "Do not use the word '" + ((List<?>) kw.get("forbidden_words")).get(0) + "'.";
            case QUOTATION -> "Wrap your whole answer in double quotes.";
            case BULLETS -> "Use exactly " + kw.get("num_bullets") + " bullet points, each starting with '* '.";
            case HIGHLIGHTS -> "Highlight at least " + kw.get("num_highlights") + " sentences with *asterisks*.";
        };
    }
}
