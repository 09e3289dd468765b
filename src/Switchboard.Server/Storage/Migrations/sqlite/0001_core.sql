-- Workspaces, members, sessions, inboxes, contacts, conversations, messages and the event log.
-- Timestamps are Unix milliseconds (INTEGER) so both databases compare and index them the same way.
CREATE TABLE workspaces (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    settings TEXT NOT NULL,
    last_seq INTEGER NOT NULL DEFAULT 0,
    min_seq INTEGER NOT NULL DEFAULT 0,
    visitor_secret TEXT NOT NULL,
    created_at INTEGER NOT NULL
);

CREATE TABLE members (
    id INTEGER PRIMARY KEY,
    workspace_id INTEGER NOT NULL REFERENCES workspaces(id),
    email TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    role TEXT NOT NULL,
    password_hash TEXT,
    active INTEGER NOT NULL DEFAULT 1,
    capacity INTEGER NOT NULL DEFAULT 5,
    presence TEXT NOT NULL DEFAULT 'offline',
    last_activity_at INTEGER,
    total_messages INTEGER NOT NULL DEFAULT 0,
    version INTEGER NOT NULL DEFAULT 1,
    created_at INTEGER NOT NULL
);
CREATE INDEX ix_members_workspace ON members(workspace_id);

CREATE TABLE member_sessions (
    token_hash TEXT PRIMARY KEY,
    member_id INTEGER NOT NULL REFERENCES members(id),
    workspace_id INTEGER NOT NULL REFERENCES workspaces(id),
    created_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL
);

CREATE TABLE inboxes (
    id INTEGER PRIMARY KEY,
    workspace_id INTEGER NOT NULL REFERENCES workspaces(id),
    name TEXT NOT NULL,
    channel TEXT NOT NULL,
    public_token TEXT NOT NULL UNIQUE,
    created_at INTEGER NOT NULL
);

CREATE TABLE contacts (
    id INTEGER PRIMARY KEY,
    workspace_id INTEGER NOT NULL REFERENCES workspaces(id),
    name TEXT,
    email TEXT,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL
);
CREATE INDEX ix_contacts_workspace ON contacts(workspace_id);

CREATE TABLE contact_identities (
    workspace_id INTEGER NOT NULL REFERENCES workspaces(id),
    channel TEXT NOT NULL,
    external_id TEXT NOT NULL,
    contact_id INTEGER NOT NULL REFERENCES contacts(id),
    PRIMARY KEY (workspace_id, channel, external_id)
);

CREATE TABLE conversations (
    id INTEGER PRIMARY KEY,
    workspace_id INTEGER NOT NULL REFERENCES workspaces(id),
    inbox_id INTEGER NOT NULL REFERENCES inboxes(id),
    contact_id INTEGER NOT NULL REFERENCES contacts(id),
    state TEXT NOT NULL,
    bot_active INTEGER NOT NULL,
    assignee_id INTEGER REFERENCES members(id),
    message_count INTEGER NOT NULL DEFAULT 0,
    last_message_at INTEGER,
    last_message_preview TEXT,
    -- Sort key of inbox lists: the newest message, or creation while there is none.
    activity_at INTEGER NOT NULL,
    unread_count INTEGER NOT NULL DEFAULT 0,
    contact_unread_count INTEGER NOT NULL DEFAULT 0,
    handoff_reason TEXT,
    last_customer_seq INTEGER NOT NULL DEFAULT 0,
    queued_at INTEGER,
    version INTEGER NOT NULL,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL
);
CREATE INDEX ix_conversations_activity ON conversations(workspace_id, activity_at DESC, id DESC);
CREATE INDEX ix_conversations_queue ON conversations(workspace_id, state, queued_at);
CREATE INDEX ix_conversations_contact ON conversations(contact_id);

CREATE TABLE messages (
    id INTEGER PRIMARY KEY,
    workspace_id INTEGER NOT NULL REFERENCES workspaces(id),
    conversation_id INTEGER NOT NULL REFERENCES conversations(id),
    ordinal INTEGER NOT NULL,
    client_message_id TEXT NOT NULL,
    sender_role TEXT NOT NULL,
    sender_id INTEGER,
    sender_name TEXT,
    text TEXT NOT NULL,
    is_note INTEGER NOT NULL DEFAULT 0,
    status TEXT NOT NULL,
    error TEXT,
    handled_by_operator_id INTEGER,
    seq INTEGER NOT NULL,
    version INTEGER NOT NULL,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    UNIQUE (conversation_id, client_message_id),
    UNIQUE (conversation_id, ordinal)
);

CREATE TABLE events (
    workspace_id INTEGER NOT NULL REFERENCES workspaces(id),
    seq INTEGER NOT NULL,
    type TEXT NOT NULL,
    conversation_id INTEGER,
    contact_id INTEGER,
    payload TEXT NOT NULL,
    public_payload TEXT,
    created_at INTEGER NOT NULL,
    PRIMARY KEY (workspace_id, seq)
);

-- Idempotency of PATCH-style writes: a mutationId seen again returns its first result.
CREATE TABLE mutations (
    workspace_id INTEGER NOT NULL REFERENCES workspaces(id),
    mutation_id TEXT NOT NULL,
    target TEXT NOT NULL,
    request_hash TEXT NOT NULL,
    seq INTEGER NOT NULL,
    created_at INTEGER NOT NULL,
    PRIMARY KEY (workspace_id, mutation_id)
);
