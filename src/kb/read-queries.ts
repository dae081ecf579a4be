// The SQL of the read paths, written once for both backends: the API's pages, and the statements of Store.articles
// and Store.actor that are the same on both. Each returns a statement (text with @name parameters, and their values)
// that the SQLite store runs synchronously and the PostgreSQL store asynchronously. What the two databases write
// differently is asked of a Dialect; full-text search, snippets and the few statements that differ throughout stay
// in queries.ts and postgres-queries.ts. Values are only ever passed as parameters; the only names put into the text
// come from the fixed strings here. Internal: import the store through ./index.js.
//
// Every list is paged in SQL (LIMIT/OFFSET, one row more than asked to know whether there is more) and sorted by an
// index where the order allows it, so a page costs about the same on 10 articles as on 10,000.
import { describedOrKey, topicPatterns, type ActorDescription } from './api-rows.js';
import type {
  ActorDetail, ActorRoleSummary, ActorSummary, EventFilter, MatrixOptions, NetworkOptions, Page, QuoteItem, EventItem,
  StanceItem,
} from './index.js';

export type Params = Record<string, unknown>;

export interface Statement {
  sql: string;
  params: Params;
}

/** How one backend writes what the statements below need and the two databases spell differently. */
export interface Dialect {
  /**
   * A descending sort key for a nullable column, NULLs last. NULL sorts lowest in SQLite (so plain DESC puts it
   * last and follows a DESC index) and highest in PostgreSQL (which has to be told NULLS LAST).
   */
  descNullsLast(column: string): string;
  /** The LIKE that ignores ASCII case: SQLite's LIKE does; PostgreSQL's ILIKE does under COLLATE "C". */
  caseInsensitiveLike: 'LIKE' | 'ILIKE';
  /** True when column is one of the strings in the list parameter @name. */
  inList(column: string, name: string): string;
  /** A list of strings as inList's parameter takes it: JSON text for SQLite's json_each, an array for PostgreSQL. */
  listValue(values: string[]): unknown;
  /** A JSON array of one array per row, in the given order; '[]' when there are no rows. */
  jsonArrays(items: string, orderBy: string): string;
  /**
   * The column's value in a group's latest row (latestFirst orders the group's rows), in a statement whose one
   * max() aggregate picks that row.
   */
  inLatestRow(column: string, latestFirst: string): string;
}

/** Published date first, undated articles last; the key columns make the order total. */
export const NEWEST_FIRST = 'art.published DESC NULLS LAST, art.ingested_at DESC, art.id';

/** True for an article that is a near-duplicate of an earlier one (story groups, migration 4). */
const isLaterDuplicate = (articleId: string) =>
  `EXISTS (SELECT 1 FROM article_signatures g WHERE g.article_id = ${articleId} AND g.story_id <> g.article_id)`;

const withPage = (params: Params, limit: number, offset: number): Params => ({ ...params, limit: limit + 1, offset });

const countOf = (from: string, params: Params): Statement => ({ sql: `SELECT count(*) AS n FROM ${from}`, params });

/** The inclusive YYYY-MM-DD bounds of a filter on a date column; fills where and params. */
function dateBounds(where: string[], params: Params, column: string, opts: { from?: string; to?: string }): void {
  if (opts.from !== undefined) {
    where.push(`${column} >= @from`);
    params.from = opts.from;
  }
  if (opts.to !== undefined) {
    where.push(`${column} <= @to`);
    params.to = opts.to;
  }
}

/** The rows of one page and the count of all, which the page's total comes from. */
export interface PageStatements {
  rows: Statement;
  total: Statement;
}

// ---- articles ----

export const ARTICLE_LIST_COLUMNS =
  'art.id, art.title, art.published, art.outlet, art.source, art.url, art.ingested_at AS "ingestedAt"';
export const ARTICLE_COUNTS = `
  (SELECT count(*) FROM actors WHERE article_id = art.id) AS actors,
  (SELECT count(*) FROM quotes WHERE article_id = art.id) AS quotes,
  (SELECT count(*) FROM events WHERE article_id = art.id) AS events,
  (SELECT count(*) FROM stances WHERE article_id = art.id) AS stances`;

/** A page of article summaries, newest first (Store.articles, and the API's list when it is not a search). */
export const ARTICLE_SUMMARIES =
  `SELECT ${ARTICLE_LIST_COLUMNS}, ${ARTICLE_COUNTS} FROM articles art ORDER BY ${NEWEST_FIRST} LIMIT @limit OFFSET @offset`;

export function articlesPage(limit: number, offset: number): PageStatements {
  return {
    rows: { sql: ARTICLE_SUMMARIES, params: withPage({}, limit, offset) },
    total: countOf('articles', {}),
  };
}

// ---- actors ----

/** q is a name key: it holds only letters, digits and spaces, so it needs no LIKE escaping. */
export function actorsPage(q: string, limit: number, offset: number): PageStatements {
  const where = q === '' ? '' : `WHERE name_key LIKE '%' || @q || '%'`;
  const params: Params = q === '' ? {} : { q };
  return {
    rows: {
      sql: `SELECT name_key AS key, article_count AS "articleCount", quote_count AS "quoteCount" FROM actor_keys ${where}
        ORDER BY article_count DESC, quote_count DESC, name_key LIMIT @limit OFFSET @offset`,
      params: withPage(params, limit, offset),
    },
    total: countOf(`actor_keys ${where}`, params),
  };
}

export interface ActorCountsRow {
  key: string;
  articleCount: number;
  quoteCount: number;
}

export const actorCounts = (key: string): Statement => ({
  sql: 'SELECT name_key AS key, article_count AS "articleCount", quote_count AS "quoteCount" FROM actor_keys WHERE name_key = @key',
  params: { key },
});

export function actorSummaries(
  rows: ActorCountsRow[], described: Map<string, ActorDescription>, roles: Map<string, string[]>,
): ActorSummary[] {
  return rows.map((row) => ({
    key: row.key, ...describedOrKey(described, row.key), roles: roles.get(row.key) ?? [],
    articleCount: row.articleCount, quoteCount: row.quoteCount,
  }));
}

/** The name spellings of each key, the most frequent first (describeVariants picks from them). */
export const variantsOf = (d: Dialect, keys: string[]): Statement => ({
  sql: `SELECT name_key, name, type, country, n FROM actor_key_variants WHERE ${d.inList('name_key', 'keys')}
    ORDER BY name_key, n DESC, name`,
  params: { keys: d.listValue(keys) },
});

export const rolesOf = (d: Dialect, keys: string[]): Statement => ({
  sql: `SELECT name_key, role, n FROM actor_key_roles WHERE ${d.inList('name_key', 'keys')} ORDER BY name_key, n DESC, role`,
  params: { keys: d.listValue(keys) },
});

export function actorDetail(
  counts: ActorCountsRow, about: ActorDescription, roles: ActorRoleSummary[],
  quotes: Page<QuoteItem>, stances: Page<StanceItem>, events: Page<EventItem>,
): ActorDetail {
  return {
    key: counts.key,
    ...about,
    articleCount: counts.articleCount,
    quoteCount: counts.quoteCount,
    stanceCount: stances.total ?? stances.items.length,
    eventCount: events.total ?? events.items.length,
    roles,
    quotes: quotes.items,
    stances: stances.items,
    events: events.items,
  };
}

// ---- an actor's profile (Store.actor) ----

/** The ArticleRef of a row joined to its article (art). */
export const ARTICLE_REF = 'art.id AS "articleId", art.title AS "articleTitle", art.published';

/** Every quote of the actors under @key, newest article first. */
export const ACTOR_QUOTES = `
  SELECT q.local_id AS "quoteId", q.kind, q.content_text AS content, ${ARTICLE_REF}
  FROM actors a
  JOIN quotes q ON q.article_id = a.article_id AND q.speaker_id = a.local_id
  JOIN articles art ON art.id = a.article_id
  WHERE a.name_key = @key ORDER BY ${NEWEST_FIRST}, q.seq`;

/** Every stance held by the actors under @key, newest article first. */
export const ACTOR_STANCES = `
  SELECT s.local_id AS "stanceId", s.issue, s.polarity, s.evidence_text AS evidence, s.quote_id AS "quoteId", ${ARTICLE_REF}
  FROM actors a
  JOIN stances s ON s.article_id = a.article_id AND s.holder_id = a.local_id
  JOIN articles art ON art.id = a.article_id
  WHERE a.name_key = @key ORDER BY ${NEWEST_FIRST}, s.seq`;

// ---- quotes ----

export const QUOTE_ITEM_COLUMNS = `
  art.id AS "articleId", art.title AS "articleTitle", art.published, q.local_id AS "quoteId", q.kind,
  q.content_start, q.content_end, q.content_text, q.speaker_id,
  sp.name_key AS speaker_key, sp.name AS speaker_name, sp.type AS speaker_type`;
export const QUOTE_ITEM_JOINS = `
  JOIN articles art ON art.id = q.article_id
  LEFT JOIN actors sp ON sp.article_id = q.article_id AND sp.local_id = q.speaker_id`;

/**
 * The speaker and story conditions on a search index's rows (entry: the index's alias), read from the index's own
 * columns: reading any stored column of every match costs far more than the ranking on a common word.
 */
export function quoteSearchFilters(entry: string, key: string | null, onePerStory: boolean | undefined): string {
  return (key === null ? '' : `AND (SELECT speaker_key FROM quotes
      WHERE article_id = ${entry}.article_id AND local_id = ${entry}.quote_id) = @key`)
    + (onePerStory ? ` AND NOT ${isLaterDuplicate(`${entry}.article_id`)}` : '');
}

export function quotesPage(
  d: Dialect, key: string | null, onePerStory: boolean | undefined, limit: number, offset: number,
): PageStatements {
  const conditions = [
    ...(key === null ? [] : ['q.speaker_key = @key']),
    ...(onePerStory ? [`NOT ${isLaterDuplicate('q.article_id')}`] : []),
  ];
  const where = conditions.length > 0 ? `WHERE ${conditions.join(' AND ')}` : '';
  const params: Params = key === null ? {} : { key };
  return {
    rows: {
      sql: `SELECT ${QUOTE_ITEM_COLUMNS} FROM quotes q ${QUOTE_ITEM_JOINS} ${where}
        ORDER BY ${d.descNullsLast('q.quote_date')}, q.article_id DESC, q.seq LIMIT @limit OFFSET @offset`,
      params: withPage(params, limit, offset),
    },
    total: countOf(`quotes q ${where}`, params),
  };
}

// ---- events ----

export function eventsPage(d: Dialect, opts: EventFilter, key: string | null, limit: number, offset: number): PageStatements {
  // One actor's events are read from its participant rows (which carry the sort date), the others from events.
  const p = key === null ? 'e' : 'p';
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
  if (opts.onePerStory) where.push(`NOT ${isLaterDuplicate(`${p}.article_id`)}`);
  dateBounds(where, params, `${p}.sort_date`, opts);
  const filter = where.length > 0 ? `WHERE ${where.join(' AND ')}` : '';
  const from = key === null
    ? 'events e'
    : 'event_participants p JOIN events e ON e.article_id = p.article_id AND e.local_id = p.event_id';
  // Both orders put undated events last and follow an index: (sort_date IS NULL, sort_date, ...) ascending, or
  // (sort_date, ...) read backwards. With a date bound there are no undated events.
  const bounded = opts.from !== undefined || opts.to !== undefined;
  const order = opts.order === 'desc'
    ? `${d.descNullsLast(`${p}.sort_date`)}, ${p}.article_id DESC, e.seq DESC`
    : bounded ? `${p}.sort_date, ${p}.article_id, e.seq` : `(${p}.sort_date IS NULL), ${p}.sort_date, ${p}.article_id, e.seq`;
  // (onePerStory reads only the article id, which participant rows carry too.)
  const needsEvents = opts.type !== undefined || key === null;
  return {
    rows: {
      sql: `SELECT e.article_id AS "articleId", art.title AS "articleTitle", art.published, e.local_id AS "eventId", e.type,
          e.mode, e.sort_date AS date, e.date AS "eventDate", e.location, e.negated, e.modality,
          e.evidence_start, e.evidence_end, e.evidence_text
        FROM ${from} JOIN articles art ON art.id = e.article_id
        ${filter} ORDER BY ${order} LIMIT @limit OFFSET @offset`,
      params: withPage(params, limit, offset),
    },
    total: countOf(`${needsEvents ? from : 'event_participants p'} ${filter}`, params),
  };
}

// ---- stances ----

/** One LIKE per word of the topic (all must occur in the issue label, ASCII case ignored); fills params. */
function topicConditions(d: Dialect, column: string, topic: string | undefined, params: Params): string[] {
  return topicPatterns(topic).map((pattern, i) => {
    params[`topic${i}`] = pattern;
    return `${column} ${d.caseInsensitiveLike} @topic${i} ESCAPE '\\'`;
  });
}

function stanceConditions(d: Dialect, where: string[], params: Params, opts: { topic?: string; from?: string; to?: string }): void {
  where.push(...topicConditions(d, 's.issue', opts.topic, params));
  dateBounds(where, params, 's.stance_date', opts);
}

const latestStanceFirst = (d: Dialect, s: string) => `${d.descNullsLast(`${s}.stance_date`)}, ${s}.article_id DESC, ${s}.seq`;

export function stancesPage(
  d: Dialect, opts: { issue?: string; topic?: string; from?: string; to?: string }, key: string | null,
  limit: number, offset: number,
): PageStatements {
  const where: string[] = ['s.holder_key IS NOT NULL'];
  const params: Params = {};
  if (key !== null) {
    where.push('s.holder_key = @actor');
    params.actor = key;
  }
  if (opts.issue !== undefined) {
    where.push('s.issue = @issue');
    params.issue = opts.issue;
  }
  stanceConditions(d, where, params, opts);
  const filter = `WHERE ${where.join(' AND ')}`;
  return {
    rows: {
      sql: `SELECT s.article_id AS "articleId", art.title AS "articleTitle", art.published, s.local_id AS "stanceId",
          s.holder_id, s.holder_key, h.name AS holder_name, h.type AS holder_type, s.issue, s.polarity,
          s.evidence_start, s.evidence_end, s.evidence_text, s.quote_id AS "quoteId"
        FROM stances s
        JOIN articles art ON art.id = s.article_id
        JOIN actors h ON h.article_id = s.article_id AND h.local_id = s.holder_id
        ${filter} ORDER BY ${latestStanceFirst(d, 's')} LIMIT @limit OFFSET @offset`,
      params: withPage(params, limit, offset),
    },
    total: countOf(`stances s ${filter}`, params),
  };
}

/** The three statements of the stance matrix, run one after another: each needs the answer of the one before. */
export class StanceMatrixStatements {
  private readonly filter: string;
  private readonly params: Params = {};
  /** Without a date range the aggregates kept by put() answer (issue_counts, stance_cells); with one, the stances. */
  private readonly aggregated: boolean;

  constructor(private readonly d: Dialect, private readonly opts: MatrixOptions) {
    const where: string[] = ['s.holder_key IS NOT NULL'];
    stanceConditions(d, where, this.params, opts);
    this.filter = where.join(' AND ');
    this.aggregated = opts.from === undefined && opts.to === undefined;
  }

  issues(maxIssues: number): Statement {
    const topicOnly = topicConditions(this.d, 's.issue', this.opts.topic, {}).join(' AND ') || 'true';
    return {
      sql: this.aggregated
        ? `SELECT s.issue, s.stances FROM issue_counts s WHERE ${topicOnly}
           ORDER BY s.stances DESC, s.issue LIMIT @maxIssues`
        : `SELECT s.issue, count(*) AS stances FROM stances s WHERE ${this.filter}
           GROUP BY s.issue ORDER BY stances DESC, s.issue LIMIT @maxIssues`,
      params: { ...this.params, maxIssues },
    };
  }

  actors(issues: string[], maxActors: number): Statement {
    return {
      sql: `SELECT c.holder_key AS key, sum(c.support + c.oppose) AS stances FROM (${this.cells()}) c
        GROUP BY c.holder_key HAVING sum(c.support + c.oppose) > 0 ORDER BY stances DESC, key LIMIT @maxActors`,
      params: { ...this.issueParams(issues), maxActors },
    };
  }

  /** Each cell with its latest evidence, in one statement (a query per cell costs more in calls than in SQL). */
  evidence(issues: string[], keys: string[], perCell: number): Statement {
    const evidence = this.d.jsonArrays('e.article_id, e.local_id, e.quote_id, e.polarity, e.stance_date', latestStanceFirst(this.d, 'e'));
    return {
      sql: `SELECT c.holder_key AS key, c.issue, c.support, c.oppose,
          (SELECT ${evidence}
            FROM (SELECT s.article_id, s.local_id, s.quote_id, s.polarity, s.stance_date, s.seq FROM stances s
                  WHERE ${this.filter} AND s.issue = c.issue AND s.holder_key = c.holder_key
                  ORDER BY ${latestStanceFirst(this.d, 's')} LIMIT @perCell) e) AS evidence
        FROM (${this.cells()}) c
        WHERE ${this.d.inList('c.holder_key', 'keys')} AND c.support + c.oppose > 0`,
      params: { ...this.issueParams(issues), keys: this.d.listValue(keys), perCell },
    };
  }

  /** (issue, holder_key, support, oppose) for the chosen issues. */
  private cells(): string {
    return this.aggregated
      ? `SELECT issue, holder_key, support, oppose FROM stance_cells WHERE ${this.d.inList('issue', 'issues')}`
      : `SELECT s.issue, s.holder_key, count(*) FILTER (WHERE s.polarity = 'support') AS support,
           count(*) FILTER (WHERE s.polarity = 'oppose') AS oppose
         FROM stances s WHERE ${this.filter} AND ${this.d.inList('s.issue', 'issues')} GROUP BY s.issue, s.holder_key`;
  }

  private issueParams(issues: string[]): Params {
    return { ...this.params, issues: this.d.listValue(issues) };
  }
}

export function matrixActors(rows: Array<{ key: string; stances: number }>, described: Map<string, ActorDescription>) {
  return rows.map((row) => {
    const about = describedOrKey(described, row.key);
    return { key: row.key, name: about.name, type: about.type, stances: row.stances };
  });
}

// ---- network ----

/** Pairs of actors who took part in the same meetings (events of one type, asserted or historical, not negated). */
export function networkPairs(d: Dialect, opts: NetworkOptions): Statement {
  const where: string[] = ['e.type = @type', 'e.negated = 0', "e.modality IN ('asserted', 'historical')"];
  const params: Params = { type: opts.type ?? 'CONSULT' };
  dateBounds(where, params, 'e.sort_date', opts);
  // Everyone taking part in one meeting met everyone else in it, whichever side the text put them on. The
  // evidence of a pair is its latest event.
  const latestFirst = `coalesce(x.sort_date, '') DESC, x.article_id, x.event_id`;
  return {
    sql: `
      WITH parts AS MATERIALIZED (
        SELECT p.article_id, p.event_id, p.actor_key, e.sort_date
        FROM events e
        JOIN event_participants p ON p.article_id = e.article_id AND p.event_id = e.local_id AND p.first_of_key = 1
        WHERE ${where.join(' AND ')}
      )
      SELECT x.actor_key AS a, y.actor_key AS b, count(*) AS count, max(coalesce(x.sort_date, '')) AS date,
        ${d.inLatestRow('x.article_id', latestFirst)} AS "articleId", ${d.inLatestRow('x.event_id', latestFirst)} AS "eventId"
      FROM parts x JOIN parts y ON y.article_id = x.article_id AND y.event_id = x.event_id AND x.actor_key < y.actor_key
      GROUP BY x.actor_key, y.actor_key
      ORDER BY x.actor_key, y.actor_key`,
    params,
  };
}
