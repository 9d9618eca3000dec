-- Keyward's addition for discovery (issue 6): the HTTP validators (ETag, Last-Modified) each source address
-- last answered with, so a later run, even after lock-and-stop or in a new process, can send a conditional
-- request and take a 304 instead of downloading the document again. No secret data: an address or
-- validator the redactor would change is never stored. updated_at is when the source last confirmed them
-- (200 or 304); discovery retention prunes rows untouched for discovery_retention_days or of sources no
-- longer configured.
CREATE TABLE discovery_source_validators (
    id            TEXT NOT NULL PRIMARY KEY,
    profile_id    TEXT NOT NULL REFERENCES profile_settings (profile_id) ON DELETE CASCADE,
    url           TEXT NOT NULL,
    etag          TEXT,
    last_modified TEXT,
    updated_at    TEXT NOT NULL,
    UNIQUE (profile_id, url),
    CHECK (etag IS NOT NULL OR last_modified IS NOT NULL)
);
-- Retention deletes by age across a whole profile.
CREATE INDEX idx_discovery_source_validators_age ON discovery_source_validators (profile_id, updated_at);
