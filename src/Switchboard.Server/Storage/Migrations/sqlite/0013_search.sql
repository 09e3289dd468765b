-- Issue 20, search. Full-text indexes over message text and contact names and emails (SQLite FTS5).
-- External-content tables: the text stays in messages/contacts once, the index holds only tokens, and snippets are cut
-- by the server from the row itself. Triggers keep each index in the statement that writes its row, so a message's
-- write transaction gains no statement and no round trip (docs/benchmarks.md "Search" measures the cost).
-- unicode61 with remove_diacritics 2 folds accents ("cafe" finds "café"); no stemming, like PostgreSQL's 'simple'
-- configuration in the other script, so a query means the same on both databases.
CREATE VIRTUAL TABLE messages_fts USING fts5(text, content='messages', content_rowid='id', tokenize='unicode61 remove_diacritics 2');
CREATE TRIGGER messages_fts_insert AFTER INSERT ON messages BEGIN
    INSERT INTO messages_fts (rowid, text) VALUES (new.id, new.text);
END;
-- Messages are never edited or deleted today; the index must not drift if they ever are.
CREATE TRIGGER messages_fts_update AFTER UPDATE OF text ON messages BEGIN
    INSERT INTO messages_fts (messages_fts, rowid, text) VALUES ('delete', old.id, old.text);
    INSERT INTO messages_fts (rowid, text) VALUES (new.id, new.text);
END;
CREATE TRIGGER messages_fts_delete AFTER DELETE ON messages BEGIN
    INSERT INTO messages_fts (messages_fts, rowid, text) VALUES ('delete', old.id, old.text);
END;

CREATE VIRTUAL TABLE contacts_fts USING fts5(name, email, content='contacts', content_rowid='id', tokenize='unicode61 remove_diacritics 2');
CREATE TRIGGER contacts_fts_insert AFTER INSERT ON contacts BEGIN
    INSERT INTO contacts_fts (rowid, name, email) VALUES (new.id, new.name, new.email);
END;
-- Only a change of name or email touches the index (the widget's attribute updates do not).
CREATE TRIGGER contacts_fts_update AFTER UPDATE OF name, email ON contacts BEGIN
    INSERT INTO contacts_fts (contacts_fts, rowid, name, email) VALUES ('delete', old.id, old.name, old.email);
    INSERT INTO contacts_fts (rowid, name, email) VALUES (new.id, new.name, new.email);
END;
CREATE TRIGGER contacts_fts_delete AFTER DELETE ON contacts BEGIN
    INSERT INTO contacts_fts (contacts_fts, rowid, name, email) VALUES ('delete', old.id, old.name, old.email);
END;

-- Backfill: index every message and contact stored before this version.
INSERT INTO messages_fts (messages_fts) VALUES ('rebuild');
INSERT INTO contacts_fts (contacts_fts) VALUES ('rebuild');
