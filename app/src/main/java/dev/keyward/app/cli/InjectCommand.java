package dev.keyward.app.cli;

import dev.keyward.vault.InvalidInputException;
import dev.keyward.vault.OperationFailedException;
import dev.keyward.vault.crypto.StrictUtf8;
import dev.keyward.vault.crypto.Wipe;
import dev.keyward.vault.io.UserFiles;
import dev.keyward.vault.refs.ReferenceResolver;
import dev.keyward.vault.refs.ReferenceTemplate;
import dev.keyward.vault.secrets.SecretService;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code keyward inject -i TEMPLATE [-o FILE]}: a text file with {@code keyward://} references, written
 * out with their values in their place. All or nothing: a malformed or unresolvable reference, a
 * template that is not text, or a target that cannot be written stops it before anything is written.
 */
@Command(name = "inject", description = {"Replace the keyward:// references in a text file with their values.",
        "The result goes to FILE (written atomically, readable by you only) or to stdout. A reference that cannot "
                + "be resolved stops it with its line and column, and nothing is written; a value that holds a "
                + "reference itself is refused (references are not followed, so there are no cycles). "
                + "At most " + ReferenceTemplate.MAX_DISTINCT + " distinct references per template."})
public final class InjectCommand implements Callable<Integer> {

    @ParentCommand
    KeywardCommand root;

    @Option(names = {"-i", "--in-file"}, paramLabel = "TEMPLATE", required = true,
            description = "The template: UTF-8 text of at most 16 MiB.")
    Path template;

    @Option(names = {"-o", "--out-file"}, paramLabel = "FILE",
            description = "Where to write the result (its folder must exist); stdout without it.")
    Path output;

    @Option(names = "--password-stdin")
    boolean passwordStdin;

    @Override
    public Integer call() {
        Path in = root.resolve(template);
        Path out = output == null ? null : root.resolve(output);
        if (out != null) {
            // Refuse a symbolic link, device or missing folder before anything is decrypted or audited.
            UserFiles.checkWritable(out);
            if (sameFile(in, out)) {
                throw new InvalidInputException(out + " is the template itself; writing the values over it would lose"
                        + " its references. Nothing was written.");
            }
        }
        String name = in.getFileName() == null ? in.toString() : in.getFileName().toString();
        ReferenceTemplate parsed = ReferenceTemplate.of(readText(in), name);
        FileReferences.check(root.approvedReferences(), parsed.references(), "Nothing was written.");
        byte[] bytes;
        try (SessionLease lease = root.unlock(passwordStdin);
             ReferenceResolver.Resolved resolved = new ReferenceResolver(lease.session())
                     .resolve(parsed.references(), SecretService.Purpose.INJECT)) {
            if (!resolved.complete()) {
                throw ReferenceProblems.of(resolved, r -> name + ", " + parsed.firstPlace(r), "Nothing was written.");
            }
            char[] text = parsed.render(resolved.values());
            try {
                bytes = StrictUtf8.encode(text);
            } finally {
                Wipe.chars(text);
            }
        }
        try {
            if (out == null) {
                CheckedOutput.write(root.terminal().out(), bytes);
                return 0;
            }
            try {
                UserFiles.write(out, bytes);
            } catch (IOException e) {
                throw new OperationFailedException("Could not write " + out + "; nothing was written.", e);
            }
        } finally {
            Wipe.bytes(bytes);
        }
        root.terminal().out().println("Wrote " + out + " with " + parsed.occurrences().size() + " references ("
                + parsed.references().size() + " distinct) resolved; it is readable by you only.");
        return 0;
    }

    /**
     * The template's text: a regular file of at most 16 MiB, strict UTF-8 without NUL (a binary file
     * would be mangled, and a value could land inside data no one reads as text).
     */
    static String readText(Path file) {
        byte[] raw = UserFiles.read(file, UserFiles.TEXT_LIMIT);
        for (byte b : raw) {
            if (b == 0) {
                throw new InvalidInputException(file + " is not a text file (it holds NUL bytes); a template must be"
                        + " UTF-8 text. Nothing was written.");
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(raw)).toString();
        } catch (CharacterCodingException e) {
            throw new InvalidInputException(file + " is not UTF-8 text; a template must be UTF-8 text."
                    + " Nothing was written.");
        }
    }

    private static boolean sameFile(Path a, Path b) {
        try {
            return Files.exists(b) && Files.isSameFile(a, b);
        } catch (IOException e) {
            return false;
        }
    }
}
