package dev.keyward.vault.refs;

import dev.keyward.vault.crypto.Wipe;
import dev.keyward.vault.projects.ProjectLink;
import dev.keyward.vault.secrets.SecretInfo;
import dev.keyward.vault.secrets.SecretService;
import dev.keyward.vault.session.VaultSession;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns references into the secrets they point to and their values, in one transaction, each
 * distinct secret read (and audited) once. A reference that points nowhere is reported, never
 * resolved to an empty value, and then no value is read at all. A value that itself holds a
 * {@code keyward://} reference is refused: references inside values are not followed, so there are
 * no chains and no cycles.
 */
public final class ReferenceResolver {

    private final VaultSession session;

    public ReferenceResolver(VaultSession session) {
        this.session = session;
    }

    /** Which version of which secret a reference gave; a rotation or a new link changes it. */
    public record Stamp(String secretId, int version) {
    }

    /** Why one reference could not be resolved, as a clause; {@code missing} when it points nowhere. */
    public record Problem(boolean missing, String reason) {
    }

    /**
     * Where each reference points now, or why it points nowhere. Reads no value and writes nothing
     * (no audit row), so a watcher may ask often.
     */
    public record Lookup(Map<Reference, Stamp> stamps, Map<Reference, Problem> problems) {
    }

    /**
     * The values of a set of references with their stamps, or the problems that stopped it (then no
     * value was read). {@link #close()} wipes the values.
     */
    public record Resolved(Map<Reference, char[]> values, Map<Reference, Stamp> stamps,
                           Map<Reference, Problem> problems) implements AutoCloseable {

        /** Whether every reference was resolved. */
        public boolean complete() {
            return problems.isEmpty();
        }

        @Override
        public void close() {
            values.values().forEach(Wipe::chars);
        }
    }

    /** Where each of {@code references} points now; see {@link Lookup}. */
    public Lookup lookup(Collection<Reference> references) {
        return session.database().read(c -> lookupIn(c, references, new HashMap<>()));
    }

    /**
     * Resolves {@code references}, reading each distinct secret once with {@code purpose} (audited as
     * such); the caller closes the result.
     */
    public Resolved resolve(Collection<Reference> references, SecretService.Purpose purpose) {
        return session.database().write(c -> {
            Map<Reference, String> names = new HashMap<>();
            Lookup lookup = lookupIn(c, references, names);
            if (!lookup.problems().isEmpty()) {
                return new Resolved(Map.of(), lookup.stamps(), lookup.problems());
            }
            Map<String, char[]> bySecret = new HashMap<>();
            Map<Reference, char[]> values = new LinkedHashMap<>();
            Map<Reference, Problem> problems = new LinkedHashMap<>();
            try {
                for (Reference reference : references) {
                    String name = names.get(reference);
                    char[] value = bySecret.get(name);
                    if (value == null) {
                        value = session.secrets().revealIn(c, name, purpose);
                        bySecret.put(name, value);
                    }
                    if (ReferenceSyntax.holdsReference(value)) {
                        problems.putIfAbsent(reference, new Problem(false, "the value of secret '" + name + "' holds a"
                                + " keyward:// reference itself, and references inside values are not followed"
                                + " (so there are no chains and no cycles)"));
                    }
                    values.put(reference, value.clone());
                }
            } finally {
                bySecret.values().forEach(Wipe::chars);
            }
            if (!problems.isEmpty()) {
                values.values().forEach(Wipe::chars);
                return new Resolved(Map.of(), lookup.stamps(), problems);
            }
            return new Resolved(values, lookup.stamps(), Map.of());
        });
    }

    private Lookup lookupIn(Connection c, Collection<Reference> references, Map<Reference, String> names)
            throws SQLException {
        Map<Reference, Stamp> stamps = new LinkedHashMap<>();
        Map<Reference, Problem> problems = new LinkedHashMap<>();
        Map<String, Optional<List<ProjectLink>>> projects = new HashMap<>();
        for (Reference reference : references) {
            String secretName = switch (reference) {
                case Reference.Secret s -> s.name();
                case Reference.ProjectVariable v -> {
                    Optional<List<ProjectLink>> links = projects.get(v.project());
                    if (links == null) {
                        links = session.projects().linksIn(c, v.project());
                        projects.put(v.project(), links);
                    }
                    if (links.isEmpty()) {
                        problems.put(reference, new Problem(true, "there is no project named '" + v.project() + "'"));
                        yield null;
                    }
                    Optional<ProjectLink> link = links.get().stream()
                            .filter(l -> l.envVar().equals(v.variable())).findFirst();
                    if (link.isEmpty()) {
                        problems.put(reference, new Problem(true, "project '" + v.project() + "' has no variable '"
                                + v.variable() + "'"));
                        yield null;
                    }
                    yield link.get().secretName();
                }
            };
            if (secretName == null) {
                continue;
            }
            SecretInfo info = session.secrets().findByNameIn(c, secretName);
            if (info == null) {
                problems.put(reference, new Problem(true, "there is no secret named '" + secretName + "'"));
                continue;
            }
            names.put(reference, secretName);
            stamps.put(reference, new Stamp(info.id(), info.version()));
        }
        return new Lookup(stamps, problems);
    }

}
