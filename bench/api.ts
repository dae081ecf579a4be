// `node dist/bench/api.js [--articles N] [--duration S] [--connections C] [--db PATH]`: throughput and p99 latency of
// the HTTP API on a large store. Builds a store of N (default 10,000) articles from variants of the demo corpus
// records (extracted once; each variant gets its own text suffix and so id, shifted dates, and some persons renamed,
// put straight into the store), starts `parley serve` on it in a child process, times one request to each route,
// then runs autocannon on loopback against the stance matrix and the quote search for S seconds each.
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import type { Extraction } from '../src/contract.js';
import { readInputs } from '../src/ingest/index.js';
import { openStore } from '../src/kb/index.js';
import { processArticle } from '../src/pipeline.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const examples = join(root, 'examples', 'articles');
const cli = join(root, 'bin', 'parley.js');

const GIVEN = ['Anna', 'Lars', 'Mikhail', 'Sigrid', 'Pierre', 'Aoife', 'Jonas', 'Elena', 'Tomas', 'Ingrid', 'Pavel',
  'Marta', 'Olafur', 'Helena', 'Dmitri', 'Niamh', 'Karl', 'Astrid', 'Viktor', 'Freya', 'Hugo', 'Katrin', 'Rui', 'Lena'];
const SURNAMES = ['Halvorsen', 'Lindqvist', 'Eriksdottir', 'Morozov', 'Keane', 'Dubois', 'Varga', 'Novak', 'Costa',
  'Jensen', 'Aalto', 'Petrov', 'Brennan', 'Moreau', 'Kowalski', 'Sousa', 'Holm', 'Rask', 'Olafsson', 'Sokolov',
  'Berg', 'Nilsen', 'Strand', 'Lund', 'Dahl', 'Hansen', 'Larsen', 'Volkov', 'Fischer', 'Ricci', 'Murphy', 'Magnusson'];

function shiftDate(date: string | null, days: number): string | null {
  if (date === null) return null;
  const shifted = new Date(Date.parse(`${date}T00:00:00Z`) + days * 864e5);
  return shifted.toISOString().slice(0, 10);
}

/**
 * Variant v of a record: a new text (and id), dates moved v days on, and three persons in four renamed to one of
 * 24 x 32 invented names, so that the store holds several hundred people rather than the corpus's few dozen.
 */
function variant(base: Extraction, v: number): Extraction {
  if (v === 0) return base;
  const text = `${base.article.text}\n\nEdition ${v}.`;
  return {
    ...base,
    article: {
      ...base.article,
      id: createHash('sha256').update(text).digest('hex'),
      source: `${base.article.source}#${v}`,
      title: base.article.title,
      published: shiftDate(base.article.published, v),
      text,
    },
    actors: base.actors.map((actor, i) => {
      if (actor.type !== 'person' || (v + i) % 4 === 0) return actor;
      const n = v * 31 + i * 17;
      return { ...actor, name: `${GIVEN[n % GIVEN.length]} ${SURNAMES[Math.floor(n / GIVEN.length) % SURNAMES.length]}` };
    }),
    events: base.events.map((event) => ({ ...event, date: shiftDate(event.date, v) })),
  };
}

async function buildStore(path: string, count: number): Promise<void> {
  const records: Extraction[] = [];
  for await (const item of readInputs([examples])) {
    if (item.ok) records.push(processArticle(item.article).record);
  }
  if (records.length === 0) throw new Error(`no demo articles in ${examples}`);
  const store = await openStore(path);
  const existing = (await store.stats()).articles;
  const started = performance.now();
  for (let i = existing; i < count; i++) {
    await store.put(variant(records[i % records.length]!, Math.floor(i / records.length)));
    if (process.stderr.isTTY && i % 500 === 0) process.stderr.write(`\rstoring ${i}/${count}`);
  }
  const stats = await store.stats();
  await store.close();
  if (process.stderr.isTTY) process.stderr.write('\r\x1b[K');
  console.log(`store           ${stats.articles} articles, ${stats.actors} actors, ${stats.quotes} quotes, ${stats.stances} stances, ${stats.events} events`);
  if (count > existing) console.log(`built in        ${((performance.now() - started) / 1000).toFixed(1)} s (${(count - existing) / ((performance.now() - started) / 1000) | 0} puts/s)`);
}

async function startServer(db: string): Promise<{ url: string; stop(): void }> {
  // One load-testing client is far over any per-client budget: the bench measures the queries, so no limit.
  const child = spawn(process.execPath, [cli, 'serve', '--db', db, '--port', '0', '--quiet', '--rate-limit', '0'], { stdio: ['ignore', 'pipe', 'inherit'] });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const line = out.split('\n')[0];
      if (out.includes('\n') && line) resolve(line.replace(/\/$/, ''));
    });
    child.once('exit', (code) => reject(new Error(`parley serve exited (${code})`)));
  });
  return { url, stop: () => child.kill('SIGTERM') };
}

async function timeOnce(url: string): Promise<{ ms: number; status: number; bytes: number }> {
  const started = performance.now();
  const response = await fetch(url);
  const body = await response.arrayBuffer();
  return { ms: performance.now() - started, status: response.status, bytes: body.byteLength };
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      articles: { type: 'string', default: '10000' },
      duration: { type: 'string', default: '10' },
      connections: { type: 'string', default: '10' },
      db: { type: 'string' },
    },
  });
  const count = Number(values.articles);
  const duration = Number(values.duration);
  const connections = Number(values.connections);
  const scratch = values.db === undefined ? mkdtempSync(join(tmpdir(), 'parley-bench-api-')) : null;
  const db = values.db ?? join(scratch!, 'bench.db');
  if (values.db !== undefined && existsSync(db)) console.log(`reusing        ${db}`);
  try {
    await buildStore(db, count);
    const server = await startServer(db);
    try {
      const probe = async (path: string) => {
        await timeOnce(server.url + path); // warm the statement cache and the page cache
        const { ms, status, bytes } = await timeOnce(server.url + path);
        if (status !== 200) throw new Error(`${path}: HTTP ${status}`);
        console.log(`  ${path.padEnd(52)} ${ms.toFixed(1).padStart(7)} ms ${(bytes / 1024).toFixed(1).padStart(8)} KB`);
      };
      const actors = (await (await fetch(`${server.url}/api/actors?limit=1`)).json()) as { items: Array<{ key: string }> };
      const top = encodeURIComponent(actors.items[0]?.key ?? 'norway');
      // A topic that narrows the matrix: the longest word of the most discussed issue.
      const matrix = (await (await fetch(`${server.url}/api/stances/matrix?issues=1`)).json()) as { issues: Array<{ issue: string }> };
      const words = (matrix.issues[0]?.issue ?? 'plan').split(/\s+/).sort((a, b) => b.length - a.length);
      const topic = encodeURIComponent(words[0] ?? 'plan');
      console.log('\none request each (after one warm-up):');
      for (const path of [
        '/api/articles', '/api/articles?offset=9000', '/api/articles?q=observer%20mission', '/api/actors', '/api/actors?q=vatne',
        `/api/actors/${top}`, '/api/quotes?q=norway', '/api/quotes?q=norway&offset=1000', '/api/events', '/api/events?order=desc',
        '/api/stances?limit=50', '/api/stances/matrix', `/api/stances/matrix?topic=${topic}`, '/api/network', '/api/brief',
      ]) await probe(path);

      const targets = ['/api/stances/matrix', `/api/stances/matrix?topic=${topic}`, '/api/quotes?q=norway', '/api/quotes?q=%22observer%20mission%22'];
      console.log(`\nautocannon: ${connections} connections, ${duration} s each, loopback`);
      console.log(`  ${'route'.padEnd(40)} ${'req/s'.padStart(8)} ${'p50 ms'.padStart(8)} ${'p99 ms'.padStart(8)} ${'errors'.padStart(7)}`);
      for (const path of targets) {
        const result = await autocannon({ url: server.url + path, connections, duration });
        const failures = result.errors + result.timeouts + result.non2xx;
        console.log(`  ${path.padEnd(40)} ${result.requests.average.toFixed(0).padStart(8)} ${String(result.latency.p50).padStart(8)} ${String(result.latency.p99).padStart(8)} ${String(failures).padStart(7)}`);
      }
    } finally {
      server.stop();
    }
  } finally {
    if (scratch) rmSync(scratch, { recursive: true, force: true });
  }
}

main().catch((error) => {
  process.stderr.write(`bench: ${(error as Error).message}\n`);
  process.exitCode = 1;
});
