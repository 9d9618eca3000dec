-- Dashboard and retention (seed 002 section 5.3): every retention period becomes a setting.
-- discovery_retention_days already exists (V100); executions and their checkpoints share one
-- period because a checkpoint is deleted with its execution (ON DELETE CASCADE).
-- usage_sample_count and health_counts_json of dashboard_daily_summaries already exist (V100).
ALTER TABLE profile_settings ADD COLUMN snapshots_kept_per_secret INTEGER NOT NULL DEFAULT 24 CHECK (snapshots_kept_per_secret BETWEEN 1 AND 1000);
ALTER TABLE profile_settings ADD COLUMN summary_retention_days INTEGER NOT NULL DEFAULT 365 CHECK (summary_retention_days BETWEEN 1 AND 3650);
ALTER TABLE profile_settings ADD COLUMN search_log_retention_days INTEGER NOT NULL DEFAULT 30 CHECK (search_log_retention_days BETWEEN 1 AND 3650);
ALTER TABLE profile_settings ADD COLUMN execution_retention_days INTEGER NOT NULL DEFAULT 90 CHECK (execution_retention_days BETWEEN 1 AND 3650);
ALTER TABLE profile_settings ADD COLUMN debug_screenshot_retention_days INTEGER NOT NULL DEFAULT 7 CHECK (debug_screenshot_retention_days BETWEEN 1 AND 365);

-- Retention deletes by age across a whole profile; the V100 indexes lead with provider_id.
CREATE INDEX IF NOT EXISTS idx_discovery_findings_age ON discovery_findings (profile_id, discovered_at);
CREATE INDEX IF NOT EXISTS idx_discovery_search_log_age ON discovery_search_log (profile_id, searched_at);
