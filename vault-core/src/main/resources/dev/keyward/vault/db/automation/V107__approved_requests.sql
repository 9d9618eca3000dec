-- Keyward's addition for the runner's network gate: each state-changing request a person approved for a script
-- (method, host, path and the sorted field names; never a value). On repeat runs auto_approve_repeat lets only
-- these through without asking, and never a financial, irreversible or api_key one.
CREATE TABLE automation_approved_requests (
    id          TEXT NOT NULL PRIMARY KEY,
    profile_id  TEXT NOT NULL,
    script_id   TEXT NOT NULL REFERENCES automation_scripts (id) ON DELETE CASCADE,
    method      TEXT NOT NULL,
    host        TEXT NOT NULL,
    path        TEXT NOT NULL,
    field_names TEXT NOT NULL,
    approved_at TEXT NOT NULL
);
CREATE UNIQUE INDEX idx_automation_approved_requests_action
    ON automation_approved_requests (profile_id, script_id, method, host, path, field_names);
