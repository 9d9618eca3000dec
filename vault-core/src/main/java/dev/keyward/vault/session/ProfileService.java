package dev.keyward.vault.session;

import dev.keyward.vault.ErrorFacts;
import dev.keyward.vault.Fact;
import dev.keyward.vault.InvalidInputException;
import dev.keyward.vault.NotFoundException;
import dev.keyward.vault.OperationFailedException;
import dev.keyward.vault.VaultDamagedException;
import dev.keyward.vault.VaultErrorKind;
import dev.keyward.vault.VaultException;
import dev.keyward.vault.crypto.AesGcm;
import dev.keyward.vault.crypto.Argon2Params;
import dev.keyward.vault.crypto.Argon2idKdf;
import dev.keyward.vault.crypto.Password;
import dev.keyward.vault.crypto.RecoveryCode;
import dev.keyward.vault.crypto.Wipe;
import dev.keyward.vault.db.SchemaMigrations;
import dev.keyward.vault.db.VaultDatabase;
import dev.keyward.vault.db.WalAuthenticator;
import dev.keyward.vault.io.AtomicFiles;
import dev.keyward.vault.io.Timestamps;
import dev.keyward.vault.profile.DataRoot;
import dev.keyward.vault.profile.KeyWrapping;
import dev.keyward.vault.profile.ProfileHeader;
import dev.keyward.vault.profile.ProfileHeaderCodec;
import dev.keyward.vault.profile.ProfileKeys;
import dev.keyward.vault.profile.ProfileLocation;
import dev.keyward.vault.profile.ProfileSummary;
import dev.keyward.vault.provider.ProviderService;
import dev.keyward.vault.settings.SettingsService;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Creates, lists, unlocks, re-keys, verifies and deletes profiles in a data folder. Each
 * profile is {@code profiles/<id>/profile.json} (the header) and {@code vault.db}.
 */
public final class ProfileService {

    private static final Pattern NAME = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N} _.-]{0,63}");
    /** Passwords shorter than this are refused: Argon2id cannot save a four-letter password. */
    public static final int MIN_PASSWORD_LENGTH = 8;

    private final DataRoot root;
    private final Clock clock;
    private final Argon2Params kdfParams;
    private final String actor;

    public ProfileService(DataRoot root, Clock clock, Argon2Params kdfParams, String actor) {
        if (!kdfParams.meetsFloor()) {
            throw new IllegalArgumentException("KDF parameters below the floor: " + kdfParams);
        }
        this.root = root;
        this.clock = clock;
        this.kdfParams = kdfParams;
        this.actor = actor;
    }

    public DataRoot root() {
        return root;
    }

    /** A new profile and its recovery code, which is shown once and then forgotten. */
    public record Created(ProfileSummary profile, Password recoveryCode) {
    }

    public Created create(String name, Password password) {
        return create(name, password, false);
    }

    /**
     * Creates a profile; a name that a damaged profile folder may hold is refused unless
     * {@code despiteDamagedFolder}, since two folders would then answer to one name.
     */
    public Created create(String name, Password password, boolean despiteDamagedFolder) {
        validateName(name);
        validatePassword(password);
        if (findByName(name) != null) {
            throw new InvalidInputException("A profile named '" + name + "' already exists; choose another name.");
        }
        List<ProfileSummary> mayHold = damagedFoldersThatMayHold(name);
        if (!despiteDamagedFolder && !mayHold.isEmpty()) {
            throw new InvalidInputException("The damaged profile folder " + mayHold.getFirst().location().folder()
                    + " may hold a profile named '" + name + "' (its header cannot be trusted), so no second profile of"
                    + " that name was created; nothing was changed. Restore that profile from a backup or delete"
                    + " its folder first, or choose another name.");
        }
        String id = UUID.randomUUID().toString();
        ProfileLocation location = new ProfileLocation(root.profileFolder(id));
        byte[] pvk = AesGcm.randomBytes(32);
        Password recovery = RecoveryCode.generate();
        try (Password canonicalRecovery = RecoveryCode.normalize(recovery)) {
            ProfileHeader unsealed = new ProfileHeader(ProfileHeader.FORMAT_VERSION, id, name, Timestamps.now(clock),
                    kdfParams, AesGcm.randomBytes(Argon2idKdf.SALT_BYTES), new byte[0],
                    AesGcm.randomBytes(Argon2idKdf.SALT_BYTES), new byte[0]);
            ProfileHeader header = new ProfileHeader(unsealed.formatVersion(), id, name, unsealed.createdAt(), kdfParams,
                    unsealed.passwordSalt(), KeyWrapping.wrapForHeader(pvk, password, unsealed, ProfileHeader.Unlocker.PASSWORD),
                    unsealed.recoverySalt(), KeyWrapping.wrapForHeader(pvk, canonicalRecovery, unsealed, ProfileHeader.Unlocker.RECOVERY_CODE));
            Files.createDirectories(location.folder());
            AtomicFiles.restrictFolderToOwner(location.folder());
            // The vault first, the header last: a folder without a header is an unfinished
            // creation and is ignored (and cleaned up) rather than half a profile.
            try (ProfileKeys keys = new ProfileKeys(pvk.clone());
                 VaultDatabase db = VaultDatabase.open(location.vaultFile(), keys::sqlcipherRawKey)) {
                SchemaMigrations.migrate(db);
                String now = Timestamps.now(clock);
                db.write(c -> {
                    SettingsService.createDefaults(c, id, now);
                    ProviderService.seedFromCatalog(c, id, now);
                    return null;
                });
            }
            AtomicFiles.restrictToOwner(location.vaultFile());
            AtomicFiles.write(location.headerFile(), ProfileHeaderCodec.encode(header));
            ProfileSummary summary = new ProfileSummary(id, name, header.createdAt(), location, null);
            try (VaultSession session = open(summary, header, pvk.clone())) {
                session.database().write(c -> {
                    session.audit().record(c, "profile", "create", "profile", id, Map.of("name", name));
                    return null;
                });
            }
            return new Created(summary, recovery);
        } catch (IOException e) {
            recovery.destroy();
            deleteQuietly(location.folder());
            throw new OperationFailedException("Could not create the profile folder " + location.folder()
                    + " (" + e.getClass().getSimpleName() + "). Check that the data folder is writable.", e);
        } catch (RuntimeException e) {
            recovery.destroy();
            deleteQuietly(location.folder());
            throw e;
        } finally {
            Wipe.bytes(pvk);
        }
    }

    /** Every profile in the data folder, damaged ones included (with the reason). */
    public List<ProfileSummary> list() {
        Path folder = root.profilesFolder();
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        List<ProfileSummary> out = new ArrayList<>();
        try (Stream<Path> children = Files.list(folder)) {
            for (Path dir : children.filter(Files::isDirectory).toList()) {
                ProfileLocation location = new ProfileLocation(dir);
                if (!Files.exists(location.headerFile())) {
                    continue; // an unfinished creation
                }
                try {
                    ProfileHeader h = readHeader(location);
                    out.add(new ProfileSummary(h.profileId(), h.profileName(), h.createdAt(), location, null));
                } catch (VaultDamagedException e) {
                    // Still that profile: listed under the name its header shows, if any can be read.
                    String id = dir.getFileName().toString();
                    String shown = nameHint(location).name();
                    out.add(new ProfileSummary(id, shown != null && NAME.matcher(shown).matches() ? shown : id, null,
                            location, e.getMessage()));
                }
            }
        } catch (IOException e) {
            throw new OperationFailedException("Could not read the profiles folder " + folder + ".", e);
        }
        out.sort(Comparator.comparing(p -> p.name().toLowerCase(Locale.ROOT)));
        return out;
    }

    /** The profile named (or with the id) {@code nameOrId}; when null, the only profile there is. */
    public ProfileSummary resolve(String nameOrId) {
        List<ProfileSummary> all = list();
        if (nameOrId == null) {
            if (all.size() == 1) {
                return all.get(0);
            }
            throw all.isEmpty()
                    ? new NotFoundException(VaultErrorKind.NO_PROFILE_YET, ErrorFacts.NONE)
                    : new InvalidInputException(VaultErrorKind.PROFILE_NOT_CHOSEN, ErrorFacts.of(Fact.COUNT, all.size()));
        }
        ProfileSummary byName = findByName(nameOrId);
        if (byName != null) {
            return byName;
        }
        ProfileSummary byId = all.stream().filter(p -> p.id().equals(nameOrId)).findFirst().orElse(null);
        if (byId != null) {
            return byId;
        }
        // A profile whose header is damaged is still that profile: naming it must report the damage,
        // not "no such profile", or the user would create a second profile of the same name.
        List<ProfileSummary> mayHold = damagedFoldersThatMayHold(nameOrId);
        if (mayHold.size() == 1) {
            return mayHold.getFirst();
        }
        if (mayHold.size() > 1) {
            throw new VaultDamagedException("No intact profile is named '" + nameOrId + "', and " + mayHold.size()
                    + " profile folders with damaged headers may hold it: " + String.join(", ",
                    mayHold.stream().map(p -> p.location().folder().toString()).toList())
                    + ". Restore the profile from a backup.");
        }
        throw new NotFoundException(VaultErrorKind.PROFILE_NOT_FOUND, ErrorFacts.of(Fact.PROFILE, nameOrId));
    }

    /** Damaged profile folders whose header may name {@code name}: all whose name cannot be read or trusted. */
    public List<ProfileSummary> damagedFoldersThatMayHold(String name) {
        return list().stream().filter(ProfileSummary::isDamaged)
                .filter(p -> nameHint(p.location()).mayBe(name)).toList();
    }

    private static ProfileHeaderCodec.NameHint nameHint(ProfileLocation location) {
        try {
            return ProfileHeaderCodec.nameHint(Files.readAllBytes(location.headerFile()));
        } catch (IOException e) {
            return new ProfileHeaderCodec.NameHint(null, false);
        }
    }

    /** Unlocks with the password: KDF, unwrap, open and migrate. */
    public VaultSession unlock(ProfileSummary profile, Password password) {
        ProfileHeader header = readHeaderOf(profile);
        byte[] pvk = KeyWrapping.unwrap(header, password, ProfileHeader.Unlocker.PASSWORD);
        return open(profile, header, pvk);
    }

    /** The raw key-derivation step alone (for the unlock benchmark and the UI's progress). */
    public byte[] unwrapKey(ProfileSummary profile, Password password) {
        return KeyWrapping.unwrap(readHeaderOf(profile), password, ProfileHeader.Unlocker.PASSWORD);
    }

    /** Opens the vault with an already unwrapped PVK (taken over by the session). */
    public VaultSession open(ProfileSummary profile, byte[] pvk) {
        return open(profile, readHeaderOf(profile), pvk);
    }

    private VaultSession open(ProfileSummary profile, ProfileHeader header, byte[] pvk) {
        ProfileKeys keys = new ProfileKeys(pvk);
        Path vault = profile.location().vaultFile();
        if (!Files.exists(vault)) {
            keys.close();
            throw new VaultDamagedException(VaultErrorKind.VAULT_FILE_MISSING,
                    ErrorFacts.of(Fact.PROFILE, header.profileName(), Fact.PATH, vault));
        }
        VaultDatabase db = null;
        try {
            // SQLite would silently drop a damaged frame of a WAL left by a crash, and everything after it.
            WalAuthenticator.requireIntact(profile.location().walFile(), vault, keys.databaseKey());
            db = VaultDatabase.open(vault, keys::sqlcipherRawKey);
            // SQLite authenticates only the pages a statement reads: before anything is written (an
            // audit entry of a read included), every page is checked, so a damaged vault stays as found.
            VaultDatabase opened = db;
            db.guardWrites(() -> opened.requireAuthenticPages(keys.databaseKey()));
            SchemaMigrations.migrate(db);
            return new VaultSession(new ProfileSummary(header.profileId(), header.profileName(), header.createdAt(),
                    profile.location(), null), keys, db, clock, actor);
        } catch (RuntimeException e) {
            if (db != null) {
                db.close();
            }
            keys.close();
            throw e instanceof org.flywaydb.core.api.FlywayException flyway ? migrationFailure(flyway, vault) : e;
        }
    }

    /**
     * A failed schema update: SQLite's own error when there is one (a full disk, a read-only folder, a
     * damaged page), else damage, since the shipped migrations apply to every intact vault.
     */
    private static VaultException migrationFailure(org.flywaydb.core.api.FlywayException e, Path vault) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof java.sql.SQLException sql) {
                return VaultDatabase.translate(sql, vault);
            }
        }
        return new VaultDamagedException(VaultErrorKind.SCHEMA_NOT_UPDATED, ErrorFacts.NONE, e);
    }

    /** Re-wraps the PVK under a new password; the vault itself is untouched. */
    public void changePassword(ProfileSummary profile, Password current, Password next) {
        validatePassword(next);
        ProfileHeader header = readHeaderOf(profile);
        byte[] pvk = KeyWrapping.unwrap(header, current, ProfileHeader.Unlocker.PASSWORD);
        rewrap(profile, header, pvk, next, "passwd");
    }

    /** Sets a new password using the recovery code. */
    public void recover(ProfileSummary profile, Password recoveryCode, Password next) {
        validatePassword(next);
        ProfileHeader header = readHeaderOf(profile);
        try (Password canonical = RecoveryCode.normalize(recoveryCode)) {
            if (canonical == null) {
                throw new InvalidInputException("That is not a recovery code: it has 32 letters and digits, "
                        + "usually written in groups of four.");
            }
            byte[] pvk = KeyWrapping.unwrap(header, canonical, ProfileHeader.Unlocker.RECOVERY_CODE);
            rewrap(profile, header, pvk, next, "recover");
        }
    }

    private void rewrap(ProfileSummary profile, ProfileHeader header, byte[] pvk, Password next, String action) {
        try {
            byte[] salt = AesGcm.randomBytes(Argon2idKdf.SALT_BYTES);
            ProfileHeader withSalt = header.withPasswordWrap(salt, new byte[0]);
            ProfileHeader updated = header.withPasswordWrap(salt,
                    KeyWrapping.wrapForHeader(pvk, next, withSalt, ProfileHeader.Unlocker.PASSWORD));
            AtomicFiles.write(profile.location().headerFile(), ProfileHeaderCodec.encode(updated));
            try (VaultSession session = open(profile, updated, pvk.clone())) {
                session.database().write(c -> {
                    session.audit().record(c, "profile", action, "profile", header.profileId(), Map.of());
                    return null;
                });
            }
        } catch (IOException e) {
            throw new OperationFailedException("Could not write the new profile header; the old password still works.", e);
        } finally {
            Wipe.bytes(pvk);
        }
    }

    /** Result of {@link #verify}. */
    public record VerifyReport(String profileName, long pages, long secrets, List<String> problems) {
        public boolean ok() {
            return problems.isEmpty();
        }

        /**
         * Returns this report when the vault is intact; otherwise reports the damage as every other
         * damage is reported (exit code 5), so that the CLI and the tamper sweep share one path.
         */
        public VerifyReport requireIntact() {
            if (!ok()) {
                throw new VaultDamagedException(VaultErrorKind.PROFILE_DAMAGED,
                        ErrorFacts.of(Fact.PROFILE, profileName, Fact.DETAIL, String.join("; ", problems)));
            }
            return this;
        }
    }

    /**
     * Reads every page of the vault (SQLCipher checks each page's HMAC on read) and runs
     * {@code PRAGMA integrity_check}; also decrypts every stored secret value.
     */
    public VerifyReport verify(ProfileSummary profile, Password password) {
        try (VaultSession session = unlock(profile, password)) {
            List<String> problems = new ArrayList<>();
            long[] pages = new long[1];
            session.database().read(c -> {
                try (Statement s = c.createStatement()) {
                    try (ResultSet rs = s.executeQuery("PRAGMA page_count")) {
                        rs.next();
                        pages[0] = rs.getLong(1);
                    }
                    try (ResultSet rs = s.executeQuery("PRAGMA integrity_check")) {
                        while (rs.next()) {
                            if (!"ok".equals(rs.getString(1))) {
                                problems.add(rs.getString(1));
                            }
                        }
                    }
                    // Reading every row of every table makes SQLCipher authenticate each page it holds.
                    List<String> tables = new ArrayList<>();
                    try (ResultSet rs = s.executeQuery("SELECT name FROM sqlite_schema WHERE type = 'table'")) {
                        while (rs.next()) {
                            tables.add(rs.getString(1));
                        }
                    }
                    for (String table : tables) {
                        try (ResultSet rs = s.executeQuery("SELECT * FROM \"" + table.replace("\"", "\"\"") + "\"")) {
                            int columns = rs.getMetaData().getColumnCount();
                            while (rs.next()) {
                                for (int i = 1; i <= columns; i++) {
                                    rs.getObject(i);
                                }
                            }
                        }
                    }
                }
                return null;
            });
            // SQLite authenticates only the pages its b-trees reach; check every page's HMAC too.
            session.database().checkpoint();
            try {
                for (long page : session.database().badPages(session.keys().databaseKey())) {
                    problems.add("page " + page + " failed its authentication check");
                }
            } catch (IOException e) {
                problems.add("the vault file could not be read to the end");
            }
            long secrets = session.secrets().allValuesForRedaction().stream().peek(Wipe::chars).count();
            // A damaged vault is not written to: the write could reuse the damaged page and so erase
            // the evidence that a restore from a backup is needed.
            if (problems.isEmpty()) {
                session.database().write(c -> {
                    session.audit().record(c, "profile", "verify", "profile", session.profileId(),
                            Map.of("pages", pages[0], "problems", 0));
                    return null;
                });
            }
            return new VerifyReport(profile.name(), pages[0], secrets, problems);
        }
    }

    /** Deletes the profile's folder: header, vault, backups kept inside it and debug files. */
    public void delete(ProfileSummary profile) {
        try {
            deleteRecursively(profile.location().folder());
        } catch (IOException e) {
            throw new OperationFailedException("Could not delete every file of profile '" + profile.name()
                    + "' in " + profile.location().folder() + "; remove the folder by hand.", e);
        }
    }

    public ProfileHeader readHeaderOf(ProfileSummary profile) {
        return readHeader(profile.location());
    }

    static ProfileHeader readHeader(ProfileLocation location) {
        String where = "(" + location.headerFile() + ")";
        byte[] raw;
        try {
            raw = ProfileHeaderCodec.readRaw(location.headerFile(), where);
        } catch (NotFoundException e) {
            throw new NotFoundException("The profile header " + location.headerFile() + " does not exist.");
        }
        return ProfileHeaderCodec.decode(raw, where);
    }

    private ProfileSummary findByName(String name) {
        return list().stream().filter(p -> !p.isDamaged() && p.name().equalsIgnoreCase(name)).findFirst().orElse(null);
    }

    static void validateName(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new InvalidInputException("'" + (name == null ? "" : name) + "' is not a valid profile name: "
                    + "use 1 to 64 letters, digits, spaces and _ . -, starting with a letter or digit.");
        }
    }

    static void validatePassword(Password password) {
        if (password == null || password.length() < MIN_PASSWORD_LENGTH) {
            throw new InvalidInputException("The password must have at least " + MIN_PASSWORD_LENGTH
                    + " characters; nothing was changed.");
        }
    }

    private static void deleteQuietly(Path folder) {
        try {
            deleteRecursively(folder);
        } catch (IOException | VaultException ignored) {
            // Best effort: an unfinished profile folder without a header is ignored by list().
        }
    }

    static void deleteRecursively(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
