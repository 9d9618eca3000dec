package dev.keyward.vault.profile;

import dev.keyward.vault.ErrorFacts;
import dev.keyward.vault.OperationFailedException;
import dev.keyward.vault.VaultErrorKind;
import dev.keyward.vault.crypto.Hkdf;
import dev.keyward.vault.crypto.Wipe;
import java.util.HexFormat;

/**
 * The keys of an unlocked profile: the profile vault key (PVK) and the subkeys derived from it
 * with HKDF. All are wiped by {@link #close()} (lock and stop); asking for one afterwards is the
 * typed error {@link VaultErrorKind#PROFILE_LOCKED}, which a front end words as "unlock first".
 */
public final class ProfileKeys implements AutoCloseable {

    private final byte[] pvk;
    private final byte[] databaseKey;
    private final byte[] fieldKey;
    private final byte[] fingerprintKey;
    private volatile boolean closed;

    /** Takes ownership of {@code pvk}. */
    public ProfileKeys(byte[] pvk) {
        this.pvk = pvk;
        this.databaseKey = Hkdf.subkey(pvk, "vault.db");
        this.fieldKey = Hkdf.subkey(pvk, "fields");
        this.fingerprintKey = Hkdf.subkey(pvk, "fingerprints");
    }

    /** The raw SQLCipher key for vault.db. */
    public byte[] databaseKey() {
        return alive(databaseKey);
    }

    /** AES-256-GCM key for secret values, notes, debug screenshots and backups. */
    public byte[] fieldKey() {
        return alive(fieldKey);
    }

    /** HMAC key that fingerprints values, so duplicates are found without decrypting. */
    public byte[] fingerprintKey() {
        return alive(fingerprintKey);
    }

    public byte[] pvk() {
        return alive(pvk);
    }

    /** SQLCipher's raw-key syntax: the key is used as is, with no second KDF at open. */
    public String sqlcipherRawKey() {
        return "x'" + HexFormat.of().formatHex(alive(databaseKey)) + "'";
    }

    public boolean isClosed() {
        return closed;
    }

    @Override
    public void close() {
        closed = true;
        Wipe.bytes(pvk, databaseKey, fieldKey, fingerprintKey);
    }

    private byte[] alive(byte[] key) {
        if (closed) {
            throw new OperationFailedException(VaultErrorKind.PROFILE_LOCKED, ErrorFacts.NONE);
        }
        return key;
    }
}
