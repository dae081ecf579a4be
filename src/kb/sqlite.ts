// The SQLite backend of the Store (better-sqlite3). Internal: import the store through ./index.js.
import Database from 'better-sqlite3';
import type { Actor, Extraction } from '../contract.js';
import { articleItem, type ArticleListRow } from './api-rows.js';
import { toFtsQuery } from './fts.js';
import type {
  ActorDetail, ActorProfile, ActorQuote, ActorStance, ActorSummary, ArticleListItem,
  ArticleSummary, EventFilter, EventItem, MatrixOptions, Network, NetworkOptions, Page, PageOptions, QuoteItem,
  SearchHit, SearchKind, StanceFilter, StanceItem, StanceMatrix, Store, StoreStats, StoryGroup, StoryMember, StoryStats,
} from './index.js';
import { migrate } from './migrations.js';
import { nameKey } from './names.js';
import { ApiQueries } from './queries.js';
import { ACTOR_QUOTES, ACTOR_STANCES, ARTICLE_REF, ARTICLE_SUMMARIES, NEWEST_FIRST } from './read-queries.js';
import {
  ACTOR_COLUMNS, AGGREGATE, ARTICLE_COLUMNS, DEFAULT_LIMITS, EVENT_COLUMNS, MENTION_COLUMNS, PARTICIPANT_COLUMNS,
  QUOTE_COLUMNS, READ_COLUMNS, STANCE_COLUMNS, actorEventFromRow, actorSummaryOfGroup, adoptionLookup, clampCount,
  describeActor, keyForSurname, mayAdopt, mergeRoles, parseJsonArray, recordFromRows, recordRows, surnameLookup,
  validateRecord,
} from './records.js';
import type {
  ActorEventRow, ActorGroupRow, ActorRow, ArticleRow, EventRow, MentionRow, ParticipantRow, QuoteRow, RecordRows, StanceRow,
} from './records.js';
import { StoryIndex } from './stories.js';

export function openSqliteStore(path: string): Store {
  const db = new Database(path);
  try {
    // busy_timeout first: switching to WAL needs a lock another process may briefly hold.
    db.pragma('busy_timeout = 5000');
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    migrate(db);
    const store = new SqliteStore(db);
    store.signUnsignedArticles();
    return store;
  } catch (error) {
    db.close();
    throw error;
  }
}

// ---- SQL ------------------------------------------------------------------------------------------------------

function prepareStatements(db: Database.Database) {
  return {
    // Insert and conflict are by id: storing an article again changes nothing.
    insertArticle: db.prepare(`${insertInto('articles', ARTICLE_COLUMNS)} ON CONFLICT (id) DO NOTHING`),
    insertActor: db.prepare(insertInto('actors', ACTOR_COLUMNS)),
    insertMention: db.prepare(insertInto('mentions', MENTION_COLUMNS)),
    insertQuote: db.prepare(insertInto('quotes', QUOTE_COLUMNS)),
    insertQuoteSearchEntry: db.prepare(`
      INSERT INTO quote_search (body, speaker, article_id, quote_id) VALUES (?, ?, ?, ?)`),
    insertEvent: db.prepare(insertInto('events', EVENT_COLUMNS)),
    insertParticipant: db.prepare(insertInto('event_participants', PARTICIPANT_COLUMNS)),
    insertStance: db.prepare(insertInto('stances', STANCE_COLUMNS)),
    aggregateActorKeys: db.prepare(AGGREGATE.actorKeys),
    aggregateActorVariants: db.prepare(AGGREGATE.actorVariants),
    aggregateStanceCells: db.prepare(AGGREGATE.stanceCells),
    aggregateIssueCounts: db.prepare(AGGREGATE.issueCounts),
    aggregateActorRoles: db.prepare(`
      INSERT INTO actor_key_roles (name_key, role, n)
        SELECT a.name_key, r.value, count(*) FROM actors a, json_each(a.roles) r WHERE a.article_id = @id GROUP BY 1, 2
      ON CONFLICT (name_key, role) DO UPDATE SET n = n + excluded.n`),
    insertSearchEntry: db.prepare(`
      INSERT INTO search_index (title, body, speaker, kind, article_id, quote_id) VALUES (?, ?, ?, ?, ?, ?)`),

    hasArticle: db.prepare('SELECT 1 FROM articles WHERE id = ?').pluck(),
    article: db.prepare(`SELECT ${READ_COLUMNS.article} FROM articles WHERE id = ?`),
    actorsOf: db.prepare(`SELECT ${READ_COLUMNS.actors} FROM actors WHERE article_id = ? ORDER BY seq`),
    mentionsOf: db.prepare(`SELECT ${READ_COLUMNS.mentions} FROM mentions WHERE article_id = ? ORDER BY actor_id, seq`),
    quotesOf: db.prepare(`SELECT ${READ_COLUMNS.quotes} FROM quotes WHERE article_id = ? ORDER BY seq`),
    eventsOf: db.prepare(`SELECT ${READ_COLUMNS.events} FROM events WHERE article_id = ? ORDER BY seq`),
    participantsOf: db.prepare(`
      SELECT ${READ_COLUMNS.participants} FROM event_participants WHERE article_id = ? ORDER BY event_id, role, seq`),
    stancesOf: db.prepare(`SELECT ${READ_COLUMNS.stances} FROM stances WHERE article_id = ? ORDER BY seq`),

    articleSummaries: db.prepare(ARTICLE_SUMMARIES),

    search: db.prepare(`
      SELECT search_index.kind, search_index.article_id AS articleId, art.title AS articleTitle, art.published,
        search_index.quote_id AS quoteId, search_index.speaker,
        CASE search_index.kind
          WHEN 'quote' THEN snippet(search_index, 1, '[', ']', '…', 24)
          ELSE snippet(search_index, -1, '[', ']', '…', 16)
        END AS snippet,
        bm25(search_index, 4.0, 1.0, 2.0) AS score
      FROM search_index JOIN articles art ON art.id = search_index.article_id
      WHERE search_index MATCH @query AND (@kind = 'all' OR search_index.kind = @kind)
      ORDER BY score, art.id, search_index.quote_id
      LIMIT @limit`),

    actorGroups: db.prepare(`
      WITH actor_rows AS (
        SELECT a.*, art.published, art.ingested_at,
          (SELECT count(*) FROM quotes q WHERE q.article_id = a.article_id AND q.speaker_id = a.local_id) AS quotes
        FROM actors a JOIN articles art ON art.id = a.article_id
      )
      SELECT name_key AS key, count(DISTINCT article_id) AS articleCount, sum(quotes) AS quoteCount,
        json_group_array(json_object('articleId', article_id, 'published', published, 'name', name, 'type', type,
          'country', country, 'roles', json(roles)) ORDER BY published NULLS LAST, ingested_at, seq) AS variants
      FROM actor_rows GROUP BY name_key
      ORDER BY articleCount DESC, quoteCount DESC, key
      LIMIT ?`),
    actorGroup: db.prepare(`
      SELECT a.name_key AS key, count(DISTINCT a.article_id) AS articleCount,
        json_group_array(json_object('articleId', a.article_id, 'published', art.published, 'name', a.name,
          'type', a.type, 'country', a.country, 'roles', json(a.roles))
          ORDER BY art.published NULLS LAST, art.ingested_at, a.seq) AS variants
      FROM actors a JOIN articles art ON art.id = a.article_id
      WHERE a.name_key = ? GROUP BY a.name_key`),
    hasActorKey: db.prepare('SELECT 1 FROM actors WHERE name_key = ? LIMIT 1').pluck(),
    articlesWithSurnameOnlyPerson: db.prepare(`
      SELECT DISTINCT article_id FROM actors
      WHERE name_key = @key AND type = 'person' AND (@country = '' OR coalesce(country, '') = '' OR country = @country)`).pluck(),
    ingestedAt: db.prepare('SELECT ingested_at FROM articles WHERE id = ?').pluck(),
    deleteArticle: db.prepare('DELETE FROM articles WHERE id = ?'),
    personKeysWithSurname: db.prepare(`
      SELECT DISTINCT name_key FROM actor_key_variants
      WHERE type = 'person' AND substr(name_key, -length(@suffix)) = @suffix
        AND (@country = '' OR country = '' OR country = @country)`).pluck(),
    keysEndingWith: db.prepare(`
      SELECT DISTINCT name_key FROM actors WHERE substr(name_key, -length(@suffix)) = @suffix`).pluck(),
    keysByMention: db.prepare(`
      SELECT DISTINCT a.name_key FROM mentions m
      JOIN actors a ON a.article_id = m.article_id AND a.local_id = m.actor_id
      WHERE m.text_key = ?`).pluck(),
    quotesByActorKey: db.prepare(ACTOR_QUOTES),
    stancesByActorKey: db.prepare(ACTOR_STANCES),
    eventsByActorKey: db.prepare(`
      SELECT e.local_id AS eventId, e.type, e.mode, e.location, e.date, e.negated, e.modality,
        e.evidence_text AS evidence, ${ARTICLE_REF},
        (SELECT json_group_array(DISTINCT p.role) FROM event_participants p
          JOIN actors a ON a.article_id = p.article_id AND a.local_id = p.actor_id
          WHERE p.article_id = e.article_id AND p.event_id = e.local_id AND a.name_key = @key) AS sides,
        (SELECT json_group_array(a.name ORDER BY p.seq) FROM event_participants p
          JOIN actors a ON a.article_id = p.article_id AND a.local_id = p.actor_id
          WHERE p.article_id = e.article_id AND p.event_id = e.local_id AND p.role = 'source') AS sources,
        (SELECT json_group_array(a.name ORDER BY p.seq) FROM event_participants p
          JOIN actors a ON a.article_id = p.article_id AND a.local_id = p.actor_id
          WHERE p.article_id = e.article_id AND p.event_id = e.local_id AND p.role = 'target') AS targets
      FROM events e JOIN articles art ON art.id = e.article_id
      WHERE (e.article_id, e.local_id) IN (
        SELECT p.article_id, p.event_id FROM actors a
        JOIN event_participants p ON p.article_id = a.article_id AND p.actor_id = a.local_id
        WHERE a.name_key = @key)
      ORDER BY ${NEWEST_FIRST}, e.seq`),

    stats: db.prepare(`
      SELECT (SELECT count(*) FROM articles) AS articles,
        (SELECT count(DISTINCT name_key) FROM actors) AS actors,
        (SELECT count(*) FROM quotes) AS quotes,
        (SELECT count(*) FROM events) AS events,
        (SELECT count(*) FROM stances) AS stances`),
  };
}

type Statements = ReturnType<typeof prepareStatements>;

function insertInto(table: string, columns: string[]): string {
  return `INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`;
}

// ---- the store ------------------------------------------------------------------------------------------------

class SqliteStore implements Store {
  private readonly sql: Statements;
  private readonly queries: ApiQueries;
  private readonly writeRecordInTransaction: (record: Extraction) => boolean;
  private readonly storyIndex: StoryIndex;

  constructor(private readonly db: Database.Database) {
    this.sql = prepareStatements(db);
    this.storyIndex = new StoryIndex(db);
    this.queries = new ApiQueries(db, (name) => this.resolveActorKey(name));
    // IMMEDIATE takes the write lock up front, so a concurrent writer waits (busy_timeout) instead of failing later.
    const transaction = db.transaction((record: Extraction) => this.writeRecord(record));
    this.writeRecordInTransaction = (record) => transaction.immediate(record);
  }

  async put(record: Extraction): Promise<{ stored: boolean; articleId: string }> {
    const valid = validateRecord(record);
    const stored = this.writeRecordInTransaction(valid);
    return { stored, articleId: valid.article.id };
  }

  async hasArticle(id: string): Promise<boolean> {
    return this.sql.hasArticle.get(id) !== undefined;
  }

  async getRecord(articleId: string): Promise<Extraction | null> {
    return this.db.transaction(() => this.readRecord(articleId))();
  }

  async articles(opts: { limit?: number; offset?: number } = {}): Promise<ArticleSummary[]> {
    const limit = clampCount(opts.limit, DEFAULT_LIMITS.articles);
    const offset = clampCount(opts.offset, 0);
    return (this.sql.articleSummaries.all({ limit, offset }) as ArticleListRow[]).map(articleItem);
  }

  async search(query: string, opts: { limit?: number; kind?: SearchKind | 'all' } = {}): Promise<SearchHit[]> {
    const ftsQuery = toFtsQuery(query);
    if (ftsQuery === null) return [];
    const kind = opts.kind ?? 'all';
    const limit = clampCount(opts.limit, DEFAULT_LIMITS.search);
    return this.sql.search.all({ query: ftsQuery, kind, limit }) as SearchHit[];
  }

  async actors(opts: { limit?: number } = {}): Promise<ActorSummary[]> {
    const limit = clampCount(opts.limit, DEFAULT_LIMITS.actors);
    const groups = this.sql.actorGroups.all(limit) as ActorGroupRow[];
    return groups.map(actorSummaryOfGroup);
  }

  async actor(name: string): Promise<ActorProfile | null> {
    return this.db.transaction(() => {
      const key = this.resolveActorKey(name);
      return key === null ? null : this.actorProfile(key);
    })();
  }

  async stats(): Promise<StoreStats> {
    return this.sql.stats.get() as StoreStats;
  }

  async listArticles(opts: PageOptions & { q?: string } = {}): Promise<Page<ArticleListItem>> {
    return this.read(() => this.queries.listArticles(opts));
  }

  async listActors(opts: PageOptions & { q?: string } = {}): Promise<Page<ActorSummary>> {
    return this.read(() => this.queries.listActors(opts));
  }

  async actorDetail(name: string, opts: { limit?: number } = {}): Promise<ActorDetail | null> {
    return this.read(() => this.queries.actorDetail(name, opts));
  }

  async quotes(opts: PageOptions & { q?: string; actor?: string; onePerStory?: boolean } = {}): Promise<Page<QuoteItem>> {
    return this.read(() => this.queries.quotes(opts));
  }

  async events(opts: EventFilter = {}): Promise<Page<EventItem>> {
    return this.read(() => this.queries.events(opts));
  }

  async stances(opts: StanceFilter = {}): Promise<Page<StanceItem>> {
    return this.read(() => this.queries.stances(opts));
  }

  async stanceMatrix(opts: MatrixOptions = {}): Promise<StanceMatrix> {
    return this.read(() => this.queries.stanceMatrix(opts));
  }

  async network(opts: NetworkOptions = {}): Promise<Network> {
    return this.read(() => this.queries.network(opts));
  }

  async duplicates(articleId: string): Promise<StoryMember[]> {
    return this.read(() => this.storyIndex.duplicates(articleId));
  }

  async story(articleId: string): Promise<StoryGroup | null> {
    return this.read(() => this.storyIndex.story(articleId));
  }

  async storyIds(articleIds: string[]): Promise<Record<string, string>> {
    return this.read(() => this.storyIndex.storyIds(articleIds));
  }

  async stories(opts: PageOptions & { minArticles?: number } = {}): Promise<Page<StoryGroup>> {
    const limit = Math.max(1, clampCount(opts.limit, 20));
    const offset = clampCount(opts.offset, 0);
    return this.read(() => this.storyIndex.stories(opts, limit, offset));
  }

  async storyStats(): Promise<StoryStats> {
    return this.read(() => this.storyIndex.stats());
  }

  async *eachRecord(opts: { batchSize?: number } = {}): AsyncIterable<{ record: Extraction; storyId: string }> {
    const size = Math.max(1, clampCount(opts.batchSize, 200));
    let after = 0;
    for (;;) {
      const batch = this.read(() => this.storyIndex.batchAfter(after, size));
      if (batch.length === 0) return;
      for (const { seq, id, storyId } of batch) {
        after = seq;
        // An article deleted since the batch was read is passed over.
        const record = this.read(() => this.readRecord(id));
        if (record !== null) yield { record, storyId };
      }
      if (batch.length < size) return;
    }
  }

  /** Signs the articles stored before story groups existed (once, when a store from before migration 4 is opened). */
  signUnsignedArticles(): number {
    return this.storyIndex.backfill();
  }

  /** Several statements that must see one snapshot (a page and its total) read in one transaction. */
  private read<T>(body: () => T): T {
    return this.db.transaction(body)();
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }

  // ---- writing ----

  private writeRecord(record: Extraction, ingestedAt = new Date().toISOString()): boolean {
    const { article } = record;
    if (this.sql.hasArticle.get(article.id) !== undefined) return false;
    const adopted = this.takeOutAdoptedArticles(record);
    const actorKeys = new Map(record.actors.map((actor) => [actor.id, this.storeKey(actor)]));
    const rows = recordRows(record, actorKeys, ingestedAt);
    if (this.sql.insertArticle.run(...rows.article).changes === 0) return false;
    this.writeRows(rows);
    this.writeIndexesAndAggregates(record);
    // Stored again now that the full name is known, their surname-only persons join it.
    for (const earlier of adopted) {
      this.writeRecord(earlier.record, earlier.ingestedAt);
    }
    return true;
  }

  /**
   * Articles whose person was stored by surname alone and whom this record names in full: read and deleted here,
   * to be stored again after it (same ids and ingestion times), inside the same transaction.
   */
  private takeOutAdoptedArticles(record: Extraction): Array<{ record: Extraction; ingestedAt: string }> {
    const taken: Array<{ record: Extraction; ingestedAt: string }> = [];
    for (const actor of record.actors) {
      const lookup = adoptionLookup(actor);
      if (lookup === null) continue;
      const namesakes = this.sql.personKeysWithSurname.all({ suffix: lookup.suffix, country: lookup.country }) as string[];
      if (!mayAdopt(lookup.key, namesakes)) continue;
      const articleIds = this.sql.articlesWithSurnameOnlyPerson.all({ key: lookup.surname, country: lookup.country }) as string[];
      for (const id of articleIds) {
        const earlier = this.readRecord(id);
        const ingestedAt = this.sql.ingestedAt.get(id) as string | undefined;
        if (earlier === null || ingestedAt === undefined) continue;
        this.sql.deleteArticle.run(id);
        taken.push({ record: earlier, ingestedAt });
      }
    }
    return taken;
  }

  private writeIndexesAndAggregates(record: Extraction): void {
    const { article } = record;
    const actorNames = new Map(record.actors.map((actor) => [actor.id, actor.name]));
    for (const quote of record.quotes) {
      // An unknown speaker id gets no name here; the foreign key on quotes has already rejected it.
      const speakerName = quote.speaker === null ? null : actorNames.get(quote.speaker) ?? null;
      this.sql.insertSearchEntry.run('', quote.content.text, speakerName, 'quote', article.id, quote.id);
      this.sql.insertQuoteSearchEntry.run(quote.content.text, speakerName, article.id, quote.id);
    }
    this.sql.insertSearchEntry.run(article.title ?? '', article.text, null, 'article', article.id, null);
    this.storyIndex.sign(article.id, article.text);
    this.sql.aggregateActorKeys.run({ id: article.id });
    this.sql.aggregateActorVariants.run({ id: article.id });
    this.sql.aggregateActorRoles.run({ id: article.id });
    this.sql.aggregateStanceCells.run({ id: article.id });
    this.sql.aggregateIssueCounts.run({ id: article.id });
  }

  private writeRows(rows: RecordRows): void {
    for (const row of rows.actors) this.sql.insertActor.run(...row);
    for (const row of rows.mentions) this.sql.insertMention.run(...row);
    for (const row of rows.quotes) this.sql.insertQuote.run(...row);
    for (const row of rows.events) this.sql.insertEvent.run(...row);
    for (const row of rows.participants) this.sql.insertParticipant.run(...row);
    for (const row of rows.stances) this.sql.insertStance.run(...row);
  }

  /**
   * The key an actor is merged under across articles: its name's key, except that a person named by surname alone
   * ("Lavrov") joins the one stored person with that surname (and a compatible country); two such people keep it apart.
   */
  private storeKey(actor: Actor): string {
    const lookup = surnameLookup(actor);
    if (lookup === null) return nameKey(actor.name);
    const known = this.sql.personKeysWithSurname.all({ suffix: lookup.suffix, country: lookup.country }) as string[];
    return keyForSurname(lookup.key, known);
  }

  // ---- reading a record ----

  private readRecord(articleId: string): Extraction | null {
    const article = this.sql.article.get(articleId) as ArticleRow | undefined;
    if (article === undefined) return null;
    return recordFromRows({
      article,
      actors: this.sql.actorsOf.all(articleId) as ActorRow[],
      mentions: this.sql.mentionsOf.all(articleId) as MentionRow[],
      quotes: this.sql.quotesOf.all(articleId) as QuoteRow[],
      events: this.sql.eventsOf.all(articleId) as EventRow[],
      participants: this.sql.participantsOf.all(articleId) as ParticipantRow[],
      stances: this.sql.stancesOf.all(articleId) as StanceRow[],
    });
  }

  // ---- actors ----

  private resolveActorKey(name: string): string | null {
    const key = nameKey(name);
    if (key === '') return null;
    if (this.sql.hasActorKey.get(key) !== undefined) return key;
    const bySurname = this.sql.keysEndingWith.all({ suffix: ' ' + key }) as string[];
    if (bySurname.length === 1) return bySurname[0] ?? null;
    const byMention = this.sql.keysByMention.all(key) as string[];
    if (byMention.length === 1) return byMention[0] ?? null;
    return null;
  }

  private actorProfile(key: string): ActorProfile | null {
    const group = this.sql.actorGroup.get(key) as Omit<ActorGroupRow, 'quoteCount'> | undefined;
    if (group === undefined) return null;
    const variants = parseJsonArray(group.variants);
    const events = this.sql.eventsByActorKey.all({ key }) as ActorEventRow[];
    return {
      key,
      ...describeActor(variants),
      articleCount: group.articleCount,
      roles: mergeRoles(variants),
      quotes: this.sql.quotesByActorKey.all({ key }) as ActorQuote[],
      stances: this.sql.stancesByActorKey.all({ key }) as ActorStance[],
      events: events.map(actorEventFromRow),
    };
  }
}
