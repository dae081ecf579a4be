// `node dist/bench/scale.js [--articles N] [--workers 1,2,4] [--pg URL]`: ingestion throughput. For each worker
// count, a fresh PostgreSQL database gets N queued articles (short variants of the demo corpus) and that many
// `parley worker --until-empty` processes drain the queue; articles/s is N over the time from starting the workers
// to the last one exiting (model loading included, as in real use). The same articles are then ingested into the
// embedded SQLite store by one `parley ingest` process, for comparison.
// Last, the store alone: the articles are extracted once in this process, then 1, 2 and 4 connections put the
// records side by side into a fresh database, so that what the writers' locks cost shows apart from what the
// extraction's CPU costs (on a machine with few cores, workers mostly wait for a core, not for each other).
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import pg from 'pg';
import type { Extraction } from '../src/contract.js';
import { openPostgresStore } from '../src/kb/index.js';
import { processArticle } from '../src/pipeline.js';
import { openEnqueuer } from '../src/worker/index.js';
import { variantArticles } from './articles.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const cli = join(root, 'bin', 'parley.js');

function run(args: string[], env: NodeJS.ProcessEnv = {}): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cli, ...args, '--quiet'], { stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, ...env } });
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`parley ${args[0]} exited ${code}: ${stderr.trim()}`))));
  });
}

/** Busy and total CPU ticks of the whole machine so far (Linux /proc/stat), to tell a saturated machine apart. */
function cpuTicks(): { busy: number; total: number } | null {
  if (!existsSync('/proc/stat')) return null;
  const fields = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1).map(Number);
  const total = fields.reduce((sum, n) => sum + n, 0);
  const idle = (fields[3] ?? 0) + (fields[4] ?? 0);
  return { busy: total - idle, total };
}

/** '; machine CPU busy N%' over the time since `since`, or nothing where it cannot be read. */
function busySince(since: ReturnType<typeof cpuTicks>): string {
  const now = cpuTicks();
  if (since === null || now === null || now.total === since.total) return '';
  return `; machine CPU ${Math.round((100 * (now.busy - since.busy)) / (now.total - since.total))}% busy`;
}

function withDatabase(base: string, name: string): string {
  const url = new URL(base);
  url.pathname = `/${name}`;
  return url.toString();
}

async function admin<T>(base: string, body: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: base });
  await client.connect();
  try {
    return await body(client);
  } finally {
    await client.end();
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { articles: { type: 'string' }, workers: { type: 'string' }, pg: { type: 'string' } },
  });
  const count = Number(values.articles ?? 1000);
  const workerCounts = (values.workers ?? '1,2,4').split(',').map(Number);
  const base = values.pg ?? process.env.PARLEY_TEST_PG ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const articles = variantArticles(count);
  const words = articles.reduce((sum, a) => sum + a.text.split(/\s+/).length, 0);
  console.log(`articles        ${count} (${Math.round(words / count)} words each on average), ${cpus().length} cores`);

  for (const workers of workerCounts) {
    const database = `parley_bench_${process.pid}_${workers}`;
    await admin(base, (c) => c.query(`CREATE DATABASE ${database}`));
    const url = withDatabase(base, database);
    try {
      const enqueuer = await openEnqueuer(url);
      const queuedAt = performance.now();
      for (const article of articles) await enqueuer.enqueue(article);
      await enqueuer.close();
      const queueSeconds = (performance.now() - queuedAt) / 1000;
      const ticks = cpuTicks();
      const started = performance.now();
      await Promise.all(Array.from({ length: workers }, () => run(['worker', '--db', url, '--until-empty'])));
      const seconds = (performance.now() - started) / 1000;
      const stored = await admin(url, async (c) => Number((await c.query('SELECT count(*) AS n FROM articles')).rows[0].n));
      if (stored !== count) throw new Error(`${stored} of ${count} articles stored with ${workers} worker(s)`);
      console.log(`postgres ${workers} worker${workers === 1 ? ' ' : 's'}${' '.repeat(Math.max(0, 3 - String(workers).length))}${(count / seconds).toFixed(1).padStart(7)} articles/s  (${seconds.toFixed(1)} s; queued at ${(count / queueSeconds).toFixed(0)}/s${busySince(ticks)})`);
    } finally {
      await admin(base, (c) => c.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`));
    }
  }

  const dir = mkdtempSync(join(tmpdir(), 'parley-bench-scale-'));
  try {
    const input = join(dir, 'articles.jsonl');
    writeFileSync(input, articles.map((a) => JSON.stringify({ text: a.text, title: a.title, published: a.published, outlet: a.outlet })).join('\n') + '\n');
    const ticks = cpuTicks();
    const started = performance.now();
    await run(['ingest', input, '--db', join(dir, 'bench.db')]);
    const seconds = (performance.now() - started) / 1000;
    console.log(`sqlite 1 process    ${(count / seconds).toFixed(1).padStart(7)} articles/s  (${seconds.toFixed(1)} s, embedded store${busySince(ticks)})`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }

  const records = articles.map((article) => processArticle(article).record);
  for (const writers of workerCounts) {
    const database = `parley_bench_${process.pid}_puts_${writers}`;
    await admin(base, (c) => c.query(`CREATE DATABASE ${database}`));
    try {
      const ticks = cpuTicks();
      const seconds = await putSideBySide(withDatabase(base, database), records, writers);
      console.log(`postgres puts, ${writers} writer${writers === 1 ? ' ' : 's'}${(count / seconds).toFixed(1).padStart(7)} articles/s  (${seconds.toFixed(1)} s, store alone${busySince(ticks)})`);
    } finally {
      await admin(base, (c) => c.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`));
    }
  }
}

/** Seconds for `writers` connections, each with its own store, to put every record between them. */
async function putSideBySide(url: string, records: Extraction[], writers: number): Promise<number> {
  const stores = [];
  for (let i = 0; i < writers; i++) stores.push(await openPostgresStore(url));
  let next = 0;
  const started = performance.now();
  try {
    await Promise.all(stores.map(async (store) => {
      while (next < records.length) await store.put(records[next++]!);
    }));
    return (performance.now() - started) / 1000;
  } finally {
    await Promise.all(stores.map((store) => store.close()));
  }
}

main().catch((error) => {
  console.error(`bench:scale: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
