package dev.keyward.app.cli;

import dev.keyward.vault.InvalidInputException;
import dev.keyward.vault.crypto.StrictUtf8;
import dev.keyward.vault.crypto.Wipe;
import dev.keyward.vault.refs.Reference;
import dev.keyward.vault.refs.ReferenceResolver;
import dev.keyward.vault.refs.ReferenceSyntaxException;
import dev.keyward.vault.secrets.SecretService;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code keyward read REF}: prints the one value a {@code keyward://} reference names. */
@Command(name = "read", description = {"Print the value a keyward:// reference names: keyward://secrets/NAME or "
        + "keyward://projects/PROJECT/VAR (percent-encode odd characters: a '/' inside a name is %2F).",
        "Like 'op read', the value is followed by a newline unless -n is given."})
public final class ReadCommand implements Callable<Integer> {

    @ParentCommand
    KeywardCommand root;

    @Parameters(paramLabel = "REF", description = "The reference, e.g. keyward://projects/api/OPENAI_API_KEY.")
    String reference;

    @Option(names = {"-n", "--no-newline"}, description = "Print the value alone, without a newline after it.")
    boolean noNewline;

    @Option(names = "--password-stdin")
    boolean passwordStdin;

    @Override
    public Integer call() {
        Reference parsed;
        try {
            parsed = Reference.parse(reference);
        } catch (ReferenceSyntaxException e) {
            throw new InvalidInputException("That is not a keyward:// reference: " + e.reason() + ".");
        }
        byte[] bytes;
        try (SessionLease lease = root.unlock(passwordStdin);
             ReferenceResolver.Resolved resolved = new ReferenceResolver(lease.session())
                     .resolve(List.of(parsed), SecretService.Purpose.READ)) {
            if (!resolved.complete()) {
                throw ReferenceProblems.of(resolved, r -> "The reference", "Nothing was printed.");
            }
            char[] value = resolved.values().get(parsed);
            char[] line = noNewline ? value.clone() : java.util.Arrays.copyOf(value, value.length + 1);
            if (!noNewline) {
                line[value.length] = '\n';
            }
            try {
                bytes = StrictUtf8.encode(line);
            } finally {
                Wipe.chars(line);
            }
        }
        try {
            CheckedOutput.write(root.terminal().out(), bytes);
        } finally {
            Wipe.bytes(bytes);
        }
        return 0;
    }
}
