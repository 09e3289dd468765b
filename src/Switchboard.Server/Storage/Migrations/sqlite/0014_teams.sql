-- Issue 20, teams. A team is a named group of members; an inbox belongs to at most one team (inboxes.team_id, NULL:
-- every member sees its conversations, as before teams existed). Operators see the conversations of inboxes with no
-- team and of their teams' inboxes; admins see all (Switchboard.Core/Teams/TeamVisibility.cs).
CREATE TABLE teams (
    id INTEGER PRIMARY KEY,
    workspace_id INTEGER NOT NULL REFERENCES workspaces(id),
    name TEXT NOT NULL,
    -- The trimmed, lower-cased name: names are unique per workspace regardless of case.
    name_key TEXT NOT NULL,
    version INTEGER NOT NULL DEFAULT 1,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    UNIQUE (workspace_id, name_key)
);

CREATE TABLE team_members (
    team_id INTEGER NOT NULL REFERENCES teams(id),
    member_id INTEGER NOT NULL REFERENCES members(id),
    PRIMARY KEY (team_id, member_id)
);
CREATE INDEX ix_team_members_member ON team_members(member_id);

ALTER TABLE inboxes ADD COLUMN team_id INTEGER REFERENCES teams(id);

-- Streams decide visibility by the event's inbox: conversation and message events appended before this migration
-- carried none, so they learn it from their conversation (a conversation never changes inbox).
UPDATE events SET inbox_id = (SELECT c.inbox_id FROM conversations c WHERE c.id = events.conversation_id)
WHERE conversation_id IS NOT NULL AND inbox_id IS NULL;
