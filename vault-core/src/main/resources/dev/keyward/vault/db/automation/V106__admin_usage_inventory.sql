-- Keyward's additions for issue 18: what the providers' admin APIs say about an organisation's keys.
-- No column holds a key value. Hints are the provider's own redacted form (a prefix and the last
-- characters), kept only when they have that shape; ids are the provider's key ids.

-- A secret marked by hand as an admin key for a provider (keys in the provider's admin format are
-- recognised without a row here).
CREATE TABLE admin_key_roles (
    secret_id     TEXT NOT NULL PRIMARY KEY REFERENCES secrets (id) ON DELETE CASCADE,
    profile_id    TEXT NOT NULL,
    provider_slug TEXT NOT NULL,
    set_at        TEXT NOT NULL
);

-- The provider's key inventory as last read, one row per provider key id.
CREATE TABLE provider_key_inventory (
    id            TEXT NOT NULL PRIMARY KEY,
    profile_id    TEXT NOT NULL,
    provider_id   TEXT NOT NULL REFERENCES providers (id) ON DELETE CASCADE,
    upstream_id   TEXT NOT NULL,
    name          TEXT,
    hint          TEXT,
    scope_id      TEXT,               -- OpenAI project id or Anthropic workspace id
    owner         TEXT,
    status        TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'inactive', 'archived', 'expired')),
    is_admin_key  INTEGER NOT NULL DEFAULT 0 CHECK (is_admin_key IN (0, 1)),
    created_at    TEXT,
    last_used_at  TEXT,
    expires_at    TEXT,
    secret_id     TEXT REFERENCES secrets (id) ON DELETE SET NULL,
    match_kind    TEXT CHECK (match_kind IN ('hint', 'confirmed')),
    candidates    INTEGER NOT NULL DEFAULT 0,   -- vault keys whose hints fit when unmatched (a collision when > 1)
    seen_at       TEXT NOT NULL,
    UNIQUE (profile_id, provider_id, upstream_id)
);
CREATE INDEX idx_provider_key_inventory_secret ON provider_key_inventory (profile_id, secret_id);

-- When the inventory of a provider was last read in full (every page), so "no longer listed" is only
-- said after a complete listing.
CREATE TABLE provider_inventory_reads (
    id            TEXT NOT NULL PRIMARY KEY,
    profile_id  TEXT NOT NULL,
    provider_id TEXT NOT NULL REFERENCES providers (id) ON DELETE CASCADE,
    read_at     TEXT NOT NULL,
    complete    INTEGER NOT NULL CHECK (complete IN (0, 1)),
    UNIQUE (profile_id, provider_id)
);

-- A match confirmed by hand when hints collide; it wins over hint matching.
CREATE TABLE key_match_confirmations (
    id            TEXT NOT NULL PRIMARY KEY,
    profile_id   TEXT NOT NULL,
    provider_id  TEXT NOT NULL REFERENCES providers (id) ON DELETE CASCADE,
    upstream_id  TEXT NOT NULL,
    secret_id    TEXT NOT NULL REFERENCES secrets (id) ON DELETE CASCADE,
    confirmed_at TEXT NOT NULL,
    UNIQUE (profile_id, provider_id, upstream_id)
);

-- Daily usage per provider key and model, as the usage endpoints report it (1d buckets, UTC days).
CREATE TABLE key_usage_daily (
    id            TEXT NOT NULL PRIMARY KEY,
    profile_id    TEXT    NOT NULL,
    provider_id   TEXT    NOT NULL REFERENCES providers (id) ON DELETE CASCADE,
    upstream_id   TEXT    NOT NULL,
    usage_date    TEXT    NOT NULL CHECK (usage_date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    model         TEXT    NOT NULL,
    requests      INTEGER NOT NULL DEFAULT 0,
    input_tokens  INTEGER NOT NULL DEFAULT 0,
    output_tokens INTEGER NOT NULL DEFAULT 0,
    UNIQUE (profile_id, provider_id, upstream_id, usage_date, model)
);
CREATE INDEX idx_key_usage_daily_model ON key_usage_daily (profile_id, model, usage_date);

-- Daily cost per provider and scope (project / workspace; '' for the whole organisation).
CREATE TABLE provider_cost_daily (
    id            TEXT NOT NULL PRIMARY KEY,
    profile_id  TEXT NOT NULL,
    provider_id TEXT NOT NULL REFERENCES providers (id) ON DELETE CASCADE,
    scope_id    TEXT NOT NULL,
    cost_date   TEXT NOT NULL CHECK (cost_date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    amount      REAL NOT NULL,
    currency    TEXT NOT NULL,
    UNIQUE (profile_id, provider_id, scope_id, cost_date, currency)
);

-- Key-hygiene findings the user dismissed, by their stable key.
CREATE TABLE hygiene_dismissals (
    id            TEXT NOT NULL PRIMARY KEY,
    profile_id   TEXT NOT NULL,
    finding_key  TEXT NOT NULL,
    dismissed_at TEXT NOT NULL,
    UNIQUE (profile_id, finding_key)
);

-- Per-day request and token totals of a key next to its cost.
ALTER TABLE dashboard_daily_summaries ADD COLUMN requests INTEGER;
ALTER TABLE dashboard_daily_summaries ADD COLUMN input_tokens INTEGER;
ALTER TABLE dashboard_daily_summaries ADD COLUMN output_tokens INTEGER;

ALTER TABLE profile_settings ADD COLUMN hygiene_unused_days INTEGER NOT NULL DEFAULT 90 CHECK (hygiene_unused_days BETWEEN 1 AND 3650);
ALTER TABLE profile_settings ADD COLUMN hygiene_spike_factor INTEGER NOT NULL DEFAULT 3 CHECK (hygiene_spike_factor BETWEEN 2 AND 100);
