// The paged read paths of the PostgreSQL store, used by the HTTP API: the statements of read-queries.ts run
// asynchronously, giving the same pages in the same order as the SQLite store's, and what only PostgreSQL writes
// this way: full-text search ranked with ts_rank over tsvector documents instead of FTS5's bm25, roles from jsonb,
// and the participants of a page of events in one statement. Internal: import the store through ./index.js.
import {
  PAGE_DEFAULT, articleItem, clamp, describeVariants, describedOrKey, emptyPage, eventItem, matrixCells, matrixLimits,
  network, networkNodes, page, paging, quoteItem, roleHistory, rolesByKey, stanceItem,
} from './api-rows.js';
import type {
  ActorDescription, ArticleListRow, EventItemRow, MatrixCellRow, PairRow, ParticipantRefRow, QuoteItemRow, RoleMentionRow,
  RoleRow, VariantRow,
} from './api-rows.js';
import { toTsQuery } from './fts.js';
import type {
  ActorDetail, ActorRoleSummary, ActorSummary, ArticleListItem, EventFilter, EventItem, MatrixOptions, Network, NetworkOptions,
  Page, PageOptions, QuoteItem, StanceFilter, StanceItem, StanceMatrix,
} from './index.js';
import { nameKey } from './names.js';
import { TEXT_SEARCH_CONFIG } from './postgres-migrations.js';
import { all, one, type Queryable } from './postgres-sql.js';
import {
  ARTICLE_COUNTS, ARTICLE_LIST_COLUMNS, QUOTE_ITEM_COLUMNS, QUOTE_ITEM_JOINS, StanceMatrixStatements, actorCounts,
  actorDetail, actorSummaries, actorsPage, articlesPage, eventsPage, matrixActors, networkPairs, quoteSearchFilters,
  quotesPage, rolesOf, stancesPage, variantsOf, type ActorCountsRow, type Dialect, type PageStatements, type Statement,
} from './read-queries.js';

/** ts_rank's weights for D, C, B, A: as SQLite's bm25 weights, title (A) 4, speaker (C) 2, text and content (D) 1. */
export const RANK_WEIGHTS = `'{0.25, 0.5, 0.75, 1.0}'`;
/** Rank divided by 1 + the log of the document's length: like bm25, a match in a shorter document ranks higher. */
export const RANK_NORMALIZATION = 1;
/** The user's words as a tsquery (a CTE, so that it is parsed once per statement). */
export const SEARCH_QUERY = `search AS (SELECT to_tsquery('${TEXT_SEARCH_CONFIG}', @query) AS query)`;

export const POSTGRES_DIALECT: Dialect = {
  descNullsLast: (column) => `${column} DESC NULLS LAST`,
  // Under COLLATE "C" ILIKE folds ASCII case only, as SQLite's LIKE does.
  caseInsensitiveLike: 'ILIKE',
  inList: (column, name) => `${column} = ANY(@${name}::text[])`,
  listValue: (values) => values,
  jsonArrays: (items, orderBy) => `coalesce(json_agg(json_build_array(${items}) ORDER BY ${orderBy}), '[]')`,
  // Ties go to the lowest article and event id, where SQLite's bare column takes whichever row max() met first.
  inLatestRow: (column, latestFirst) => `(array_agg(${column} ORDER BY ${latestFirst}))[1]`,
};

const d = POSTGRES_DIALECT;

export class PostgresQueries {
  constructor(
    private readonly db: Queryable,
    /** The store's name lookup: a key, a full name, a unique surname or a unique mention; null when none. */
    private readonly resolveKey: (db: Queryable, name: string) => Promise<string | null>,
  ) {}

  // ---- articles ----

  async listArticles(opts: PageOptions & { q?: string }): Promise<Page<ArticleListItem>> {
    const { limit, offset } = paging(opts);
    const q = opts.q?.trim() ?? '';
    if (q !== '') {
      const query = toTsQuery(q);
      if (query === null) return emptyPage(limit, offset);
      // Ranks first and writes snippets only for the page (a snippet reads the whole article text).
      const rows = await all<ArticleListRow>(this.db, `
        WITH ${SEARCH_QUERY},
        hits AS MATERIALIZED (
          SELECT s.article_id, s.entry, -ts_rank(${RANK_WEIGHTS}, s.document, search.query, ${RANK_NORMALIZATION}) AS score
          FROM article_search s, search WHERE s.document @@ search.query
          ORDER BY score, s.entry LIMIT @limit OFFSET @offset
        )
        SELECT ${ARTICLE_LIST_COLUMNS}, ${ARTICLE_COUNTS}, parley_article_snippet(art.title, art.text, search.query, 20) AS snippet
        FROM hits JOIN articles art ON art.id = hits.article_id, search
        ORDER BY hits.score, hits.entry`, { query, limit: limit + 1, offset });
      return page(rows.map(articleItem), limit, offset);
    }
    return this.page(articlesPage(limit, offset), articleItem, limit, offset);
  }

  // ---- actors ----

  async listActors(opts: PageOptions & { q?: string }): Promise<Page<ActorSummary>> {
    const { limit, offset } = paging(opts);
    // The trigram index serves the name key's LIKE.
    const statements = actorsPage(nameKey(opts.q ?? ''), limit, offset);
    const rows = await this.all<ActorCountsRow>(statements.rows);
    const total = (await this.one<{ n: number }>(statements.total))!.n;
    const keys = rows.slice(0, limit).map((row) => row.key);
    const items = actorSummaries(rows, await this.describeKeys(keys), await this.rolesOfKeys(keys));
    return { ...page(items, limit, offset), total };
  }

  async actorDetail(name: string, opts: { limit?: number }): Promise<ActorDetail | null> {
    const key = await this.resolveKey(this.db, name);
    if (key === null) return null;
    const counts = await this.one<ActorCountsRow>(actorCounts(key));
    if (counts === undefined) return null;
    const limit = paging({ limit: opts.limit ?? PAGE_DEFAULT }).limit;
    const about = describedOrKey(await this.describeKeys([key]), key);
    const quotes = await this.quotes({ actor: key, limit });
    const stances = await this.stances({ actor: key, limit });
    const events = await this.events({ actor: key, limit, order: 'desc' });
    return actorDetail(counts, about, await this.roleHistory(key), quotes, stances, events);
  }

  private async describeKeys(keys: string[]): Promise<Map<string, ActorDescription>> {
    if (keys.length === 0) return new Map();
    return describeVariants(await this.all<VariantRow>(variantsOf(d, keys)));
  }

  private async rolesOfKeys(keys: string[]): Promise<Map<string, string[]>> {
    if (keys.length === 0) return new Map();
    return rolesByKey(await this.all<RoleRow>(rolesOf(d, keys)));
  }

  private async roleHistory(key: string): Promise<ActorRoleSummary[]> {
    // In ingestion order, as SQLite reads them (by rowid), since the most frequent spelling's ties go to the first.
    return roleHistory(await all<RoleMentionRow>(this.db, `
      SELECT r.role, art.published, a.article_id AS "articleId"
      FROM actors a CROSS JOIN LATERAL jsonb_array_elements_text(a.roles) WITH ORDINALITY AS r(role, position)
      JOIN articles art ON art.id = a.article_id
      WHERE a.name_key = @key AND a.roles <> '[]'
      ORDER BY art.ingested_at, a.article_id, a.seq, r.position`, { key }));
  }

  /** The key an actor filter names: undefined for no filter, null for a name no stored actor has. */
  private async actorFilter(actor: string | undefined): Promise<string | null | undefined> {
    return actor === undefined || actor.trim() === '' ? undefined : this.resolveKey(this.db, actor);
  }

  // ---- quotes ----

  async quotes(opts: PageOptions & { q?: string; actor?: string; onePerStory?: boolean }): Promise<Page<QuoteItem>> {
    const { limit, offset } = paging(opts);
    const key = await this.actorFilter(opts.actor);
    if (key === null) return emptyPage(limit, offset);
    const text = opts.q?.trim() ?? '';
    if (text !== '') {
      const query = toTsQuery(text);
      if (query === null) return emptyPage(limit, offset);
      const rows = await all<QuoteItemRow>(this.db, `
        WITH ${SEARCH_QUERY},
        hits AS MATERIALIZED (
          SELECT s.article_id, s.quote_id, s.entry, -ts_rank(${RANK_WEIGHTS}, s.document, search.query, ${RANK_NORMALIZATION}) AS score
          FROM quote_search s, search WHERE s.document @@ search.query ${quoteSearchFilters('s', key ?? null, opts.onePerStory)}
          ORDER BY score, s.entry LIMIT @limit OFFSET @offset
        )
        SELECT ${QUOTE_ITEM_COLUMNS}, parley_snippet(q.content_text, search.query, 24) AS snippet
        FROM hits
        JOIN quotes q ON q.article_id = hits.article_id AND q.local_id = hits.quote_id
        ${QUOTE_ITEM_JOINS}, search
        ORDER BY hits.score, hits.entry`, { query, ...(key === undefined ? {} : { key }), limit: limit + 1, offset });
      return page(rows.map(quoteItem), limit, offset);
    }
    return this.page(quotesPage(d, key ?? null, opts.onePerStory, limit, offset), quoteItem, limit, offset);
  }

  // ---- events ----

  async events(opts: EventFilter): Promise<Page<EventItem>> {
    const { limit, offset } = paging(opts);
    const key = await this.actorFilter(opts.actor);
    if (key === null) return emptyPage(limit, offset);
    const statements = eventsPage(d, opts, key ?? null, limit, offset);
    const rows = await this.all<EventItemRow>(statements.rows);
    const total = (await this.one<{ n: number }>(statements.total))!.n;
    const shown = rows.slice(0, limit);
    const participants = await this.participantsOf(shown);
    const items = shown.map((row) => eventItem(row, participants.get(`${row.articleId}\u0000${row.eventId}`) ?? []));
    return { items, limit, offset, hasMore: rows.length > limit, total };
  }

  /** The participants of a page of events, in one statement (SQLite's per-event query costs a round trip each here). */
  private async participantsOf(events: EventItemRow[]): Promise<Map<string, ParticipantRefRow[]>> {
    const result = new Map<string, ParticipantRefRow[]>();
    if (events.length === 0) return result;
    const rows = await all<ParticipantRefRow & { articleId: string; eventId: string }>(this.db, `
      SELECT p.article_id AS "articleId", p.event_id AS "eventId", p.role, a.local_id AS id, a.name_key AS key, a.name, a.type
      FROM event_participants p
      JOIN actors a ON a.article_id = p.article_id AND a.local_id = p.actor_id
      WHERE (p.article_id, p.event_id) IN (SELECT * FROM unnest(@articleIds::text[], @eventIds::text[]))
      ORDER BY p.article_id, p.event_id, p.role, p.seq`,
      { articleIds: events.map((e) => e.articleId), eventIds: events.map((e) => e.eventId) });
    for (const { articleId, eventId, ...row } of rows) {
      const id = `${articleId}\u0000${eventId}`;
      result.set(id, [...(result.get(id) ?? []), row]);
    }
    return result;
  }

  // ---- stances ----

  async stances(opts: StanceFilter): Promise<Page<StanceItem>> {
    const { limit, offset } = paging(opts);
    const key = await this.actorFilter(opts.actor);
    if (key === null) return emptyPage(limit, offset);
    return this.page(stancesPage(d, opts, key ?? null, limit, offset), stanceItem, limit, offset);
  }

  async stanceMatrix(opts: MatrixOptions): Promise<StanceMatrix> {
    const { maxIssues, maxActors, perCell } = matrixLimits(opts);
    const statements = new StanceMatrixStatements(d, opts);
    const issues = await this.all<{ issue: string; stances: number }>(statements.issues(maxIssues));
    if (issues.length === 0) return { actors: [], issues: [], cells: [] };
    const labels = issues.map((i) => i.issue);
    const actorRows = await this.all<{ key: string; stances: number }>(statements.actors(labels, maxActors));
    const keys = actorRows.map((row) => row.key);
    const actors = matrixActors(actorRows, await this.describeKeys(keys));
    const rows = await this.all<MatrixCellRow>(statements.evidence(labels, keys, perCell));
    return { actors, issues, cells: matrixCells(rows, keys, labels) };
  }

  // ---- network ----

  async network(opts: NetworkOptions): Promise<Network> {
    const maxNodes = clamp(opts.maxNodes, 40, 2, 300);
    const pairs = await this.all<PairRow>(networkPairs(d, opts));
    const top = networkNodes(pairs, maxNodes);
    return network(pairs, top, await this.describeKeys(top.map(([key]) => key)));
  }

  // ---- statements ----

  /** A page of items (only the page's rows are made items) with the total. */
  private async page<R, T>(statements: PageStatements, item: (row: R) => T, limit: number, offset: number): Promise<Page<T>> {
    const rows = await this.all<R>(statements.rows);
    const total = (await this.one<{ n: number }>(statements.total))!.n;
    return { items: rows.slice(0, limit).map(item), limit, offset, hasMore: rows.length > limit, total };
  }

  private all<T>({ sql, params }: Statement): Promise<T[]> {
    return all<T>(this.db, sql, params);
  }

  private one<T>({ sql, params }: Statement): Promise<T | undefined> {
    return one<T>(this.db, sql, params);
  }
}
