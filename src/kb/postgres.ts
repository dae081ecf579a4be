// The PostgreSQL backend of the Store (node-postgres). Behaves as the SQLite store does, method for method; what it
// shares with it (validation, record rows, item building, story grouping) is the same TypeScript. Built for several
// processes writing at once: put() is one transaction that inserts the article row first (ON CONFLICT DO NOTHING, so
// two processes storing one article store it once) and then, under advisory locks held until COMMIT (one per surname,
// one for story groups and aggregates), everything read from earlier puts.
import type pg from 'pg';
import type { Actor, Extraction } from '../contract.js';
import { SNIPPET_CLOSE, SNIPPET_OPEN, articleItem, type ArticleListRow } from './api-rows.js';
import { toTsQuery } from './fts.js';
import type {
  ActorDetail, ActorProfile, ActorQuote, ActorStance, ActorSummary, ArticleListItem, ArticleSummary, EventFilter,
  EventItem, MatrixOptions, Network, NetworkOptions, Page, PageOptions, QuoteItem, SearchHit, SearchKind, StanceFilter,
  StanceItem, StanceMatrix, Store, StoreStats, StoryGroup, StoryMember, StoryStats,
} from './index.js';
import { nameKey } from './names.js';
import { TEXT_SEARCH_CONFIG, migratePostgres } from './postgres-migrations.js';
import { PostgresQueries, RANK_NORMALIZATION, RANK_WEIGHTS, SEARCH_QUERY } from './postgres-queries.js';
import { ACTOR_QUOTES, ACTOR_STANCES, ARTICLE_REF, ARTICLE_SUMMARIES, NEWEST_FIRST } from './read-queries.js';
import {
  LOCKS, all, connectionError, constraintError, createPool, inTransaction, one, readSnapshot, type Queryable,
} from './postgres-sql.js';
import * as stories from './postgres-stories.js';
import {
  ACTOR_COLUMNS, AGGREGATE, ARTICLE_COLUMNS, DEFAULT_LIMITS, EVENT_COLUMNS, MENTION_COLUMNS, PARTICIPANT_COLUMNS, QUOTE_COLUMNS, READ_COLUMNS,
  STANCE_COLUMNS, actorEventFromRow, actorSummaryOfGroup, adoptionLookup, articleRow, clampCount, describeActor, keyForSurname, mergeRoles, recordFromRows,
  mayAdopt, parseJsonArray, personSurnames, recordRows, resolvedKey, surnameLookup, validateRecord,
} from './records.js';
import type {
  ActorEventRow, ActorGroupRow, ActorRow, ArticleRow, EventRow, MentionRow, ParticipantRow, QuoteRow, StanceRow, Value,
} from './records.js';
import { postgresArrayType, tableNamed } from './schema.js';

/** What a beforeCommit hook gets: SQL on put()'s own transaction. */
export interface TransactionSql {
  executeSql(text: string, values?: unknown[]): Promise<{ rows: any[] }>;
}

export interface PutOptions {
  /**
   * Runs inside put()'s transaction before COMMIT, once the article's own rows are written (and before the short
   * locked step that files it in its story and the aggregates), also when the article was already stored (then
   * nothing else was written). If it throws, the transaction rolls back and put() rejects with its error.
   */
  beforeCommit?: (db: TransactionSql) => Promise<void>;
}

/** Opens (creating the schema and migrating as needed) the store in the database of a postgres:// URL. */
export async function openPostgresStore(url: string): Promise<PostgresStore> {
  const pool = createPool(url);
  try {
    await pool.query('SELECT 1').catch((error: unknown) => {
      throw connectionError(url, error);
    });
    await migratePostgres(pool);
    return new PostgresStore(pool);
  } catch (error) {
    await pool.end();
    throw error;
  }
}

export class PostgresStore implements Store {
  private closed = false;

  constructor(private readonly pool: pg.Pool) {}

  // ---- writing ----

  async put(record: Extraction, options: PutOptions = {}): Promise<{ stored: boolean; articleId: string }> {
    const valid = validateRecord(record);
    for (let attempt = 1; ; attempt++) {
      try {
        return await inTransaction(this.pool, 'BEGIN', async (client) => {
          const beforeCommit = options.beforeCommit === undefined ? undefined
            : () => options.beforeCommit!({ executeSql: (text, values) => client.query(text, values) });
          const stored = await this.writeRecord(client, valid, { beforeStoryLock: beforeCommit });
          if (!stored) await beforeCommit?.();
          return { stored, articleId: valid.article.id };
        });
      } catch (error) {
        // Locks are taken in one order, but an adoption adds surnames late; PostgreSQL then breaks the rare
        // deadlock by failing one transaction, which is simply run again.
        if (isDeadlock(error) && attempt < MAX_PUT_ATTEMPTS) continue;
        throw constraintError(error);
      }
    }
  }

  // Locks, in the order every put takes them: the surnames of its persons (merging by surname reads and writes only
  // keys ending in them), then the story lock for grouping and the aggregates, held to COMMIT. Puts with no surname
  // in common extract, merge and insert side by side and wait for each other only for the last few statements.
  private async writeRecord(
    client: pg.PoolClient, record: Extraction,
    { ingestedAt = new Date().toISOString(), beforeStoryLock }: { ingestedAt?: string; beforeStoryLock?: () => Promise<void> } = {},
  ): Promise<boolean> {
    const article = articleRow(record, ingestedAt);
    // A second process storing the same article waits here for the first to commit, then inserts nothing.
    const inserted = await client.query(`
      INSERT INTO articles (${ARTICLE_COLUMNS.join(', ')}) VALUES (${article.map((_, i) => `$${i + 1}`).join(', ')})
      ON CONFLICT (id) DO NOTHING RETURNING id`, article);
    if (inserted.rowCount === 0) return false;
    await lockSurnames(client, await this.surnamesToLock(client, record));
    const adopted = await this.takeOutAdoptedArticles(client, record);
    const actorKeys = new Map<string, string>();
    for (const actor of record.actors) actorKeys.set(actor.id, await this.storeKey(client, actor));
    const rows = recordRows(record, actorKeys, ingestedAt);
    await insertRows(client, 'actors', ACTOR_COLUMNS, rows.actors);
    await insertRows(client, 'mentions', MENTION_COLUMNS, rows.mentions);
    await insertRows(client, 'quotes', QUOTE_COLUMNS, rows.quotes);
    await insertRows(client, 'events', EVENT_COLUMNS, rows.events);
    await insertRows(client, 'event_participants', PARTICIPANT_COLUMNS, rows.participants);
    await insertRows(client, 'stances', STANCE_COLUMNS, rows.stances);
    const id = record.article.id;
    await all(client, `
      INSERT INTO article_search (article_id, document)
      SELECT id, setweight(to_tsvector('${TEXT_SEARCH_CONFIG}', coalesce(title, '')), 'A') || setweight(to_tsvector('${TEXT_SEARCH_CONFIG}', text), 'D')
      FROM articles WHERE id = @id`, { id });
    await all(client, `
      INSERT INTO quote_search (article_id, quote_id, document)
      SELECT q.article_id, q.local_id,
        setweight(to_tsvector('${TEXT_SEARCH_CONFIG}', q.content_text), 'D') || setweight(to_tsvector('${TEXT_SEARCH_CONFIG}', coalesce(sp.name, '')), 'C')
      FROM quotes q LEFT JOIN actors sp ON sp.article_id = q.article_id AND sp.local_id = q.speaker_id
      WHERE q.article_id = @id ORDER BY q.seq`, { id });
    const story = await stories.findStory(client, record.article.text);
    // What else must commit with the article (a queue job's completion) is done before the lock, to keep it short.
    await beforeStoryLock?.();
    await client.query('SELECT pg_advisory_xact_lock($1, $2)', [LOCKS.namespace, LOCKS.stories]);
    await stories.joinStory(client, id, story);
    await aggregate(client, id);
    // Stored again now that the full name is known, their surname-only persons join it.
    for (const earlier of adopted) await this.writeRecord(client, earlier.record, { ingestedAt: earlier.ingestedAt });
    return true;
  }

  /**
   * The surnames whose merging this put may change or depend on: those of its persons named by surname alone, and
   * of full names not stored before (they may adopt bare surnames). A full name already stored changes nothing
   * there, so the many articles about one well-known person do not wait for each other.
   */
  private async surnamesToLock(client: pg.PoolClient, record: Extraction): Promise<string[]> {
    const persons = record.actors.filter((actor) => actor.type === 'person');
    if (persons.length === 0) return [];
    const keys = persons.map((actor) => nameKey(actor.name)).filter((key) => key.includes(' '));
    const known = new Set(keys.length === 0 ? [] : (await all<{ name_key: string }>(client, `
      SELECT DISTINCT name_key FROM actor_key_variants WHERE name_key = ANY(@keys::text[]) AND type = 'person'`, { keys })).map((row) => row.name_key));
    return personSurnames({ ...record, actors: persons.filter((actor) => !known.has(nameKey(actor.name))) });
  }

  /**
   * Articles whose person was stored by surname alone and whom this record names in full: read and deleted here,
   * to be stored again after it (same ids and ingestion times), inside the same transaction. Their own surnames
   * are locked before they are deleted, as a put of theirs would have.
   */
  private async takeOutAdoptedArticles(client: pg.PoolClient, record: Extraction): Promise<Array<{ record: Extraction; ingestedAt: string }>> {
    const taken: Array<{ record: Extraction; ingestedAt: string }> = [];
    const lookups = record.actors.map(adoptionLookup).filter((lookup) => lookup !== null);
    if (lookups.length === 0) return taken;
    // One round trip in the usual case, where none of the surnames was ever stored alone.
    const bare = await all<{ name_key: string }>(client, `
      SELECT DISTINCT name_key FROM actors WHERE name_key = ANY(@surnames::text[]) AND type = 'person'`,
    { surnames: lookups.map((lookup) => lookup.surname) });
    const storedAlone = new Set(bare.map((row) => row.name_key));
    for (const lookup of lookups) {
      if (!storedAlone.has(lookup.surname)) continue;
      const namesakes = await all<{ name_key: string }>(client, `
        SELECT DISTINCT name_key FROM actor_key_variants
        WHERE type = 'person' AND name_key LIKE '%' || @suffix
          AND (@country::text = '' OR country = '' OR country = @country::text)`, lookup);
      if (!mayAdopt(lookup.key, namesakes.map((row) => row.name_key))) continue;
      const earlier = await all<{ article_id: string; ingested_at: string }>(client, `
        SELECT DISTINCT a.article_id, art.ingested_at FROM actors a JOIN articles art ON art.id = a.article_id
        WHERE a.name_key = @surname AND a.type = 'person'
          AND (@country::text = '' OR coalesce(a.country, '') = '' OR a.country = @country::text)
          AND a.article_id <> @id`, { ...lookup, id: record.article.id });
      for (const row of earlier) {
        if (taken.some((done) => done.record.article.id === row.article_id)) continue;
        const stored = await readRecord(client, row.article_id);
        if (stored !== null) taken.push({ record: stored, ingestedAt: row.ingested_at });
      }
    }
    await lockSurnames(client, [...new Set(taken.flatMap(({ record: earlier }) => personSurnames(earlier)))].sort());
    for (const { record: earlier } of taken) await all(client, 'DELETE FROM articles WHERE id = @id', { id: earlier.article.id });
    return taken;
  }

  /**
   * The key an actor is merged under across articles: its name's key, except that a person named by surname alone
   * joins the one stored person with that surname (and a compatible country).
   */
  private async storeKey(db: Queryable, actor: Actor): Promise<string> {
    const lookup = surnameLookup(actor);
    if (lookup === null) return nameKey(actor.name);
    const rows = await all<{ name_key: string }>(db, `
      SELECT DISTINCT name_key FROM actor_key_variants
      WHERE type = 'person' AND name_key LIKE '%' || @suffix
        AND (@country::text = '' OR country = '' OR country = @country::text)`, lookup);
    return keyForSurname(lookup.key, rows.map((row) => row.name_key));
  }

  // ---- reading records ----

  async hasArticle(id: string): Promise<boolean> {
    return (await one(this.pool, 'SELECT 1 FROM articles WHERE id = @id', { id })) !== undefined;
  }

  async getRecord(articleId: string): Promise<Extraction | null> {
    return readSnapshot(this.pool, (client) => readRecord(client, articleId));
  }

  async articles(opts: { limit?: number; offset?: number } = {}): Promise<ArticleSummary[]> {
    const limit = clampCount(opts.limit, DEFAULT_LIMITS.articles);
    const offset = clampCount(opts.offset, 0);
    return (await all<ArticleListRow>(this.pool, ARTICLE_SUMMARIES, { limit, offset })).map(articleItem);
  }

  async search(query: string, opts: { limit?: number; kind?: SearchKind | 'all' } = {}): Promise<SearchHit[]> {
    const tsQuery = toTsQuery(query);
    if (tsQuery === null) return [];
    const kind = opts.kind ?? 'all';
    const limit = clampCount(opts.limit, DEFAULT_LIMITS.search);
    // Scores are negated ranks, so that lower is better as with SQLite's bm25 (the values themselves differ).
    const hits = await all<SearchHit>(this.pool, `
      WITH ${SEARCH_QUERY},
      hits AS (
        SELECT 'article' AS kind, s.article_id, NULL::text AS quote_id, -ts_rank(${RANK_WEIGHTS}, s.document, search.query, ${RANK_NORMALIZATION}) AS score
        FROM article_search s, search WHERE @kind IN ('all', 'article') AND s.document @@ search.query
        UNION ALL
        SELECT 'quote', s.article_id, s.quote_id, -ts_rank(${RANK_WEIGHTS}, s.document, search.query, ${RANK_NORMALIZATION})
        FROM quote_search s, search WHERE @kind IN ('all', 'quote') AND s.document @@ search.query
      ),
      best AS (SELECT * FROM hits ORDER BY score, article_id, quote_id NULLS FIRST LIMIT @limit)
      SELECT best.kind, best.article_id AS "articleId", art.title AS "articleTitle", art.published,
        best.quote_id AS "quoteId", sp.name AS speaker,
        CASE best.kind WHEN 'quote' THEN parley_snippet(q.content_text, search.query, 24)
          ELSE parley_article_snippet(art.title, art.text, search.query, 16) END AS snippet,
        best.score
      FROM best JOIN articles art ON art.id = best.article_id
      LEFT JOIN quotes q ON q.article_id = best.article_id AND q.local_id = best.quote_id
      LEFT JOIN actors sp ON sp.article_id = q.article_id AND sp.local_id = q.speaker_id
      CROSS JOIN search
      ORDER BY best.score, best.article_id, best.quote_id NULLS FIRST`, { query: tsQuery, kind, limit });
    const brackets = (snippet: string) => snippet.replaceAll(SNIPPET_OPEN, '[').replaceAll(SNIPPET_CLOSE, ']');
    return hits.map((hit) => ({ ...hit, snippet: brackets(hit.snippet) }));
  }

  async actors(opts: { limit?: number } = {}): Promise<ActorSummary[]> {
    const limit = clampCount(opts.limit, DEFAULT_LIMITS.actors);
    const groups = await all<ActorGroupRow>(this.pool, `
      WITH actor_rows AS (
        SELECT a.*, art.published, art.ingested_at,
          (SELECT count(*) FROM quotes q WHERE q.article_id = a.article_id AND q.speaker_id = a.local_id) AS quotes
        FROM actors a JOIN articles art ON art.id = a.article_id
      )
      SELECT name_key AS key, count(DISTINCT article_id) AS "articleCount", sum(quotes) AS "quoteCount",
        ${VARIANTS} AS variants
      FROM actor_rows a GROUP BY name_key
      ORDER BY "articleCount" DESC, "quoteCount" DESC, key
      LIMIT @limit`, { limit });
    return groups.map(actorSummaryOfGroup);
  }

  async actor(name: string): Promise<ActorProfile | null> {
    return readSnapshot(this.pool, async (client) => {
      const key = await resolveActorKey(client, name);
      return key === null ? null : actorProfile(client, key);
    });
  }

  async stats(): Promise<StoreStats> {
    return (await one<StoreStats>(this.pool, `
      SELECT (SELECT count(*) FROM articles) AS articles,
        (SELECT count(DISTINCT name_key) FROM actors) AS actors,
        (SELECT count(*) FROM quotes) AS quotes,
        (SELECT count(*) FROM events) AS events,
        (SELECT count(*) FROM stances) AS stances`))!;
  }

  // ---- the API's read paths ----

  private api<T>(body: (queries: PostgresQueries) => Promise<T>): Promise<T> {
    return readSnapshot(this.pool, (client) => body(new PostgresQueries(client, resolveActorKey)));
  }

  listArticles(opts: PageOptions & { q?: string } = {}): Promise<Page<ArticleListItem>> {
    return this.api((queries) => queries.listArticles(opts));
  }

  listActors(opts: PageOptions & { q?: string } = {}): Promise<Page<ActorSummary>> {
    return this.api((queries) => queries.listActors(opts));
  }

  actorDetail(name: string, opts: { limit?: number } = {}): Promise<ActorDetail | null> {
    return this.api((queries) => queries.actorDetail(name, opts));
  }

  quotes(opts: PageOptions & { q?: string; actor?: string; onePerStory?: boolean } = {}): Promise<Page<QuoteItem>> {
    return this.api((queries) => queries.quotes(opts));
  }

  events(opts: EventFilter = {}): Promise<Page<EventItem>> {
    return this.api((queries) => queries.events(opts));
  }

  stances(opts: StanceFilter = {}): Promise<Page<StanceItem>> {
    return this.api((queries) => queries.stances(opts));
  }

  stanceMatrix(opts: MatrixOptions = {}): Promise<StanceMatrix> {
    return this.api((queries) => queries.stanceMatrix(opts));
  }

  network(opts: NetworkOptions = {}): Promise<Network> {
    return this.api((queries) => queries.network(opts));
  }

  // ---- story groups ----

  duplicates(articleId: string): Promise<StoryMember[]> {
    return readSnapshot(this.pool, (client) => stories.duplicates(client, articleId));
  }

  story(articleId: string): Promise<StoryGroup | null> {
    return readSnapshot(this.pool, (client) => stories.story(client, articleId));
  }

  storyIds(articleIds: string[]): Promise<Record<string, string>> {
    return readSnapshot(this.pool, (client) => stories.storyIds(client, articleIds));
  }

  stories(opts: PageOptions & { minArticles?: number } = {}): Promise<Page<StoryGroup>> {
    const limit = Math.max(1, clampCount(opts.limit, 20));
    const offset = clampCount(opts.offset, 0);
    return readSnapshot(this.pool, (client) => stories.stories(client, opts, limit, offset));
  }

  storyStats(): Promise<StoryStats> {
    return readSnapshot(this.pool, (client) => stories.storyStats(client));
  }

  async *eachRecord(opts: { batchSize?: number } = {}): AsyncIterable<{ record: Extraction; storyId: string }> {
    const size = Math.max(1, clampCount(opts.batchSize, 200));
    let after = 0;
    for (;;) {
      const batch = await stories.batchAfter(this.pool, after, size);
      if (batch.length === 0) return;
      for (const { seq, id, storyId } of batch) {
        after = seq;
        // An article deleted since the batch was read is passed over.
        const record = await this.getRecord(id);
        if (record !== null) yield { record, storyId };
      }
      if (batch.length < size) return;
    }
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.pool.end();
  }
}

// ---- helpers --------------------------------------------------------------------------------------------------

const MAX_PUT_ATTEMPTS = 5;

function isDeadlock(error: unknown): boolean {
  return (error as { code?: string }).code === '40P01';
}

/** One advisory lock per surname, taken in the order of their hashes so that two puts cannot wait on each other. */
async function lockSurnames(client: pg.PoolClient, surnames: string[]): Promise<void> {
  if (surnames.length === 0) return;
  await client.query(`
    SELECT pg_advisory_xact_lock($1, key) FROM (SELECT DISTINCT hashtext(s) AS key FROM unnest($2::text[]) AS s ORDER BY 1) keys`,
  [LOCKS.surnameNamespace, surnames]);
}

/** All rows of one table in one statement: one array per column, unnested back into rows. */
async function insertRows(client: pg.PoolClient, table: string, columns: string[], rows: Value[][]): Promise<void> {
  if (rows.length === 0) return;
  const definition = tableNamed(table);
  const arrays = columns.map((name, i) => {
    const column = definition.columns.find((c) => c.name === name);
    if (column === undefined) throw new Error(`no column ${table}.${name} in the schema`);
    return `$${i + 1}::${postgresArrayType(column.type)}`;
  });
  await client.query(
    `INSERT INTO ${table} (${columns.join(', ')}) SELECT * FROM unnest(${arrays.join(', ')})`,
    columns.map((_, i) => rows.map((row) => row[i])),
  );
}

/**
 * The per-name-key aggregates (the tables of schema version 2 and 3), added to for one article; called holding
 * the story lock, so concurrent puts add one after another.
 */
async function aggregate(client: pg.PoolClient, id: string): Promise<void> {
  // One statement (each upsert a data-modifying WITH), so the story lock is held for one round trip, not five.
  await all(client, `
    WITH keys AS (${AGGREGATE.actorKeys}),
    variants AS (${AGGREGATE.actorVariants}),
    roles AS (
      INSERT INTO actor_key_roles (name_key, role, n)
        SELECT a.name_key, r.role, count(*) FROM actors a CROSS JOIN LATERAL jsonb_array_elements_text(a.roles) AS r(role)
        WHERE a.article_id = @id GROUP BY 1, 2
      ON CONFLICT (name_key, role) DO UPDATE SET n = actor_key_roles.n + excluded.n),
    cells AS (${AGGREGATE.stanceCells})
    ${AGGREGATE.issueCounts}`, { id });
}

async function readRecord(db: Queryable, articleId: string): Promise<Extraction | null> {
  const params = { id: articleId };
  const article = await one<ArticleRow>(db, `SELECT ${READ_COLUMNS.article} FROM articles WHERE id = @id`, params);
  if (article === undefined) return null;
  return recordFromRows({
    article,
    actors: await all<ActorRow>(db, `SELECT ${READ_COLUMNS.actors} FROM actors WHERE article_id = @id ORDER BY seq`, params),
    mentions: await all<MentionRow>(db, `
      SELECT ${READ_COLUMNS.mentions} FROM mentions WHERE article_id = @id ORDER BY actor_id, seq`, params),
    quotes: await all<QuoteRow>(db, `SELECT ${READ_COLUMNS.quotes} FROM quotes WHERE article_id = @id ORDER BY seq`, params),
    events: await all<EventRow>(db, `SELECT ${READ_COLUMNS.events} FROM events WHERE article_id = @id ORDER BY seq`, params),
    participants: await all<ParticipantRow>(db, `
      SELECT ${READ_COLUMNS.participants} FROM event_participants WHERE article_id = @id ORDER BY event_id, role, seq`, params),
    stances: await all<StanceRow>(db, `SELECT ${READ_COLUMNS.stances} FROM stances WHERE article_id = @id ORDER BY seq`, params),
  });
}

/** By the key of the full name, else by surname (a unique key ending in it), else by a unique mention text. */
async function resolveActorKey(db: Queryable, name: string): Promise<string | null> {
  const key = nameKey(name);
  if (key === '') return null;
  if ((await one(db, 'SELECT 1 FROM actors WHERE name_key = @key LIMIT 1', { key })) !== undefined) {
    return resolvedKey({ exact: true, bySurname: [], byMention: [] }, key);
  }
  // The trigram index on actors.name_key serves the suffix match.
  const bySurname = await all<{ name_key: string }>(db, `SELECT DISTINCT name_key FROM actors WHERE name_key LIKE '%' || @suffix`,
    { suffix: ` ${key}` });
  const byMention = bySurname.length === 1 ? [] : await all<{ name_key: string }>(db, `
    SELECT DISTINCT a.name_key FROM mentions m JOIN actors a ON a.article_id = m.article_id AND a.local_id = m.actor_id
    WHERE m.text_key = @key`, { key });
  return resolvedKey({ exact: false, bySurname: bySurname.map((r) => r.name_key), byMention: byMention.map((r) => r.name_key) }, key);
}

// The variants of an actor group, earliest article first, as SQLite's json_group_array gives them.
const VARIANTS = `json_agg(json_build_object('articleId', a.article_id, 'published', a.published, 'name', a.name,
  'type', a.type, 'country', a.country, 'roles', a.roles) ORDER BY a.published NULLS LAST, a.ingested_at, a.seq)`;

async function actorProfile(db: Queryable, key: string): Promise<ActorProfile | null> {
  const group = await one<Omit<ActorGroupRow, 'quoteCount'>>(db, `
    SELECT a.name_key AS key, count(DISTINCT a.article_id) AS "articleCount", ${VARIANTS} AS variants
    FROM (SELECT actors.*, art.published, art.ingested_at FROM actors JOIN articles art ON art.id = actors.article_id
      WHERE actors.name_key = @key) a
    GROUP BY a.name_key`, { key });
  if (group === undefined) return null;
  const variants = parseJsonArray(group.variants);
  const quotes = await all<ActorQuote>(db, ACTOR_QUOTES, { key });
  const stances = await all<ActorStance>(db, ACTOR_STANCES, { key });
  const names = (role: string) => `coalesce((SELECT array_agg(a.name ORDER BY p.seq) FROM event_participants p
      JOIN actors a ON a.article_id = p.article_id AND a.local_id = p.actor_id
      WHERE p.article_id = e.article_id AND p.event_id = e.local_id AND p.role = '${role}'), '{}')`;
  const events = await all<ActorEventRow>(db, `
    SELECT e.local_id AS "eventId", e.type, e.mode, e.location, e.date, e.negated, e.modality,
      e.evidence_text AS evidence, ${ARTICLE_REF},
      (SELECT array_agg(DISTINCT p.role) FROM event_participants p
        JOIN actors a ON a.article_id = p.article_id AND a.local_id = p.actor_id
        WHERE p.article_id = e.article_id AND p.event_id = e.local_id AND a.name_key = @key) AS sides,
      ${names('source')} AS sources,
      ${names('target')} AS targets
    FROM events e JOIN articles art ON art.id = e.article_id
    WHERE (e.article_id, e.local_id) IN (
      SELECT p.article_id, p.event_id FROM actors a
      JOIN event_participants p ON p.article_id = a.article_id AND p.actor_id = a.local_id
      WHERE a.name_key = @key)
    ORDER BY ${NEWEST_FIRST}, e.seq`, { key });
  return {
    key,
    ...describeActor(variants),
    articleCount: group.articleCount,
    roles: mergeRoles(variants),
    quotes,
    stances,
    events: events.map(actorEventFromRow),
  };
}
