-- WhatsApp Cloud API channel: what kind of message a row is, the channel's own id for it (the wamid), one row of
-- settings per WhatsApp inbox (secrets as Data Protection ciphertext), the raw webhook payloads as received, and
-- status callbacks that arrived before the send that produced their wamid was recorded.

-- kind: text, image, audio, video, document, sticker, location, contacts, reaction, template, ...; details: JSON of a
-- non-text message (template name, language and parameters; coordinates; file name), null for text.
ALTER TABLE messages ADD COLUMN kind TEXT NOT NULL DEFAULT 'text';
ALTER TABLE messages ADD COLUMN media_id TEXT;
ALTER TABLE messages ADD COLUMN details TEXT;
ALTER TABLE messages ADD COLUMN external_id TEXT;
CREATE INDEX ix_messages_external ON messages(workspace_id, external_id) WHERE external_id IS NOT NULL;

CREATE TABLE whatsapp_inboxes (
    inbox_id INTEGER PRIMARY KEY REFERENCES inboxes(id),
    workspace_id INTEGER NOT NULL REFERENCES workspaces(id),
    phone_number_id TEXT NOT NULL UNIQUE,
    graph_base_url TEXT NOT NULL,
    access_token TEXT NOT NULL,
    app_secret TEXT NOT NULL,
    verify_token TEXT NOT NULL,
    updated_at INTEGER NOT NULL
);
CREATE INDEX ix_whatsapp_inboxes_workspace ON whatsapp_inboxes(workspace_id);

CREATE TABLE whatsapp_webhooks (
    id INTEGER PRIMARY KEY,
    workspace_id INTEGER NOT NULL REFERENCES workspaces(id),
    inbox_id INTEGER NOT NULL REFERENCES inboxes(id),
    body TEXT NOT NULL,
    received_at INTEGER NOT NULL,
    processed_at INTEGER
);
CREATE INDEX ix_whatsapp_webhooks_received ON whatsapp_webhooks(received_at);

CREATE TABLE whatsapp_orphan_statuses (
    id INTEGER PRIMARY KEY,
    workspace_id INTEGER NOT NULL REFERENCES workspaces(id),
    inbox_id INTEGER NOT NULL REFERENCES inboxes(id),
    wamid TEXT NOT NULL,
    status TEXT NOT NULL,
    error TEXT,
    received_at INTEGER NOT NULL
);
CREATE INDEX ix_whatsapp_orphan_statuses_wamid ON whatsapp_orphan_statuses(workspace_id, wamid);
CREATE INDEX ix_whatsapp_orphan_statuses_received ON whatsapp_orphan_statuses(received_at);
