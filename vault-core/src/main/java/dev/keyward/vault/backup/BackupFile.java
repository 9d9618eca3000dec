package dev.keyward.vault.backup;

import dev.keyward.vault.ErrorFacts;
import dev.keyward.vault.Fact;
import dev.keyward.vault.VaultDamagedException;
import dev.keyward.vault.VaultErrorKind;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The backup file format: a magic line, the profile header (non-secret, needed to unwrap the
 * key), and the SQLCipher vault bytes sealed again with AES-256-GCM under the field key, the
 * header bound in as associated data.
 */
record BackupFile(byte[] headerJson, byte[] sealedVault) {

    private static final byte[] MAGIC = "KEYWARD-BACKUP/1\n".getBytes(StandardCharsets.US_ASCII);
    private static final int MAX_HEADER = 64 * 1024;
    /** A Java array's limit; a bigger vault cannot be restored in one piece. */
    private static final long MAX_VAULT = Integer.MAX_VALUE - 16;

    byte[] encode() {
        try (ByteArrayOutputStream bytes = new ByteArrayOutputStream(sealedVault.length + headerJson.length + 64);
             DataOutputStream out = new DataOutputStream(bytes)) {
            out.write(MAGIC);
            out.writeInt(headerJson.length);
            out.write(headerJson);
            out.writeLong(sealedVault.length);
            out.write(sealedVault);
            out.flush();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Reads a backup of {@code fileSize} bytes; lengths that do not add up are refused before anything is allocated. */
    static BackupFile decode(InputStream stream, String name, long fileSize) {
        try (DataInputStream in = new DataInputStream(stream)) {
            byte[] magic = in.readNBytes(MAGIC.length);
            if (!Arrays.equals(magic, MAGIC)) {
                throw damaged(name, "it is not a Keyward backup");
            }
            int headerLength = in.readInt();
            if (headerLength <= 0 || headerLength > MAX_HEADER) {
                throw damaged(name, "its header length is impossible");
            }
            byte[] header = in.readNBytes(headerLength);
            long vaultLength = in.readLong();
            long expectedSize = MAGIC.length + Integer.BYTES + (long) headerLength + Long.BYTES + vaultLength;
            if (header.length != headerLength || vaultLength <= 0 || vaultLength > MAX_VAULT
                    || expectedSize != fileSize) {
                throw damaged(name, "it is truncated or its lengths are impossible");
            }
            byte[] vault = in.readNBytes((int) Math.min(vaultLength, Integer.MAX_VALUE - 16));
            if (vault.length != vaultLength || in.read() != -1) {
                throw damaged(name, "it is truncated or has extra bytes at the end");
            }
            return new BackupFile(header, vault);
        } catch (IOException e) {
            throw damaged(name, "it could not be read to the end");
        }
    }

    static VaultDamagedException damaged(String name, String why) {
        return new VaultDamagedException(VaultErrorKind.BACKUP_DAMAGED, ErrorFacts.of(Fact.PATH, name, Fact.DETAIL, why));
    }
}
