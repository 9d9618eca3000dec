package dev.keyward.reflib;

import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

/** A library in a temp folder wired to a loopback archive server, with no default sources. */
final class LibraryFixture implements AutoCloseable {

    static final String OWNER = "acme";
    static final String REPO = "widgets";
    static final String REPO_URL = "https://github.com/" + OWNER + "/" + REPO;
    static final String SHA1 = "1111111111111111111111111111111111111111";
    static final String SHA2 = "2222222222222222222222222222222222222222";
    static final String NAME = "widgets";

    final ArchiveServer server;
    final Path root;
    final HttpClient http;
    final ReferenceLibrary library;

    LibraryFixture(Path root) throws IOException {
        this(root, ExtractionLimits.DEFAULTS, 3);
    }

    LibraryFixture(Path root, ExtractionLimits limits, int downloadAttempts) throws IOException {
        this(root, limits, downloadAttempts, Duration.ofSeconds(20));
    }

    LibraryFixture(Path root, ExtractionLimits limits, int downloadAttempts, Duration stallTimeout)
            throws IOException {
        this.root = root;
        this.server = new ArchiveServer();
        this.http = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NORMAL)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        LibrarySettings settings = new LibrarySettings(server.base(), limits, List.of(), downloadAttempts, stallTimeout);
        this.library = new ReferenceLibrary(root, http, settings);
    }

    /** GitHub's single top-level folder of an archive of {@code sha}. */
    static String top(String sha) {
        return REPO + "-" + sha + "/";
    }

    void publish(String sha, ArchiveFormat format, byte[] archive) {
        server.put(OWNER, REPO, sha, format, archive);
    }

    /** Publishes a tar.gz of {@code sha}, registers {@link #NAME} pinned to it and syncs it. */
    SyncReport publishAndSync(String sha, TestArchives archive) {
        publish(sha, ArchiveFormat.TAR_GZ, archive.tarGz());
        library.add(NAME, REPO_URL, sha);
        return library.sync(NAME, ProgressListener.NONE);
    }

    Path sourceFolder() {
        return library.sourceFolder(NAME);
    }

    String read(String relative) throws IOException {
        return Files.readString(sourceFolder().resolve(relative));
    }

    Connection manifest() throws SQLException {
        return DriverManager.getConnection("jdbc:sqlite:" + library.folder().resolve("manifest.db"));
    }

    long count(String sql, String parameter) throws SQLException {
        try (Connection connection = manifest(); PreparedStatement statement = connection.prepareStatement(sql)) {
            if (parameter != null) {
                statement.setString(1, parameter);
            }
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    /** Names in the library folder that start with '.' other than the lock file: work leftovers. */
    List<String> leftovers() throws IOException {
        try (Stream<Path> children = Files.list(library.folder())) {
            return children.map(p -> p.getFileName().toString())
                    .filter(n -> n.startsWith(".") && !n.equals(".lock"))
                    .toList();
        }
    }

    @Override
    public void close() {
        server.close();
        http.close();
    }
}
