-- Bots: per-workspace configuration with per-inbox overrides, a revision that moves with every FAQ change (so each
-- node can tell cheaply whether its knowledge-base index is current), and the Data Protection key ring that
-- encrypts the bots' secrets, shared by every node through the database.

-- inbox_id NULL is the workspace's configuration; a row with an inbox overrides it field by field.
-- settings is JSON without secrets; llm_api_key and external_secret are Data Protection ciphertexts.
CREATE TABLE bot_configs (
    id INTEGER PRIMARY KEY,
    workspace_id INTEGER NOT NULL REFERENCES workspaces(id),
    inbox_id INTEGER REFERENCES inboxes(id),
    settings TEXT NOT NULL,
    llm_api_key TEXT,
    external_secret TEXT,
    version INTEGER NOT NULL,
    updated_at INTEGER NOT NULL
);
CREATE UNIQUE INDEX ux_bot_configs_scope ON bot_configs(workspace_id, COALESCE(inbox_id, 0));

ALTER TABLE workspaces ADD COLUMN faq_revision INTEGER NOT NULL DEFAULT 0;

CREATE TABLE data_protection_keys (
    id INTEGER PRIMARY KEY,
    friendly_name TEXT NOT NULL,
    xml TEXT NOT NULL,
    created_at INTEGER NOT NULL
);
