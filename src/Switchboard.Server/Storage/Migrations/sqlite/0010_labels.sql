-- Issue 20, labels. A workspace's labels; a conversation's labels are part of its snapshot (label_ids: ascending ids,
-- comma-separated, '' for none), so every conversation.updated carries them without a join on the message path.
CREATE TABLE labels (
    id INTEGER PRIMARY KEY,
    workspace_id INTEGER NOT NULL REFERENCES workspaces(id),
    name TEXT NOT NULL,
    -- The trimmed, lower-cased name: names are unique per workspace regardless of case.
    name_key TEXT NOT NULL,
    colour TEXT NOT NULL,
    description TEXT,
    version INTEGER NOT NULL DEFAULT 1,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    UNIQUE (workspace_id, name_key)
);

ALTER TABLE conversations ADD COLUMN label_ids TEXT NOT NULL DEFAULT '';
