-- Issue 20, CSAT. One row per resolution of a conversation that asked for a rating (the request); rating, comment and
-- rated_at stay null until the customer answers. resolution_seq is the seq of the event that resolved it, so a
-- conversation reopened and resolved again asks again, and a replayed resolve never asks twice. assignee_id is the
-- assignee at resolution (the operator the rating counts for) and inbox_id the inbox then (its team, once inboxes
-- have one, groups the statistics). Times are Unix ms.
CREATE TABLE csat_ratings (
    id INTEGER PRIMARY KEY,
    workspace_id INTEGER NOT NULL REFERENCES workspaces(id),
    conversation_id INTEGER NOT NULL REFERENCES conversations(id),
    contact_id INTEGER NOT NULL,
    inbox_id INTEGER NOT NULL,
    channel TEXT NOT NULL,
    assignee_id INTEGER,
    resolution_seq INTEGER NOT NULL,
    requested_at INTEGER NOT NULL,
    rating INTEGER,
    comment TEXT,
    rated_at INTEGER,
    updated_at INTEGER NOT NULL,
    version INTEGER NOT NULL,
    UNIQUE (conversation_id, resolution_seq)
);
-- The statistics read the ratings given in a period.
CREATE INDEX ix_csat_ratings_rated ON csat_ratings(workspace_id, rated_at) WHERE rated_at IS NOT NULL;
CREATE INDEX ix_csat_ratings_contact ON csat_ratings(workspace_id, contact_id);
