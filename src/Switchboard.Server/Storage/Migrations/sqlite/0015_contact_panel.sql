-- Issue 20, the contact's side panel. A contact gets a version (its contact.updated events carry it, so a late copy
-- never wins), the page its widget last reported (URL, title, browser language and time zone, when), and, once merged
-- into another contact, the id of the contact it lives on in (merged_into_id): the row stays so an old visitor session
-- can be re-pointed and a repeated merge answers as before; lists and search skip it.
ALTER TABLE contacts ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
ALTER TABLE contacts ADD COLUMN merged_into_id INTEGER REFERENCES contacts(id);
ALTER TABLE contacts ADD COLUMN page_url TEXT;
ALTER TABLE contacts ADD COLUMN page_title TEXT;
ALTER TABLE contacts ADD COLUMN page_language TEXT;
ALTER TABLE contacts ADD COLUMN page_time_zone TEXT;
ALTER TABLE contacts ADD COLUMN page_seen_at INTEGER;
-- Email conflicts are checked on the normalised (lower-case) address among contacts not merged away.
CREATE INDEX ix_contacts_email ON contacts(workspace_id, email);
