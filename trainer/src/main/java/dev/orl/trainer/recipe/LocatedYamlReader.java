package dev.orl.trainer.recipe;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Reads YAML into a Jackson tree while recording the line of every key and list item in a {@link SourceMap}
 * (Jackson's own trees forget where things were written). Duplicate keys are errors; syntax errors name the line
 * SnakeYAML stopped at and what it found there.
 */
final class LocatedYamlReader {

    private static final YAMLFactory YAML = new YAMLFactory();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final String source;
    private final SourceMap sources;

    private LocatedYamlReader(String source, SourceMap sources) {
        this.source = source;
        this.sources = sources;
    }

    /** Parses {@code text} (named {@code source} in messages); locations go into {@code sources}. */
    static JsonNode read(String text, String source, SourceMap sources) {
        LocatedYamlReader reader = new LocatedYamlReader(source, sources);
        try (JsonParser p = YAML.createParser(text)) {
            if (p.nextToken() == null) {
                return NODES.objectNode();
            }
            return reader.value(p, "");
        } catch (RecipeException e) {
            throw e;
        } catch (IOException e) {
            throw notYaml(e, source);
        }
    }

    /**
     * SnakeYAML's problem at the line of its problem mark. Jackson's own location and message are not used: its
     * location is the last token it read (often the line before the mistake) and its message opens with SnakeYAML's
     * context ("while scanning for the next token"), which says least.
     */
    private static RecipeException notYaml(IOException e, String source) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof MarkedYAMLException m && m.getProblemMark() != null && m.getProblem() != null) {
                return RecipeException.at(new Origin(source, m.getProblemMark().getLine() + 1),
                        "not valid YAML: " + problem(m));
            }
        }
        int line = e instanceof JsonProcessingException jpe && jpe.getLocation() != null
                ? jpe.getLocation().getLineNr() : 0;
        String why = e instanceof JsonProcessingException jpe ? jpe.getOriginalMessage() : e.getMessage();
        return RecipeException.at(new Origin(source, line), "not valid YAML: " + firstLine(why));
    }

    /** The problem in words, with where the construct it broke began when that is another line. */
    private static String problem(MarkedYAMLException m) {
        Mark at = m.getProblemMark();
        if (charAt(at, 0) == '\t') {
            // The commonest mistake, and SnakeYAML words it as "cannot start any token".
            return indentation(at) ? "found a tab character where indentation is expected (YAML indents with spaces)"
                    : "found a tab character where YAML expects a space";
        }
        String problem = m.getProblem();
        Mark from = m.getContextMark();
        if (m.getContext() == null || from == null) {
            return problem;
        }
        String context = from.getLine() == at.getLine() ? m.getContext()
                : m.getContext() + " that starts at line " + (from.getLine() + 1);
        // "<block end>" is parser jargon: something is indented so that it neither continues the block nor ends it.
        String hint = problem.startsWith("expected <block end>") ? "; check this line's indentation" : "";
        return problem + " (" + context + hint + ")";
    }

    /** True when only spaces and tabs come before {@code at} on its line. */
    private static boolean indentation(Mark at) {
        for (int back = 1; back <= at.getColumn(); back++) {
            int c = charAt(at, -back);
            if (c != ' ' && c != '\t') {
                return false;
            }
        }
        return true;
    }

    /** The code point {@code offset} away from {@code at}, or -1 outside what SnakeYAML kept of the text. */
    private static int charAt(Mark at, int offset) {
        int[] buffer = at.getBuffer();
        int i = at.getPointer() + offset;
        return buffer != null && i >= 0 && i < buffer.length ? buffer[i] : -1;
    }

    private JsonNode value(JsonParser p, String path) throws IOException {
        JsonToken t = p.currentToken();
        return switch (t) {
            case START_OBJECT -> object(p, path);
            case START_ARRAY -> array(p, path);
            case VALUE_STRING -> NODES.textNode(p.getText());
            case VALUE_NUMBER_INT -> switch (p.getNumberType()) {
                case INT -> NODES.numberNode(p.getIntValue());
                case LONG -> NODES.numberNode(p.getLongValue());
                default -> NODES.numberNode(p.getBigIntegerValue());
            };
            case VALUE_NUMBER_FLOAT -> NODES.numberNode(yamlFloat(p.getText()));
            case VALUE_TRUE -> NODES.booleanNode(true);
            case VALUE_FALSE -> NODES.booleanNode(false);
            case VALUE_NULL -> NODES.nullNode();
            default -> throw RecipeException.at(new Origin(source, p.currentTokenLocation().getLineNr()),
                    "unsupported YAML value " + t + (path.isEmpty() ? "" : " at '" + path + "'"));
        };
    }

    private ObjectNode object(JsonParser p, String path) throws IOException {
        ObjectNode node = NODES.objectNode();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String key = p.currentName();
            String child = path.isEmpty() ? key : path + "." + key;
            Origin origin = new Origin(source, p.currentTokenLocation().getLineNr());
            if (node.has(key)) {
                throw RecipeException.at(origin, "duplicate key '" + child + "' (first written at "
                        + sources.where(child) + ")");
            }
            sources.put(child, origin);
            p.nextToken();
            node.set(key, value(p, child));
        }
        return node;
    }

    private ArrayNode array(JsonParser p, String path) throws IOException {
        ArrayNode node = NODES.arrayNode();
        int index = 0;
        while (p.nextToken() != JsonToken.END_ARRAY) {
            String child = path + "." + index;
            sources.put(child, new Origin(source, p.currentTokenLocation().getLineNr()));
            node.add(value(p, child));
            index++;
        }
        return node;
    }

    /** YAML's floats, including {@code .inf}, {@code -.inf} and {@code .nan} that Jackson's parser rejects. */
    private static double yamlFloat(String text) {
        String t = text.toLowerCase(java.util.Locale.ROOT);
        return switch (t) {
            case ".inf", "+.inf" -> Double.POSITIVE_INFINITY;
            case "-.inf" -> Double.NEGATIVE_INFINITY;
            case ".nan" -> Double.NaN;
            default -> Double.parseDouble(t.replace("_", ""));
        };
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
