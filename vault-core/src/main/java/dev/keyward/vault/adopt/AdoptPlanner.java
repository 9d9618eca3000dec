package dev.keyward.vault.adopt;

import dev.keyward.vault.adopt.AdoptPlan.Action;
import dev.keyward.vault.adopt.AdoptPlan.Variable;
import dev.keyward.vault.crypto.Wipe;
import dev.keyward.vault.env.DotenvKeys;
import dev.keyward.vault.projects.ProjectLink;
import dev.keyward.vault.projects.ProjectService;
import dev.keyward.vault.refs.ReferenceSyntax;
import dev.keyward.vault.secrets.SecretInfo;
import dev.keyward.vault.secrets.SecretService;
import dev.keyward.vault.session.VaultSession;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Works out, inside one transaction, what adopting some read {@code .env} files would do to each
 * variable (see {@link Action}); it reads values only to compare them and writes nothing. The same
 * planning runs for the plan a person sees and again inside the transaction that imports, so what is
 * done is what was shown.
 */
final class AdoptPlanner {

    private final VaultSession session;

    AdoptPlanner(VaultSession session) {
        this.session = session;
    }

    /** A value planned in this adoption, so a later file sees an earlier file's variables and secrets. */
    private record Planned(String project, String variable, Variable decided, char[] value, String file) {
    }

    /** The plan for {@code sources} (files in path order) under {@code options}. */
    List<AdoptPlan.FilePlan> plan(Connection c, List<EnvSource> sources, AdoptOptions options) throws SQLException {
        List<AdoptPlan.FilePlan> files = new ArrayList<>();
        List<Planned> planned = new ArrayList<>();
        Map<String, Optional<List<ProjectLink>>> links = new HashMap<>();
        for (EnvSource source : sources) {
            String project = ProjectNames.of(source.file, options.project());
            Optional<List<ProjectLink>> projectLinks = links.get(project);
            if (projectLinks == null) {
                projectLinks = ProjectNames.valid(project) ? session.projects().linksIn(c, project) : Optional.empty();
                links.put(project, projectLinks);
            }
            Map<String, ProjectLink> byVar = new LinkedHashMap<>();
            projectLinks.orElse(List.of()).forEach(l -> byVar.put(l.envVar(), l));
            List<Variable> variables = new ArrayList<>();
            for (Map.Entry<String, char[]> entry : source.contents.values().entrySet()) {
                String key = entry.getKey();
                int line = source.spans.stream().filter(s -> s.key().equals(key))
                        .reduce((a, b) -> b).orElseThrow().line();
                variables.add(variable(c, key, line, entry.getValue(), project, byVar, planned, source, options));
            }
            files.add(new AdoptPlan.FilePlan(source.file, source.shown, project, projectLinks.isPresent(),
                    List.copyOf(variables), source.contents.repeatedKeys()));
        }
        return files;
    }

    /**
     * Why a line stays as written whatever the vault holds (an empty value, or a reference already), or null when
     * its value is one to move into the vault.
     */
    static String keptAsWritten(char[] value) {
        if (value.length == 0) {
            return "empty: kept as written";
        }
        if (ReferenceSyntax.holdsReference(value)) {
            return "already a keyward:// reference";
        }
        return null;
    }

    private Variable variable(Connection c, String key, int line, char[] value, String project,
                              Map<String, ProjectLink> byVar, List<Planned> planned, EnvSource source,
                              AdoptOptions options) throws SQLException {
        if (options.keep().contains(key)) {
            return new Variable(key, line, Action.KEEP, null, "kept as written, as asked");
        }
        String kept = keptAsWritten(value);
        if (kept != null) {
            return new Variable(key, line, Action.KEEP, null, kept);
        }
        String shownKey = DotenvKeys.shown(key);
        if (!ProjectNames.valid(project)) {
            return new Variable(shownKey, line, Action.REFUSED, null, "the project name '" + project
                    + "' made from the folder is not one a project can have; name the project");
        }
        if (!ProjectService.isPortableEnvVar(key)) {
            return new Variable(shownKey, line, Action.REFUSED, null, "is not a portable environment variable name;"
                    + " keep it in the file or rename it");
        }
        if (SecretService.tooLong(value)) {
            return new Variable(key, line, Action.REFUSED, null, "has a value longer than 64 KiB");
        }
        for (Planned earlier : planned) {
            if (earlier.project().equals(project) && earlier.variable().equals(key)) {
                Variable first = earlier.decided();
                return Arrays.equals(earlier.value(), value)
                        ? new Variable(key, line, first.action(), first.secret(), first.detail() + " (the same value as in "
                                + earlier.file() + ")")
                        : new Variable(key, line, Action.REFUSED, null, "has another value in " + earlier.file()
                                + ", which goes to the same project " + project + "; adopt one of them into another project");
            }
        }
        Variable decided = decide(c, key, line, value, project, byVar.get(key), planned);
        planned.add(new Planned(project, key, decided, value, source.shown));
        return decided;
    }

    private Variable decide(Connection c, String key, int line, char[] value, String project, ProjectLink link,
                            List<Planned> planned) throws SQLException {
        if (link != null) {
            char[] current = session.secrets().revealQuietly(c, link.secretId());
            try {
                return Arrays.equals(current, value)
                        ? new Variable(key, line, Action.UNCHANGED, link.secretName(), "already in the vault")
                        : new Variable(key, line, Action.CONFLICT, link.secretName(), "project " + project
                                + " links it to secret " + link.secretName() + ", which holds another value");
            } finally {
                Wipe.chars(current);
            }
        }
        String own = project + "/" + key;
        List<SecretInfo> same = session.secrets().withSameValueIn(c, value);
        Optional<SecretInfo> preferred = same.stream().filter(s -> s.name().equals(own)).findFirst()
                .or(() -> same.stream().findFirst());
        if (preferred.isPresent()) {
            return new Variable(key, line, Action.COPY, preferred.get().name(), "copy of secret "
                    + preferred.get().name() + ": linked, no new secret");
        }
        for (Planned earlier : planned) {
            if (earlier.decided().action() == Action.NEW && Arrays.equals(earlier.value(), value)) {
                return new Variable(key, line, Action.COPY, earlier.decided().secret(), "same value as " + earlier.variable()
                        + " in " + earlier.file() + ": linked, no new secret");
            }
        }
        if (!SecretService.isValidName(own)) {
            return new Variable(key, line, Action.REFUSED, null, "would need a secret named " + own
                    + ", which is longer than a secret name may be (128 characters)");
        }
        if (session.secrets().findByNameIn(c, own) != null) {
            return new Variable(key, line, Action.CONFLICT, own, "secret " + own + " exists and holds another value");
        }
        return new Variable(key, line, Action.NEW, own, "new secret " + own);
    }

}
