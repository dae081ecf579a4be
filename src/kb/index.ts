// The knowledge base: where extraction records are kept, searched and aggregated per actor.
// Callers see only the Store interface, behind which are two backends: SQLite (a file, the default: nothing to
// install) and PostgreSQL (a postgres:// URL, for several processes writing at once). Every method returns a Promise
// because PostgreSQL's are asynchronous, even though better-sqlite3 is synchronous.
import { mkdirSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import type { ActorType, Extraction, Modality, PloverType, QuoteKind, Span } from '../contract.js';
import { openPostgresStore } from './postgres.js';
import { openSqliteStore } from './sqlite.js';

export { nameKey } from './names.js';
export { normalisedWords } from './dedup.js';
export { daysApart, groupEventReports, groupedEvents, MAX_DAYS_APART, sameEvent, type EventReportFacts, type ReportedEvent, type ReportedEventPage } from './event-reports.js';
export { PostgresStore, openPostgresStore, type PutOptions, type TransactionSql } from './postgres.js';

export interface ArticleCounts {
  actors: number;
  quotes: number;
  events: number;
  stances: number;
}

export interface ArticleSummary {
  id: string;
  title: string | null;
  published: string | null;
  outlet: string | null;
  source: string;
  url: string | null;
  /** ISO timestamp of the put() that stored it. */
  ingestedAt: string;
  counts: ArticleCounts;
}

export type SearchKind = 'quote' | 'article';

export interface SearchHit {
  kind: SearchKind;
  articleId: string;
  articleTitle: string | null;
  published: string | null;
  /** Local id of the quote within its article; null for article hits. */
  quoteId: string | null;
  /** Name of the quote's speaker; null for article hits and unattributed quotes. */
  speaker: string | null;
  /** Matched text with the matching terms in [brackets] and … where text was cut. */
  snippet: string;
  /** bm25 score: lower is a better match (hits come best first). */
  score: number;
}

export interface ActorSummary {
  /** The normalised name key the actor is grouped under. */
  key: string;
  /** The most frequent spelling of the name. */
  name: string;
  type: ActorType;
  country: string | null;
  roles: string[];
  articleCount: number;
  quoteCount: number;
}

export interface ActorRole {
  role: string;
  /** Publication dates (sorted, distinct) of the articles that report the role; undated articles add none. */
  dates: string[];
  articleIds: string[];
}

export interface ArticleRef {
  articleId: string;
  articleTitle: string | null;
  published: string | null;
}

export interface ActorQuote extends ArticleRef {
  quoteId: string;
  kind: QuoteKind;
  content: string;
}

export interface ActorStance extends ArticleRef {
  stanceId: string;
  issue: string;
  polarity: 'support' | 'oppose';
  evidence: string;
  quoteId: string | null;
}

export interface ActorEvent extends ArticleRef {
  eventId: string;
  type: PloverType;
  mode: string | null;
  /** The side(s) this actor is on. */
  sides: Array<'source' | 'target'>;
  /** Names of all source and target actors, in record order. */
  sources: string[];
  targets: string[];
  location: string | null;
  date: string | null;
  negated: boolean;
  modality: Modality;
  evidence: string;
}

export interface ActorProfile {
  key: string;
  name: string;
  type: ActorType;
  country: string | null;
  articleCount: number;
  roles: ActorRole[];
  /** Newest article first. */
  quotes: ActorQuote[];
  stances: ActorStance[];
  events: ActorEvent[];
}

export interface StoreStats {
  articles: number;
  /** Distinct actors across articles (by name key), not actor rows. */
  actors: number;
  quotes: number;
  events: number;
  stances: number;
}

// ---- the paged read paths of the HTTP API -----------------------------------------------------------------------

/** One page of a list. `total` is given where it is cheap to count; `hasMore` always. */
export interface Page<T> {
  items: T[];
  limit: number;
  offset: number;
  hasMore: boolean;
  total?: number;
}

export interface PageOptions {
  limit?: number;
  offset?: number;
}

/** A piece of a search snippet; `match` marks the matched terms. */
export interface SnippetPart {
  text: string;
  match: boolean;
}

export interface ArticleListItem extends ArticleSummary {
  /** Only when the list was a search: the matched passage. */
  snippet?: SnippetPart[];
}

/** An actor of one article, with the name key that groups it across articles. */
export interface ActorRef {
  /** Local id within the article (a1). */
  id: string;
  key: string;
  name: string;
  type: ActorType;
}

export interface QuoteItem extends ArticleRef {
  quoteId: string;
  kind: QuoteKind;
  content: Span;
  speaker: ActorRef | null;
  /** Only for a search: the matched passage of the quote or its speaker. */
  snippet?: SnippetPart[];
}

export interface EventItem extends ArticleRef {
  eventId: string;
  type: PloverType;
  mode: string | null;
  /** The event's own date, else its article's date (what the timeline sorts by). */
  date: string | null;
  /** The event's own date as extracted. */
  eventDate: string | null;
  location: string | null;
  negated: boolean;
  modality: Modality;
  evidence: Span;
  sources: ActorRef[];
  targets: ActorRef[];
}

export interface StanceItem extends ArticleRef {
  stanceId: string;
  holder: ActorRef;
  issue: string;
  polarity: 'support' | 'oppose';
  evidence: Span;
  quoteId: string | null;
}

export interface EventFilter extends PageOptions {
  /** Count each story group once: only events of each group's earliest article. */
  onePerStory?: boolean;
  type?: PloverType;
  /** Name key (or name) of an actor on either side. */
  actor?: string;
  /** Inclusive YYYY-MM-DD bounds on the event's date (its own, else its article's). */
  from?: string;
  to?: string;
  order?: 'asc' | 'desc';
}

export interface StanceFilter extends PageOptions {
  actor?: string;
  issue?: string;
  /** Words that must all occur in the issue label (case-insensitive). */
  topic?: string;
  from?: string;
  to?: string;
}

export interface MatrixOptions {
  topic?: string;
  from?: string;
  to?: string;
  /** Most actors (rows), those with the most stances first. Default 25. */
  maxActors?: number;
  /** Most issues (columns), the most discussed first. Default 15. */
  maxIssues?: number;
  /** Evidence references kept per cell, latest first. Default 3. */
  evidencePerCell?: number;
}

export interface EvidenceRef {
  articleId: string;
  stanceId: string;
  quoteId: string | null;
  polarity: 'support' | 'oppose';
  published: string | null;
}

export interface MatrixCell {
  actor: string;
  issue: string;
  /** The polarity of the latest stance. */
  polarity: 'support' | 'oppose';
  /** Date of the latest stance (its article's date). */
  latest: string | null;
  support: number;
  oppose: number;
  /** Latest first, at most evidencePerCell. */
  evidence: EvidenceRef[];
}

export interface StanceMatrix {
  actors: Array<{ key: string; name: string; type: ActorType; stances: number }>;
  issues: Array<{ issue: string; stances: number }>;
  cells: MatrixCell[];
}

export interface ActorRoleSummary {
  role: string;
  /** Distinct publication dates of the articles reporting it, oldest first. */
  dates: string[];
  articleCount: number;
}

export interface ActorDetail {
  key: string;
  name: string;
  type: ActorType;
  country: string | null;
  articleCount: number;
  quoteCount: number;
  stanceCount: number;
  eventCount: number;
  roles: ActorRoleSummary[];
  /** The first `limit` of each, newest first; page on through quotes()/stances()/events() with the actor filter. */
  quotes: QuoteItem[];
  stances: StanceItem[];
  events: EventItem[];
}

export interface NetworkOptions {
  type?: PloverType;
  from?: string;
  to?: string;
  /** Most actors shown, the best connected first. Default 40. */
  maxNodes?: number;
}

export interface Network {
  nodes: Array<{ key: string; name: string; type: ActorType; degree: number }>;
  edges: Array<{ source: string; target: string; count: number; evidence: { articleId: string; eventId: string; date: string | null } }>;
}

// ---- story groups: near-duplicate reports ------------------------------------------------------------------------

/** An article of a story group (rewrites of one report by several outlets, found by MinHash similarity). */
export interface StoryMember extends ArticleRef {
  outlet: string | null;
  url: string | null;
  source: string;
  /** Estimated Jaccard similarity of the word 5-shingles of its text with the article asked about (1 for itself). */
  similarity: number;
}

export interface StoryGroup {
  /** The group's name: the id of its earliest article (published date, undated last, then ingestion order). */
  storyId: string;
  /** Earliest first; `similarity` is to the earliest. */
  articles: StoryMember[];
}

/** Counts with each story group counted once: quotes, events and stances are those of each group's earliest article. */
export interface StoryStats extends StoreStats {
  /** Story groups (an article with no near-duplicate is a group of one). */
  stories: number;
  /** Articles that are near-duplicates of an earlier one (articles - stories). */
  duplicates: number;
}

export interface Store {
  /**
   * Stores one extraction in ONE transaction; idempotent by article.id (sha256 of the text): storing the same
   * article again changes nothing and returns {stored:false}. Rejects a record that breaks the contract
   * (schema or spans) or whose cross references do not resolve, and then stores nothing of it.
   */
  put(record: Extraction): Promise<{ stored: boolean; articleId: string }>;
  hasArticle(id: string): Promise<boolean>;
  /** Round-trips exactly what was put (the contract's fields; unknown extra fields are not kept). */
  getRecord(articleId: string): Promise<Extraction | null>;
  /** Newest published first, undated last. */
  articles(opts?: { limit?: number; offset?: number }): Promise<ArticleSummary[]>;
  /** Full-text search over quotes (content and speaker name) and articles (title and text), best first. */
  search(query: string, opts?: { limit?: number; kind?: SearchKind | 'all' }): Promise<SearchHit[]>;
  /** Actors across articles grouped by name key, most articles first. */
  actors(opts?: { limit?: number }): Promise<ActorSummary[]>;
  /** By the key of the full name, else by surname (a unique key ending in it), else by a unique mention text. */
  actor(name: string): Promise<ActorProfile | null>;
  stats(): Promise<StoreStats>;

  // ---- paged read paths (the HTTP API) ----
  /** Newest first; with `q`, full-text search over titles and texts, best first, with snippets. */
  listArticles(opts?: PageOptions & { q?: string }): Promise<Page<ArticleListItem>>;
  /** Actors grouped by name key, most articles first; `q` keeps names containing it. */
  listActors(opts?: PageOptions & { q?: string }): Promise<Page<ActorSummary>>;
  /** An actor's profile with the first `limit` quotes, stances and events (newest first). Same lookup as actor(). */
  actorDetail(name: string, opts?: { limit?: number }): Promise<ActorDetail | null>;
  /** With `q`: full-text search over quotes and speakers, best first, with snippets; else newest first. */
  /** `onePerStory`: only quotes of each story group's earliest article, so a rewritten report counts once. */
  quotes(opts?: PageOptions & { q?: string; actor?: string; onePerStory?: boolean }): Promise<Page<QuoteItem>>;
  /** Events in date order (undated last), filtered. */
  events(opts?: EventFilter): Promise<Page<EventItem>>;
  /** Stances newest first, filtered. */
  stances(opts?: StanceFilter): Promise<Page<StanceItem>>;
  /** Actors x issues: the latest polarity per cell, with counts and evidence references. */
  stanceMatrix(opts?: MatrixOptions): Promise<StanceMatrix>;
  /** Who met whom: actors linked by events of one type (CONSULT by default), participants pairwise. */
  network(opts?: NetworkOptions): Promise<Network>;

  // ---- story groups (near-duplicate reports) ----
  /** The other articles of this article's story group, earliest first, with their similarity to it; [] when none. */
  duplicates(articleId: string): Promise<StoryMember[]>;
  /** The story group of an article (a group of one when it has no near-duplicate); null for an unknown article. */
  story(articleId: string): Promise<StoryGroup | null>;
  /** The story id of each given article that is stored (its group's earliest article; its own id when alone). */
  storyIds(articleIds: string[]): Promise<Record<string, string>>;
  /** Story groups, the newest first (by their earliest article); `minArticles: 2` lists only reports carried more than once. */
  stories(opts?: PageOptions & { minArticles?: number }): Promise<Page<StoryGroup>>;
  /** stats() with each story group counted once. */
  storyStats(): Promise<StoryStats>;
  /**
   * Every stored record, in ingestion order, read a batch at a time (so exporting a large store does not hold it
   * in memory); each record comes with its story id.
   */
  eachRecord(opts?: { batchSize?: number }): AsyncIterable<{ record: Extraction; storyId: string }>;
  close(): Promise<void>;
}

export function defaultStoreLocation(): string {
  const fromEnv = process.env.PARLEY_DB;
  if (fromEnv !== undefined && fromEnv.trim() !== '') return fromEnv;
  return join(homedir(), '.parley', 'parley.db');
}

export function isPostgresLocation(location: string): boolean {
  return /^postgres(ql)?:\/\//i.test(location);
}

/** A store location fit to print: a URL loses its password. */
export function describeStoreLocation(location: string): string {
  if (!isPostgresLocation(location)) return location;
  try {
    const url = new URL(location);
    if (url.password !== '') url.password = '***';
    return url.toString();
  } catch {
    return location.replace(/\/\/([^:/@]*):[^@/]*@/, '//$1:***@');
  }
}

/** Opens (creating and migrating as needed) the store at a file path, ':memory:', or a postgres:// URL. */
export async function openStore(location: string = defaultStoreLocation()): Promise<Store> {
  if (isPostgresLocation(location)) return openPostgresStore(location);
  if (location === ':memory:') return openSqliteStore(location);
  const path = resolve(location.startsWith('~/') ? join(homedir(), location.slice(2)) : location);
  mkdirSync(dirname(path), { recursive: true });
  return openSqliteStore(path);
}
