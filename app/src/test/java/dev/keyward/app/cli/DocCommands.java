package dev.keyward.app.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The commands a Markdown text names: {@code `keyward ...`} code spans, and lines of fenced code
 * blocks that start with {@code keyward}, {@code ./keyward} or {@code $ ./keyward}; each as written
 * after "keyward", cut where the shell takes over (a pipe, a redirection, a comment, {@code &&}).
 */
public final class DocCommands {

    private static final Pattern SPAN = Pattern.compile("`(?:\\./)?keyward ([^`]+)`");
    private static final Pattern LINE = Pattern.compile("^\\s*(?:\\$ )?(?:\\./)?keyward (.*)$");
    private static final Pattern SHELL = Pattern.compile("\\s(?:\\||>|2>|<|&&|;|#|&$)");

    private DocCommands() {
    }

    public static List<String> in(String markdown) {
        List<String> out = new ArrayList<>();
        boolean inBlock = false;
        for (String line : markdown.split("\n")) {
            if (line.strip().startsWith("```")) {
                inBlock = !inBlock;
                continue;
            }
            if (inBlock) {
                Matcher m = LINE.matcher(line);
                if (m.matches()) {
                    add(m.group(1), out);
                }
            } else {
                Matcher m = SPAN.matcher(line);
                while (m.find()) {
                    add(m.group(1), out);
                }
            }
        }
        return out;
    }

    private static void add(String words, List<String> out) {
        Matcher shell = SHELL.matcher(" " + words);
        String command = (shell.find() ? (" " + words).substring(0, shell.start()) : " " + words).strip();
        if (!command.isEmpty()) {
            out.add(command);
        }
    }
}
