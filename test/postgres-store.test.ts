// What only the PostgreSQL store has: several processes writing at once, the beforeCommit hook for workers,
// migrations under an advisory lock, the generated schema, and the trigram index behind name lookups.
import assert from 'node:assert/strict';
import { basename } from 'node:path';
import { after, before, describe, test } from 'node:test';
import pg from 'pg';
import type { Extraction } from '../src/contract.js';
import { articleFromText, readInputs } from '../src/ingest/index.js';
import { PostgresStore, openPostgresStore, openStore, type Store } from '../src/kb/index.js';
import { POSTGRES_MIGRATIONS } from '../src/kb/postgres-migrations.js';
import { SCHEMA_VERSION, tablesAt } from '../src/kb/schema.js';
import { processArticle } from '../src/pipeline.js';
import { emptyPostgresDatabase, postgres } from './backends.js';
import { examplesDir } from './helpers.js';
import { fixtureRecord, followUpRecord } from './server-fixtures.js';

const records = new Map<string, Extraction>(); // the demo corpus by file number: "08"

before(async () => {
  if (postgres.skip) return;
  for await (const item of readInputs([examplesDir])) {
    assert.ok(item.ok, item.ok ? '' : item.error);
    records.set(basename(item.article.source).slice(0, 2), processArticle(item.article).record);
  }
});

describe('PostgreSQL store', { skip: postgres.skip }, () => {
  const open: Store[] = [];
  after(async () => {
    for (const store of open) await store.close();
  });
  async function opened(location: string): Promise<PostgresStore> {
    const store = await openPostgresStore(location);
    open.push(store);
    return store;
  }

  test('two stores putting the same articles at once store each exactly once, grouped as one at a time would', async () => {
    const location = await postgres.fresh();
    const [first, second] = [await opened(location), await opened(location)];
    const all = [...records.values()];
    // Both at once, each with several puts in flight (the pool has several connections).
    const results = await Promise.all([...all.map((r) => first.put(r)), ...all.reverse().map((r) => second.put(r))]);
    const storedCount = new Map<string, number>();
    for (const result of results) storedCount.set(result.articleId, (storedCount.get(result.articleId) ?? 0) + (result.stored ? 1 : 0));
    assert.equal(storedCount.size, records.size);
    for (const [id, count] of storedCount) assert.equal(count, 1, id);

    const sequential = await opened(await postgres.fresh());
    for (const record of records.values()) await sequential.put(record);
    assert.deepEqual(await first.stats(), await sequential.stats());
    assert.deepEqual(await first.storyStats(), await sequential.storyStats());
    assert.deepEqual(await second.listActors({ limit: 200 }), await sequential.listActors({ limit: 200 }));
    assert.deepEqual(await second.stanceMatrix(), await sequential.stanceMatrix());
    const rewrite = records.get('09')!.article.id;
    assert.deepEqual((await first.duplicates(rewrite)).map((d) => d.articleId), [records.get('08')!.article.id]);
    const rows = await postgres.query<{ n: number }>(location, 'SELECT count(*)::int AS n FROM articles');
    assert.equal(rows[0]!.n, records.size);
  });

  test('a bare surname and its full name stored at once by two stores still merge, whichever commits first', async () => {
    const location = await postgres.fresh();
    const [first, second] = [await opened(location), await opened(location)];
    const people = [['Maren', 'Solberg'], ['Pekka', 'Virtanen'], ['Agnes', 'Lindqvist'], ['Tomas', 'Kral'], ['Elif', 'Demir'], ['Jonas', 'Petraitis']];
    const article = (text: string) => processArticle(articleFromText(text, { published: '2026-04-01', outlet: 'Test Wire' })).record;
    await Promise.all(people.flatMap(([given, surname], i) => {
      const full = article(`Foreign Minister ${given} ${surname} met her counterpart in Geneva on Monday.\n\n"We came to listen," ${surname} said.`);
      const bare = article(`${surname} said on Friday that a new plan would be presented next week.`);
      // Half the pairs put the bare surname first, half the full name; both run at once on two connections.
      return i % 2 === 0 ? [first.put(bare), second.put(full)] : [first.put(full), second.put(bare)];
    }));
    const names = (await first.actors({ limit: 100 })).map((actor) => actor.name);
    for (const [given, surname] of people) {
      assert.deepEqual(names.filter((name) => name.includes(surname!)), [`${given} ${surname}`], JSON.stringify(names));
      assert.equal((await second.actor(`${given} ${surname}`))?.articleCount, 2, surname);
    }
  });

  test('beforeCommit runs in the put transaction, also for an article already stored', async () => {
    const location = await postgres.fresh();
    await postgres.query(location, 'CREATE TABLE jobs (article_id text, stored boolean, in_transaction boolean)');
    const store = await opened(location);
    const hook = (stored: boolean) => async (db: { executeSql(text: string, values?: unknown[]): Promise<{ rows: any[] }> }) => {
      // Inside a transaction now() is when it began; a statement on its own begins its own.
      const { rows } = await db.executeSql('SELECT count(*)::int AS n FROM articles WHERE id = $1', [fixtureRecord().article.id]);
      await db.executeSql(`INSERT INTO jobs VALUES ($1, $2, now() <> statement_timestamp())`,
        [fixtureRecord().article.id, stored && rows[0].n === 1]);
    };
    assert.deepEqual(await store.put(fixtureRecord(), { beforeCommit: hook(true) }), { stored: true, articleId: fixtureRecord().article.id });
    assert.deepEqual(await store.put(fixtureRecord(), { beforeCommit: hook(false) }), { stored: false, articleId: fixtureRecord().article.id });
    const jobs = await postgres.query<{ stored: boolean; in_transaction: boolean }>(location, 'SELECT stored, in_transaction FROM jobs');
    assert.deepEqual(jobs, [{ stored: true, in_transaction: true }, { stored: false, in_transaction: true }]);
  });

  test('a failing beforeCommit rolls the whole put back', async () => {
    const location = await postgres.fresh();
    await postgres.query(location, 'CREATE TABLE jobs (article_id text)');
    const store = await opened(location);
    const failing = async (db: { executeSql(text: string, values?: unknown[]): Promise<unknown> }) => {
      await db.executeSql('INSERT INTO jobs VALUES ($1)', [followUpRecord().article.id]);
      throw new Error('queue is full');
    };
    await assert.rejects(store.put(followUpRecord(), { beforeCommit: failing }), { message: 'queue is full' });
    assert.equal(await store.hasArticle(followUpRecord().article.id), false);
    assert.deepEqual(await store.stats(), { articles: 0, actors: 0, quotes: 0, events: 0, stances: 0 });
    assert.deepEqual(await postgres.query(location, 'SELECT * FROM jobs'), []);
    // The store is usable afterwards, and the same article is stored whole.
    assert.equal((await store.put(followUpRecord())).stored, true);
    assert.deepEqual(await store.getRecord(followUpRecord().article.id), followUpRecord());
  });

  test('stores opening a fresh database at once migrate it once; a newer schema is refused', async () => {
    const location = await emptyPostgresDatabase();
    const stores = await Promise.all([openStore(location), openStore(location), openStore(location)]);
    for (const store of stores) await store.close();
    const applied = await postgres.query<{ version: number }>(location, 'SELECT version FROM schema_migrations ORDER BY version');
    assert.deepEqual(applied.map((row) => row.version), POSTGRES_MIGRATIONS.map((m) => m.version));
    await (await openStore(location)).close();
    assert.equal((await postgres.query(location, 'SELECT * FROM schema_migrations')).length, POSTGRES_MIGRATIONS.length);

    await postgres.query(location, "INSERT INTO schema_migrations (version, name, applied_at) VALUES (999, 'future', 'later')");
    await assert.rejects(openStore(location), /newer than this parley supports/);
  });

  test('the tables and columns are those of the schema definition, plus the full-text tables', async () => {
    const location = await postgres.fresh();
    const columns = await postgres.query<{ table_name: string; column_name: string; data_type: string; is_nullable: string }>(location, `
      SELECT table_name, column_name, data_type, is_nullable FROM information_schema.columns
      WHERE table_schema = current_schema() AND table_name <> 'schema_migrations' ORDER BY table_name, ordinal_position`);
    const actual = new Map<string, string[]>();
    for (const c of columns) actual.set(c.table_name, [...(actual.get(c.table_name) ?? []), c.column_name]);
    const expected = new Map(tablesAt(SCHEMA_VERSION).map((table) => [table.name, table.columns.map((c) => c.name)]));
    expected.set('article_search', ['article_id', 'entry', 'document']);
    expected.set('quote_search', ['article_id', 'quote_id', 'entry', 'document']);
    assert.deepEqual(new Map([...actual].sort()), new Map([...expected].sort()));
    const roles = columns.find((c) => c.table_name === 'actors' && c.column_name === 'roles')!;
    assert.deepEqual([roles.data_type, roles.is_nullable], ['jsonb', 'NO']);
  });

  test('name filters are served by the trigram indexes', async () => {
    const client = new pg.Client(await postgres.fresh());
    await client.connect();
    try {
      // On a small table the planner rightly reads the table; with that ruled out, the index must fit the predicate.
      await client.query('SET enable_seqscan = off');
      const plan = async (sql: string) => (await client.query(`EXPLAIN ${sql}`)).rows.map((row) => row['QUERY PLAN']).join('\n');
      assert.match(await plan(`SELECT name_key FROM actor_keys WHERE name_key LIKE '%' || 'solb' || '%'`), /actor_keys_by_name_trigrams/);
      assert.match(await plan(`SELECT DISTINCT name_key FROM actors WHERE name_key LIKE '%' || ' solberg'`), /actors_by_name_key_trigrams/);
    } finally {
      await client.end();
    }
  });
});
