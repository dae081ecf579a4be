import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import Database from 'better-sqlite3';
import { SCHEMA_ID, spanErrors, type Extraction, type Span } from '../src/contract.js';
import { defaultStoreLocation, openStore, type Store } from '../src/kb/index.js';
import { BACKENDS, type Backend } from './backends.js';

// ---- hand-written fictional records ---------------------------------------------------------------------------

/** The span of the nth occurrence of needle in text. */
function spanOf(text: string, needle: string, occurrence = 1): Span {
  let start = -1;
  for (let seen = 0; seen < occurrence; seen++) {
    start = text.indexOf(needle, start + 1);
    if (start < 0) throw new Error(`"${needle}" #${occurrence} not in text`);
  }
  return { start, end: start + needle.length, text: needle };
}

function articleFields(text: string, fields: { title: string; published: string | null; source: string }) {
  return {
    id: createHash('sha256').update(text).digest('hex'),
    source: fields.source,
    title: fields.title,
    published: fields.published,
    outlet: 'The Nordic Ledger',
    url: null,
    byline: 'Mette Lund',
    language: 'en',
    text,
  };
}

function osloTalks(): Extraction {
  const text =
    'Norwegian Foreign Minister Ingrid Solberg met her Swedish counterpart Lars Ekdahl in Oslo on Tuesday. ' +
    '"We will not accept new tariffs on Nordic fish," Solberg told reporters after the meeting. ' +
    'Ekdahl said Stockholm was ready to consider a joint response. ' +
    'The Nordic Fisheries Council accused the European Commission of ignoring coastal communities. ' +
    'The Commission did not respond.';
  const quoteContent = spanOf(text, 'We will not accept new tariffs on Nordic fish,');
  const jointResponse = spanOf(text, 'Stockholm was ready to consider a joint response');
  return {
    schema: SCHEMA_ID,
    article: articleFields(text, {
      title: 'Solberg rejects tariff plan at Oslo talks', published: '2024-03-05', source: 'fixtures/oslo-talks.txt',
    }),
    actors: [
      {
        id: 'a1', name: 'Ingrid Solberg', type: 'person', roles: ['Foreign Minister'], country: 'NOR',
        mentions: [spanOf(text, 'Ingrid Solberg'), spanOf(text, 'Solberg', 2)],
      },
      {
        id: 'a2', name: 'Lars Ekdahl', type: 'person', roles: ['Foreign Minister'], country: 'SWE',
        mentions: [spanOf(text, 'her Swedish counterpart'), spanOf(text, 'Lars Ekdahl'), spanOf(text, 'Ekdahl', 2)],
      },
      {
        id: 'a3', name: 'Nordic Fisheries Council', type: 'organization', roles: [], country: null,
        mentions: [spanOf(text, 'The Nordic Fisheries Council')],
      },
      {
        id: 'a4', name: 'European Commission', type: 'organization', roles: [], country: null,
        mentions: [spanOf(text, 'European Commission'), spanOf(text, 'The Commission')],
      },
      { id: 'a5', name: 'Oslo', type: 'location', roles: [], country: 'NOR', mentions: [spanOf(text, 'Oslo')] },
    ],
    quotes: [
      {
        id: 'q1', kind: 'direct', content: quoteContent, speaker: 'a1',
        speakerMention: spanOf(text, 'Solberg', 2), cue: spanOf(text, 'told'),
      },
      {
        id: 'q2', kind: 'indirect', content: jointResponse, speaker: 'a2',
        speakerMention: spanOf(text, 'Ekdahl', 2), cue: spanOf(text, 'said'),
      },
    ],
    events: [
      {
        id: 'e1', type: 'CONSULT', mode: 'meeting', source: ['a1'], target: ['a2'], location: 'Oslo', date: '2024-03-05',
        negated: false, modality: 'asserted',
        evidence: spanOf(text, 'Ingrid Solberg met her Swedish counterpart Lars Ekdahl in Oslo'),
      },
      {
        id: 'e2', type: 'ACCUSE', mode: null, source: ['a3'], target: ['a4'], location: null, date: null,
        negated: false, modality: 'asserted',
        evidence: spanOf(text, 'The Nordic Fisheries Council accused the European Commission'),
      },
    ],
    stances: [
      { id: 's1', holder: 'a1', issue: 'New tariffs on Nordic fish', polarity: 'oppose', evidence: quoteContent, quote: 'q1' },
      { id: 's2', holder: 'a2', issue: 'Joint Nordic response', polarity: 'support', evidence: jointResponse, quote: 'q2' },
    ],
  };
}

function fisheriesFund(): Extraction {
  const text =
    'Ingrid Solberg, Norway\'s foreign minister and deputy party leader, said on Friday that the fisheries fund ' +
    '"deserves full support from every coastal state". Finland\'s trade minister Aino Väisänen warned that ' +
    'far-right parties could exploit the tariff dispute.';
  const fundSupport = spanOf(text, 'deserves full support from every coastal state');
  return {
    schema: SCHEMA_ID,
    article: articleFields(text, {
      title: 'Nordic ministers back fisheries fund', published: '2024-03-08', source: 'https://example.org/fund',
    }),
    actors: [
      {
        id: 'a1', name: 'Ingrid Solberg', type: 'person', roles: ['Foreign Minister', 'Deputy Party Leader'],
        country: 'NOR', mentions: [spanOf(text, 'Ingrid Solberg')],
      },
      {
        id: 'a2', name: 'Aino Väisänen', type: 'person', roles: ['Trade Minister'], country: 'FIN',
        mentions: [spanOf(text, 'Aino Väisänen')],
      },
      { id: 'a3', name: 'Norway', type: 'country', roles: [], country: 'NOR', mentions: [spanOf(text, 'Norway')] },
    ],
    quotes: [
      { id: 'q1', kind: 'mixed', content: fundSupport, speaker: 'a1', speakerMention: null, cue: spanOf(text, 'said') },
      {
        id: 'q2', kind: 'indirect', content: spanOf(text, 'far-right parties could exploit the tariff dispute'),
        speaker: 'a2', speakerMention: spanOf(text, 'Aino Väisänen'), cue: spanOf(text, 'warned'),
      },
    ],
    events: [
      {
        id: 'e1', type: 'SUPPORT', mode: null, source: ['a1'], target: [], location: null, date: null, negated: false,
        modality: 'asserted', evidence: spanOf(text, 'the fisheries fund "deserves full support'),
      },
    ],
    stances: [
      { id: 's1', holder: 'a1', issue: 'Fisheries fund', polarity: 'support', evidence: fundSupport, quote: 'q1' },
    ],
  };
}

/** A third article with another Solberg, so that the surname alone is ambiguous. */
function ernaSolberg(): Extraction {
  const text = 'Erna Solberg, a former prime minister, opened the harbour festival. Solberg praised the volunteers.';
  return {
    schema: SCHEMA_ID,
    article: articleFields(text, { title: 'Harbour festival opens', published: null, source: 'fixtures/festival.txt' }),
    actors: [
      {
        id: 'a1', name: 'Erna Solberg', type: 'person', roles: ['Former Prime Minister'], country: 'NOR',
        mentions: [spanOf(text, 'Erna Solberg'), spanOf(text, 'Solberg', 2)],
      },
    ],
    quotes: [],
    events: [],
    stances: [],
  };
}

// ---- helpers ----------------------------------------------------------------------------------------------------

const tempDirs: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'parley-store-'));
  tempDirs.push(dir);
  return dir;
}
after(() => {
  for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
});

// The tables a put writes to, full-text index included, per backend.
const TABLES = ['articles', 'actors', 'mentions', 'quotes', 'events', 'event_participants', 'stances'];
const SEARCH_TABLES = { sqlite: ['search_index', 'quote_search'], postgres: ['article_search', 'quote_search'] };

async function rowCounts(backend: Backend, location: string): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of [...TABLES, ...SEARCH_TABLES[backend.name]]) {
    const [row] = await backend.query<{ n: number | string }>(location, `SELECT count(*) AS n FROM ${table}`);
    counts[table] = Number(row!.n);
  }
  return counts;
}

// ---- tests --------------------------------------------------------------------------------------------------------

describe('fixtures', () => {
  test('every span equals its slice of the text', () => {
    for (const record of [osloTalks(), fisheriesFund(), ernaSolberg()]) assert.deepEqual(spanErrors(record), []);
  });
});

// Every test in this loop runs against each backend, on a store of its own.
for (const backend of BACKENDS) {
  describe(backend.name, { skip: backend.skip }, () => {
    const fresh = async () => openStore(await backend.fresh());
    async function storeWith(...records: Extraction[]): Promise<Store> {
      const store = await fresh();
      for (const record of records) await store.put(record);
      return store;
    }

    describe('put and getRecord', () => {
      test('round-trips a record exactly', async () => {
        const store = await fresh();
        const record = osloTalks();
        assert.deepEqual(await store.put(record), { stored: true, articleId: record.article.id });
        assert.equal(await store.hasArticle(record.article.id), true);
        assert.deepEqual(await store.getRecord(record.article.id), record);
        assert.equal(await store.getRecord('0'.repeat(64)), null);
        assert.equal(await store.hasArticle('0'.repeat(64)), false);
        await store.close();
      });

      test('is idempotent by article id', async () => {
        const location = await backend.fresh();
        const store = await openStore(location);
        await store.put(osloTalks());
        const countsBefore = await rowCounts(backend, location);
        const statsBefore = await store.stats();
        const again = await store.put(osloTalks());
        assert.deepEqual(again, { stored: false, articleId: osloTalks().article.id });
        assert.deepEqual(await rowCounts(backend, location), countsBefore);
        assert.deepEqual(await store.stats(), statsBefore);
        assert.deepEqual(statsBefore, { articles: 1, actors: 5, quotes: 2, events: 2, stances: 2 });
        await store.close();
      });

      test('a failure in the middle of put leaves nothing of the article behind', async () => {
        const store = await fresh();
        const danglingSpeaker = osloTalks();
        danglingSpeaker.quotes[1] = { ...danglingSpeaker.quotes[1]!, speaker: 'a99' };
        await assert.rejects(store.put(danglingSpeaker), /FOREIGN KEY/);

        const duplicateIds = osloTalks();
        duplicateIds.events[1] = { ...duplicateIds.events[1]!, id: 'e1' };
        await assert.rejects(store.put(duplicateIds), /UNIQUE/);

        const danglingParticipant = osloTalks();
        danglingParticipant.events[0] = { ...danglingParticipant.events[0]!, target: ['a2', 'a42'] };
        await assert.rejects(store.put(danglingParticipant), /FOREIGN KEY/);

        assert.equal(await store.hasArticle(osloTalks().article.id), false);
        assert.deepEqual(await store.stats(), { articles: 0, actors: 0, quotes: 0, events: 0, stances: 0 });
        assert.deepEqual(await store.search('tariffs'), []);

        // The store is still usable, and the same article can now be stored whole.
        assert.equal((await store.put(osloTalks())).stored, true);
        assert.deepEqual(await store.getRecord(osloTalks().article.id), osloTalks());
        await store.close();
      });

      test('rejects records that break the contract before writing', async () => {
        const store = await fresh();
        const badSpan = osloTalks();
        badSpan.events[0] = { ...badSpan.events[0]!, evidence: { start: 0, end: 5, text: 'Oslo!' } };
        await assert.rejects(store.put(badSpan), /span/);
        const badCountry = osloTalks();
        badCountry.actors[0] = { ...badCountry.actors[0]!, country: 'Norway' };
        await assert.rejects(store.put(badCountry), /invalid extraction record/);
        assert.equal((await store.stats()).articles, 0);
        await store.close();
      });
    });

    describe('articles', () => {
      test('lists summaries newest first with counts', async () => {
        const store = await storeWith(ernaSolberg(), osloTalks(), fisheriesFund());
        const list = await store.articles();
        assert.deepEqual(list.map((a) => a.title), [
          'Nordic ministers back fisheries fund', 'Solberg rejects tariff plan at Oslo talks', 'Harbour festival opens',
        ]);
        const oslo = list[1]!;
        assert.equal(oslo.id, osloTalks().article.id);
        assert.equal(oslo.source, 'fixtures/oslo-talks.txt');
        assert.equal(oslo.outlet, 'The Nordic Ledger');
        assert.equal(oslo.published, '2024-03-05');
        assert.match(oslo.ingestedAt, /^\d{4}-\d{2}-\d{2}T/);
        assert.deepEqual(oslo.counts, { actors: 5, quotes: 2, events: 2, stances: 2 });
        assert.deepEqual((await store.articles({ limit: 1, offset: 1 })).map((a) => a.id), [oslo.id]);
        await store.close();
      });
    });

    describe('search', () => {
      test('ranks by bm25 and marks matches in snippets', async () => {
        const store = await storeWith(osloTalks(), fisheriesFund());
        const articleHits = await store.search('tariff', { kind: 'article' });
        assert.deepEqual(articleHits.map((h) => h.articleId), [osloTalks().article.id, fisheriesFund().article.id]);
        assert.ok(articleHits[0]!.score <= articleHits[1]!.score);
        assert.match(articleHits[0]!.snippet, /\[tariff/i);
        assert.equal(articleHits[0]!.articleTitle, 'Solberg rejects tariff plan at Oslo talks');
        assert.equal(articleHits[0]!.quoteId, null);
        assert.equal(articleHits[0]!.speaker, null);

        const quoteHits = await store.search('tariffs', { kind: 'quote' });
        assert.equal(quoteHits.length, 2);
        for (const hit of quoteHits) assert.equal(hit.kind, 'quote');
        const solbergQuote = quoteHits.find((h) => h.articleId === osloTalks().article.id)!;
        assert.equal(solbergQuote.speaker, 'Ingrid Solberg');
        assert.equal(solbergQuote.quoteId, 'q1');
        assert.equal(solbergQuote.snippet, 'We will not accept new [tariffs] on Nordic fish,');

        const all = await store.search('tariffs');
        assert.deepEqual(new Set(all.map((h) => h.kind)), new Set(['quote', 'article']));
        assert.equal(all.length, 4);
        assert.equal((await store.search('tariffs', { limit: 1 })).length, 1);
        await store.close();
      });

      test('finds quotes by speaker name, ignores accents, supports prefixes and phrases', async () => {
        const store = await storeWith(osloTalks(), fisheriesFund());
        const bySpeaker = await store.search('Ekdahl', { kind: 'quote' });
        assert.deepEqual(bySpeaker.map((h) => [h.quoteId, h.speaker]), [['q2', 'Lars Ekdahl']]);
        assert.equal((await store.search('Vaisanen', { kind: 'article' })).length, 1);
        assert.equal((await store.search('fisher*', { kind: 'article' })).length, 2);
        assert.equal((await store.search('far-right', { kind: 'quote' }))[0]?.speaker, 'Aino Väisänen');
        assert.equal((await store.search('"coastal state"')).length, 2);
        assert.equal((await store.search('"state coastal"')).length, 0);
        await store.close();
      });

      test('never raises a syntax error on free text', async () => {
        const store = await storeWith(osloTalks(), fisheriesFund());
        const weird = [
          '', '   ', '"', '"unbalanced phrase', 'far-right', 'title: tariffs', 'body:fund', '(tariffs', 'tariffs)',
          'NOT', 'a AND OR NOT b', 'NEAR(fish tariffs)', '***', '*tariffs', 'tar*iffs', '-', '- tariffs', '^fish',
          "O'Brien's", 'fish + chips', '{title body}: fund', 'col:"x', '\\', '%_%', "'; DROP TABLE articles; --",
          'Väisänen', '🐟 fish', 'tariffs"*', '""', 'a"b"c',
        ];
        for (const query of weird) {
          const hits = await store.search(query);
          assert.ok(Array.isArray(hits), query);
        }
        assert.deepEqual(await store.search(''), []);
        assert.deepEqual(await store.search('***'), []);
        assert.equal((await store.search('title: tariffs')).length, 0, 'column filter syntax is taken literally');
        assert.ok((await store.search('(tariffs')).length > 0);
        assert.ok((await store.search("'; DROP TABLE articles; --")).length >= 0);
        assert.equal((await store.stats()).articles, 2);
        await store.close();
      });
    });

    describe('actors', () => {
      test('groups the same actor across articles by name key', async () => {
        const store = await storeWith(osloTalks(), fisheriesFund());
        const actors = await store.actors();
        const solberg = actors[0]!;
        assert.deepEqual(solberg, {
          key: 'ingrid solberg', name: 'Ingrid Solberg', type: 'person', country: 'NOR',
          roles: ['Foreign Minister', 'Deputy Party Leader'], articleCount: 2, quoteCount: 2,
        });
        assert.equal(actors.filter((a) => a.key === 'ingrid solberg').length, 1);
        assert.equal(actors.length, 7);
        for (const other of actors.slice(1)) assert.equal(other.articleCount, 1);
        assert.equal(actors.find((a) => a.name === 'Aino Väisänen')?.key, 'aino vaisanen');
        assert.equal((await store.actors({ limit: 2 })).length, 2);
        assert.equal((await store.stats()).actors, 7);
        await store.close();
      });

      test('looks an actor up by full name, surname or mention, and builds a profile', async () => {
        const store = await storeWith(osloTalks(), fisheriesFund());
        const profile = await store.actor('Solberg');
        assert.ok(profile);
        assert.equal(profile.name, 'Ingrid Solberg');
        assert.equal(profile.type, 'person');
        assert.equal(profile.country, 'NOR');
        assert.equal(profile.articleCount, 2);
        assert.deepEqual(profile.roles.map((r) => [r.role, r.dates]), [
          ['Foreign Minister', ['2024-03-05', '2024-03-08']],
          ['Deputy Party Leader', ['2024-03-08']],
        ]);
        assert.deepEqual(profile.quotes.map((q) => [q.content, q.kind, q.published]), [
          ['deserves full support from every coastal state', 'mixed', '2024-03-08'],
          ['We will not accept new tariffs on Nordic fish,', 'direct', '2024-03-05'],
        ]);
        assert.equal(profile.quotes[1]!.articleTitle, 'Solberg rejects tariff plan at Oslo talks');
        assert.deepEqual(profile.stances.map((s) => [s.issue, s.polarity]), [
          ['Fisheries fund', 'support'], ['New tariffs on Nordic fish', 'oppose'],
        ]);
        assert.equal(profile.stances[1]!.evidence, 'We will not accept new tariffs on Nordic fish,');
        assert.deepEqual(profile.events.map((e) => [e.type, e.sides, e.sources, e.targets]), [
          ['SUPPORT', ['source'], ['Ingrid Solberg'], []],
          ['CONSULT', ['source'], ['Ingrid Solberg'], ['Lars Ekdahl']],
        ]);
        assert.equal(profile.events[1]!.location, 'Oslo');

        assert.equal((await store.actor('INGRID SÓLBERG'))?.key, 'ingrid solberg');
        assert.equal((await store.actor('ekdahl'))?.events[0]?.sides[0], 'target');
        assert.equal((await store.actor('Commission'))?.name, 'European Commission');
        assert.equal((await store.actor('the Commission'))?.name, 'European Commission', 'by mention text');
        assert.equal(await store.actor('Nobody Inparticular'), null);
        assert.equal(await store.actor('  '), null);
        await store.close();
      });

      test('an ambiguous surname finds nobody, the full name still works', async () => {
        const store = await storeWith(osloTalks(), fisheriesFund(), ernaSolberg());
        assert.equal(await store.actor('Solberg'), null);
        assert.equal((await store.actor('Erna Solberg'))?.roles[0]?.role, 'Former Prime Minister');
        assert.deepEqual((await store.actor('Erna Solberg'))?.roles[0]?.dates, []);
        await store.close();
      });
    });
  });
}

describe('opening a SQLite file', () => {
  test('a file-backed store keeps its data across instances and migrates once', async () => {
    const path = join(tempDir(), 'nested', 'dir', 'parley.db');
    const first = await openStore(path);
    await first.put(osloTalks());
    await first.close();
    const firstLook = new Database(path, { readonly: true });
    const migrationsBefore = firstLook.prepare('SELECT * FROM schema_migrations').all();
    firstLook.close();
    assert.ok(migrationsBefore.length >= 1);

    const second = await openStore(path);
    assert.equal(await second.hasArticle(osloTalks().article.id), true);
    assert.deepEqual(await second.getRecord(osloTalks().article.id), osloTalks());
    assert.equal((await second.put(osloTalks())).stored, false);
    await second.put(fisheriesFund());
    assert.equal((await second.actors())[0]?.articleCount, 2);
    await second.close();

    const db = new Database(path, { readonly: true });
    assert.deepEqual(db.prepare('SELECT * FROM schema_migrations').all(), migrationsBefore);
    assert.equal(db.pragma('journal_mode', { simple: true }), 'wal');
    db.close();
  });

  test('refuses a database migrated by a newer parley', async () => {
    const path = join(tempDir(), 'future.db');
    await (await openStore(path)).close();
    const db = new Database(path);
    db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (999, ?, ?)').run('future', 'later');
    db.close();
    await assert.rejects(openStore(path), /newer than this parley supports/);
  });

  test('default location, environment override and postgres URLs', async () => {
    const saved = process.env.PARLEY_DB;
    try {
      delete process.env.PARLEY_DB;
      assert.match(defaultStoreLocation(), /[/\\]\.parley[/\\]parley\.db$/);
      const path = join(tempDir(), 'from-env', 'parley.db');
      process.env.PARLEY_DB = path;
      assert.equal(defaultStoreLocation(), path);
      const store = await openStore();
      await store.close();
      assert.equal(existsSync(path), true);
    } finally {
      if (saved === undefined) delete process.env.PARLEY_DB;
      else process.env.PARLEY_DB = saved;
    }
  });

  test('a postgres:// URL opens PostgreSQL; an unreachable server is one clear line', async () => {
    await assert.rejects(openStore('postgres://postgres:secret@127.0.0.1:1/parley'),
      { message: 'cannot connect to PostgreSQL at 127.0.0.1:1: connection refused' });
    await assert.rejects(openStore('postgresql://127.0.0.1:1/parley'), /^Error: cannot connect to PostgreSQL at 127\.0\.0\.1:1/);
  });
});
