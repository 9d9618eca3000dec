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
    /** Reads exactly one JSON value: no trailing tokens, no duplicated field names. */
    private static final com.fasterxml.jackson.databind.ObjectReader STRICT = new ObjectMapper()
            .enable(com.fasterxml.jackson.core.JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .readerFor(JsonNode.class)
            .with(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
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
        if (startsWithByteOrderMark(bytes)) {
            throw damaged(where, "it starts with a byte-order mark, which Keyward never writes");
        }
        try {
            JsonNode root = parse(bytes);
            if (root == null || !root.isObject() || !FORMAT.equals(text(root, "format"))) {
                throw damaged(where, "it is not a Keyward profile header");
            }
            if (!onlyKnownFields(root)) {
                throw damaged(where, "it holds fields that Keyward never writes and its checksum does not cover");
            }
            int version = integer(root, "format_version");
            if (version != ProfileHeader.FORMAT_VERSION) {
                throw damaged(where, "its format version " + version + " is not one this Keyward reads");
            }
            JsonNode kdf = root.path("kdf");
            if (!"argon2id".equals(text(kdf, "algorithm"))) {
                throw damaged(where, "its key derivation is not Argon2id");
            }
            header = new ProfileHeader(version, text(root, "profile_id"), text(root, "profile_name"),
                    text(root, "created_at"),
                    new Argon2Params(integer(kdf, "memory_kib"), integer(kdf, "iterations"), integer(kdf, "parallelism")),
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

    /**
     * What a damaged header still says about its profile's name: {@code name} is null when it cannot be
     * read at all; {@code verified} is true when the header's checksum covers it (the damage is elsewhere,
     * e.g. KDF parameters out of range), false when the name itself may be what changed.
     */
    public record NameHint(String name, boolean verified) {

        /** Whether a profile folder with this (damaged) header may be the profile called {@code wanted}. */
        public boolean mayBe(String wanted) {
            if (name == null) {
                return true;
            }
            if (name.equalsIgnoreCase(wanted)) {
                return true;
            }
            // An unverified name may differ from the real one by the damaged byte itself.
            return !verified && name.length() == wanted.length() && differences(name, wanted) == 1;
        }

        private static int differences(String a, String b) {
            int count = 0;
            for (int i = 0; i < a.length(); i++) {
                if (Character.toLowerCase(a.charAt(i)) != Character.toLowerCase(b.charAt(i))) {
                    count++;
                }
            }
            return count;
        }
    }

    /** The name a damaged (or intact) header shows, for finding the folder of a named profile. */
    public static NameHint nameHint(byte[] bytes) {
        try {
            JsonNode root = parse(bytes);
            String name = text(root, "profile_name");
            boolean verified;
            try {
                decode(bytes, "");
                verified = true;
            } catch (VaultDamagedException damaged) {
                verified = checksumMatches(root);
            }
            return new NameHint(name, verified);
        } catch (IOException | RuntimeException unreadable) {
            return new NameHint(null, false);
        }
    }

    private static boolean checksumMatches(JsonNode root) {
        try {
            JsonNode kdf = root.path("kdf");
            ProfileHeader h = new ProfileHeader(integer(root, "format_version"), text(root, "profile_id"),
                    text(root, "profile_name"), text(root, "created_at"),
                    new Argon2Params(integer(kdf, "memory_kib"), integer(kdf, "iterations"), integer(kdf, "parallelism")),
                    unb64(root, "password_salt"), unb64(root, "password_wrapped_key"),
                    unb64(root, "recovery_salt"), unb64(root, "recovery_wrapped_key"));
            return checksum(h).equals(text(root, "checksum"));
        } catch (RuntimeException e) {
            return false;
        }
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

    /**
     * The header is exactly one JSON object, optionally surrounded by JSON whitespace (an editor's final
     * newline). Anything else in the file is refused as damage: a byte-order mark, text after the closing
     * brace, a second value, a duplicated field, a field Keyward does not write, a number spelled as text.
     * Why: the checksum covers the fields as parsed, so everything the parser would skip or merge could be
     * changed without the checksum noticing, and a different reader could see a different header.
     */
    private static JsonNode parse(byte[] bytes) throws IOException {
        if (startsWithByteOrderMark(bytes)) {
            throw new IOException("byte-order mark");
        }
        int first = 0;
        while (first < bytes.length && (bytes[first] == ' ' || bytes[first] == '\n' || bytes[first] == '\r'
                || bytes[first] == '\t')) {
            first++;
        }
        // UTF-8 only: the parser would also take UTF-16 or UTF-32, whose first bytes are not '{'.
        if (first == bytes.length || bytes[first] != '{') {
            throw new IOException("not a UTF-8 JSON object");
        }
        return STRICT.readTree(bytes);
    }

    private static boolean startsWithByteOrderMark(byte[] bytes) {
        return bytes.length >= 3 && (bytes[0] & 0xff) == 0xef && (bytes[1] & 0xff) == 0xbb && (bytes[2] & 0xff) == 0xbf;
    }

    private static final java.util.Set<String> FIELDS = java.util.Set.of("format", "format_version", "profile_id",
            "profile_name", "created_at", "kdf", "password_salt", "password_wrapped_key", "recovery_salt",
            "recovery_wrapped_key", "checksum");
    private static final java.util.Set<String> KDF_FIELDS = java.util.Set.of("algorithm", "memory_kib", "iterations",
            "parallelism");

    private static boolean onlyKnownFields(JsonNode root) {
        java.util.Set<String> names = new java.util.HashSet<>();
        root.fieldNames().forEachRemaining(names::add);
        java.util.Set<String> kdfNames = new java.util.HashSet<>();
        root.path("kdf").fieldNames().forEachRemaining(kdfNames::add);
        return FIELDS.containsAll(names) && KDF_FIELDS.containsAll(kdfNames);
    }

    private static int integer(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isInt()) {
            throw new IllegalArgumentException("missing " + field);
        }
        return value.intValue();
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
