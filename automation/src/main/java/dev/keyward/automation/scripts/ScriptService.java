package dev.keyward.automation.scripts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.keyward.automation.browser.DomainPolicy;
import dev.keyward.automation.error.AutomationErrorKind;
import dev.keyward.automation.program.InvalidStepProgramException;
import dev.keyward.automation.program.ParsedProgram;
import dev.keyward.automation.program.StepProgram;
import dev.keyward.automation.program.StepProgramValidator;
import dev.keyward.automation.program.StepProgramWriter;
import dev.keyward.automation.program.ValidationProblem;
import dev.keyward.vault.ErrorFacts;
import dev.keyward.vault.Fact;
import dev.keyward.vault.InvalidInputException;
import dev.keyward.vault.NotFoundException;
import dev.keyward.vault.OperationFailedException;
import dev.keyward.vault.VaultErrorKind;
import dev.keyward.vault.provider.ProviderInfo;
import dev.keyward.vault.session.VaultSession;
import java.net.URI;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Stores step programs in {@code automation_scripts}: validated before they are stored, a new version
 * (and a fresh approval) whenever the content hash changes, approval by a human. The CLI's
 * {@code keyward script ...} and the desktop's automation view both call this.
 *
 * <p>Only storing a new program turns the profile's automation on (the schema migration); reading,
 * checking and changing an existing script never do, and a profile without automation has no scripts.
 */
public final class ScriptService {

    /** {@code model_used} of a program a person wrote and imported (no model involved). */
    public static final String IMPORTED = "imported";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final VaultSession session;
    private final AutomationScriptRepository repository;
    private final StepProgramValidator validator = new StepProgramValidator();
    private final StepProgramWriter writer = new StepProgramWriter();

    public ScriptService(VaultSession session) {
        this.session = Objects.requireNonNull(session, "session");
        this.repository = new AutomationScriptRepository(session.profileId());
    }

    public AutomationScriptRepository repository() {
        return repository;
    }

    /**
     * Validates and stores a program a person wrote: a new script, or a new version of the provider's script
     * with the same title when the content changed.
     *
     * @param providerSlug the provider to file it under, or null for the program's own {@code provider}
     * @throws InvalidInputException naming every problem (step and field) when the program is not valid
     */
    public ImportOutcome importProgram(String json, String providerSlug) {
        session.enableAutomation();
        return session.database().write(c -> {
            ValidProgram valid = validate(c, json, providerSlug);
            var existing = repository.findByProviderAndTitle(c, valid.provider().id(), valid.program().title());
            if (existing.isEmpty()) {
                return new ImportOutcome(insert(c, valid, IMPORTED, null, null), ImportOutcome.Kind.CREATED);
            }
            AutomationScript current = existing.get();
            if (hashOf(current).equals(valid.program().contentHash())) {
                return new ImportOutcome(current, ImportOutcome.Kind.UNCHANGED);
            }
            return new ImportOutcome(replaceContent(c, current, valid), ImportOutcome.Kind.UPDATED);
        });
    }

    /**
     * Stores a new script (e.g. one a model drafted), always as a new row pending approval.
     *
     * @param modelUsed which model wrote it, or {@link #IMPORTED}
     */
    public AutomationScript create(String json, String providerSlug, String modelUsed, String researchDataJson,
            String planDataJson) {
        if (modelUsed == null || modelUsed.isBlank()) {
            throw new InvalidInputException("Say which model wrote the program (or 'imported'); nothing was stored.");
        }
        session.enableAutomation();
        return session.database().write(c -> insert(c, validate(c, json, providerSlug), modelUsed.strip(),
                researchDataJson, planDataJson));
    }

    /** Replaces a script's program; a changed content hash bumps the version and clears its approval. */
    public AutomationScript updateContent(String idOrPrefix, String json) {
        return session.database().write(c -> {
            AutomationScript current = require(c, idOrPrefix);
            ValidProgram valid = validate(c, json, current.providerSlug());
            if (!valid.provider().id().equals(current.providerId())) {
                throw new InvalidInputException("The new program is for provider '" + valid.provider().slug()
                        + "' but the script belongs to '" + current.providerSlug() + "'; import it as a new script.");
            }
            if (hashOf(current).equals(valid.program().contentHash())) {
                return current;
            }
            return replaceContent(c, current, valid);
        });
    }

    /**
     * Every problem with a program, without storing anything; empty when it is valid.
     *
     * @throws OperationFailedException of kind {@link VaultErrorKind#AUTOMATION_NOT_ENABLED} while the profile has
     *         no automation schema: the provider's dashboard and API addresses a program defaults its domains
     *         to live there, so the check could not be the one a stored program gets
     */
    public List<ValidationProblem> check(String json, String providerSlug) {
        if (!session.automationEnabled()) {
            throw new OperationFailedException(VaultErrorKind.AUTOMATION_NOT_ENABLED, ErrorFacts.NONE);
        }
        return session.database().read(c -> {
            try {
                validate(c, json, providerSlug);
                return List.of();
            } catch (InvalidInputException e) {
                if (e.getCause() instanceof InvalidStepProgramException invalid) {
                    return invalid.problems();
                }
                throw e;
            }
        });
    }

    /** Every stored script; none while the profile's automation is not enabled. */
    public List<AutomationScript> list() {
        if (!session.automationEnabled()) {
            return List.of();
        }
        return session.database().read(repository::list);
    }

    /** The script with this id or unique id prefix. */
    public AutomationScript get(String idOrPrefix) {
        return session.database().read(c -> require(c, idOrPrefix));
    }

    /** The stored program, validated again (the format's rules may have grown since it was stored). */
    public StepProgram program(AutomationScript script) {
        ParsedProgram parsed = validator.validateJson(script.scriptContent(), List.of());
        if (!parsed.valid()) {
            throw invalid(new InvalidStepProgramException(parsed.problems()));
        }
        return parsed.program().orElseThrow();
    }

    /** The content hash of the stored program's current version. */
    public String contentHash(AutomationScript script) {
        return hashOf(script);
    }

    public AutomationScript approve(String idOrPrefix) {
        return setApproval(idOrPrefix, ApprovalStatus.APPROVED);
    }

    public AutomationScript reject(String idOrPrefix) {
        return setApproval(idOrPrefix, ApprovalStatus.REJECTED);
    }

    /**
     * Approves exactly this version of a script within the caller's transaction (a human passed its
     * {@code script_review} checkpoint); a script changed meanwhile stays pending.
     */
    public void approveVersionIn(Connection c, String scriptId, int version) throws SQLException {
        AutomationScript current = repository.findById(c, scriptId).orElse(null);
        if (current != null && current.version() == version && !current.approved()) {
            repository.setApproval(c, scriptId, ApprovalStatus.APPROVED, session.now());
            session.audit().record(c, "automation", "script_approve", "automation_script", scriptId,
                    Map.of("version", version, "via", "script_review checkpoint"));
        }
    }

    public AutomationScript setAutoApproveRepeat(String idOrPrefix, boolean on) {
        return session.database().write(c -> {
            AutomationScript script = require(c, idOrPrefix);
            repository.setAutoApproveRepeat(c, script.id(), on, session.now());
            session.audit().record(c, "automation", "script_auto_approve_repeat", "automation_script", script.id(),
                    Map.of("on", on));
            return repository.findById(c, script.id()).orElseThrow();
        });
    }

    /** Deletes a script with its runs and checkpoint records. */
    public void delete(String idOrPrefix) {
        session.database().write(c -> {
            AutomationScript script = require(c, idOrPrefix);
            repository.delete(c, script.id());
            session.audit().record(c, "automation", "script_delete", "automation_script", script.id(),
                    Map.of("title", script.title()));
            return null;
        });
    }

    /** The script with this id or unique id prefix, read in the caller's transaction. */
    public AutomationScript require(Connection c, String idOrPrefix) throws SQLException {
        String wanted = idOrPrefix == null ? "" : idOrPrefix.strip().toLowerCase(Locale.ROOT);
        if (wanted.isEmpty()) {
            throw new InvalidInputException(AutomationErrorKind.SCRIPT_NOT_NAMED, ErrorFacts.NONE);
        }
        if (!session.automationEnabled()) {
            // No automation tables, so no scripts: the honest answer, without creating the tables to give it.
            throw new NotFoundException(AutomationErrorKind.SCRIPT_NOT_FOUND, ErrorFacts.of(Fact.SCRIPT, wanted));
        }
        var exact = repository.findById(c, wanted);
        if (exact.isPresent()) {
            return exact.get();
        }
        List<AutomationScript> matches = wanted.length() >= 4 ? repository.findByIdPrefix(c, wanted) : List.of();
        if (matches.size() == 1) {
            return matches.getFirst();
        }
        if (matches.size() > 1) {
            throw new InvalidInputException("More than one script id starts with '" + wanted
                    + "'; give more characters of the id.");
        }
        throw new NotFoundException(AutomationErrorKind.SCRIPT_NOT_FOUND, ErrorFacts.of(Fact.SCRIPT, wanted));
    }

    private AutomationScript setApproval(String idOrPrefix, ApprovalStatus status) {
        return session.database().write(c -> {
            AutomationScript script = require(c, idOrPrefix);
            repository.setApproval(c, script.id(), status, session.now());
            session.audit().record(c, "automation", "script_" + (status == ApprovalStatus.APPROVED ? "approve" : "reject"),
                    "automation_script", script.id(), Map.of("version", script.version()));
            return repository.findById(c, script.id()).orElseThrow();
        });
    }

    private AutomationScript insert(Connection c, ValidProgram valid, String modelUsed, String research, String plan)
            throws SQLException {
        String now = session.now();
        StepProgram program = valid.program();
        AutomationScript script = new AutomationScript(UUID.randomUUID().toString(), valid.provider().id(),
                valid.provider().slug(), program.taskType(), program.title(), descriptionOf(program),
                writer.writePretty(program), modelUsed, research, plan, ApprovalStatus.PENDING, null, 1, 0, null, null,
                false, now, now);
        repository.insert(c, script);
        session.audit().record(c, "automation", "script_create", "automation_script", script.id(),
                Map.of("title", script.title(), "provider", script.providerSlug(), "model_used", modelUsed));
        return repository.findById(c, script.id()).orElseThrow();
    }

    private AutomationScript replaceContent(Connection c, AutomationScript current, ValidProgram valid)
            throws SQLException {
        StepProgram program = valid.program();
        int version = current.version() + 1;
        repository.updateContent(c, current.id(), program.taskType(), program.title(), descriptionOf(program),
                writer.writePretty(program), version, session.now());
        session.audit().record(c, "automation", "script_update", "automation_script", current.id(),
                Map.of("version", version));
        return repository.findById(c, current.id()).orElseThrow();
    }

    private String hashOf(AutomationScript script) {
        ParsedProgram parsed = validator.validateJson(script.scriptContent(), List.of());
        // A stored program that no longer validates can never equal a valid new one.
        return parsed.program().map(StepProgram::contentHash).orElse("invalid:" + script.version());
    }

    /** Parses and validates against the provider named by the caller or by the program itself. */
    private ValidProgram validate(Connection c, String json, String providerSlug) throws SQLException {
        String declared = declaredProvider(json);
        String slug = providerSlug != null && !providerSlug.isBlank() ? providerSlug.strip() : declared;
        if (slug == null) {
            // No provider to default domains from: the parser names what is wrong (the provider field first).
            ParsedProgram shape = validator.validateJson(json, List.of());
            throw invalid(new InvalidStepProgramException(shape.problems().isEmpty()
                    ? List.of(new ValidationProblem(null, "provider", "program: field 'provider' is required"))
                    : shape.problems()));
        }
        ProviderInfo provider = session.providers().require(c, slug, true);
        ParsedProgram parsed = validator.validateJson(json, defaultDomains(provider));
        if (!parsed.valid()) {
            throw invalid(new InvalidStepProgramException(parsed.problems()));
        }
        StepProgram program = parsed.program().orElseThrow();
        if (!program.provider().equals(provider.slug())) {
            throw new InvalidInputException(AutomationErrorKind.PROGRAM_PROVIDER_MISMATCH,
                    ErrorFacts.of(Fact.DETAIL, program.provider(), Fact.PROVIDER, provider.slug()));
        }
        return new ValidProgram(program, provider);
    }

    private static String declaredProvider(String json) {
        try {
            JsonNode root = json == null ? null : JSON.readTree(json);
            JsonNode provider = root == null ? null : root.get("provider");
            return provider != null && provider.isTextual() ? provider.textValue() : null;
        } catch (java.io.IOException e) {
            return null;
        }
    }

    /** Hosts of the provider's website, dashboard and API, for programs that list no allowed_domains. */
    static List<String> defaultDomains(ProviderInfo provider) {
        Set<String> hosts = new LinkedHashSet<>();
        for (String url : new String[] {provider.websiteUrl(), provider.dashboardUrl(), provider.apiBaseUrl()}) {
            if (url == null) {
                continue;
            }
            try {
                String host = URI.create(url).getHost();
                if (host != null && DomainPolicy.isValidEntry(host.toLowerCase(Locale.ROOT))) {
                    hosts.add(host.toLowerCase(Locale.ROOT));
                }
            } catch (IllegalArgumentException e) {
                // A malformed URL gives no default; the program must then list its domains.
            }
        }
        return new ArrayList<>(hosts);
    }

    private static String descriptionOf(StepProgram program) {
        return program.description() == null ? "" : program.description();
    }

    static InvalidInputException invalid(InvalidStepProgramException e) {
        String lines = e.problems().stream().map(p -> "  " + p.message()).collect(Collectors.joining("\n"));
        return new InvalidInputException("The step program is not valid; nothing was stored or run:\n" + lines, e);
    }

    private record ValidProgram(StepProgram program, ProviderInfo provider) {}
}
