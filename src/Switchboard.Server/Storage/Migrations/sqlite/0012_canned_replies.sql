-- Issue 20, canned replies. A reply belongs to a scope: 'workspace' (owner_id 0: every member uses it, admins
-- manage it) or 'personal' (owner_id = the member: only they see, use and manage it). A later 'team' scope stores
-- the team's id in owner_id, so the meaning of the columns never changes. A short code is unique within its scope
-- and owner; it is stored lower-case.
CREATE TABLE canned_replies (
    id INTEGER PRIMARY KEY,
    workspace_id INTEGER NOT NULL REFERENCES workspaces(id),
    scope TEXT NOT NULL,
    owner_id INTEGER NOT NULL DEFAULT 0,
    short_code TEXT NOT NULL,
    title TEXT NOT NULL,
    body TEXT NOT NULL,
    version INTEGER NOT NULL,
    created_by INTEGER,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    UNIQUE (workspace_id, scope, owner_id, short_code)
);
-- Per event: the one member who may receive it (a personal canned reply's changes); null = the whole team.
ALTER TABLE events ADD COLUMN member_id INTEGER;
