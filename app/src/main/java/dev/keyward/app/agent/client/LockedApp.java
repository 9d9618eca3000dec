package dev.keyward.app.agent.client;

import java.io.Console;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * What the command line does when the desktop app is open but its profile is locked: it says so in one
 * sentence; a person at a terminal is offered the app's unlock window ({@code [Y/n]}, yes by default: one
 * unlock in the app serves this and every later command without a password typed into a terminal). It is
 * asked, not done unasked, because raising the window takes the focus from the terminal the person is
 * typing in. After a yes the command waits for the unlock and then goes through the app; no answer (a
 * script, no terminal), a no, or no unlock in time means the direct path, which prompts for the password
 * when the terminal has one.
 */
final class LockedApp {

    /** How long a command waits for the person to unlock in the app, like an approval's wait. */
    static final Duration UNLOCK_WAIT = Duration.ofSeconds(60);
    private static final Duration LOOK_EVERY = Duration.ofMillis(300);

    /** The person at the terminal, asked a yes/no question. */
    @FunctionalInterface
    interface Person {
        /** Whether the person agreed to {@code question}; an empty answer is yes, end of input no. */
        boolean agrees(String question);

        /** The terminal's person, through the console (no echo needed: the answer is no secret). */
        /** Nobody to ask (no terminal): the answer is always no. An anonymous class, not a lambda (fast path). */
        Person NOBODY = new Person() {
            @Override
            public boolean agrees(String question) {
                return false;
            }
        };

        static Person atConsole() {
            return new Person() {
                @Override
                public boolean agrees(String question) {
                    // The console is looked up only when asked: it loads ~100 classes the fast path avoids.
                    Console console = System.console();
                    if (console == null) {
                        return false;
                    }
                    String answer = console.readLine("%s", question);
                    if (answer == null) {
                        return false;
                    }
                    String a = answer.strip().toLowerCase(Locale.ROOT);
                    return a.isEmpty() || a.equals("y") || a.equals("yes");
                }
            };
        }
    }

    private final AgentClient client;
    private final PrintStream err;
    private final Person person;
    private final Duration wait;

    LockedApp(AgentClient client, PrintStream err, Person person, Duration wait) {
        this.client = client;
        this.err = err;
        this.person = person;
        this.wait = wait;
    }

    /**
     * Called when the agent on {@code socket} answered that {@code profile} is locked: the outcome of the
     * command run through the app once the person unlocked it there, or empty for the direct path.
     */
    Optional<AgentClient.Outcome> handle(Path socket, AgentRequest request, String profile, boolean terminal) {
        // No profile yet: the app has not been unlocked since it started, so it cannot say which it will open.
        String state = profile.isEmpty() ? "Keyward is open but locked"
                : "Keyward is open but profile '" + profile + "' is locked";
        if (!terminal) {
            err.println("keyward: " + state + ", so this command needs the password"
                    + " itself (unlock it in the app to skip this next time).");
            return Optional.empty();
        }
        err.println("keyward: " + state + ".");
        if (!person.agrees("Bring Keyward's unlock window forward to unlock there? [Y/n] ")) {
            return Optional.empty();
        }
        if (!client.raiseUnlockWindow(socket, request.profile())) {
            err.println("keyward: the app did not bring its window forward; asking for the password here instead.");
            return Optional.empty();
        }
        err.println("keyward: waiting for the unlock in the app (up to " + wait.toSeconds() + " s; Ctrl-C stops).");
        long deadline = System.nanoTime() + wait.toNanos();
        while (System.nanoTime() < deadline) {
            if (client.servesUnlocked(socket, request.profile())) {
                return Optional.of(client.run(socket, request));
            }
            try {
                Thread.sleep(LOOK_EVERY.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        err.println("keyward: the profile is still locked; asking for the password here instead.");
        return Optional.empty();
    }
}
