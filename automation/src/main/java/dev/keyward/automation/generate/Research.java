package dev.keyward.automation.generate;

import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.keyward.automation.program.TaskType;
import dev.keyward.vault.provider.ProviderInfo;
import java.util.List;

/**
 * Everything gathered before a program is written: the request (its sentence already redacted), the
 * provider as this profile knows it, the domains a program may open, the provider's selectors and
 * ranked reference-library snippets. Stored as {@code research_data_json}; holds no secret value.
 *
 * @param notes what could not be gathered, in sentences (e.g. no reference library installed)
 */
public record Research(
        ProviderInfo provider,
        TaskType taskType,
        String sentence,
        List<String> allowedDomains,
        List<SelectorRow> selectors,
        List<ReferenceSnippet> references,
        List<String> notes) {

    private static final JsonMapper JSON = new JsonMapper();

    public Research {
        allowedDomains = List.copyOf(allowedDomains);
        selectors = List.copyOf(selectors);
        references = List.copyOf(references);
        notes = List.copyOf(notes);
    }

    /** The research as a JSON tree; the same facts the prompt is built from. */
    public ObjectNode toTree() {
        ObjectNode root = JSON.createObjectNode();
        root.put("task_type", taskType.dbValue());
        root.put("sentence", sentence);
        ObjectNode p = root.putObject("provider");
        p.put("slug", provider.slug());
        p.put("name", provider.name());
        p.put("website", provider.websiteUrl());
        p.put("dashboard_url", provider.dashboardUrl());
        p.put("docs_url", provider.docsUrl());
        p.put("api_base_url", provider.apiBaseUrl());
        p.put("pricing_summary", provider.pricingSummary());
        ArrayNode capabilities = p.putArray("capabilities");
        provider.capabilities().forEach(capabilities::add);
        ArrayNode domains = root.putArray("allowed_domains");
        allowedDomains.forEach(domains::add);
        ArrayNode selectorRows = root.putArray("selectors");
        for (SelectorRow s : selectors) {
            selectorRows.addObject().put("data_type", s.dataType()).put("selector_type", s.selectorType())
                    .put("selector", s.selectorValue()).put("verification_status", s.verificationStatus())
                    .put("version", s.version());
        }
        ArrayNode refs = root.putArray("references");
        for (ReferenceSnippet r : references) {
            refs.addObject().put("source", r.source()).put("path", r.path()).put("line", r.line())
                    .put("score", Math.round(r.score() * 1000) / 1000.0).put("text", r.text());
        }
        ArrayNode noteList = root.putArray("notes");
        notes.forEach(noteList::add);
        return root;
    }

    /** Compact JSON for {@code automation_scripts.research_data_json}. */
    public String toJson() {
        return toTree().toString();
    }
}
