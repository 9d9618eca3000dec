package dev.keyward.reflib;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A reference source the user wants on the laptop: a repository pinned to one commit.
 *
 * @param name             folder-safe identifier, e.g. {@code playwright-python}
 * @param repositoryUrl    repository page, {@code https://github.com/OWNER/REPO}
 * @param commitSha        the pinned commit, 40 (or 64) lowercase hex digits
 * @param format           which archive flavour to download
 * @param expectedChecksum SHA-256 hex of the archive to insist on, or {@code null} to accept and record any
 */
public record ReferenceSource(
        String name, String repositoryUrl, String commitSha, ArchiveFormat format, String expectedChecksum) {

    // Lowercase only, so two names never collide on a case-insensitive file system.
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");
    private static final Pattern SHA = Pattern.compile("[0-9a-f]{40}|[0-9a-f]{64}");
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    public ReferenceSource {
        name = requireName(name);
        commitSha = lower(commitSha);
        if (commitSha == null || !SHA.matcher(commitSha).matches()) {
            throw new ReferenceSourceException(
                    "The commit for " + name + " must be a full 40-character hex commit SHA.");
        }
        if (format == null) {
            format = ArchiveFormat.TAR_GZ;
        }
        expectedChecksum = lower(expectedChecksum);
        if (expectedChecksum != null && expectedChecksum.isBlank()) {
            expectedChecksum = null;
        }
        if (expectedChecksum != null && !SHA256.matcher(expectedChecksum).matches()) {
            throw new ReferenceSourceException(
                    "The expected checksum for " + name + " must be 64 hex characters (SHA-256).");
        }
        repositoryUrl = repositoryPath(name, repositoryUrl).url();
    }

    /** A tar.gz source without an expected checksum. */
    public static ReferenceSource of(String name, String repositoryUrl, String commitSha) {
        return new ReferenceSource(name, repositoryUrl, commitSha, ArchiveFormat.TAR_GZ, null);
    }

    /** The repository owner, the first path segment of the repository URL. */
    public String owner() {
        return repositoryPath(name, repositoryUrl).owner();
    }

    /** The repository name, the second path segment of the repository URL. */
    public String repository() {
        return repositoryPath(name, repositoryUrl).repository();
    }

    /** The commit shortened for messages. */
    public String shortSha() {
        return commitSha.substring(0, 7);
    }

    /** Checks a source name and returns it; names double as folder names. */
    public static String requireName(String name) {
        if (name == null || !NAME.matcher(name).matches() || name.startsWith("manifest.db")) {
            throw new ReferenceSourceException("The source name '" + name
                    + "' is not allowed; use lowercase letters, digits, '.', '_' or '-' (at most 64).");
        }
        return name;
    }

    private static String lower(String value) {
        return value == null ? null : value.trim().toLowerCase(Locale.ROOT);
    }

    private record RepositoryPath(String url, String owner, String repository) {}

    private static RepositoryPath repositoryPath(String name, String url) {
        String sentence = "The repository URL for " + name + " must look like https://github.com/OWNER/REPO.";
        if (url == null) {
            throw new ReferenceSourceException(sentence);
        }
        URI uri;
        try {
            uri = URI.create(url.trim());
        } catch (IllegalArgumentException e) {
            throw new ReferenceSourceException(sentence);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("https") || scheme.equals("http")) || uri.getHost() == null
                || uri.getRawQuery() != null || uri.getRawFragment() != null || uri.getPath() == null) {
            throw new ReferenceSourceException(sentence);
        }
        List<String> segments = List.of(uri.getPath().split("/")).stream().filter(s -> !s.isEmpty()).toList();
        if (segments.size() != 2) {
            throw new ReferenceSourceException(sentence);
        }
        String owner = segments.get(0);
        String repository = segments.get(1).endsWith(".git")
                ? segments.get(1).substring(0, segments.get(1).length() - 4)
                : segments.get(1);
        Pattern segment = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");
        if (!segment.matcher(owner).matches() || !segment.matcher(repository).matches()) {
            throw new ReferenceSourceException(sentence);
        }
        String normalized = scheme + "://" + uri.getRawAuthority() + "/" + owner + "/" + repository;
        return new RepositoryPath(normalized, owner, repository);
    }
}
