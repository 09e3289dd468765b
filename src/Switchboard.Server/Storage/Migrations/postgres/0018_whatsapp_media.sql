-- Issue 17, WhatsApp media out: a team message with attachments goes to WhatsApp as several Cloud API messages (one per
-- file, and the text on its own when it cannot be a caption). Each part's uploaded media id and wamid are recorded as
-- soon as the Graph API answers, so a retried send job resumes after the parts already sent (nothing twice), and a
-- status callback for any part's wamid finds its message. Times are Unix ms.
CREATE TABLE whatsapp_outbound_parts (
    message_id BIGINT NOT NULL REFERENCES messages(id),
    part INTEGER NOT NULL,
    workspace_id BIGINT NOT NULL REFERENCES workspaces(id),
    inbox_id BIGINT NOT NULL REFERENCES inboxes(id),
    attachment_id BIGINT,
    media_id TEXT,
    wamid TEXT,
    updated_at BIGINT NOT NULL,
    PRIMARY KEY (message_id, part)
);
CREATE INDEX ix_whatsapp_outbound_parts_wamid ON whatsapp_outbound_parts(workspace_id, wamid) WHERE wamid IS NOT NULL;
