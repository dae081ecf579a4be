// parley export: every format parses back (CSV with a reader written here, JSON-LD checked for its context and
// types, GDELT with a constant column count), records stream from the store, and the CLI writes files.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { ExtractionRecord, PLOVER_TYPES, SCHEMA_ID, type Extraction, type Span } from '../src/contract.js';
import { readInputs } from '../src/ingest/index.js';
import { openStore, type Store } from '../src/kb/index.js';
import { processArticle } from '../src/pipeline.js';
import { CSV_COLUMNS, GDELT_COLUMNS, exportStore, type ExportOptions } from '../src/report/export.js';
import { cliPath, examplesDir } from './helpers.js';

const scratch = mkdtempSync(join(tmpdir(), 'parley-export-'));
after(() => rmSync(scratch, { recursive: true, force: true }));

function spanOf(text: string, needle: string): Span {
  const start = text.indexOf(needle);
  if (start < 0) throw new Error(`"${needle}" not in text`);
  return { start, end: start + needle.length, text: needle };
}

// Commas, double quotes, a tab, CR LF and LF inside fields: what CSV must quote and TSV must flatten.
const TRICKY_TEXT = 'Minister Ana Ruiz said: "Yes, we will sign, ""maybe"", if\r\nthe\ttext holds," on Friday.\nRuiz met Carl Berg, the envoy, in Oslo; "a good day," Berg said.';
const tricky: Extraction = {
  schema: SCHEMA_ID,
  article: {
    id: createHash('sha256').update(TRICKY_TEXT).digest('hex'), source: 'tricky, "quoted".txt', title: 'Ruiz, Berg and "the deal"',
    published: '2026-02-01', outlet: 'Comma, Quote "and" Co', url: null, byline: 'Ola Nordmann', language: 'en', text: TRICKY_TEXT,
  },
  actors: [
    { id: 'a1', name: 'Ana Ruiz', type: 'person', roles: ['Minister'], country: 'ESP', mentions: [spanOf(TRICKY_TEXT, 'Ana Ruiz')] },
    { id: 'a2', name: 'Carl Berg', type: 'person', roles: ['Envoy'], country: 'NOR', mentions: [spanOf(TRICKY_TEXT, 'Carl Berg')] },
    { id: 'a3', name: 'Oslo', type: 'location', roles: [], country: 'NOR', mentions: [spanOf(TRICKY_TEXT, 'Oslo')] },
  ],
  quotes: [
    { id: 'q1', kind: 'direct', content: spanOf(TRICKY_TEXT, 'Yes, we will sign, ""maybe"", if\r\nthe\ttext holds,'), speaker: 'a1', speakerMention: null, cue: spanOf(TRICKY_TEXT, 'said') },
    { id: 'q2', kind: 'direct', content: spanOf(TRICKY_TEXT, 'a good day,'), speaker: 'a2', speakerMention: null, cue: null },
  ],
  events: [
    { id: 'e1', type: 'CONSULT', mode: 'meet', source: ['a1'], target: ['a2'], location: 'Oslo', date: null, negated: false, modality: 'asserted', evidence: spanOf(TRICKY_TEXT, 'Ruiz met Carl Berg, the envoy, in Oslo;') },
    { id: 'e2', type: 'AGREE', mode: null, source: ['a1', 'a2'], target: [], location: null, date: '2026-01-30', negated: true, modality: 'future', evidence: spanOf(TRICKY_TEXT, 'we will sign, ""maybe"", if\r\nthe\ttext holds') },
  ],
  stances: [
    { id: 's1', holder: 'a1', issue: 'deal, "the" text', polarity: 'support', evidence: spanOf(TRICKY_TEXT, 'Yes, we will sign, ""maybe"", if\r\nthe\ttext holds,'), quote: 'q1' },
  ],
};

const records: Extraction[] = [];
let store: Store;
const dbPath = join(scratch, 'export.db');

before(async () => {
  const files = ['06-russia-rejects-observer-mission.html', '08-moscow-threatens-fisheries-freeze.txt', '09-russia-warns-barents-fishing-pact.txt'];
  for await (const item of readInputs(files.map((f) => join(examplesDir, f)))) {
    if (!item.ok) throw new Error(item.error);
    records.push(processArticle(item.article).record);
  }
  records.push(tricky);
  store = await openStore(dbPath);
  for (const record of records) await store.put(record);
});
after(async () => store?.close());

async function exported(options: ExportOptions, on: Store = store): Promise<string> {
  let out = '';
  await exportStore(on, options, (chunk) => {
    out += chunk;
  });
  return out;
}

const total = (kind: 'quotes' | 'events' | 'stances') => records.reduce((sum, r) => sum + r[kind].length, 0);
const is0809 = (id: string) => records.slice(1, 3).some((r) => r.article.id === id);

/** RFC 4180: fields separated by commas, records by CRLF; a quoted field may hold commas, CR, LF and "" for ". */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let i = 0;
  let quoted = false;
  while (i < text.length) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i += 2;
      } else if (c === '"') {
        quoted = false;
        i++;
      } else {
        field += c;
        i++;
      }
    } else if (c === '"') {
      assert.equal(field, '', 'a quote only opens a field');
      quoted = true;
      i++;
    } else if (c === ',') {
      row.push(field);
      field = '';
      i++;
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i += 2;
    } else {
      assert.ok(c !== '\n' && c !== '\r', `a bare line break outside quotes at ${i}`);
      field += c;
      i++;
    }
  }
  assert.equal(quoted, false, 'unterminated quoted field');
  assert.ok(field === '' && row.length === 0, 'the last record ends with CRLF');
  return rows;
}

describe('jsonl', () => {
  test('one contract record per line, as stored', async () => {
    const lines = (await exported({ format: 'jsonl' })).split('\n');
    assert.equal(lines.pop(), '');
    assert.equal(lines.length, records.length);
    for (const [i, line] of lines.entries()) {
      const record = ExtractionRecord.parse(JSON.parse(line));
      assert.deepEqual(record, records[i], 'in ingestion order, unchanged');
    }
  });

  test('with a kind, one fact per line with its article and story', async () => {
    const lines = (await exported({ format: 'jsonl', kind: 'events' })).trim().split('\n').map((l) => JSON.parse(l));
    assert.equal(lines.length, total('events'));
    const consult = lines.find((l) => l.articleId === tricky.article.id && l.id === 'e1');
    assert.deepEqual(consult.sourceNames, ['Ana Ruiz']);
    assert.deepEqual(consult.targetNames, ['Carl Berg']);
    assert.equal(consult.storyId, tricky.article.id);
    const rewrite = lines.find((l) => l.articleId === records[2]!.article.id);
    assert.equal(rewrite.storyId, records[1]!.article.id, '09 is in 08\'s story');
  });
});

describe('csv', () => {
  for (const kind of ['quotes', 'events', 'stances'] as const) {
    test(`${kind}: RFC 4180, parsed back`, async () => {
      const text = await exported({ format: 'csv', kind });
      const rows = parseCsv(text);
      assert.deepEqual(rows[0], CSV_COLUMNS[kind]);
      assert.equal(rows.length - 1, total(kind));
      for (const row of rows) assert.equal(row.length, CSV_COLUMNS[kind].length);
      const column = (name: string) => CSV_COLUMNS[kind].indexOf(name);
      const trickyRows = rows.slice(1).filter((r) => r[column('article_id')] === tricky.article.id);
      if (kind === 'quotes') {
        const q1 = trickyRows.find((r) => r[column('quote_id')] === 'q1')!;
        assert.equal(q1[column('content')], tricky.quotes[0]!.content.text);
        assert.equal(q1[column('outlet')], tricky.article.outlet);
        assert.equal(q1[column('speaker')], 'Ana Ruiz');
        assert.equal(q1[column('cue')], 'said');
        assert.equal(trickyRows.find((r) => r[column('quote_id')] === 'q2')![column('cue')], '');
      } else if (kind === 'events') {
        const e2 = trickyRows.find((r) => r[column('id')] === `${tricky.article.id}/e2`)!;
        assert.deepEqual(
          [e2[column('date')], e2[column('type')], e2[column('sources')], e2[column('targets')], e2[column('modality')], e2[column('negated')], e2[column('evidence')]],
          ['2026-01-30', 'AGREE', 'Ana Ruiz; Carl Berg', '', 'future', 'true', tricky.events[1]!.evidence.text],
        );
        const e1 = trickyRows.find((r) => r[column('id')] === `${tricky.article.id}/e1`)!;
        assert.equal(e1[column('date')], '2026-02-01', 'an undated event takes its article\'s date');
        assert.equal(e1[column('location')], 'Oslo');
      } else {
        assert.deepEqual(trickyRows[0]!.slice(0, 5), ['Ana Ruiz', 'deal, "the" text', 'support', '2026-02-01', tricky.stances[0]!.evidence.text]);
      }
    });
  }
});

describe('jsonld', () => {
  test('a schema.org graph: NewsArticle, actors, Quotation linked to speaker and article', async () => {
    const doc = JSON.parse(await exported({ format: 'jsonld' })) as { '@context': unknown; '@graph': Array<Record<string, any>> };
    assert.ok(JSON.stringify(doc['@context']).includes('https://schema.org'));
    const graph = doc['@graph'];
    const byId = new Map(graph.map((node) => [node['@id'] as string, node]));
    assert.equal(byId.size, graph.length, 'ids are unique');
    const ofType = (type: string) => graph.filter((node) => node['@type'] === type);
    assert.equal(ofType('NewsArticle').length, records.length);
    assert.ok(ofType('Person').length > 0 && ofType('Country').length > 0 && ofType('Organization').length > 0 && ofType('Place').length > 0);
    assert.equal(ofType('Quotation').length, total('quotes'));
    assert.equal(ofType('Event').length, total('events'));

    const article = byId.get(`urn:parley:article:${tricky.article.id}`)!;
    assert.deepEqual(
      [article['@type'], article.headline, article.datePublished, article.author, article.publisher],
      ['NewsArticle', tricky.article.title, '2026-02-01', { '@type': 'Person', name: 'Ola Nordmann' }, { '@type': 'Organization', name: tricky.article.outlet }],
    );
    const meridian = byId.get(`urn:parley:article:${records[1]!.article.id}`)!;
    assert.equal(meridian.url, records[1]!.article.url);
    assert.equal(byId.get(`urn:parley:article:${records[2]!.article.id}`)!['parley:story']['@id'], meridian['@id']);

    for (const quote of ofType('Quotation')) {
      assert.equal(byId.get(quote.isPartOf['@id'])?.['@type'], 'NewsArticle');
      if (quote.spokenByCharacter) {
        assert.ok(['Person', 'Organization', 'Country', 'Place'].includes(byId.get(quote.spokenByCharacter['@id'])?.['@type']), JSON.stringify(quote));
        assert.deepEqual(quote.creator, quote.spokenByCharacter);
      }
    }
    const q1 = byId.get(`urn:parley:article:${tricky.article.id}#q1`)!;
    assert.equal(q1.text, tricky.quotes[0]!.content.text);
    assert.equal(byId.get(q1.spokenByCharacter['@id'])!.name, 'Ana Ruiz');
    assert.deepEqual(byId.get(q1.spokenByCharacter['@id'])!.nationality, { '@type': 'Country', identifier: 'ESP' });
    const norway = graph.find((node) => node['@type'] === 'Country' && node.name === 'Norway');
    assert.equal(norway?.identifier, 'NOR');
  });
});

describe('gdelt', () => {
  test('a TSV with a header and the same number of columns on every row', async () => {
    const lines = (await exported({ format: 'gdelt' })).split('\n');
    assert.equal(lines.pop(), '');
    const header = lines[0]!.split('\t');
    assert.deepEqual([...header], [...GDELT_COLUMNS]);
    const rows = lines.slice(1).map((line) => line.split('\t'));
    assert.equal(rows.length, total('events'));
    const col = (name: string) => header.indexOf(name);
    const ids = new Set<string>();
    for (const row of rows) {
      assert.equal(row.length, header.length, row.join(' | '));
      assert.ok((PLOVER_TYPES as readonly string[]).includes(row[col('EventCode')]!));
      assert.match(row[col('QuadClass')]!, /^[1-4]$/);
      assert.match(row[col('SQLDATE')]!, /^\d{8}$/);
      assert.match(row[col('GLOBALEVENTID')]!, /^\d+$/);
      assert.match(row[col('IsRootEvent')]!, /^[01]$/);
      ids.add(row[col('GLOBALEVENTID')]!);
      assert.equal(row[col('NumArticles')], is0809(row[col('ArticleId')]!) ? '2' : '1');
    }
    assert.equal(ids.size, rows.length, 'event ids are unique');
    const e2 = rows.find((r) => r[col('ArticleId')] === tricky.article.id && r[col('EventId')] === 'e2')!;
    assert.deepEqual(
      [e2[col('SQLDATE')], e2[col('Actor1Name')], e2[col('Actor1CountryCode')], e2[col('Actor2Name')], e2[col('EventCode')], e2[col('QuadClass')], e2[col('Negated')], e2[col('Actor1AllNames')]],
      ['20260130', 'Ana Ruiz', 'ESP', '', 'AGREE', '1', '1', 'Ana Ruiz; Carl Berg'],
    );
    assert.equal(e2[col('Evidence')], 'we will sign, ""maybe"", if the text holds', 'tabs and line breaks flattened');
    const e1 = rows.find((r) => r[col('ArticleId')] === tricky.article.id && r[col('EventId')] === 'e1')!;
    assert.deepEqual([e1[col('ActionGeo_FullName')], e1[col('SOURCEURL')], e1[col('QuadClass')]], ['Oslo', tricky.article.source, '1']);
  });
});

describe('streaming', () => {
  test('records are read as they are written, in batches from the store', async () => {
    let pulled = 0;
    const pulledAtWrite: number[] = [];
    const lazy = Object.assign(Object.create(store) as Store, {
      async *eachRecord() {
        for await (const item of store.eachRecord({ batchSize: 1 })) {
          pulled++;
          yield item;
        }
      },
    });
    await exportStore(lazy, { format: 'jsonl' }, async (chunk) => {
      pulledAtWrite.push(pulled);
      await new Promise((resolve) => setImmediate(resolve));
      assert.ok(chunk.length > 0);
    });
    assert.deepEqual(pulledAtWrite, [1, 2, 3, 4], 'each record is written before the next is read');
    const ids: string[] = [];
    for await (const { record } of store.eachRecord({ batchSize: 3 })) ids.push(record.article.id);
    assert.deepEqual(ids, records.map((r) => r.article.id));
  });
});

describe('parley export', () => {
  const parley = (args: string[]) => {
    const run = spawnSync(process.execPath, [cliPath, ...args], { encoding: 'utf8', timeout: 60_000 });
    return { code: run.status, stdout: run.stdout, stderr: run.stderr };
  };

  test('csv without --kind writes one file per kind into --out', () => {
    const dir = join(scratch, 'tables');
    const run = parley(['export', '--db', dbPath, '--format', 'csv', '--out', dir]);
    assert.equal(run.code, 0, run.stderr);
    assert.deepEqual(readdirSync(dir).sort(), ['events.csv', 'quotes.csv', 'stances.csv']);
    assert.equal(parseCsv(readFileSync(join(dir, 'quotes.csv'), 'utf8')).length - 1, total('quotes'));
    assert.match(run.stderr, new RegExp(`exported ${total('events')} events from 4 article\\(s\\) to .*events\\.csv`));
  });

  test('usage errors', () => {
    const run = parley(['export', '--db', dbPath, '--format', 'gdelt', '--kind', 'quotes']);
    assert.equal(run.code, 2);
    assert.match(run.stderr, /--kind does not apply/);
    assert.equal(basename(cliPath), 'parley.js');
  });
});
