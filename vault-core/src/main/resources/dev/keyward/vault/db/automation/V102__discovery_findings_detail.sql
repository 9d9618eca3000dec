-- Keyward's additions for discovery (issue 6), beside seed 002 sections 3.3 and 2.1:
-- why a finding scored its relevance, what kind of source it came from, when the source
-- published it, and the optional SearXNG-compatible search endpoint of the profile.
ALTER TABLE discovery_findings ADD COLUMN relevance_reason TEXT;
ALTER TABLE discovery_findings ADD COLUMN source_kind TEXT
    CHECK (source_kind IN ('changelog_feed', 'status_incident', 'status_maintenance', 'web_search'));
ALTER TABLE discovery_findings ADD COLUMN published_at TEXT;
ALTER TABLE profile_settings ADD COLUMN discovery_search_url TEXT;

-- The inbox order: most urgent first, then newest. FindingRepository repeats this CASE
-- expression verbatim so SQLite reads pages straight off the index instead of sorting.
CREATE INDEX idx_discovery_findings_inbox ON discovery_findings (profile_id,
    (CASE urgency WHEN 'critical' THEN 3 WHEN 'action_needed' THEN 2 WHEN 'advisory' THEN 1 ELSE 0 END) DESC,
    discovered_at DESC, id DESC);
CREATE INDEX idx_discovery_findings_status_inbox ON discovery_findings (profile_id, user_status,
    (CASE urgency WHEN 'critical' THEN 3 WHEN 'action_needed' THEN 2 WHEN 'advisory' THEN 1 ELSE 0 END) DESC,
    discovered_at DESC, id DESC);
