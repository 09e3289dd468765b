-- Issue 13, a lean write transaction. What every write reads and almost none changes (the workspace's settings, its
-- webhook subscriptions, its bot configuration) is kept in memory by each node, tagged with this version. A write
-- reads the version in the statement that takes the workspace's row lock, so it never uses a copy older than what it
-- may see; a write that changes configuration sets a fresh random version, never reused, so not even a rolled-back
-- change can make a stale copy look current.
ALTER TABLE workspaces ADD COLUMN config_version INTEGER NOT NULL DEFAULT 0;
