package dev.keyward.reflib;

import java.util.Arrays;

/** The archive flavour a source is downloaded as; GitHub serves both for any commit. */
public enum ArchiveFormat {
    TAR_GZ("tar_gz", ".tar.gz"),
    ZIP("zip", ".zip");

    private final String dbValue;
    private final String extension;

    ArchiveFormat(String dbValue, String extension) {
        this.dbValue = dbValue;
        this.extension = extension;
    }

    /** The value stored in manifest.db. */
    public String dbValue() {
        return dbValue;
    }

    /** The file-name ending used in the archive URL, with its leading dot. */
    public String extension() {
        return extension;
    }

    public static ArchiveFormat fromDbValue(String value) {
        return Arrays.stream(values())
                .filter(f -> f.dbValue.equals(value))
                .findFirst()
                .orElseThrow(() -> new ReferenceSourceException(
                        "The archive format '" + value + "' is not known; use tar_gz or zip."));
    }
}
