// The HTTP API end to end: a real server on 127.0.0.1:0 over a real SQLite store filled through processArticle.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Extraction } from '../src/contract.js';
import { articleFromHtml, articleFromText } from '../src/ingest/index.js';
import { openStore, type Store } from '../src/kb/index.js';
import { processArticle } from '../src/pipeline.js';
import { createApp, startServer, type RunningServer } from '../src/server/index.js';
import { openApiDocument } from '../src/server/openapi.js';
import { examplesDir } from './helpers.js';
import { fixtureRecord } from './server-fixtures.js';

const TOKEN = 'test-token-0123456789';

// ---- the server under test ------------------------------------------------------------------------------------

const EXAMPLES = ['01-svalbard-trawler-collision.txt', '05-reykjavik-talks-observer-mission.txt', '10-norway-revised-quota-offer.txt'];

let dir: string;
let store: Store;
let server: RunningServer;
let fixture: Extraction;
const logged: string[] = [];

interface Reply {
  status: number;
  body: any; // eslint-disable-line @typescript-eslint/no-explicit-any
  headers: Headers;
}

async function call(path: string, init: RequestInit = {}, base = server.url): Promise<Reply> {
  const response = await fetch(base + path, init);
  const text = await response.text();
  let body: unknown = text;
  if ((response.headers.get('content-type') ?? '').includes('json')) body = JSON.parse(text);
  return { status: response.status, body, headers: response.headers };
}

function post(body: unknown, headers: Record<string, string> = { authorization: `Bearer ${TOKEN}` }, base?: string): Promise<Reply> {
  return call('/api/articles', {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  }, base);
}

function assertError(reply: Reply, status: number, pattern?: RegExp): void {
  assert.equal(reply.status, status, JSON.stringify(reply.body));
  assert.equal(typeof reply.body.error, 'string');
  assert.deepEqual(Object.keys(reply.body), ['error']);
  assert.doesNotMatch(reply.body.error, /\bat .*\.js:\d+/, 'no stack trace');
  if (pattern) assert.match(reply.body.error, pattern);
}

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'parley-server-'));
  store = await openStore(join(dir, 'parley.db'));
  for (const name of EXAMPLES) {
    const article = articleFromText(readFileSync(join(examplesDir, name), 'utf8'), { source: name });
    await store.put(processArticle(article).record);
  }
  const html = readFileSync(join(examplesDir, '06-russia-rejects-observer-mission.html'), 'utf8');
  await store.put(processArticle(articleFromHtml(html, '06-russia-rejects-observer-mission.html')).record);
  fixture = fixtureRecord();
  await store.put(fixture);
  server = await startServer({ store, port: 0, token: TOKEN, log: (line) => logged.push(line) });
});

after(async () => {
  await server?.close();
  await store?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('server', () => {
  test('listens on loopback and reports its URL', () => {
    assert.match(server.url, /^http:\/\/127\.0\.0\.1:\d+$/);
  });
});

describe('GET /api/articles', () => {
  test('lists newest first with counts and a total', async () => {
    const { status, body } = await call('/api/articles');
    assert.equal(status, 200);
    assert.equal(body.total, 5);
    assert.equal(body.items.length, 5);
    assert.equal(body.hasMore, false);
    const dates = body.items.map((item: { published: string | null }) => item.published ?? '');
    assert.deepEqual(dates, [...dates].sort().reverse());
    const fixtureItem = body.items.find((item: { id: string }) => item.id === fixture.article.id);
    assert.deepEqual(fixtureItem.counts, { actors: 4, quotes: 2, events: 3, stances: 2 });
  });

  test('pages with limit and offset, without gaps or repeats', async () => {
    const all = (await call('/api/articles?limit=100')).body.items.map((item: { id: string }) => item.id);
    const seen: string[] = [];
    for (let offset = 0; offset < 5; offset += 2) {
      const { body } = await call(`/api/articles?limit=2&offset=${offset}`);
      assert.equal(body.limit, 2);
      assert.equal(body.offset, offset);
      assert.equal(body.hasMore, offset + 2 < 5);
      seen.push(...body.items.map((item: { id: string }) => item.id));
    }
    assert.deepEqual(seen, all);
  });

  test('searches titles and texts with snippets', async () => {
    const { body } = await call('/api/articles?q=observer%20mission');
    assert.ok(body.items.length >= 1);
    for (const item of body.items) {
      assert.ok(item.snippet.some((part: { match: boolean; text: string }) => part.match && /observer|mission/i.test(part.text)));
    }
    assert.equal((await call('/api/articles?q=zzzyqxnothing')).body.items.length, 0);
  });

  test('rejects bad paging', async () => {
    assertError(await call('/api/articles?limit=0'), 400, /limit/);
    assertError(await call('/api/articles?limit=500'), 400, /limit/);
    assertError(await call('/api/articles?offset=-1'), 400, /offset/);
    assertError(await call('/api/articles?limit=abc'), 400, /limit/);
  });
});

describe('GET /api/articles/:id', () => {
  test('returns the full contract record plus actor keys', async () => {
    const { status, body } = await call(`/api/articles/${fixture.article.id}`);
    assert.equal(status, 200);
    const { actorKeys, ...record } = body;
    assert.deepEqual(record, fixture);
    assert.deepEqual(actorKeys, { a1: 'ingrid solberg', a2: 'lars ekdahl', a3: 'nordic fisheries council', a4: 'european commission' });
  });

  test('404 for an unknown id, 400 for a malformed one', async () => {
    assertError(await call(`/api/articles/${'0'.repeat(64)}`), 404, /no article/);
    assertError(await call('/api/articles/not-an-id'), 400, /64/);
  });
});

describe('GET /api/actors', () => {
  test('pages actors, most reported first, with a total', async () => {
    const { body } = await call('/api/actors?limit=5');
    assert.equal(body.items.length, 5);
    assert.ok(body.total > 5);
    assert.equal(body.hasMore, true);
    const counts = body.items.map((actor: { articleCount: number }) => actor.articleCount);
    assert.deepEqual(counts, [...counts].sort((a, b) => b - a));
    const next = (await call('/api/actors?limit=5&offset=5')).body.items;
    assert.equal(new Set([...body.items, ...next].map((actor: { key: string }) => actor.key)).size, 10);
  });

  test('filters by name, ignoring case and accents', async () => {
    const { body } = await call('/api/actors?q=SOLBÉRG');
    assert.equal(body.total, 1);
    assert.deepEqual(body.items[0], {
      key: 'ingrid solberg', name: 'Ingrid Solberg', type: 'person', country: 'NOR', roles: ['Foreign Minister'],
      articleCount: 1, quoteCount: 1,
    });
  });
});

describe('GET /api/actors/:key', () => {
  test('a profile with roles (dated), quotes, stances and events', async () => {
    const { status, body } = await call('/api/actors/ingrid%20solberg');
    assert.equal(status, 200);
    assert.equal(body.name, 'Ingrid Solberg');
    assert.deepEqual(body.roles, [{ role: 'Foreign Minister', dates: ['2024-03-05'], articleCount: 1 }]);
    assert.equal(body.quoteCount, 1);
    assert.equal(body.quotes[0].content.text, 'We will not accept new tariffs on Nordic fish,');
    assert.equal(body.stances[0].issue, 'New tariffs on Nordic fish');
    assert.equal(body.stances[0].polarity, 'oppose');
    assert.equal(body.eventCount, 2);
    assert.deepEqual(body.events.map((e: { type: string }) => e.type).sort(), ['CONSULT', 'REJECT']);
  });

  test('found by surname; 404 for nobody', async () => {
    assert.equal((await call('/api/actors/Ekdahl')).body.key, 'lars ekdahl');
    assertError(await call('/api/actors/Nobody%20Atall'), 404, /no actor/);
  });

  test('an actor from the extracted examples', async () => {
    const { body: list } = await call('/api/actors?limit=1');
    const { status, body } = await call(`/api/actors/${encodeURIComponent(list.items[0].key)}`);
    assert.equal(status, 200);
    assert.equal(body.articleCount, list.items[0].articleCount);
  });
});

describe('GET /api/quotes', () => {
  test('full-text search with snippets, paged', async () => {
    const { body } = await call('/api/quotes?q=tariffs');
    assert.equal(body.items.length, 1);
    const [hit] = body.items;
    assert.equal(hit.articleId, fixture.article.id);
    assert.equal(hit.quoteId, 'q1');
    assert.equal(hit.speaker.key, 'ingrid solberg');
    assert.ok(hit.snippet.some((part: { match: boolean; text: string }) => part.match && part.text === 'tariffs'));

    const all = (await call('/api/quotes?q=the&limit=200')).body.items;
    assert.ok(all.length > 3, 'a common word matches several quotes');
    const first = (await call('/api/quotes?q=the&limit=2')).body;
    const second = (await call('/api/quotes?q=the&limit=2&offset=2')).body;
    assert.equal(first.hasMore, true);
    assert.deepEqual([...first.items, ...second.items].map((q: { quoteId: string; articleId: string }) => q.articleId + q.quoteId),
      all.slice(0, 4).map((q: { quoteId: string; articleId: string }) => q.articleId + q.quoteId));
  });

  test('by speaker, and newest first without a query', async () => {
    const { body } = await call('/api/quotes?actor=Ekdahl');
    assert.equal(body.total, 1);
    assert.equal(body.items[0].content.text, 'Stockholm was ready to consider a joint response');
    const list = (await call('/api/quotes?limit=200')).body;
    const dates = list.items.map((q: { published: string }) => q.published ?? '');
    assert.deepEqual(dates, [...dates].sort().reverse());
    assert.equal(list.total, list.items.length);
    assert.equal((await call('/api/quotes?q=tariffs&actor=Ekdahl')).body.items.length, 0);
  });

  test('operators in the query are taken literally', async () => {
    const { status } = await call('/api/quotes?q=' + encodeURIComponent('NOT (fish* OR "'));
    assert.equal(status, 200);
  });
});

describe('GET /api/events', () => {
  test('in date order, undated last', async () => {
    const { body } = await call('/api/events?limit=200');
    assert.equal(body.total, body.items.length);
    const dated = body.items.filter((e: { date: string | null }) => e.date !== null).map((e: { date: string }) => e.date);
    assert.deepEqual(dated, [...dated].sort());
    const firstUndated = body.items.findIndex((e: { date: string | null }) => e.date === null);
    if (firstUndated >= 0) assert.ok(body.items.slice(firstUndated).every((e: { date: string | null }) => e.date === null));
    const desc = (await call('/api/events?limit=200&order=desc')).body.items;
    assert.equal(desc.length, body.items.length);
  });

  test('filters by type, actor and dates', async () => {
    const consult = (await call('/api/events?type=consult')).body;
    assert.ok(consult.items.every((e: { type: string }) => e.type === 'CONSULT'));
    const oslo = consult.items.find((e: { articleId: string }) => e.articleId === fixture.article.id);
    assert.deepEqual(oslo.sources.map((a: { key: string }) => a.key), ['ingrid solberg']);
    assert.deepEqual(oslo.targets.map((a: { key: string }) => a.key), ['lars ekdahl']);
    assert.equal(oslo.location, 'Oslo');
    assert.equal(oslo.evidence.text, 'Ingrid Solberg met her Swedish counterpart Lars Ekdahl in Oslo');

    const byActor = (await call('/api/events?actor=ingrid%20solberg')).body;
    assert.deepEqual(byActor.items.map((e: { eventId: string }) => e.eventId), ['e1', 'e3']);
    const accuse = (await call('/api/events?type=ACCUSE')).body.items.find((e: { articleId: string }) => e.articleId === fixture.article.id);
    assert.equal(accuse.date, '2024-03-05', "an undated event takes its article's date");
    assert.equal(accuse.eventDate, null);

    const ranged = (await call('/api/events?actor=Solberg&from=2024-03-06&to=2024-03-31')).body;
    assert.deepEqual(ranged.items.map((e: { eventId: string }) => e.eventId), ['e3']);
    assert.equal((await call('/api/events?actor=Nobody%20Atall')).body.total, 0);
  });

  test('rejects bad filters', async () => {
    assertError(await call('/api/events?type=HUG'), 400, /type/);
    assertError(await call('/api/events?from=2024-13-01'), 400, /from/);
    assertError(await call('/api/events?to=yesterday'), 400, /to/);
    assertError(await call('/api/events?order=sideways'), 400, /order/);
  });
});

describe('GET /api/stances and /api/stances/matrix', () => {
  test('stances by actor and topic', async () => {
    const { body } = await call('/api/stances?actor=Solberg');
    assert.equal(body.total, 1);
    assert.equal(body.items[0].holder.name, 'Ingrid Solberg');
    assert.equal((await call('/api/stances?topic=nordic%20TARIFFS')).body.total, 1);
  });

  test('the matrix: actors x issues, each cell with polarity, latest date and resolvable evidence', async () => {
    const { status, body } = await call('/api/stances/matrix');
    assert.equal(status, 200);
    assert.ok(body.actors.length > 0 && body.issues.length > 0 && body.cells.length > 0);
    const keys = new Set(body.actors.map((a: { key: string }) => a.key));
    const issues = new Set(body.issues.map((i: { issue: string }) => i.issue));
    for (const cell of body.cells) {
      assert.ok(keys.has(cell.actor) && issues.has(cell.issue));
      assert.ok(['support', 'oppose'].includes(cell.polarity));
      assert.equal(cell.support + cell.oppose >= cell.evidence.length, true);
      assert.equal(cell.evidence[0].polarity, cell.polarity);
      assert.equal(cell.evidence[0].published, cell.latest);
      for (const ref of cell.evidence) {
        const record = (await call(`/api/articles/${ref.articleId}`)).body;
        const stance = record.stances.find((s: { id: string }) => s.id === ref.stanceId);
        assert.ok(stance, `stance ${ref.stanceId} in ${ref.articleId}`);
        assert.equal(stance.issue, cell.issue);
        assert.equal(record.actorKeys[stance.holder], cell.actor);
        assert.equal(stance.quote, ref.quoteId);
      }
    }
  });

  test('a topic narrows the issues; limits bound the size', async () => {
    const { body } = await call('/api/stances/matrix?topic=tariffs');
    assert.deepEqual(body.issues, [{ issue: 'New tariffs on Nordic fish', stances: 1 }]);
    assert.deepEqual(body.actors.map((a: { key: string }) => a.key), ['ingrid solberg']);
    assert.deepEqual(body.cells, [{
      actor: 'ingrid solberg', issue: 'New tariffs on Nordic fish', polarity: 'oppose', latest: '2024-03-05', support: 0, oppose: 1,
      evidence: [{ articleId: fixture.article.id, stanceId: 's1', quoteId: 'q1', polarity: 'oppose', published: '2024-03-05' }],
    }]);
    const small = (await call('/api/stances/matrix?actors=1&issues=1')).body;
    assert.equal(small.actors.length, 1);
    assert.equal(small.issues.length, 1);
    assert.deepEqual((await call('/api/stances/matrix?topic=nothing%20like%20this')).body.cells, []);
  });
});

describe('GET /api/network', () => {
  test('who met whom, from CONSULT events', async () => {
    const { body } = await call('/api/network');
    assert.equal(body.type, 'CONSULT');
    const edge = body.edges.find((e: { source: string; target: string }) => e.source === 'ingrid solberg' && e.target === 'lars ekdahl');
    assert.ok(edge);
    assert.equal(edge.count, 1);
    assert.deepEqual(edge.evidence, { articleId: fixture.article.id, eventId: 'e1', date: '2024-03-05' });
    const keys = body.nodes.map((n: { key: string }) => n.key);
    for (const e of body.edges) assert.ok(keys.includes(e.source) && keys.includes(e.target));
    const accusations = (await call('/api/network?type=ACCUSE')).body;
    assert.ok(accusations.edges.some((e: { source: string; target: string }) => e.source === 'european commission' && e.target === 'nordic fisheries council'));
  });
});

describe('GET /api/brief', () => {
  test('markdown and html', async () => {
    const { body } = await call('/api/brief');
    assert.match(body.markdown, /^# Briefing/);
    assert.match(body.html, /<h1>Briefing<\/h1>/);
    assert.match(body.html, /<h2>Parties<\/h2>/);
    assert.doesNotMatch(body.html, /<script/i);
  });

  test('topic and since narrow it', async () => {
    const recent = (await call('/api/brief?since=2026-03-09')).body;
    assert.doesNotMatch(recent.markdown, /Solberg/);
    const topic = (await call('/api/brief?topic=tariffs')).body;
    assert.match(topic.markdown, /^# Briefing: tariffs/);
    assert.match(topic.markdown, /1 article/);
    assertError(await call('/api/brief?since=last%20week'), 400, /since/);
  });
});

describe('GET /api/openapi.json', () => {
  test('an OpenAPI 3.1 document that lists every route', async () => {
    const { status, body } = await call('/api/openapi.json');
    assert.equal(status, 200);
    assert.equal(body.openapi, '3.1.0');
    assert.deepEqual(body, JSON.parse(JSON.stringify(openApiDocument)));
    const app = createApp(store);
    const routes = app.routes
      .filter((route) => route.path.startsWith('/api/') && route.method !== 'ALL')
      .map((route) => `${route.method.toLowerCase()} ${route.path.replace(/:(\w+)/g, '{$1}')}`);
    const documented = Object.entries(body.paths as Record<string, Record<string, unknown>>)
      .flatMap(([path, operations]) => Object.keys(operations).map((method) => `${method} ${path}`));
    assert.deepEqual([...new Set(routes)].sort(), documented.sort());
    // Every $ref resolves.
    const refs = JSON.stringify(body).match(/"\$ref":"#\/components\/[^"]+"/g) ?? [];
    for (const ref of refs) {
      const [, kind, name] = /#\/components\/(\w+)\/([^"]+)/.exec(ref)!;
      assert.ok(body.components[kind!][name!], `${ref} resolves`);
    }
  });
});

describe('POST /api/articles', () => {
  const text = 'Finnish Prime Minister Aino Koskela said on Monday that Finland would back the Nordic fisheries fund. '
    + '"We stand with our neighbours," Koskela told reporters in Helsinki.';

  test('needs the bearer token: 401 without or with a wrong one', async () => {
    assertError(await post({ text }, {}), 401, /Bearer/);
    assertError(await post({ text }, { authorization: 'Bearer wrong-token' }), 401, /invalid token/);
    assertError(await post({ text }, { authorization: `Basic ${TOKEN}` }), 401);
    const reply = await post({ text }, {});
    assert.match(reply.headers.get('www-authenticate') ?? '', /^Bearer/);
  });

  test('stores text with its metadata, once', async () => {
    const first = await post({ text, title: 'Finland backs the fund', published: '2024-03-09', outlet: 'Helsinki Wire' });
    assert.equal(first.status, 201, JSON.stringify(first.body));
    assert.equal(first.body.stored, true);
    assert.equal(first.body.id, createHash('sha256').update(text).digest('hex'));
    assert.equal(first.body.title, 'Finland backs the fund');
    const again = await post({ text, title: 'Finland backs the fund' });
    assert.equal(again.status, 200);
    assert.equal(again.body.stored, false);
    assert.equal(again.body.id, first.body.id);
    const record = (await call(`/api/articles/${first.body.id}`)).body;
    assert.equal(record.article.outlet, 'Helsinki Wire');
    assert.equal(record.article.published, '2024-03-09');
    assert.ok(record.actors.some((a: { name: string }) => /Koskela/.test(a.name)));
  });

  test('stores an HTML page', async () => {
    const html = `<!doctype html><html><head><title>Iceland calls talks</title><meta property="og:site_name" content="Reykjavik Herald"></head>
      <body><article><h1>Iceland calls talks</h1><p>${'Iceland called emergency talks on Monday about the fishing dispute with Norway. '.repeat(3)}</p>
      <p>"We need everyone at the table," Foreign Minister Sigrun Eiriksdottir said in Reykjavik.</p></article></body></html>`;
    const reply = await post({ html, url: 'https://herald.example/iceland-talks' });
    assert.equal(reply.status, 201, JSON.stringify(reply.body));
    const record = (await call(`/api/articles/${reply.body.id}`)).body;
    assert.equal(record.article.url, 'https://herald.example/iceland-talks');
    assert.match(record.article.text, /emergency talks/);
  });

  test('fetches and stores a URL, but not from a private address unless allowed', async () => {
    const page = `<!doctype html><html><head><title>Talks resume</title></head><body><article><h1>Talks resume</h1>
      <p>${'Norway and Iceland resumed talks on mackerel quotas in Tromso on Wednesday, officials said. '.repeat(3)}</p></article></body></html>`;
    const origin: Server = createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(page);
    });
    await new Promise<void>((resolve) => origin.listen(0, '127.0.0.1', resolve));
    // The origin is on loopback, which the server refuses to fetch from unless started with allowPrivateUrls.
    const allowing = await startServer({ store, port: 0, token: TOKEN, allowPrivateUrls: true });
    try {
      const url = `http://127.0.0.1:${(origin.address() as AddressInfo).port}/talks.html`;
      assertError(await post({ url }), 422,
        new RegExp(`^cannot ingest ${url.replace(/[.]/g, '\\.')}: refused: address 127\\.0\\.0\\.1 is private/loopback \\(use --allow-private-urls to allow\\)$`));
      const reply = await post({ url }, undefined, allowing.url);
      assert.equal(reply.status, 201, JSON.stringify(reply.body));
      assert.equal((await call(`/api/articles/${reply.body.id}`)).body.article.url, url);
    } finally {
      origin.close();
      await allowing.close();
    }
  });

  test('validates the body', async () => {
    assertError(await post('{"text": "unterminated'), 400, /not valid JSON/);
    assertError(await post({ text }, { authorization: `Bearer ${TOKEN}`, 'content-type': 'text/plain' }), 415, /application\/json/);
    assertError(await post({}), 400, /text.*html.*url/);
    assertError(await post([text]), 400, /JSON object/);
    assertError(await post({ text: '' }), 400, /text/);
    assertError(await post({ text, published: 'March 5' }), 400, /published/);
    assertError(await post({ text, colour: 'blue' }), 400, /colour/);
    assertError(await post({ url: 'file:///etc/passwd' }), 400, /http/);
    assertError(await post({ url: '/etc/passwd' }), 400, /http/);
    assertError(await post({ text: ' \n\t ' }), 422, /no text/);
  });

  test('413 for a body over 1 MB', async () => {
    const big = JSON.stringify({ text: 'word '.repeat(220_000) });
    assertError(await post(big), 413, /1 MB/);
  });

  test('403 when the server has no token', async () => {
    const open = await startServer({ store, port: 0 });
    try {
      assertError(await post({ text }, { authorization: `Bearer ${TOKEN}` }, open.url), 403, /PARLEY_TOKEN/);
      assert.equal((await call('/api/stats', {}, open.url)).status, 200, 'reads still work');
    } finally {
      await open.close();
    }
  });
});

describe('errors, static files and access', () => {
  test('unknown routes are 404 JSON', async () => {
    assertError(await call('/api/nothing'), 404, /not found/);
    assertError(await call('/nothing.html'), 404);
    assertError(await call('/api/articles', { method: 'DELETE' }), 404);
  });

  test('an internal error is one log line and a 500 without details', async () => {
    const broken = Object.assign(Object.create(store) as Store, { stats: async () => { throw new Error('disk on fire\n    at secret.js:1:1'); } });
    const lines: string[] = [];
    const running = await startServer({ store: broken, port: 0, log: (line) => lines.push(line) });
    try {
      const reply = await call('/api/stats', {}, running.url);
      assert.equal(reply.status, 500);
      assert.deepEqual(reply.body, { error: 'internal server error' });
      assert.deepEqual(lines, ['parley serve: GET /api/stats: disk on fire']);
    } finally {
      await running.close();
    }
  });

  test('serves the web app with a strict CSP, caching by ETag', async () => {
    const page = await call('/');
    assert.equal(page.status, 200);
    assert.match(page.headers.get('content-type') ?? '', /text\/html/);
    assert.match(page.headers.get('content-security-policy') ?? '', /script-src 'self'/);
    assert.match(page.body, /<main id="main"/);
    const css = await call('/app.css');
    assert.match(css.headers.get('content-type') ?? '', /text\/css/);
    const etag = css.headers.get('etag')!;
    assert.equal((await call('/app.css', { headers: { 'if-none-match': etag } })).status, 304);
    // Every module the app imports is served.
    const pending = ['/js/app.js'];
    const seen = new Set<string>();
    while (pending.length > 0) {
      const path = pending.pop()!;
      if (seen.has(path)) continue;
      seen.add(path);
      const module = await call(path);
      assert.equal(module.status, 200, path);
      assert.match(module.headers.get('content-type') ?? '', /javascript/);
      for (const [, spec] of (module.body as string).matchAll(/from '(\.[^']+)'/g)) pending.push(new URL(spec!, `http://x${path}`).pathname);
    }
    assert.ok(seen.size >= 10);
  });

  test('reads only from loopback unless allowed; no DNS rebinding through the Host header', async () => {
    const app = createApp(store);
    const remote = await app.request('/api/stats');
    assert.equal(remote.status, 403);
    assert.match(((await remote.json()) as { error: string }).error, /this machine/);
    assert.equal((await createApp(store, { allowRemoteReads: true }).request('/api/stats')).status, 200);
    const withHost = (host: string) => new Promise<{ status: number; body: string }>((resolve, reject) => {
      const request = httpRequest(`${server.url}/api/stats`, { headers: { host } }, (response) => {
        let body = '';
        response.on('data', (chunk: Buffer) => { body += chunk.toString(); });
        response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
      });
      request.on('error', reject);
      request.end();
    });
    const rebound = await withHost('evil.example');
    assert.equal(rebound.status, 403);
    assert.match(rebound.body, /Host/);
    assert.equal((await withHost('localhost:8080')).status, 200);
    assert.equal((await withHost('[::1]:8080')).status, 200);
  });

  test('nothing was logged by the requests above', () => {
    assert.deepEqual(logged, []);
  });
});
