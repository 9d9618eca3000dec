package dev.keyward.app.child;

import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * Starts the programs of one {@code run --watch}, one after another, all on pipes or each on a new
 * pseudo-terminal (chosen once, by {@link ChildRunner#starter}); closing it gives Keyward's terminal back.
 */
public sealed interface ProgramStarter extends AutoCloseable permits ProgramStarter.OnPipes, PtyStarter {

    /**
     * Starts {@code argv} with {@code inherited} (credential variables removed) plus {@code values}'
     * variables; unless masking is off, everything {@code values} holds is concealed in what it prints.
     *
     * @throws IOException when the program cannot be started
     */
    StartedProgram start(List<String> argv, Map<String, String> inherited, ChildValues values) throws IOException;

    /** How Keyward's own lines on stderr end meanwhile: a terminal in raw mode needs a carriage return too. */
    String newline();

    @Override
    void close();

    /** Each program on pipes, Keyward's stdin as its stdin (no terminal to keep). */
    record OnPipes(ChildRunner runner) implements ProgramStarter {
        @Override
        public StartedProgram start(List<String> argv, Map<String, String> inherited, ChildValues values)
                throws IOException {
            return runner.startOnPipes(argv, inherited, values);
        }

        @Override
        public String newline() {
            return "\n";
        }

        @Override
        public void close() {
            // Nothing was taken over.
        }
    }
}
