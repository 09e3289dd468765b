-- Issue 20, snooze. A conversation sleeps until a time (snoozed_until, Unix ms) or until the customer writes
-- (snooze_until_reply); wake_reason is the marker it comes back with (snooze_ended, customer_replied) until someone
-- deals with it. Its state, assignee and queued_at stay as they were, so it wakes exactly where it slept.
ALTER TABLE conversations ADD COLUMN snoozed_until INTEGER;
ALTER TABLE conversations ADD COLUMN snooze_until_reply INTEGER NOT NULL DEFAULT 0;
ALTER TABLE conversations ADD COLUMN wake_reason TEXT;
-- The "Snoozed" list: few rows, so a partial index keeps it cheap without weighing on every other write.
CREATE INDEX ix_conversations_snoozed ON conversations(workspace_id, activity_at) WHERE snoozed_until IS NOT NULL OR snooze_until_reply;
