package dev.keyward.vault.backup;

import dev.keyward.vault.ErrorFacts;
import dev.keyward.vault.Fact;
import dev.keyward.vault.VaultDamagedException;
import dev.keyward.vault.VaultErrorKind;
import dev.keyward.vault.crypto.AesGcm;
import dev.keyward.vault.io.AtomicFiles;
import dev.keyward.vault.io.UserFiles;
import dev.keyward.vault.session.VaultSession;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * Encrypted copies of files Keyward is about to replace (a {@code .env} file that adopt turns into
 * references), in the profile's {@code backups/files/} folder. Each copy is sealed with AES-256-GCM
 * under the field key like a vault backup, its file name bound in as associated data, and written
 * atomically and synced before the caller replaces the original; nothing of it is plaintext on disk.
 *
 * <p>A copy's name is {@code TIME-PATHHASH-RANDOM.sealed}: the hash of the original's absolute path
 * finds the copies of one file without decrypting the others.
 */
public final class EnvFileBackups {

    private static final byte[] MAGIC = "KEYWARD-FILE-BACKUP/1\n".getBytes(StandardCharsets.US_ASCII);
    private static final String SUFFIX = ".sealed";
    /** Sortable UTC time, fixed width, so names sort by age. */
    private static final java.time.format.DateTimeFormatter TIME =
            java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmssSSS'Z'").withZone(java.time.ZoneOffset.UTC);

    private final VaultSession session;

    public EnvFileBackups(VaultSession session) {
        this.session = session;
    }

    /** A decrypted copy: the file it was taken of, and its bytes (the caller wipes them). */
    public record Copy(Path original, byte[] content) {
    }

    /** The folder the copies are kept in. */
    public Path folder() {
        return session.location().backupsFolder().resolve("files");
    }

    /**
     * Seals {@code content}, the bytes of {@code original}, into a new copy and syncs it to disk
     * before returning its path.
     */
    public Path save(Path original, byte[] content) throws IOException {
        Path folder = folder();
        Files.createDirectories(folder);
        AtomicFiles.restrictFolderToOwner(folder.getParent());
        AtomicFiles.restrictFolderToOwner(folder);
        String name = TIME.format(session.clock().instant()) + "-" + pathHash(original) + "-"
                + HexFormat.of().formatHex(AesGcm.randomBytes(4)) + SUFFIX;
        byte[] path = original.toAbsolutePath().normalize().toString().getBytes(StandardCharsets.UTF_8);
        byte[] plain = ByteBuffer.allocate(Integer.BYTES + path.length + content.length)
                .putInt(path.length).put(path).put(content).array();
        try {
            byte[] sealed = AesGcm.seal(session.keys().fieldKey(), plain, binding(name));
            byte[] file = ByteBuffer.allocate(MAGIC.length + sealed.length).put(MAGIC).put(sealed).array();
            Path target = folder.resolve(name);
            AtomicFiles.write(target, file);
            return target;
        } finally {
            Arrays.fill(plain, (byte) 0);
        }
    }

    /** The copies taken of {@code original}, newest first. */
    public List<Path> copiesOf(Path original) throws IOException {
        Path folder = folder();
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        String marker = "-" + pathHash(original) + "-";
        try (Stream<Path> files = Files.list(folder)) {
            List<Path> out = new ArrayList<>(files
                    .filter(f -> f.getFileName().toString().endsWith(SUFFIX)
                            && f.getFileName().toString().contains(marker))
                    .toList());
            out.sort(Comparator.comparing((Path f) -> f.getFileName().toString()).reversed());
            return out;
        }
    }

    /** Decrypts one copy; a copy that fails its check is reported as damaged, never returned. */
    public Copy open(Path copy) {
        String name = copy.getFileName().toString();
        byte[] file = UserFiles.read(copy, UserFiles.TEXT_LIMIT * 2);
        if (file.length < MAGIC.length || !Arrays.equals(Arrays.copyOf(file, MAGIC.length), MAGIC)) {
            throw damaged(name, "it is not a Keyward file backup");
        }
        byte[] plain;
        try {
            plain = AesGcm.open(session.keys().fieldKey(), Arrays.copyOfRange(file, MAGIC.length, file.length),
                    binding(name));
        } catch (AesGcm.TagMismatchException e) {
            throw damaged(name, "it failed its integrity check");
        }
        try {
            ByteBuffer in = ByteBuffer.wrap(plain);
            int pathLength = in.getInt();
            if (pathLength < 0 || pathLength > in.remaining()) {
                throw damaged(name, "its lengths are impossible");
            }
            byte[] path = new byte[pathLength];
            in.get(path);
            byte[] content = new byte[in.remaining()];
            in.get(content);
            return new Copy(Path.of(new String(path, StandardCharsets.UTF_8)), content);
        } finally {
            Arrays.fill(plain, (byte) 0);
        }
    }

    private byte[] binding(String name) {
        return ("keyward-file-backup/v1/" + session.profileId() + "/" + name).getBytes(StandardCharsets.UTF_8);
    }

    static String pathHash(Path original) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(
                    original.toAbsolutePath().normalize().toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static VaultDamagedException damaged(String name, String why) {
        return new VaultDamagedException(VaultErrorKind.BACKUP_DAMAGED, ErrorFacts.of(Fact.PATH, name, Fact.DETAIL, why));
    }
}
