// The backend-neutral half of the store: checking a record, turning it into table rows (in the column order of
// the *_COLUMNS lists, which both backends insert with), reading rows back into the record, and the actor summaries
// built from stored rows. Internal: import the store through ./index.js.
import { z } from 'zod';
import { ExtractionRecord, SCHEMA_ID, spanErrors } from '../contract.js';
import type { Actor, ActorType, Event, Extraction, Quote, Span, Stance } from '../contract.js';
import type { ActorEvent, ActorRole, ActorSummary } from './index.js';
import { nameKey } from './names.js';

export const DEFAULT_LIMITS = { articles: 100, search: 20, actors: 50 } as const;
const MAX_LIMIT = 10_000;

// ---- writing ----------------------------------------------------------------------------------------------------

export const ARTICLE_COLUMNS = ['id', 'source', 'title', 'published', 'outlet', 'url', 'byline', 'language', 'text', 'ingested_at'];
export const ACTOR_COLUMNS = ['article_id', 'local_id', 'seq', 'name', 'name_key', 'type', 'country', 'roles'];
export const MENTION_COLUMNS = ['article_id', 'actor_id', 'seq', 'span_start', 'span_end', 'span_text', 'text_key'];
export const QUOTE_COLUMNS = [
  'article_id', 'local_id', 'seq', 'kind', 'content_start', 'content_end', 'content_text', 'speaker_id',
  'speaker_mention_start', 'speaker_mention_end', 'speaker_mention_text', 'cue_start', 'cue_end', 'cue_text',
  'speaker_key', 'quote_date',
];
export const EVENT_COLUMNS = [
  'article_id', 'local_id', 'seq', 'type', 'mode', 'location', 'date', 'negated', 'modality',
  'evidence_start', 'evidence_end', 'evidence_text', 'sort_date',
];
export const PARTICIPANT_COLUMNS = ['article_id', 'event_id', 'role', 'seq', 'actor_id', 'actor_key', 'sort_date', 'first_of_key'];
export const STANCE_COLUMNS = [
  'article_id', 'local_id', 'seq', 'holder_id', 'issue', 'polarity', 'evidence_start', 'evidence_end', 'evidence_text',
  'quote_id', 'holder_key', 'stance_date',
];

/**
 * Adding one article (@id) to the per-name-key aggregates (schema versions 2 and 3), in SQL that both databases
 * read alike (the target table named in each SET, as PostgreSQL asks). actor_key_roles, which unpacks a JSON array,
 * is each backend's own; triggers on deleting an article (articles_unaggregate_actors,
 * articles_unaggregate) take it away again.
 */
export const AGGREGATE = {
  actorKeys: `
    INSERT INTO actor_keys (name_key, article_count, quote_count)
      SELECT a.name_key, 1,
        (SELECT count(*) FROM quotes q JOIN actors s ON s.article_id = q.article_id AND s.local_id = q.speaker_id
          WHERE q.article_id = @id AND s.name_key = a.name_key)
      FROM actors a WHERE a.article_id = @id GROUP BY a.name_key
    ON CONFLICT (name_key) DO UPDATE SET
      article_count = actor_keys.article_count + 1, quote_count = actor_keys.quote_count + excluded.quote_count`,
  actorVariants: `
    INSERT INTO actor_key_variants (name_key, name, type, country, n)
      SELECT name_key, name, type, coalesce(country, ''), count(*) FROM actors WHERE article_id = @id GROUP BY 1, 2, 3, 4
    ON CONFLICT (name_key, name, type, country) DO UPDATE SET n = actor_key_variants.n + excluded.n`,
  stanceCells: `
    INSERT INTO stance_cells (issue, holder_key, support, oppose)
      SELECT issue, holder_key, count(*) FILTER (WHERE polarity = 'support'), count(*) FILTER (WHERE polarity = 'oppose')
      FROM stances WHERE article_id = @id AND holder_key IS NOT NULL GROUP BY issue, holder_key
    ON CONFLICT (issue, holder_key) DO UPDATE SET
      support = stance_cells.support + excluded.support, oppose = stance_cells.oppose + excluded.oppose`,
  issueCounts: `
    INSERT INTO issue_counts (issue, stances)
      SELECT issue, count(*) FROM stances WHERE article_id = @id AND holder_key IS NOT NULL GROUP BY issue
    ON CONFLICT (issue) DO UPDATE SET stances = issue_counts.stances + excluded.stances`,
};

export type Value = string | number | null;

/** The rows of one record, table by table, in the order they must be inserted (foreign keys point backwards). */
export interface RecordRows {
  article: Value[];
  actors: Value[][];
  mentions: Value[][];
  quotes: Value[][];
  events: Value[][];
  participants: Value[][];
  stances: Value[][];
}

/** Parses a record against the contract and checks its spans; throws one readable error. */
export function validateRecord(record: Extraction): Extraction {
  const parsed = ExtractionRecord.safeParse(record);
  if (!parsed.success) throw new Error(`invalid extraction record:\n${z.prettifyError(parsed.error)}`);
  const badSpans = spanErrors(parsed.data);
  if (badSpans.length > 0) {
    const shown = badSpans.slice(0, 3).map((span) => `${span.start}-${span.end} ${JSON.stringify(span.text)}`);
    throw new Error(`invalid extraction record: ${badSpans.length} span(s) do not match the article text: ${shown.join(', ')}`);
  }
  return parsed.data;
}

/**
 * A person named by surname alone ("Lavrov") may join the one stored person with that surname (and a compatible
 * country): this says what to look up for it, or null when the actor's key is its name's key.
 */
export function surnameLookup(actor: Actor): { key: string; suffix: string; country: string } | null {
  const key = nameKey(actor.name);
  if (actor.type !== 'person' || key.includes(' ') || key === '') return null;
  return { key, suffix: ` ${key}`, country: actor.country ?? '' };
}

/**
 * The other way round: a person stored by surname alone before ("Ketilsdottir") is adopted by a full name that
 * arrives later ("Gudrun Ketilsdottir"), when no other stored person has that surname. This says what to look up
 * for a full-named person, or null when the actor is not one.
 */
export function adoptionLookup(actor: Actor): { key: string; surname: string; suffix: string; country: string } | null {
  const key = nameKey(actor.name);
  if (actor.type !== 'person' || !key.includes(' ')) return null;
  const surname = key.slice(key.lastIndexOf(' ') + 1);
  return { key, surname, suffix: ` ${surname}`, country: actor.country ?? '' };
}

/**
 * The surnames of a record's persons (the last word of each name key), sorted: what its merging reads and writes,
 * so the PostgreSQL store serialises puts that share one.
 */
export function personSurnames(record: Extraction): string[] {
  const surnames = new Set<string>();
  for (const actor of record.actors) {
    if (actor.type !== 'person') continue;
    const key = nameKey(actor.name);
    if (key !== '') surnames.add(key.slice(key.lastIndexOf(' ') + 1));
  }
  return [...surnames].sort();
}

/** Whether a full name may adopt its surname-only namesakes: no other full-named person has that surname. */
export function mayAdopt(key: string, personKeysWithSurname: string[]): boolean {
  return personKeysWithSurname.every((known) => known === key);
}

/** The key a surname-only person is stored under, given the stored person keys ending in that surname. */
export function keyForSurname(key: string, knownPersonKeys: string[]): string {
  return knownPersonKeys.length === 1 ? knownPersonKeys[0]! : key;
}

/**
 * The rows of a record. `actorKeys` maps each actor's local id to the key it is merged under; an unknown actor id
 * (a dangling reference) gets a null key here and the foreign keys reject the row, rolling the put back.
 */
export function recordRows(record: Extraction, actorKeys: Map<string, string>, ingestedAt: string): RecordRows {
  const id = record.article.id;
  const published = record.article.published;
  const rows: RecordRows = {
    article: articleRow(record, ingestedAt),
    actors: [], mentions: [], quotes: [], events: [], participants: [], stances: [],
  };
  record.actors.forEach((actor, seq) => {
    rows.actors.push([id, actor.id, seq, actor.name, actorKeys.get(actor.id)!, actor.type, actor.country, JSON.stringify(actor.roles)]);
    actor.mentions.forEach((mention, mentionSeq) => {
      rows.mentions.push([id, actor.id, mentionSeq, ...spanValues(mention), nameKey(mention.text)]);
    });
  });
  record.quotes.forEach((quote, seq) => {
    const speakerKey = quote.speaker === null ? null : actorKeys.get(quote.speaker) ?? null;
    rows.quotes.push([
      id, quote.id, seq, quote.kind, ...spanValues(quote.content), quote.speaker, ...spanValues(quote.speakerMention),
      ...spanValues(quote.cue), speakerKey, published,
    ]);
  });
  record.events.forEach((event, seq) => {
    const sortDate = event.date ?? published;
    rows.events.push([
      id, event.id, seq, event.type, event.mode, event.location, event.date, event.negated ? 1 : 0, event.modality,
      ...spanValues(event.evidence), sortDate,
    ]);
    // The first row of each actor key in an event (sources before targets) is marked, so that one actor's events
    // list each event once.
    const seen = new Set<string | null>();
    const add = (role: 'source' | 'target', actorId: string, i: number) => {
      const key = actorKeys.get(actorId) ?? null;
      rows.participants.push([id, event.id, role, i, actorId, key, sortDate, seen.has(key) ? 0 : 1]);
      seen.add(key);
    };
    event.source.forEach((actorId, i) => add('source', actorId, i));
    event.target.forEach((actorId, i) => add('target', actorId, i));
  });
  record.stances.forEach((stance, seq) => {
    rows.stances.push([
      id, stance.id, seq, stance.holder, stance.issue, stance.polarity, ...spanValues(stance.evidence), stance.quote,
      actorKeys.get(stance.holder) ?? null, published,
    ]);
  });
  return rows;
}

/** The articles row alone (stored first: whether it was new decides whether the rest is written). */
export function articleRow(record: Extraction, ingestedAt: string): Value[] {
  const { article } = record;
  return [
    article.id, article.source, article.title, article.published, article.outlet, article.url, article.byline,
    article.language, article.text, ingestedAt,
  ];
}

function spanValues(span: Span | null): [number | null, number | null, string | null] {
  return span === null ? [null, null, null] : [span.start, span.end, span.text];
}

// ---- reading a record back --------------------------------------------------------------------------------------

export interface ArticleRow {
  id: string;
  source: string;
  title: string | null;
  published: string | null;
  outlet: string | null;
  url: string | null;
  byline: string | null;
  language: string;
  text: string;
}

export interface ActorRow {
  local_id: string;
  name: string;
  type: ActorType;
  country: string | null;
  /** JSON text (SQLite) or the parsed array (PostgreSQL jsonb). */
  roles: string | string[];
}

export interface MentionRow {
  actor_id: string;
  span_start: number;
  span_end: number;
  span_text: string;
}

export interface QuoteRow {
  local_id: string;
  kind: Quote['kind'];
  content_start: number;
  content_end: number;
  content_text: string;
  speaker_id: string | null;
  speaker_mention_start: number | null;
  speaker_mention_end: number | null;
  speaker_mention_text: string | null;
  cue_start: number | null;
  cue_end: number | null;
  cue_text: string | null;
}

export interface EventRow {
  local_id: string;
  type: Event['type'];
  mode: string | null;
  location: string | null;
  date: string | null;
  negated: number;
  modality: Event['modality'];
  evidence_start: number;
  evidence_end: number;
  evidence_text: string;
}

export interface ParticipantRow {
  event_id: string;
  role: 'source' | 'target';
  actor_id: string;
}

export interface StanceRow {
  local_id: string;
  holder_id: string;
  issue: string;
  polarity: Stance['polarity'];
  evidence_start: number;
  evidence_end: number;
  evidence_text: string;
  quote_id: string | null;
}

/** The rows of one article, each list in its `seq` order (mentions by actor then seq, participants by event, role, seq). */
export interface StoredRows {
  article: ArticleRow;
  actors: ActorRow[];
  mentions: MentionRow[];
  quotes: QuoteRow[];
  events: EventRow[];
  participants: ParticipantRow[];
  stances: StanceRow[];
}

// The column lists the reads select, so that both backends read the same row shapes.
export const READ_COLUMNS = {
  article: 'id, source, title, published, outlet, url, byline, language, text',
  actors: 'local_id, name, type, country, roles',
  mentions: 'actor_id, span_start, span_end, span_text',
  quotes: `local_id, kind, content_start, content_end, content_text, speaker_id, speaker_mention_start,
    speaker_mention_end, speaker_mention_text, cue_start, cue_end, cue_text`,
  events: 'local_id, type, mode, location, date, negated, modality, evidence_start, evidence_end, evidence_text',
  participants: 'event_id, role, actor_id',
  stances: 'local_id, holder_id, issue, polarity, evidence_start, evidence_end, evidence_text, quote_id',
} as const;

export function recordFromRows(rows: StoredRows): Extraction {
  const mentions = groupBy(rows.mentions, (row) => row.actor_id);
  const participants = groupBy(rows.participants, (row) => row.event_id);
  return {
    schema: SCHEMA_ID,
    article: { ...rows.article },
    actors: rows.actors.map((row): Actor => ({
      id: row.local_id,
      name: row.name,
      type: row.type,
      roles: parseJsonArray<string>(row.roles),
      country: row.country,
      mentions: (mentions.get(row.local_id) ?? []).map((m) => ({ start: m.span_start, end: m.span_end, text: m.span_text })),
    })),
    quotes: rows.quotes.map(quoteFromRow),
    events: rows.events.map((row): Event => {
      const sides = participants.get(row.local_id) ?? [];
      return {
        id: row.local_id,
        type: row.type,
        mode: row.mode,
        source: sides.filter((p) => p.role === 'source').map((p) => p.actor_id),
        target: sides.filter((p) => p.role === 'target').map((p) => p.actor_id),
        location: row.location,
        date: row.date,
        negated: row.negated === 1,
        modality: row.modality,
        evidence: { start: row.evidence_start, end: row.evidence_end, text: row.evidence_text },
      };
    }),
    stances: rows.stances.map(stanceFromRow),
  };
}

function optionalSpan(start: number | null, end: number | null, text: string | null): Span | null {
  return start === null || end === null || text === null ? null : { start, end, text };
}

function quoteFromRow(row: QuoteRow): Quote {
  return {
    id: row.local_id,
    kind: row.kind,
    content: { start: row.content_start, end: row.content_end, text: row.content_text },
    speaker: row.speaker_id,
    speakerMention: optionalSpan(row.speaker_mention_start, row.speaker_mention_end, row.speaker_mention_text),
    cue: optionalSpan(row.cue_start, row.cue_end, row.cue_text),
  };
}

function stanceFromRow(row: StanceRow): Stance {
  return {
    id: row.local_id,
    holder: row.holder_id,
    issue: row.issue,
    polarity: row.polarity,
    evidence: { start: row.evidence_start, end: row.evidence_end, text: row.evidence_text },
    quote: row.quote_id,
  };
}

/** SQLite returns JSON as text, PostgreSQL (json, jsonb) already parsed. */
export function parseJsonArray<T>(value: string | T[]): T[] {
  return typeof value === 'string' ? (JSON.parse(value) as T[]) : value;
}

// ---- actor summaries --------------------------------------------------------------------------------------------

/** One actor row of a name-key group, in the group's order (earliest article first). */
export interface ActorVariant {
  articleId: string;
  published: string | null;
  name: string;
  type: ActorType;
  country: string | null;
  roles: string[];
}

/** A name-key group as Store.actors() reads it on either backend. */
export interface ActorGroupRow {
  key: string;
  articleCount: number;
  quoteCount: number;
  /** JSON text (SQLite) or the parsed array (PostgreSQL). */
  variants: string | ActorVariant[];
}

export function actorSummaryOfGroup(group: ActorGroupRow): ActorSummary {
  const variants = parseJsonArray(group.variants);
  const { name, type, country } = describeActor(variants);
  return {
    key: group.key, name, type, country,
    roles: mergeRoles(variants).map((entry) => entry.role),
    articleCount: group.articleCount,
    quoteCount: group.quoteCount,
  };
}

export interface ActorEventRow extends Omit<ActorEvent, 'sides' | 'sources' | 'targets' | 'negated'> {
  negated: number;
  sides: string | string[];
  sources: string | string[];
  targets: string | string[];
}

export function actorEventFromRow(row: ActorEventRow): ActorEvent {
  const sides = parseJsonArray(row.sides) as Array<'source' | 'target'>;
  return {
    ...row,
    negated: row.negated === 1,
    sides: [...sides].sort(),
    sources: parseJsonArray(row.sources),
    targets: parseJsonArray(row.targets),
  };
}

/** One name, type and country for a group of actor rows: the most frequent value (for names, among the fullest forms), the earliest on ties. */
export function describeActor(variants: ActorVariant[]): { name: string; type: ActorType; country: string | null } {
  // A group joined by bare surnames ("Demir") is named by its full form ("Elif Demir") even where those are fewer.
  const words = (name: string) => nameKey(name).split(' ').length;
  const fullest = Math.max(0, ...variants.map((v) => words(v.name)));
  return {
    name: mostFrequent(variants.filter((v) => words(v.name) === fullest).map((v) => v.name)) ?? '',
    type: mostFrequent(variants.map((v) => v.type)) ?? 'person',
    country: mostFrequent(variants.flatMap((v) => (v.country === null ? [] : [v.country]))) ?? null,
  };
}

/** Union of the roles of a group (matched by name key, first spelling kept), each with where and when it was reported. */
export function mergeRoles(variants: ActorVariant[]): ActorRole[] {
  const byKey = new Map<string, { role: string; dates: Set<string>; articleIds: Set<string> }>();
  for (const variant of variants) {
    for (const role of variant.roles) {
      const key = nameKey(role);
      const entry = byKey.get(key) ?? { role, dates: new Set<string>(), articleIds: new Set<string>() };
      if (variant.published !== null) entry.dates.add(variant.published);
      entry.articleIds.add(variant.articleId);
      byKey.set(key, entry);
    }
  }
  return [...byKey.values()].map((entry) => ({
    role: entry.role,
    dates: [...entry.dates].sort(),
    articleIds: [...entry.articleIds],
  }));
}

function mostFrequent<T>(values: T[]): T | undefined {
  const counts = new Map<T, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  let best: T | undefined;
  let bestCount = 0;
  for (const [value, count] of counts) {
    if (count > bestCount) [best, bestCount] = [value, count];
  }
  return best;
}

/** The key a looked-up name resolves to: the name's own key, else a unique key ending in it, else a unique mention's. */
export function resolvedKey(found: { exact: boolean; bySurname: string[]; byMention: string[] }, key: string): string | null {
  if (found.exact) return key;
  if (found.bySurname.length === 1) return found.bySurname[0] ?? null;
  if (found.byMention.length === 1) return found.byMention[0] ?? null;
  return null;
}

export function groupBy<T>(rows: T[], keyOf: (row: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const key = keyOf(row);
    const group = groups.get(key);
    if (group) group.push(row);
    else groups.set(key, [row]);
  }
  return groups;
}

export function clampCount(value: number | undefined, fallback: number): number {
  if (value === undefined || !Number.isFinite(value)) return fallback;
  return Math.min(Math.max(Math.trunc(value), 0), MAX_LIMIT);
}
