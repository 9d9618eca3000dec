package dev.keyward.vault.profile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.keyward.vault.ErrorFacts;
import dev.keyward.vault.Fact;
import dev.keyward.vault.InvalidInputException;
import dev.keyward.vault.VaultDamagedException;
import dev.keyward.vault.VaultErrorKind;
import dev.keyward.vault.crypto.Argon2Params;
import dev.keyward.vault.io.UserFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Reads and writes {@code profile.json}. A plain SHA-256 checksum over the header's fields tells
 * accidental damage (reported as damage) apart from a wrong password (reported as such); KDF
 * parameters below the floor are refused even when the checksum matches.
 */
public final class ProfileHeaderCodec {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final String FORMAT = "keyward-profile";
    private static final int MAX_HEADER_BYTES = 64 * 1024;

    private ProfileHeaderCodec() {
    }

    public static byte[] encode(ProfileHeader h) {
        ObjectNode root = JSON.createObjectNode();
        root.put("format", FORMAT);
        root.put("format_version", h.formatVersion());
        root.put("profile_id", h.profileId());
        root.put("profile_name", h.profileName());
        root.put("created_at", h.createdAt());
        ObjectNode kdf = root.putObject("kdf");
        kdf.put("algorithm", "argon2id");
        kdf.put("memory_kib", h.kdf().memoryKib());
        kdf.put("iterations", h.kdf().iterations());
        kdf.put("parallelism", h.kdf().parallelism());
        root.put("password_salt", b64(h.passwordSalt()));
        root.put("password_wrapped_key", b64(h.passwordWrappedKey()));
        root.put("recovery_salt", b64(h.recoverySalt()));
        root.put("recovery_wrapped_key", b64(h.recoveryWrappedKey()));
        root.put("checksum", checksum(h));
        try {
            return JSON.writeValueAsBytes(root);
        } catch (IOException e) {
            throw new IllegalStateException("could not serialise a profile header", e);
        }
    }

    /**
     * The raw bytes of the header file {@code file}, read only as a regular file of at most the
     * largest header Keyward writes (a pipe, a device or a huge file there is damage, and must not
     * hang or exhaust Keyward).
     *
     * @throws dev.keyward.vault.NotFoundException when there is no such file
     */
    public static byte[] readRaw(Path file, String where) {
        try {
            return UserFiles.read(file, MAX_HEADER_BYTES);
        } catch (InvalidInputException e) {
            throw damaged(where, "it is not a regular file of at most " + UserFiles.describe(MAX_HEADER_BYTES));
        }
    }

    /** Parses a header; anything malformed, altered or below the KDF floor is reported as damage. */
    public static ProfileHeader decode(byte[] bytes, String where) {
        if (bytes.length > MAX_HEADER_BYTES) {
            throw damaged(where, "it is larger than any header Keyward writes");
        }
        ProfileHeader header;
        String storedChecksum;
        try {
            JsonNode root = JSON.readTree(bytes);
            if (root == null || !FORMAT.equals(text(root, "format"))) {
                throw damaged(where, "it is not a Keyward profile header");
            }
            int version = root.path("format_version").asInt(-1);
            if (version != ProfileHeader.FORMAT_VERSION) {
                throw damaged(where, "its format version " + version + " is not one this Keyward reads");
            }
            JsonNode kdf = root.path("kdf");
            if (!"argon2id".equals(text(kdf, "algorithm"))) {
                throw damaged(where, "its key derivation is not Argon2id");
            }
            header = new ProfileHeader(version, text(root, "profile_id"), text(root, "profile_name"),
                    text(root, "created_at"),
                    new Argon2Params(kdf.path("memory_kib").asInt(), kdf.path("iterations").asInt(),
                            kdf.path("parallelism").asInt()),
                    unb64(root, "password_salt"), unb64(root, "password_wrapped_key"),
                    unb64(root, "recovery_salt"), unb64(root, "recovery_wrapped_key"));
            storedChecksum = text(root, "checksum");
        } catch (IOException | IllegalArgumentException | NullPointerException e) {
            throw damaged(where, "it cannot be read as a profile header");
        }
        if (!MessageDigest.isEqual(storedChecksum.getBytes(StandardCharsets.US_ASCII),
                checksum(header).getBytes(StandardCharsets.US_ASCII))) {
            throw damaged(where, "its checksum does not match its content");
        }
        if (!header.kdf().meetsFloor() || !header.kdf().withinLimits()) {
            throw damaged(where, "its key-derivation parameters (" + header.kdf()
                    + ") are outside what Keyward accepts, so it was altered");
        }
        return header;
    }

    static String checksum(ProfileHeader h) {
        String canonical = String.join("\n", FORMAT, Integer.toString(h.formatVersion()), h.profileId(),
                h.profileName(), h.createdAt(), h.kdf().toString(), b64(h.passwordSalt()), b64(h.passwordWrappedKey()),
                b64(h.recoverySalt()), b64(h.recoveryWrappedKey()));
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    private static VaultDamagedException damaged(String where, String why) {
        return new VaultDamagedException(VaultErrorKind.PROFILE_HEADER_DAMAGED,
                ErrorFacts.of(Fact.PATH, where, Fact.DETAIL, why));
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual()) {
            throw new IllegalArgumentException("missing " + field);
        }
        return value.asText();
    }

    private static byte[] unb64(JsonNode node, String field) {
        String text = text(node, field);
        byte[] bytes = Base64.getDecoder().decode(text);
        // The decoder ignores the unused low bits of the last character and missing padding, so an
        // edited header could decode to the same bytes and pass the checksum: only the spelling
        // Keyward writes is accepted.
        if (!b64(bytes).equals(text)) {
            throw new IllegalArgumentException("non-canonical base64 in " + field);
        }
        return bytes;
    }

    private static String b64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }
}
