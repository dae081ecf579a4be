import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { Readable } from 'node:stream';
import { after, describe, test } from 'node:test';
import { ArticleRecord } from '../src/contract.js';
import { articleFromHtml, articleFromText, boilerplateRanges } from '../src/ingest/index.js';
import { seedPath } from './helpers.js';
import { articleOf, collect, errorOf, fixture, fixturesDir } from './fixtures/ingest/harness.js';

const tmp = mkdtempSync(join(tmpdir(), 'parley-ingest-'));
after(() => rmSync(tmp, { recursive: true, force: true }));

function tempFile(name: string, content: string | Uint8Array): string {
  const path = join(tmp, name);
  writeFileSync(path, content);
  return path;
}

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

describe('plain text', () => {
  test('file content is the text; id is its sha256; source is the input as given', async () => {
    const path = tempFile('plain.txt', 'The cabinet met on Monday.\nNo decision was taken.\n');
    const article = articleOf((await collect([path]))[0]);
    assert.equal(article.text, 'The cabinet met on Monday.\nNo decision was taken.\n');
    assert.equal(article.id, sha256(article.text));
    assert.equal(article.source, path);
    assert.equal(article.language, 'en');
    assert.equal(article.title, null);
    ArticleRecord.parse(article);
  });

  test('a UTF-8 byte order mark is removed', async () => {
    const path = tempFile('bom.txt', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('Talks resumed in Oslo.')]));
    assert.equal(articleOf((await collect([path]))[0]).text, 'Talks resumed in Oslo.');
  });

  test('front matter is read as metadata and removed; offsets count from after it', async () => {
    const path = fixture('front-matter.txt');
    const content = readFileSync(path, 'utf8');
    const article = articleOf((await collect([path]))[0]);
    const bodyStart = content.indexOf('---\n', 4) + 4;
    assert.equal(article.text, content.slice(bodyStart));
    assert.ok(article.text.startsWith('The national parliament'));
    assert.deepEqual(
      { title: article.title, published: article.published, outlet: article.outlet, url: article.url, byline: article.byline },
      {
        title: 'Parliament Delays Vote on Border Bill',
        published: '2025-03-04',
        outlet: 'The Northern Ledger',
        url: 'https://ledger.example/politics/border-bill',
        byline: 'Tomas Reyes',
      },
    );
    const phrase = 'Speaker Ilse Marten';
    const start = article.text.indexOf(phrase);
    assert.equal(content.slice(bodyStart + start, bodyStart + start + phrase.length), phrase);
  });

  test('front matter with CRLF line ends and a BOM', () => {
    const article = articleFromText('\uFEFF---\r\ntitle: Vote Delayed\r\ndate: 2024-11-05\r\n---\r\nBody line.\r\n');
    assert.equal(article.text, 'Body line.\r\n');
    assert.equal(article.title, 'Vote Delayed');
    assert.equal(article.published, '2024-11-05');
  });

  test('a leading --- rule followed by prose is not front matter', () => {
    const text = '---\nThis is prose, not metadata\n---\nMore prose.';
    assert.equal(articleFromText(text).text, text);
  });

  test('articleFromText: explicit metadata wins over front matter', () => {
    const article = articleFromText('---\ntitle: From the file\n---\nText.', { title: 'Given', source: 'api', published: '2025-01-02' });
    assert.equal(article.title, 'Given');
    assert.equal(article.source, 'api');
    assert.equal(article.published, '2025-01-02');
    assert.equal(article.text, 'Text.');
  });
});

describe('scraped-page shape', () => {
  test('fixture: title, byline, title repeat and source link are found; text is the whole file', async () => {
    const path = fixture('scraped-page.txt');
    const content = readFileSync(path, 'utf8');
    const article = articleOf((await collect([path]))[0]);
    assert.equal(article.text, content);
    assert.equal(article.title, 'Coastal States Sign Fishing Pact After Three Days of Talks in Valletta');
    assert.equal(article.byline, 'Mara Lindqvist');
    const ranges = boilerplateRanges(article).map((r) => ({ kind: r.kind, text: content.slice(r.start, r.end) }));
    assert.deepEqual(ranges, [
      { kind: 'title', text: article.title },
      { kind: 'byline', text: 'By Mara Lindqvist' },
      { kind: 'title', text: article.title },
      { kind: 'source-link', text: 'Source link' },
    ]);
  });

  test('the real seed article', async () => {
    const content = readFileSync(seedPath, 'utf8');
    const article = articleOf((await collect([seedPath]))[0]);
    assert.equal(article.text, content);
    const firstLine = content.slice(0, content.indexOf('\n'));
    assert.equal(article.title, firstLine);
    assert.equal(article.byline, 'Admin');
    const ranges = boilerplateRanges(article);
    assert.deepEqual(ranges.map((r) => r.kind), ['title', 'byline', 'title', 'source-link']);
    assert.deepEqual(ranges[0], { start: 0, end: firstLine.length, kind: 'title' });
    const sourceLink = ranges[3]!;
    assert.equal(content.slice(sourceLink.start, sourceLink.end), 'Source link');
    assert.equal(content.slice(ranges[1]!.start, ranges[1]!.end), 'Admin');
  });

  test('ordinary prose has no boilerplate ranges and no invented title', () => {
    const article = articleFromText('The minister resigned on Monday.\n\nHer deputy will take over until the election.\n');
    assert.deepEqual(boilerplateRanges(article), []);
    assert.equal(article.title, null);
    assert.equal(article.byline, null);
  });

  test('title repeated without a byline line', () => {
    const article = articleFromText('Strike Ends\n\nStrike Ends\n\nWorkers returned on Friday.');
    assert.equal(article.title, 'Strike Ends');
    assert.deepEqual(boilerplateRanges(article).map((r) => r.kind), ['title', 'title']);
  });
});

describe('HTML', () => {
  test('metadata from meta tags and JSON-LD; body paragraphs joined by blank lines', async () => {
    const article = articleOf((await collect([fixture('article.html')]))[0]);
    assert.equal(article.title, 'Envoys Meet in Geneva to Revive Water Talks');
    assert.equal(article.outlet, 'The Daily Meridian');
    assert.equal(article.published, '2025-06-12');
    assert.equal(article.byline, 'Priya Natarajan');
    assert.equal(article.url, 'https://meridian.example/world/geneva-water-talks');
    assert.equal(article.source, fixture('article.html'));
    const paragraphs = article.text.split('\n\n');
    assert.equal(paragraphs.length, 6);
    assert.ok(paragraphs[0]!.startsWith('Envoys from three upstream and downstream states met in Geneva'));
    assert.match(article.text, /Swiss mediator Lukas Brunner, said/, 'white space and &nbsp; are tidied');
    assert.match(article.text, /conference hall\.\n“That is progress\.”/, '<br> is a line break');
    for (const furniture of ['Subscribe today', 'newsletter', 'window.analytics', 'font-family', 'By Priya']) {
      assert.ok(!article.text.includes(furniture), furniture);
    }
  });

  test('HTML is recognised by content, whatever the file name', async () => {
    const path = tempFile('page.txt', readFileSync(fixture('article.html')));
    assert.equal(articleOf((await collect([path]))[0]).title, 'Envoys Meet in Geneva to Revive Water Talks');
  });

  test('articleFromHtml: the url argument wins over the canonical link; short pages still give text', () => {
    const article = articleFromHtml(
      '<html><head><title>Short note</title><link rel="canonical" href="https://a.example/x"></head><body><p>The vote passed.</p></body></html>',
      'note.html',
      'https://b.example/y',
    );
    assert.equal(article.url, 'https://b.example/y');
    assert.equal(article.text, 'The vote passed.');
    assert.equal(article.title, 'Short note');
  });
});

describe('JSON and charsets', () => {
  test('a single pretty-printed article object is one article', async () => {
    const path = tempFile('one.json', JSON.stringify({ text: 'The treaty was ratified.', title: 'Ratified' }, null, 2));
    const article = articleOf((await collect([path]))[0]);
    assert.equal(article.source, `${path}#1`);
    assert.equal(article.title, 'Ratified');
  });

  test('HTML in a legacy charset declared in a meta tag is decoded with it', async () => {
    const html = '<html><head><meta charset="windows-1252"><title>Caf\xe9 talks</title></head><body><p>Talks in the caf\xe9 ended on Monday \x96 without a deal.</p></body></html>';
    const path = tempFile('legacy.html', Buffer.from(html, 'latin1'));
    const article = articleOf((await collect([path]))[0]);
    assert.equal(article.title, 'Café talks');
    assert.equal(article.text, 'Talks in the café ended on Monday – without a deal.');
  });
});

describe('feeds', () => {
  test('RSS: one article per item with text, numbered by position in the feed', async () => {
    const path = fixture('feed.rss');
    const items = await collect([path]);
    assert.deepEqual(items.map((item) => articleOf(item).source), [`${path}#1`, `${path}#3`]);
    const [veto, transit] = items.map(articleOf);
    assert.equal(veto!.title, 'Governor Vetoes Budget Amendment');
    assert.equal(veto!.url, 'https://ledger.example/politics/budget-veto');
    assert.equal(veto!.published, '2025-03-04');
    assert.equal(veto!.outlet, 'The Northern Ledger: Politics');
    assert.equal(veto!.byline, 'Tomas Reyes');
    assert.equal(veto!.text, 'The governor vetoed a budget amendment on Tuesday, saying it would add to the deficit.\n\nLegislators said they would try to override the veto.');
    assert.equal(transit!.text, 'The mayor announced a transit plan on Wednesday.\n\nTwo new tram lines\n\nLower fares for students');
    assert.equal(transit!.id, sha256(transit!.text));
  });

  test('Atom (sniffed from content, .xml name)', async () => {
    const path = fixture('updates.xml');
    const [first, second] = (await collect([path])).map(articleOf);
    assert.equal(first!.source, `${path}#1`);
    assert.equal(first!.text, 'Envoys met in Geneva to revive talks over river water.\n\nThey will meet again in Nairobi.');
    assert.equal(first!.url, 'https://meridian.example/world/river-talks');
    assert.equal(first!.published, '2025-06-12');
    assert.equal(first!.byline, 'Priya Natarajan');
    assert.equal(first!.outlet, 'Meridian World Desk');
    assert.equal(second!.text, 'The ceasefire held for a second day, local officials said.');
    assert.equal(second!.published, '2025-06-13');
  });

  test('JSON Feed', async () => {
    const path = fixture('feed.json');
    const items = (await collect([path])).map(articleOf);
    assert.deepEqual(items.map((a) => a.source), [`${path}#1`, `${path}#2`]);
    assert.equal(items[0]!.text, 'Port workers ended a two-week strike on Friday after the union accepted a pay offer.');
    assert.equal(items[0]!.byline, 'Lena Okafor');
    assert.equal(items[0]!.published, '2025-02-21');
    assert.equal(items[1]!.outlet, 'Harbour Gazette');
    assert.equal(items[1]!.url, 'https://gazette.example/news/minister-visit');
  });
});

describe('JSON Lines', () => {
  test('each line an article; a bad line is an error item naming file:line', async () => {
    const path = fixture('articles.jsonl');
    const items = await collect([path]);
    assert.equal(items.length, 4);
    const first = articleOf(items[0]);
    assert.equal(first.source, `${path}#1`);
    assert.equal(first.title, 'Ambassador confirmed');
    assert.equal(first.published, '2025-01-13');
    assert.equal(first.outlet, 'Wire Service');
    assert.match(errorOf(items[1]), new RegExp(`^${escapeRegExp(path)}:2: invalid JSON`));
    assert.match(errorOf(items[2]), new RegExp(`^${escapeRegExp(path)}:3: not an article \\(text: `));
    const last = articleOf(items[3]);
    assert.equal(last.source, `${path}#5`);
    assert.equal(last.published, '2025-01-14');
  });
});

describe('directories and order', () => {
  test('a directory expands in place, recursively, sorted by path, hidden files skipped', async () => {
    const tree = relative(process.cwd(), join(fixturesDir, 'tree'));
    const plain = tempFile('before.txt', 'Before the tree.');
    const items = await collect([plain, tree, fixture('feed.json')]);
    assert.deepEqual(items.map((item) => articleOf(item).source), [
      plain,
      join(tree, 'a', '1-first.txt'),
      join(tree, 'a', '2-next.md'),
      join(tree, 'b-second.txt'),
      `${fixture('feed.json')}#1`,
      `${fixture('feed.json')}#2`,
    ]);
  });
});

describe('stdin', () => {
  test('"-" reads the stdin option', async () => {
    const stdin = Readable.from([Buffer.from('---\ntitle: Piped\n---\nRead from a pipe.')]);
    const article = articleOf((await collect(['-'], { stdin }))[0]);
    assert.equal(article.source, '-');
    assert.equal(article.title, 'Piped');
    assert.equal(article.text, 'Read from a pipe.');
  });

  test('"-" over maxBytes is an error', async () => {
    const stdin = Readable.from([Buffer.alloc(600, 'a'), Buffer.alloc(600, 'b')]);
    assert.match(errorOf((await collect(['-'], { stdin, maxBytes: 1000 }))[0]), /^-: too large/);
  });
});

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
