package dev.keyward.vault.adopt;

import dev.keyward.vault.InvalidInputException;
import dev.keyward.vault.crypto.Wipe;
import dev.keyward.vault.env.DotenvFile;
import dev.keyward.vault.env.DotenvSpans;
import dev.keyward.vault.env.SecretText;
import dev.keyward.vault.refs.Reference;
import dev.keyward.vault.refs.ReferenceTemplate;
import java.nio.CharBuffer;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;

/**
 * The text a {@code .env} file becomes when adopted: every definition of an adopted variable has its value
 * (quotes included, a multi-line value whole) replaced by the variable's {@code keyward://} reference, and
 * every other character stays as it was: comments, blank lines, order, {@code export}, spacing, trailing
 * comments, line endings, the other lines. Before it is used, the text is read back by the same dotenv
 * rules and the same reference check {@code run --env-file} applies, and refused unless it gives each
 * adopted variable its reference and every other variable its old value.
 */
final class ReferenceFile {

    private ReferenceFile() {
    }

    /** The new text for {@code source} with {@code references} (variable to reference) put in; the caller wipes it. */
    static char[] render(EnvSource source, Map<String, Reference> references) {
        SecretText out = new SecretText();
        try {
            int copied = 0;
            for (DotenvSpans.ValueSpan span : source.spans) {
                Reference reference = references.get(span.key());
                if (reference == null) {
                    continue;
                }
                out.append(CharBuffer.wrap(source.text, copied, span.start() - copied));
                out.append(reference.toString());
                if (span.end() < source.text.length && source.text[span.end()] == '#') {
                    // "A='x'#note": unquoted, the '#' would run into the reference; a space keeps it a comment.
                    out.append(' ');
                }
                copied = span.end();
            }
            out.append(CharBuffer.wrap(source.text, copied, source.text.length - copied));
            return out.toCharArray();
        } finally {
            out.wipe();
        }
    }

    /**
     * Why {@code text} would not work as {@code source}'s replacement, or empty when it reads back as it
     * should; the reason names variables, never values.
     */
    static Optional<String> check(char[] text, EnvSource source, Map<String, Reference> references) {
        try (DotenvFile.Contents back = DotenvFile.parse(text, source.shown)) {
            ReferenceTemplate.of(CharBuffer.wrap(text), source.shown);
            Map<String, char[]> before = source.contents.values();
            Map<String, char[]> after = back.values();
            if (!before.keySet().equals(after.keySet())) {
                return Optional.of("the file would define other variables than before");
            }
            Iterator<String> order = after.keySet().iterator();
            for (String key : before.keySet()) {
                if (!key.equals(order.next())) {
                    return Optional.of("the file would list its variables in another order");
                }
                Reference reference = references.get(key);
                char[] expected = reference == null ? before.get(key) : reference.toString().toCharArray();
                if (!Arrays.equals(expected, after.get(key))) {
                    return Optional.of("variable " + key + " would not read back as "
                            + (reference == null ? "it was" : "its reference"));
                }
            }
            return Optional.empty();
        } catch (InvalidInputException e) {
            return Optional.of("the file with references would not read back: " + e.getMessage());
        }
    }

    /** Renders and checks; the caller wipes the result. */
    static char[] renderChecked(EnvSource source, Map<String, Reference> references) {
        char[] text = render(source, references);
        Optional<String> problem = check(text, source, references);
        if (problem.isPresent()) {
            Wipe.chars(text);
            throw new InvalidInputException(source.shown + " cannot be turned into references: " + problem.get()
                    + ". Nothing was adopted.");
        }
        return text;
    }
}
