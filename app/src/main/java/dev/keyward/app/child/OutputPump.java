package dev.keyward.app.child;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.concurrent.TimeUnit;

/**
 * Copies one of the child's output streams to Keyward's on its own thread, flushing after every
 * read so output shows as the child writes it.
 */
final class OutputPump {

    private static final int BUFFER = 8192;

    private final Thread thread;

    private OutputPump(Thread thread) {
        this.thread = thread;
    }

    /** Starts copying {@code from} to {@code to} until {@code from} ends or fails. */
    static OutputPump start(String name, InputStream from, OutputStream to) {
        Thread thread = new Thread(() -> copy(from, to), name);
        thread.setDaemon(true);
        thread.start();
        return new OutputPump(thread);
    }

    /**
     * Waits for the copy to end, at most {@code seconds}: a program the child left running in the
     * background may keep the stream open after the child itself has ended.
     */
    void awaitEnd(long seconds) {
        try {
            thread.join(TimeUnit.SECONDS.toMillis(seconds));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void copy(InputStream from, OutputStream to) {
        byte[] buffer = new byte[BUFFER];
        try {
            int n;
            while ((n = from.read(buffer)) >= 0) {
                if (n > 0) {
                    to.write(buffer, 0, n);
                    to.flush();
                }
            }
        } catch (IOException e) {
            // The child's side closed (a pseudo-terminal reports its end as an error) or ours did.
        }
    }
}
