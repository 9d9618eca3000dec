package dev.keyward.vault.db;

import dev.keyward.vault.ErrorFacts;
import dev.keyward.vault.Fact;
import dev.keyward.vault.OperationFailedException;
import dev.keyward.vault.VaultDamagedException;
import dev.keyward.vault.VaultErrorKind;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import javax.crypto.Mac;

/**
 * Checks a vault's write-ahead log ({@code vault.db-wal}) before SQLite opens it.
 *
 * <p>Why: SQLite reads a WAL up to the first frame whose salt or checksum does not match and treats
 * the log as ending there. A damaged frame therefore makes its transaction and every later one vanish
 * without any error, and the next checkpoint makes the loss permanent. A WAL is left behind whenever
 * Keyward was killed (or the machine lost power) with the vault open.
 *
 * <p>Format: a 32-byte header (magic, version, page size, checkpoint number, two salts, checksum),
 * then frames of a 24-byte header (page number, database size after a commit or 0, the two salts, a
 * running checksum) and one page. SQLCipher v4 stores each page in a frame encrypted with the same
 * per-page HMAC as in the main file, so every frame is also authenticated with {@link PageAuthenticator}.
 *
 * <p>Frames of an earlier generation of the log (left after a checkpoint restarted it) carry other
 * salts; SQLite ignores them rightly and so does this check, apart from their HMAC.
 */
public final class WalAuthenticator {

    static final int HEADER_BYTES = 32;
    static final int FRAME_HEADER_BYTES = 24;
    static final int FRAME_BYTES = FRAME_HEADER_BYTES + PageAuthenticator.PAGE_SIZE;
    private static final int MAGIC_LITTLE_ENDIAN_SUMS = 0x377f0682;
    private static final int MAGIC_BIG_ENDIAN_SUMS = 0x377f0683;
    private static final int FORMAT_VERSION = 3007000;
    /** A writer in another connection may be between a frame's header and its page; look twice. */
    private static final long SECOND_LOOK_MILLIS = 25;

    private WalAuthenticator() {
    }

    /**
     * Throws {@link VaultDamagedException} when the log has a frame that SQLite would silently drop or
     * that fails its authentication; nothing is written either way.
     */
    public static void requireIntact(Path wal, Path vault, byte[] rawKey) {
        try {
            List<String> problems = problems(wal, vault, rawKey);
            if (!problems.isEmpty()) {
                Thread.sleep(SECOND_LOOK_MILLIS);
                problems = problems(wal, vault, rawKey);
            }
            if (!problems.isEmpty()) {
                throw new VaultDamagedException(VaultErrorKind.WAL_DAMAGED,
                        ErrorFacts.of(Fact.PATH, wal.getFileName(), Fact.DETAIL, problems.getFirst()));
            }
        } catch (IOException e) {
            throw new OperationFailedException("Could not read the vault's write-ahead log " + wal
                    + ". Check the folder's permissions.", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OperationFailedException("Opening the vault was interrupted; try again.", e);
        }
    }

    /** One phrase per problem found; empty when SQLite would read every committed frame intact. */
    public static List<String> problems(Path wal, Path vault, byte[] rawKey) throws IOException {
        List<String> problems = new ArrayList<>();
        if (!Files.exists(wal)) {
            return problems;
        }
        try (FileChannel channel = FileChannel.open(wal, StandardOpenOption.READ)) {
            long frames = channel.size() < HEADER_BYTES ? 0 : (channel.size() - HEADER_BYTES) / FRAME_BYTES;
            if (frames == 0) {
                return problems; // SQLite ignores a log without a whole frame, and so loses nothing
            }
            ByteBuffer header = read(channel, 0, HEADER_BYTES);
            int magic = header == null ? 0 : header.getInt(0);
            boolean bigEndianSums = magic == MAGIC_BIG_ENDIAN_SUMS;
            int[] sum = header == null ? null : checksum(bigEndianSums, header.array(), 0, 24, 0, 0);
            if (sum == null || (magic != MAGIC_LITTLE_ENDIAN_SUMS && !bigEndianSums)
                    || header.getInt(4) != FORMAT_VERSION || header.getInt(8) != PageAuthenticator.PAGE_SIZE
                    || sum[0] != header.getInt(24) || sum[1] != header.getInt(28)) {
                problems.add("its header is damaged, so SQLite would ignore all " + frames + " frames");
                return problems;
            }
            int salt1 = header.getInt(16);
            int salt2 = header.getInt(20);
            Mac mac = macFor(vault, rawKey);
            boolean sqliteReadsOn = true;
            for (long i = 0; i < frames; i++) {
                ByteBuffer frame = read(channel, HEADER_BYTES + i * FRAME_BYTES, FRAME_BYTES);
                if (frame == null) {
                    break; // the file shrank while being read: a checkpoint by another connection
                }
                int pgno = frame.getInt(0);
                int frameSalt1 = frame.getInt(8);
                int frameSalt2 = frame.getInt(12);
                if (sqliteReadsOn) {
                    // SQLite's own rule for the end of the log: other salts, page 0 or a checksum break.
                    sum = checksum(bigEndianSums, frame.array(), 0, 8, sum[0], sum[1]);
                    sum = checksum(bigEndianSums, frame.array(), FRAME_HEADER_BYTES, PageAuthenticator.PAGE_SIZE,
                            sum[0], sum[1]);
                    sqliteReadsOn = frameSalt1 == salt1 && frameSalt2 == salt2 && pgno != 0
                            && sum[0] == frame.getInt(16) && sum[1] == frame.getInt(20);
                }
                // One matching salt is enough to tell a frame of this generation from an older one.
                if (!sqliteReadsOn && (frameSalt1 == salt1 || frameSalt2 == salt2)) {
                    problems.add("frame " + (i + 1) + " of " + frames + " breaks the log's checksum chain, so"
                            + " SQLite would silently drop it and every later transaction");
                }
                if (mac != null && (pgno < 1 || !PageAuthenticator.authentic(mac,
                        frame.array(), FRAME_HEADER_BYTES, pgno))) {
                    problems.add("frame " + (i + 1) + " of " + frames + " fails its authentication check");
                }
            }
        }
        return problems;
    }

    /** The page MAC keyed by the main file's salt, or null when the main file is too short to have one. */
    private static Mac macFor(Path vault, byte[] rawKey) throws IOException {
        if (!Files.exists(vault)) {
            return null;
        }
        try (FileChannel channel = FileChannel.open(vault, StandardOpenOption.READ)) {
            ByteBuffer salt = read(channel, 0, PageAuthenticator.SALT_BYTES);
            return salt == null ? null : PageAuthenticator.macFor(rawKey, salt.array());
        }
    }

    /** {@code length} bytes at {@code position}, big-endian, or null when the file ends before. */
    private static ByteBuffer read(FileChannel channel, long position, int length) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(length);
        while (buffer.hasRemaining()) {
            if (channel.read(buffer, position + buffer.position()) < 0) {
                return null;
            }
        }
        return buffer.flip().order(ByteOrder.BIG_ENDIAN);
    }

    /** SQLite's WAL checksum: two running sums over pairs of 32-bit words. */
    static int[] checksum(boolean bigEndian, byte[] data, int offset, int length, int s0, int s1) {
        ByteBuffer words = ByteBuffer.wrap(data, offset, length)
                .order(bigEndian ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
        for (int i = offset; i < offset + length; i += 8) {
            s0 += words.getInt(i) + s1;
            s1 += words.getInt(i + 4) + s0;
        }
        return new int[] {s0, s1};
    }
}
