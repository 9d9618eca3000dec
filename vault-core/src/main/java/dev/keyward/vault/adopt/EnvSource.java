package dev.keyward.vault.adopt;

import dev.keyward.vault.InvalidInputException;
import dev.keyward.vault.crypto.Wipe;
import dev.keyward.vault.env.DotenvFile;
import dev.keyward.vault.env.DotenvSpans;
import dev.keyward.vault.env.DotenvSyntaxException;
import dev.keyward.vault.io.UserFiles;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * One {@code .env} file as adopt read it: its exact bytes (kept to back up and to notice a change before
 * the file is replaced), its text, its values as dotenv reads them, and where each value is written.
 * Read by the rules of {@code env import} ({@link DotenvFile}); {@link #close()} wipes it all.
 */
final class EnvSource implements AutoCloseable {

    final Path file;
    final String shown;
    final byte[] bytes;
    final char[] text;
    final DotenvFile.Contents contents;
    final List<DotenvSpans.ValueSpan> spans;

    private EnvSource(Path file, String shown, byte[] bytes, char[] text, DotenvFile.Contents contents,
                      List<DotenvSpans.ValueSpan> spans) {
        this.file = file;
        this.shown = shown;
        this.bytes = bytes;
        this.text = text;
        this.contents = contents;
        this.spans = spans;
    }

    /**
     * Reads {@code file}; {@code shown} names it in messages.
     *
     * @throws InvalidInputException naming the file and line when it is not a well-formed .env file
     */
    static EnvSource read(Path file, String shown) {
        byte[] bytes = UserFiles.read(file, DotenvFile.MAX_BYTES);
        char[] text = null;
        DotenvFile.Contents contents = null;
        try {
            text = DotenvFile.decodeText(bytes, shown);
            List<DotenvSpans.ValueSpan> spans;
            try {
                spans = DotenvSpans.of(java.nio.CharBuffer.wrap(text));
            } catch (DotenvSyntaxException e) {
                // Read first by the span reader for the column: the same rules as env import, which names the line.
                throw new InvalidInputException(shown + ", line " + e.line() + (e.column() > 0 ? ", column " + e.column()
                        : "") + ": " + e.reason() + ". Nothing was imported.");
            }
            contents = DotenvFile.parse(text, shown);
            return new EnvSource(file, shown, bytes, text, contents, spans);
        } catch (InvalidInputException e) {
            Wipe.bytes(bytes);
            Wipe.chars(text);
            throw new InvalidInputException(e.getMessage().replace("Nothing was imported.",
                    "Nothing was adopted; fix the line and try again."), e);
        } catch (RuntimeException e) {
            Wipe.bytes(bytes);
            Wipe.chars(text);
            if (contents != null) {
                contents.close();
            }
            throw e;
        }
    }

    /** Whether the file on disk still holds exactly the bytes that were read. */
    boolean unchangedOnDisk() {
        byte[] now;
        try {
            now = UserFiles.read(file, DotenvFile.MAX_BYTES);
        } catch (RuntimeException e) {
            return false;
        }
        try {
            return Arrays.equals(now, bytes);
        } finally {
            Wipe.bytes(now);
        }
    }

    @Override
    public void close() {
        Wipe.bytes(bytes);
        Wipe.chars(text);
        contents.close();
    }
}
