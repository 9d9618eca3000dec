package dev.keyward.vault.db;

import dev.keyward.vault.OperationFailedException;
import dev.keyward.vault.VaultDamagedException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Checks the HMAC of every page of a SQLCipher v4 file, free pages included, without SQLite:
 * SQLite itself only reads (and so only authenticates) the pages its b-trees reach.
 *
 * <p>SQLCipher v4 page layout (4096-byte pages, 80 reserved bytes at the end of each page: a
 * 16-byte IV then a 64-byte HMAC-SHA512). Page 1 starts with the 16-byte file salt. The HMAC
 * covers the page's ciphertext and IV followed by the page number (little-endian); its key is
 * PBKDF2-HMAC-SHA512 of the raw key with the salt XOR 0x3a, 2 iterations.
 */
public final class PageAuthenticator {

    static final int PAGE_SIZE = 4096;
    static final int IV_BYTES = 16;
    static final int HMAC_BYTES = 64;
    static final int RESERVE = IV_BYTES + HMAC_BYTES;
    static final int SALT_BYTES = 16;
    private static final long SECOND_LOOK_MILLIS = 25;

    private PageAuthenticator() {
    }

    /** Page numbers (1-based) whose HMAC does not match; empty means every page is authentic. */
    public static List<Long> badPages(Path file, byte[] rawKey) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            return badPages(channel, rawKey);
        }
    }

    /** Like {@link #badPages(Path, byte[])}, read through {@code channel}, which stays open. */
    static List<Long> badPages(FileChannel channel, byte[] rawKey) throws IOException {
        List<Long> bad = new ArrayList<>();
        long size = channel.size();
        if (size == 0) {
            return bad;
        }
        ByteBuffer page = ByteBuffer.allocate(PAGE_SIZE);
        readPage(channel, 0, page);
        byte[] salt = new byte[SALT_BYTES];
        page.get(0, salt);
        Mac mac = macFor(rawKey, salt);
        long pages = size / PAGE_SIZE;
        if (size % PAGE_SIZE != 0) {
            bad.add(pages + 1); // a torn last page
        }
        for (long pgno = 1; pgno <= pages; pgno++) {
            readPage(channel, (pgno - 1) * PAGE_SIZE, page);
            if (!authentic(mac, page.array(), pgno)) {
                bad.add(pgno);
            }
        }
        return bad;
    }

    /**
     * Throws {@link VaultDamagedException} when a page of {@code file} fails its authentication. A page
     * that another process's checkpoint was writing at that moment can look torn, so a failure is looked
     * at twice; only pages that fail both times count.
     */
    public static void requireAuthentic(Path file, byte[] rawKey) {
        requireAuthentic(file, () -> badPages(file, rawKey));
    }

    /** One look at the pages for {@link #requireAuthentic(Path, PageLook)}. */
    interface PageLook {
        List<Long> badPages() throws IOException;
    }

    /** {@link #requireAuthentic(Path, byte[])} with each look at the pages made by {@code look}. */
    static void requireAuthentic(Path file, PageLook look) {
        try {
            List<Long> bad = look.badPages();
            if (!bad.isEmpty()) {
                Thread.sleep(SECOND_LOOK_MILLIS);
                List<Long> again = look.badPages();
                bad.retainAll(again);
            }
            if (!bad.isEmpty()) {
                throw new VaultDamagedException("The vault " + file + " is damaged or was tampered with: "
                        + (bad.size() == 1 ? "page " + bad.getFirst() + " fails" : bad.size() + " pages fail")
                        + " its authentication check. Nothing was written to it; restore the profile from a backup.");
            }
        } catch (IOException e) {
            throw new OperationFailedException("Could not read the vault file " + file + " to check it; nothing"
                    + " was changed. The file must be readable by the user running Keyward.", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OperationFailedException("Checking the vault " + file + " was interrupted; nothing was changed.", e);
        }
    }

    static boolean authentic(Mac mac, byte[] page, long pgno) {
        return authentic(mac, page, 0, pgno);
    }

    /** Whether the page stored at {@code offset} of {@code buffer} (e.g. inside a WAL frame) is authentic. */
    static boolean authentic(Mac mac, byte[] buffer, int offset, long pgno) {
        int start = offset + (pgno == 1 ? SALT_BYTES : 0);
        int end = offset + PAGE_SIZE - RESERVE + IV_BYTES;
        mac.reset();
        mac.update(buffer, start, end - start);
        mac.update(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt((int) pgno).array());
        byte[] expected = mac.doFinal();
        byte[] stored = new byte[HMAC_BYTES];
        System.arraycopy(buffer, end, stored, 0, HMAC_BYTES);
        return MessageDigest.isEqual(expected, stored);
    }

    static Mac macFor(byte[] rawKey, byte[] salt) {
        byte[] hmacSalt = salt.clone();
        for (int i = 0; i < hmacSalt.length; i++) {
            hmacSalt[i] ^= 0x3a;
        }
        try {
            // PBKDF2 over a binary password: javax's PBEKeySpec takes chars, so derive by hand.
            byte[] hmacKey = pbkdf2Sha512(rawKey, hmacSalt, 2, 32);
            Mac mac = Mac.getInstance("HmacSHA512");
            mac.init(new SecretKeySpec(hmacKey, "HmacSHA512"));
            java.util.Arrays.fill(hmacKey, (byte) 0);
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA512 is not available", e);
        }
    }

    static byte[] pbkdf2Sha512(byte[] password, byte[] salt, int iterations, int length) throws GeneralSecurityException {
        Mac prf = Mac.getInstance("HmacSHA512");
        prf.init(new SecretKeySpec(password, "HmacSHA512"));
        byte[] out = new byte[length];
        int blocks = (length + 63) / 64;
        for (int block = 1; block <= blocks; block++) {
            prf.update(salt);
            prf.update(ByteBuffer.allocate(4).putInt(block).array());
            byte[] u = prf.doFinal();
            byte[] t = u.clone();
            for (int i = 1; i < iterations; i++) {
                u = prf.doFinal(u);
                for (int j = 0; j < t.length; j++) {
                    t[j] ^= u[j];
                }
            }
            System.arraycopy(t, 0, out, (block - 1) * 64, Math.min(64, length - (block - 1) * 64));
        }
        return out;
    }

    private static void readPage(FileChannel channel, long position, ByteBuffer page) throws IOException {
        page.clear();
        while (page.hasRemaining()) {
            if (channel.read(page, position + page.position()) < 0) {
                break;
            }
        }
        page.flip();
    }
}
