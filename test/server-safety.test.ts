// The API under hostile use: token checks, per-client rate limits, body limits, no internal details in errors,
// SQL- and FTS-looking input, and fast-check fuzzing of every route's inputs. Real servers on loopback, a real
// SQLite store.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import fc from 'fast-check';
import { articleFromText } from '../src/ingest/index.js';
import { openStore, type Store } from '../src/kb/index.js';
import { processArticle } from '../src/pipeline.js';
import { startServer, type RunningServer } from '../src/server/index.js';
import { clientKey, RateLimiter } from '../src/server/rate-limit.js';
import { examplesDir } from './helpers.js';
import { fixtureRecord } from './server-fixtures.js';

const TOKEN = 'safety-token-0123456789abcdef';
const SEED = 20_240_611;

let dir: string;
let store: Store;
/** No rate limits: the fuzzing below sends hundreds of requests from one client. */
let server: RunningServer;
const logged: string[] = [];

interface Reply {
  status: number;
  body: any; // eslint-disable-line @typescript-eslint/no-explicit-any
  headers: Headers;
  type: string;
}

async function call(base: string, path: string, init: RequestInit = {}): Promise<Reply> {
  const response = await fetch(base + path, init);
  const text = await response.text();
  const type = response.headers.get('content-type') ?? '';
  return { status: response.status, body: type.includes('json') ? JSON.parse(text) : text, headers: response.headers, type };
}

function post(base: string, body: unknown, token = TOKEN): Promise<Reply> {
  return call(base, '/api/articles', {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

/** A client error is JSON with exactly one string field, `error`, and no trace of the code behind it. */
function assertClientError(reply: Reply, context: string): void {
  assert.ok(reply.status >= 400 && reply.status < 500, `${context}: status ${reply.status} ${JSON.stringify(reply.body)}`);
  assert.match(reply.type, /application\/json/, context);
  assert.deepEqual(Object.keys(reply.body), ['error'], context);
  assert.equal(typeof reply.body.error, 'string', context);
  assert.doesNotMatch(reply.body.error, /\bat .*\.[jt]s:\d+|node:internal|SqliteError|SQLITE_/, `${context}: no internals`);
}

/** 2xx JSON, or a clean 4xx: never a 5xx. */
function assertNoServerError(reply: Reply, context: string): void {
  if (reply.status >= 200 && reply.status < 300) {
    assert.match(reply.type, /application\/json/, context);
    return;
  }
  assertClientError(reply, context);
}

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'parley-safety-'));
  store = await openStore(join(dir, 'parley.db'));
  const text = readFileSync(join(examplesDir, '05-reykjavik-talks-observer-mission.txt'), 'utf8');
  await store.put(processArticle(articleFromText(text, { source: 'example' })).record);
  await store.put(fixtureRecord());
  server = await startServer({ store, port: 0, token: TOKEN, rateLimits: { reads: 0, writes: 0 }, log: (line) => logged.push(line) });
});

after(async () => {
  await server?.close();
  await store?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('token check', () => {
  test('tokens of any length, or none, get 401 and never an error from the comparison', async () => {
    for (const token of ['x', TOKEN.slice(0, -1), TOKEN + 'x', 'y'.repeat(8000), 'é'.repeat(50), TOKEN.toUpperCase()]) {
      const reply = await call(server.url, '/api/articles', {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: '{"text": "The ministers met."}',
      });
      assertClientError(reply, `token of length ${token.length}`);
      assert.equal(reply.status, 401);
      assert.equal(reply.body.error, 'invalid token');
    }
  });
});

describe('rate limits', () => {
  test('reads and writes have separate per-client budgets; over budget is 429 JSON with Retry-After', async () => {
    const limited = await startServer({ store, port: 0, token: TOKEN, rateLimits: { reads: 3, writes: 2 } });
    try {
      for (let i = 0; i < 3; i++) assert.equal((await call(limited.url, '/api/stats')).status, 200);
      const refused = await call(limited.url, '/api/stats');
      assertClientError(refused, 'fourth read');
      assert.equal(refused.status, 429);
      assert.equal(refused.body.error, `too many requests: the limit is 3 reads per minute per client; retry in ${refused.headers.get('retry-after')} s`);
      const retryAfter = Number(refused.headers.get('retry-after'));
      assert.ok(Number.isInteger(retryAfter) && retryAfter >= 1 && retryAfter <= 20, `Retry-After ${retryAfter}`);

      // Failed writes (a wrong token) spend the write budget too, so tokens cannot be guessed at speed.
      assert.equal((await post(limited.url, { text: 'x' }, 'wrong')).status, 401);
      assert.equal((await post(limited.url, { text: 'x' }, 'wrong')).status, 401);
      const third = await post(limited.url, { text: 'x' }, 'wrong');
      assert.equal(third.status, 429);
      assert.match(third.body.error, /the limit is 2 writes per minute per client/);

      assert.equal((await call(limited.url, '/')).status, 200, 'the app itself is not limited');
      // Another client (another loopback address) has its own budget.
      assert.equal(await statusFrom('127.0.0.2', `${limited.url}/api/stats`), 200);
      assert.equal((await call(limited.url, '/api/stats')).status, 429, 'the first client is still over');
    } finally {
      await limited.close();
    }
  });

  test('a bucket refills at the limit per minute, up to a minute of allowance', () => {
    let now = 0;
    const limiter = new RateLimiter(60, () => now);
    for (let i = 0; i < 60; i++) assert.deepEqual(limiter.take('1.2.3.4'), { ok: true });
    assert.deepEqual(limiter.take('1.2.3.4'), { ok: false, retryAfterSeconds: 1 });
    assert.deepEqual(limiter.take('5.6.7.8'), { ok: true });
    now += 1000;
    assert.deepEqual(limiter.take('1.2.3.4'), { ok: true });
    assert.equal(limiter.take('1.2.3.4').ok, false);
    now += 10 * 60_000;
    for (let i = 0; i < 60; i++) assert.equal(limiter.take('1.2.3.4').ok, true, 'refilled to the full minute');
    assert.equal(limiter.take('1.2.3.4').ok, false, 'and no further');
    assert.deepEqual(new RateLimiter(0, () => now).take('1.2.3.4'), { ok: true }, '0 is no limit');
  });

  test('an IPv6 client is its /64; an IPv4-mapped address is the IPv4 one', () => {
    assert.equal(clientKey('2001:db8:1:2:aaaa::1'), clientKey('2001:db8:1:2:bbbb:cccc:dddd:eeee'));
    assert.notEqual(clientKey('2001:db8:1:2::1'), clientKey('2001:db8:1:3::1'));
    assert.equal(clientKey('2001:db8::1'), '2001:db8:0:0::/64');
    assert.equal(clientKey('::ffff:192.0.2.7'), '192.0.2.7');
    assert.equal(clientKey('192.0.2.7'), '192.0.2.7');
  });
});

describe('request size', () => {
  test('a body over 1 MB is refused as it streams, without a declared length', async () => {
    const chunk = Buffer.alloc(64 * 1024, 'a');
    const reply = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const outgoing = httpRequest(`${server.url}/api/articles`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${TOKEN}`, 'transfer-encoding': 'chunked' },
      }, (response) => {
        let body = '';
        response.on('data', (data: Buffer) => { body += data.toString(); });
        response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
      });
      // The server may answer and close before the whole body is sent.
      outgoing.on('error', (error: NodeJS.ErrnoException) => (error.code === 'EPIPE' || error.code === 'ECONNRESET' ? undefined : reject(error)));
      outgoing.write('{"text": "');
      for (let i = 0; i < 20; i++) outgoing.write(chunk);
      outgoing.end('"}');
    });
    assert.equal(reply.status, 413);
    assert.deepEqual(JSON.parse(reply.body), { error: 'request body too large (the limit is 1 MB)' });
  });

  test('text over the article length limit is 422 before any analysis', async () => {
    const started = performance.now();
    const reply = await post(server.url, { text: 'The envoys met. '.repeat(35_000) });
    assertClientError(reply, 'long text');
    assert.equal(reply.status, 422);
    assert.equal(reply.body.error, 'too long for one article (560000 characters; the limit is 500000)');
    assert.ok(performance.now() - started < 2000);
  });

  test('HTML nested deeper than the limit is 422 with the reason', async () => {
    const reply = await post(server.url, { html: '<div>'.repeat(50_000) + 'The envoys met in Oslo.' });
    assertClientError(reply, 'deep HTML');
    assert.equal(reply.status, 422);
    assert.equal(reply.body.error, 'cannot read the HTML: HTML nested too deeply (over 256 levels of elements)');
  });
});

describe('internal errors', () => {
  test('a failure while storing a POSTed article is a bare 500 JSON and one log line', async () => {
    const broken = Object.assign(Object.create(store) as Store, {
      put: async () => {
        throw new Error('disk full\n    at store.js:12:3');
      },
    });
    const lines: string[] = [];
    const running = await startServer({ store: broken, port: 0, token: TOKEN, log: (line) => lines.push(line) });
    try {
      const reply = await post(running.url, { text: 'Norway and Iceland agreed on Monday to resume talks on mackerel quotas.' });
      assert.equal(reply.status, 500);
      assert.deepEqual(reply.body, { error: 'internal server error' });
      assert.deepEqual(lines, ['parley serve: POST /api/articles: disk full']);
    } finally {
      await running.close();
    }
  });
});

describe('SQL and full-text syntax in queries', () => {
  const payloads = [
    "' OR 1=1 --", '" OR ""="', '"', '""', 'NEAR(', 'NEAR(tariffs fish, 2)', '*', 'fish*', '**', '^fish', 'title:fish',
    'a AND', 'OR', 'NOT', '(', ')', "'; DROP TABLE articles; --", '%', '_', '\\', '%_%', '\u0000', '-', '+', '{a b}:c',
  ];
  const routes = [
    (p: string) => `/api/articles?q=${p}`, (p: string) => `/api/quotes?q=${p}`, (p: string) => `/api/quotes?actor=${p}`,
    (p: string) => `/api/actors?q=${p}`, (p: string) => `/api/events?actor=${p}`, (p: string) => `/api/stances?actor=${p}`,
    (p: string) => `/api/stances?topic=${p}&issue=${p}`, (p: string) => `/api/stances/matrix?topic=${p}`,
    (p: string) => `/api/brief?topic=${p}`, (p: string) => `/api/actors/${p}`,
  ];

  test('are searched for literally: 200 or a clean 400/404, and the store is untouched', async () => {
    const before = await store.stats();
    for (const payload of payloads) {
      for (const route of routes) {
        const path = route(encodeURIComponent(payload));
        assertNoServerError(await call(server.url, path), path);
      }
    }
    // "tariffs" is in one stored quote; quoting syntax around it must not stop it matching...
    for (const query of ['tariffs', '"tariffs"', 'tariffs*', '(tariffs)', "'tariffs'", 'tariffs --', '"tariffs']) {
      const { body } = await call(server.url, `/api/quotes?q=${encodeURIComponent(query)}`);
      assert.equal(body.items.length, 1, query);
    }
    // ...and an always-true condition is words to look for, not a condition: it does not match every quote.
    const all = (await call(server.url, '/api/quotes?limit=200')).body.total;
    assert.ok(all > 2);
    assert.ok((await call(server.url, `/api/quotes?q=${encodeURIComponent("x' OR 1=1 --")}`)).body.items.length < all);
    assert.deepEqual(await store.stats(), before);
  });

  test('the store search (parley search) takes the same payloads', async () => {
    for (const payload of payloads) {
      for (const kind of ['quote', 'article', 'all'] as const) await store.search(payload, { limit: 5, kind });
    }
  });
});

describe('fuzzing the API inputs (fast-check)', () => {
  const value = fc.oneof(
    fc.string({ maxLength: 40 }),
    fc.string({ unit: 'binary', maxLength: 20 }),
    fc.integer({ min: -1_000_000, max: 10_000_000_000 }).map(String),
    fc.constantFrom('', '0', '-1', '1e3', '2024-02-30', '2024-03-05', 'consult', 'NaN', 'true', '[]', '{}', "'", '"', '*'),
  );
  const known = ['q', 'limit', 'offset', 'actor', 'type', 'from', 'to', 'order', 'topic', 'issue', 'actors', 'issues', 'evidence', 'nodes', 'since'];
  const queryString = fc
    .dictionary(fc.oneof(fc.constantFrom(...known), fc.string({ maxLength: 8 })), value, { maxKeys: 5 })
    .map((params) => new URLSearchParams(params).toString());
  const listRoutes = ['/api/articles', '/api/actors', '/api/quotes', '/api/events', '/api/stances', '/api/stances/matrix',
    '/api/network', '/api/brief', '/api/stats', '/api/openapi.json'];

  test('any query string on any GET route: 2xx JSON or a clean 4xx, never 5xx', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...listRoutes), queryString, async (route, query) => {
        const path = `${route}?${query}`;
        assertNoServerError(await call(server.url, path), path);
      }),
      { seed: SEED, numRuns: 150 },
    );
  });

  test('any path parameter on /api/articles/:id and /api/actors/:key', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom('/api/articles/', '/api/actors/'), fc.string({ unit: 'binary', minLength: 1, maxLength: 80 }), value, async (route, param, limit) => {
        const path = `${route}${encodeURIComponent(param)}?limit=${encodeURIComponent(limit)}`;
        assertNoServerError(await call(server.url, path), path);
      }),
      { seed: SEED, numRuns: 80 },
    );
  });

  test('any JSON body on POST /api/articles: 2xx JSON or a clean 4xx, never 5xx', async () => {
    const text = fc.oneof(
      fc.string({ maxLength: 120 }),
      fc.array(fc.constantFrom('"', '“', '”', "'", 'said', 'Norway', 'the minister', ',', '.', ' ', '\n\n', '<b>', '&amp;'), { maxLength: 40 }).map((parts) => parts.join(' ')),
    );
    // Only addresses the server refuses (or strings that are no http URL): nothing here may reach a network.
    const url = fc.oneof(
      fc.constantFrom('http://127.0.0.1:9/x', 'http://10.1.2.3/', 'http://[::1]/', 'http://169.254.169.254/latest', 'http://localhost:9/', 'ftp://x/', 'file:///etc/passwd'),
      fc.string({ maxLength: 30 }).filter((s) => !/^\s*https?:/i.test(s)),
    );
    const field = fc.oneof(fc.string({ maxLength: 30 }), fc.integer(), fc.constant(null), fc.boolean(), fc.jsonValue({ maxDepth: 2 }));
    const articleBody = fc.record(
      { text, html: text, url, title: field, published: fc.oneof(field, fc.constantFrom('2024-03-05', '2024-02-30')), outlet: field, byline: field, extra: field },
      { requiredKeys: [] },
    );
    const body = fc.oneof(
      { weight: 3, arbitrary: articleBody.map((b) => JSON.stringify(b)) },
      { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.stringify(v)) },
      { weight: 1, arbitrary: fc.string({ maxLength: 40 }) },
    );
    await fc.assert(
      fc.asyncProperty(body, async (raw) => {
        assertNoServerError(await post(server.url, raw), `POST ${raw.slice(0, 200)}`);
      }),
      { seed: SEED, numRuns: 120 },
    );
  });

  test('nothing above was logged as a server error', () => {
    assert.deepEqual(logged, []);
  });
});

/** GET from a given local address, so the server sees another client. */
function statusFrom(localAddress: string, url: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const outgoing = httpRequest(url, { localAddress }, (response) => {
      response.resume();
      response.on('end', () => resolve(response.statusCode ?? 0));
    });
    outgoing.on('error', reject);
    outgoing.end();
  });
}
