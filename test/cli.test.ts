// End to end through the real `parley` binary: the seed article, the demo corpus, a real SQLite store.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ExtractionRecord, spanErrors, type Extraction } from '../src/contract.js';
import { scoreSeed, type Gold } from '../eval/seed-score.js';
import { cliPath, demoArticleCount, examplesDir, seedGoldPath, seedPath } from './helpers.js';

function parley(args: string[], input?: string) {
  const result = spawnSync(process.execPath, [cliPath, ...args], { encoding: 'utf8', input, timeout: 120_000, env: { ...process.env, PARLEY_DB: join(scratch, 'default.db') } });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const scratch = mkdtempSync(join(tmpdir(), 'parley-cli-'));
const haveSeed = existsSync(seedPath);
after(() => rmSync(scratch, { recursive: true, force: true }));

test('help, version and usage errors', () => {
  const help = parley(['--help']);
  assert.equal(help.code, 0);
  for (const command of ['extract', 'analyze', 'ingest', 'search', 'actors', 'actor', 'demo']) assert.match(help.stdout, new RegExp(`\\b${command}\\b`));
  const version = parley(['--version']);
  assert.equal(version.stdout.trim(), JSON.parse(readFileSync(join(cliPath, '..', '..', 'package.json'), 'utf8')).version);
  assert.equal(parley(['extract', '--help']).code, 0);
  assert.equal(parley(['frobnicate']).code, 2);
  assert.equal(parley(['extract']).code, 2);
  const badFlag = parley(['extract', '--nope', 'x.txt']);
  assert.equal(badFlag.code, 2);
  assert.doesNotMatch(badFlag.stderr, /\n\s+at /, 'no stack trace');
});

test('the seed article gives a valid contract record with its actors and quotes', { skip: !haveSeed && 'no ../shared/seed' }, () => {
  const run = parley(['extract', seedPath, '--json']);
  assert.equal(run.code, 0, run.stderr);
  const lines = run.stdout.trim().split('\n');
  assert.equal(lines.length, 1);
  const record = ExtractionRecord.parse(JSON.parse(lines[0]!)) as Extraction;
  assert.deepEqual(spanErrors(record), []);
  assert.equal(record.article.source, seedPath);
  assert.equal(record.article.text, readFileSync(seedPath, 'utf8').replace(/^\uFEFF/, ''));
  assert.equal(record.article.byline, 'Admin');
  assert.equal(record.article.title, readFileSync(seedPath, 'utf8').split('\n')[0]);
  // byline and "Source link" are page furniture, not actors
  assert.ok(!record.actors.some((a) => /^(Admin|Source)/.test(a.name)));
  const score = scoreSeed(record, JSON.parse(readFileSync(seedGoldPath, 'utf8')) as Gold);
  assert.ok(score.actors.tp >= 8, `at least 8 gold actors found, got ${score.actors.tp}: missed ${score.missedActors.join(', ')}`);
  assert.ok(score.quotes.tp >= 8, `at least 8 gold quotes found, got ${score.quotes.tp}`);
  assert.ok(score.speakers.correct >= 8, `at least 8 quotes with the right speaker, got ${score.speakers.correct}`);
});

test('several inputs: JSON Lines in input order, bad inputs reported in one line each, the rest go on', () => {
  const empty = join(scratch, 'empty.txt');
  writeFileSync(empty, '');
  const binary = join(scratch, 'blob.bin');
  writeFileSync(binary, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0, 1, 2, 3, 0, 0, 7]));
  const first = join(examplesDir, '01-svalbard-trawler-collision.txt');
  const second = join(examplesDir, '13-oslo-interim-agreement.txt');
  const run = parley(['extract', '--json', first, empty, join(scratch, 'missing.txt'), binary, second]);
  assert.equal(run.code, 1);
  const records = run.stdout.trim().split('\n').map((l) => JSON.parse(l) as Extraction);
  assert.deepEqual(records.map((r) => r.article.source), [first, second]);
  for (const r of records) assert.deepEqual(spanErrors(ExtractionRecord.parse(r) as Extraction), []);
  const errors = run.stderr.trim().split('\n');
  assert.equal(errors.length, 3, run.stderr);
  for (const [line, input] of [[errors[0], empty], [errors[1], 'missing.txt'], [errors[2], binary]] as const) assert.ok(line!.includes(input), `${line} names ${input}`);
  assert.doesNotMatch(run.stderr, /\n\s+at /);
});

test('stdin and the readable summary', () => {
  const text = readFileSync(join(examplesDir, '05-reykjavik-talks-observer-mission.txt'), 'utf8');
  const run = parley(['extract', '-'], text);
  assert.equal(run.code, 0, run.stderr);
  assert.match(run.stdout, /^Actors \(\d+\)/m);
  assert.match(run.stdout, /^Quotes \(\d+\)/m);
});

test('ingest is idempotent and feeds search, actors and actor', () => {
  const db = join(scratch, 'store.db');
  const first = parley(['ingest', examplesDir, '--db', db]);
  assert.equal(first.code, 0, first.stderr);
  const stored = Number(/stored (\d+)/.exec(first.stderr)?.[1]);
  assert.ok(stored >= demoArticleCount, first.stderr);
  const again = parley(['ingest', examplesDir, '--db', db]);
  assert.equal(again.code, 0);
  assert.match(again.stderr, /stored 0 article\(s\), \d+ already in the store/);
  const search = parley(['search', 'observer mission', '--db', db, '--json']);
  assert.equal(search.code, 0, search.stderr);
  const hits = JSON.parse(search.stdout) as Array<{ snippet: string }>;
  assert.ok(hits.length > 0 && hits.every((h) => /observer|mission/i.test(h.snippet)));
  const odd = parley(['search', '"unbalanced (AND -', '--db', db]);
  assert.equal(odd.code, 0, odd.stderr);
  const actors = parley(['actors', '--db', db, '--json']);
  const list = JSON.parse(actors.stdout) as Array<{ name: string; articleCount: number }>;
  assert.ok(list.some((a) => a.name === 'Norway' && a.articleCount >= 10), actors.stdout.slice(0, 500));
  const missing = parley(['actor', 'Nobody Atall', '--db', db]);
  assert.equal(missing.code, 1);
});

test('demo --brief ingests the corpus and prints a briefing', () => {
  const run = parley(['demo', '--brief', '--db', join(scratch, 'demo.db')]);
  assert.equal(run.code, 0, run.stderr);
  for (const heading of ['## Parties', '## Positions', '## Events', '## Key quotes', '## Sources']) assert.ok(run.stdout.includes(heading), heading);
  assert.match(run.stdout, new RegExp(`${demoArticleCount} article\\(s\\)`));
});

test('demo starts the web app on the demo store, prints its URL and stops cleanly on SIGTERM', async () => {
  const child = spawn(process.execPath, [cliPath, 'demo', '--db', join(scratch, 'demo-served.db'), '--port', '0', '--quiet'], {
    env: { ...process.env, PARLEY_DB: join(scratch, 'default.db') },
  });
  let stdout = '';
  let stderr = '';
  child.stderr.on('data', (chunk) => (stderr += chunk));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('no URL within 120 s: ' + stderr)), 120_000);
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
      const found = /http:\/\/127\.0\.0\.1:\d+\//.exec(stdout);
      if (found) {
        clearTimeout(timer);
        resolve(found[0]);
      }
    });
    child.on('exit', (code) => reject(new Error(`demo exited (${code}) before serving: ${stderr}`)));
  });
  try {
    const page = await fetch(url);
    assert.equal(page.status, 200);
    assert.match(page.headers.get('content-type') ?? '', /html/);
    const stats = (await (await fetch(new URL('api/articles?limit=1', url))).json()) as { total?: number; items: unknown[] };
    assert.equal(stats.items.length, 1);
    assert.equal(stats.total, demoArticleCount);
  } finally {
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    child.kill('SIGTERM');
    assert.equal(await exited, 0, stderr);
  }
});
