package dev.keyward.vault.projects;

import dev.keyward.vault.ErrorFacts;
import dev.keyward.vault.Fact;
import dev.keyward.vault.InvalidInputException;
import dev.keyward.vault.NotFoundException;
import dev.keyward.vault.VaultErrorKind;
import dev.keyward.vault.env.DotenvKeys;
import dev.keyward.vault.crypto.Wipe;
import dev.keyward.vault.io.Timestamps;
import dev.keyward.vault.secrets.SecretInfo;
import dev.keyward.vault.secrets.SecretService;
import dev.keyward.vault.session.VaultSession;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Projects link secrets to environment variable names; they are what {@code keyward run}
 * injects and what .env import and export read and write.
 */
public final class ProjectService {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,63}");
    /** Portable environment variable names (POSIX): a child process can read them all. */
    private static final Pattern ENV_VAR = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,254}");

    private final VaultSession session;

    public ProjectService(VaultSession session) {
        this.session = session;
    }

    public ProjectInfo create(String name, String description) {
        validateName(name);
        return session.database().write(c -> createIn(c, name, description));
    }

    /** Creates a project within the caller's transaction (adopt creates projects and imports in one). */
    public ProjectInfo createIn(Connection c, String name, String description) throws SQLException {
        validateName(name);
        if (find(c, name) != null) {
            throw new InvalidInputException("A project named '" + name + "' already exists.");
        }
        String id = UUID.randomUUID().toString();
        String now = Timestamps.now(session.clock());
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO projects (id, profile_id, name, description, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)""")) {
            ps.setString(1, id);
            ps.setString(2, session.profileId());
            ps.setString(3, name);
            ps.setString(4, description);
            ps.setString(5, now);
            ps.setString(6, now);
            ps.executeUpdate();
        }
        session.audit().record(c, "project", "create", "project", id, Map.of("name", name));
        return find(c, name);
    }

    /** Whether {@code name} is one a project can have. */
    public static boolean isValidName(String name) {
        return name != null && NAME.matcher(name).matches();
    }

    private static void validateName(String name) {
        if (!isValidName(name)) {
            throw new InvalidInputException("'" + name + "' is not a valid project name: use 1 to 64 letters, digits and _ . -.");
        }
    }

    public List<ProjectInfo> list() {
        return session.database().read(c -> {
            try (PreparedStatement ps = c.prepareStatement("""
                    SELECT p.id, p.name, p.description, p.created_at,
                           (SELECT count(*) FROM project_secrets ps WHERE ps.project_id = p.id)
                      FROM projects p WHERE p.profile_id = ? ORDER BY p.name""")) {
                ps.setString(1, session.profileId());
                try (ResultSet rs = ps.executeQuery()) {
                    List<ProjectInfo> out = new ArrayList<>();
                    while (rs.next()) {
                        out.add(new ProjectInfo(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getInt(5)));
                    }
                    return out;
                }
            }
        });
    }

    public void delete(String name) {
        session.database().write(c -> {
            ProjectInfo p = require(c, name);
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM projects WHERE profile_id = ? AND id = ?")) {
                ps.setString(1, session.profileId());
                ps.setString(2, p.id());
                ps.executeUpdate();
            }
            session.audit().record(c, "project", "delete", "project", p.id(), Map.of("name", name));
            return null;
        });
    }

    /** Links {@code secretName} to {@code envVar} in the project, replacing an earlier link of that variable. */
    public ProjectLink link(String project, String secretName, String envVar) {
        validateEnvVar(envVar);
        return session.database().write(c -> {
            ProjectInfo p = require(c, project);
            SecretInfo secret = session.secrets().require(c, secretName);
            linkIn(c, p, secret, envVar);
            return new ProjectLink(envVar, secret.name(), secret.id());
        });
    }

    public void unlink(String project, String envVar) {
        session.database().write(c -> {
            ProjectInfo p = require(c, project);
            try (PreparedStatement ps = c.prepareStatement(
                    "DELETE FROM project_secrets WHERE profile_id = ? AND project_id = ? AND env_var = ?")) {
                ps.setString(1, session.profileId());
                ps.setString(2, p.id());
                ps.setString(3, envVar);
                if (ps.executeUpdate() == 0) {
                    throw new NotFoundException("Project '" + project + "' has no variable " + envVar + ".");
                }
            }
            session.audit().record(c, "project", "unlink", "project", p.id(), Map.of("project", project, "env_var", envVar));
            return null;
        });
    }

    public List<ProjectLink> links(String project) {
        return session.database().read(c -> links(c, require(c, project)));
    }

    /** The links of {@code project} within the caller's transaction; empty when there is no such project. */
    public java.util.Optional<List<ProjectLink>> linksIn(Connection c, String project) throws SQLException {
        ProjectInfo p = find(c, project);
        return p == null ? java.util.Optional.empty() : java.util.Optional.of(links(c, p));
    }

    /** Works out what importing {@code entries} (name to value, in file order) would do; writes nothing. */
    public EnvImportPlan planImport(String project, Map<String, char[]> entries) {
        return planImport(project, entries, false);
    }

    /**
     * As {@link #planImport(String, Map)}; {@code allowEmpty} lets an empty value replace the
     * non-empty value of a variable that is already linked (refused otherwise).
     */
    public EnvImportPlan planImport(String project, Map<String, char[]> entries, boolean allowEmpty) {
        return session.database().read(c -> plan(c, require(c, project), entries, allowEmpty));
    }

    /**
     * Imports {@code entries} in one transaction: new variables become secrets named
     * {@code PROJECT/VAR} (or link an existing secret holding the same value), changed ones
     * rotate their secret. Refused entries stop the whole import; nothing is written then.
     * An empty value never replaces a linked variable's non-empty value here.
     */
    public EnvImportPlan importEnv(String project, Map<String, char[]> entries) {
        return importEnv(project, entries, false);
    }

    /**
     * As {@link #importEnv(String, Map)}; {@code allowEmpty} lets an empty value replace the
     * non-empty value of a variable that is already linked.
     */
    public EnvImportPlan importEnv(String project, Map<String, char[]> entries, boolean allowEmpty) {
        return session.database().write(c -> {
            ProjectInfo p = require(c, project);
            EnvImportPlan plan = plan(c, p, entries, allowEmpty);
            if (!plan.refused().isEmpty()) {
                EnvImportPlan.Item first = plan.refused().get(0);
                throw new InvalidInputException("Nothing was imported: " + DotenvKeys.shown(first.envVar()) + " "
                        + DotenvKeys.masked(first.detail()) + ".");
            }
            Map<String, ProjectLink> existing = byEnvVar(links(c, p));
            for (EnvImportPlan.Item item : plan.added()) {
                SecretInfo secret = session.secrets().findByNameIn(c, item.secretName());
                if (secret == null) {
                    secret = session.secrets().addEnvValueIn(c, item.secretName(), entries.get(item.envVar()));
                }
                linkIn(c, p, secret, item.envVar());
            }
            for (EnvImportPlan.Item item : plan.changed()) {
                session.secrets().rotateEnvValueIn(c, existing.get(item.envVar()).secretName(), entries.get(item.envVar()));
            }
            session.audit().record(c, "project", "env_import", "project", p.id(), Map.of("project", project,
                    "added", plan.added().size(), "changed", plan.changed().size()));
            return plan;
        });
    }

    /** Links {@code secretName} to {@code envVar} in {@code project} within the caller's transaction. */
    public ProjectLink linkIn(Connection c, String project, String secretName, String envVar) throws SQLException {
        validateEnvVar(envVar);
        ProjectInfo p = require(c, project);
        SecretInfo secret = session.secrets().require(c, secretName);
        linkIn(c, p, secret, envVar);
        return new ProjectLink(envVar, secret.name(), secret.id());
    }

    /**
     * The project's variables with their current values, for {@code run} and {@code env export};
     * every value read is audited. The caller wipes the arrays.
     */
    public Map<String, char[]> environment(String project, SecretService.Purpose purpose) {
        return session.database().write(c -> {
            ProjectInfo p = require(c, project);
            Map<String, char[]> env = new LinkedHashMap<>();
            for (ProjectLink link : links(c, p)) {
                env.put(link.envVar(), session.secrets().revealIn(c, link.secretName(), purpose));
            }
            session.audit().record(c, "project", purpose == SecretService.Purpose.EXPORT ? "env_export" : "env_inject",
                    "project", p.id(), Map.of("project", project, "variables", env.size()));
            return env;
        });
    }

    private EnvImportPlan plan(Connection c, ProjectInfo p, Map<String, char[]> entries, boolean allowEmpty)
            throws SQLException {
        Map<String, ProjectLink> existing = byEnvVar(links(c, p));
        List<EnvImportPlan.Item> added = new ArrayList<>();
        List<EnvImportPlan.Item> changed = new ArrayList<>();
        List<EnvImportPlan.Item> unchanged = new ArrayList<>();
        List<EnvImportPlan.Item> refused = new ArrayList<>();
        for (Map.Entry<String, char[]> e : entries.entrySet()) {
            String var = e.getKey();
            char[] value = e.getValue();
            if (!ENV_VAR.matcher(var).matches()) {
                // Not a name at all, maybe a value pasted before '=': shown masked and cut, never as read.
                refused.add(new EnvImportPlan.Item(DotenvKeys.shown(var), null, "is not a portable environment variable name"));
            } else if (SecretService.tooLong(value)) {
                refused.add(new EnvImportPlan.Item(var, null, "has a value longer than 64 KiB"));
            } else if (existing.containsKey(var)) {
                ProjectLink link = existing.get(var);
                char[] current = session.secrets().revealQuietly(c, link.secretId());
                try {
                    if (java.util.Arrays.equals(current, value)) {
                        unchanged.add(new EnvImportPlan.Item(var, link.secretName(), "same value"));
                    } else if (value.length == 0 && !allowEmpty) {
                        // A .env.example holds KEY= placeholders: importing one must not blank the live
                        // secret (and every project linked to it) unless the caller asked for that.
                        refused.add(new EnvImportPlan.Item(var, link.secretName(), "is empty in the file, but its secret "
                                + link.secretName() + " holds a value; an empty value replaces it only when "
                                + "empty values are allowed explicitly"));
                    } else {
                        changed.add(new EnvImportPlan.Item(var, link.secretName(), "new value (rotation keeps the old one)"));
                    }
                } finally {
                    Wipe.chars(current);
                }
            } else {
                // An empty value is a placeholder, not a shared secret: each empty variable gets its own.
                List<SecretInfo> same = value.length == 0 ? List.of() : session.secrets().withSameValueIn(c, value);
                String secretName = same.isEmpty() ? p.name() + "/" + var : same.get(0).name();
                String detail = same.isEmpty() ? "new secret " + secretName : "links existing secret " + secretName;
                if (same.isEmpty() && !SecretService.isValidName(secretName)) {
                    // Refused here, not by the insert, so that a dry run refuses it too.
                    refused.add(new EnvImportPlan.Item(var, null, "would need a secret named " + p.name() + "/" + var
                            + ", which is longer than a secret name may be (128 characters); shorten the variable"));
                } else if (same.isEmpty() && session.secrets().findByNameIn(c, secretName) != null) {
                    refused.add(new EnvImportPlan.Item(var, secretName, "would need secret " + secretName
                            + ", which exists with another value; link it or rename it first"));
                } else {
                    added.add(new EnvImportPlan.Item(var, secretName, detail));
                }
            }
        }
        return new EnvImportPlan(p.name(), added, changed, unchanged, refused);
    }

    private void linkIn(Connection c, ProjectInfo p, SecretInfo secret, String envVar) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO project_secrets (id, profile_id, project_id, secret_id, env_var, created_at)
                VALUES (?, ?, ?, ?, ?, ?)
                ON CONFLICT (project_id, env_var) DO UPDATE SET secret_id = excluded.secret_id""")) {
            ps.setString(1, UUID.randomUUID().toString());
            ps.setString(2, session.profileId());
            ps.setString(3, p.id());
            ps.setString(4, secret.id());
            ps.setString(5, envVar);
            ps.setString(6, Timestamps.now(session.clock()));
            ps.executeUpdate();
        }
        session.audit().record(c, "project", "link", "project", p.id(),
                Map.of("project", p.name(), "secret", secret.name(), "env_var", envVar));
    }

    private List<ProjectLink> links(Connection c, ProjectInfo p) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT ps.env_var, s.name, s.id FROM project_secrets ps JOIN secrets s ON s.id = ps.secret_id
                 WHERE ps.profile_id = ? AND ps.project_id = ? ORDER BY ps.env_var""")) {
            ps.setString(1, session.profileId());
            ps.setString(2, p.id());
            try (ResultSet rs = ps.executeQuery()) {
                List<ProjectLink> out = new ArrayList<>();
                while (rs.next()) {
                    out.add(new ProjectLink(rs.getString(1), rs.getString(2), rs.getString(3)));
                }
                return out;
            }
        }
    }

    private static Map<String, ProjectLink> byEnvVar(List<ProjectLink> links) {
        Map<String, ProjectLink> out = new LinkedHashMap<>();
        links.forEach(l -> out.put(l.envVar(), l));
        return out;
    }

    private ProjectInfo require(Connection c, String name) throws SQLException {
        ProjectInfo p = find(c, name);
        if (p == null) {
            throw new NotFoundException(VaultErrorKind.PROJECT_NOT_FOUND, ErrorFacts.of(Fact.PROJECT, name));
        }
        return p;
    }

    private ProjectInfo find(Connection c, String name) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT p.id, p.name, p.description, p.created_at,
                       (SELECT count(*) FROM project_secrets ps WHERE ps.project_id = p.id)
                  FROM projects p WHERE p.profile_id = ? AND p.name = ?""")) {
            ps.setString(1, session.profileId());
            ps.setString(2, name);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? new ProjectInfo(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getInt(5)) : null;
            }
        }
    }

    /** Whether {@code envVar} is a portable environment variable name, as a link needs. */
    public static boolean isPortableEnvVar(String envVar) {
        return envVar != null && ENV_VAR.matcher(envVar).matches();
    }

    static void validateEnvVar(String envVar) {
        if (envVar == null || !ENV_VAR.matcher(envVar).matches()) {
            throw new InvalidInputException("'" + envVar + "' is not a valid environment variable name: "
                    + "use letters, digits and _, not starting with a digit.");
        }
    }
}
