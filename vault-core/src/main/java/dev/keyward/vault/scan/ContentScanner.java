package dev.keyward.vault.scan;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * Scans one source's bytes for copies of known values and for keys by format, streaming it in
 * overlapping chunks so memory stays bounded however large the source is.
 *
 * <p>Each buffer holds a chunk the buffer "owns" with a margin of context on both sides, each margin
 * longer than the longest form plus the longest key. A match is reported by the buffer that owns its
 * first byte, so one across a chunk boundary is found once; everything that could contain or overlap
 * it lies inside the same buffer, so the choice among overlapping matches is the same wherever the
 * boundaries fall. Among overlapping matches: one inside a longer match is dropped (the unpadded base64
 * inside the padded one); at one place each secret is named once, by its newest version there; and a
 * format hit that overlaps a copy of a vault value is that copy, never an unvaulted key.
 */
public final class ContentScanner {

    /** Bytes each buffer owns by default. */
    public static final int DEFAULT_CHUNK_SIZE = 1 << 20;
    /** A source with a NUL byte in this many first bytes is binary and skipped. */
    public static final int BINARY_PROBE = 8192;
    /** Values shorter than this get no last-four hint (as the vault's own hint). */
    private static final int MIN_LENGTH_FOR_HINT = 12;

    /** What scanning one source came to. */
    public record Result(boolean binary, long bytesRead) {
    }

    private final ValueMatcher values;
    private final KeyFormatSearch formats;
    private final int chunkSize;
    private final int margin;

    public ContentScanner(ValueMatcher values, KeyFormatSearch formats) {
        this(values, formats, DEFAULT_CHUNK_SIZE);
    }

    /** A scanner whose buffers own {@code chunkSize} bytes each (small in tests of chunk boundaries). */
    public ContentScanner(ValueMatcher values, KeyFormatSearch formats, int chunkSize) {
        if (chunkSize < 1) {
            throw new IllegalArgumentException("chunkSize must be positive");
        }
        this.values = values;
        this.formats = formats;
        this.chunkSize = chunkSize;
        this.margin = values.longestForm() + KeyFormatSearch.MAX_KEY_LENGTH + 1;
    }

    /**
     * Reads {@code source} to its end (or until {@code cancelled}) and hands each finding to {@code sink}
     * in the order of their places. A binary source is not searched.
     */
    public Result scan(ScanSource source, Consumer<Finding> sink, BooleanSupplier cancelled) throws IOException {
        int full = margin + chunkSize + margin;
        long expected = source.expectedSize();
        // One byte more than expected, so that reading an unchanged source ends inside the buffer.
        byte[] buffer = new byte[expected < 0 ? full : (int) Math.min(full, expected + 1)];
        try (InputStream raw = source.open(); BufferedInputStream in = new BufferedInputStream(raw, BINARY_PROBE)) {
            in.mark(BINARY_PROBE);
            byte[] probe = in.readNBytes(BINARY_PROBE);
            boolean binary = indexOfNul(probe) >= 0;
            Arrays.fill(probe, (byte) 0);
            if (binary) {
                return new Result(true, probe.length);
            }
            in.reset();
            Cursor cursor = new Cursor();
            long bufferStart = 0;
            int length = 0;
            boolean first = true;
            while (true) {
                length += in.readNBytes(buffer, length, buffer.length - length);
                boolean end = length < buffer.length; // readNBytes fills the buffer unless the stream ended
                if (!end && buffer.length < full) { // longer than expected: go on in full-sized chunks
                    byte[] grown = Arrays.copyOf(buffer, full);
                    Arrays.fill(buffer, (byte) 0);
                    buffer = grown;
                    continue;
                }
                int ownStart = first ? 0 : margin;
                int ownEnd = end ? length : length - margin;
                search(source, buffer, length, ownStart, ownEnd, bufferStart, cursor, sink);
                if (end || cancelled.getAsBoolean()) {
                    return new Result(false, bufferStart + length);
                }
                int keepFrom = ownEnd - margin;
                System.arraycopy(buffer, keepFrom, buffer, 0, length - keepFrom);
                length -= keepFrom;
                bufferStart += keepFrom;
                first = false;
            }
        } finally {
            Arrays.fill(buffer, (byte) 0); // it held the source's text, values perhaps among it
        }
    }

    private void search(ScanSource source, byte[] buffer, int length, int ownStart, int ownEnd, long bufferStart,
                        Cursor cursor, Consumer<Finding> sink) {
        Latin1Text text = new Latin1Text(buffer, 0, length);
        List<ValueMatcher.Match> matches = new ArrayList<>();
        values.find(buffer, length, matches::add);
        List<ValueMatcher.Match> copies = withoutOverlapped(matches);
        List<Placed> owned = new ArrayList<>();
        for (ValueMatcher.Match copy : copies) {
            if (copy.start() >= ownStart && copy.start() < ownEnd) {
                owned.add(new Placed(copy.start(), new FindingKind.Copy(copy.needle().owner(), copy.needle().encoding())));
            }
        }
        for (FormatHit hit : formats.find(text)) {
            if (hit.start() >= ownStart && hit.start() < ownEnd && hit.end() <= length
                    && matches.stream().noneMatch(m -> m.start() < hit.end() && hit.start() < m.end())) {
                owned.add(new Placed(hit.start(), new FindingKind.Unvaulted(hit.providerSlug(),
                        hint(buffer, hit.start(), hit.end()))));
            }
        }
        owned.sort(Comparator.comparingInt(Placed::start));
        for (Placed placed : owned) {
            cursor.advance(buffer, bufferStart, bufferStart + placed.start());
            sink.accept(new Finding(new Location(source.path(), source.commit(), cursor.line, cursor.column + 1), placed.kind()));
        }
        cursor.advance(buffer, bufferStart, bufferStart + ownEnd);
    }

    /**
     * The matches to report: none inside a longer one, and at one place each secret once, by the
     * current or newest version found there.
     */
    static List<ValueMatcher.Match> withoutOverlapped(List<ValueMatcher.Match> matches) {
        List<ValueMatcher.Match> sorted = new ArrayList<>(matches);
        sorted.sort(Comparator.comparingInt(ValueMatcher.Match::start)
                .thenComparing(Comparator.comparingInt(ValueMatcher.Match::end).reversed())
                .thenComparing(m -> !m.needle().owner().current())
                .thenComparing(Comparator.comparingInt((ValueMatcher.Match m) -> m.needle().owner().version()).reversed()));
        List<ValueMatcher.Match> kept = new ArrayList<>();
        int widestEnd = -1;
        int widestStart = -1;
        for (ValueMatcher.Match match : sorted) {
            boolean inside = match.end() < widestEnd || (match.end() == widestEnd && match.start() > widestStart);
            if (inside) {
                continue;
            }
            boolean sameSecretHere = kept.stream().anyMatch(k -> k.start() == match.start() && k.end() == match.end()
                    && k.needle().owner().secretName().equals(match.needle().owner().secretName()));
            if (!sameSecretHere) {
                kept.add(match);
            }
            if (match.end() > widestEnd) {
                widestEnd = match.end();
                widestStart = match.start();
            }
        }
        return kept;
    }

    private static String hint(byte[] buffer, int start, int end) {
        if (end - start < MIN_LENGTH_FOR_HINT) {
            return "";
        }
        char[] last = new char[4];
        for (int i = 0; i < 4; i++) {
            last[i] = (char) (buffer[end - 4 + i] & 0xFF);
        }
        return new String(last);
    }

    private static int indexOfNul(byte[] bytes) {
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == 0) {
                return i;
            }
        }
        return -1;
    }

    private record Placed(int start, FindingKind kind) {
    }

    /**
     * The line and column reached so far in a source, moved forward only. It reads eight bytes at a
     * time: the line is the count of line feeds, the column the count of code points (bytes that are not
     * UTF-8 continuation bytes) after the last one.
     */
    private static final class Cursor {
        private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
        private static final long LOW7 = 0x7F7F7F7F7F7F7F7FL;
        private static final long HIGH = 0x8080808080808080L;
        private static final long LINE_FEEDS = 0x0A0A0A0A0A0A0A0AL;

        private long position;
        private long line = 1;
        private long column; // code points since the line's start

        void advance(byte[] buffer, long bufferStart, long to) {
            if (to <= position) {
                return;
            }
            int from = (int) (position - bufferStart);
            int end = (int) (to - bufferStart);
            int lastFeed = end - 1;
            while (lastFeed >= from && buffer[lastFeed] != '\n') {
                lastFeed--;
            }
            if (lastFeed >= from) {
                line += lineFeeds(buffer, from, lastFeed + 1);
                column = codePoints(buffer, lastFeed + 1, end);
            } else {
                column += codePoints(buffer, from, end);
            }
            position = to;
        }

        static long lineFeeds(byte[] buffer, int from, int to) {
            long count = 0;
            int i = from;
            for (; i + Long.BYTES <= to; i += Long.BYTES) {
                long x = (long) LONGS.get(buffer, i) ^ LINE_FEEDS; // a line feed is a zero byte here
                count += Long.bitCount(~(((x & LOW7) + LOW7) | x | LOW7)); // the high bit of each zero byte
            }
            for (; i < to; i++) {
                count += buffer[i] == '\n' ? 1 : 0;
            }
            return count;
        }

        static long codePoints(byte[] buffer, int from, int to) {
            long continuation = 0;
            int i = from;
            for (; i + Long.BYTES <= to; i += Long.BYTES) {
                long x = (long) LONGS.get(buffer, i);
                continuation += Long.bitCount(x & ~(x << 1) & HIGH); // bits 7 and 6 of a byte are 1 and 0
            }
            for (; i < to; i++) {
                continuation += (buffer[i] & 0xC0) == 0x80 ? 1 : 0;
            }
            return to - from - continuation;
        }
    }
}
