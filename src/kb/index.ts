// The knowledge base: where extraction records are kept, searched and aggregated per actor.
// Callers see only the Store interface; SQLite is the one backend today, PostgreSQL is planned behind the same
// interface, which is why every method returns a Promise even though better-sqlite3 is synchronous.
import { mkdirSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import type { ActorType, Extraction, Modality, PloverType, QuoteKind } from '../contract.js';
import { openSqliteStore } from './sqlite.js';

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
  close(): Promise<void>;
}

export function defaultStoreLocation(): string {
  const fromEnv = process.env.PARLEY_DB;
  if (fromEnv !== undefined && fromEnv.trim() !== '') return fromEnv;
  return join(homedir(), '.parley', 'parley.db');
}

/** Opens (creating and migrating as needed) the store at a file path, ':memory:', or, later, a postgres:// URL. */
export async function openStore(location: string = defaultStoreLocation()): Promise<Store> {
  if (/^postgres(ql)?:\/\//i.test(location)) throw new Error('PostgreSQL backend not available yet');
  if (location === ':memory:') return openSqliteStore(location);
  const path = resolve(location.startsWith('~/') ? join(homedir(), location.slice(2)) : location);
  mkdirSync(dirname(path), { recursive: true });
  return openSqliteStore(path);
}
