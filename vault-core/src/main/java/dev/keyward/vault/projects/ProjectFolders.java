package dev.keyward.vault.projects;

import dev.keyward.vault.ErrorFacts;
import dev.keyward.vault.Fact;
import dev.keyward.vault.NotFoundException;
import dev.keyward.vault.VaultErrorKind;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/**
 * Reads and records a project's {@code root_path}, the folder its documents live in (service
 * recommendations read its markdown). The projects package owns the {@code projects} table; other
 * modules come here rather than writing its SQL themselves.
 */
public final class ProjectFolders {

    /** A project's id, name and root folder (null when never recorded). */
    public record ProjectRoot(String id, String name, String rootPath) {}

    private final String profileId;

    public ProjectFolders(String profileId) {
        this.profileId = profileId;
    }

    /** The project named {@code name}, if this profile has one. */
    public Optional<ProjectRoot> find(Connection c, String name) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT id, name, root_path FROM projects WHERE profile_id = ? AND name = ?")) {
            ps.setString(1, profileId);
            ps.setString(2, name);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new ProjectRoot(rs.getString(1), rs.getString(2), rs.getString(3)))
                        : Optional.empty();
            }
        }
    }

    /** The project named {@code name}; a {@link NotFoundException} when there is none. */
    public ProjectRoot require(Connection c, String name) throws SQLException {
        return find(c, name).orElseThrow(() -> new NotFoundException(VaultErrorKind.PROJECT_NOT_FOUND,
                ErrorFacts.of(Fact.PROJECT, name)));
    }

    /** Records the project's folder; call inside the transaction that uses it. */
    public void recordRoot(Connection c, String projectId, String rootPath, String now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE projects SET root_path = ?, updated_at = ? WHERE profile_id = ? AND id = ?")) {
            ps.setString(1, rootPath);
            ps.setString(2, now);
            ps.setString(3, profileId);
            ps.setString(4, projectId);
            ps.executeUpdate();
        }
    }
}
