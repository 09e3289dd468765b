-- Issue 17, attachments. A file uploaded into a conversation (client_attachment_id makes a retried upload store once),
-- referenced by at most one message (message_id, set in the message's write transaction; NULL: not sent yet, an
-- orphan once older than Attachments:OrphanAfter). The bytes live in a blob store, content-addressed: sha256 is the key
-- of the stored original (images are re-encoded without metadata, so it is the hash of what is served),
-- thumbnail_sha256 of the thumbnail, upload_sha256 the hash of the bytes received (a replay compares it).
-- uploader_role/uploader_id: who uploaded (customer + contact id, operator + member id): a visitor links only its own
-- unsent uploads. status: ready, pending (a channel download not finished), failed. Times are Unix ms.
CREATE TABLE attachments (
    id INTEGER PRIMARY KEY,
    workspace_id INTEGER NOT NULL REFERENCES workspaces(id),
    conversation_id INTEGER NOT NULL REFERENCES conversations(id),
    client_attachment_id TEXT NOT NULL,
    message_id INTEGER REFERENCES messages(id),
    position INTEGER NOT NULL DEFAULT 0,
    uploader_role TEXT NOT NULL,
    uploader_id INTEGER,
    file_name TEXT NOT NULL,
    content_type TEXT NOT NULL,
    size INTEGER NOT NULL,
    width INTEGER,
    height INTEGER,
    sha256 TEXT,
    thumbnail_sha256 TEXT,
    upload_sha256 TEXT,
    status TEXT NOT NULL,
    error TEXT,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    UNIQUE (conversation_id, client_attachment_id)
);
CREATE INDEX ix_attachments_message ON attachments(message_id) WHERE message_id IS NOT NULL;
-- The cleanup job finds unsent uploads by age, and blobs nobody references by key.
CREATE INDEX ix_attachments_unsent ON attachments(created_at) WHERE message_id IS NULL;
CREATE INDEX ix_attachments_sha256 ON attachments(sha256);
CREATE INDEX ix_attachments_thumbnail ON attachments(thumbnail_sha256) WHERE thumbnail_sha256 IS NOT NULL;

-- Every stored blob, whatever the backend: the cleanup job deletes the ones no attachment references once they are
-- older than the orphan age (touched_at is renewed whenever an upload stores the same bytes again, so a blob being
-- referenced right now is never taken). data holds the bytes with Attachments:Store = database, else NULL.
CREATE TABLE blobs (
    sha256 TEXT PRIMARY KEY,
    size INTEGER NOT NULL,
    touched_at INTEGER NOT NULL,
    data BLOB
);

-- The key that signs attachment download links, shared by every node (protected with Data Protection, whose key ring
-- is in data_protection_keys).
CREATE TABLE signing_keys (
    name TEXT PRIMARY KEY,
    protected_key TEXT NOT NULL,
    created_at INTEGER NOT NULL
);
