// Property tests (fast-check, fixed seed) over the readers and the pipeline: whatever the input, a reader gives
// articles that keep the contract's invariants or one-line error items, never another exception and never a hang;
// the full extraction gives a record whose every span slices out of the text. On failure fast-check prints the
// seed and the shrunk counterexample.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { parseHTML } from 'linkedom';
import { ArticleRecord, ExtractionRecord, spanErrors, type Article } from '../src/contract.js';
import { markupShape, MAX_HTML_DEPTH, treeShape } from '../src/ingest/dom.js';
import { articleFromText, type IngestItem, MAX_ARTICLE_CHARS, readInputs } from '../src/ingest/index.js';
import { processArticle } from '../src/pipeline.js';

// FUZZ_SEED and FUZZ_RUNS (a multiplier) explore further than the suite's fixed seed, e.g. FUZZ_RUNS=20.
const SEED = Number(process.env.FUZZ_SEED ?? 424_242);
const runs = (numRuns: number) => ({ seed: SEED, numRuns: numRuns * Number(process.env.FUZZ_RUNS ?? 1) });
/** Per test: a reader that loops or backtracks without end fails here rather than stalling the suite. */
const LIMIT = { timeout: 30_000 };

/** Reads one input through the public reader, as `parley extract -` would, with the bytes as stdin. */
async function read(content: string | Uint8Array): Promise<IngestItem[]> {
  const bytes = typeof content === 'string' ? new TextEncoder().encode(content) : content;
  async function* stdin() {
    yield bytes;
  }
  const items: IngestItem[] = [];
  for await (const item of readInputs(['-'], { stdin: stdin() })) items.push(item);
  return items;
}

/** The invariants every reader output keeps, whatever the input. */
function checkItem(item: IngestItem): void {
  if (!item.ok) {
    assert.match(item.error, /^-(#\d+|:\d+)?: \S.*$/, 'an error is one line naming the input');
    return;
  }
  const article = item.article;
  ArticleRecord.parse(article);
  assert.match(article.source, /^-(#\d+)?$/);
  assert.ok(article.text.trim().length > 0, 'text is not blank');
  assert.ok(article.text.length <= MAX_ARTICLE_CHARS);
  assert.equal(article.id, createHash('sha256').update(article.text, 'utf8').digest('hex'));
  for (const field of ['title', 'outlet', 'url', 'byline'] as const) {
    const value = article[field];
    if (value !== null) assert.equal(value, value.replace(/\s+/g, ' ').trim(), `${field} is one tidy line`);
    if (value !== null) assert.ok(value.length > 0);
  }
}

const utf8 = (text: string) => new TextDecoder().decode(new TextEncoder().encode(text));
const words = ['the', 'minister', 'said', 'Norway', 'talks', 'on', 'Monday', 'would', 'not', 'accept', 'fishing', 'quotas',
  'Sergei', 'Lavrov', 'told', 'reporters', 'in', 'Oslo', 'and', 'agreed', 'warned', 'that', 'European', 'Commission'];
const word = fc.constantFrom(...words);
const prose = fc.array(word, { minLength: 1, maxLength: 30 }).map((w) => w.join(' '));

describe('any bytes', () => {
  test('give articles with the invariants or one-line errors, never an exception', LIMIT, async () => {
    const prefix = fc.constantFrom('', '\uFEFF', '---\n', '<', '{', '[', '<?xml version="1.0"?>', '<rss><channel>', '<!DOCTYPE html>', '\x1f\x8b', '{"text":');
    const input = fc.oneof(
      fc.uint8Array({ maxLength: 2000 }),
      fc.tuple(prefix, fc.string({ unit: 'binary', maxLength: 800 })).map(([p, s]) => p + s),
      fc.tuple(prefix, prose, fc.string({ maxLength: 200 })).map(([p, s, t]) => p + s + t),
    );
    await fc.assert(fc.asyncProperty(input, async (content) => {
      for (const item of await read(content)) checkItem(item);
    }), runs(300));
  });
});

describe('plain text and front matter', () => {
  test('plain text keeps every character, so offsets into it stay valid', LIMIT, async () => {
    const text = fc.tuple(fc.constantFrom('A', 'b', 'Z'), fc.string({ unit: 'grapheme', maxLength: 600 }), prose)
      .map(([first, middle, tail]) => first + middle + ' ' + tail);
    await fc.assert(fc.asyncProperty(text, async (content) => {
      fc.pre(!content.startsWith('---'));
      const items = await read(content);
      assert.equal(items.length, 1);
      checkItem(items[0]!);
      if (items[0]!.ok) assert.equal(items[0]!.article.text, utf8(content));
    }), runs(150));
  });

  test('front matter: the text starts right after the closing fence, metadata comes from its keys', LIMIT, async () => {
    const key = fc.oneof(fc.constantFrom('title', 'headline', 'outlet', 'author', 'url', 'date', 'published', 'byline'),
      fc.stringMatching(/^[A-Za-z_][\w-]{0,10}$/));
    const value = fc.oneof(fc.string({ maxLength: 60 }), prose, fc.constantFrom('"Quoted title"', "'x'", '2024-03-05', 'March 5, 2024', ''))
      .map((v) => v.replace(/[\r\n]/g, ' '));
    const entries = fc.array(fc.tuple(key, value), { maxLength: 6 });
    const body = fc.tuple(prose, fc.string({ maxLength: 100 })).map(([p, s]) => p + s);
    await fc.assert(fc.asyncProperty(entries, body, fc.boolean(), async (pairs, text, crlf) => {
      const eol = crlf ? '\r\n' : '\n';
      const content = ['---', ...pairs.map(([k, v]) => `${k}: ${v}`), '---'].join(eol) + '\n' + text;
      const items = await read(content);
      assert.equal(items.length, 1);
      const item = items[0]!;
      checkItem(item);
      if (!item.ok) return;
      assert.equal(item.article.text, utf8(text));
      const titles = pairs.filter(([k]) => /^(title|headline)$/i.test(k)).map(([, v]) => v.trim().replace(/^(["'])(.*)\1$/, '$2').replace(/\s+/g, ' ').trim());
      const firstLine = text.split('\n').find((line) => line.trim())?.trim().replace(/\s+/g, ' ');
      const title = item.article.title;
      assert.ok(title === null || titles.includes(title) || title === firstLine, `title ${JSON.stringify(title)} comes from the front matter or the first line`);
    }), runs(150));
  });
});

// ---- HTML ---------------------------------------------------------------------------------------------------

const VOID = new Set(['br', 'img', 'hr', 'input', 'meta']);
const RAW = new Set(['script', 'style', 'title', 'textarea']);
const TAGS = ['p', 'div', 'span', 'b', 'i', 'a', 'article', 'section', 'main', 'h1', 'h2', 'ul', 'ol', 'li', 'table', 'tbody', 'tr',
  'td', 'th', 'dl', 'dt', 'dd', 'blockquote', 'figure', 'header', 'footer', 'nav', 'aside', 'pre', 'em', 'font', 'svg', 'path', 'g',
  'select', 'option', 'form', 'button', ...VOID, ...RAW];
const attrValue = fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom('a>b', '"', "'", 'x<y', 'display:none', 'true'));
const attribute = fc.tuple(fc.constantFrom('class', 'id', 'title', 'style', 'hidden', 'aria-hidden', 'data-x'), attrValue, fc.constantFrom('"', "'"))
  .map(([name, value, quote]) => ` ${name}=${quote}${value.split(quote).join('')}${quote}`);
const htmlText = fc.oneof(prose, fc.constantFrom('&amp;', '&lt;', '&#8220;', '&bogus;', '“quoted”', ' ', '\n'));

interface HtmlOptions {
  /** Markup a browser would call broken: stray "<", unclosed and mismatched tags. */
  broken: boolean;
}

function htmlTree({ broken }: HtmlOptions) {
  return fc.letrec<{ node: string; element: string }>((tie) => ({
    node: fc.oneof({ depthSize: 'small' }, htmlText, tie('element'), ...(broken ? [fc.constantFrom('<', '</p>', '</div>', '<b>', 'a < b', '<!-- c', '-->')] : [])),
    element: fc.record({
      tag: fc.constantFrom(...TAGS),
      attrs: fc.array(attribute, { maxLength: 2 }),
      children: fc.array(tie('node'), { maxLength: 4 }),
      close: broken ? fc.boolean() : fc.constant(true),
      selfClose: fc.boolean(),
    }).map(({ tag, attrs, children, close, selfClose }) => {
      const open = `<${tag}${attrs.join('')}`;
      if (VOID.has(tag)) return `${open}>`;
      if (tag === 'path' && selfClose) return `${open}/>`;
      // raw-text elements hold text only, and their own end tag cannot appear inside
      const inner = RAW.has(tag) ? children.join(' ').replace(/<\/?[a-z!]/gi, ' ') : children.join('');
      return `${open}>${inner}${close ? `</${tag}>` : ''}`;
    }),
  })).node;
}

describe('HTML', () => {
  test('any tree, well-formed or broken, reads to invariants or a one-line error', LIMIT, async () => {
    const page = fc.tuple(fc.constantFrom('', '<!DOCTYPE html>', '<!doctype html><html><head><title>T</title></head><body>'), fc.oneof(htmlTree({ broken: false }), htmlTree({ broken: true })))
      .map(([head, body]) => head + body + ' ' + 'The ministers met in Oslo on Monday to talk about fishing quotas.');
    await fc.assert(fc.asyncProperty(page, async (html) => {
      for (const item of await read(html)) checkItem(item);
    }), runs(150));
  });

  test('the depth and element count read from the markup are those of the parsed tree', LIMIT, () => {
    fc.assert(fc.property(htmlTree({ broken: false }), (html) => {
      assert.deepEqual(markupShape(html), treeShape(parseHTML(html).document));
    }), runs(400));
  });

  test('generated deep nesting: refused past the limit with the reason, read below it', LIMIT, async () => {
    const chainTags = fc.constantFrom('div', 'span', 'b', 'section', 'blockquote', 'font', 'ul', 'td', 'em');
    const chain = fc.oneof(fc.integer({ min: 1, max: 60 }), fc.integer({ min: MAX_HTML_DEPTH + 1, max: 5000 }))
      .chain((depth) => fc.tuple(fc.array(chainTags, { minLength: depth, maxLength: depth }), fc.boolean()));
    await fc.assert(fc.asyncProperty(chain, async ([tags, closed]) => {
      const html = `<!DOCTYPE html><html><body>${tags.map((t) => `<${t}>`).join('')}<p>The ministers met in Oslo on Monday to discuss quotas for the coming fishing season.</p>`
        + (closed ? [...tags].reverse().map((t) => `</${t}>`).join('') : '');
      const started = performance.now();
      const [item, ...rest] = await read(html);
      assert.equal(rest.length, 0);
      checkItem(item!);
      if (markupShape(html).depth > MAX_HTML_DEPTH) {
        assert.equal(item!.ok ? null : item!.error, `-: HTML nested too deeply (over ${MAX_HTML_DEPTH} levels of elements)`);
        assert.ok(performance.now() - started < 1000, 'refused before parsing');
      }
    }), runs(40));
  });
});

// ---- feeds and JSON Lines ------------------------------------------------------------------------------------

const xmlEscape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const anyText = fc.oneof(prose, fc.string({ maxLength: 80 }), fc.constantFrom('<p>Ministers <b>met</b> in Oslo.</p>', '', '   ', '&nbsp;'));
const feedItem = fc.record({
  title: anyText, body: anyText, link: fc.oneof(fc.webUrl(), fc.string({ maxLength: 20 })),
  date: fc.oneof(fc.date({ noInvalidDate: true }).map((d) => d.toUTCString()), fc.string({ maxLength: 20 }), fc.constant('2024-03-05T10:00:00Z')),
  wrap: fc.constantFrom('escape', 'cdata', 'raw'),
});
type FeedItem = typeof feedItem extends fc.Arbitrary<infer T> ? T : never;

function xmlValue(item: FeedItem, value: string): string {
  if (item.wrap === 'cdata') return `<![CDATA[${value.replace(/]]>/g, '')}]]>`;
  return item.wrap === 'raw' ? value : xmlEscape(value);
}

const feeds = {
  rss: (items: FeedItem[]) => `<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title>${items.map((i) =>
    `<item><title>${xmlValue(i, i.title)}</title><description>${xmlValue(i, i.body)}</description><link>${xmlEscape(i.link)}</link><pubDate>${xmlEscape(i.date)}</pubDate></item>`).join('')}</channel></rss>`,
  atom: (items: FeedItem[]) => `<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Wire</title>${items.map((i) =>
    `<entry><title>${xmlValue(i, i.title)}</title><content type="html">${xmlValue(i, i.body)}</content><link href="${xmlEscape(i.link)}"/><published>${xmlEscape(i.date)}</published></entry>`).join('')}</feed>`,
  json: (items: FeedItem[]) => JSON.stringify({ version: 'https://jsonfeed.org/version/1.1', title: 'Wire', items: items.map((i, k) =>
    ({ id: String(k), title: i.title, [i.wrap === 'raw' ? 'content_text' : 'content_html']: i.body, url: i.link, date_published: i.date })) }),
};

describe('feeds', () => {
  test('RSS, Atom and JSON Feed: items in order as #n, each an article with the invariants or a one-line error', LIMIT, async () => {
    await fc.assert(fc.asyncProperty(fc.constantFrom('rss', 'atom', 'json') as fc.Arbitrary<keyof typeof feeds>, fc.array(feedItem, { maxLength: 12 }), async (format, items) => {
      const result = await read(feeds[format](items));
      let last = 0;
      for (const item of result) {
        checkItem(item);
        const position = /#(\d+)/.exec(item.ok ? item.article.source : item.error.split(':')[0]!)?.[1];
        if (position === undefined) continue; // a whole-feed error
        assert.ok(Number(position) > last && Number(position) <= items.length, `item #${position} of ${items.length}`);
        last = Number(position);
      }
    }), runs(150));
  });

  test('JSON values of the wrong type in a JSON Feed are errors of that feed, not exceptions', LIMIT, async () => {
    const item = fc.dictionary(fc.constantFrom('id', 'title', 'content_html', 'content_text', 'summary', 'url', 'date_published', 'authors'), fc.jsonValue({ maxDepth: 2 }));
    await fc.assert(fc.asyncProperty(fc.array(item, { maxLength: 6 }), fc.jsonValue({ maxDepth: 1 }), async (items, title) => {
      for (const result of await read(JSON.stringify({ version: 'https://jsonfeed.org/version/1', title, items }))) checkItem(result);
    }), runs(150));
  });
});

describe('JSON Lines', () => {
  test('each line is its own article or error, numbered by line, with its text kept exactly', LIMIT, async () => {
    const article = fc.record({ text: fc.oneof(prose, fc.string({ maxLength: 80 })), title: fc.option(fc.string({ maxLength: 20 })), published: fc.option(fc.string({ maxLength: 12 })) }, { requiredKeys: ['text'] });
    const line = fc.oneof(
      { weight: 3, arbitrary: article.map((a) => JSON.stringify(a)) },
      { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 2 }).map((v) => JSON.stringify(v)) },
      { weight: 1, arbitrary: fc.string({ maxLength: 30 }).map((s) => s.replace(/[\r\n]/g, ' ')) },
      { weight: 1, arbitrary: fc.constant('') },
    );
    await fc.assert(fc.asyncProperty(fc.record({ text: prose }), fc.array(line, { maxLength: 10 }), async (first, rest) => {
      const lines = [JSON.stringify(first), ...rest];
      for (const item of await read(lines.join('\n'))) {
        checkItem(item);
        if (!item.ok) continue;
        const lineNumber = Number(/#(\d+)$/.exec(item.article.source)![1]);
        assert.equal(item.article.text, (JSON.parse(lines[lineNumber - 1]!) as { text: string }).text);
      }
    }), runs(150));
  });
});

// ---- the whole pipeline over quote-heavy text ---------------------------------------------------------------

const QUOTES = ['"', '“', '”', "'", '‘', '’', '«', '»', '„', '‹', '›', '``', "''", '`'];
const quotePiece = fc.oneof(
  { weight: 4, arbitrary: word },
  { weight: 2, arbitrary: fc.constantFrom(...QUOTES) },
  { weight: 1, arbitrary: fc.constantFrom(',', '.', ':', ';', '—', '--', '(', ')', '?', '!', '...', '\n', '\n\n') },
  { weight: 1, arbitrary: fc.constantFrom('Sergei Lavrov', 'Foreign Minister Anna Berg', 'the European Commission', 'Mr. Lavrov', 'U.S.', "Norway's") },
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom(...QUOTES), prose, fc.constantFrom(...QUOTES)).map(([a, p, b]) => `${a}${p}${b}`) },
);
/** Glued pieces: quote marks meet words with and without spaces, so they open, close and nest every way. */
const quoteText = fc.array(fc.tuple(quotePiece, fc.constantFrom(' ', '', ' ', '')), { minLength: 1, maxLength: 150 })
  .map((parts) => parts.map(([piece, gap]) => piece + gap).join(''))
  .filter((text) => text.trim().length > 0);

function checkRecord(article: Article): void {
  const { record } = processArticle(article);
  ExtractionRecord.parse(record);
  assert.deepEqual(spanErrors(record), [], 'every span is its slice of the text');
  const actorIds = new Set(record.actors.map((a) => a.id));
  const quoteIds = new Set(record.quotes.map((q) => q.id));
  assert.equal(actorIds.size, record.actors.length);
  assert.equal(quoteIds.size, record.quotes.length);
  for (const q of record.quotes) if (q.speaker !== null) assert.ok(actorIds.has(q.speaker));
  for (const e of record.events) for (const id of [...e.source, ...e.target]) assert.ok(actorIds.has(id));
  for (const s of record.stances) {
    assert.ok(actorIds.has(s.holder));
    if (s.quote !== null) assert.ok(quoteIds.has(s.quote));
  }
}

describe('extraction over hostile text', () => {
  test('unbalanced, nested and mixed quote marks of every kind give a valid record', LIMIT, () => {
    fc.assert(fc.property(quoteText, (text) => checkRecord(articleFromText(text, { source: 'fuzz' }))), runs(120));
  });

  test('arbitrary Unicode gives a valid record', LIMIT, () => {
    const text = fc.string({ unit: 'binary', minLength: 1, maxLength: 300 }).filter((t) => t.trim().length > 0);
    fc.assert(fc.property(text, (t) => checkRecord(articleFromText(t, { source: 'fuzz' }))), runs(100));
  });
});
