package dev.keyward.app.cli;

import dev.keyward.vault.scan.git.PreCommitHook;
import java.util.ArrayList;
import java.util.List;

/**
 * The text of the pre-commit hook {@code keyward scan --install-hook} writes: a POSIX shell script that
 * runs {@code scan --staged --no-prompt} through the launcher that installed it, by absolute path, with
 * no input (a hook has no terminal: it must never wait for a password), and whose exit status git obeys.
 */
final class PreCommitHookScript {

    private PreCommitHookScript() {
    }

    /** The script for {@code launcher} (the command's words, absolute) and the global options to pass on. */
    static String of(List<String> launcher, List<String> globalOptions) {
        List<String> words = new ArrayList<>(globalOptions);
        words.addAll(List.of("scan", "--staged", "--no-prompt"));
        String program = quote(launcher.get(0));
        StringBuilder rest = new StringBuilder();
        for (String word : launcher.subList(1, launcher.size())) {
            rest.append(' ').append(quote(word));
        }
        for (String word : words) {
            rest.append(' ').append(quote(word));
        }
        return "#!/bin/sh\n"
                + PreCommitHook.MARKER + "\n"
                + "# Written by 'keyward scan --install-hook'. Before each commit it scans what is staged: for copies of\n"
                + "# the vault's values when the Keyward app or agent serves the profile, else for keys by their format.\n"
                + "# A finding stops the commit, one line each; no value is ever printed.\n"
                + "launcher=" + program + "\n"
                + "if [ ! -x \"$launcher\" ]; then\n"
                + "  echo \"Keyward's pre-commit hook: $launcher is not there any more; install the hook again with"
                + " 'keyward scan --install-hook'.\" >&2\n"
                + "  exit 1\n"
                + "fi\n"
                + "exec \"$launcher\"" + rest + " </dev/null\n";
    }

    /** {@code word} in single quotes for sh, a quote inside it closed, escaped and reopened. */
    static String quote(String word) {
        return "'" + word.replace("'", "'\"'\"'") + "'";
    }
}
