package dev.keyward.vault.testing;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/**
 * Records everything written to System.out and System.err (slf4j-simple writes there) and every
 * java.util.logging record while open; the output still reaches the original streams.
 */
public final class OutputCapture implements AutoCloseable {

    private final PrintStream originalOut = System.out;
    private final PrintStream originalErr = System.err;
    private final ByteArrayOutputStream captured = new ByteArrayOutputStream();
    private final StringBuilder julRecords = new StringBuilder();
    private final Handler julHandler = new Handler() {
        private final SimpleFormatter formatter = new SimpleFormatter();

        @Override
        public void publish(LogRecord record) {
            synchronized (julRecords) {
                julRecords.append(formatter.format(record));
                if (record.getParameters() != null) {
                    for (Object parameter : record.getParameters()) {
                        julRecords.append(' ').append(parameter);
                    }
                }
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    private OutputCapture() {
    }

    public static OutputCapture start() {
        OutputCapture capture = new OutputCapture();
        System.setOut(new PrintStream(new Tee(capture.originalOut, capture.captured), true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(new Tee(capture.originalErr, capture.captured), true, StandardCharsets.UTF_8));
        Logger.getLogger("").addHandler(capture.julHandler);
        return capture;
    }

    /** Everything captured so far. */
    public String text() {
        System.out.flush();
        System.err.flush();
        String streams;
        synchronized (captured) {
            streams = captured.toString(StandardCharsets.UTF_8);
        }
        synchronized (julRecords) {
            return streams + julRecords;
        }
    }

    @Override
    public void close() {
        System.out.flush();
        System.err.flush();
        System.setOut(originalOut);
        System.setErr(originalErr);
        Logger.getLogger("").removeHandler(julHandler);
    }

    /** Writes to the original stream and to the capture buffer. */
    private static final class Tee extends OutputStream {
        private final OutputStream original;
        private final ByteArrayOutputStream copy;

        Tee(OutputStream original, ByteArrayOutputStream copy) {
            this.original = original;
            this.copy = copy;
        }

        @Override
        public void write(int b) {
            synchronized (copy) {
                copy.write(b);
            }
            try {
                original.write(b);
            } catch (java.io.IOException ignored) {
                // The copy is what the test reads; the original is only for people.
            }
        }

        @Override
        public void write(byte[] b, int off, int len) {
            synchronized (copy) {
                copy.write(b, off, len);
            }
            try {
                original.write(b, off, len);
            } catch (java.io.IOException ignored) {
                // As above.
            }
        }

        @Override
        public void flush() {
            try {
                original.flush();
            } catch (java.io.IOException ignored) {
                // As above.
            }
        }
    }
}
