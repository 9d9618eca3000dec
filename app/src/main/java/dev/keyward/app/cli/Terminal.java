package dev.keyward.app.cli;

import dev.keyward.vault.InvalidInputException;
import dev.keyward.vault.crypto.Password;
import dev.keyward.vault.crypto.StrictUtf8;
import dev.keyward.vault.crypto.Wipe;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.Map;

/**
 * The CLI's streams, environment and prompts. Secrets read from stdin, the environment or the
 * console become wipeable {@code char[]}; stdin is read line by line as bytes, never as Strings.
 */
public final class Terminal {

    /** The longest stdin line read (a password, a recovery code, an answer). */
    private static final int MAX_LINE_BYTES = 64 * 1024;
    /** The most of stdin read at once (a secret value of up to 64 Ki characters fits). */
    private static final int MAX_INPUT_BYTES = 1024 * 1024;

    private final InputStream in;
    private final PrintStream out;
    private final PrintStream err;
    private final Map<String, String> env;
    private final java.io.Console console;

    public Terminal(InputStream in, PrintStream out, PrintStream err, Map<String, String> env, java.io.Console console) {
        this.in = in;
        this.out = out;
        this.err = err;
        this.env = env;
        this.console = console;
    }

    /** Standard input as a stream (the MCP server's message channel); commands read lines through the methods below. */
    public InputStream in() {
        return in;
    }

    public PrintStream out() {
        return out;
    }

    public PrintStream err() {
        return err;
    }

    public Map<String, String> env() {
        return env;
    }

    public boolean interactive() {
        return console != null;
    }

    /**
     * A secret from the next stdin line when {@code fromStdin}, else from {@code envVar} if set,
     * else a console prompt ({@code confirm}: asked twice). Errors when none of them can answer.
     *
     * <p>Explicit input wins: {@code --password-stdin} is a choice made for this one command,
     * while a variable may be left over in the shell, so with both the variable is ignored and a
     * note on stderr says so.
     */
    public Password secret(String envVar, boolean fromStdin, String prompt, boolean confirm) {
        String fromEnv = env.get(envVar);
        if (fromStdin) {
            if (fromEnv != null) {
                err.println("Note: " + envVar + " is set but not used: --password-stdin was given, so the "
                        + prompt.toLowerCase() + " is read from standard input.");
            }
            char[] line = readLine();
            if (line == null) {
                throw new CliUsageException("Standard input ended before the " + prompt.toLowerCase() + " was given.");
            }
            return Password.adopt(line);
        }
        if (fromEnv != null) {
            return Password.adopt(fromEnv.toCharArray());
        }
        if (console == null) {
            throw new CliUsageException("No " + prompt.toLowerCase() + " given and no terminal to ask on: set "
                    + envVar + " or pass --password-stdin.");
        }
        char[] first = console.readPassword("%s: ", prompt);
        if (first == null) {
            throw new CliUsageException("No " + prompt.toLowerCase() + " was entered.");
        }
        if (confirm) {
            char[] second = console.readPassword("%s (again): ", prompt);
            boolean same = second != null && Arrays.equals(first, second);
            Wipe.chars(second);
            if (!same) {
                Wipe.chars(first);
                throw new CliUsageException("The two entries did not match; nothing was changed.");
            }
        }
        return Password.adopt(first);
    }

    /** A secret value: all of stdin (one trailing newline dropped) or a console prompt. */
    public char[] value(boolean fromStdin, String prompt) {
        if (fromStdin) {
            char[] all = readAll();
            if (all.length == 0) {
                throw new CliUsageException("Standard input was empty; no value was given.");
            }
            return all;
        }
        if (console == null) {
            throw new CliUsageException("No value given and no terminal to ask on: pipe it in with --value-stdin.");
        }
        char[] value = console.readPassword("%s: ", prompt);
        if (value == null || value.length == 0) {
            throw new CliUsageException("No value was entered; nothing was changed.");
        }
        return value;
    }

    /** A yes/no question on the console; false when there is no console to ask on. */
    public boolean confirm(String question) {
        if (console == null) {
            return false;
        }
        String answer = console.readLine("%s [y/N] ", question);
        return answer != null && (answer.trim().equalsIgnoreCase("y") || answer.trim().equalsIgnoreCase("yes"));
    }

    /** One line of stdin without its line ending, or null at the end. */
    public char[] readLine() {
        // One fixed buffer, wiped whatever happens: a growing stream would leave copies of the password.
        byte[] bytes = new byte[MAX_LINE_BYTES];
        try {
            int size = 0;
            int b;
            boolean any = false;
            while ((b = in.read()) != -1) {
                any = true;
                if (b == '\n') {
                    break;
                }
                if (size == MAX_LINE_BYTES) {
                    // Standard input may be endless (/dev/zero): stop instead of running out of memory.
                    throw new CliUsageException("A line of standard input is longer than 64 KiB; nothing was read.");
                }
                bytes[size++] = (byte) b;
            }
            if (!any) {
                return null;
            }
            int length = size > 0 && bytes[size - 1] == '\r' ? size - 1 : size;
            return decode(bytes, length);
        } catch (IOException e) {
            throw new CliUsageException("Could not read standard input.");
        } finally {
            Wipe.bytes(bytes);
        }
    }

    /** The rest of stdin, with one trailing line ending removed. */
    public char[] readAll() {
        byte[] raw;
        try {
            raw = in.readNBytes(MAX_INPUT_BYTES + 1);
            if (raw.length > MAX_INPUT_BYTES) {
                Wipe.bytes(raw);
                throw new CliUsageException("Standard input holds more than 1 MiB; a secret value is at most 64 KiB."
                        + " Nothing was read.");
            }
        } catch (IOException e) {
            throw new CliUsageException("Could not read standard input.");
        }
        int length = raw.length;
        if (length > 0 && raw[length - 1] == '\n') {
            length--;
            if (length > 0 && raw[length - 1] == '\r') {
                length--;
            }
        }
        return decode(raw, length);
    }

    /** The first {@code length} bytes of {@code raw} as strict UTF-8 in a fresh char[]; {@code raw} is wiped. */
    public static char[] decode(byte[] raw, int length) {
        try {
            return StrictUtf8.decode(raw, length);
        } catch (InvalidInputException e) {
            throw new CliUsageException("Standard input is not valid UTF-8 text; nothing was read.");
        } finally {
            Wipe.bytes(raw);
        }
    }
}
