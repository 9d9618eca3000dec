-- Keyward's addition for the browser runner: the Chromium or Chrome executable it starts. Empty means
-- search (KEYWARD_CHROMIUM, then system browsers, then Playwright's cache); never a download.
ALTER TABLE profile_settings ADD COLUMN browser_executable TEXT;
