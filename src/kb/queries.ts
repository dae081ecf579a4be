// The paged read paths of the SQLite store, used by the HTTP API: the statements of read-queries.ts run
// synchronously, and what only SQLite writes this way (FTS5 search with bm25 and snippet(), roles from json_each).
// Internal: import the store through ./index.js.
import type Database from 'better-sqlite3';
import {
  PAGE_DEFAULT, SNIPPET_CLOSE, SNIPPET_OPEN, articleItem, describeVariants, describedOrKey, emptyPage, eventItem,
  matrixCells, matrixLimits, network, networkNodes, page, paging, quoteItem, roleHistory, rolesByKey, stanceItem, clamp,
} from './api-rows.js';
import type {
  ActorDescription, ArticleListRow, EventItemRow, MatrixCellRow, PairRow, ParticipantRefRow, QuoteItemRow, RoleMentionRow,
  RoleRow, VariantRow,
} from './api-rows.js';
import { toFtsQuery } from './fts.js';
import type {
  ActorDetail, ActorSummary, ArticleListItem, EventFilter, EventItem, MatrixOptions, Network, NetworkOptions, Page,
  PageOptions, QuoteItem, StanceFilter, StanceItem, StanceMatrix,
} from './index.js';
import { nameKey } from './names.js';
import {
  ARTICLE_COUNTS, ARTICLE_LIST_COLUMNS, QUOTE_ITEM_COLUMNS, QUOTE_ITEM_JOINS, StanceMatrixStatements, actorCounts,
  actorDetail, actorSummaries, actorsPage, articlesPage, eventsPage, matrixActors, networkPairs, quoteSearchFilters,
  quotesPage, rolesOf, stancesPage, variantsOf, type ActorCountsRow, type Dialect, type PageStatements, type Statement,
} from './read-queries.js';

export const SQLITE_DIALECT: Dialect = {
  descNullsLast: (column) => `${column} DESC`,
  caseInsensitiveLike: 'LIKE',
  inList: (column, name) => `${column} IN (SELECT value FROM json_each(@${name}))`,
  listValue: (values) => JSON.stringify(values),
  jsonArrays: (items, orderBy) => `json_group_array(json_array(${items}) ORDER BY ${orderBy})`,
  // SQLite reads a bare column of an aggregate query from the row that max() chose.
  inLatestRow: (column) => column,
};

const d = SQLITE_DIALECT;

export class ApiQueries {
  private readonly cache = new Map<string, Database.Statement>();

  constructor(
    private readonly db: Database.Database,
    /** The store's name lookup: a key, a full name, a unique surname or a unique mention; null when none. */
    private readonly resolveKey: (name: string) => string | null,
  ) {}

  // ---- articles ----

  listArticles(opts: PageOptions & { q?: string }): Page<ArticleListItem> {
    const { limit, offset } = paging(opts);
    const q = opts.q?.trim() ?? '';
    if (q !== '') {
      const query = toFtsQuery(q);
      if (query === null) return emptyPage(limit, offset);
      // Ranks first and writes snippets only for the page (a snippet reads the whole article text).
      const rows = this.all<ArticleListRow>({
        sql: `
          WITH hits AS MATERIALIZED (
            SELECT rowid AS hit, bm25(search_index, 4.0, 1.0, 2.0) AS score FROM search_index
            WHERE search_index MATCH @query AND kind = 'article'
            ORDER BY score, rowid LIMIT @limit OFFSET @offset
          )
          SELECT ${ARTICLE_LIST_COLUMNS}, ${ARTICLE_COUNTS},
            snippet(search_index, -1, '${SNIPPET_OPEN}', '${SNIPPET_CLOSE}', '…', 20) AS snippet
          FROM hits
          CROSS JOIN search_index ON search_index.rowid = hits.hit -- CROSS: the page drives the join, not the match
          JOIN articles art ON art.id = search_index.article_id
          WHERE search_index MATCH @query
          ORDER BY hits.score, hits.hit`,
        params: { query, limit: limit + 1, offset },
      });
      return page(rows.map(articleItem), limit, offset);
    }
    return this.page(articlesPage(limit, offset), articleItem, limit, offset);
  }

  // ---- actors ----

  listActors(opts: PageOptions & { q?: string }): Page<ActorSummary> {
    const { limit, offset } = paging(opts);
    const statements = actorsPage(nameKey(opts.q ?? ''), limit, offset);
    const rows = this.all<ActorCountsRow>(statements.rows);
    const total = this.get<{ n: number }>(statements.total).n;
    const keys = rows.slice(0, limit).map((row) => row.key);
    const items = actorSummaries(rows, this.describeKeys(keys), this.rolesOfKeys(keys));
    return { ...page(items, limit, offset), total };
  }

  actorDetail(name: string, opts: { limit?: number }): ActorDetail | null {
    const key = this.resolveKey(name);
    if (key === null) return null;
    const counts = this.get<ActorCountsRow | undefined>(actorCounts(key));
    if (counts === undefined) return null;
    const limit = paging({ limit: opts.limit ?? PAGE_DEFAULT }).limit;
    return actorDetail(
      counts, describedOrKey(this.describeKeys([key]), key), this.roleHistory(key),
      this.quotes({ actor: key, limit }), this.stances({ actor: key, limit }), this.events({ actor: key, limit, order: 'desc' }),
    );
  }

  /** Display name, type and country per key: the most frequent of each among the key's actor rows. */
  private describeKeys(keys: string[]): Map<string, ActorDescription> {
    if (keys.length === 0) return new Map();
    return describeVariants(this.all<VariantRow>(variantsOf(d, keys)));
  }

  private rolesOfKeys(keys: string[]): Map<string, string[]> {
    if (keys.length === 0) return new Map();
    return rolesByKey(this.all<RoleRow>(rolesOf(d, keys)));
  }

  /** Each role of an actor with the dates of the articles that report it. */
  private roleHistory(key: string) {
    return roleHistory(this.all<RoleMentionRow>({
      sql: `
        SELECT r.value AS role, art.published, a.article_id AS "articleId"
        FROM actors a INDEXED BY actors_with_roles, json_each(a.roles) r JOIN articles art ON art.id = a.article_id
        WHERE a.name_key = @key AND a.roles <> '[]'`,
      params: { key },
    }));
  }

  /** The key an actor filter names: undefined for no filter, null for a name no stored actor has. */
  private actorFilter(actor: string | undefined): string | null | undefined {
    return actor === undefined || actor.trim() === '' ? undefined : this.resolveKey(actor);
  }

  // ---- quotes ----

  quotes(opts: PageOptions & { q?: string; actor?: string; onePerStory?: boolean }): Page<QuoteItem> {
    const { limit, offset } = paging(opts);
    const key = this.actorFilter(opts.actor);
    if (key === null) return emptyPage(limit, offset);
    const q = opts.q?.trim() ?? '';
    if (q !== '') {
      const query = toFtsQuery(q);
      if (query === null) return emptyPage(limit, offset);
      // Ranks by rowid alone, then joins the page.
      const rows = this.all<QuoteItemRow>({
        sql: `
          WITH hits AS MATERIALIZED (
            SELECT rowid AS hit, bm25(quote_search, 1.0, 2.0) AS score FROM quote_search
            WHERE quote_search MATCH @query ${quoteSearchFilters('quote_search', key ?? null, opts.onePerStory)}
            ORDER BY score, rowid LIMIT @limit OFFSET @offset
          )
          SELECT ${QUOTE_ITEM_COLUMNS}, snippet(quote_search, 0, '${SNIPPET_OPEN}', '${SNIPPET_CLOSE}', '…', 24) AS snippet
          FROM hits
          CROSS JOIN quote_search ON quote_search.rowid = hits.hit -- CROSS: the page drives the join, not the match
          JOIN quotes q ON q.article_id = quote_search.article_id AND q.local_id = quote_search.quote_id
          ${QUOTE_ITEM_JOINS}
          WHERE quote_search MATCH @query
          ORDER BY hits.score, hits.hit`,
        params: { query, ...(key === undefined ? {} : { key }), limit: limit + 1, offset },
      });
      return page(rows.map(quoteItem), limit, offset);
    }
    return this.page(quotesPage(d, key ?? null, opts.onePerStory, limit, offset), quoteItem, limit, offset);
  }

  // ---- events ----

  events(opts: EventFilter): Page<EventItem> {
    const { limit, offset } = paging(opts);
    const key = this.actorFilter(opts.actor);
    if (key === null) return emptyPage(limit, offset);
    return this.page(eventsPage(d, opts, key ?? null, limit, offset), (row: EventItemRow) => this.eventItem(row), limit, offset);
  }

  private eventItem(row: EventItemRow): EventItem {
    return eventItem(row, this.all<ParticipantRefRow>({
      sql: `
        SELECT p.role, a.local_id AS id, a.name_key AS key, a.name, a.type FROM event_participants p
        JOIN actors a ON a.article_id = p.article_id AND a.local_id = p.actor_id
        WHERE p.article_id = @articleId AND p.event_id = @eventId ORDER BY p.role, p.seq`,
      params: { articleId: row.articleId, eventId: row.eventId },
    }));
  }

  // ---- stances ----

  stances(opts: StanceFilter): Page<StanceItem> {
    const { limit, offset } = paging(opts);
    const key = this.actorFilter(opts.actor);
    if (key === null) return emptyPage(limit, offset);
    return this.page(stancesPage(d, opts, key ?? null, limit, offset), stanceItem, limit, offset);
  }

  stanceMatrix(opts: MatrixOptions): StanceMatrix {
    const { maxIssues, maxActors, perCell } = matrixLimits(opts);
    const statements = new StanceMatrixStatements(d, opts);
    const issues = this.all<{ issue: string; stances: number }>(statements.issues(maxIssues));
    if (issues.length === 0) return { actors: [], issues: [], cells: [] };
    const labels = issues.map((i) => i.issue);
    const actorRows = this.all<{ key: string; stances: number }>(statements.actors(labels, maxActors));
    const keys = actorRows.map((row) => row.key);
    const actors = matrixActors(actorRows, this.describeKeys(keys));
    const rows = this.all<MatrixCellRow>(statements.evidence(labels, keys, perCell));
    return { actors, issues, cells: matrixCells(rows, keys, labels) };
  }

  // ---- network ----

  network(opts: NetworkOptions): Network {
    const maxNodes = clamp(opts.maxNodes, 40, 2, 300);
    const pairs = this.all<PairRow>(networkPairs(d, opts));
    const top = networkNodes(pairs, maxNodes);
    return network(pairs, top, this.describeKeys(top.map(([key]) => key)));
  }

  // ---- statements ----

  /** A page of items (only the page's rows are made items) with the total. */
  private page<R, T>(statements: PageStatements, item: (row: R) => T, limit: number, offset: number): Page<T> {
    const rows = this.all<R>(statements.rows);
    const total = this.get<{ n: number }>(statements.total).n;
    return { items: rows.slice(0, limit).map(item), limit, offset, hasMore: rows.length > limit, total };
  }

  private prepared(sql: string): Database.Statement {
    let statement = this.cache.get(sql);
    if (statement === undefined) {
      statement = this.db.prepare(sql);
      this.cache.set(sql, statement);
    }
    return statement;
  }

  private all<T>({ sql, params }: Statement): T[] {
    return this.prepared(sql).all(params) as T[];
  }

  private get<T>({ sql, params }: Statement): T {
    return this.prepared(sql).get(params) as T;
  }
}
