// The backend-neutral half of the API read paths: paging, the row shapes both backends' queries return, and what
// is built from them in TypeScript (items, snippets, display names, role histories, matrix cells, network nodes).
// Internal: import the store through ./index.js.
import type { ActorType, QuoteKind, Span } from '../contract.js';
import type {
  ActorRef, ActorRoleSummary, ActorSummary, ArticleCounts, ArticleListItem, ArticleRef, ArticleSummary, EventItem,
  MatrixCell, Network, Page, PageOptions, QuoteItem, SnippetPart, StanceItem, StoryMember,
} from './index.js';
import { estimatedJaccard, signatureFromBuffer } from './dedup.js';
import { nameKey } from './names.js';

export const PAGE_DEFAULT = 20;
export const PAGE_MAX = 1000;

/** Marks around the matched terms in a snippet as the queries return it (characters no article text contains). */
export const SNIPPET_OPEN = '\u0002';
export const SNIPPET_CLOSE = '\u0003';

/** An article summary with its counts flat, as one SQL row carries them. */
export interface ArticleListRow extends Omit<ArticleSummary, 'counts'>, ArticleCounts {
  snippet?: string;
}

export interface QuoteItemRow extends ArticleRef {
  quoteId: string;
  kind: QuoteKind;
  content_start: number;
  content_end: number;
  content_text: string;
  speaker_id: string | null;
  speaker_key: string | null;
  speaker_name: string | null;
  speaker_type: ActorType | null;
  snippet?: string;
}

export interface EventItemRow
  extends ArticleRef, Pick<EventItem, 'eventId' | 'type' | 'mode' | 'date' | 'eventDate' | 'location' | 'modality'> {
  /** A flag column: 0 or 1 on both backends. */
  negated: number;
  evidence_start: number;
  evidence_end: number;
  evidence_text: string;
}

export interface StanceItemRow extends ArticleRef {
  stanceId: string;
  holder_id: string;
  holder_key: string;
  holder_name: string;
  holder_type: ActorType;
  issue: string;
  polarity: 'support' | 'oppose';
  evidence_start: number;
  evidence_end: number;
  evidence_text: string;
  quoteId: string | null;
}

export interface ParticipantRefRow extends ActorRef {
  role: 'source' | 'target';
}

/** A row of actor_key_variants. */
export interface VariantRow {
  name_key: string;
  name: string;
  type: ActorType;
  country: string;
  n: number;
}

export interface RoleRow {
  name_key: string;
  role: string;
  n: number;
}

export interface RoleMentionRow {
  role: string;
  published: string | null;
  articleId: string;
}

/** A cell of the stance matrix with its evidence as [articleId, stanceId, quoteId, polarity, date] tuples. */
export interface MatrixCellRow {
  key: string;
  issue: string;
  support: number;
  oppose: number;
  /** JSON text (SQLite) or the parsed array (PostgreSQL). */
  evidence: string | EvidenceTuple[];
}

type EvidenceTuple = [string, string, string | null, 'support' | 'oppose', string | null];

export interface PairRow {
  a: string;
  b: string;
  count: number;
  date: string | null;
  articleId: string;
  eventId: string;
}

/** What the stored spellings of a name key say about its actor. */
export type ActorDescription = Pick<ActorSummary, 'name' | 'type' | 'country'>;

// ---- paging -------------------------------------------------------------------------------------------------------

export function paging(opts: PageOptions): { limit: number; offset: number } {
  return { limit: clamp(opts.limit, PAGE_DEFAULT, 1, PAGE_MAX), offset: clamp(opts.offset, 0, 0, Number.MAX_SAFE_INTEGER) };
}

export function clamp(value: number | undefined, fallback: number, min: number, max: number): number {
  if (value === undefined || !Number.isFinite(value)) return fallback;
  return Math.min(Math.max(Math.trunc(value), min), max);
}

/** rows holds one more than the limit when there is more. */
export function page<T>(rows: T[], limit: number, offset: number): Page<T> {
  return { items: rows.slice(0, limit), limit, offset, hasMore: rows.length > limit };
}

export function emptyPage<T>(limit: number, offset: number): Page<T> {
  return { items: [], limit, offset, hasMore: false, total: 0 };
}

/** The matrix's limits, clamped as both backends clamp them. */
export function matrixLimits(opts: { maxIssues?: number; maxActors?: number; evidencePerCell?: number }) {
  return {
    maxIssues: clamp(opts.maxIssues, 15, 1, 100),
    maxActors: clamp(opts.maxActors, 25, 1, 200),
    perCell: clamp(opts.evidencePerCell, 3, 1, 50),
  };
}

/** LIKE patterns, one per word of a topic (all must occur in the issue label), with the wildcards escaped by \. */
export function topicPatterns(topic: string | undefined): string[] {
  const words = (topic ?? '').toLowerCase().split(/\s+/).filter((word) => word !== '');
  return words.map((word) => `%${word.replace(/[\\%_]/g, (c) => '\\' + c)}%`);
}

// ---- items ----------------------------------------------------------------------------------------------------

function span(start: number, end: number, text: string): Span {
  return { start, end, text };
}

export function snippetParts(raw: string): SnippetPart[] {
  const parts: SnippetPart[] = [];
  let rest = raw;
  while (rest !== '') {
    const open = rest.indexOf(SNIPPET_OPEN);
    if (open < 0) {
      parts.push({ text: rest, match: false });
      break;
    }
    if (open > 0) parts.push({ text: rest.slice(0, open), match: false });
    const close = rest.indexOf(SNIPPET_CLOSE, open + 1);
    const end = close < 0 ? rest.length : close;
    parts.push({ text: rest.slice(open + 1, end), match: true });
    rest = close < 0 ? '' : rest.slice(close + 1);
  }
  // Adjacent pieces of the same kind (two matched words separated by nothing) read better as one.
  return parts.reduce<SnippetPart[]>((merged, part) => {
    const last = merged.at(-1);
    if (last && last.match === part.match) last.text += part.text;
    else if (part.text !== '') merged.push({ ...part });
    return merged;
  }, []);
}

export function articleItem(row: ArticleListRow): ArticleListItem {
  const { actors, quotes, events, stances, snippet, ...article } = row;
  const item: ArticleListItem = { ...article, counts: { actors, quotes, events, stances } };
  if (snippet !== undefined) item.snippet = snippetParts(snippet);
  return item;
}

export function quoteItem(row: QuoteItemRow): QuoteItem {
  const item: QuoteItem = {
    articleId: row.articleId,
    articleTitle: row.articleTitle,
    published: row.published,
    quoteId: row.quoteId,
    kind: row.kind,
    content: span(row.content_start, row.content_end, row.content_text),
    speaker: row.speaker_id === null || row.speaker_key === null
      ? null
      : { id: row.speaker_id, key: row.speaker_key, name: row.speaker_name ?? row.speaker_key, type: row.speaker_type ?? 'person' },
  };
  if (row.snippet !== undefined) item.snippet = snippetParts(row.snippet);
  return item;
}

export function stanceItem(row: StanceItemRow): StanceItem {
  return {
    articleId: row.articleId,
    articleTitle: row.articleTitle,
    published: row.published,
    stanceId: row.stanceId,
    holder: { id: row.holder_id, key: row.holder_key, name: row.holder_name, type: row.holder_type },
    issue: row.issue,
    polarity: row.polarity,
    evidence: span(row.evidence_start, row.evidence_end, row.evidence_text),
    quoteId: row.quoteId,
  };
}

/** An event with its participants (rows in role, seq order). */
export function eventItem(row: EventItemRow, participants: ParticipantRefRow[]): EventItem {
  const ref = ({ id, key, name, type }: ParticipantRefRow): ActorRef => ({ id, key, name, type });
  return {
    articleId: row.articleId,
    articleTitle: row.articleTitle,
    published: row.published,
    eventId: row.eventId,
    type: row.type,
    mode: row.mode,
    date: row.date,
    eventDate: row.eventDate,
    location: row.location,
    negated: row.negated === 1,
    modality: row.modality,
    evidence: span(row.evidence_start, row.evidence_end, row.evidence_text),
    sources: participants.filter((p) => p.role === 'source').map(ref),
    targets: participants.filter((p) => p.role === 'target').map(ref),
  };
}

// ---- actors -----------------------------------------------------------------------------------------------------

/** Display name, type and country per key: the most frequent of each among the key's actor rows. */
export function describeVariants(rows: VariantRow[]): Map<string, ActorDescription> {
  const result = new Map<string, ActorDescription>();
  const byKey = new Map<string, VariantRow[]>();
  for (const row of rows) byKey.set(row.name_key, [...(byKey.get(row.name_key) ?? []), row]);
  for (const [key, variants] of byKey) {
    const country = weightedMostFrequent(variants.filter((v) => v.country !== '').map((v) => [v.country, v.n]));
    result.set(key, {
      name: weightedMostFrequent(variants.map((v) => [v.name, v.n])) ?? key,
      type: weightedMostFrequent(variants.map((v) => [v.type, v.n])) ?? 'person',
      country: country ?? null,
    });
  }
  return result;
}

export function describedOrKey(described: Map<string, ActorDescription>, key: string): ActorDescription {
  return described.get(key) ?? { name: key, type: 'person', country: null };
}

/** The roles of each key, most reported first (rows ordered by key, n DESC, role), spellings merged by name key. */
export function rolesByKey(rows: RoleRow[]): Map<string, string[]> {
  const result = new Map<string, string[]>();
  for (const row of rows) {
    const roles = result.get(row.name_key) ?? [];
    if (!roles.some((role) => nameKey(role) === nameKey(row.role))) roles.push(row.role);
    result.set(row.name_key, roles);
  }
  return result;
}

/** Each role of an actor with the dates of the articles that report it; spellings merged by name key. */
export function roleHistory(rows: RoleMentionRow[]): ActorRoleSummary[] {
  const byRole = new Map<string, { spellings: Map<string, number>; dates: Set<string>; articles: Set<string> }>();
  for (const row of rows) {
    const roleKey = nameKey(row.role);
    const entry = byRole.get(roleKey) ?? { spellings: new Map(), dates: new Set(), articles: new Set() };
    entry.spellings.set(row.role, (entry.spellings.get(row.role) ?? 0) + 1);
    if (row.published !== null) entry.dates.add(row.published);
    entry.articles.add(row.articleId);
    byRole.set(roleKey, entry);
  }
  return [...byRole.values()]
    .map((entry) => ({
      role: weightedMostFrequent([...entry.spellings]) ?? '',
      dates: [...entry.dates].sort(),
      articleCount: entry.articles.size,
    }))
    .sort((a, b) => b.articleCount - a.articleCount || (a.dates[0] ?? '').localeCompare(b.dates[0] ?? '') || a.role.localeCompare(b.role));
}

// ---- stance matrix and network ----------------------------------------------------------------------------------

/** The cells in row (actor) then column (issue) order, each with its latest polarity. */
export function matrixCells(rows: MatrixCellRow[], keys: string[], issues: string[]): MatrixCell[] {
  const cells: MatrixCell[] = [];
  for (const row of rows) {
    const tuples = typeof row.evidence === 'string' ? (JSON.parse(row.evidence) as EvidenceTuple[]) : row.evidence;
    const evidence = tuples.map(([articleId, stanceId, quoteId, polarity, published]) => ({ articleId, stanceId, quoteId, polarity, published }));
    const latest = evidence[0];
    if (latest === undefined) continue;
    cells.push({
      actor: row.key, issue: row.issue, polarity: latest.polarity, latest: latest.published,
      support: row.support, oppose: row.oppose, evidence,
    });
  }
  const rowOrder = new Map(keys.map((key, i) => [key, i]));
  const columnOrder = new Map(issues.map((issue, i) => [issue, i]));
  return cells.sort((a, b) => (rowOrder.get(a.actor)! - rowOrder.get(b.actor)!) || (columnOrder.get(a.issue)! - columnOrder.get(b.issue)!));
}

/** The best connected actors of a network: [key, degree], most connected first. */
export function networkNodes(pairs: PairRow[], maxNodes: number): Array<[string, number]> {
  const degree = new Map<string, number>();
  for (const pair of pairs) {
    degree.set(pair.a, (degree.get(pair.a) ?? 0) + pair.count);
    degree.set(pair.b, (degree.get(pair.b) ?? 0) + pair.count);
  }
  return [...degree.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, maxNodes);
}

export function network(pairs: PairRow[], top: Array<[string, number]>, described: Map<string, ActorDescription>): Network {
  const kept = new Set(top.map(([key]) => key));
  return {
    nodes: top.map(([key, n]) => {
      const about = described.get(key);
      return { key, name: about?.name ?? key, type: about?.type ?? 'person', degree: n };
    }),
    edges: pairs
      .filter((pair) => kept.has(pair.a) && kept.has(pair.b))
      .map((pair) => ({
        source: pair.a, target: pair.b, count: pair.count,
        evidence: { articleId: pair.articleId, eventId: pair.eventId, date: pair.date === '' ? null : pair.date },
      })),
  };
}

// ---- story groups -----------------------------------------------------------------------------------------------

/** A member of a story group as read, with its stored MinHash signature. */
export interface MemberRow {
  articleId: string;
  articleTitle: string | null;
  published: string | null;
  outlet: string | null;
  url: string | null;
  source: string;
  signature: Uint8Array;
  storyId: string;
}

/** The members with their estimated similarity to one of them (1 for itself). */
export function membersRelativeTo(rows: MemberRow[], to: MemberRow | undefined): StoryMember[] {
  const reference = to === undefined ? null : signatureFromBuffer(to.signature);
  return rows.map(({ signature, storyId: _story, ...row }) => ({
    ...row,
    similarity: reference === null ? 0 : row.articleId === to!.articleId ? 1 : round(estimatedJaccard(reference, signatureFromBuffer(signature))),
  }));
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}

function weightedMostFrequent<T>(entries: Array<[T, number]>): T | undefined {
  const totals = new Map<T, number>();
  for (const [value, n] of entries) totals.set(value, (totals.get(value) ?? 0) + n);
  let best: T | undefined;
  let bestCount = 0;
  for (const [value, count] of totals) {
    if (count > bestCount) [best, bestCount] = [value, count];
  }
  return best;
}
