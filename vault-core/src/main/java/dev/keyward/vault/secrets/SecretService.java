package dev.keyward.vault.secrets;

import dev.keyward.vault.ErrorFacts;
import dev.keyward.vault.Fact;
import dev.keyward.vault.InvalidInputException;
import dev.keyward.vault.NotFoundException;
import dev.keyward.vault.VaultErrorKind;
import dev.keyward.vault.crypto.Wipe;
import dev.keyward.vault.io.Timestamps;
import dev.keyward.vault.provider.ProviderService;
import dev.keyward.vault.session.VaultSession;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Keeps secret values: encrypted per version with the field key, fingerprinted for duplicate
 * detection, every read and change written to the audit log in the same transaction.
 * Values enter and leave as {@code char[]} that the caller wipes.
 */
public final class SecretService {

    /** Names are what scripts and placeholders ({{secret:NAME}}) refer to. */
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.:@/-]{0,127}");
    static final int MAX_VALUE_CHARS = 64 * 1024;
    /** Shorter values get no last-4 hint: four characters would give away too much of them. */
    static final int MIN_LENGTH_FOR_HINT = 12;

    private final VaultSession session;
    private final SecretRepository repository;
    private final FieldCipher cipher;
    private final Fingerprints fingerprints;

    public SecretService(VaultSession session) {
        this.session = session;
        this.repository = new SecretRepository(session.profileId());
        this.cipher = new FieldCipher(session.keys());
        this.fingerprints = new Fingerprints(session.keys());
    }

    /** Why a value is being read, as the audit log records it. */
    public enum Purpose { READ, REVEAL, COPY, INJECT, EXPORT }

    public SecretInfo add(String name, char[] value, String providerSlug) {
        validateName(name);
        validateValue(value);
        return session.database().write(c -> addIn(c, name, value, providerSlug));
    }

    /** Adds within the caller's transaction (for imports that must be all or nothing). */
    public SecretInfo addIn(Connection c, String name, char[] value, String providerSlug) throws SQLException {
        validateValue(value);
        return addChecked(c, name, value, providerSlug);
    }

    /**
     * Adds a variable read from a {@code .env} file within the caller's transaction. Unlike a
     * secret added by hand its value may be empty: {@code EMPTY=} is a common, valid line, and
     * {@code run} must give the child the same empty variable.
     */
    public SecretInfo addEnvValueIn(Connection c, String name, char[] value) throws SQLException {
        validateLength(value);
        return addChecked(c, name, value, null);
    }

    private SecretInfo addChecked(Connection c, String name, char[] value, String providerSlug) throws SQLException {
        validateName(name);
        if (repository.findByName(c, name).isPresent()) {
            throw new InvalidInputException(VaultErrorKind.SECRET_EXISTS, ErrorFacts.of(Fact.SECRET, name));
        }
        String providerId = resolveProvider(c, providerSlug, value);
        String id = UUID.randomUUID().toString();
        String now = Timestamps.now(session.clock());
        byte[] utf8 = utf8(value);
        try {
            String fingerprint = fingerprints.of(utf8);
            String last4 = hint(value);
            repository.insertSecret(c, id, name, providerId, fingerprint, last4, null, now);
            repository.insertVersion(c, UUID.randomUUID().toString(), id, 1,
                    cipher.seal(utf8, FieldCipher.valuePlace(session.profileId(), id, 1)), fingerprint, last4, now);
            session.audit().record(c, "secret", "add", "secret", id, Map.of("name", name,
                    "provider", providerSlugOrNone(c, providerId)));
        } finally {
            Wipe.bytes(utf8);
        }
        session.redactor().remember(value);
        return repository.findById(c, id).orElseThrow();
    }

    /** The current value; the caller must wipe it. */
    public char[] reveal(String name, Purpose purpose) {
        return session.database().write(c -> revealIn(c, name, purpose));
    }

    public char[] revealIn(Connection c, String name, Purpose purpose) throws SQLException {
        SecretInfo info = require(c, name);
        char[] value = decrypt(c, info.id(), info.version());
        if (!session.isReadOnly()) {
            // Bookkeeping of a read, like its audit entry: skipped where the vault cannot be written.
            repository.touchUsed(c, info.id(), Timestamps.now(session.clock()));
        }
        session.audit().record(c, "secret", purpose.name().toLowerCase(java.util.Locale.ROOT), "secret", info.id(), Map.of("name", name));
        return value;
    }

    /** A value of an earlier version (rotation history); the caller must wipe it. */
    public char[] revealVersion(String name, int version) {
        return session.database().write(c -> {
            SecretInfo info = require(c, name);
            if (version < 1 || version > info.version()) {
                throw new NotFoundException("Secret '" + name + "' has no version " + version
                        + "; it has versions 1 to " + info.version() + ".");
            }
            char[] value = decrypt(c, info.id(), version);
            session.audit().record(c, "secret", "reveal_version", "secret", info.id(),
                    Map.of("name", name, "version", version));
            return value;
        });
    }

    public List<SecretInfo> list() {
        return session.database().read(repository::list);
    }

    public SecretInfo info(String name) {
        return session.database().read(c -> require(c, name));
    }

    public List<SecretVersionInfo> history(String name) {
        return session.database().read(c -> repository.versions(c, require(c, name).id()));
    }

    /** Secrets whose current value equals {@code value}, found by fingerprint without decrypting. */
    public List<SecretInfo> withSameValue(char[] value) {
        byte[] utf8 = utf8(value);
        try {
            String fingerprint = fingerprints.of(utf8);
            return session.database().read(c -> repository.findByFingerprint(c, fingerprint));
        } finally {
            Wipe.bytes(utf8);
        }
    }

    /** Gives a secret a new value; the earlier ones are kept, encrypted, as its history. */
    public SecretInfo rotate(String name, char[] newValue) {
        validateValue(newValue);
        return session.database().write(c -> rotateIn(c, name, newValue));
    }

    public SecretInfo rotateIn(Connection c, String name, char[] newValue) throws SQLException {
        validateValue(newValue);
        return rotateChecked(c, name, newValue);
    }

    /** Rotates to a value read from a {@code .env} file, which may be empty (see {@link #addEnvValueIn}). */
    public SecretInfo rotateEnvValueIn(Connection c, String name, char[] newValue) throws SQLException {
        validateLength(newValue);
        return rotateChecked(c, name, newValue);
    }

    private SecretInfo rotateChecked(Connection c, String name, char[] newValue) throws SQLException {
        SecretInfo info = require(c, name);
        int version = info.version() + 1;
        String now = Timestamps.now(session.clock());
        byte[] utf8 = utf8(newValue);
        try {
            String fingerprint = fingerprints.of(utf8);
            String last4 = hint(newValue);
            repository.insertVersion(c, UUID.randomUUID().toString(), info.id(), version,
                    cipher.seal(utf8, FieldCipher.valuePlace(session.profileId(), info.id(), version)),
                    fingerprint, last4, now);
            repository.makeCurrent(c, info.id(), version, fingerprint, last4, now);
            session.audit().record(c, "secret", "rotate", "secret", info.id(), Map.of("name", name, "version", version));
        } finally {
            Wipe.bytes(utf8);
        }
        session.redactor().remember(newValue);
        return repository.findById(c, info.id()).orElseThrow();
    }

    /** Renames and/or re-assigns the provider; {@code providerSlug} null keeps it. */
    public SecretInfo edit(String name, String newName, String providerSlug) {
        validateName(newName);
        return session.database().write(c -> {
            SecretInfo info = require(c, name);
            if (!newName.equals(name) && repository.findByName(c, newName).isPresent()) {
                throw new InvalidInputException("A secret named '" + newName + "' already exists; choose another name.");
            }
            String providerId = providerSlug == null
                    ? session.providers().idOf(c, info.providerSlug())
                    : session.providers().requireId(c, providerSlug);
            repository.rename(c, info.id(), newName, providerId, Timestamps.now(session.clock()));
            session.audit().record(c, "secret", "edit", "secret", info.id(), Map.of("name", newName, "previous_name", name));
            return repository.findById(c, info.id()).orElseThrow();
        });
    }

    public void remove(String name) {
        session.database().write(c -> {
            SecretInfo info = require(c, name);
            repository.delete(c, info.id());
            session.audit().record(c, "secret", "remove", "secret", info.id(), Map.of("name", name));
            return null;
        });
    }

    /** The secret named {@code name}, or null. */
    public SecretInfo findByNameIn(Connection c, String name) throws SQLException {
        return repository.findByName(c, name).orElse(null);
    }

    /** Secrets whose current value equals {@code value}, within the caller's transaction. */
    public List<SecretInfo> withSameValueIn(Connection c, char[] value) throws SQLException {
        byte[] utf8 = utf8(value);
        try {
            return repository.findByFingerprint(c, fingerprints.of(utf8));
        } finally {
            Wipe.bytes(utf8);
        }
    }

    /** The current value for an internal comparison that shows nothing to anyone (no audit row). */
    public char[] revealQuietly(Connection c, String secretId) throws SQLException {
        SecretInfo info = requireById(c, secretId);
        return decrypt(c, info.id(), info.version());
    }

    public SecretInfo require(Connection c, String name) throws SQLException {
        return repository.findByName(c, name).orElseThrow(() -> new NotFoundException(
                VaultErrorKind.SECRET_NOT_FOUND, ErrorFacts.of(Fact.SECRET, name)));
    }

    public SecretInfo requireById(Connection c, String id) throws SQLException {
        return repository.findById(c, id).orElseThrow(() -> new NotFoundException("That secret no longer exists."));
    }

    /** Decrypts every stored value (all versions) for the redactor; the caller owns the arrays. */
    public List<char[]> allValuesForRedaction() {
        return session.database().read(c -> {
            List<char[]> out = new ArrayList<>();
            for (SecretRepository.StoredValue v : repository.allValues(c)) {
                byte[] plain = cipher.open(v.ciphertext(), FieldCipher.valuePlace(session.profileId(), v.secretId(), v.version()));
                out.add(chars(plain));
            }
            return out;
        });
    }

    /**
     * One stored value of a secret, any version, for a scan that looks for copies of it; the caller
     * wipes {@code value}.
     */
    public record VersionValue(String name, int version, boolean current, String last4, char[] value) {
    }

    /**
     * Every version of every secret, decrypted, for {@code scan}: it shows no value, but compares every
     * one with files, so the read is one audit entry ("scan", with how many values).
     */
    public List<VersionValue> allVersionsForScan() {
        return session.database().write(c -> {
            List<VersionValue> out = new ArrayList<>();
            try {
                for (SecretRepository.NamedValue v : repository.allNamedValues(c)) {
                    byte[] plain = cipher.open(v.ciphertext(), FieldCipher.valuePlace(session.profileId(), v.secretId(), v.version()));
                    out.add(new VersionValue(v.name(), v.version(), v.version() == v.currentVersion(), v.last4(), chars(plain)));
                }
                session.audit().record(c, "secret", "scan", "secret", null, Map.of("values", out.size()));
            } catch (RuntimeException | SQLException e) {
                out.forEach(v -> Wipe.chars(v.value()));
                throw e;
            }
            return out;
        });
    }

    char[] decrypt(Connection c, String secretId, int version) throws SQLException {
        byte[] sealed = repository.ciphertext(c, secretId, version);
        if (sealed == null) {
            throw new NotFoundException("That version of the secret is missing from the vault.");
        }
        return chars(cipher.open(sealed, FieldCipher.valuePlace(session.profileId(), secretId, version)));
    }

    private String resolveProvider(Connection c, String providerSlug, char[] value) throws SQLException {
        ProviderService providers = session.providers();
        if (providerSlug != null && !providerSlug.isBlank()) {
            return providers.requireId(c, providerSlug);
        }
        String detected = providers.detect(value).orElse(null);
        return detected == null ? null : providers.idOfSlug(c, detected);
    }

    private String providerSlugOrNone(Connection c, String providerId) throws SQLException {
        return providerId == null ? "none" : session.providers().slugOf(c, providerId);
    }

    /** True when {@code name} may name a secret. */
    public static boolean isValidName(String name) {
        return name != null && NAME.matcher(name).matches();
    }

    static void validateName(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new InvalidInputException("'" + (name == null ? "" : name.replaceAll("\\p{Cntrl}", "?"))
                    + "' is not a valid secret name: use 1 to 128 letters, digits and _ . : @ / -, starting with a letter or digit.");
        }
    }

    static void validateValue(char[] value) {
        if (value == null || value.length == 0) {
            throw new InvalidInputException("The secret value is empty; nothing was stored.");
        }
        validateLength(value);
    }

    /** True when {@code value} is longer than a stored value may be. */
    public static boolean tooLong(char[] value) {
        return value.length > MAX_VALUE_CHARS;
    }

    private static void validateLength(char[] value) {
        if (tooLong(value)) {
            throw new InvalidInputException("The secret value is longer than 64 KiB; nothing was stored.");
        }
    }

    static String hint(char[] value) {
        return value.length < MIN_LENGTH_FOR_HINT ? "" : new String(value, value.length - 4, 4);
    }

    static byte[] utf8(char[] value) {
        ByteBuffer encoded = StandardCharsets.UTF_8.encode(CharBuffer.wrap(value));
        byte[] out = Arrays.copyOfRange(encoded.array(), encoded.position(), encoded.limit());
        Arrays.fill(encoded.array(), (byte) 0);
        return out;
    }

    static char[] chars(byte[] utf8) {
        CharBuffer decoded = StandardCharsets.UTF_8.decode(ByteBuffer.wrap(utf8));
        char[] out = Arrays.copyOfRange(decoded.array(), decoded.position(), decoded.limit());
        Arrays.fill(decoded.array(), '\0');
        Wipe.bytes(utf8);
        return out;
    }
}
