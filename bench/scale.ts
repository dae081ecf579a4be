// `node dist/bench/scale.js [--articles N] [--workers 1,2,4] [--pg URL]`: ingestion throughput. For each worker
// count, a fresh PostgreSQL database gets N queued articles (short variants of the demo corpus) and that many
// `parley worker --until-empty` processes drain the queue; articles/s is N over the time from starting the workers
// to the last one exiting (model loading included, as in real use). The same articles are then ingested into the
// embedded SQLite store by one `parley ingest` process, for comparison.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import pg from 'pg';
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
      const started = performance.now();
      await Promise.all(Array.from({ length: workers }, () => run(['worker', '--db', url, '--until-empty'])));
      const seconds = (performance.now() - started) / 1000;
      const stored = await admin(url, async (c) => Number((await c.query('SELECT count(*) AS n FROM articles')).rows[0].n));
      if (stored !== count) throw new Error(`${stored} of ${count} articles stored with ${workers} worker(s)`);
      console.log(`postgres ${workers} worker${workers === 1 ? ' ' : 's'}${' '.repeat(Math.max(0, 3 - String(workers).length))}${(count / seconds).toFixed(1).padStart(7)} articles/s  (${seconds.toFixed(1)} s; queued at ${(count / queueSeconds).toFixed(0)}/s)`);
    } finally {
      await admin(base, (c) => c.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`));
    }
  }

  const dir = mkdtempSync(join(tmpdir(), 'parley-bench-scale-'));
  try {
    const input = join(dir, 'articles.jsonl');
    writeFileSync(input, articles.map((a) => JSON.stringify({ text: a.text, title: a.title, published: a.published, outlet: a.outlet })).join('\n') + '\n');
    const started = performance.now();
    await run(['ingest', input, '--db', join(dir, 'bench.db')]);
    const seconds = (performance.now() - started) / 1000;
    console.log(`sqlite 1 process    ${(count / seconds).toFixed(1).padStart(7)} articles/s  (${seconds.toFixed(1)} s, embedded store)`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(`bench:scale: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
