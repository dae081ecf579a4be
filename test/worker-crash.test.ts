// Workers killed with SIGKILL at random moments during a 2,000-article queued ingest: afterwards every article is
// stored exactly once with the complete extraction a clean run gives, and every job is done. Real PostgreSQL, real
// `parley worker` processes; the kills land anywhere (loading models, mid-extraction, inside the store's
// transaction, between commit and the next fetch).
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { after, test } from 'node:test';
import pg from 'pg';
import { variantArticles } from '../bench/articles.js';
import { openStore } from '../src/kb/index.js';
import { processArticle } from '../src/pipeline.js';
import { openEnqueuer, QUEUE, type QueueSettings } from '../src/worker/index.js';
import { emptyPostgresDatabase, postgres } from './backends.js';
import { cliPath } from './helpers.js';

const ARTICLES = 2000;
const WORKERS = 3;
const KILLS = 12;
// Short expiry and frequent checks so that a killed worker's job comes back within seconds, and enough retries
// that a job hit by several kills still finishes.
const SETTINGS: QueueSettings = { expireInSeconds: 8, retryLimit: 25, retryDelay: 0, maintenanceIntervalSeconds: 1 };
const ENV = {
  PARLEY_QUEUE_EXPIRE_SECONDS: String(SETTINGS.expireInSeconds),
  PARLEY_QUEUE_RETRY_LIMIT: String(SETTINGS.retryLimit),
  PARLEY_QUEUE_RETRY_DELAY: String(SETTINGS.retryDelay),
  PARLEY_QUEUE_CHECK_SECONDS: String(SETTINGS.maintenanceIntervalSeconds),
};

const live = new Set<ChildProcess>();
after(() => {
  for (const child of live) child.kill('SIGKILL');
});

function startWorker(url: string, exits: Array<Promise<number | null>>): ChildProcess {
  const child = spawn(process.execPath, [cliPath, 'worker', '--db', url, '--until-empty', '--quiet'], {
    stdio: ['ignore', 'ignore', 'pipe'],
    env: { ...process.env, ...ENV },
  });
  let stderr = '';
  child.stderr!.on('data', (chunk) => (stderr += chunk));
  live.add(child);
  exits.push(new Promise((resolve) => child.on('exit', (code, signal) => {
    live.delete(child);
    if (code !== 0 && signal !== 'SIGKILL') process.stderr.write(`# worker exited ${code ?? signal}: ${stderr.trim().slice(0, 300)}\n`);
    resolve(signal === 'SIGKILL' ? null : code);
  })));
  return child;
}

test(`${ARTICLES} queued articles, ${WORKERS} workers, ${KILLS} SIGKILLs at random: each article stored once, complete`, {
  skip: postgres.skip, timeout: 600_000,
}, async () => {
  const url = await emptyPostgresDatabase();
  const articles = variantArticles(ARTICLES);
  const enqueuer = await openEnqueuer(url, SETTINGS);
  for (const article of articles) assert.equal(await enqueuer.enqueue(article), 'queued');
  await enqueuer.close();

  const exits: Array<Promise<number | null>> = [];
  for (let i = 0; i < WORKERS; i++) startWorker(url, exits);
  // A seeded generator, so a failing run can be replayed.
  let seed = Number(process.env.PARLEY_CRASH_SEED ?? Date.now() % 100_000);
  process.stderr.write(`# crash test seed ${seed} (PARLEY_CRASH_SEED replays it)\n`);
  const random = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
  let kills = 0;
  while (kills < KILLS && live.size > 0) {
    await new Promise((resolve) => setTimeout(resolve, 300 + random() * 2500));
    const victims = [...live];
    if (victims.length === 0) break;
    victims[Math.floor(random() * victims.length)]!.kill('SIGKILL');
    kills++;
    startWorker(url, exits);
  }
  // The survivors and replacements drain the queue, waiting out the killed workers' expired jobs.
  const codes = await Promise.all(exits);
  assert.ok(kills >= KILLS / 2, `only ${kills} kills landed before the queue was drained`);
  assert.ok(codes.filter((code) => code !== null).every((code) => code === 0), `worker exit codes ${codes.join(',')}`);

  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const stored = (await client.query('SELECT id FROM articles')).rows.map((row) => row.id as string);
    assert.equal(stored.length, ARTICLES, 'as many stored articles as queued');
    assert.deepEqual(new Set(stored), new Set(articles.map((a) => a.id)), 'exactly the queued articles');
    const jobs = (await client.query(
      `SELECT state::text, count(*)::int AS n FROM pgboss.job WHERE name = $1 GROUP BY state
       UNION ALL SELECT 'archived ' || state::text, count(*)::int FROM pgboss.archive WHERE name = $1 GROUP BY state`, [QUEUE],
    )).rows as Array<{ state: string; n: number }>;
    const byState = Object.fromEntries(jobs.map((row) => [row.state, row.n]));
    assert.equal((byState.completed ?? 0) + (byState['archived completed'] ?? 0), ARTICLES, JSON.stringify(byState));
    assert.equal(jobs.filter((row) => !/completed/.test(row.state)).reduce((sum, row) => sum + row.n, 0), 0, JSON.stringify(byState));
  } finally {
    await client.end();
  }

  // Complete: every stored record is exactly what a clean, uninterrupted extraction of its article gives.
  const store = await openStore(url);
  try {
    for (const article of articles) {
      assert.deepEqual(await store.getRecord(article.id), processArticle(article).record, article.source);
    }
  } finally {
    await store.close();
  }
});
