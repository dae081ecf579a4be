import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { gzipSync } from 'node:zlib';
import type { AddressInfo } from 'node:net';
import { after, before, describe, test } from 'node:test';
import { articleOf, collect, errorOf, fixture } from './fixtures/ingest/harness.js';

// A real HTTP server on a random local port; fetch goes through the network stack, not a mock. Loopback is refused
// by default, so the tests of fetching itself opt in with LOCAL.
let server: Server;
let base: string;
const LOCAL = { allowPrivateUrls: true } as const;
const requested: string[] = [];
/** Paths the local server was asked for, to show that a refused URL never reached it. */
const served: string[] = [];
const recordingFetch: typeof fetch = (input, init) => {
  requested.push(String(input));
  return fetch(input, init);
};

const routes: Record<string, (res: import('node:http').ServerResponse) => void> = {
  '/story': (res) => res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(readFileSync(fixture('article.html'))),
  '/moved': (res) => res.writeHead(301, { location: '/story' }).end(),
  '/gzipped': (res) => res.writeHead(200, { 'content-type': 'text/plain', 'content-encoding': 'gzip' })
    .end(gzipSync('The envoys met again in Geneva on Friday.')),
  '/gzip-bomb': (res) => res.writeHead(200, { 'content-type': 'text/plain', 'content-encoding': 'gzip' })
    .end(gzipSync(Buffer.alloc(50 * 1024 * 1024, ' '))),
  '/loop': (res) => res.writeHead(302, { location: '/loop' }).end(),
  '/to-file': (res) => res.writeHead(302, { location: 'file:///etc/passwd' }).end(),
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
    served.push(req.url ?? '');
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
    const article = articleOf((await collect([input], { ...LOCAL, fetch: recordingFetch }))[0]);
    assert.equal(article.source, input);
    assert.equal(article.title, 'Envoys Meet in Geneva to Revive Water Talks');
    assert.equal(article.published, '2025-06-12');
    assert.ok(requested.includes(input), 'the fetch option is used');
  });

  test('a page without a canonical link takes the fetched URL', async () => {
    const article = articleOf((await collect([`${base}/notes`], LOCAL))[0]);
    assert.equal(article.url, `${base}/notes`);
    assert.equal(article.title, 'Notes');
    assert.equal(article.text, 'The committee met again.');
  });

  test('a feed URL expands in place with #n sources', async () => {
    const items = await collect([`${base}/feed`], LOCAL);
    assert.deepEqual(items.map((item) => articleOf(item).source), [`${base}/feed#1`, `${base}/feed#3`]);
  });

  test('a charset declared by the server is honoured for HTML', async () => {
    assert.equal(articleOf((await collect([`${base}/latin1`], LOCAL))[0]).text, 'The café hosted the ministers on Monday.');
  });

  test('non-2xx status', async () => {
    assert.equal(errorOf((await collect([`${base}/missing`], LOCAL))[0]), `${base}/missing: cannot fetch (HTTP 404 Not Found)`);
  });

  test('the size cap applies to declared and streamed bodies', async () => {
    assert.equal(errorOf((await collect([`${base}/huge-declared`], { ...LOCAL, maxBytes: 1_000_000 }))[0]),
      `${base}/huge-declared: too large (5000000 bytes, limit 1000000)`);
    assert.equal(errorOf((await collect([`${base}/huge`], { ...LOCAL, maxBytes: 1_000_000 }))[0]),
      `${base}/huge: too large (over the 1000000 byte limit)`);
  });

  test('a server that never answers times out', async () => {
    const started = performance.now();
    assert.equal(errorOf((await collect([`${base}/hang`], { ...LOCAL, fetchTimeoutMs: 300 }))[0]), `${base}/hang: cannot fetch (timed out after 300 ms)`);
    assert.ok(performance.now() - started < 3000);
  });

  test('an unreachable URL fails fast with a one-line reason', async () => {
    const closedPort = await freePort();
    const input = `http://127.0.0.1:${closedPort}/a`;
    const started = performance.now();
    const items = await collect([input, `${base}/notes`], LOCAL);
    assert.match(errorOf(items[0]), new RegExp(`^http://127\\.0\\.0\\.1:${closedPort}/a: cannot fetch \\(connect ECONNREFUSED 127\\.0\\.0\\.1:${closedPort}\\)$`));
    assert.ok(performance.now() - started < 3000);
    assert.equal(articleOf(items[1]).title, 'Notes', 'the run goes on');
  });

  test('an unknown host is an error item, never a hang or a stack trace', async () => {
    const error = errorOf((await collect(['https://x.invalid/a'], { fetchTimeoutMs: 3000 }))[0]);
    assert.match(error, /^https:\/\/x\.invalid\/a: cannot fetch \((getaddrinfo \w+ x\.invalid|timed out after 3000 ms)\)$/);
  });

  test('a gzip Content-Encoding is undone, and the size cap applies to what it unpacks to', async () => {
    assert.equal(articleOf((await collect([`${base}/gzipped`], LOCAL))[0]).text, 'The envoys met again in Geneva on Friday.');
    const started = performance.now();
    assert.equal(errorOf((await collect([`${base}/gzip-bomb`], { ...LOCAL, maxBytes: 1_000_000 }))[0]),
      `${base}/gzip-bomb: too large (over the 1000000 byte limit)`);
    assert.ok(performance.now() - started < 3000);
  });

  test('redirect loops and redirects off http(s) end with one line', async () => {
    assert.equal(errorOf((await collect([`${base}/loop`], LOCAL))[0]), `${base}/loop: cannot fetch (more than 10 redirects)`);
    assert.equal(errorOf((await collect([`${base}/to-file`], LOCAL))[0]), `${base}/to-file: cannot fetch (redirected to a file: URL)`);
  });
});

describe('URL inputs on private addresses are refused unless allowed', () => {
  const hint = '(use --allow-private-urls to allow)';

  test('loopback: 127.0.0.1 and [::1], without a request being made', async () => {
    const before = served.length;
    const url = `${base}/notes`;
    assert.equal(errorOf((await collect([url]))[0]), `${url}: refused: address 127.0.0.1 is private/loopback ${hint}`);
    const v6 = `http://[::1]:${new URL(base).port}/notes`;
    assert.equal(errorOf((await collect([v6]))[0]), `${v6}: refused: address ::1 is private/loopback ${hint}`);
    assert.equal(served.length, before, 'the server saw no request');
  });

  test('private, link-local (cloud metadata), CGNAT, unique-local, IPv4-mapped and unspecified addresses', async () => {
    const cases: Array<[string, string]> = [
      ['http://10.0.0.1/', 'address 10.0.0.1 is private/loopback'],
      ['http://172.16.5.4/', 'address 172.16.5.4 is private/loopback'],
      ['http://192.168.1.1/', 'address 192.168.1.1 is private/loopback'],
      ['http://169.254.169.254/latest/meta-data/', 'address 169.254.169.254 is link-local (cloud metadata lives here)'],
      ['http://100.64.0.1/', 'address 100.64.0.1 is shared address space (CGNAT)'],
      ['http://[fd12:3456::1]/', 'address fd12:3456::1 is private/loopback'],
      ['http://[::ffff:127.0.0.1]/', 'address ::ffff:7f00:1 is IPv4-mapped IPv6'],
      ['http://0.0.0.0/', 'address 0.0.0.0 is unspecified ("this network")'],
      // the URL parser reads these spellings of 127.0.0.1 as 127.0.0.1
      ['http://2130706433/', 'address 127.0.0.1 is private/loopback'],
      ['http://0x7f.1/', 'address 127.0.0.1 is private/loopback'],
    ];
    const started = performance.now();
    const items = await collect(cases.map(([url]) => url), { fetchTimeoutMs: 2000 });
    assert.deepEqual(items.map(errorOf), cases.map(([url, reason]) => `${url}: refused: ${reason} ${hint}`));
    assert.ok(performance.now() - started < 1000, 'refused before any connection is tried');
  });

  test('a host name is judged by the addresses it resolves to', async () => {
    const url = `http://localhost:${new URL(base).port}/notes`;
    const before = served.length;
    assert.match(errorOf((await collect([url]))[0]),
      new RegExp(`^${escape(url)}: refused: localhost resolves to address (127\.0\.0\.1|::1), which is private/loopback ${escape(hint)}$`));
    assert.equal(served.length, before);
  });

  test('a name whose addresses pass the check is fetched through the checked lookup', async () => {
    // allowing loopback by address (not wholesale) keeps the lookup hook in the connection, as for a public name
    const url = `http://localhost:${new URL(base).port}/notes`;
    const article = articleOf((await collect([url], { allowPrivateUrls: ['127.0.0.1', '::1'] }))[0]);
    assert.equal(article.text, 'The committee met again.');
    assert.equal(article.url, url);
  });

  test('every redirect hop is checked: an allowed server cannot bounce the request to loopback', async () => {
    // A second server on another loopback address stands in for a public one: only 127.0.0.2 is allowed.
    const target = `${base}/notes`;
    const bouncer = createServer((_req, res) => res.writeHead(302, { location: target }).end());
    await new Promise<void>((resolve) => bouncer.listen(0, '127.0.0.2', resolve));
    try {
      const url = `http://127.0.0.2:${(bouncer.address() as AddressInfo).port}/go`;
      const before = served.length;
      assert.equal(errorOf((await collect([url], { allowPrivateUrls: ['127.0.0.2'] }))[0]),
        `${url}: refused: redirected to ${target}, and address 127.0.0.1 is private/loopback ${hint}`);
      assert.equal(served.length, before, 'the redirect target saw no request');
      assert.equal(articleOf((await collect([url], { allowPrivateUrls: ['127.0.0.2', '127.0.0.1'] }))[0]).text, 'The committee met again.');
    } finally {
      bouncer.close();
    }
  });

  test('a custom fetch is checked too, and never called for a refused URL', async () => {
    const calls: string[] = [];
    const counting: typeof fetch = (input, init) => {
      calls.push(String(input));
      return fetch(input, init);
    };
    assert.match(errorOf((await collect([`${base}/notes`], { fetch: counting }))[0]), /refused: address 127\.0\.0\.1 is private\/loopback/);
    assert.deepEqual(calls, []);
  });
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const port = (probe.address() as AddressInfo).port;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}
