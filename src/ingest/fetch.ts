import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { isIP, type LookupFunction } from 'node:net';
import { pipeline } from 'node:stream';
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';
import { blockedAddressKind } from './address.js';
import { describeError, IngestError } from './errors.js';

export interface FetchedInput {
  bytes: Uint8Array;
  /** The URL after redirects. */
  finalUrl: string;
  /** Charset from the Content-Type header, if any. */
  charset: string | null;
}

export interface FetchSettings {
  /**
   * A fetch implementation to use instead of Node's own HTTP client. It resolves names itself, so the address
   * check before each request cannot pin its connection to the checked address.
   */
  fetch?: typeof fetch;
  timeoutMs: number;
  maxBytes: number;
  /** Connect to loopback, private, link-local and other non-public addresses too: all of them, or those listed. */
  allowPrivate: boolean | readonly string[];
}

const ACCEPT = 'text/html, application/xhtml+xml, application/rss+xml, application/atom+xml, application/feed+json, ' +
  'application/json, text/plain;q=0.9, */*;q=0.5';
const HEADERS = { accept: ACCEPT, 'accept-encoding': 'gzip, deflate, br', 'user-agent': 'parley/0.1' };
const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);
const MAX_REDIRECTS = 10;
const ALLOW_HINT = 'use --allow-private-urls to allow';

export function isHttpUrl(input: string): boolean {
  return /^https?:\/\//i.test(input);
}

/** A refused destination; `reason` reads "address 10.0.0.1 is private/loopback". */
class RefusedAddress extends IngestError {
  constructor(readonly reason: string) {
    super(`refused: ${reason} (${ALLOW_HINT})`);
  }
}

/** One response, from either transport, before its body is read. */
interface Hop {
  status: number;
  statusText: string;
  header(name: string): string | null;
  body: AsyncIterable<Uint8Array> | null;
  discard(): Promise<void>;
}

/**
 * Fetches a URL within a time limit and a size cap; every failure becomes an IngestError. Redirects are followed
 * here, one hop at a time, so that each hop's destination is checked like the first.
 */
export async function fetchInput(url: string, settings: FetchSettings): Promise<FetchedInput> {
  // One signal covers connecting, the headers and the body, so a server that trickles bytes cannot hang the run.
  const signal = AbortSignal.timeout(settings.timeoutMs);
  let current = parseUrl(url);
  for (let hop = 0; ; hop++) {
    let response: Hop;
    try {
      response = await (settings.fetch ? viaFetch(settings.fetch, current, settings, signal) : viaHttp(current, settings, signal));
    } catch (error) {
      if (error instanceof RefusedAddress && hop > 0) throw new IngestError(`refused: redirected to ${current.href}, and ${error.reason} (${ALLOW_HINT})`);
      if (error instanceof IngestError) throw error;
      throw new IngestError(`cannot fetch (${fetchFailureReason(error, settings.timeoutMs)})`);
    }
    const location = response.header('location');
    if (REDIRECT_STATUSES.has(response.status) && location) {
      await response.discard();
      if (hop === MAX_REDIRECTS) throw new IngestError(`cannot fetch (more than ${MAX_REDIRECTS} redirects)`);
      const next = URL.canParse(location, current.href) ? new URL(location, current.href) : null;
      if (!next || !isHttpUrl(next.href)) throw new IngestError(`cannot fetch (redirected to ${next ? `a ${next.protocol} URL` : 'an invalid URL'})`);
      current = next;
      continue;
    }
    if (response.status < 200 || response.status > 299) {
      await response.discard();
      throw new IngestError(`cannot fetch (HTTP ${response.status}${response.statusText ? ' ' + response.statusText : ''})`);
    }
    const bytes = await readBody(response, settings, signal);
    return { bytes, finalUrl: current.href, charset: charsetOf(response.header('content-type')) };
  }
}

function parseUrl(url: string): URL {
  if (!URL.canParse(url)) throw new IngestError('cannot fetch (not a valid URL)');
  return new URL(url);
}

/** The host of a URL as a connect() call wants it: IPv6 literals without their brackets. */
function hostOf(url: URL): string {
  return url.hostname.replace(/^\[|\]$/g, '');
}

/** Why an address is refused under the settings, or null. */
function refusedKind(address: string, allowPrivate: FetchSettings['allowPrivate']): string | null {
  if (allowPrivate === true) return null;
  const kind = blockedAddressKind(address);
  return kind && !(allowPrivate !== false && allowPrivate.includes(address)) ? kind : null;
}

function refuseLiteral(host: string, allowPrivate: FetchSettings['allowPrivate']): void {
  const kind = isIP(host) ? refusedKind(host, allowPrivate) : null;
  if (kind) throw new RefusedAddress(`address ${host} is ${kind}`);
}

function refusalFor(host: string, addresses: LookupAddress[], allowPrivate: FetchSettings['allowPrivate']): RefusedAddress | null {
  for (const { address } of addresses) {
    const kind = refusedKind(address, allowPrivate);
    if (kind) return new RefusedAddress(`${host} resolves to address ${address}, which is ${kind}`);
  }
  return null;
}

/**
 * Name resolution for the connection itself: every address the name resolves to is checked, and the socket is
 * handed exactly those addresses, so a second, different answer (DNS rebinding) never reaches connect().
 */
const checkedLookup = (allowPrivate: FetchSettings['allowPrivate']): LookupFunction => (hostname, options, callback) => {
  dnsLookup(hostname, { family: options.family ?? 0, hints: options.hints ?? 0, all: true }, (error, addresses) => {
    if (error) return callback(error, '', 0);
    const refused = refusalFor(hostname, addresses, allowPrivate);
    if (refused) return callback(refused as NodeJS.ErrnoException, '', 0);
    if (addresses.length === 0) return callback(Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' }), '', 0);
    if (options.all) return (callback as unknown as (error: null, addresses: LookupAddress[]) => void)(null, addresses);
    callback(null, addresses[0]!.address, addresses[0]!.family);
  });
};

function viaHttp(url: URL, settings: FetchSettings, signal: AbortSignal): Promise<Hop> {
  const host = hostOf(url);
  refuseLiteral(host, settings.allowPrivate);
  const request = url.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise<Hop>((resolve, reject) => {
    const outgoing = request(
      {
        protocol: url.protocol,
        hostname: host,
        port: url.port || undefined,
        path: url.pathname + url.search,
        headers: HEADERS,
        signal,
        // A fresh connection per request: a pooled socket could have been opened under other rules.
        agent: false,
        ...(settings.allowPrivate === true ? {} : { lookup: checkedLookup(settings.allowPrivate) }),
      },
      (response) => resolve(hopOf(response)),
    );
    outgoing.on('error', reject);
    outgoing.end();
  });
}

function hopOf(response: IncomingMessage): Hop {
  const header = (name: string) => {
    const value = response.headers[name];
    return Array.isArray(value) ? value.join(', ') : (value ?? null);
  };
  return {
    status: response.statusCode ?? 0,
    statusText: response.statusMessage ?? '',
    header,
    body: decoded(response, (header('content-encoding') ?? '').trim().toLowerCase()),
    discard: async () => {
      response.destroy();
    },
  };
}

/** The body with its Content-Encoding undone as it streams, so the size cap applies to what is decoded. */
function decoded(response: IncomingMessage, encoding: string): AsyncIterable<Uint8Array> {
  const decoder = encoding === 'gzip' || encoding === 'x-gzip' ? createGunzip()
    : encoding === 'deflate' ? createInflate()
    : encoding === 'br' ? createBrotliDecompress()
    : null;
  if (!decoder) return response;
  // An error on either side destroys both, and reaches the reader as an error of the decoder.
  return pipeline(response, decoder, () => undefined);
}

async function viaFetch(fetcher: typeof fetch, url: URL, settings: FetchSettings, signal: AbortSignal): Promise<Hop> {
  if (settings.allowPrivate !== true) {
    const host = hostOf(url);
    refuseLiteral(host, settings.allowPrivate);
    if (!isIP(host)) {
      const refused = refusalFor(host, await resolveAll(host), settings.allowPrivate);
      if (refused) throw refused;
    }
  }
  const response = await fetcher(url.href, { signal, redirect: 'manual', headers: { accept: ACCEPT, 'user-agent': HEADERS['user-agent'] } });
  return {
    status: response.status,
    statusText: response.statusText,
    header: (name) => response.headers.get(name),
    body: response.body as AsyncIterable<Uint8Array> | null,
    discard: async () => {
      await response.body?.cancel().catch(() => undefined);
    },
  };
}

function resolveAll(host: string): Promise<LookupAddress[]> {
  return new Promise((resolve, reject) => dnsLookup(host, { all: true }, (error, addresses) => (error ? reject(error) : resolve(addresses))));
}

async function readBody(response: Hop, settings: FetchSettings, signal: AbortSignal): Promise<Uint8Array> {
  const declaredLength = Number(response.header('content-length') ?? NaN);
  if (declaredLength > settings.maxBytes) {
    await response.discard();
    throw new IngestError(tooLarge(declaredLength, settings.maxBytes));
  }
  if (!response.body) return new Uint8Array();
  try {
    return await readCapped(response.body, settings.maxBytes);
  } catch (error) {
    if (error instanceof IngestError) throw error;
    // an abort mid-body surfaces as a reset socket; the signal says whether it was the time limit
    throw new IngestError(`cannot fetch (${signal.aborted ? `timed out after ${settings.timeoutMs} ms` : fetchFailureReason(error, settings.timeoutMs)})`);
  }
}

/** Reads a stream into memory, failing as soon as it passes maxBytes. */
export async function readCapped(stream: AsyncIterable<Uint8Array | string>, maxBytes: number): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of stream) {
    const buffer = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    total += buffer.length;
    // Leaving the loop early cancels the stream.
    if (total > maxBytes) throw new IngestError(tooLarge(null, maxBytes));
    chunks.push(buffer);
  }
  return Buffer.concat(chunks, total);
}

export function tooLarge(size: number | null, maxBytes: number): string {
  return size === null ? `too large (over the ${maxBytes} byte limit)` : `too large (${size} bytes, limit ${maxBytes})`;
}

function fetchFailureReason(error: unknown, timeoutMs: number): string {
  const name = (error as Error | undefined)?.name;
  if (name === 'TimeoutError' || name === 'AbortError') return `timed out after ${timeoutMs} ms`;
  // Node's fetch reports network failures as "fetch failed" with the real reason in `cause`.
  const cause = (error as { cause?: unknown } | undefined)?.cause;
  if (cause instanceof Error) {
    const nested = (cause as Partial<AggregateError>).errors?.[0];
    return describeError(cause.message ? cause : nested instanceof Error ? nested : ((cause as NodeJS.ErrnoException).code ?? cause));
  }
  // connect() with several addresses to try reports an AggregateError with an empty message
  const first = (error as Partial<AggregateError> | undefined)?.errors?.[0];
  if (error instanceof Error && !error.message && first instanceof Error) return describeError(first);
  return describeError(error);
}

function charsetOf(contentType: string | null): string | null {
  return /charset\s*=\s*"?([\w.:-]+)/i.exec(contentType ?? '')?.[1] ?? null;
}
