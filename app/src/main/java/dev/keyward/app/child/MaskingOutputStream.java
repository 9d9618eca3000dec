package dev.keyward.app.child;

import dev.keyward.vault.crypto.Wipe;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;

/**
 * An output stream that writes what it is given with every form of the run's values replaced by
 * {@link OutputMask#CONCEALED}, also when a value arrives in pieces. It holds back only the last bytes
 * that may still begin a value (at most the longest form less one, plus what it skipped inside it) and
 * writes them once they cannot, at the end, or (to a {@link Destination#TERMINAL terminal} only) once the
 * writer has been quiet for a moment, so a prompt without a newline still shows.
 *
 * <p>Inside a value's form it looks past line breaks ({@code \n}, {@code \r}) and terminal control
 * sequences ({@code ESC [ ... final}, such as a colour change) where the form would otherwise end: a value
 * whose base64 is wrapped at 76 or 64 columns (as {@code base64} and PEM write it), or printed with colour
 * codes between its characters, is concealed too. The control sequences inside a concealed value are still
 * written after the marker, so the terminal's colours after it are what the program set. At most
 * {@link #MAX_SKIPPED} bytes are looked past at a time (memory stays bounded); beyond that a form is not
 * followed further. Held bytes that include such a line break are released after a quiet moment even to a
 * pipe (a form would have ended there before), so the last line of a log is not held up.
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

    /** Most bytes (line breaks and control sequences) held while looked past inside possible values. */
    static final int MAX_SKIPPED = 4096;
    /** Longest control sequence looked past; a longer one is taken as ordinary output. */
    static final int MAX_CONTROL = 32;

    private static final byte[] CONCEALED = OutputMask.concealedBytes();
    private static final int CHUNK = 8192;
    private static final byte ESC = 0x1B;
    /** Flags of a held byte: part of a value's form; looked past by the matcher; part of a control sequence. */
    private static final byte COVERED = 1;
    private static final byte SKIPPED = 2;
    private static final byte CONTROL = 4;

    private final OutputMask mask;
    private final OutputStream target;
    private final Destination destination;
    /** Bytes read but not yet written, and each one's flags ({@link #COVERED}, {@link #SKIPPED}, {@link #CONTROL}). */
    private final byte[] held;
    private final byte[] flags;
    private int heldLength;
    /** How many held bytes are {@link #SKIPPED}: while none are, the pending bytes are simply the last {@code depth}. */
    private int skippedHeld;
    /** The held bytes of a control sequence still being read (0: none), looked past unless it turns out not to be one. */
    private int controlLength;
    private int state;
    /**
     * The matcher fed every byte, looked past or not, as a masker that looks past nothing would be: a form that
     * begins inside what {@link #state} looks past (hex digits read as a control sequence's parameters) is still
     * caught. A byte is concealed when either matcher completes a form over it.
     */
    private int plainState;
    /** Whether the last byte written out was part of a concealed run (a run gets one marker). */
    private boolean inConcealedRun;
    private long lastWrite = System.nanoTime();
    private boolean closed;
    private Thread releaser;

    MaskingOutputStream(OutputMask mask, OutputStream target, Destination destination) {
        this.mask = mask;
        this.target = target;
        this.destination = java.util.Objects.requireNonNull(destination);
        // The pending bytes (a form's beginning and what was looked past inside it) always fit, so the
        // buffer never fills with pending bytes alone.
        int capacity = Math.max(1, mask.longestPattern()) + MAX_SKIPPED + MAX_CONTROL + CHUNK;
        this.held = new byte[capacity];
        this.flags = new byte[capacity];
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
            if (heldLength == 0 && mask.depth(state) == 0 && mask.depth(plainState) == 0) {
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
            int keep = pending();
            if (keep == 0 || heldLength == held.length) {
                emit(heldLength - keep);
            }
        }
        emit(heldLength - pending());
        lastWrite = System.nanoTime();
        if (heldLength > 0 && (destination == Destination.TERMINAL || skippedHeld > 0)) {
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
        if (controlLength > 0) {
            readControl(b);
            return;
        }
        if (mask.depth(state) > 0 && mask.canGrow(state) && skippedHeld < MAX_SKIPPED
                && mask.depth(mask.next(state, b)) == 0) {
            // A form that could go on would end here: look past a line break or the start of a control
            // sequence instead (a form already complete is not held up: nothing can extend it).
            if (b == '\n' || b == '\r') {
                hold(b, SKIPPED);
                return;
            }
            if (b == ESC) {
                hold(b, (byte) (SKIPPED | CONTROL));
                controlLength = 1;
                return;
            }
        }
        hold(b, (byte) 0);
        feed(heldLength - 1);
    }

    /**
     * The next byte of a possible control sequence ({@code ESC [}, parameters {@code 0x30-0x3F}, intermediates
     * {@code 0x20-0x2F}, a final byte {@code 0x40-0x7E}): a whole one stays looked past; anything else, and its
     * bytes so far, go through the matcher as ordinary output.
     */
    private void readControl(byte b) {
        hold(b, (byte) (SKIPPED | CONTROL));
        controlLength++;
        int c = b & 0xFF;
        boolean introducer = controlLength == 2;
        if (!introducer && c >= 0x40 && c <= 0x7E) {
            controlLength = 0; // complete
            return;
        }
        if ((introducer ? c == '[' : c >= 0x20 && c <= 0x3F) && controlLength < MAX_CONTROL) {
            return;
        }
        int start = heldLength - controlLength;
        controlLength = 0;
        for (int k = start; k < heldLength; k++) {
            flags[k] &= COVERED; // no longer looked past; what the plain matcher concealed stays concealed
            skippedHeld--;
        }
        for (int k = start; k < heldLength; k++) {
            feed(k);
        }
    }

    private void hold(byte b, byte flag) {
        held[heldLength] = b;
        flags[heldLength] = flag;
        heldLength++;
        if ((flag & SKIPPED) != 0) {
            skippedHeld++;
        }
        plainState = mask.next(plainState, b);
        int match = mask.matchLength(plainState);
        for (int k = Math.max(0, heldLength - match); k < heldLength && match > 0; k++) {
            flags[k] |= COVERED;
        }
    }

    /** Runs the held byte at {@code at} through the matcher; a completed form covers its bytes and what was looked past inside. */
    private void feed(int at) {
        state = mask.next(state, held[at]);
        int match = mask.matchLength(state);
        if (match > 0) {
            // Bytes of the match that were already written (released after a pause) cannot be taken back.
            for (int k = startOf(at, match); k <= at; k++) {
                flags[k] |= COVERED;
            }
        }
    }

    /** The held index where the last {@code count} matched bytes up to {@code end} begin (0 when some were written out). */
    private int startOf(int end, int count) {
        if (skippedHeld == 0) {
            return Math.max(0, end - count + 1);
        }
        int k = end + 1;
        int seen = 0;
        while (k > 0 && seen < count) {
            k--;
            if ((flags[k] & SKIPPED) == 0) {
                seen++;
            }
        }
        return k;
    }

    /** How many of the last held bytes may still belong to a value's form: its beginning so far and what was looked past. */
    private int pending() {
        int plain = Math.min(heldLength, mask.depth(plainState));
        int depth = mask.depth(state);
        if (depth == 0 || heldLength == 0) {
            return plain;
        }
        return Math.max(plain, heldLength - startOf(heldLength - 1, depth));
    }

    /** Writes the first {@code count} held bytes, a concealed run as one marker, and keeps the rest. */
    private void emit(int count) throws IOException {
        if (count <= 0) {
            return;
        }
        int i = 0;
        while (i < count) {
            int start = i;
            boolean concealed = (flags[i] & COVERED) != 0;
            while (i < count && ((flags[i] & COVERED) != 0) == concealed) {
                i++;
            }
            if (!concealed) {
                target.write(held, start, i - start);
            } else {
                if (!inConcealedRun) {
                    target.write(CONCEALED);
                }
                writeControls(start, i);
            }
            inConcealedRun = concealed;
        }
        for (int k = 0; k < count; k++) {
            if ((flags[k] & SKIPPED) != 0) {
                skippedHeld--;
            }
        }
        int rest = heldLength - count;
        System.arraycopy(held, count, held, 0, rest);
        System.arraycopy(flags, count, flags, 0, rest);
        Arrays.fill(held, rest, heldLength, (byte) 0);
        heldLength = rest;
        if (controlLength > rest) {
            controlLength = 0; // its beginning was written out (after a pause): it is ordinary output now
        }
    }

    /** The control sequences among the concealed bytes {@code [from, to)}, so a colour set inside a value still applies. */
    private void writeControls(int from, int to) throws IOException {
        int k = from;
        while (k < to) {
            if ((flags[k] & CONTROL) == 0) {
                k++;
                continue;
            }
            int start = k;
            while (k < to && (flags[k] & CONTROL) != 0) {
                k++;
            }
            target.write(held, start, k - start);
        }
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
                    // To a pipe only what was looked past is released after a pause: without looking past it,
                    // the form would have ended at that line break anyway, so a log line is never held up long.
                    if (heldLength == 0 || (destination == Destination.PIPE && skippedHeld == 0)) {
                        wait();
                        continue;
                    }
                    long quiet = Math.max(mask.depth(state), mask.depth(plainState)) < LIKELY_PREFIX
                            ? SHORT_QUIET_NANOS : LONG_QUIET_NANOS;
                    long remaining = lastWrite + quiet - System.nanoTime();
                    if (remaining > 0) {
                        TimeUnit.NANOSECONDS.timedWait(this, remaining);
                        continue;
                    }
                    emit(heldLength);
                    target.flush();
                    if (destination == Destination.PIPE) {
                        state = OutputMask.ROOT; // that form was given up: its rest is not concealed alone
                        plainState = OutputMask.ROOT;
                    }
                }
            } catch (InterruptedException | IOException e) {
                // Closed, or the target is gone: the writer sees the same failure on its next write.
            }
        }
    }
}
