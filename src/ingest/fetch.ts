import { describeError, IngestError } from './errors.js';

export interface FetchedInput {
  bytes: Uint8Array;
  /** The URL after redirects. */
  finalUrl: string;
  /** Charset from the Content-Type header, if any. */
  charset: string | null;
}

export interface FetchSettings {
  fetch: typeof fetch;
  timeoutMs: number;
  maxBytes: number;
}

const ACCEPT = 'text/html, application/xhtml+xml, application/rss+xml, application/atom+xml, application/feed+json, ' +
  'application/json, text/plain;q=0.9, */*;q=0.5';

export function isHttpUrl(input: string): boolean {
  return /^https?:\/\//i.test(input);
}

/** Fetches a URL within a time limit and a size cap; every failure becomes an IngestError. */
export async function fetchInput(url: string, settings: FetchSettings): Promise<FetchedInput> {
  // One signal covers connecting, the headers and the body, so a server that trickles bytes cannot hang the run.
  const signal = AbortSignal.timeout(settings.timeoutMs);
  let response: Response;
  try {
    response = await settings.fetch(url, { signal, redirect: 'follow', headers: { accept: ACCEPT, 'user-agent': 'parley/0.1' } });
  } catch (error) {
    throw new IngestError(`cannot fetch (${fetchFailureReason(error, settings.timeoutMs)})`);
  }
  if (!response.ok) {
    await response.body?.cancel().catch(() => undefined);
    throw new IngestError(`cannot fetch (HTTP ${response.status}${response.statusText ? ' ' + response.statusText : ''})`);
  }
  const bytes = await readBody(response, settings);
  return { bytes, finalUrl: response.url || url, charset: charsetOf(response.headers.get('content-type')) };
}

async function readBody(response: Response, settings: FetchSettings): Promise<Uint8Array> {
  const declaredLength = Number(response.headers.get('content-length') ?? NaN);
  if (declaredLength > settings.maxBytes) {
    await response.body?.cancel().catch(() => undefined);
    throw new IngestError(tooLarge(declaredLength, settings.maxBytes));
  }
  if (!response.body) return new Uint8Array();
  try {
    return await readCapped(response.body, settings.maxBytes);
  } catch (error) {
    if (error instanceof IngestError) throw error;
    throw new IngestError(`cannot fetch (${fetchFailureReason(error, settings.timeoutMs)})`);
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
  return describeError(error);
}

function charsetOf(contentType: string | null): string | null {
  return /charset\s*=\s*"?([\w.:-]+)/i.exec(contentType ?? '')?.[1] ?? null;
}
