// The paged read paths of the SQLite store, used by the HTTP API. Internal: import the store through ./index.js.
// Every list is paged in SQL (LIMIT/OFFSET, one row more than asked to know whether there is more) and sorted by an
// index where the order allows it, so a page costs about the same on 10 articles as on 10,000.
import type Database from 'better-sqlite3';
import type { ActorType } from '../contract.js';
import {
  PAGE_DEFAULT, SNIPPET_CLOSE, SNIPPET_OPEN, articleItem, describeVariants, describedOrKey, emptyPage, eventItem,
  matrixCells, matrixLimits, network, networkNodes, page, paging, quoteItem, roleHistory, rolesByKey, stanceItem,
  topicPatterns, clamp,
} from './api-rows.js';
import type {
  ActorDescription, ArticleListRow, EventItemRow, MatrixCellRow, PairRow, ParticipantRefRow, QuoteItemRow, RoleMentionRow,
  RoleRow, StanceItemRow, VariantRow,
} from './api-rows.js';
import { toFtsQuery } from './fts.js';
import type {
  ActorDetail, ActorSummary, ArticleListItem, EventFilter, EventItem, MatrixOptions, Network, NetworkOptions, Page,
  PageOptions, QuoteItem, StanceFilter, StanceItem, StanceMatrix,
} from './index.js';
import { nameKey } from './names.js';

const NEWEST_FIRST = 'art.published DESC NULLS LAST, art.ingested_at DESC, art.id';
/** True for an article that is a near-duplicate of an earlier one (story groups, migration 4). */
const isLaterDuplicate = (articleId: string) =>
  `EXISTS (SELECT 1 FROM article_signatures g WHERE g.article_id = ${articleId} AND g.story_id <> g.article_id)`;

type Params = Record<string, string | number | null>;

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
    const counts = `
      (SELECT count(*) FROM actors WHERE article_id = art.id) AS actors,
      (SELECT count(*) FROM quotes WHERE article_id = art.id) AS quotes,
      (SELECT count(*) FROM events WHERE article_id = art.id) AS events,
      (SELECT count(*) FROM stances WHERE article_id = art.id) AS stances`;
    const columns = 'art.id, art.title, art.published, art.outlet, art.source, art.url, art.ingested_at AS ingestedAt';
    const q = opts.q?.trim() ?? '';
    if (q !== '') {
      const query = toFtsQuery(q);
      if (query === null) return emptyPage(limit, offset);
      // Ranks first and writes snippets only for the page (a snippet reads the whole article text).
      const rows = this.all<ArticleListRow>(`
        WITH hits AS MATERIALIZED (
          SELECT rowid AS hit, bm25(search_index, 4.0, 1.0, 2.0) AS score FROM search_index
          WHERE search_index MATCH @query AND kind = 'article'
          ORDER BY score, rowid LIMIT @limit OFFSET @offset
        )
        SELECT ${columns}, ${counts},
          snippet(search_index, -1, '${SNIPPET_OPEN}', '${SNIPPET_CLOSE}', '…', 20) AS snippet
        FROM hits
        CROSS JOIN search_index ON search_index.rowid = hits.hit -- CROSS: the page drives the join, not the match
        JOIN articles art ON art.id = search_index.article_id
        WHERE search_index MATCH @query
        ORDER BY hits.score, hits.hit`, { query, limit: limit + 1, offset });
      return page(rows.map(articleItem), limit, offset);
    }
    const rows = this.all<ArticleListRow>(`
      SELECT ${columns}, ${counts} FROM articles art ORDER BY ${NEWEST_FIRST} LIMIT @limit OFFSET @offset`,
      { limit: limit + 1, offset });
    const total = this.get<{ n: number }>('SELECT count(*) AS n FROM articles', {}).n;
    return { ...page(rows.map(articleItem), limit, offset), total };
  }

  // ---- actors ----

  listActors(opts: PageOptions & { q?: string }): Page<ActorSummary> {
    const { limit, offset } = paging(opts);
    const q = nameKey(opts.q ?? '');
    const where = q === '' ? '' : `WHERE name_key LIKE '%' || @q || '%'`;
    const params: Params = q === '' ? {} : { q };
    const rows = this.all<{ key: string; articleCount: number; quoteCount: number }>(`
      SELECT name_key AS key, article_count AS articleCount, quote_count AS quoteCount FROM actor_keys ${where}
      ORDER BY article_count DESC, quote_count DESC, name_key LIMIT @limit OFFSET @offset`,
      { ...params, limit: limit + 1, offset });
    const total = this.get<{ n: number }>(`SELECT count(*) AS n FROM actor_keys ${where}`, params).n;
    const keys = rows.slice(0, limit).map((row) => row.key);
    const described = this.describeKeys(keys);
    const roles = this.rolesOfKeys(keys);
    const items = rows.map((row) => {
      const about = describedOrKey(described, row.key);
      return { key: row.key, ...about, roles: roles.get(row.key) ?? [], articleCount: row.articleCount, quoteCount: row.quoteCount };
    });
    return { ...page(items, limit, offset), total };
  }

  actorDetail(name: string, opts: { limit?: number }): ActorDetail | null {
    const key = this.resolveKey(name);
    if (key === null) return null;
    const counts = this.get<{ articleCount: number; quoteCount: number } | undefined>(
      'SELECT article_count AS articleCount, quote_count AS quoteCount FROM actor_keys WHERE name_key = @key', { key });
    if (counts === undefined) return null;
    const about = describedOrKey(this.describeKeys([key]), key);
    const limit = paging({ limit: opts.limit ?? PAGE_DEFAULT }).limit;
    const quotes = this.quotes({ actor: key, limit });
    const stances = this.stances({ actor: key, limit });
    const events = this.events({ actor: key, limit, order: 'desc' });
    return {
      key,
      ...about,
      articleCount: counts.articleCount,
      quoteCount: counts.quoteCount,
      stanceCount: stances.total ?? stances.items.length,
      eventCount: events.total ?? events.items.length,
      roles: this.roleHistory(key),
      quotes: quotes.items,
      stances: stances.items,
      events: events.items,
    };
  }

  /** Display name, type and country per key: the most frequent of each among the key's actor rows. */
  private describeKeys(keys: string[]): Map<string, ActorDescription> {
    if (keys.length === 0) return new Map();
    return describeVariants(this.all<VariantRow>(`
      SELECT name_key, name, type, country, n FROM actor_key_variants
      WHERE name_key IN (SELECT value FROM json_each(@keys)) ORDER BY name_key, n DESC, name`, { keys: JSON.stringify(keys) }));
  }

  private rolesOfKeys(keys: string[]): Map<string, string[]> {
    if (keys.length === 0) return new Map();
    return rolesByKey(this.all<RoleRow>(`
      SELECT name_key, role, n FROM actor_key_roles WHERE name_key IN (SELECT value FROM json_each(@keys))
      ORDER BY name_key, n DESC, role`, { keys: JSON.stringify(keys) }));
  }

  /** Each role of an actor with the dates of the articles that report it. */
  private roleHistory(key: string) {
    return roleHistory(this.all<RoleMentionRow>(`
      SELECT r.value AS role, art.published, a.article_id AS articleId
      FROM actors a INDEXED BY actors_with_roles, json_each(a.roles) r JOIN articles art ON art.id = a.article_id
      WHERE a.name_key = @key AND a.roles <> '[]'`, { key }));
  }

  // ---- quotes ----

  quotes(opts: PageOptions & { q?: string; actor?: string; onePerStory?: boolean }): Page<QuoteItem> {
    const { limit, offset } = paging(opts);
    const empty = emptyPage<QuoteItem>(limit, offset);
    let key: string | null = null;
    if (opts.actor !== undefined && opts.actor.trim() !== '') {
      key = this.resolveKey(opts.actor);
      if (key === null) return empty;
    }
    const columns = `
      art.id AS articleId, art.title AS articleTitle, art.published, q.local_id AS quoteId, q.kind,
      q.content_start, q.content_end, q.content_text, q.speaker_id,
      sp.name_key AS speaker_key, sp.name AS speaker_name, sp.type AS speaker_type`;
    const joins = `
      JOIN articles art ON art.id = q.article_id
      LEFT JOIN actors sp ON sp.article_id = q.article_id AND sp.local_id = q.speaker_id`;
    const q = opts.q?.trim() ?? '';
    if (q !== '') {
      const query = toFtsQuery(q);
      if (query === null) return empty;
      // Ranks by rowid alone, then joins the page: reading any stored column of every match (a join key, a
      // filter) costs far more than the ranking on a common word.
      const speakerFilter = (key === null ? '' : `AND (SELECT speaker_key FROM quotes
        WHERE article_id = quote_search.article_id AND local_id = quote_search.quote_id) = @key`)
        + (opts.onePerStory ? ` AND NOT ${isLaterDuplicate('quote_search.article_id')}` : '');
      const rows = this.all<QuoteItemRow>(`
        WITH hits AS MATERIALIZED (
          SELECT rowid AS hit, bm25(quote_search, 1.0, 2.0) AS score FROM quote_search
          WHERE quote_search MATCH @query ${speakerFilter}
          ORDER BY score, rowid LIMIT @limit OFFSET @offset
        )
        SELECT ${columns}, snippet(quote_search, 0, '${SNIPPET_OPEN}', '${SNIPPET_CLOSE}', '…', 24) AS snippet
        FROM hits
        CROSS JOIN quote_search ON quote_search.rowid = hits.hit -- CROSS: the page drives the join, not the match
        JOIN quotes q ON q.article_id = quote_search.article_id AND q.local_id = quote_search.quote_id
        ${joins}
        WHERE quote_search MATCH @query
        ORDER BY hits.score, hits.hit`, { query, ...(key === null ? {} : { key }), limit: limit + 1, offset });
      return page(rows.map(quoteItem), limit, offset);
    }
    const conditions = [...(key === null ? [] : ['q.speaker_key = @key']), ...(opts.onePerStory ? [`NOT ${isLaterDuplicate('q.article_id')}`] : [])];
    const where = conditions.length > 0 ? `WHERE ${conditions.join(' AND ')}` : '';
    const params: Params = key === null ? {} : { key };
    const rows = this.all<QuoteItemRow>(`
      SELECT ${columns} FROM quotes q ${joins} ${where}
      ORDER BY q.quote_date DESC, q.article_id DESC, q.seq LIMIT @limit OFFSET @offset`, { ...params, limit: limit + 1, offset });
    const total = this.get<{ n: number }>(`SELECT count(*) AS n FROM quotes q ${where}`, params).n;
    return { ...page(rows.map(quoteItem), limit, offset), total };
  }

  // ---- events ----

  events(opts: EventFilter): Page<EventItem> {
    const { limit, offset } = paging(opts);
    let key: string | null = null;
    if (opts.actor !== undefined && opts.actor.trim() !== '') {
      key = this.resolveKey(opts.actor);
      if (key === null) return emptyPage(limit, offset);
    }
    // One actor's events are read from its participant rows (which carry the sort date), the others from events.
    const d = key === null ? 'e' : 'p';
    const where: string[] = [];
    const params: Params = {};
    if (key !== null) {
      // An actor on both sides of one event (or named twice) lists the event once: by its first participant row.
      where.push('p.actor_key = @actor', 'p.first_of_key = 1');
      params.actor = key;
    }
    if (opts.type !== undefined) {
      where.push('e.type = @type');
      params.type = opts.type;
    }
    if (opts.onePerStory) where.push(`NOT ${isLaterDuplicate(`${d}.article_id`)}`);
    if (opts.from !== undefined) {
      where.push(`${d}.sort_date >= @from`);
      params.from = opts.from;
    }
    if (opts.to !== undefined) {
      where.push(`${d}.sort_date <= @to`);
      params.to = opts.to;
    }
    const filter = where.length > 0 ? `WHERE ${where.join(' AND ')}` : '';
    const from = key === null
      ? 'events e'
      : 'event_participants p JOIN events e ON e.article_id = p.article_id AND e.local_id = p.event_id';
    // Both orders put undated events last and follow an index: (sort_date IS NULL, sort_date, ...) ascending, or
    // (sort_date, ...) read backwards, where NULL sorts lowest. With a date bound there are no undated events.
    const bounded = opts.from !== undefined || opts.to !== undefined;
    const order = opts.order === 'desc'
      ? `${d}.sort_date DESC, ${d}.article_id DESC, e.seq DESC`
      : bounded ? `${d}.sort_date, ${d}.article_id, e.seq` : `(${d}.sort_date IS NULL), ${d}.sort_date, ${d}.article_id, e.seq`;
    const rows = this.all<EventItemRow>(`
      SELECT e.article_id AS articleId, art.title AS articleTitle, art.published, e.local_id AS eventId, e.type, e.mode,
        e.sort_date AS date, e.date AS eventDate, e.location, e.negated, e.modality,
        e.evidence_start, e.evidence_end, e.evidence_text
      FROM ${from} JOIN articles art ON art.id = e.article_id
      ${filter} ORDER BY ${order} LIMIT @limit OFFSET @offset`, { ...params, limit: limit + 1, offset });
    const needsEvents = opts.type !== undefined || key === null;
    // (onePerStory reads only the article id, which participant rows carry too.)
    const total = this.get<{ n: number }>(`SELECT count(*) AS n FROM ${needsEvents ? from : 'event_participants p'} ${filter}`, params).n;
    const items = rows.slice(0, limit).map((row) => this.eventItem(row));
    return { items, limit, offset, hasMore: rows.length > limit, total };
  }

  private eventItem(row: EventItemRow): EventItem {
    return eventItem(row, this.all<ParticipantRefRow>(`
      SELECT p.role, a.local_id AS id, a.name_key AS key, a.name, a.type FROM event_participants p
      JOIN actors a ON a.article_id = p.article_id AND a.local_id = p.actor_id
      WHERE p.article_id = @articleId AND p.event_id = @eventId ORDER BY p.role, p.seq`,
      { articleId: row.articleId, eventId: row.eventId }));
  }

  // ---- stances ----

  stances(opts: StanceFilter): Page<StanceItem> {
    const { limit, offset } = paging(opts);
    const where: string[] = ['s.holder_key IS NOT NULL'];
    const params: Params = {};
    if (opts.actor !== undefined && opts.actor.trim() !== '') {
      const key = this.resolveKey(opts.actor);
      if (key === null) return emptyPage(limit, offset);
      where.push('s.holder_key = @actor');
      params.actor = key;
    }
    if (opts.issue !== undefined) {
      where.push('s.issue = @issue');
      params.issue = opts.issue;
    }
    addStanceConditions(where, params, opts);
    const filter = `WHERE ${where.join(' AND ')}`;
    const rows = this.all<StanceItemRow>(`
      SELECT s.article_id AS articleId, art.title AS articleTitle, art.published, s.local_id AS stanceId,
        s.holder_id, s.holder_key, h.name AS holder_name, h.type AS holder_type, s.issue, s.polarity,
        s.evidence_start, s.evidence_end, s.evidence_text, s.quote_id AS quoteId
      FROM stances s
      JOIN articles art ON art.id = s.article_id
      JOIN actors h ON h.article_id = s.article_id AND h.local_id = s.holder_id
      ${filter} ORDER BY s.stance_date DESC, s.article_id DESC, s.seq LIMIT @limit OFFSET @offset`,
      { ...params, limit: limit + 1, offset });
    const total = this.get<{ n: number }>(`SELECT count(*) AS n FROM stances s ${filter}`, params).n;
    return { ...page(rows.map(stanceItem), limit, offset), total };
  }

  stanceMatrix(opts: MatrixOptions): StanceMatrix {
    const { maxIssues, maxActors, perCell } = matrixLimits(opts);
    const where: string[] = ['s.holder_key IS NOT NULL'];
    const params: Params = {};
    addStanceConditions(where, params, opts);
    const filter = where.join(' AND ');
    // Without a date range the aggregates kept by put() answer (issue_counts, stance_cells); with one, the stances.
    const aggregated = opts.from === undefined && opts.to === undefined;
    const issues = aggregated
      ? this.all<{ issue: string; stances: number }>(`
          SELECT s.issue, s.stances FROM issue_counts s WHERE ${topicConditions('s.issue', opts.topic, {}).join(' AND ') || 'true'}
          ORDER BY s.stances DESC, s.issue LIMIT @maxIssues`, { ...params, maxIssues })
      : this.all<{ issue: string; stances: number }>(`
          SELECT s.issue, count(*) AS stances FROM stances s WHERE ${filter}
          GROUP BY s.issue ORDER BY stances DESC, s.issue LIMIT @maxIssues`, { ...params, maxIssues });
    if (issues.length === 0) return { actors: [], issues: [], cells: [] };
    const inIssues = 'IN (SELECT value FROM json_each(@issues))';
    // (issue, holder_key, support, oppose) for the chosen columns.
    const cellSource = aggregated
      ? `SELECT issue, holder_key, support, oppose FROM stance_cells WHERE issue ${inIssues}`
      : `SELECT s.issue, s.holder_key, sum(s.polarity = 'support') AS support, sum(s.polarity = 'oppose') AS oppose
         FROM stances s WHERE ${filter} AND s.issue ${inIssues} GROUP BY s.issue, s.holder_key`;
    const issueParams = { ...params, issues: JSON.stringify(issues.map((i) => i.issue)) };
    const actorRows = this.all<{ key: string; stances: number }>(`
      SELECT c.holder_key AS key, sum(c.support + c.oppose) AS stances FROM (${cellSource}) c
      GROUP BY c.holder_key HAVING stances > 0 ORDER BY stances DESC, key LIMIT @maxActors`, { ...issueParams, maxActors });
    const keys = actorRows.map((row) => row.key);
    const described = this.describeKeys(keys);
    const actors = actorRows.map((row) => {
      const about = described.get(row.key);
      return { key: row.key, name: about?.name ?? row.key, type: about?.type ?? ('person' as ActorType), stances: row.stances };
    });
    // Each cell with its latest evidence, in one statement (a query per cell costs more in calls than in SQL).
    const rows = this.all<MatrixCellRow>(`
      SELECT c.holder_key AS key, c.issue, c.support, c.oppose,
        (SELECT json_group_array(json_array(e.article_id, e.local_id, e.quote_id, e.polarity, e.stance_date)
            ORDER BY e.stance_date DESC, e.article_id DESC, e.seq)
          FROM (SELECT s.article_id, s.local_id, s.quote_id, s.polarity, s.stance_date, s.seq FROM stances s
                WHERE ${filter} AND s.issue = c.issue AND s.holder_key = c.holder_key
                ORDER BY s.stance_date DESC, s.article_id DESC, s.seq LIMIT @perCell) e) AS evidence
      FROM (${cellSource}) c
      WHERE c.holder_key IN (SELECT value FROM json_each(@keys)) AND c.support + c.oppose > 0`,
      { ...issueParams, keys: JSON.stringify(keys), perCell });
    const cells = matrixCells(rows, keys, issues.map((i) => i.issue));
    return { actors, issues, cells };
  }

  // ---- network ----

  network(opts: NetworkOptions): Network {
    const maxNodes = clamp(opts.maxNodes, 40, 2, 300);
    const where: string[] = ["e.type = @type", 'e.negated = 0', "e.modality IN ('asserted', 'historical')"];
    const params: Params = { type: opts.type ?? 'CONSULT' };
    if (opts.from !== undefined) {
      where.push('e.sort_date >= @from');
      params.from = opts.from;
    }
    if (opts.to !== undefined) {
      where.push('e.sort_date <= @to');
      params.to = opts.to;
    }
    // Everyone taking part in one meeting met everyone else in it, whichever side the text put them on.
    const pairs = this.all<PairRow>(`
      WITH parts AS MATERIALIZED (
        SELECT p.article_id, p.event_id, p.actor_key, e.sort_date
        FROM events e
        JOIN event_participants p ON p.article_id = e.article_id AND p.event_id = e.local_id AND p.first_of_key = 1
        WHERE ${where.join(' AND ')}
      )
      SELECT x.actor_key AS a, y.actor_key AS b, count(*) AS count, max(coalesce(x.sort_date, '')) AS date,
        x.article_id AS articleId, x.event_id AS eventId
      FROM parts x JOIN parts y ON y.article_id = x.article_id AND y.event_id = x.event_id AND x.actor_key < y.actor_key
      GROUP BY x.actor_key, y.actor_key`, params);
    const top = networkNodes(pairs, maxNodes);
    return network(pairs, top, this.describeKeys(top.map(([key]) => key)));
  }

  // ---- statements ----

  private statement(sql: string): Database.Statement {
    let statement = this.cache.get(sql);
    if (statement === undefined) {
      statement = this.db.prepare(sql);
      this.cache.set(sql, statement);
    }
    return statement;
  }

  private all<T>(sql: string, params: Params): T[] {
    return this.statement(sql).all(params) as T[];
  }

  private get<T>(sql: string, params: Params): T {
    return this.statement(sql).get(params) as T;
  }
}

// ---- helpers --------------------------------------------------------------------------------------------------

/** One LIKE per word of the topic (all must occur in the issue label, ASCII case ignored); fills params. */
function topicConditions(column: string, topic: string | undefined, params: Params): string[] {
  return topicPatterns(topic).map((pattern, i) => {
    params[`topic${i}`] = pattern;
    return `${column} LIKE @topic${i} ESCAPE '\\'`;
  });
}

function addStanceConditions(where: string[], params: Params, opts: { topic?: string; from?: string; to?: string }): void {
  where.push(...topicConditions('s.issue', opts.topic, params));
  if (opts.from !== undefined) {
    where.push('s.stance_date >= @from');
    params.from = opts.from;
  }
  if (opts.to !== undefined) {
    where.push('s.stance_date <= @to');
    params.to = opts.to;
  }
}
