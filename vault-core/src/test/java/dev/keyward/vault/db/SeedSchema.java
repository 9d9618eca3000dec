package dev.keyward.vault.db;

import java.util.Arrays;
import java.util.List;

/**
 * Seed 002's schema, transcribed by hand item by item (sections 2.1, 2.2 and 3.1-3.9), so that
 * the test compares the live database with the document rather than with the migration it tests.
 *
 * <p>Reading rules: "nullable" in the seed allows NULL; any other column is NOT NULL unless the
 * seed gives it a default; "(FK → t.id)" is a foreign key. "profile_id (FK)" names no target (the
 * profile is the vault file itself, there is no profiles table), so only its presence and NOT NULL
 * are checked. {@code relevance_score}/{@code match_score} "0.0-1.0", the hour columns "0-23" and
 * {@code summary_date} "date only" are checked as value ranges.
 */
final class SeedSchema {

    private SeedSchema() {
    }

    /** How the seed types a column; bool is stored as INTEGER 0/1, dates as text. */
    enum Type {
        TEXT("TEXT"), INT("INTEGER"), REAL("REAL"), BOOL("INTEGER"), DATE("TEXT");

        final String affinity;

        Type(String affinity) {
            this.affinity = affinity;
        }
    }

    /**
     * One column as the seed lists it.
     *
     * @param defaultSql the default as SQLite reports it in {@code PRAGMA table_info}, or null
     * @param enumValues the allowed values of a text enum, empty when not an enum
     * @param references the referenced table of a foreign key, or null
     * @param min        lowest allowed value (as SQL literal) of a range, or null
     * @param max        highest allowed value of a range, or null
     */
    record Column(String name, Type type, boolean nullable, String defaultSql, List<String> enumValues,
                  String references, String min, String max) {

        Column orNull() {
            return new Column(name, type, true, defaultSql, enumValues, references, min, max);
        }

        Column withDefault(String sql) {
            return new Column(name, type, nullable, sql, enumValues, references, min, max);
        }

        Column referencing(String table) {
            return new Column(name, type, nullable, defaultSql, enumValues, table, min, max);
        }

        Column inRange(String low, String high) {
            return new Column(name, type, nullable, defaultSql, enumValues, references, low, high);
        }

        boolean isEnum() {
            return !enumValues.isEmpty();
        }

        /** NOT NULL is required where the seed neither says nullable nor gives a default. */
        boolean mustBeNotNull() {
            return !nullable && defaultSql == null;
        }
    }

    /** An index the seed lists; columns carry " DESC" where the seed says so. */
    record Index(boolean unique, List<String> columns) {
    }

    /** A table of section 3 (or the additions of section 2 to a base table). */
    record Table(String section, String name, List<Column> columns, List<Index> indexes) {
    }

    static Column text(String name) {
        return new Column(name, Type.TEXT, false, null, List.of(), null, null, null);
    }

    static Column integer(String name) {
        return new Column(name, Type.INT, false, null, List.of(), null, null, null);
    }

    static Column real(String name) {
        return new Column(name, Type.REAL, false, null, List.of(), null, null, null);
    }

    static Column bool(String name) {
        return new Column(name, Type.BOOL, false, null, List.of(), null, null, null);
    }

    static Column date(String name) {
        return new Column(name, Type.DATE, false, null, List.of(), null, null, null);
    }

    static Column oneOf(String name, String... values) {
        return new Column(name, Type.TEXT, false, null, List.of(values), null, null, null);
    }

    static Column id() {
        return text("id");
    }

    static Column profileId() {
        return text("profile_id");
    }

    static Index index(String... columns) {
        return new Index(false, Arrays.asList(columns));
    }

    static Index unique(String... columns) {
        return new Index(true, Arrays.asList(columns));
    }

    private static final String[] HEALTH = {"valid", "invalid", "degraded", "outage", "unknown"};

    /** Section 2.1: columns added to profile_settings. */
    static final Table PROFILE_SETTINGS_ADDITIONS = new Table("2.1", "profile_settings", List.of(
            bool("autonomous_mode_enabled").withDefault("0"),
            bool("discovery_network_enabled").withDefault("0"),
            integer("discovery_schedule_hour").withDefault("3").inRange("0", "23"),
            integer("dashboard_refresh_interval_seconds").withDefault("3600"),
            integer("dashboard_quiet_hours_start").orNull().inRange("0", "23"),
            integer("dashboard_quiet_hours_end").orNull().inRange("0", "23"),
            integer("automation_max_retries").withDefault("3"),
            integer("discovery_retention_days").withDefault("90")), List.of());

    /** Section 2.2: columns added to providers. */
    static final Table PROVIDERS_ADDITIONS = new Table("2.2", "providers", List.of(
            text("dashboard_url").orNull(),
            text("api_base_url").orNull(),
            bool("dashboard_supported").withDefault("0"),
            bool("discovery_enabled").withDefault("1")), List.of());

    static final Table DASHBOARD_SNAPSHOTS = new Table("3.1", "dashboard_snapshots", List.of(
            id(),
            profileId(),
            text("secret_id").referencing("secrets"),
            text("provider_id").referencing("providers"),
            text("collected_at"),
            oneOf("collection_method", "api", "scrape", "cached"),
            oneOf("collection_status", "success", "partial", "failed"),
            text("usage_stats_json").orNull(),
            text("config_attributes_json").orNull(),
            text("restrictions_json").orNull(),
            oneOf("health_status", HEALTH),
            oneOf("service_status", "operational", "degraded", "outage", "unknown"),
            text("warnings_json").orNull(),
            text("error_message_redacted").orNull()), List.of(
            index("secret_id", "collected_at DESC"),
            index("profile_id", "collected_at DESC")));

    static final Table DASHBOARD_DAILY_SUMMARIES = new Table("3.2", "dashboard_daily_summaries", List.of(
            id(),
            profileId(),
            text("secret_id").referencing("secrets"),
            text("provider_id").referencing("providers"),
            date("summary_date"),
            real("avg_usage_percent").orNull(),
            real("max_usage_percent").orNull(),
            real("total_cost").orNull(),
            text("cost_currency").orNull(),
            text("health_summary"),
            integer("collection_success_count"),
            integer("collection_failure_count")), List.of(
            unique("secret_id", "summary_date")));

    static final Table DISCOVERY_FINDINGS = new Table("3.3", "discovery_findings", List.of(
            id(),
            profileId(),
            text("provider_id").referencing("providers"),
            text("discovered_at"),
            text("source_url"),
            text("source_title"),
            text("source_snippet"),
            oneOf("category", "capability_change", "pricing_update", "deprecation", "security_advisory",
                    "new_alternative", "service_modification"),
            text("impact_summary"),
            text("action_recommendation"),
            oneOf("urgency", "informational", "advisory", "action_needed", "critical"),
            real("relevance_score").inRange("0.0", "1.0"),
            oneOf("user_status", "new", "reviewed", "dismissed", "actioned"),
            text("reviewed_at").orNull(),
            text("user_notes").orNull(),
            text("created_at")), List.of(
            index("profile_id", "provider_id", "discovered_at DESC"),
            index("profile_id", "user_status", "urgency")));

    static final Table DISCOVERY_SEARCH_LOG = new Table("3.4", "discovery_search_log", List.of(
            id(),
            profileId(),
            text("provider_id").referencing("providers"),
            text("searched_at"),
            oneOf("trigger_type", "scheduled", "on_demand", "launch_catchup"),
            integer("queries_executed"),
            integer("results_found"),
            integer("findings_generated"),
            oneOf("status", "success", "partial", "failed"),
            text("error_message_redacted").orNull()), List.of(
            index("profile_id", "provider_id", "searched_at DESC")));

    static final Table AUTOMATION_SCRIPTS = new Table("3.5", "automation_scripts", List.of(
            id(),
            profileId(),
            text("provider_id").referencing("providers"),
            oneOf("task_type", "account_creation", "payment_config", "billing_restriction", "api_key_management",
                    "dashboard_scrape", "custom"),
            text("title"),
            text("description"),
            text("script_content"),
            text("model_used"),
            text("research_data_json").orNull(),
            text("plan_data_json").orNull(),
            oneOf("approval_status", "pending", "approved", "rejected"),
            text("approved_at").orNull(),
            integer("version").withDefault("1"),
            integer("execution_count").withDefault("0"),
            text("last_executed_at").orNull(),
            oneOf("last_execution_status", "success", "failure", "aborted").orNull(),
            bool("auto_approve_repeat").withDefault("0"),
            text("created_at"),
            text("updated_at")), List.of(
            index("profile_id", "provider_id", "task_type"),
            index("profile_id", "approval_status")));

    static final Table AUTOMATION_EXECUTIONS = new Table("3.6", "automation_executions", List.of(
            id(),
            profileId(),
            text("script_id").referencing("automation_scripts"),
            text("started_at"),
            text("completed_at").orNull(),
            oneOf("status", "running", "success", "failure", "aborted", "paused_at_checkpoint"),
            integer("checkpoints_reached").withDefault("0"),
            integer("checkpoints_approved").withDefault("0"),
            integer("checkpoints_rejected").withDefault("0"),
            text("error_message_redacted").orNull(),
            text("debug_screenshot_paths_json").orNull(),
            text("result_summary_json").orNull()), List.of(
            index("script_id", "started_at DESC")));

    static final Table HITL_CHECKPOINTS = new Table("3.7", "hitl_checkpoints", List.of(
            id(),
            profileId(),
            text("execution_id").referencing("automation_executions"),
            oneOf("checkpoint_type", "financial", "account", "irreversible", "api_key", "billing", "script_review"),
            text("checkpoint_description"),
            text("proposed_action"),
            text("context_json"),
            oneOf("decision", "approved", "rejected", "modified"),
            text("user_notes").orNull(),
            text("decided_at")), List.of(
            index("execution_id", "decided_at")));

    /** The seed lists no profile_id here; DESIGN section 4 requires it on every table (checked separately). */
    static final Table PROVIDER_SELECTORS = new Table("3.8", "provider_selectors", List.of(
            id(),
            text("provider_id").referencing("providers"),
            text("data_type"),
            oneOf("selector_type", "css", "xpath", "json_path"),
            text("selector_value"),
            text("verified_at").orNull(),
            oneOf("verification_status", "verified", "unverified", "broken"),
            integer("version").withDefault("1"),
            text("created_at"),
            text("updated_at")), List.of(
            unique("provider_id", "data_type", "version")));

    static final Table SERVICE_RECOMMENDATIONS = new Table("3.9", "service_recommendations", List.of(
            id(),
            profileId(),
            text("project_id").referencing("projects").orNull(),
            text("requirement_text"),
            text("capability_needed"),
            text("recommended_provider_id").orNull().referencing("providers"),
            text("recommended_service_name"),
            text("rationale"),
            text("pricing_summary").orNull(),
            bool("free_tier_available").orNull(),
            text("documentation_url").orNull(),
            real("match_score").inRange("0.0", "1.0"),
            oneOf("user_status", "new", "accepted", "rejected"),
            text("created_at")), List.of(
            index("profile_id", "project_id", "user_status")));

    /** Sections 3.1-3.9 in the seed's order, which is also the order parents come before children. */
    static final List<Table> NEW_TABLES = List.of(DASHBOARD_SNAPSHOTS, DASHBOARD_DAILY_SUMMARIES, DISCOVERY_FINDINGS,
            DISCOVERY_SEARCH_LOG, AUTOMATION_SCRIPTS, AUTOMATION_EXECUTIONS, HITL_CHECKPOINTS, PROVIDER_SELECTORS,
            SERVICE_RECOMMENDATIONS);

    static final List<Table> ADDITIONS = List.of(PROFILE_SETTINGS_ADDITIONS, PROVIDERS_ADDITIONS);

    /** Tables Keyward's own automation migrations add beyond the seed (not seed-conformance checked column by column). */
    static final List<String> KEYWARD_AUTOMATION_TABLES = List.of("discovery_source_validators",
            "admin_key_roles", "provider_key_inventory", "provider_inventory_reads", "key_match_confirmations",
            "key_usage_daily", "provider_cost_daily", "hygiene_dismissals",
            "automation_approved_requests");

    /** The base tables (DESIGN section 4), present without the automation migration. */
    static final List<String> BASE_TABLES = List.of("profile_settings", "providers", "secrets", "secret_versions",
            "projects", "project_secrets", "audit_log", "scheduled_jobs");
}
