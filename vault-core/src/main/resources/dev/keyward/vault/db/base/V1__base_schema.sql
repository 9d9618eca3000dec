-- Keyward base schema: everything the vault needs without the automation subsystem.
-- Conventions (seed 002): text UUID keys, UTC ISO-8601 text timestamps, enums as CHECK,
-- profile_id on every profile-scoped table, booleans as INTEGER 0/1. Text primary keys say
-- NOT NULL because SQLite lets a primary key that is not an INTEGER PRIMARY KEY hold NULL.

CREATE TABLE profile_settings (
    profile_id                      TEXT    NOT NULL PRIMARY KEY,
    auto_lock_minutes               INTEGER NOT NULL DEFAULT 5   CHECK (auto_lock_minutes BETWEEN 1 AND 1440),
    clipboard_clear_seconds         INTEGER NOT NULL DEFAULT 10  CHECK (clipboard_clear_seconds BETWEEN 1 AND 3600),
    background_refresh_while_locked INTEGER NOT NULL DEFAULT 1   CHECK (background_refresh_while_locked IN (0, 1)),
    key_age_warning_days            INTEGER NOT NULL DEFAULT 180 CHECK (key_age_warning_days BETWEEN 1 AND 3650),
    theme                           TEXT    NOT NULL DEFAULT 'light' CHECK (theme IN ('light', 'dark')),
    updated_at                      TEXT    NOT NULL
);

CREATE TABLE providers (
    id                 TEXT    NOT NULL PRIMARY KEY,
    profile_id         TEXT    NOT NULL,
    slug               TEXT    NOT NULL,
    name               TEXT    NOT NULL,
    website_url        TEXT,
    docs_url           TEXT,
    status_page_url    TEXT,
    changelog_feed_url TEXT,
    api_family         TEXT    NOT NULL DEFAULT 'none'
                               CHECK (api_family IN ('openai_compatible', 'anthropic', 'github', 'stripe', 'generic', 'none')),
    key_patterns_json  TEXT    NOT NULL DEFAULT '[]',
    capabilities_json  TEXT    NOT NULL DEFAULT '[]',
    pricing_summary    TEXT,
    free_tier          INTEGER CHECK (free_tier IN (0, 1)),
    origin             TEXT    NOT NULL DEFAULT 'catalog' CHECK (origin IN ('catalog', 'user')),
    created_at         TEXT    NOT NULL,
    updated_at         TEXT    NOT NULL,
    UNIQUE (profile_id, slug)
);

CREATE TABLE secrets (
    id               TEXT    NOT NULL PRIMARY KEY,
    profile_id       TEXT    NOT NULL,
    name             TEXT    NOT NULL,
    provider_id      TEXT    REFERENCES providers (id) ON DELETE SET NULL,
    current_version  INTEGER NOT NULL DEFAULT 1 CHECK (current_version >= 1),
    fingerprint      TEXT    NOT NULL,   -- HMAC-SHA256 of the current value under the fingerprint key
    last4            TEXT    NOT NULL,   -- last four characters, empty for values too short to hint safely
    notes_ciphertext BLOB,               -- AES-256-GCM under the field key
    expires_at       TEXT,
    created_at       TEXT    NOT NULL,
    updated_at       TEXT    NOT NULL,
    rotated_at       TEXT,
    last_used_at     TEXT,
    UNIQUE (profile_id, name)
);
CREATE INDEX idx_secrets_profile_fingerprint ON secrets (profile_id, fingerprint);
CREATE INDEX idx_secrets_profile_provider ON secrets (profile_id, provider_id);

-- Every value a secret ever had; the current one is version = secrets.current_version.
CREATE TABLE secret_versions (
    id               TEXT    NOT NULL PRIMARY KEY,
    profile_id       TEXT    NOT NULL,
    secret_id        TEXT    NOT NULL REFERENCES secrets (id) ON DELETE CASCADE,
    version          INTEGER NOT NULL CHECK (version >= 1),
    value_ciphertext BLOB    NOT NULL,   -- AES-256-GCM, AAD binds profile, secret and version
    fingerprint      TEXT    NOT NULL,
    last4            TEXT    NOT NULL,
    created_at       TEXT    NOT NULL,
    retired_at       TEXT,
    UNIQUE (secret_id, version)
);
CREATE INDEX idx_secret_versions_profile ON secret_versions (profile_id, secret_id);

CREATE TABLE projects (
    id          TEXT NOT NULL PRIMARY KEY,
    profile_id  TEXT NOT NULL,
    name        TEXT NOT NULL,
    description TEXT,
    root_path   TEXT,
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    UNIQUE (profile_id, name)
);

CREATE TABLE project_secrets (
    id         TEXT NOT NULL PRIMARY KEY,
    profile_id TEXT NOT NULL,
    project_id TEXT NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
    secret_id  TEXT NOT NULL REFERENCES secrets (id) ON DELETE CASCADE,
    env_var    TEXT NOT NULL CHECK (length(env_var) BETWEEN 1 AND 255),
    created_at TEXT NOT NULL,
    UNIQUE (project_id, env_var)
);
CREATE INDEX idx_project_secrets_secret ON project_secrets (profile_id, secret_id);

-- Append-only: the triggers below refuse UPDATE and DELETE.
CREATE TABLE audit_log (
    id           TEXT NOT NULL PRIMARY KEY,
    profile_id   TEXT NOT NULL,
    occurred_at  TEXT NOT NULL,
    category     TEXT NOT NULL CHECK (category IN ('profile', 'secret', 'project', 'settings', 'provider',
                                                   'backup', 'automation', 'dashboard', 'discovery',
                                                   'retention', 'job')),
    action       TEXT NOT NULL,
    subject_type TEXT,
    subject_id   TEXT,
    actor        TEXT NOT NULL DEFAULT 'user' CHECK (actor IN ('user', 'cli', 'app', 'job')),
    details_json TEXT
);
CREATE INDEX idx_audit_log_profile_time ON audit_log (profile_id, occurred_at DESC, id DESC);
CREATE INDEX idx_audit_log_profile_category_time ON audit_log (profile_id, category, occurred_at DESC, id DESC);

CREATE TRIGGER audit_log_refuses_update BEFORE UPDATE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'audit_log is append-only');
END;

CREATE TRIGGER audit_log_refuses_delete BEFORE DELETE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'audit_log is append-only');
END;

-- INSERT OR REPLACE deletes the old row without firing DELETE triggers; refuse a reused id first.
CREATE TRIGGER audit_log_refuses_replace BEFORE INSERT ON audit_log
WHEN EXISTS (SELECT 1 FROM audit_log WHERE id = NEW.id)
BEGIN
    SELECT RAISE(ABORT, 'audit_log is append-only');
END;

CREATE TABLE scheduled_jobs (
    id                  TEXT    NOT NULL PRIMARY KEY,
    profile_id          TEXT    NOT NULL,
    job_name            TEXT    NOT NULL CHECK (job_name IN ('dashboard_refresh', 'discovery', 'retention')),
    last_started_at     TEXT,
    last_finished_at    TEXT,
    last_status         TEXT    CHECK (last_status IN ('running', 'success', 'partial', 'failed', 'skipped')),
    last_error_redacted TEXT,
    next_run_at         TEXT,
    run_count           INTEGER NOT NULL DEFAULT 0,
    UNIQUE (profile_id, job_name)
);
