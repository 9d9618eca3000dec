package dev.keyward.reflib.store;

/**
 * The recorded size and SHA-256 of one installed file, used by verify.
 *
 * @param path      path inside the source folder, '/' separated
 * @param sizeBytes file size
 * @param sha256    lowercase hex digest
 */
public record FileRecord(String path, long sizeBytes, String sha256) {}
