// Ingest: turns the inputs a user names (files, directories, stdin, URLs) into contract Articles.
// This is the stage's only public module; the others are internal.
import type { Article } from '../contract.js';
import type { Stats } from 'node:fs';
import { makeArticle } from './article.js';
import { type BoilerplateRange, detectScrapedShape, shapeRanges } from './boilerplate.js';
import { describeError, IngestError, oneLine } from './errors.js';
import { parseFeedEntries } from './feed.js';
import { fetchInput, isHttpUrl, readCapped } from './fetch.js';
import { articleFromHtml as htmlArticle } from './html.js';
import { classifyJson } from './jsonl.js';
import { notEnglishReason } from './language.js';
import { decodeInput } from './sniff.js';
import { listFiles, readFileCapped, statInput } from './sources.js';
import { articleFromPlainText } from './text.js';

export type { BoilerplateRange } from './boilerplate.js';

export type IngestItem = { ok: true; article: Article } | { ok: false; source: string; error: string };

export interface IngestOptions {
  /** Time limit for fetching one URL, body included. Default 15 s. */
  fetchTimeoutMs?: number;
  /** Largest input read, per file, URL or stdin. Default 10 MB. */
  maxBytes?: number;
  /**
   * Fetch implementation; by default Node's HTTP client, with each connection pinned to the address that was checked.
   * A custom fetch resolves names itself: the URL and every redirect are still checked, but not pinned.
   */
  fetch?: typeof fetch;
  /**
   * Fetch URLs on loopback, private, link-local and other non-public addresses too: true for all of them, or a list
   * of the addresses allowed (an intranet news server, say). Off by default: a URL from a user or an API client must
   * not reach this machine's or its network's services.
   */
  allowPrivateUrls?: boolean | readonly string[];
  /** What "-" reads; defaults to process.stdin. */
  stdin?: AsyncIterable<Uint8Array | string>;
}

export const DEFAULT_FETCH_TIMEOUT_MS = 15_000;
export const DEFAULT_MAX_BYTES = 10 * 1024 * 1024;
/**
 * Longest article text accepted, in characters (UTF-16 code units). Ten times a long-form feature; analysis takes
 * about ten seconds and a few hundred megabytes at this length, so a whole book or a 10 MB dump pasted as one
 * "article" is refused rather than left to run for minutes.
 */
export const MAX_ARTICLE_CHARS = 500_000;

/** Why an article's text is too long to analyse, or null. */
export function tooLongReason(article: Article): string | null {
  const length = article.text.length;
  return length > MAX_ARTICLE_CHARS ? `too long for one article (${length} characters; the limit is ${MAX_ARTICLE_CHARS})` : null;
}

interface Settings {
  fetchTimeoutMs: number;
  maxBytes: number;
  fetch: typeof fetch | undefined;
  allowPrivateUrls: boolean | readonly string[];
  stdin: () => AsyncIterable<Uint8Array | string>;
}

/**
 * Reads every input in order and yields one item per article or failure. A directory (recursively, sorted by
 * path) or a feed/JSON Lines file expands in place. A bad input yields an error item and the run goes on.
 */
export async function* readInputs(inputs: string[], options: IngestOptions = {}): AsyncGenerator<IngestItem> {
  const settings = resolveSettings(options);
  for (const input of inputs) yield* guarded(input, () => itemsOfInput(input, settings));
}

/** A plain-text article for API use: BOM and front matter removed, metadata from `meta` first. */
export function articleFromText(
  text: string,
  meta: Partial<Pick<Article, 'title' | 'published' | 'outlet' | 'url' | 'byline'>> & { source?: string } = {},
): Article {
  return articleFromPlainText(text, meta);
}

/** An article from an HTML page: Readability body text, metadata from meta tags and JSON-LD. */
export function articleFromHtml(html: string, source: string, url?: string): Article {
  return htmlArticle(html, source, url);
}

/**
 * Lines of article.text that are page furniture rather than prose: the scraped-page headline and its repeat
 * (kind 'title'; the first 'title' range is the headline itself), the byline line and a trailing "Source link".
 * Later stages skip them when looking for quotes and events.
 */
export function boilerplateRanges(article: Article): BoilerplateRange[] {
  return shapeRanges(detectScrapedShape(article.text, article.title));
}

function resolveSettings(options: IngestOptions): Settings {
  const fetchTimeoutMs = options.fetchTimeoutMs ?? DEFAULT_FETCH_TIMEOUT_MS;
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  if (!(fetchTimeoutMs > 0)) throw new RangeError(`fetchTimeoutMs must be positive, got ${fetchTimeoutMs}`);
  if (!(maxBytes > 0)) throw new RangeError(`maxBytes must be positive, got ${maxBytes}`);
  return {
    fetchTimeoutMs,
    maxBytes,
    fetch: options.fetch,
    allowPrivateUrls: options.allowPrivateUrls ?? false,
    stdin: () => options.stdin ?? process.stdin,
  };
}

async function* itemsOfInput(input: string, settings: Settings): AsyncGenerator<IngestItem> {
  if (input === '-') {
    yield* itemsOfBytes(input, await readStdin(settings), { maxBytes: settings.maxBytes });
  } else if (isHttpUrl(input)) {
    const fetched = await fetchInput(input, {
      ...(settings.fetch ? { fetch: settings.fetch } : {}),
      timeoutMs: settings.fetchTimeoutMs,
      maxBytes: settings.maxBytes,
      allowPrivate: settings.allowPrivateUrls,
    });
    yield* itemsOfBytes(input, fetched.bytes, { url: fetched.finalUrl, charset: fetched.charset, maxBytes: settings.maxBytes });
  } else if (/^[a-z][a-z0-9+.-]+:\/\//i.test(input)) {
    throw new IngestError(`unsupported URL scheme (${input.slice(0, input.indexOf(':'))})`);
  } else {
    const stats = await statInput(input);
    if (stats.isDirectory()) {
      for (const file of await listFiles(input)) {
        if (file.error) yield failure(file.path, file.error);
        else yield* guarded(file.path, () => itemsOfFile(file.path, settings));
      }
    } else {
      yield* itemsOfFile(input, settings, stats);
    }
  }
}

async function readStdin(settings: Settings): Promise<Uint8Array> {
  try {
    return await readCapped(settings.stdin(), settings.maxBytes);
  } catch (error) {
    if (error instanceof IngestError) throw error;
    throw new IngestError(`cannot read stdin (${describeError(error)})`);
  }
}

async function* itemsOfFile(path: string, settings: Settings, knownStats?: Stats): AsyncGenerator<IngestItem> {
  const stats = knownStats ?? (await statInput(path));
  const bytes = await readFileCapped(path, stats, settings.maxBytes);
  yield* itemsOfBytes(path, bytes, { maxBytes: settings.maxBytes });
}

interface ByteContext {
  maxBytes: number;
  /** The fetched URL, for inputs read over HTTP. */
  url?: string;
  /** The charset the server declared. */
  charset?: string | null;
}

function* itemsOfBytes(source: string, bytes: Uint8Array, context: ByteContext): Generator<IngestItem> {
  const { kind, content } = decodeInput(bytes, context.maxBytes, context.charset ?? null);
  switch (kind) {
    case 'text':
      yield checked(articleFromPlainText(content, { source, url: context.url ?? null }), 'no text after the front matter');
      break;
    case 'html':
      yield checked(parseHtmlArticle(content, source, context.url), 'no extractable text in HTML');
      break;
    case 'feed':
      yield* feedItems(source, content);
      break;
    case 'json':
      yield* jsonItems(source, content);
      break;
  }
}

function parseHtmlArticle(html: string, source: string, url: string | undefined): Article {
  try {
    return htmlArticle(html, source, url);
  } catch (error) {
    if (error instanceof IngestError) throw error;
    throw new IngestError(`cannot parse HTML (${describeError(error)})`);
  }
}

function* feedItems(source: string, content: string): Generator<IngestItem> {
  for (const entry of parseFeedEntries(content)) {
    yield checked(makeArticle(entry.text, `${source}#${entry.position}`, entry.meta), 'feed item has no text');
  }
}

function* jsonItems(source: string, content: string): Generator<IngestItem> {
  const { kind, lines } = classifyJson(content);
  if (kind === 'json-feed') return yield* feedItems(source, content);
  if (kind === 'other-json') throw new IngestError('unknown format (JSON that is neither JSON Lines articles nor a JSON Feed)');
  // Items are numbered by line, so `file#5` and the error `file:5` both point at line 5 even past blank lines.
  for (const line of lines) {
    if (line.ok) yield checked(makeArticle(line.text, `${source}#${line.line}`, line.meta), 'empty text');
    else yield failure(`${source}:${line.line}`, line.reason);
  }
}

/** The last gate for every article: it must have text, and English text. */
function checked(article: Article, emptyReason: string): IngestItem {
  if (!article.text.trim()) return failure(article.source, emptyReason);
  const tooLong = tooLongReason(article);
  if (tooLong) return failure(article.source, tooLong);
  const notEnglish = notEnglishReason(article.text);
  if (notEnglish) return failure(article.source, `not English (${notEnglish})`);
  return { ok: true, article };
}

function failure(source: string, reason: string): IngestItem {
  return { ok: false, source, error: `${source}: ${oneLine(reason)}` };
}

/** Runs one input's reader, turning an expected failure (IngestError) into an error item. */
async function* guarded(source: string, produce: () => AsyncIterable<IngestItem>): AsyncGenerator<IngestItem> {
  try {
    yield* produce();
  } catch (error) {
    if (!(error instanceof IngestError)) throw error;
    yield failure(source, error.message);
  }
}
