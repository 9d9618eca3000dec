package dev.keyward.reflib.download;

import java.nio.file.Path;

/**
 * A completely downloaded archive.
 *
 * @param file      where it is (the {@code .part} file, now complete)
 * @param sha256    lowercase hex SHA-256 of the whole file
 * @param sizeBytes its size
 * @param resumed   true when some bytes came from an earlier, interrupted transfer
 */
public record DownloadedArchive(Path file, String sha256, long sizeBytes, boolean resumed) {}
