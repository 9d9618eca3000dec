package dev.keyward.app.child;

import dev.keyward.vault.crypto.Wipe;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;

/**
 * An output stream that writes what it is given with every form of the run's values replaced by
 * {@link OutputMask#CONCEALED}, also when a value arrives in pieces. It holds back only the last bytes
 * that may still begin a value (at most the longest form less one) and writes them once they cannot,
 * at the end, or (to a {@link Destination#TERMINAL terminal} only) once the writer has been quiet for a
 * moment, so a prompt without a newline still shows.
 */
public final class MaskingOutputStream extends OutputStream {

    /** Where the masked output goes: it decides whether held bytes may be written before the rest arrives. */
    public enum Destination {
        /**
         * An interactive terminal: held bytes are written after a quiet moment so a prompt shows; a value
         * whose rest comes later than that shows its beginning, which a person at a prompt accepts.
         */
        TERMINAL,
        /**
         * A pipe, a file or output collected for later: nobody waits at a prompt, so held bytes wait for
         * more bytes or the end however long that takes, and a pause never lets a value's beginning out.
         */
        PIPE
    }

    /** Held bytes that could begin a value only by chance (few of them) are released after this quiet time. */
    static final long SHORT_QUIET_NANOS = TimeUnit.MILLISECONDS.toNanos(10);
    /** Held bytes that look like a value's beginning wait longer for the rest to arrive. */
    static final long LONG_QUIET_NANOS = TimeUnit.MILLISECONDS.toNanos(1000);
    /** From this many bytes on, a pending beginning is unlikely to be chance. */
    static final int LIKELY_PREFIX = 4;

    private static final byte[] CONCEALED = OutputMask.concealedBytes();
    private static final int CHUNK = 8192;

    private final OutputMask mask;
    private final OutputStream target;
    private final Destination destination;
    /** Bytes read but not yet written; {@code covered} marks those that belong to a value's form. */
    private final byte[] held;
    private final boolean[] covered;
    private int heldLength;
    private int state;
    /** Whether the last byte written out was part of a concealed run (a run gets one marker). */
    private boolean inConcealedRun;
    private long lastWrite = System.nanoTime();
    private boolean closed;
    private Thread releaser;

    MaskingOutputStream(OutputMask mask, OutputStream target, Destination destination) {
        this.mask = mask;
        this.target = target;
        this.destination = java.util.Objects.requireNonNull(destination);
        int capacity = Math.max(1, mask.longestPattern()) + CHUNK;
        this.held = new byte[capacity];
        this.covered = new boolean[capacity];
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public synchronized void write(byte[] bytes, int offset, int length) throws IOException {
        if (closed) {
            throw new IOException("closed");
        }
        java.util.Objects.checkFromIndexSize(offset, length, bytes.length);
        int end = offset + length;
        int i = offset;
        while (i < end) {
            if (heldLength == 0 && mask.depth(state) == 0) {
                // Nothing pending: bytes that cannot begin a value go straight through, uncopied.
                int start = i;
                while (i < end && !mask.begins(bytes[i])) {
                    i++;
                }
                if (i > start) {
                    target.write(bytes, start, i - start);
                    inConcealedRun = false;
                }
                if (i == end) {
                    break;
                }
            }
            read(bytes[i++]);
            int keep = Math.min(heldLength, mask.depth(state));
            if (keep == 0 || heldLength == held.length) {
                emit(heldLength - keep);
            }
        }
        emit(heldLength - Math.min(heldLength, mask.depth(state)));
        lastWrite = System.nanoTime();
        if (heldLength > 0 && destination == Destination.TERMINAL) {
            startReleaser();
            notifyAll();
        }
    }

    /** Flushes the target; bytes that may still begin a value stay held (they are no more complete than before). */
    @Override
    public synchronized void flush() throws IOException {
        target.flush();
    }

    /** Writes everything still held (a value's beginning that never completed is written as it is), then closes the target. */
    @Override
    public void close() throws IOException {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            notifyAll();
            try {
                emit(heldLength);
                target.flush();
            } finally {
                Wipe.bytes(held);
                target.close();
            }
        }
        Thread running = releaser;
        if (running != null) {
            running.interrupt();
        }
    }

    private void read(byte b) {
        state = mask.next(state, b);
        held[heldLength] = b;
        covered[heldLength] = false;
        heldLength++;
        int match = mask.matchLength(state);
        if (match > 0) {
            // Bytes of the match that were already written (released after a pause) cannot be taken back.
            Arrays.fill(covered, Math.max(0, heldLength - match), heldLength, true);
        }
    }

    /** Writes the first {@code count} held bytes, a concealed run as one marker, and keeps the rest. */
    private void emit(int count) throws IOException {
        if (count <= 0) {
            return;
        }
        int i = 0;
        while (i < count) {
            int start = i;
            boolean concealed = covered[i];
            while (i < count && covered[i] == concealed) {
                i++;
            }
            if (!concealed) {
                target.write(held, start, i - start);
            } else if (!inConcealedRun) {
                target.write(CONCEALED);
            }
            inConcealedRun = concealed;
        }
        int rest = heldLength - count;
        System.arraycopy(held, count, held, 0, rest);
        System.arraycopy(covered, count, covered, 0, rest);
        Arrays.fill(held, rest, heldLength, (byte) 0);
        heldLength = rest;
    }

    private void startReleaser() {
        if (releaser != null) {
            return;
        }
        releaser = new Thread(this::releaseWhenQuiet, "keyward-mask-release");
        releaser.setDaemon(true);
        releaser.start();
    }

    /** Runs on its own thread: writes held bytes out once no write has come for the quiet time. */
    private void releaseWhenQuiet() {
        synchronized (this) {
            try {
                while (!closed) {
                    if (heldLength == 0) {
                        wait();
                        continue;
                    }
                    long quiet = mask.depth(state) < LIKELY_PREFIX ? SHORT_QUIET_NANOS : LONG_QUIET_NANOS;
                    long remaining = lastWrite + quiet - System.nanoTime();
                    if (remaining > 0) {
                        TimeUnit.NANOSECONDS.timedWait(this, remaining);
                        continue;
                    }
                    emit(heldLength);
                    target.flush();
                }
            } catch (InterruptedException | IOException e) {
                // Closed, or the target is gone: the writer sees the same failure on its next write.
            }
        }
    }
}
