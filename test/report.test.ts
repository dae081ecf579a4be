// Briefings: Markdown and HTML from the same model, near-duplicate reports counted once, "Who is left out",
// "What changed", links on every line, escaping. The demo corpus goes through the real pipeline once; the exact
// counting is checked on hand-written records, which do not move when the extractor changes.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { parseHTML } from 'linkedom';
import { SCHEMA_ID, type Extraction, type Span } from '../src/contract.js';
import { readInputs } from '../src/ingest/index.js';
import { openStore, type Store } from '../src/kb/index.js';
import { processArticle } from '../src/pipeline.js';
import { briefing, buildBriefing, renderHtml, renderMarkdown, sourceHref } from '../src/report/index.js';
import { createApp } from '../src/server/index.js';
import { cliPath, examplesDir } from './helpers.js';

const scratch = mkdtempSync(join(tmpdir(), 'parley-report-'));
after(() => rmSync(scratch, { recursive: true, force: true }));

const records = new Map<string, Extraction>(); // by file number: "08"
let demo: Store;
const demoPath = join(scratch, 'demo.db');

before(async () => {
  for await (const item of readInputs([examplesDir])) {
    if (!item.ok) throw new Error(item.error);
    records.set(basename(item.article.source).slice(0, 2), processArticle(item.article).record);
  }
  demo = await openStore(demoPath);
  for (const record of records.values()) await demo.put(record);
});
after(async () => demo?.close());

async function storeOf(...recordList: Extraction[]): Promise<Store> {
  const store = await openStore(':memory:');
  for (const record of recordList) await store.put(record);
  return store;
}

function headings(markdown: string): string[] {
  return markdown.split('\n').filter((l) => l.startsWith('## ')).map((l) => l.slice(3));
}

/** "- **Name** (...), in N report(s), M quote(s) [...]" -> {reports, quotes} per name. */
function parties(markdown: string): Map<string, { reports: number; quotes: number }> {
  const result = new Map<string, { reports: number; quotes: number }>();
  for (const match of markdown.matchAll(/^- \*\*(.+?)\*\* \(.*?\), in (\d+) report\(s\)(?:, (\d+) quote\(s\))?/gm)) {
    result.set(match[1]!, { reports: Number(match[2]), quotes: Number(match[3] ?? 0) });
  }
  return result;
}

function section(markdown: string, title: string): string {
  const start = markdown.indexOf(`## ${title}\n`);
  if (start < 0) return '';
  const next = markdown.indexOf('\n## ', start + 3);
  return markdown.slice(start, next < 0 ? undefined : next);
}

// ---- hand-written records: one report and a light rewrite of it by another outlet -----------------------------

function spanOf(text: string, needle: string): Span {
  const start = text.indexOf(needle);
  if (start < 0) throw new Error(`"${needle}" not in text`);
  return { start, end: start + needle.length, text: needle };
}

const REPORT = [
  'Harbour officials in Tromso said on Monday that the new quota talks would open next week in Bergen, after a',
  'month of disputes over how the northern cod stock should be shared among the coastal states. Fisheries Minister',
  'Astrid Holm said the plan was fair to every fleet. "We will not sign a deal that leaves our coastal towns without',
  'a future," Holm told reporters at the harbour. The Faroese delegation complained that it had been left out of the',
  'preparatory meetings. "Nothing about these waters should be decided without us," said Jonas Dahl, the Faroese',
  'envoy, who asked for a seat at the table. Industry groups welcomed the talks but warned that another year without',
  'an agreement would push several family-owned trawler companies towards bankruptcy before the winter season.',
].join(' ');

function reportRecord(text: string, meta: { outlet: string; published: string; url: string | null; source: string }): Extraction {
  return {
    schema: SCHEMA_ID,
    article: {
      id: createHash('sha256').update(text).digest('hex'), source: meta.source, title: 'Quota talks to open in Bergen',
      published: meta.published, outlet: meta.outlet, url: meta.url, byline: null, language: 'en', text,
    },
    actors: [
      { id: 'a1', name: 'Astrid Holm', type: 'person', roles: ['Fisheries Minister'], country: 'NOR', mentions: [spanOf(text, 'Astrid Holm')] },
      { id: 'a2', name: 'Jonas Dahl', type: 'person', roles: ['Envoy'], country: 'FRO', mentions: [spanOf(text, 'Jonas Dahl')] },
    ],
    quotes: [
      { id: 'q1', kind: 'direct', content: spanOf(text, 'We will not sign a deal that leaves our coastal towns without a future,'), speaker: 'a1', speakerMention: null, cue: spanOf(text, 'told') },
      { id: 'q2', kind: 'direct', content: spanOf(text, 'Nothing about these waters should be decided without us,'), speaker: 'a2', speakerMention: null, cue: null },
    ],
    events: [],
    stances: [
      { id: 's1', holder: 'a1', issue: 'plan', polarity: 'support', evidence: spanOf(text, 'Astrid Holm said the plan was fair to every fleet.'), quote: null },
    ],
  };
}

const original = reportRecord(REPORT, { outlet: 'Bergen Post', published: '2026-04-06', url: 'https://bergen-post.example/quota-talks', source: 'feeds/bergen.xml' });
const rewrite = reportRecord(
  REPORT.replace('said on Monday that', 'said on Monday').replace('Industry groups welcomed', 'Industry associations welcomed'),
  { outlet: 'Nordic Wire', published: '2026-04-07', url: null, source: '/var/news/nordic wire/quota (talks).txt' },
);

describe('near-duplicate reports', () => {
  test('a rewrite counts once and cites both outlets', async () => {
    const alone = await storeOf(original);
    const both = await storeOf(original, rewrite);
    assert.deepEqual((await both.duplicates(original.article.id)).map((d) => d.articleId), [rewrite.article.id]);
    const one = await briefing(alone, {});
    const two = await briefing(both, {});
    assert.deepEqual(parties(two), parties(one), 'the same reports and quote counts with the rewrite as without');
    assert.deepEqual(parties(two).get('Astrid Holm'), { reports: 1, quotes: 1 });
    assert.match(two, /^2 article\(s\) \(2026-04-06 to 2026-04-07\), 1 distinct report\(s\)\.$/m);
    assert.match(two, /carried by Bergen Post \(2026-04-06\) and Nordic Wire \(2026-04-07\); it is counted once \[\[1\], \[2\]\]/);
    const quotes = section(two, 'Key quotes').split('\n').filter((l) => l.startsWith('- '));
    assert.equal(quotes.length, 2);
    for (const line of quotes) assert.match(line, /\[\[1\], \[2\]\]$/, line);
    assert.match(section(two, 'Positions'), /Astrid Holm: support “plan” \[\[1\], \[2\]\]/);
    assert.match(two, /^2\. \[Quota talks to open in Bergen\]\[2\], Nordic Wire, 2026-04-07 .*; the same report as 1$/m);
    // References: a URL, else the source path as a file: URL (spaces and parentheses encoded).
    assert.match(two, /^\[1\]: https:\/\/bergen-post\.example\/quota-talks$/m);
    assert.match(two, /^\[2\]: file:\/\/\/var\/news\/nordic%20wire\/quota%20%28talks%29\.txt$/m);
    await alone.close();
    await both.close();
  });

  test('the demo rewrite (09 of 08) is counted once and both outlets are listed', async () => {
    const md = await briefing(demo, {});
    // Sources are numbered in date order.
    const byDate = [...records.entries()].sort(([a, x], [b, y]) => (x.article.published ?? '').localeCompare(y.article.published ?? '') || a.localeCompare(b));
    const n08 = byDate.findIndex(([number]) => number === '08') + 1;
    const n09 = byDate.findIndex(([number]) => number === '09') + 1;
    assert.match(md, new RegExp(`^${records.size} article\\(s\\) \\(2026-03-02 to 2026-03-30\\), ${records.size - 1} distinct report\\(s\\)\\.$`, 'm'));
    assert.ok(md.includes(`carried by Meridian Post (2026-03-13) and Atlantic Dispatch (2026-03-14); it is counted once [[${n08}], [${n09}]]`), md.slice(0, 400));
    assert.match(md, new RegExp(`^${n09}\\. .*Atlantic Dispatch, 2026-03-14 .*; the same report as ${n08}$`, 'm'));
    assert.ok(md.split('\n').some((l) => l.startsWith('- ') && l.includes(`[${n08}], [${n09}]`)), 'a line cites both');

    // With 08 alone and with 08 and 09: most of 09's quotes are 08's again and are not counted twice.
    const alone = await storeOf(records.get('08')!);
    const both = await storeOf(records.get('08')!, records.get('09')!);
    const one = parties(await briefing(alone, {}));
    const two = parties(await briefing(both, {}));
    const total = (m: Map<string, { quotes: number }>) => [...m.values()].reduce((sum, p) => sum + p.quotes, 0);
    const rewriteQuotes = records.get('09')!.quotes.filter((q) => q.speaker !== null).length;
    assert.ok(total(two) <= total(one) + Math.floor(rewriteQuotes / 2), `${total(one)} alone, ${total(two)} with the rewrite (${rewriteQuotes} quotes)`);
    for (const p of two.values()) assert.equal(p.reports, 1);
    await alone.close();
    await both.close();
  });
});

describe('briefing sections', () => {
  test('the existing structure stays, with "Who is left out"', async () => {
    const md = await briefing(demo, {});
    assert.match(md, /^# Briefing\n/);
    const found = headings(md);
    for (const heading of ['Parties', 'Positions', 'Who is left out', 'Events', 'Key quotes', 'Sources']) assert.ok(found.includes(heading), heading);
    assert.ok(found.indexOf('Parties') < found.indexOf('Positions') && found.indexOf('Events') < found.indexOf('Key quotes'));
    assert.equal(found.at(-1), 'Sources');
    assert.ok(!found.includes('What changed'), 'only with since');
    // Every line of every section cites at least one source.
    for (const title of found.filter((t) => t !== 'Sources')) {
      for (const line of section(md, title).split('\n').filter((l) => l.startsWith('- '))) assert.match(line, /\[\[\d+\]/, line);
    }
    assert.equal(await briefing(demo), md, 'options are optional');
  });

  test('who is left out: exclusion stances, quotes and protests, with their speakers and evidence', async () => {
    const leftOut = section(await briefing(demo, {}), 'Who is left out');
    assert.match(leftOut, /left out/);
    assert.match(leftOut, /^- \*\*United Kingdom\*\*: Britain has protested against its exclusion .*\[\[4\]\]$/m);
    assert.match(leftOut, /^- \*\*Fiona Carrick\*\*: “That is not a threat\. .*left out\.” \[\[4\]\]$/m);

    const store = await storeOf(original);
    const small = section(await briefing(store, {}), 'Who is left out');
    assert.match(small, /^- \*\*Jonas Dahl\*\*: “Nothing about these waters should be decided without us” \[\[1\]\]$/m);
    assert.doesNotMatch(small, /Astrid Holm/);
    await store.close();
    const quiet = reportRecord(REPORT, { outlet: 'X', published: '2026-04-06', url: null, source: 'x.txt' });
    quiet.quotes = quiet.quotes.filter((q) => q.id !== 'q2');
    const nobody = await storeOf(quiet);
    const md = await briefing(nobody, {});
    assert.match(section(md, 'Who is left out'), /No actor was found objecting to being left out\./);
    await nobody.close();
  });

  test('what changed: the period since against one as long before it', async () => {
    const md = await briefing(demo, { since: '2026-03-17' });
    assert.match(md, /^5 article\(s\) \(2026-03-17 to 2026-03-30\)\.$/m);
    const changed = section(md, 'What changed');
    assert.match(changed, /Positions since 2026-03-17 against 2026-03-03 to 2026-03-16: \d+ new or reversed/);
    const lines = changed.split('\n').filter((l) => l.startsWith('- '));
    assert.ok(lines.length > 0);
    for (const line of lines) assert.match(line, /\[\[\d+\]/, line);
    // The period's articles keep numbers 1-5; those of the period before follow and are marked.
    assert.match(md, /^6\. .*; period before$/m);
    assert.doesNotMatch(md, /^[1-5]\. .*; period before$/m);

    const alone = await storeOf(original);
    const none = section(await briefing(alone, { since: '2026-04-01' }), 'What changed');
    assert.match(none, /No articles are stored for the period before 2026-04-01 \(2026-03-26 to 2026-03-31\)/);
    assert.equal(await briefing(alone, { since: '2027-01-01' }), 'No stored articles since 2027-01-01.');
    await alone.close();
  });

  test('a reversal between the periods is reported with both sides cited', async () => {
    const turned = reportRecord(REPORT.replace('Harbour officials', 'Port officials'), { outlet: 'Later', published: '2026-04-20', url: null, source: 'later.txt' });
    turned.stances[0]!.polarity = 'oppose';
    turned.stances[0]!.issue = 'plan';
    const store = await storeOf(original, turned);
    const md = await briefing(store, { since: '2026-04-10' });
    // The two texts are near-duplicates but fall in different periods: each period reads its own.
    assert.match(section(md, 'What changed'), /^- Astrid Holm moved from support to oppose on “plan” \[\[2\]\] → \[\[1\]\]\.$/m);
    await store.close();
  });
});

describe('outlets that disagree', () => {
  // Another outlet's own account (not a rewrite) that gives Holm the opposite position.
  function otherAccount(published: string): Extraction {
    const text = 'Astrid Holm, the fisheries minister, is against the cod plan, according to two officials who spoke to this '
      + 'newspaper on condition of anonymity. Holm has not commented in public since the weekend.';
    return {
      schema: SCHEMA_ID,
      article: {
        id: createHash('sha256').update(text + published).digest('hex'), source: `other-${published}.txt`, title: 'Holm turns against cod plan',
        published, outlet: 'Coastal Times', url: null, byline: null, language: 'en', text: text,
      },
      actors: [{ id: 'a1', name: 'Astrid Holm', type: 'person', roles: ['Fisheries Minister'], country: 'NOR', mentions: [spanOf(text, 'Astrid Holm')] }],
      quotes: [], events: [],
      stances: [{ id: 's1', holder: 'a1', issue: 'plan', polarity: 'oppose', evidence: spanOf(text, 'Astrid Holm, the fisheries minister, is against the cod plan'), quote: null }],
    };
  }

  test('opposite positions from two outlets a day apart are a disagreement, not a shift', async () => {
    const disputed = otherAccount('2026-04-07');
    const store = await storeOf(original, disputed);
    const md = await briefing(store, {});
    const lines = section(md, 'Where reports disagree').split('\n').filter((l) => l.startsWith('- '));
    assert.deepEqual(lines, ['- Astrid Holm on “plan”: Bergen Post reports support (2026-04-06) [[1]]; Coastal Times reports oppose (2026-04-07) [[2]].']);
    assert.equal(section(md, 'Shifts'), '', 'not taken for a change of mind');
    await store.close();
  });

  test('a week apart it is a shift, not a disagreement', async () => {
    const store = await storeOf(original, otherAccount('2026-04-14'));
    const md = await briefing(store, {});
    assert.equal(section(md, 'Where reports disagree'), '');
    assert.match(section(md, 'Shifts'), /Astrid Holm moved from support to oppose on “plan”/);
    await store.close();
  });
});

describe('HTML', () => {
  test('a standalone document with the same sections, every line linking to its articles', async () => {
    const model = await buildBriefing(demo, { since: '2026-03-10' });
    const html = renderHtml(model);
    const md = renderMarkdown(model);
    assert.equal(await briefing(demo, { since: '2026-03-10', format: 'html' }), html);
    assert.match(html, /^<!DOCTYPE html>\n<html lang="en">/);
    const { document } = parseHTML(html);
    assert.equal(document.querySelector('title')?.textContent, 'Briefing');
    assert.equal(document.querySelector('meta[charset]')?.getAttribute('charset'), 'utf-8');
    assert.equal(document.querySelectorAll('h1').length, 1);
    assert.deepEqual([...document.querySelectorAll('h2')].map((h) => h.textContent), headings(md));
    assert.equal(document.querySelectorAll('script, link, img, iframe, [src]').length, 0, 'no external assets, no scripts');

    const sources = [...document.querySelectorAll('section.sources li')];
    assert.equal(sources.length, model.sources.length);
    const urls = new Set(model.sources.map((s) => sourceHref(s)));
    const lines = [...document.querySelectorAll('section:not(.sources) li')];
    assert.ok(lines.length > 30);
    for (const li of lines) {
      const links = [...li.querySelectorAll('.cite a[href]')];
      assert.ok(links.length > 0, `no link in: ${li.textContent}`);
      for (const a of links) {
        assert.ok(urls.has(a.getAttribute('href')), a.getAttribute('href') ?? '');
        const n = Number(a.textContent);
        assert.equal(a.getAttribute('data-article'), model.sources[n - 1]!.articleId);
      }
    }
    // The same text as the Markdown, line for line (markup aside).
    const mdLines = md.split('\n').filter((l) => l.startsWith('- '))
      .map((l) => l.slice(2).replace(/\*\*/g, '').replace(/\[\[(\d+)\]/g, '[$1').replace(/, \[(\d+)\]/g, ', $1').replace(/\\(.)/g, '$1'));
    assert.deepEqual(lines.map((li) => li.textContent), mdLines);
  });

  test('article text and metadata are escaped, and only http(s) and file links are made', async () => {
    const text = 'The <script>alert(1)</script> minister & "friends" said: "Stop <img src=x onerror=alert(1)> this [plan] now, all of it," he said.';
    const hostile: Extraction = {
      schema: SCHEMA_ID,
      article: {
        id: createHash('sha256').update(text).digest('hex'), source: 'api', title: '<b>Bold</b> & "quoted" [title]',
        published: '2026-05-01', outlet: '<i>Outlet</i>', url: 'javascript:alert(1)', byline: null, language: 'en', text,
      },
      actors: [{ id: 'a1', name: 'The <script> minister', type: 'person', roles: ['<Role>'], country: null, mentions: [spanOf(text, 'minister')] }],
      quotes: [{ id: 'q1', kind: 'direct', content: spanOf(text, 'Stop <img src=x onerror=alert(1)> this [plan] now, all of it,'), speaker: 'a1', speakerMention: null, cue: null }],
      events: [], stances: [],
    };
    const store = await storeOf(hostile);
    const model = await buildBriefing(store, {});
    assert.equal(model.sources[0]!.url, 'javascript:alert(1)');
    assert.equal(sourceHref(model.sources[0]!), null);
    for (const html of [renderHtml(model), renderHtml(model, { document: false })]) {
      const { document } = parseHTML(html.startsWith('<!DOCTYPE') ? html : `<!DOCTYPE html><html><body>${html}</body></html>`);
      assert.equal(document.querySelectorAll('script, img, b, i').length, 0);
      assert.ok(document.body.textContent!.includes('Stop <img src=x onerror=alert(1)> this [plan] now'));
      for (const a of document.querySelectorAll('a[href]')) assert.match(a.getAttribute('href')!, /^(https?:|file:|#source-\d+$)/);
    }
    const md = renderMarkdown(model);
    assert.match(md, /this \\\[plan\\\] now/);
    assert.doesNotMatch(md, /\]\(javascript:/);
    assert.doesNotMatch(md, /^\[1\]:/m, 'no link for a source with no usable URL or path');
    await store.close();
  });

  test('GET /api/brief serves the renderer\'s HTML fragment', async () => {
    const app = createApp(demo, { allowRemoteReads: true });
    const response = await app.request('/api/brief?since=2026-03-13');
    assert.equal(response.status, 200);
    const body = (await response.json()) as { markdown: string; html: string };
    assert.match(body.html, /^<h1>Briefing<\/h1>/);
    assert.doesNotMatch(body.html, /<html|<script/i);
    assert.match(body.html, /<h2>Who is left out<\/h2>/);
    assert.match(body.html, /<a href="https:\/\/meridian-post\.example\/[^"]+" data-article="[0-9a-f]{64}"/);
    assert.match(body.markdown, /^## What changed$/m);
  });
});

describe('parley brief', () => {
  const parley = (args: string[]) => {
    const run = spawnSync(process.execPath, [cliPath, ...args], { encoding: 'utf8', timeout: 60_000 });
    return { code: run.status, stdout: run.stdout, stderr: run.stderr };
  };

  test('--format html with --since, and a usage error', () => {
    const html = parley(['brief', '--db', demoPath, '--format', 'html', '--since', '2026-03-20']);
    assert.equal(html.code, 0, html.stderr);
    assert.match(html.stdout, /^<!DOCTYPE html>/);
    assert.match(html.stdout, /<h2>What changed<\/h2>/);
    const bad = parley(['brief', '--db', demoPath, '--format', 'pdf']);
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /--format must be md or html/);
  });
});
