-- A conversation's messages in seq order. The statistics facts look for the first operator or customer message of
-- the current episode (seq after the last resolution); without this index each lookup walked every message of the
-- conversation, so each operator reply in a long conversation cost more than the last (found by bench/).
CREATE INDEX ix_messages_conversation_seq ON messages(conversation_id, seq);
