package dev.keyward.app.cli;

import dev.keyward.vault.crypto.Argon2Params;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;

/**
 * Checks the commands a text names ("'keyward secret list' shows them") against the real
 * command tree: each command and subcommand must exist, and each option must be one of that
 * command's (or a global one).
 */
public final class CliCommandCheck {

    /** "keyward" and what follows it up to a closing quote or parenthesis. */
    private static final Pattern NAMED = Pattern.compile("keyward ([^'\")`]*)");

    private static final Pattern OPTION = Pattern.compile("(?<![\\w-])--[a-z][a-z-]*");

    private static final CommandLine ROOT = CommandTree.build(new KeywardCommand(null, Argon2Params.FLOOR), new String[0]);

    private CliCommandCheck() {
    }

    /** Every command {@code text} names, each as it was written after "keyward ". */
    public static List<String> named(String text) {
        List<String> out = new ArrayList<>();
        Matcher m = NAMED.matcher(text);
        while (m.find()) {
            String words = m.group(1).strip();
            if (!words.isEmpty() && Character.isLowerCase(words.charAt(0))) {
                out.add(words);
            }
        }
        return out;
    }

    /** What is wrong with {@code words} (a command as written after "keyward "); empty when it exists. */
    public static List<String> problems(String words) {
        List<String> problems = new ArrayList<>();
        CommandLine current = ROOT;
        String path = "keyward";
        boolean pastCommand = false;
        for (String raw : words.split("\\s+")) {
            String token = raw.replaceAll("[.,;:]+$", "");
            if (token.isEmpty()) {
                continue;
            }
            if (token.startsWith("--")) {
                String option = token.contains("=") ? token.substring(0, token.indexOf('=')) : token;
                if (!hasOption(current, option) && !hasOption(ROOT, option)) {
                    problems.add("'" + path + "' has no option " + option + " (in: keyward " + words + ")");
                }
                pastCommand = true;
                continue;
            }
            if (!pastCommand && current.getSubcommands().containsKey(token)) {
                current = current.getSubcommands().get(token);
                path += " " + token;
                continue;
            }
            if (!pastCommand && current == ROOT) {
                problems.add("there is no command 'keyward " + token + "' (in: keyward " + words + ")");
                return problems;
            }
            if (!pastCommand && !current.getSubcommands().isEmpty() && token.equals(token.toLowerCase(Locale.ROOT))
                    && current.getCommandSpec().positionalParameters().isEmpty()) {
                problems.add("'" + path + "' has no subcommand '" + token + "' (in: keyward " + words + ")");
                return problems;
            }
            pastCommand = true;
        }
        return problems;
    }

    /** The options {@code text} names outside any command it names ("choose one with --profile NAME"). */
    public static List<String> loneOptions(String text) {
        List<String> out = new ArrayList<>();
        Matcher m = OPTION.matcher(NAMED.matcher(text).replaceAll(""));
        while (m.find()) {
            out.add(m.group());
        }
        return out;
    }

    /** What is wrong with a global option named alone; empty when {@code keyward} has it. */
    public static List<String> problemsOfGlobalOption(String option) {
        return hasOption(ROOT, option) ? List.of() : List.of("keyward has no global option " + option);
    }

    private static boolean hasOption(CommandLine command, String option) {
        return command.getCommandSpec().findOption(option) != null;
    }
}
