// The store's read paths for the API (src/kb/queries.ts) and migration 2 that serves them: the aggregates it
// backfills from a version-1 database, the ones put() keeps, and the trigger that takes a deleted article away.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import Database from 'better-sqlite3';
import { openStore, type Store } from '../src/kb/index.js';
import { migrate, MIGRATIONS } from '../src/kb/migrations.js';
import { fixtureRecord, followUpRecord } from './server-fixtures.js';
import { BACKENDS, postgres, sqlite } from './backends.js';

let dir: string;
before(() => {
  dir = mkdtempSync(join(tmpdir(), 'parley-server-store-'));
});
after(() => rmSync(dir, { recursive: true, force: true }));

/** Everything the API reads, in one comparable value (ingestion times left out). */
async function snapshot(store: Store) {
  const articles = await store.listArticles({ limit: 100 });
  return {
    articles: articles.items.map(({ ingestedAt: _ingestedAt, ...item }) => item),
    actors: await store.listActors({ limit: 100 }),
    solberg: await store.actorDetail('Ingrid Solberg'),
    quotes: await store.quotes({ limit: 100 }),
    events: await store.events({ limit: 100 }),
    stances: await store.stances({ limit: 100 }),
    matrix: await store.stanceMatrix(),
    network: await store.network(),
  };
}

for (const backend of BACKENDS) {
  describe(`store read paths (${backend.name})`, { skip: backend.skip }, () => {
    test('actor aggregates, role history and a changed stance across two articles', async () => {
      const store = await openStore(await backend.fresh());
      try {
        await store.put(fixtureRecord());
        await store.put(followUpRecord());
        const solberg = (await store.listActors({ q: 'solberg' })).items[0]!;
        assert.deepEqual(solberg, {
          key: 'ingrid solberg', name: 'Ingrid Solberg', type: 'person', country: 'NOR',
          roles: ['Deputy Prime Minister', 'Foreign Minister'], articleCount: 2, quoteCount: 2,
        });
        const detail = (await store.actorDetail('solberg'))!;
        assert.deepEqual(detail.roles, [
          { role: 'Foreign Minister', dates: ['2024-03-05'], articleCount: 1 },
          { role: 'Deputy Prime Minister', dates: ['2024-03-12'], articleCount: 1 },
        ]);
        assert.equal(detail.eventCount, 3);
        assert.deepEqual(detail.events.map((e) => e.date), ['2024-03-12', '2024-03-07', '2024-03-05']);
        const cell = (await store.stanceMatrix({ topic: 'tariffs' })).cells[0]!;
        assert.deepEqual({ polarity: cell.polarity, latest: cell.latest, support: cell.support, oppose: cell.oppose },
          { polarity: 'support', latest: '2024-03-12', support: 1, oppose: 1 });
        assert.deepEqual(cell.evidence.map((e) => e.polarity), ['support', 'oppose']);
        // The aggregated path (no dates) and the one over the stances themselves agree.
        assert.deepEqual(await store.stanceMatrix({ from: '1900-01-01' }), await store.stanceMatrix());
        assert.deepEqual(await store.stanceMatrix({ topic: 'tariffs', to: '2030-12-31' }), await store.stanceMatrix({ topic: 'tariffs' }));
        const recent = await store.stanceMatrix({ from: '2024-03-10' });
        assert.deepEqual(recent.cells.map((c) => [c.actor, c.issue, c.polarity, c.support, c.oppose]),
          [['ingrid solberg', 'New tariffs on Nordic fish', 'support', 1, 0]]);
        // Accents and case do not split an actor.
        assert.equal((await store.listActors({ q: 'VAISANEN' })).items[0]?.name, 'Aino Väisänen');
        // Paging clamps instead of failing.
        assert.equal((await store.listArticles({ limit: 0 })).items.length, 1);
        assert.equal((await store.listArticles({ offset: 99 })).items.length, 0);
      } finally {
        await store.close();
      }
    });

    test("an actor on both sides of an event lists it once; events follow the actor's dates", async () => {
      const store = await openStore(await backend.fresh());
      try {
        const record = fixtureRecord();
        record.events[0] = { ...record.events[0]!, source: ['a1'], target: ['a1', 'a2'] };
        await store.put(record);
        await store.put(followUpRecord());
        const events = await store.events({ actor: 'ingrid solberg' });
        assert.deepEqual(events.items.map((e) => [e.articleId === record.article.id ? 'first' : 'second', e.eventId, e.date]),
          [['first', 'e1', '2024-03-05'], ['first', 'e3', '2024-03-07'], ['second', 'e1', '2024-03-12']]);
        assert.equal(events.total, 3);
        const newest = await store.events({ actor: 'ingrid solberg', order: 'desc', limit: 2 });
        assert.deepEqual(newest.items.map((e) => e.date), ['2024-03-12', '2024-03-07']);
        assert.equal(newest.hasMore, true);
        const typed = await store.events({ actor: 'ingrid solberg', type: 'CONSULT', from: '2024-03-06' });
        assert.deepEqual(typed.items.map((e) => e.date), ['2024-03-12']);
        assert.equal(typed.total, 1);
      } finally {
        await store.close();
      }
    });

    test('an unknown actor filter finds nothing rather than everything', async () => {
      const store = await openStore(await backend.fresh());
      try {
        await store.put(fixtureRecord());
        assert.equal((await store.events({ actor: 'nobody at all' })).items.length, 0);
        assert.equal((await store.quotes({ actor: 'nobody at all' })).items.length, 0);
        assert.equal((await store.stances({ actor: 'nobody at all' })).items.length, 0);
        assert.equal(await store.actorDetail('nobody at all'), null);
      } finally {
        await store.close();
      }
    });
  });
}

describe('SQLite and PostgreSQL', { skip: postgres.skip }, () => {
  test('give the same answers to every read path', async () => {
    const snapshots = [];
    for (const backend of [sqlite, postgres]) {
      const store = await openStore(await backend.fresh());
      try {
        await store.put(fixtureRecord());
        await store.put(followUpRecord());
        const record = fixtureRecord();
        record.events[0] = { ...record.events[0]!, source: ['a1'], target: ['a1', 'a2'] };
        record.article = { ...record.article, id: 'f'.repeat(64), published: null };
        await store.put(record);
        snapshots.push({
          ...await snapshot(store),
          events: await store.events({ actor: 'Solberg', order: 'desc' }),
          quotes: await store.quotes({ actor: 'ekdahl', limit: 1, offset: 1 }),
          stances: await store.stances({ topic: 'TARIFFS', from: '2024-03-01' }),
          filtered: await store.listActors({ q: 'sol', limit: 1 }),
          network: await store.network({ maxNodes: 3 }),
          stories: await store.stories(),
          storyStats: await store.storyStats(),
          record: await store.getRecord(fixtureRecord().article.id),
          profile: await store.actor('Solberg'),
          actors: await store.actors(),
          stats: await store.stats(),
          search: (await store.search('tariffs', { kind: 'quote' })).map(({ score: _score, ...hit }) => hit),
        });
      } finally {
        await store.close();
      }
    }
    assert.deepEqual(snapshots[1], snapshots[0]);
  });
});

describe('migration 2', () => {
  test('backfills a version-1 database to the same answers as a fresh store', async () => {
    const freshPath = join(dir, 'fresh.db');
    const fresh = await openStore(freshPath);
    await fresh.put(fixtureRecord());
    await fresh.put(followUpRecord());
    const expected = await snapshot(fresh);
    await fresh.close();

    // A database as parley 0.1 left it: schema version 1, the same rows (only the version-1 columns).
    const oldPath = join(dir, 'old.db');
    const db = new Database(oldPath);
    migrate(db, MIGRATIONS.filter((m) => m.version === 1));
    db.exec(`ATTACH DATABASE '${freshPath}' AS fresh`);
    const v1Columns: Record<string, string> = {
      articles: 'id, source, title, published, outlet, url, byline, language, text, ingested_at',
      actors: 'article_id, local_id, seq, name, name_key, type, country, roles',
      mentions: 'article_id, actor_id, seq, span_start, span_end, span_text, text_key',
      quotes: 'article_id, local_id, seq, kind, content_start, content_end, content_text, speaker_id, speaker_mention_start, speaker_mention_end, speaker_mention_text, cue_start, cue_end, cue_text',
      events: 'article_id, local_id, seq, type, mode, location, date, negated, modality, evidence_start, evidence_end, evidence_text',
      event_participants: 'article_id, event_id, role, seq, actor_id',
      stances: 'article_id, local_id, seq, holder_id, issue, polarity, evidence_start, evidence_end, evidence_text, quote_id',
      search_index: 'title, body, speaker, kind, article_id, quote_id',
    };
    for (const [table, columns] of Object.entries(v1Columns)) {
      db.exec(`INSERT INTO main.${table} (${columns}) SELECT ${columns} FROM fresh.${table}`);
    }
    db.exec('DETACH DATABASE fresh');
    db.close();

    const migrated = await openStore(oldPath);
    try {
      assert.deepEqual(await snapshot(migrated), expected);
    } finally {
      await migrated.close();
    }
  });

});

for (const backend of BACKENDS) {
  describe(`deleting an article (${backend.name})`, { skip: backend.skip }, () => {
    test('takes it out of the actor aggregates', async () => {
      const location = await backend.fresh();
      const both = await openStore(location);
      await both.put(fixtureRecord());
      await both.put(followUpRecord());
      await both.close();
      await backend.query(location, `DELETE FROM articles WHERE id = ${backend.param(1)}`, [followUpRecord().article.id]);

      const onlyFirst = await openStore(await backend.fresh());
      await onlyFirst.put(fixtureRecord());
      const afterDelete = await openStore(location);
      try {
        assert.deepEqual(await afterDelete.listActors({ limit: 100 }), await onlyFirst.listActors({ limit: 100 }));
        assert.deepEqual(await afterDelete.stanceMatrix(), await onlyFirst.stanceMatrix());
        assert.equal((await afterDelete.listActors({ q: 'vaisanen' })).total, 0);
      } finally {
        await afterDelete.close();
        await onlyFirst.close();
      }
    });
  });
}
