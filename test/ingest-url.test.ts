import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, test } from 'node:test';
import { articleOf, collect, errorOf, fixture } from './fixtures/ingest/harness.js';

// A real HTTP server on a random local port; fetch goes through the network stack, not a mock.
let server: Server;
let base: string;
const requested: string[] = [];
const recordingFetch: typeof fetch = (input, init) => {
  requested.push(String(input));
  return fetch(input, init);
};

const routes: Record<string, (res: import('node:http').ServerResponse) => void> = {
  '/story': (res) => res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(readFileSync(fixture('article.html'))),
  '/moved': (res) => res.writeHead(301, { location: '/story' }).end(),
  '/feed': (res) => res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(readFileSync(fixture('feed.rss'))),
  '/notes': (res) => res.writeHead(200, { 'content-type': 'text/plain' }).end('---\ntitle: Notes\n---\nThe committee met again.'),
  '/latin1': (res) =>
    res.writeHead(200, { 'content-type': 'text/html; charset=iso-8859-1' })
      .end(Buffer.from('<html><body><p>The caf\xe9 hosted the ministers on Monday.</p></body></html>', 'latin1')),
  '/huge': (res) => {
    // No Content-Length: the cap must apply while streaming.
    res.writeHead(200, { 'content-type': 'text/plain' });
    const chunk = Buffer.alloc(64 * 1024, 'a');
    for (let i = 0; i < 40; i++) res.write(chunk);
    res.end();
  },
  '/huge-declared': (res) => res.writeHead(200, { 'content-length': String(5_000_000) }).end(),
  '/hang': () => {
    // Never answers.
  },
};

before(async () => {
  server = createServer((req, res) => {
    const route = routes[req.url ?? ''];
    if (route) route(res);
    else res.writeHead(404, 'Not Found').end('nothing here');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

after(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

describe('URL inputs', () => {
  test('an HTML page: source is the URL as given, url the final URL after redirects', async () => {
    const input = `${base}/moved`;
    const article = articleOf((await collect([input], { fetch: recordingFetch }))[0]);
    assert.equal(article.source, input);
    assert.equal(article.title, 'Envoys Meet in Geneva to Revive Water Talks');
    assert.equal(article.published, '2025-06-12');
    assert.ok(requested.includes(input), 'the fetch option is used');
  });

  test('a page without a canonical link takes the fetched URL', async () => {
    const article = articleOf((await collect([`${base}/notes`]))[0]);
    assert.equal(article.url, `${base}/notes`);
    assert.equal(article.title, 'Notes');
    assert.equal(article.text, 'The committee met again.');
  });

  test('a feed URL expands in place with #n sources', async () => {
    const items = await collect([`${base}/feed`]);
    assert.deepEqual(items.map((item) => articleOf(item).source), [`${base}/feed#1`, `${base}/feed#3`]);
  });

  test('a charset declared by the server is honoured for HTML', async () => {
    assert.equal(articleOf((await collect([`${base}/latin1`]))[0]).text, 'The café hosted the ministers on Monday.');
  });

  test('non-2xx status', async () => {
    assert.equal(errorOf((await collect([`${base}/missing`]))[0]), `${base}/missing: cannot fetch (HTTP 404 Not Found)`);
  });

  test('the size cap applies to declared and streamed bodies', async () => {
    assert.equal(errorOf((await collect([`${base}/huge-declared`], { maxBytes: 1_000_000 }))[0]),
      `${base}/huge-declared: too large (5000000 bytes, limit 1000000)`);
    assert.equal(errorOf((await collect([`${base}/huge`], { maxBytes: 1_000_000 }))[0]),
      `${base}/huge: too large (over the 1000000 byte limit)`);
  });

  test('a server that never answers times out', async () => {
    const started = performance.now();
    assert.equal(errorOf((await collect([`${base}/hang`], { fetchTimeoutMs: 300 }))[0]), `${base}/hang: cannot fetch (timed out after 300 ms)`);
    assert.ok(performance.now() - started < 3000);
  });

  test('an unreachable URL fails fast with a one-line reason', async () => {
    const closedPort = await freePort();
    const input = `http://127.0.0.1:${closedPort}/a`;
    const started = performance.now();
    const items = await collect([input, `${base}/notes`]);
    assert.match(errorOf(items[0]), new RegExp(`^http://127\\.0\\.0\\.1:${closedPort}/a: cannot fetch \\(connect ECONNREFUSED 127\\.0\\.0\\.1:${closedPort}\\)$`));
    assert.ok(performance.now() - started < 3000);
    assert.equal(articleOf(items[1]).title, 'Notes', 'the run goes on');
  });

  test('an unknown host is an error item, never a hang or a stack trace', async () => {
    const error = errorOf((await collect(['https://x.invalid/a'], { fetchTimeoutMs: 3000 }))[0]);
    assert.match(error, /^https:\/\/x\.invalid\/a: cannot fetch \((getaddrinfo \w+ x\.invalid|timed out after 3000 ms)\)$/);
  });
});

async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const port = (probe.address() as AddressInfo).port;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}
