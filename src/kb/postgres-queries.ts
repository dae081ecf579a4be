// The paged read paths of the PostgreSQL store, used by the HTTP API: the same pages in the same order as the
// SQLite store's (queries.ts), built by the same TypeScript (api-rows.ts). Two things differ in the SQL: NULL sorts
// highest in PostgreSQL, so every ORDER BY on a nullable column says NULLS FIRST/LAST to sort as SQLite does; and
// full-text search ranks with ts_rank over tsvector documents instead of FTS5's bm25. Internal: import the store
// through ./index.js.
import {
  PAGE_DEFAULT, articleItem, clamp, describeVariants, describedOrKey, emptyPage, eventItem, matrixCells, matrixLimits,
  network, networkNodes, page, paging, quoteItem, roleHistory, rolesByKey, stanceItem, topicPatterns,
} from './api-rows.js';
import type {
  ActorDescription, ArticleListRow, EventItemRow, MatrixCellRow, PairRow, ParticipantRefRow, QuoteItemRow, RoleMentionRow,
  RoleRow, StanceItemRow, VariantRow,
} from './api-rows.js';
import { toTsQuery } from './fts.js';
import type {
  ActorDetail, ActorRoleSummary, ActorSummary, ArticleListItem, EventFilter, EventItem, MatrixOptions, Network, NetworkOptions,
  Page, PageOptions, QuoteItem, StanceFilter, StanceItem, StanceMatrix,
} from './index.js';
import { nameKey } from './names.js';
import { TEXT_SEARCH_CONFIG } from './postgres-migrations.js';
import { all, one, type Params, type Queryable } from './postgres-sql.js';

export const NEWEST_FIRST = 'art.published DESC NULLS LAST, art.ingested_at DESC, art.id';
/** ts_rank's weights for D, C, B, A: as SQLite's bm25 weights, title (A) 4, speaker (C) 2, text and content (D) 1. */
export const RANK_WEIGHTS = `'{0.25, 0.5, 0.75, 1.0}'`;
/** Rank divided by 1 + the log of the document's length: like bm25, a match in a shorter document ranks higher. */
export const RANK_NORMALIZATION = 1;
/** The user's words as a tsquery (a CTE, so that it is parsed once per statement). */
export const SEARCH_QUERY = `search AS (SELECT to_tsquery('${TEXT_SEARCH_CONFIG}', @query) AS query)`;

/** True for an article that is a near-duplicate of an earlier one. */
const isLaterDuplicate = (articleId: string) =>
  `EXISTS (SELECT 1 FROM article_signatures g WHERE g.article_id = ${articleId} AND g.story_id <> g.article_id)`;

export class PostgresQueries {
  constructor(
    private readonly db: Queryable,
    /** The store's name lookup: a key, a full name, a unique surname or a unique mention; null when none. */
    private readonly resolveKey: (db: Queryable, name: string) => Promise<string | null>,
  ) {}

  // ---- articles ----

  async listArticles(opts: PageOptions & { q?: string }): Promise<Page<ArticleListItem>> {
    const { limit, offset } = paging(opts);
    const counts = `
      (SELECT count(*) FROM actors WHERE article_id = art.id) AS actors,
      (SELECT count(*) FROM quotes WHERE article_id = art.id) AS quotes,
      (SELECT count(*) FROM events WHERE article_id = art.id) AS events,
      (SELECT count(*) FROM stances WHERE article_id = art.id) AS stances`;
    const columns = 'art.id, art.title, art.published, art.outlet, art.source, art.url, art.ingested_at AS "ingestedAt"';
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
        SELECT ${columns}, ${counts}, parley_article_snippet(art.title, art.text, search.query, 20) AS snippet
        FROM hits JOIN articles art ON art.id = hits.article_id, search
        ORDER BY hits.score, hits.entry`, { query, limit: limit + 1, offset });
      return page(rows.map(articleItem), limit, offset);
    }
    const rows = await all<ArticleListRow>(this.db, `
      SELECT ${columns}, ${counts} FROM articles art ORDER BY ${NEWEST_FIRST} LIMIT @limit OFFSET @offset`,
      { limit: limit + 1, offset });
    const total = (await one<{ n: number }>(this.db, 'SELECT count(*) AS n FROM articles'))!.n;
    return { ...page(rows.map(articleItem), limit, offset), total };
  }

  // ---- actors ----

  async listActors(opts: PageOptions & { q?: string }): Promise<Page<ActorSummary>> {
    const { limit, offset } = paging(opts);
    const q = nameKey(opts.q ?? '');
    // A name key holds only letters, digits and spaces, so it needs no LIKE escaping; the trigram index serves it.
    const where = q === '' ? '' : `WHERE name_key LIKE '%' || @q || '%'`;
    const params: Params = q === '' ? {} : { q };
    const rows = await all<{ key: string; articleCount: number; quoteCount: number }>(this.db, `
      SELECT name_key AS key, article_count AS "articleCount", quote_count AS "quoteCount" FROM actor_keys ${where}
      ORDER BY article_count DESC, quote_count DESC, name_key LIMIT @limit OFFSET @offset`,
      { ...params, limit: limit + 1, offset });
    const total = (await one<{ n: number }>(this.db, `SELECT count(*) AS n FROM actor_keys ${where}`, params))!.n;
    const keys = rows.slice(0, limit).map((row) => row.key);
    const described = await this.describeKeys(keys);
    const roles = await this.rolesOfKeys(keys);
    const items = rows.map((row) => ({
      key: row.key, ...describedOrKey(described, row.key), roles: roles.get(row.key) ?? [],
      articleCount: row.articleCount, quoteCount: row.quoteCount,
    }));
    return { ...page(items, limit, offset), total };
  }

  async actorDetail(name: string, opts: { limit?: number }): Promise<ActorDetail | null> {
    const key = await this.resolveKey(this.db, name);
    if (key === null) return null;
    const counts = await one<{ articleCount: number; quoteCount: number }>(this.db,
      'SELECT article_count AS "articleCount", quote_count AS "quoteCount" FROM actor_keys WHERE name_key = @key', { key });
    if (counts === undefined) return null;
    const about = describedOrKey(await this.describeKeys([key]), key);
    const limit = paging({ limit: opts.limit ?? PAGE_DEFAULT }).limit;
    const quotes = await this.quotes({ actor: key, limit });
    const stances = await this.stances({ actor: key, limit });
    const events = await this.events({ actor: key, limit, order: 'desc' });
    return {
      key,
      ...about,
      articleCount: counts.articleCount,
      quoteCount: counts.quoteCount,
      stanceCount: stances.total ?? stances.items.length,
      eventCount: events.total ?? events.items.length,
      roles: await this.roleHistory(key),
      quotes: quotes.items,
      stances: stances.items,
      events: events.items,
    };
  }

  private async describeKeys(keys: string[]): Promise<Map<string, ActorDescription>> {
    if (keys.length === 0) return new Map();
    return describeVariants(await all<VariantRow>(this.db, `
      SELECT name_key, name, type, country, n FROM actor_key_variants
      WHERE name_key = ANY(@keys::text[]) ORDER BY name_key, n DESC, name`, { keys }));
  }

  private async rolesOfKeys(keys: string[]): Promise<Map<string, string[]>> {
    if (keys.length === 0) return new Map();
    return rolesByKey(await all<RoleRow>(this.db, `
      SELECT name_key, role, n FROM actor_key_roles WHERE name_key = ANY(@keys::text[])
      ORDER BY name_key, n DESC, role`, { keys }));
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

  // ---- quotes ----

  async quotes(opts: PageOptions & { q?: string; actor?: string; onePerStory?: boolean }): Promise<Page<QuoteItem>> {
    const { limit, offset } = paging(opts);
    let key: string | null = null;
    if (opts.actor !== undefined && opts.actor.trim() !== '') {
      key = await this.resolveKey(this.db, opts.actor);
      if (key === null) return emptyPage(limit, offset);
    }
    const columns = `
      art.id AS "articleId", art.title AS "articleTitle", art.published, q.local_id AS "quoteId", q.kind,
      q.content_start, q.content_end, q.content_text, q.speaker_id,
      sp.name_key AS speaker_key, sp.name AS speaker_name, sp.type AS speaker_type`;
    const joins = `
      JOIN articles art ON art.id = q.article_id
      LEFT JOIN actors sp ON sp.article_id = q.article_id AND sp.local_id = q.speaker_id`;
    const text = opts.q?.trim() ?? '';
    if (text !== '') {
      const query = toTsQuery(text);
      if (query === null) return emptyPage(limit, offset);
      const filters = (key === null ? '' : `AND (SELECT speaker_key FROM quotes
        WHERE article_id = s.article_id AND local_id = s.quote_id) = @key`)
        + (opts.onePerStory ? ` AND NOT ${isLaterDuplicate('s.article_id')}` : '');
      const rows = await all<QuoteItemRow>(this.db, `
        WITH ${SEARCH_QUERY},
        hits AS MATERIALIZED (
          SELECT s.article_id, s.quote_id, s.entry, -ts_rank(${RANK_WEIGHTS}, s.document, search.query, ${RANK_NORMALIZATION}) AS score
          FROM quote_search s, search WHERE s.document @@ search.query ${filters}
          ORDER BY score, s.entry LIMIT @limit OFFSET @offset
        )
        SELECT ${columns}, parley_snippet(q.content_text, search.query, 24) AS snippet
        FROM hits
        JOIN quotes q ON q.article_id = hits.article_id AND q.local_id = hits.quote_id
        ${joins}, search
        ORDER BY hits.score, hits.entry`, { query, ...(key === null ? {} : { key }), limit: limit + 1, offset });
      return page(rows.map(quoteItem), limit, offset);
    }
    const conditions = [...(key === null ? [] : ['q.speaker_key = @key']), ...(opts.onePerStory ? [`NOT ${isLaterDuplicate('q.article_id')}`] : [])];
    const where = conditions.length > 0 ? `WHERE ${conditions.join(' AND ')}` : '';
    const params: Params = key === null ? {} : { key };
    const rows = await all<QuoteItemRow>(this.db, `
      SELECT ${columns} FROM quotes q ${joins} ${where}
      ORDER BY q.quote_date DESC NULLS LAST, q.article_id DESC, q.seq LIMIT @limit OFFSET @offset`,
      { ...params, limit: limit + 1, offset });
    const total = (await one<{ n: number }>(this.db, `SELECT count(*) AS n FROM quotes q ${where}`, params))!.n;
    return { ...page(rows.map(quoteItem), limit, offset), total };
  }

  // ---- events ----

  async events(opts: EventFilter): Promise<Page<EventItem>> {
    const { limit, offset } = paging(opts);
    let key: string | null = null;
    if (opts.actor !== undefined && opts.actor.trim() !== '') {
      key = await this.resolveKey(this.db, opts.actor);
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
    // Undated events last in both orders.
    const order = opts.order === 'desc'
      ? `${d}.sort_date DESC NULLS LAST, ${d}.article_id DESC, e.seq DESC`
      : `(${d}.sort_date IS NULL), ${d}.sort_date, ${d}.article_id, e.seq`;
    const rows = await all<EventItemRow>(this.db, `
      SELECT e.article_id AS "articleId", art.title AS "articleTitle", art.published, e.local_id AS "eventId", e.type,
        e.mode, e.sort_date AS date, e.date AS "eventDate", e.location, e.negated, e.modality,
        e.evidence_start, e.evidence_end, e.evidence_text
      FROM ${from} JOIN articles art ON art.id = e.article_id
      ${filter} ORDER BY ${order} LIMIT @limit OFFSET @offset`, { ...params, limit: limit + 1, offset });
    const needsEvents = opts.type !== undefined || key === null;
    const total = (await one<{ n: number }>(this.db,
      `SELECT count(*) AS n FROM ${needsEvents ? from : 'event_participants p'} ${filter}`, params))!.n;
    const shown = rows.slice(0, limit);
    const participants = await this.participantsOf(shown);
    const items = shown.map((row) => eventItem(row, participants.get(`${row.articleId}\u0000${row.eventId}`) ?? []));
    return { items, limit, offset, hasMore: rows.length > limit, total };
  }

  /** The participants of a page of events, in one statement, by article and event id. */
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
    const where: string[] = ['s.holder_key IS NOT NULL'];
    const params: Params = {};
    if (opts.actor !== undefined && opts.actor.trim() !== '') {
      const key = await this.resolveKey(this.db, opts.actor);
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
    const rows = await all<StanceItemRow>(this.db, `
      SELECT s.article_id AS "articleId", art.title AS "articleTitle", art.published, s.local_id AS "stanceId",
        s.holder_id, s.holder_key, h.name AS holder_name, h.type AS holder_type, s.issue, s.polarity,
        s.evidence_start, s.evidence_end, s.evidence_text, s.quote_id AS "quoteId"
      FROM stances s
      JOIN articles art ON art.id = s.article_id
      JOIN actors h ON h.article_id = s.article_id AND h.local_id = s.holder_id
      ${filter} ORDER BY s.stance_date DESC NULLS LAST, s.article_id DESC, s.seq LIMIT @limit OFFSET @offset`,
      { ...params, limit: limit + 1, offset });
    const total = (await one<{ n: number }>(this.db, `SELECT count(*) AS n FROM stances s ${filter}`, params))!.n;
    return { ...page(rows.map(stanceItem), limit, offset), total };
  }

  async stanceMatrix(opts: MatrixOptions): Promise<StanceMatrix> {
    const { maxIssues, maxActors, perCell } = matrixLimits(opts);
    const where: string[] = ['s.holder_key IS NOT NULL'];
    const params: Params = {};
    addStanceConditions(where, params, opts);
    const filter = where.join(' AND ');
    // Without a date range the aggregates kept by put() answer (issue_counts, stance_cells); with one, the stances.
    const aggregated = opts.from === undefined && opts.to === undefined;
    const topicOnly = topicConditions('s.issue', opts.topic, {}).join(' AND ') || 'true';
    const issues = aggregated
      ? await all<{ issue: string; stances: number }>(this.db, `
          SELECT s.issue, s.stances FROM issue_counts s WHERE ${topicOnly}
          ORDER BY s.stances DESC, s.issue LIMIT @maxIssues`, { ...params, maxIssues })
      : await all<{ issue: string; stances: number }>(this.db, `
          SELECT s.issue, count(*) AS stances FROM stances s WHERE ${filter}
          GROUP BY s.issue ORDER BY stances DESC, s.issue LIMIT @maxIssues`, { ...params, maxIssues });
    if (issues.length === 0) return { actors: [], issues: [], cells: [] };
    // (issue, holder_key, support, oppose) for the chosen columns.
    const cellSource = aggregated
      ? `SELECT issue, holder_key, support, oppose FROM stance_cells WHERE issue = ANY(@issues::text[])`
      : `SELECT s.issue, s.holder_key, count(*) FILTER (WHERE s.polarity = 'support') AS support,
           count(*) FILTER (WHERE s.polarity = 'oppose') AS oppose
         FROM stances s WHERE ${filter} AND s.issue = ANY(@issues::text[]) GROUP BY s.issue, s.holder_key`;
    const issueParams = { ...params, issues: issues.map((i) => i.issue) };
    const actorRows = await all<{ key: string; stances: number }>(this.db, `
      SELECT c.holder_key AS key, sum(c.support + c.oppose) AS stances FROM (${cellSource}) c
      GROUP BY c.holder_key HAVING sum(c.support + c.oppose) > 0 ORDER BY stances DESC, key LIMIT @maxActors`,
      { ...issueParams, maxActors });
    const keys = actorRows.map((row) => row.key);
    const described = await this.describeKeys(keys);
    const actors = actorRows.map((row) => {
      const about = describedOrKey(described, row.key);
      return { key: row.key, name: about.name, type: about.type, stances: row.stances };
    });
    // Each cell with its latest evidence, in one statement (a query per cell costs more in calls than in SQL).
    const rows = await all<MatrixCellRow>(this.db, `
      SELECT c.holder_key AS key, c.issue, c.support, c.oppose,
        (SELECT coalesce(json_agg(json_build_array(e.article_id, e.local_id, e.quote_id, e.polarity, e.stance_date)
            ORDER BY e.stance_date DESC NULLS LAST, e.article_id DESC, e.seq), '[]')
          FROM (SELECT s.article_id, s.local_id, s.quote_id, s.polarity, s.stance_date, s.seq FROM stances s
                WHERE ${filter} AND s.issue = c.issue AND s.holder_key = c.holder_key
                ORDER BY s.stance_date DESC NULLS LAST, s.article_id DESC, s.seq LIMIT @perCell) e) AS evidence
      FROM (${cellSource}) c
      WHERE c.holder_key = ANY(@keys::text[]) AND c.support + c.oppose > 0`,
      { ...issueParams, keys, perCell });
    return { actors, issues, cells: matrixCells(rows, keys, issues.map((i) => i.issue)) };
  }

  // ---- network ----

  async network(opts: NetworkOptions): Promise<Network> {
    const maxNodes = clamp(opts.maxNodes, 40, 2, 300);
    const where: string[] = ['e.type = @type', 'e.negated = 0', "e.modality IN ('asserted', 'historical')"];
    const params: Params = { type: opts.type ?? 'CONSULT' };
    if (opts.from !== undefined) {
      where.push('e.sort_date >= @from');
      params.from = opts.from;
    }
    if (opts.to !== undefined) {
      where.push('e.sort_date <= @to');
      params.to = opts.to;
    }
    // Everyone taking part in one meeting met everyone else in it, whichever side the text put them on. The
    // evidence of a pair is its latest event.
    const latestFirst = `coalesce(x.sort_date, '') DESC, x.article_id, x.event_id`;
    const pairs = await all<PairRow>(this.db, `
      WITH parts AS MATERIALIZED (
        SELECT p.article_id, p.event_id, p.actor_key, e.sort_date
        FROM events e
        JOIN event_participants p ON p.article_id = e.article_id AND p.event_id = e.local_id AND p.first_of_key = 1
        WHERE ${where.join(' AND ')}
      )
      SELECT x.actor_key AS a, y.actor_key AS b, count(*) AS count, max(coalesce(x.sort_date, '')) AS date,
        (array_agg(x.article_id ORDER BY ${latestFirst}))[1] AS "articleId",
        (array_agg(x.event_id ORDER BY ${latestFirst}))[1] AS "eventId"
      FROM parts x JOIN parts y ON y.article_id = x.article_id AND y.event_id = x.event_id AND x.actor_key < y.actor_key
      GROUP BY x.actor_key, y.actor_key
      ORDER BY x.actor_key, y.actor_key`, params);
    const top = networkNodes(pairs, maxNodes);
    return network(pairs, top, await this.describeKeys(top.map(([key]) => key)));
  }
}

// ---- helpers --------------------------------------------------------------------------------------------------

/** One ILIKE per word of the topic (all must occur in the issue label); fills params. Under COLLATE "C" ILIKE folds ASCII case only, as SQLite's LIKE does. */
function topicConditions(column: string, topic: string | undefined, params: Params): string[] {
  return topicPatterns(topic).map((pattern, i) => {
    params[`topic${i}`] = pattern;
    return `${column} ILIKE @topic${i} ESCAPE '\\'`;
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
