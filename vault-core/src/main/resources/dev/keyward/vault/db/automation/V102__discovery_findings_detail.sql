-- Keyward's additions for discovery (issue 6), beside seed 002 sections 3.3 and 2.1:
-- why a finding scored its relevance, what kind of source it came from, when the source
-- published it, and the optional SearXNG-compatible search endpoint of the profile.
ALTER TABLE discovery_findings ADD COLUMN relevance_reason TEXT;
ALTER TABLE discovery_findings ADD COLUMN source_kind TEXT
    CHECK (source_kind IN ('changelog_feed', 'status_incident', 'status_maintenance', 'web_search'));
ALTER TABLE discovery_findings ADD COLUMN published_at TEXT;
ALTER TABLE profile_settings ADD COLUMN discovery_search_url TEXT;
