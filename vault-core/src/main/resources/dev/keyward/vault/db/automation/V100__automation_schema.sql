-- The automation subsystem (seed 002, sections 2 and 3.1-3.9), in the order of its section 4.1.
-- Applied the first time the user enables any automation feature; the app works without it.

-- 2.1 profile_settings additions
ALTER TABLE profile_settings ADD COLUMN autonomous_mode_enabled INTEGER NOT NULL DEFAULT 0 CHECK (autonomous_mode_enabled IN (0, 1));
ALTER TABLE profile_settings ADD COLUMN discovery_network_enabled INTEGER NOT NULL DEFAULT 0 CHECK (discovery_network_enabled IN (0, 1));
ALTER TABLE profile_settings ADD COLUMN discovery_schedule_hour INTEGER NOT NULL DEFAULT 3 CHECK (discovery_schedule_hour BETWEEN 0 AND 23);
ALTER TABLE profile_settings ADD COLUMN dashboard_refresh_interval_seconds INTEGER NOT NULL DEFAULT 3600 CHECK (dashboard_refresh_interval_seconds > 0);
ALTER TABLE profile_settings ADD COLUMN dashboard_quiet_hours_start INTEGER CHECK (dashboard_quiet_hours_start BETWEEN 0 AND 23);
ALTER TABLE profile_settings ADD COLUMN dashboard_quiet_hours_end INTEGER CHECK (dashboard_quiet_hours_end BETWEEN 0 AND 23);
ALTER TABLE profile_settings ADD COLUMN automation_max_retries INTEGER NOT NULL DEFAULT 3 CHECK (automation_max_retries BETWEEN 0 AND 10);
ALTER TABLE profile_settings ADD COLUMN discovery_retention_days INTEGER NOT NULL DEFAULT 90 CHECK (discovery_retention_days > 0);

-- 2.2 providers additions
ALTER TABLE providers ADD COLUMN dashboard_url TEXT;
ALTER TABLE providers ADD COLUMN api_base_url TEXT;
ALTER TABLE providers ADD COLUMN dashboard_supported INTEGER NOT NULL DEFAULT 0 CHECK (dashboard_supported IN (0, 1));
ALTER TABLE providers ADD COLUMN discovery_enabled INTEGER NOT NULL DEFAULT 1 CHECK (discovery_enabled IN (0, 1));

-- 3.1
CREATE TABLE dashboard_snapshots (
    id                     TEXT NOT NULL PRIMARY KEY,
    profile_id             TEXT NOT NULL,
    secret_id              TEXT NOT NULL REFERENCES secrets (id) ON DELETE CASCADE,
    provider_id            TEXT NOT NULL REFERENCES providers (id) ON DELETE CASCADE,
    collected_at           TEXT NOT NULL,
    collection_method      TEXT NOT NULL CHECK (collection_method IN ('api', 'scrape', 'cached')),
    collection_status      TEXT NOT NULL CHECK (collection_status IN ('success', 'partial', 'failed')),
    usage_stats_json       TEXT,
    config_attributes_json TEXT,
    restrictions_json      TEXT,
    health_status          TEXT NOT NULL CHECK (health_status IN ('valid', 'invalid', 'degraded', 'outage', 'unknown')),
    service_status         TEXT NOT NULL CHECK (service_status IN ('operational', 'degraded', 'outage', 'unknown')),
    warnings_json          TEXT,
    error_message_redacted TEXT
);
CREATE INDEX idx_dashboard_snapshots_secret_collected ON dashboard_snapshots (secret_id, collected_at DESC);
CREATE INDEX idx_dashboard_snapshots_profile_collected ON dashboard_snapshots (profile_id, collected_at DESC);

-- 3.2 (usage_sample_count and health_counts_json are Keyward's additions: they let a day be
-- folded in several batches with exactly the result of folding it at once)
CREATE TABLE dashboard_daily_summaries (
    id                       TEXT    NOT NULL PRIMARY KEY,
    profile_id               TEXT    NOT NULL,
    secret_id                TEXT    NOT NULL REFERENCES secrets (id) ON DELETE CASCADE,
    provider_id              TEXT    NOT NULL REFERENCES providers (id) ON DELETE CASCADE,
    summary_date             TEXT    NOT NULL CHECK (summary_date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    avg_usage_percent        REAL,
    max_usage_percent        REAL,
    total_cost               REAL,
    cost_currency            TEXT,
    health_summary           TEXT    NOT NULL CHECK (health_summary IN ('valid', 'invalid', 'degraded', 'outage', 'unknown')),
    collection_success_count INTEGER NOT NULL DEFAULT 0,
    collection_failure_count INTEGER NOT NULL DEFAULT 0,
    usage_sample_count       INTEGER NOT NULL DEFAULT 0,
    health_counts_json       TEXT
);
CREATE UNIQUE INDEX idx_dashboard_daily_summaries_secret_date ON dashboard_daily_summaries (secret_id, summary_date);
CREATE INDEX idx_dashboard_daily_summaries_profile_date ON dashboard_daily_summaries (profile_id, summary_date);

-- 3.3
CREATE TABLE discovery_findings (
    id                    TEXT NOT NULL PRIMARY KEY,
    profile_id            TEXT NOT NULL,
    provider_id           TEXT NOT NULL REFERENCES providers (id) ON DELETE CASCADE,
    discovered_at         TEXT NOT NULL,
    source_url            TEXT NOT NULL,
    source_title          TEXT NOT NULL,
    source_snippet        TEXT NOT NULL,
    category              TEXT NOT NULL CHECK (category IN ('capability_change', 'pricing_update', 'deprecation',
                                                            'security_advisory', 'new_alternative', 'service_modification')),
    impact_summary        TEXT NOT NULL,
    action_recommendation TEXT NOT NULL,
    urgency               TEXT NOT NULL CHECK (urgency IN ('informational', 'advisory', 'action_needed', 'critical')),
    relevance_score       REAL NOT NULL CHECK (relevance_score BETWEEN 0.0 AND 1.0),
    user_status           TEXT NOT NULL DEFAULT 'new' CHECK (user_status IN ('new', 'reviewed', 'dismissed', 'actioned')),
    reviewed_at           TEXT,
    user_notes            TEXT,
    created_at            TEXT NOT NULL
);
CREATE INDEX idx_discovery_findings_provider_discovered ON discovery_findings (profile_id, provider_id, discovered_at DESC);
CREATE INDEX idx_discovery_findings_status_urgency ON discovery_findings (profile_id, user_status, urgency);

-- 3.4
CREATE TABLE discovery_search_log (
    id                     TEXT    NOT NULL PRIMARY KEY,
    profile_id             TEXT    NOT NULL,
    provider_id            TEXT    NOT NULL REFERENCES providers (id) ON DELETE CASCADE,
    searched_at            TEXT    NOT NULL,
    trigger_type           TEXT    NOT NULL CHECK (trigger_type IN ('scheduled', 'on_demand', 'launch_catchup')),
    queries_executed       INTEGER NOT NULL DEFAULT 0,
    results_found          INTEGER NOT NULL DEFAULT 0,
    findings_generated     INTEGER NOT NULL DEFAULT 0,
    status                 TEXT    NOT NULL CHECK (status IN ('success', 'partial', 'failed')),
    error_message_redacted TEXT
);
CREATE INDEX idx_discovery_search_log_provider_searched ON discovery_search_log (profile_id, provider_id, searched_at DESC);

-- 3.5 (script_content holds a declarative JSON step program with placeholders, never code or credentials)
CREATE TABLE automation_scripts (
    id                    TEXT    NOT NULL PRIMARY KEY,
    profile_id            TEXT    NOT NULL,
    provider_id           TEXT    NOT NULL REFERENCES providers (id) ON DELETE CASCADE,
    task_type             TEXT    NOT NULL CHECK (task_type IN ('account_creation', 'payment_config', 'billing_restriction',
                                                                'api_key_management', 'dashboard_scrape', 'custom')),
    title                 TEXT    NOT NULL,
    description           TEXT    NOT NULL,
    script_content        TEXT    NOT NULL,
    model_used            TEXT    NOT NULL,
    research_data_json    TEXT,
    plan_data_json        TEXT,
    approval_status       TEXT    NOT NULL DEFAULT 'pending' CHECK (approval_status IN ('pending', 'approved', 'rejected')),
    approved_at           TEXT,
    version               INTEGER NOT NULL DEFAULT 1,
    execution_count       INTEGER NOT NULL DEFAULT 0,
    last_executed_at      TEXT,
    last_execution_status TEXT    CHECK (last_execution_status IN ('success', 'failure', 'aborted')),
    auto_approve_repeat   INTEGER NOT NULL DEFAULT 0 CHECK (auto_approve_repeat IN (0, 1)),
    created_at            TEXT    NOT NULL,
    updated_at            TEXT    NOT NULL
);
CREATE INDEX idx_automation_scripts_provider_task ON automation_scripts (profile_id, provider_id, task_type);
CREATE INDEX idx_automation_scripts_approval ON automation_scripts (profile_id, approval_status);

-- 3.6
CREATE TABLE automation_executions (
    id                          TEXT    NOT NULL PRIMARY KEY,
    profile_id                  TEXT    NOT NULL,
    script_id                   TEXT    NOT NULL REFERENCES automation_scripts (id) ON DELETE CASCADE,
    started_at                  TEXT    NOT NULL,
    completed_at                TEXT,
    status                      TEXT    NOT NULL CHECK (status IN ('running', 'success', 'failure', 'aborted', 'paused_at_checkpoint')),
    checkpoints_reached         INTEGER NOT NULL DEFAULT 0,
    checkpoints_approved        INTEGER NOT NULL DEFAULT 0,
    checkpoints_rejected        INTEGER NOT NULL DEFAULT 0,
    error_message_redacted      TEXT,
    debug_screenshot_paths_json TEXT,
    result_summary_json         TEXT
);
CREATE INDEX idx_automation_executions_script_started ON automation_executions (script_id, started_at DESC);
CREATE INDEX idx_automation_executions_profile_started ON automation_executions (profile_id, started_at);

-- 3.7
CREATE TABLE hitl_checkpoints (
    id                     TEXT NOT NULL PRIMARY KEY,
    profile_id             TEXT NOT NULL,
    execution_id           TEXT NOT NULL REFERENCES automation_executions (id) ON DELETE CASCADE,
    checkpoint_type        TEXT NOT NULL CHECK (checkpoint_type IN ('financial', 'account', 'irreversible', 'api_key',
                                                                    'billing', 'script_review')),
    checkpoint_description TEXT NOT NULL,
    proposed_action        TEXT NOT NULL,
    context_json           TEXT NOT NULL,
    decision               TEXT NOT NULL CHECK (decision IN ('approved', 'rejected', 'modified')),
    user_notes             TEXT,
    decided_at             TEXT NOT NULL
);
CREATE INDEX idx_hitl_checkpoints_execution_decided ON hitl_checkpoints (execution_id, decided_at);
CREATE INDEX idx_hitl_checkpoints_profile_decided ON hitl_checkpoints (profile_id, decided_at);

-- 3.8 (profile_id added: every profile-scoped table carries it)
CREATE TABLE provider_selectors (
    id                  TEXT    NOT NULL PRIMARY KEY,
    profile_id          TEXT    NOT NULL,
    provider_id         TEXT    NOT NULL REFERENCES providers (id) ON DELETE CASCADE,
    data_type           TEXT    NOT NULL,
    selector_type       TEXT    NOT NULL CHECK (selector_type IN ('css', 'xpath', 'json_path')),
    selector_value      TEXT    NOT NULL,
    verified_at         TEXT,
    verification_status TEXT    NOT NULL DEFAULT 'unverified' CHECK (verification_status IN ('verified', 'unverified', 'broken')),
    version             INTEGER NOT NULL DEFAULT 1,
    created_at          TEXT    NOT NULL,
    updated_at          TEXT    NOT NULL
);
CREATE UNIQUE INDEX idx_provider_selectors_provider_type_version ON provider_selectors (provider_id, data_type, version);

-- 3.9
CREATE TABLE service_recommendations (
    id                       TEXT NOT NULL PRIMARY KEY,
    profile_id               TEXT NOT NULL,
    project_id               TEXT REFERENCES projects (id) ON DELETE CASCADE,
    requirement_text         TEXT NOT NULL,
    capability_needed        TEXT NOT NULL,
    recommended_provider_id  TEXT REFERENCES providers (id) ON DELETE SET NULL,
    recommended_service_name TEXT NOT NULL,
    rationale                TEXT NOT NULL,
    pricing_summary          TEXT,
    free_tier_available      INTEGER CHECK (free_tier_available IN (0, 1)),
    documentation_url        TEXT,
    match_score              REAL NOT NULL CHECK (match_score BETWEEN 0.0 AND 1.0),
    user_status              TEXT NOT NULL DEFAULT 'new' CHECK (user_status IN ('new', 'accepted', 'rejected')),
    created_at               TEXT NOT NULL
);
CREATE INDEX idx_service_recommendations_project_status ON service_recommendations (profile_id, project_id, user_status);
