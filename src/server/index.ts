// The HTTP server: a JSON API under /api/ and the web app at /, both over one Store.
// Reads are open to this machine (loopback) unless allowRemoteReads; writes need `Authorization: Bearer <token>`.
import { createHash, timingSafeEqual } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { getConnInfo } from '@hono/node-server/conninfo';
import { Hono, type Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { Store } from '../kb/index.js';
import { ApiError, apiRoutes } from './api.js';
import { loadAssets, type Asset } from './assets.js';
import { RateLimiter } from './rate-limit.js';

/** API requests per client (IP address, or IPv6 /64) per minute when nothing else is said; 0 turns a limit off. */
export const DEFAULT_RATE_LIMITS = { reads: 1200, writes: 60 } as const;

export interface AppOptions {
  /** The bearer token writes must present; without one, writes are refused. */
  token?: string;
  /** Serve reads to other machines too (default: loopback only). */
  allowRemoteReads?: boolean;
  /** Where server-side errors are logged, one line each (default: stderr). */
  log?: (line: string) => void;
  /** Let POST /api/articles {url} fetch from loopback and private addresses (default: refused). */
  allowPrivateUrls?: boolean;
  /** API requests per client per minute, reads (GET) and writes apart; 0 turns one off. Default DEFAULT_RATE_LIMITS. */
  rateLimits?: { reads?: number; writes?: number };
}

export interface ServerOptions {
  store: Store;
  /** 0 picks a free port. Default 8080. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  token?: string;
  allowRemoteReads?: boolean;
  log?: (line: string) => void;
  allowPrivateUrls?: boolean;
  rateLimits?: { reads?: number; writes?: number };
}

export interface RunningServer {
  /** Base URL without a trailing slash, e.g. http://127.0.0.1:8080 */
  url: string;
  close(): Promise<void>;
}

const CSP = [
  "default-src 'self'", "script-src 'self'", "style-src 'self'", "img-src 'self' data:", "connect-src 'self'",
  "object-src 'none'", "base-uri 'none'", "form-action 'self'", "frame-ancestors 'none'",
].join('; ');

export function createApp(store: Store, options: AppOptions = {}): Hono {
  const log = options.log ?? ((line: string) => process.stderr.write(line + '\n'));
  const assets = loadAssets();
  const app = new Hono();
  const limiters = {
    reads: new RateLimiter(options.rateLimits?.reads ?? DEFAULT_RATE_LIMITS.reads),
    writes: new RateLimiter(options.rateLimits?.writes ?? DEFAULT_RATE_LIMITS.writes),
  };

  app.use('*', async (c, next) => {
    c.header('X-Content-Type-Options', 'nosniff');
    c.header('Referrer-Policy', 'no-referrer');
    c.header('X-Frame-Options', 'DENY');
    c.header('Cross-Origin-Resource-Policy', 'same-origin');
    const isWrite = !['GET', 'HEAD', 'OPTIONS'].includes(c.req.method);
    // Writes carry a token and may come from anywhere; everything else only from this machine, unless allowed.
    if (!isWrite && !options.allowRemoteReads) {
      if (!isLoopback(remoteAddress(c))) {
        return c.json({ error: 'this server only answers requests from this machine (reads from other hosts are not enabled)' }, 403);
      }
      // A page elsewhere whose host name resolves to 127.0.0.1 (DNS rebinding) must not read the API either.
      if (!isLocalHostHeader(c.req.header('host'))) {
        return c.json({ error: 'unexpected Host header; use http://127.0.0.1 or http://localhost' }, 403);
      }
    }
    // Budgets guard the API, whose requests cost queries or a whole extraction; the app's static files are cheap.
    if (c.req.path.startsWith('/api/')) {
      const kind = isWrite ? 'writes' : 'reads';
      const limiter = limiters[kind];
      const taken = limiter.take(remoteAddress(c) ?? 'unknown');
      if (!taken.ok) {
        return c.json(
          { error: `too many requests: the limit is ${limiter.perMinute} ${kind} per minute per client; retry in ${taken.retryAfterSeconds} s` },
          429,
          { 'Retry-After': String(taken.retryAfterSeconds) },
        );
      }
    }
    await next();
  });

  app.route('/api', apiRoutes(store, { authorize: (c) => authorize(c, options.token), allowPrivateUrls: options.allowPrivateUrls === true }));

  app.get('*', (c) => {
    const asset = assets.get(c.req.path);
    if (asset === undefined) return notFound(c);
    return serveAsset(c, asset);
  });

  app.notFound(notFound);
  app.onError((error, c) => {
    if (error instanceof ApiError) return c.json({ error: error.message }, error.status);
    if (error instanceof HTTPException) {
      return c.json({ error: error.status === 413 ? 'request body too large (the limit is 1 MB)' : error.message || 'bad request' }, error.status);
    }
    const message = error instanceof Error ? error.message : String(error);
    log(`parley serve: ${c.req.method} ${c.req.path}: ${message.split('\n')[0]}`);
    return c.json({ error: 'internal server error' }, 500);
  });
  return app;
}

export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const host = options.host ?? '127.0.0.1';
  const app = createApp(options.store, {
    ...(options.token !== undefined ? { token: options.token } : {}),
    ...(options.allowRemoteReads !== undefined ? { allowRemoteReads: options.allowRemoteReads } : {}),
    ...(options.log !== undefined ? { log: options.log } : {}),
    ...(options.allowPrivateUrls !== undefined ? { allowPrivateUrls: options.allowPrivateUrls } : {}),
    ...(options.rateLimits !== undefined ? { rateLimits: options.rateLimits } : {}),
  });
  const server = serve({ fetch: app.fetch, port: options.port ?? 8080, hostname: host });
  await new Promise<void>((resolve, reject) => {
    const onError = (error: Error) => reject(error);
    server.once('error', onError);
    server.once('listening', () => {
      server.off('error', onError);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const shownHost = host === '0.0.0.0' || host === '::' ? 'localhost' : host.includes(':') ? `[${host}]` : host;
  return {
    url: `http://${shownHost}:${port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        // Idle keep-alive connections would hold close() open.
        if ('closeAllConnections' in server) server.closeAllConnections();
      }),
  };
}

// ---- helpers --------------------------------------------------------------------------------------------------

function notFound(c: Context) {
  return c.json({ error: `not found: ${c.req.method} ${c.req.path}` }, 404);
}

function serveAsset(c: Context, asset: Asset) {
  c.header('Cache-Control', 'no-cache');
  c.header('ETag', asset.etag);
  if (asset.type.startsWith('text/html')) c.header('Content-Security-Policy', CSP);
  if (c.req.header('if-none-match') === asset.etag) return c.body(null, 304);
  c.header('Content-Type', asset.type);
  return c.body(asset.body as Uint8Array<ArrayBuffer>);
}

function remoteAddress(c: Context): string | undefined {
  try {
    return getConnInfo(c).remote.address;
  } catch {
    return undefined; // not behind the Node server (app.request in a test): unknown, so not loopback
  }
}

export function isLoopback(address: string | undefined): boolean {
  if (address === undefined) return false;
  const v4 = address.startsWith('::ffff:') ? address.slice(7) : address;
  return v4.startsWith('127.') || address === '::1';
}

function isLocalHostHeader(host: string | undefined): boolean {
  if (host === undefined) return true; // HTTP/1.0 clients; the socket is loopback already
  const name = host.startsWith('[') ? host.slice(1, host.indexOf(']')) : host.replace(/:\d+$/, '');
  return name === 'localhost' || name.endsWith('.localhost') || name === '::1' || /^127\.\d+\.\d+\.\d+$/.test(name);
}

export type AuthResult = { ok: true } | { ok: false; status: 401 | 403; error: string };

/** Checks `Authorization: Bearer <token>` in constant time (both sides hashed to equal length first). */
export function authorize(c: Context, token: string | undefined): AuthResult {
  if (token === undefined || token === '') {
    return { ok: false, status: 403, error: 'writes are disabled: set PARLEY_TOKEN (a secret of your choice) and restart the server' };
  }
  const header = c.req.header('authorization');
  const match = header === undefined ? null : /^Bearer\s+(\S+)\s*$/i.exec(header);
  if (match === null) {
    c.header('WWW-Authenticate', 'Bearer realm="parley"');
    return { ok: false, status: 401, error: 'authentication required: send Authorization: Bearer <PARLEY_TOKEN>' };
  }
  const given = createHash('sha256').update(match[1]!).digest();
  const expected = createHash('sha256').update(token).digest();
  if (!timingSafeEqual(given, expected)) {
    c.header('WWW-Authenticate', 'Bearer realm="parley", error="invalid_token"');
    return { ok: false, status: 401, error: 'invalid token' };
  }
  return { ok: true };
}
