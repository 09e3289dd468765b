-- API keys for integrations and the FAQ entries the knowledge-base bot answers from.
CREATE TABLE api_keys (
    id INTEGER PRIMARY KEY,
    workspace_id INTEGER NOT NULL REFERENCES workspaces(id),
    name TEXT NOT NULL,
    prefix TEXT NOT NULL,
    key_hash TEXT NOT NULL UNIQUE,
    role TEXT NOT NULL,
    created_by INTEGER REFERENCES members(id),
    created_at INTEGER NOT NULL,
    last_used_at INTEGER,
    revoked_at INTEGER
);
CREATE INDEX ix_api_keys_workspace ON api_keys(workspace_id);

CREATE TABLE faq_entries (
    id INTEGER PRIMARY KEY,
    workspace_id INTEGER NOT NULL REFERENCES workspaces(id),
    question TEXT NOT NULL,
    answer TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL
);
CREATE INDEX ix_faq_entries_workspace ON faq_entries(workspace_id);

-- Read markers: how far each side has read, so receipts only ever move forward.
ALTER TABLE conversations ADD COLUMN team_read_ordinal INTEGER NOT NULL DEFAULT 0;
ALTER TABLE conversations ADD COLUMN contact_read_ordinal INTEGER NOT NULL DEFAULT 0;
ALTER TABLE conversations ADD COLUMN contact_delivered_ordinal INTEGER NOT NULL DEFAULT 0;
