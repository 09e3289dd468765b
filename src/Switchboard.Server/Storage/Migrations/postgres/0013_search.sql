-- Issue 20, search. Full-text indexes over message text and contact names and emails (PostgreSQL text search).
-- The 'simple' configuration: no stemming and no stop words. A workspace talks in many languages (the widget speaks
-- en, de, fr, es, pt, ar), so one language's stemmer would be wrong for the others, and SQLite's unicode61 tokenizer
-- (the other script) does not stem either: a query means the same on both databases.
--
-- sb_search_fold folds what the two parsers would otherwise treat differently: accents (as SQLite's
-- remove_diacritics does: "cafe" finds "café") and the punctuation inside e-mail addresses, hosts and file names,
-- which PostgreSQL's parser keeps as one token ("example.com") and SQLite splits into words. translate() maps one
-- character to one, so it is immutable and needs no extension (unaccent is not on every server).
CREATE FUNCTION sb_search_fold(t text) RETURNS text LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
    SELECT translate(t,
        'ÀÁÂÃÄÅÇÈÉÊËÌÍÎÏÑÒÓÔÕÖÙÚÛÜÝàáâãäåçèéêëìíîïñòóôõöùúûüýÿĀāĂăĄąĆćĈĉĊċČčĎďĒēĔĕĖėĘęĚěĜĝĞğĠġĢģĤĥĨĩĪīĬĭĮįİĴĵĶķĹĺĻļĽľŃńŅņŇňŌōŎŏŐőŔŕŖŗŘřŚśŜŝŞşŠšŢţŤťŨũŪūŬŭŮůŰűŲųŴŵŶŷŸŹźŻżŽžƠơƯưǍǎǏǐǑǒǓǔǕǖǗǘǙǚǛǜǞǟǠǡǦǧǨǩǪǫǬǭǰǴǵǸǹǺǻȀȁȂȃȄȅȆȇȈȉȊȋȌȍȎȏȐȑȒȓȔȕȖȗȘșȚțȞȟȦȧȨȩȪȫȬȭȮȯȰȱȲȳ.@/:_-+',
        'AAAAAACEEEEIIIINOOOOOUUUUYaaaaaaceeeeiiiinooooouuuuyyAaAaAaCcCcCcCcDdEeEeEeEeEeGgGgGgGgHhIiIiIiIiIJjKkLlLlLlNnNnNnOoOoOoRrRrRrSsSsSsSsTtTtUuUuUuUuUuUuWwYyYZzZzZzOoUuAaIiOoUuUuUuUuUuAaAaGgKkOoOojGgNnAaAaAaEeEeIiIiOoOoRrRrUuUuSsTtHhAaEeOoOoOoOoYy       ')
$$;

-- A stored generated column: computed inside the INSERT (no extra statement on the message's write path), kept for
-- ts_rank so ranking never re-parses a message. Adding it rewrites the table, which is the backfill.
ALTER TABLE messages ADD COLUMN search_vector tsvector
    GENERATED ALWAYS AS (to_tsvector('simple'::regconfig, sb_search_fold(text))) STORED;
CREATE INDEX ix_messages_search ON messages USING gin (search_vector);

-- Contacts are few next to messages: an expression index is enough (nothing stored), over the same function the
-- search query calls.
CREATE FUNCTION sb_contact_search(name text, email text) RETURNS tsvector LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT to_tsvector('simple'::regconfig, sb_search_fold(coalesce(name, '') || ' ' || coalesce(email, '')))
$$;
CREATE INDEX ix_contacts_search ON contacts USING gin (sb_contact_search(name, email));
