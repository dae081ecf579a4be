// The SQLite schema as an ordered history. A released migration is never edited: change the schema by appending one.
import type Database from 'better-sqlite3';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

// Spans are stored as (x_start, x_end, x_text) column triples; a nullable span is null in all three.
// Every list keeps its position in `seq` so a record reads back in the order it was put.
// Within an article, ids are the record's local ids (a1, q1, e1, s1); cross references are composite foreign keys.
// Enumerations (actor type, PLOVER type, modality, quote kind) are validated by the contract, not by CHECKs,
// because a CHECK in SQLite can only be changed by rebuilding the table.
export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'initial schema',
    sql: `
      CREATE TABLE articles (
        id TEXT PRIMARY KEY,
        source TEXT NOT NULL,
        title TEXT,
        published TEXT,
        outlet TEXT,
        url TEXT,
        byline TEXT,
        language TEXT NOT NULL,
        text TEXT NOT NULL,
        ingested_at TEXT NOT NULL
      );
      CREATE INDEX articles_by_published ON articles (published);

      CREATE TABLE actors (
        article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
        local_id TEXT NOT NULL,
        seq INTEGER NOT NULL,
        name TEXT NOT NULL,
        name_key TEXT NOT NULL,
        type TEXT NOT NULL,
        country TEXT,
        roles TEXT NOT NULL CHECK (json_valid(roles) AND json_type(roles) = 'array'),
        PRIMARY KEY (article_id, local_id)
      );
      CREATE INDEX actors_by_name_key ON actors (name_key);

      CREATE TABLE mentions (
        article_id TEXT NOT NULL,
        actor_id TEXT NOT NULL,
        seq INTEGER NOT NULL,
        span_start INTEGER NOT NULL,
        span_end INTEGER NOT NULL CHECK (span_end >= span_start),
        span_text TEXT NOT NULL,
        text_key TEXT NOT NULL,
        PRIMARY KEY (article_id, actor_id, seq),
        FOREIGN KEY (article_id, actor_id) REFERENCES actors (article_id, local_id) ON DELETE CASCADE
      );
      CREATE INDEX mentions_by_text_key ON mentions (text_key);

      CREATE TABLE quotes (
        article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
        local_id TEXT NOT NULL,
        seq INTEGER NOT NULL,
        kind TEXT NOT NULL,
        content_start INTEGER NOT NULL,
        content_end INTEGER NOT NULL CHECK (content_end >= content_start),
        content_text TEXT NOT NULL,
        speaker_id TEXT,
        speaker_mention_start INTEGER,
        speaker_mention_end INTEGER,
        speaker_mention_text TEXT,
        cue_start INTEGER,
        cue_end INTEGER,
        cue_text TEXT,
        PRIMARY KEY (article_id, local_id),
        FOREIGN KEY (article_id, speaker_id) REFERENCES actors (article_id, local_id) ON DELETE CASCADE
      );
      CREATE INDEX quotes_by_speaker ON quotes (article_id, speaker_id);

      CREATE TABLE events (
        article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
        local_id TEXT NOT NULL,
        seq INTEGER NOT NULL,
        type TEXT NOT NULL,
        mode TEXT,
        location TEXT,
        date TEXT,
        negated INTEGER NOT NULL CHECK (negated IN (0, 1)),
        modality TEXT NOT NULL,
        evidence_start INTEGER NOT NULL,
        evidence_end INTEGER NOT NULL CHECK (evidence_end >= evidence_start),
        evidence_text TEXT NOT NULL,
        PRIMARY KEY (article_id, local_id)
      );
      CREATE INDEX events_by_type ON events (type);

      CREATE TABLE event_participants (
        article_id TEXT NOT NULL,
        event_id TEXT NOT NULL,
        role TEXT NOT NULL CHECK (role IN ('source', 'target')),
        seq INTEGER NOT NULL,
        actor_id TEXT NOT NULL,
        PRIMARY KEY (article_id, event_id, role, seq),
        FOREIGN KEY (article_id, event_id) REFERENCES events (article_id, local_id) ON DELETE CASCADE,
        FOREIGN KEY (article_id, actor_id) REFERENCES actors (article_id, local_id) ON DELETE CASCADE
      );
      CREATE INDEX event_participants_by_actor ON event_participants (article_id, actor_id);

      CREATE TABLE stances (
        article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
        local_id TEXT NOT NULL,
        seq INTEGER NOT NULL,
        holder_id TEXT NOT NULL,
        issue TEXT NOT NULL,
        polarity TEXT NOT NULL CHECK (polarity IN ('support', 'oppose')),
        evidence_start INTEGER NOT NULL,
        evidence_end INTEGER NOT NULL CHECK (evidence_end >= evidence_start),
        evidence_text TEXT NOT NULL,
        quote_id TEXT,
        PRIMARY KEY (article_id, local_id),
        FOREIGN KEY (article_id, holder_id) REFERENCES actors (article_id, local_id) ON DELETE CASCADE,
        FOREIGN KEY (article_id, quote_id) REFERENCES quotes (article_id, local_id) ON DELETE CASCADE
      );
      CREATE INDEX stances_by_holder ON stances (article_id, holder_id);
      CREATE INDEX stances_by_quote ON stances (article_id, quote_id);
      CREATE INDEX stances_by_issue ON stances (issue);

      -- One index for articles and quotes so that bm25 ranks both kinds in a single query.
      -- kind = 'article': title + body (the text); kind = 'quote': body (the content) + speaker (the actor's name).
      CREATE VIRTUAL TABLE search_index USING fts5 (
        title, body, speaker,
        kind UNINDEXED, article_id UNINDEXED, quote_id UNINDEXED,
        tokenize = 'porter unicode61 remove_diacritics 2'
      );
      -- FTS5 tables take no part in foreign keys, so deleting an article has to clear its entries itself.
      CREATE TRIGGER articles_clear_search AFTER DELETE ON articles BEGIN
        DELETE FROM search_index WHERE article_id = old.id;
      END;
    `,
  },
  {
    version: 2,
    name: 'read paths for the HTTP API: denormalised keys and dates, actor aggregates, paging indexes',
    // Columns copied from other tables at put() time, so that listing and aggregating across 10,000 articles is an
    // index scan rather than a join over every row: the holder's name key and the article's date on stances, the
    // date an event sorts by (its own date, else the article's) and each participant's name key.
    // actor_keys, actor_key_variants and actor_key_roles are per-name-key aggregates kept up to date by put()
    // (in the same transaction) and by the articles_unaggregate_actors trigger on delete.
    sql: `
      ALTER TABLE stances ADD COLUMN holder_key TEXT;
      ALTER TABLE stances ADD COLUMN stance_date TEXT;
      UPDATE stances SET
        holder_key = (SELECT a.name_key FROM actors a WHERE a.article_id = stances.article_id AND a.local_id = stances.holder_id),
        stance_date = (SELECT art.published FROM articles art WHERE art.id = stances.article_id);
      CREATE INDEX stances_by_issue_holder ON stances (issue, holder_key, stance_date, polarity);
      CREATE INDEX stances_by_holder_key ON stances (holder_key, stance_date);

      ALTER TABLE events ADD COLUMN sort_date TEXT;
      UPDATE events SET sort_date = coalesce(date, (SELECT art.published FROM articles art WHERE art.id = events.article_id));
      -- Timelines: oldest first with undated events last, (sort_date IS NULL) first; newest first reads the plain
      -- index backwards, where NULL sorts lowest and so comes last.
      CREATE INDEX events_by_sort_date ON events (sort_date, article_id, seq);
      CREATE INDEX events_by_type_date ON events (type, sort_date, article_id, seq);
      CREATE INDEX events_timeline ON events ((sort_date IS NULL), sort_date, article_id, seq);
      CREATE INDEX events_by_type_timeline ON events (type, (sort_date IS NULL), sort_date, article_id, seq);

      ALTER TABLE event_participants ADD COLUMN actor_key TEXT;
      UPDATE event_participants SET actor_key = (SELECT a.name_key FROM actors a
        WHERE a.article_id = event_participants.article_id AND a.local_id = event_participants.actor_id);
      CREATE INDEX event_participants_by_key ON event_participants (actor_key);

      CREATE INDEX articles_newest_first ON articles (published DESC, ingested_at DESC, id);
      CREATE INDEX actors_with_roles ON actors (name_key) WHERE roles <> '[]';

      CREATE TABLE actor_keys (
        name_key TEXT PRIMARY KEY,
        article_count INTEGER NOT NULL,
        quote_count INTEGER NOT NULL
      );
      CREATE INDEX actor_keys_by_rank ON actor_keys (article_count DESC, quote_count DESC, name_key);
      CREATE TABLE actor_key_variants (
        name_key TEXT NOT NULL,
        name TEXT NOT NULL,
        type TEXT NOT NULL,
        country TEXT NOT NULL, -- '' for none
        n INTEGER NOT NULL,
        PRIMARY KEY (name_key, name, type, country)
      );
      CREATE TABLE actor_key_roles (
        name_key TEXT NOT NULL,
        role TEXT NOT NULL,
        n INTEGER NOT NULL,
        PRIMARY KEY (name_key, role)
      );

      INSERT INTO actor_keys (name_key, article_count, quote_count)
        SELECT a.name_key, count(DISTINCT a.article_id),
          sum((SELECT count(*) FROM quotes q WHERE q.article_id = a.article_id AND q.speaker_id = a.local_id))
        FROM actors a GROUP BY a.name_key;
      INSERT INTO actor_key_variants (name_key, name, type, country, n)
        SELECT name_key, name, type, coalesce(country, ''), count(*) FROM actors GROUP BY 1, 2, 3, 4;
      INSERT INTO actor_key_roles (name_key, role, n)
        SELECT a.name_key, r.value, count(*) FROM actors a, json_each(a.roles) r GROUP BY 1, 2;

      CREATE TRIGGER articles_unaggregate_actors BEFORE DELETE ON articles BEGIN
        UPDATE actor_keys SET
          article_count = article_count - 1,
          quote_count = quote_count - (SELECT count(*) FROM quotes q
            JOIN actors a ON a.article_id = q.article_id AND a.local_id = q.speaker_id
            WHERE q.article_id = old.id AND a.name_key = actor_keys.name_key)
          WHERE name_key IN (SELECT name_key FROM actors WHERE article_id = old.id);
        DELETE FROM actor_keys WHERE article_count <= 0 AND name_key IN (SELECT name_key FROM actors WHERE article_id = old.id);
        UPDATE actor_key_variants SET n = n - (SELECT count(*) FROM actors a WHERE a.article_id = old.id
            AND a.name_key = actor_key_variants.name_key AND a.name = actor_key_variants.name
            AND a.type = actor_key_variants.type AND coalesce(a.country, '') = actor_key_variants.country)
          WHERE name_key IN (SELECT name_key FROM actors WHERE article_id = old.id);
        DELETE FROM actor_key_variants WHERE n <= 0 AND name_key IN (SELECT name_key FROM actors WHERE article_id = old.id);
        UPDATE actor_key_roles SET n = n - (SELECT count(*) FROM actors a, json_each(a.roles) r
            WHERE a.article_id = old.id AND a.name_key = actor_key_roles.name_key AND r.value = actor_key_roles.role)
          WHERE name_key IN (SELECT name_key FROM actors WHERE article_id = old.id);
        DELETE FROM actor_key_roles WHERE n <= 0 AND name_key IN (SELECT name_key FROM actors WHERE article_id = old.id);
      END;
    `,
  },
  {
    version: 3,
    name: 'faster API reads: a quote search index, quote keys and dates, stance cells and issue counts, newest-first indexes',
    // quote_search indexes quotes alone: filtering search_index by its UNINDEXED kind column reads every matching
    // row, whole article texts included, so a quote search on a common word read most of the store.
    // quotes get the speaker's name key and the article's date, like stances in version 2; the stance and quote
    // indexes follow the order the API reads in (newest first: date DESC, article_id DESC, seq), replacing two of
    // version 2's. stance_cells (support and oppose per actor and issue, clustered by issue) and issue_counts
    // answer the stance matrix without reading the stances; put() adds to them in its transaction, and
    // articles_unaggregate (which replaces version 2's articles_unaggregate_actors) takes a deleted article out.
    // Event participants get their event's sort date and a mark on the first row of each actor (by name key) in an
    // event (sources before targets, in order), so that one actor's events come once each, in date order, from an
    // index.
    sql: `
      ALTER TABLE event_participants ADD COLUMN sort_date TEXT;
      ALTER TABLE event_participants ADD COLUMN first_of_key INTEGER NOT NULL DEFAULT 1;
      UPDATE event_participants SET
        sort_date = (SELECT e.sort_date FROM events e
          WHERE e.article_id = event_participants.article_id AND e.local_id = event_participants.event_id),
        first_of_key = NOT EXISTS (SELECT 1 FROM event_participants p2
          WHERE p2.article_id = event_participants.article_id AND p2.event_id = event_participants.event_id
            AND p2.actor_key = event_participants.actor_key
            AND (p2.role < event_participants.role OR (p2.role = event_participants.role AND p2.seq < event_participants.seq)));
      DROP INDEX event_participants_by_key;
      CREATE INDEX event_participants_by_key_date
        ON event_participants (actor_key, sort_date, article_id, event_id) WHERE first_of_key = 1;
      CREATE INDEX event_participants_by_key_timeline
        ON event_participants (actor_key, (sort_date IS NULL), sort_date, article_id, event_id) WHERE first_of_key = 1;
      -- Who met whom reads every event of a type and its participants: both from covering indexes.
      CREATE INDEX events_for_network ON events (type, negated, modality, article_id, local_id, sort_date);
      CREATE INDEX event_participants_by_event_key
        ON event_participants (article_id, event_id, actor_key) WHERE first_of_key = 1;

      ALTER TABLE quotes ADD COLUMN speaker_key TEXT;
      ALTER TABLE quotes ADD COLUMN quote_date TEXT;
      UPDATE quotes SET
        speaker_key = (SELECT a.name_key FROM actors a WHERE a.article_id = quotes.article_id AND a.local_id = quotes.speaker_id),
        quote_date = (SELECT art.published FROM articles art WHERE art.id = quotes.article_id);
      CREATE INDEX quotes_by_date ON quotes (quote_date DESC, article_id DESC, seq);
      CREATE INDEX quotes_by_speaker_key ON quotes (speaker_key, quote_date DESC, article_id DESC, seq);

      DROP INDEX stances_by_issue_holder;
      DROP INDEX stances_by_holder_key;
      CREATE INDEX stances_by_date ON stances (stance_date DESC, article_id DESC, seq);
      CREATE INDEX stances_by_holder_key ON stances (holder_key, stance_date DESC, article_id DESC, seq);
      CREATE INDEX stances_by_cell ON stances (issue, holder_key, stance_date DESC, article_id DESC, seq);

      CREATE TABLE stance_cells (
        issue TEXT NOT NULL,
        holder_key TEXT NOT NULL,
        support INTEGER NOT NULL,
        oppose INTEGER NOT NULL,
        PRIMARY KEY (issue, holder_key)
      ) WITHOUT ROWID;
      CREATE TABLE issue_counts (
        issue TEXT PRIMARY KEY,
        stances INTEGER NOT NULL
      );
      CREATE INDEX issue_counts_by_rank ON issue_counts (stances DESC, issue);
      INSERT INTO stance_cells (issue, holder_key, support, oppose)
        SELECT issue, holder_key, sum(polarity = 'support'), sum(polarity = 'oppose') FROM stances
        WHERE holder_key IS NOT NULL GROUP BY 1, 2;
      INSERT INTO issue_counts (issue, stances)
        SELECT issue, count(*) FROM stances WHERE holder_key IS NOT NULL GROUP BY 1;

      DROP TRIGGER articles_unaggregate_actors;
      CREATE TRIGGER articles_unaggregate BEFORE DELETE ON articles BEGIN
        UPDATE actor_keys SET
          article_count = article_count - 1,
          quote_count = quote_count - (SELECT count(*) FROM quotes q
            JOIN actors a ON a.article_id = q.article_id AND a.local_id = q.speaker_id
            WHERE q.article_id = old.id AND a.name_key = actor_keys.name_key)
          WHERE name_key IN (SELECT name_key FROM actors WHERE article_id = old.id);
        DELETE FROM actor_keys WHERE article_count <= 0 AND name_key IN (SELECT name_key FROM actors WHERE article_id = old.id);
        UPDATE actor_key_variants SET n = n - (SELECT count(*) FROM actors a WHERE a.article_id = old.id
            AND a.name_key = actor_key_variants.name_key AND a.name = actor_key_variants.name
            AND a.type = actor_key_variants.type AND coalesce(a.country, '') = actor_key_variants.country)
          WHERE name_key IN (SELECT name_key FROM actors WHERE article_id = old.id);
        DELETE FROM actor_key_variants WHERE n <= 0 AND name_key IN (SELECT name_key FROM actors WHERE article_id = old.id);
        UPDATE actor_key_roles SET n = n - (SELECT count(*) FROM actors a, json_each(a.roles) r
            WHERE a.article_id = old.id AND a.name_key = actor_key_roles.name_key AND r.value = actor_key_roles.role)
          WHERE name_key IN (SELECT name_key FROM actors WHERE article_id = old.id);
        DELETE FROM actor_key_roles WHERE n <= 0 AND name_key IN (SELECT name_key FROM actors WHERE article_id = old.id);
        UPDATE stance_cells SET
          support = support - (SELECT count(*) FROM stances s WHERE s.article_id = old.id
            AND s.holder_key = stance_cells.holder_key AND s.issue = stance_cells.issue AND s.polarity = 'support'),
          oppose = oppose - (SELECT count(*) FROM stances s WHERE s.article_id = old.id
            AND s.holder_key = stance_cells.holder_key AND s.issue = stance_cells.issue AND s.polarity = 'oppose')
          WHERE (issue, holder_key) IN (SELECT issue, holder_key FROM stances WHERE article_id = old.id);
        DELETE FROM stance_cells WHERE support + oppose <= 0
          AND (issue, holder_key) IN (SELECT issue, holder_key FROM stances WHERE article_id = old.id);
        UPDATE issue_counts SET stances = stances - (SELECT count(*) FROM stances s
            WHERE s.article_id = old.id AND s.holder_key IS NOT NULL AND s.issue = issue_counts.issue)
          WHERE issue IN (SELECT issue FROM stances WHERE article_id = old.id);
        DELETE FROM issue_counts WHERE stances <= 0 AND issue IN (SELECT issue FROM stances WHERE article_id = old.id);
      END;

      CREATE VIRTUAL TABLE quote_search USING fts5 (
        body, speaker, article_id UNINDEXED, quote_id UNINDEXED,
        tokenize = 'porter unicode61 remove_diacritics 2'
      );
      INSERT INTO quote_search (body, speaker, article_id, quote_id)
        SELECT body, speaker, article_id, quote_id FROM search_index WHERE kind = 'quote';
      CREATE TRIGGER articles_clear_quote_search AFTER DELETE ON articles BEGIN
        DELETE FROM quote_search WHERE article_id = old.id;
      END;
    `,
  },
  {
    version: 4,
    name: 'story groups: MinHash signatures of article texts, LSH buckets, near-duplicate groups',
    // One row per article: its MinHash signature (SIGNATURE_SIZE little-endian uint32, src/kb/dedup.ts) and its story
    // group, named by the group's earliest article (published date, undated last, then ingestion). seq is an
    // INTEGER PRIMARY KEY so that the bucket rows can point at it compactly and stably (VACUUM keeps it).
    // story_buckets holds the LSH band keys (band * 2^32 + 32-bit key) of each signature: the articles sharing a
    // bucket with a new one are its candidate near-duplicates. put() fills both in its transaction; articles stored
    // before this version are signed when the store is next opened (JS computes signatures, SQL cannot).
    // Deleting an article cascades to its signature and buckets; if it named its group, the group is renamed after
    // its earliest remaining member.
    sql: `
      CREATE TABLE article_signatures (
        seq INTEGER PRIMARY KEY,
        article_id TEXT NOT NULL UNIQUE REFERENCES articles (id) ON DELETE CASCADE,
        signature BLOB NOT NULL,
        story_id TEXT NOT NULL
      );
      CREATE INDEX article_signatures_by_story ON article_signatures (story_id);
      CREATE TABLE story_buckets (
        bucket INTEGER NOT NULL,
        signature_seq INTEGER NOT NULL REFERENCES article_signatures (seq) ON DELETE CASCADE,
        PRIMARY KEY (bucket, signature_seq)
      ) WITHOUT ROWID;
      CREATE INDEX story_buckets_by_signature ON story_buckets (signature_seq);
      CREATE TRIGGER article_signatures_regroup AFTER DELETE ON article_signatures BEGIN
        UPDATE article_signatures SET story_id = (
          SELECT g.article_id FROM article_signatures g JOIN articles art ON art.id = g.article_id
          WHERE g.story_id = old.article_id AND g.article_id <> old.article_id
          ORDER BY art.published NULLS LAST, art.ingested_at, art.id LIMIT 1)
        WHERE story_id = old.article_id AND article_id <> old.article_id;
      END;
    `,
  },
];

export const LATEST_SCHEMA_VERSION = Math.max(...MIGRATIONS.map((migration) => migration.version));

/** Applies the migrations this database has not seen yet, each in its own transaction; returns the versions applied now. */
export function migrate(db: Database.Database, migrations: readonly Migration[] = MIGRATIONS): number[] {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    applied_at TEXT NOT NULL
  )`);
  const currentVersion = db.prepare('SELECT coalesce(max(version), 0) AS version FROM schema_migrations').pluck();
  const record = db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)');
  const applied: number[] = [];
  const ordered = [...migrations].sort((a, b) => a.version - b.version);
  const known = ordered.at(-1)?.version ?? 0;
  for (const migration of ordered) {
    // IMMEDIATE, and the version re-read inside it, so two processes opening a fresh file cannot both migrate.
    db.transaction(() => {
      const version = currentVersion.get() as number;
      if (version > known) {
        throw new Error(`database schema version ${version} is newer than this parley supports (${known}); upgrade parley`);
      }
      if (migration.version <= version) return;
      db.exec(migration.sql);
      record.run(migration.version, migration.name, new Date().toISOString());
      applied.push(migration.version);
    }).immediate();
  }
  return applied;
}
