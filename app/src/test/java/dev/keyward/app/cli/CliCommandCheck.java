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
            // Global options may come first ("keyward --data-dir DIR script list", "keyward --help").
            if (!words.isEmpty() && (Character.isLowerCase(words.charAt(0)) || words.startsWith("--"))) {
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
        boolean optionValue = false;
        for (String raw : words.split("\\s+")) {
            // Usage notation around a word ("[--json]", "ID...") is not part of it.
            String token = raw.replaceAll("^[\\[(]+", "").replaceAll("[\\])]*(\\.\\.\\.)?[\\])]*[.,;:]*$", "");
            if (token.isEmpty()) {
                continue;
            }
            if (token.equals("--")) {
                break; // what follows is the child's command line (run -- npm start)
            }
            if (token.equals(dev.keyward.app.agent.client.AgentRoute.NO_AGENT)) {
                continue; // read before the command line is parsed, anywhere in it
            }
            if (optionValue) {
                optionValue = false; // the value of the option before, not a command
                continue;
            }
            if (token.startsWith("--")) {
                String option = token.contains("=") ? token.substring(0, token.indexOf('=')) : token;
                if (!hasOption(current, option) && !hasOption(ROOT, option)) {
                    problems.add("'" + path + "' has no option " + option + " (in: keyward " + words + ")");
                }
                if (current == ROOT && hasOption(ROOT, option)) {
                    // A global option before the command: its value (if any) is next, then the command.
                    optionValue = !token.contains("=") && ROOT.getCommandSpec().findOption(option).arity().max() > 0;
                    continue;
                }
                pastCommand = true;
                continue;
            }
            if (!pastCommand && token.contains("|") && !token.startsWith("-")) {
                // Usage notation "agent status|stop": each alternative must be a subcommand.
                CommandLine parent = current;
                List<String> missing = java.util.Arrays.stream(token.split("\\|"))
                        .filter(alternative -> !parent.getSubcommands().containsKey(alternative)).toList();
                if (!missing.isEmpty()) {
                    problems.add("'" + path + "' has no subcommand '" + String.join("', '", missing) + "' (in: keyward "
                            + words + ")");
                    return problems;
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
