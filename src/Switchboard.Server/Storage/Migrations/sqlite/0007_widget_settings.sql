-- Issue 19, the widget on any website. Per widget inbox: its settings as JSON (allowed origins, look, pre-chat
-- fields, identity verification, business hours; null = defaults) and the identity-verification secret (Data
-- Protection ciphertext; null = none issued yet). Per contact: the custom attributes a host page sets (JSON object).
-- Per event: the inbox an inbox-wide event is about (inbox.updated), so its public copy reaches that inbox's visitors.
ALTER TABLE inboxes ADD COLUMN widget_settings TEXT;
ALTER TABLE inboxes ADD COLUMN identity_secret TEXT;
ALTER TABLE contacts ADD COLUMN attributes TEXT;
ALTER TABLE events ADD COLUMN inbox_id BIGINT;
