-- Keyward's additions for the optional LLM (DESIGN section 7): an OpenAI-compatible endpoint and
-- model. Its API key is a vault secret (name in llm_api_key_secret), never a settings column.
ALTER TABLE profile_settings ADD COLUMN llm_base_url TEXT;
ALTER TABLE profile_settings ADD COLUMN llm_model TEXT;
ALTER TABLE profile_settings ADD COLUMN llm_api_key_secret TEXT;
