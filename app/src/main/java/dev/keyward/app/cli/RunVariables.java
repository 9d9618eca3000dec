package dev.keyward.app.cli;

import dev.keyward.app.child.ChildValues;
import dev.keyward.vault.InvalidInputException;
import dev.keyward.vault.NotFoundException;
import dev.keyward.vault.crypto.Wipe;
import dev.keyward.vault.env.DotenvFile;
import dev.keyward.vault.projects.ProjectLink;
import dev.keyward.vault.refs.Reference;
import dev.keyward.vault.refs.ReferenceResolver;
import dev.keyward.vault.refs.ReferenceTemplate;
import dev.keyward.vault.secrets.SecretService;
import dev.keyward.vault.session.VaultSession;
import java.nio.CharBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The variables {@code keyward run} gives its program: a project's, a dotenv file's (read by the same
 * rules as {@code env import}) whose values may hold {@code keyward://} references, or both, the file
 * winning a name both define. Every value is resolved through references, so each variable also has
 * a stamp (which version of which secret it came from) that a watch compares without reading a value.
 */
final class RunVariables {

    /** The stamp of a variable whose reference points nowhere now. */
    static final String MISSING = "-";

    private final VaultSession session;
    private final String project;
    private final Path file;
    private final Optional<Set<Reference>> approved;

    /**
     * Resolved variables and their stamps, and the secret values the references resolved to (a
     * reference may stand inside a larger value, so the secret alone is masked too, not only the
     * whole variable); {@link #close()} wipes the values.
     */
    record Delivery(Map<String, char[]> env, Map<String, String> stamps, List<char[]> secrets)
            implements AutoCloseable {
        @Override
        public void close() {
            env.values().forEach(Wipe::chars);
            secrets.forEach(Wipe::chars);
        }

        /** What the program gets: the variables and, when masking, every secret behind them to conceal too. */
        ChildValues toChild(boolean masking) {
            Map<String, char[]> copies = new LinkedHashMap<>();
            env.forEach((name, value) -> copies.put(name, value.clone()));
            List<char[]> inside = new ArrayList<>();
            secrets.forEach(value -> inside.add(value.clone()));
            return ChildValues.taking(copies, inside, masking);
        }
    }

    /**
     * @param project  a project, or null
     * @param file     a dotenv file (absolute), or null
     * @param approved the references a person approved this run for (through the agent), if it was so approved:
     *                 a value is read only when every reference of the variables is one of them
     */
    RunVariables(VaultSession session, String project, Path file, Optional<Set<Reference>> approved) {
        this.session = session;
        this.project = project;
        this.file = file;
        this.approved = approved;
    }

    /** What the variables are made of; {@code plain} holds the file's values (wiped on close). */
    private record Plan(Map<String, ReferenceTemplate> variables, Map<String, char[]> plain, ReferenceTemplate whole,
                        Set<Reference> references) implements AutoCloseable {
        @Override
        public void close() {
            plain.values().forEach(Wipe::chars);
        }
    }

    /**
     * Every variable with its value, each distinct secret read once (audited as an injection).
     *
     * @throws dev.keyward.vault.VaultException naming the file's line (or the project's variable) of the
     *         first reference that cannot be resolved; then no value was read
     */
    Delivery resolve() {
        try (Plan plan = plan()) {
            FileReferences.check(approved, plan.references(), "The program was not started.");
            ReferenceResolver.Resolved resolved = new ReferenceResolver(session)
                    .resolve(plan.references(), SecretService.Purpose.INJECT);
            try (resolved) {
                if (!resolved.complete()) {
                    throw ReferenceProblems.of(resolved, reference -> place(plan, reference),
                            "The program was not started.");
                }
                Map<String, char[]> env = new LinkedHashMap<>();
                Map<String, String> stamps = new TreeMap<>();
                for (Map.Entry<String, ReferenceTemplate> variable : plan.variables().entrySet()) {
                    ReferenceTemplate template = variable.getValue();
                    env.put(variable.getKey(), template.render(resolved.values()));
                    stamps.put(variable.getKey(), stamp(template, resolved.stamps()));
                }
                List<char[]> secrets = new ArrayList<>();
                resolved.values().values().forEach(value -> secrets.add(value.clone()));
                return new Delivery(env, stamps, secrets);
            }
        }
    }

    /** Each variable's stamp now ({@link #MISSING} when a reference of it points nowhere); reads no value. */
    Map<String, String> stamps() {
        try (Plan plan = plan()) {
            ReferenceResolver.Lookup lookup = new ReferenceResolver(session).lookup(plan.references());
            Map<String, String> stamps = new TreeMap<>();
            plan.variables().forEach((name, template) -> stamps.put(name,
                    template.references().stream().anyMatch(lookup.problems()::containsKey)
                            ? MISSING : stamp(template, lookup.stamps())));
            return stamps;
        } catch (NotFoundException e) {
            return Map.of(); // the project is gone: every variable of it is missing
        }
    }

    private static String stamp(ReferenceTemplate template, Map<Reference, ReferenceResolver.Stamp> stamps) {
        List<String> parts = new ArrayList<>();
        for (Reference reference : template.references()) {
            ReferenceResolver.Stamp stamp = stamps.get(reference);
            parts.add(stamp.secretId() + ":" + stamp.version());
        }
        return parts.isEmpty() ? "=" : String.join(",", parts);
    }

    private String place(Plan plan, Reference reference) {
        if (plan.whole() != null && plan.whole().references().contains(reference)) {
            return file.getFileName() + ", " + plan.whole().firstPlace(reference);
        }
        for (Map.Entry<String, ReferenceTemplate> variable : plan.variables().entrySet()) {
            if (variable.getValue().references().contains(reference)) {
                return plan.plain().containsKey(variable.getKey())
                        ? file.getFileName() + ", variable " + variable.getKey()
                        : "Project '" + project + "', variable " + variable.getKey();
            }
        }
        return "A reference";
    }

    private Plan plan() {
        Map<String, ReferenceTemplate> variables = new LinkedHashMap<>();
        Map<String, char[]> fileValues = new LinkedHashMap<>();
        ReferenceTemplate whole = null;
        if (project != null) {
            for (ProjectLink link : session.projects().links(project)) {
                Reference reference = new Reference.ProjectVariable(project, link.envVar());
                variables.put(link.envVar(), ReferenceTemplate.of(reference.toString(), "project " + project));
            }
        }
        if (file != null) {
            String name = String.valueOf(file.getFileName());
            char[] text = DotenvFile.readText(file);
            try {
                // The whole file first: a malformed reference is reported with its line and column.
                whole = ReferenceTemplate.of(CharBuffer.wrap(text), name);
                try (DotenvFile.Contents contents = DotenvFile.parse(text, name)) {
                    for (Map.Entry<String, char[]> entry : contents.values().entrySet()) {
                        // A copy the plan wipes: a plain value of the file never becomes a String.
                        char[] value = entry.getValue().clone();
                        fileValues.put(entry.getKey(), value);
                        variables.put(entry.getKey(), ReferenceTemplate.of(CharBuffer.wrap(value),
                                name + ", variable " + entry.getKey()));
                    }
                }
            } catch (InvalidInputException e) {
                // The dotenv reader words its refusals for an import; here nothing is started.
                throw new InvalidInputException(e.getMessage().replace("Nothing was imported.",
                        "The program was not started."), e);
            } finally {
                Wipe.chars(text);
            }
        }
        Set<Reference> references = new LinkedHashSet<>();
        variables.values().forEach(template -> references.addAll(template.references()));
        if (references.size() > ReferenceTemplate.MAX_DISTINCT) {
            throw new InvalidInputException("The variables name more than " + ReferenceTemplate.MAX_DISTINCT
                    + " distinct keyward:// references. The program was not started.");
        }
        return new Plan(variables, fileValues, whole, references);
    }
}
