package dev.keyward.app.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.keyward.vault.scan.Finding;
import dev.keyward.vault.scan.FindingKind;
import dev.keyward.vault.scan.ScanSummary;
import dev.keyward.vault.scan.SkippedSource;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A scan's report as text (one line per finding), JSON (findings, skipped files, totals) or SARIF 2.1.0
 * for code-scanning services. Text leaves skipped files to standard error; JSON and SARIF hold them.
 * SARIF, made to be uploaded, carries no last-four hint.
 */
final class ScanReport {

    /** The report formats {@code --format} takes. */
    enum Format { text, json, sarif }

    static final String COPY_RULE = "keyward/copy-of-vault-secret";
    static final String UNVAULTED_RULE = "keyward/unvaulted-key";
    private static final String SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ScanReport() {
    }

    static byte[] render(Format format, List<Finding> findings, List<SkippedSource> skipped, ScanSummary summary) {
        return switch (format) {
            case text -> text(findings);
            case json -> json(json(findings, skipped, summary));
            case sarif -> json(sarif(findings, skipped));
        };
    }

    private static byte[] text(List<Finding> findings) {
        StringBuilder out = new StringBuilder();
        findings.forEach(f -> out.append(ScanWording.line(f)).append('\n'));
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static ObjectNode json(List<Finding> findings, List<SkippedSource> skipped, ScanSummary summary) {
        ObjectNode root = JSON.createObjectNode();
        ArrayNode found = root.putArray("findings");
        for (Finding finding : findings) {
            ObjectNode f = found.addObject();
            f.put("path", finding.location().path());
            finding.location().commit().ifPresent(c -> f.put("commit", c));
            f.put("line", finding.location().line());
            f.put("column", finding.location().column());
            switch (finding.kind()) {
                case FindingKind.Copy copy -> {
                    f.put("kind", "copy");
                    f.put("secret", copy.owner().secretName());
                    f.put("version", copy.owner().version());
                    f.put("current", copy.owner().current());
                    f.put("encoding", copy.encoding().label());
                }
                case FindingKind.Unvaulted key -> {
                    f.put("kind", "unvaulted");
                    f.put("provider", key.providerSlug());
                }
            }
            f.put("last4", finding.kind().last4());
        }
        ArrayNode notRead = root.putArray("skipped");
        for (SkippedSource source : skipped) {
            ObjectNode s = notRead.addObject();
            s.put("path", source.path());
            source.commit().ifPresent(c -> s.put("commit", c));
            s.put("reason", source.reason().name().toLowerCase(java.util.Locale.ROOT));
            s.put("message", source.reason().sentence());
        }
        ObjectNode totals = root.putObject("summary");
        totals.put("files_read", summary.sourcesRead());
        totals.put("bytes_read", summary.bytesRead());
        totals.put("findings", findings.size());
        totals.put("skipped", skipped.size());
        totals.put("binary_files_skipped", summary.binarySkipped());
        return root;
    }

    private static ObjectNode sarif(List<Finding> findings, List<SkippedSource> skipped) {
        ObjectNode log = JSON.createObjectNode();
        log.put("$schema", SARIF_SCHEMA);
        log.put("version", "2.1.0");
        ObjectNode run = log.putArray("runs").addObject();
        ObjectNode driver = run.putObject("tool").putObject("driver");
        driver.put("name", "Keyward");
        driver.put("version", Version.current());
        ArrayNode rules = driver.putArray("rules");
        rule(rules, COPY_RULE, "CopyOfVaultSecret", "A copy of a value kept in the Keyward vault.",
                "A plaintext copy of a key the vault holds: remove it, and rotate the key if the copy was shared or committed.");
        rule(rules, UNVAULTED_RULE, "UnvaultedKey", "A key in a provider's format that the Keyward vault does not hold.",
                "Move the key into the vault and refer to it instead (keyward://), then remove this copy.");
        run.put("columnKind", "unicodeCodePoints");
        ObjectNode invocation = run.putArray("invocations").addObject();
        invocation.put("executionSuccessful", true);
        ArrayNode notes = invocation.putArray("toolExecutionNotifications");
        for (SkippedSource source : skipped) {
            ObjectNode note = notes.addObject();
            note.put("level", "warning");
            note.putObject("message").put("text", ScanWording.skipped(source));
            note.putArray("locations").addObject().putObject("physicalLocation")
                    .putObject("artifactLocation").put("uri", uri(source.path()));
        }
        ArrayNode results = run.putArray("results");
        for (Finding finding : findings) {
            ObjectNode result = results.addObject();
            boolean copy = finding.kind() instanceof FindingKind.Copy;
            result.put("ruleId", copy ? COPY_RULE : UNVAULTED_RULE);
            result.put("ruleIndex", copy ? 0 : 1);
            result.put("level", "error");
            String text = ScanWording.kind(finding.kind());
            result.putObject("message").put("text", Character.toUpperCase(text.charAt(0)) + text.substring(1)
                    + finding.location().commit().map(c -> " in commit " + c).orElse("") + ".");
            ObjectNode physical = result.putArray("locations").addObject().putObject("physicalLocation");
            physical.putObject("artifactLocation").put("uri", uri(finding.location().path()));
            ObjectNode region = physical.putObject("region");
            region.put("startLine", finding.location().line());
            region.put("startColumn", finding.location().column());
        }
        return log;
    }

    private static void rule(ArrayNode rules, String id, String name, String shortText, String help) {
        ObjectNode rule = rules.addObject();
        rule.put("id", id);
        rule.put("name", name);
        rule.putObject("shortDescription").put("text", shortText);
        rule.putObject("help").put("text", help);
        rule.putObject("defaultConfiguration").put("level", "error");
    }

    /** A relative path as a URI reference ({@code /}-separated, percent-encoded); an absolute one as a file URI. */
    static String uri(String path) {
        if (java.nio.file.Path.of(path).isAbsolute()) {
            return java.nio.file.Path.of(path).toUri().toASCIIString();
        }
        // A colon in the first segment would read as a scheme: "./" keeps the reference relative.
        String first = path.contains("/") ? path.substring(0, path.indexOf('/')) : path;
        try {
            return new java.net.URI(null, null, first.contains(":") ? "./" + path : path, null).toASCIIString();
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] json(ObjectNode node) {
        try {
            return (JSON.writeValueAsString(node) + "\n").getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
