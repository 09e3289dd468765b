-- Operator workflow: durable jobs, automatic assignment, statistics facts and rollups, outgoing webhooks.

-- Work that leaves the request (webhooks, rollups, sweeps) is a row written in the same transaction as its cause.
-- state: pending | running | succeeded | dead. A running row whose lease (locked_until) expired is claimable again.
CREATE TABLE jobs (
    id INTEGER PRIMARY KEY,
    workspace_id INTEGER REFERENCES workspaces(id),
    kind TEXT NOT NULL,
    payload TEXT NOT NULL,
    state TEXT NOT NULL,
    attempts INTEGER NOT NULL DEFAULT 0,
    max_attempts INTEGER NOT NULL,
    run_at INTEGER NOT NULL,
    locked_by TEXT,
    locked_until INTEGER,
    last_error TEXT,
    -- Periodic jobs name their time slot here, so several nodes enqueue a slot only once.
    dedupe_key TEXT UNIQUE,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    completed_at INTEGER
);
CREATE INDEX ix_jobs_due ON jobs(state, run_at);
CREATE INDEX ix_jobs_workspace ON jobs(workspace_id, state, id);

-- Round-robin position of automatic assignment: the seq of the member's latest automatic assignment.
ALTER TABLE members ADD COLUMN last_assigned_seq INTEGER NOT NULL DEFAULT 0;
CREATE INDEX ix_conversations_assignee ON conversations(assignee_id, state);

-- Facts the daily rollups need that messages alone do not keep: first responses, resolutions, handoffs.
CREATE TABLE stats_facts (
    id INTEGER PRIMARY KEY,
    workspace_id INTEGER NOT NULL REFERENCES workspaces(id),
    conversation_id INTEGER NOT NULL REFERENCES conversations(id),
    kind TEXT NOT NULL,
    member_id INTEGER,
    seq INTEGER NOT NULL,
    at INTEGER NOT NULL,
    duration_ms INTEGER,
    human INTEGER
);
CREATE INDEX ix_stats_facts_day ON stats_facts(workspace_id, at);
CREATE INDEX ix_stats_facts_conversation ON stats_facts(conversation_id, kind, seq);
CREATE INDEX ix_messages_created ON messages(workspace_id, created_at);

-- One row per closed local day per member, and member_id 0 for the whole workspace.
CREATE TABLE stats_daily (
    workspace_id INTEGER NOT NULL REFERENCES workspaces(id),
    day TEXT NOT NULL,
    member_id INTEGER NOT NULL,
    messages_sent INTEGER NOT NULL,
    bot_messages INTEGER NOT NULL,
    customer_messages INTEGER NOT NULL,
    conversations_handled INTEGER NOT NULL,
    new_conversations INTEGER NOT NULL,
    first_responses INTEGER NOT NULL,
    first_response_median_ms INTEGER,
    first_response_p90_ms INTEGER,
    resolved INTEGER NOT NULL,
    resolved_without_human INTEGER NOT NULL,
    resolution_median_ms INTEGER,
    resolution_p90_ms INTEGER,
    handoffs INTEGER NOT NULL,
    bot_conversations INTEGER NOT NULL,
    PRIMARY KEY (workspace_id, day, member_id)
);

CREATE TABLE stats_days (
    workspace_id INTEGER NOT NULL REFERENCES workspaces(id),
    day TEXT NOT NULL,
    day_start INTEGER NOT NULL,
    day_end INTEGER NOT NULL,
    closed_at INTEGER NOT NULL,
    PRIMARY KEY (workspace_id, day)
);

CREATE TABLE webhook_subscriptions (
    id INTEGER PRIMARY KEY,
    workspace_id INTEGER NOT NULL REFERENCES workspaces(id),
    url TEXT NOT NULL,
    event_types TEXT NOT NULL,
    secret TEXT NOT NULL,
    active INTEGER NOT NULL,
    created_by INTEGER REFERENCES members(id),
    created_at INTEGER NOT NULL,
    deleted_at INTEGER
);
CREATE INDEX ix_webhook_subscriptions_workspace ON webhook_subscriptions(workspace_id);

CREATE TABLE webhook_deliveries (
    id INTEGER PRIMARY KEY,
    workspace_id INTEGER NOT NULL REFERENCES workspaces(id),
    subscription_id INTEGER NOT NULL REFERENCES webhook_subscriptions(id),
    job_id INTEGER NOT NULL,
    event_seq INTEGER NOT NULL,
    event_type TEXT NOT NULL,
    attempt INTEGER NOT NULL,
    status_code INTEGER,
    succeeded INTEGER NOT NULL,
    error TEXT,
    duration_ms INTEGER NOT NULL,
    created_at INTEGER NOT NULL
);
CREATE INDEX ix_webhook_deliveries_subscription ON webhook_deliveries(subscription_id, id);
