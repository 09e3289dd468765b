-- Issue 21, semantic retrieval. The sentence embeddings of a workspace's FAQ texts (an entry's question, its question
-- with its answer), keyed by the model that computed them and a hash of the text: a restart reads them instead of
-- embedding again, an edited text gets a new hash, another model (a package upgrade) gets new rows. Derived data,
-- rebuilt on demand by whichever node needs it first; vector is little-endian float32.
CREATE TABLE faq_embeddings (
    workspace_id BIGINT NOT NULL REFERENCES workspaces(id),
    model TEXT NOT NULL,
    text_hash TEXT NOT NULL,
    vector BYTEA NOT NULL,
    PRIMARY KEY (workspace_id, model, text_hash)
);

-- Other ways customers ask an entry's question (operators add them after answering a handed-off question): a JSON
-- array of strings, null for none. Each is embedded like the question.
ALTER TABLE faq_entries ADD COLUMN phrasings TEXT;
