// Pathological inputs, each with a time and a memory bound measured here. The readers run in a child process whose
// heap is capped, so a reader that tried to hold an expanded bomb in memory would die there and fail the test; the
// extraction cases run in this process against the models loaded once, with their time and heap growth measured.
// Time is bounded as CPU time (user + system), which other work on a shared machine does not inflate; wall time is
// reported beside it.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test, type TestContext } from 'node:test';
import { gzipSync } from 'node:zlib';
import { ExtractionRecord, spanErrors } from '../src/contract.js';
import { articleFromText } from '../src/ingest/index.js';
import { MAX_SENTENCE_TOKENS } from '../src/nlp/tokenize.js';
import { processArticle } from '../src/pipeline.js';
import { cliPath, repoRoot } from './helpers.js';

const scratch = mkdtempSync(join(tmpdir(), 'parley-hostile-'));
after(() => rmSync(scratch, { recursive: true, force: true }));

// ---- readers, in a child with a capped heap ------------------------------------------------------------------

/** Heap cap of the reading process: a small multiple of the 10 MB input cap. */
const READER_HEAP_MB = 160;
const READER_CPU_SECONDS = 5;

interface ReadResult {
  items: Array<{ ok: boolean; error?: string; length?: number }>;
  ms: number;
  cpuMs: number;
  heapMb: number;
}

/**
 * Reads each file with `parley`'s reader, one after another, in a fresh process limited to READER_HEAP_MB of heap,
 * and checks each read's CPU time.
 */
async function readBounded(t: TestContext, files: Record<string, string | Uint8Array>): Promise<ReadResult[]> {
  const paths = Object.entries(files).map(([name, content]) => {
    const path = join(scratch, name);
    writeFileSync(path, content);
    return path;
  });
  const ingest = join(repoRoot, 'dist', 'src', 'ingest', 'index.js');
  const script = `
    const { readInputs } = await import(${JSON.stringify(ingest)});
    const results = [];
    for (const path of ${JSON.stringify(paths)}) {
      const started = performance.now();
      const cpu = process.cpuUsage();
      const items = [];
      for await (const item of readInputs([path])) {
        items.push(item.ok ? { ok: true, length: item.article.text.length } : { ok: false, error: item.error });
      }
      const used = process.cpuUsage(cpu);
      const ms = performance.now() - started;
      results.push({ items, ms, cpuMs: (used.user + used.system) / 1000, heapMb: process.memoryUsage().heapUsed / 1048576 });
    }
    process.stdout.write(JSON.stringify(results));`;
  const run = await runNode([`--max-old-space-size=${READER_HEAP_MB}`, '--input-type=module', '-e', script]);
  assert.equal(run.code, 0, `the reader process died (heap capped at ${READER_HEAP_MB} MB): ${run.stderr.slice(-500)}`);
  const results = JSON.parse(run.stdout) as ReadResult[];
  Object.entries(files).forEach(([name, content], i) => {
    const result = results[i]!;
    t.diagnostic(`${name}: ${(Buffer.byteLength(content) / 1e6).toFixed(1)} MB read in ${result.cpuMs.toFixed(0)} ms CPU ` +
      `(${result.ms.toFixed(0)} ms wall), heap ${result.heapMb.toFixed(0)} MB`);
    assert.ok(result.cpuMs < READER_CPU_SECONDS * 1000, `${name} read in ${result.cpuMs.toFixed(0)} ms of CPU`);
  });
  return results;
}

function onlyError(result: ReadResult): string {
  assert.equal(result.items.length, 1, JSON.stringify(result.items).slice(0, 300));
  assert.equal(result.items[0]!.ok, false);
  return result.items[0]!.error!;
}

describe('pathological files are refused within bounded time and memory, with a clear error', () => {
  test('HTML nested 100,000 levels deep', async (t) => {
    const para = '<p>The ministers met in Oslo on Monday to discuss fishing quotas.</p>';
    const [closed, unclosed] = await readBounded(t, {
      'deep.html': `<!DOCTYPE html><html><body>${'<div>'.repeat(100_000)}${para}${'</div>'.repeat(100_000)}</body></html>`,
      'unclosed.html': `<!DOCTYPE html><html><body>${'<span><b>'.repeat(50_000)}${para}`,
    });
    assert.equal(onlyError(closed!), `${join(scratch, 'deep.html')}: HTML nested too deeply (over 256 levels of elements)`);
    assert.equal(onlyError(unclosed!), `${join(scratch, 'unclosed.html')}: HTML nested too deeply (over 256 levels of elements)`);
  });

  test('HTML with 300,000 elements; a wide page under the limit is read', async (t) => {
    const [wide, flat] = await readBounded(t, {
      'wide.html': `<!DOCTYPE html><html><body>${'<p>The ministers met in Oslo. '.repeat(300_000)}`,
      // ten thousand unclosed paragraphs are flat, not deep, and read in bounded time (no scan per child)
      'flat.html': `<!DOCTYPE html><html><body>${'<p>The ministers met in Oslo. '.repeat(10_000)}`,
    });
    assert.equal(onlyError(wide!), `${join(scratch, 'wide.html')}: HTML has too many elements (over 50000)`);
    assert.equal(flat!.items.length, 1);
    assert.equal(flat!.items[0]!.ok, true);
    assert.equal(flat!.items[0]!.length, 10_000 * 'The ministers met in Oslo.'.length + 9_999 * 2);
  });

  test('a feed with 1,000,000 items', async (t) => {
    const feed = `<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title>${'<item/>'.repeat(1_000_000)}</channel></rss>`;
    const json = JSON.stringify({ version: 'https://jsonfeed.org/version/1.1', title: 'Wire', items: new Array(200_000).fill({ id: '1' }) });
    const [rss, jsonFeed] = await readBounded(t, { 'million.rss': feed, 'many.json': json });
    assert.match(onlyError(rss!), /million\.rss: feed has too many items \(1000000; the limit is 10000\)$/);
    assert.match(onlyError(jsonFeed!), /many\.json: feed has too many items \(200000; the limit is 10000\)$/);
  });

  test('a feed whose XML would expand through entities (billion laughs)', async (t) => {
    const entities = Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i};`.repeat(10)}">`).join('');
    const bomb = `<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY lol0 "lol">${entities}]>` +
      '<rss version="2.0"><channel><title>&lol9;</title><item><title>x</title><description>&lol9;</description></item></channel></rss>';
    const external = '<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY x SYSTEM "file:///etc/passwd">]><rss version="2.0"><channel><title>&x;</title></channel></rss>';
    const [laughs, xxe] = await readBounded(t, { 'laughs.rss': bomb, 'xxe.rss': external });
    assert.match(onlyError(laughs!), /laughs\.rss: refused: DOCTYPE with an internal DTD subset \(entity declarations can expand without bound\)$/);
    assert.match(onlyError(xxe!), /xxe\.rss: refused: DOCTYPE with an internal DTD subset/);
  });

  test('a gzip bomb: 64 MB packed into a small file', async (t) => {
    const packed = gzipSync(Buffer.concat([Buffer.from('<?xml version="1.0"?><rss><channel>'), Buffer.alloc(64 * 1024 * 1024, ' ')]), { level: 9 });
    assert.ok(packed.length < 200_000);
    const [bomb] = await readBounded(t, { 'bomb.rss.gz': packed });
    assert.match(onlyError(bomb!), /bomb\.rss\.gz: too large \(gzip content over the 10485760 byte limit\)$/);
  });

  test('a 9 MB line of JSON Lines and a 10 MB text are one article too long, not minutes of analysis', async (t) => {
    const sentence = 'The foreign ministers of Norway and Iceland met in Oslo on Monday to discuss fishing quotas. ';
    const line = JSON.stringify({ text: sentence.repeat(Math.ceil(9_000_000 / sentence.length)) });
    const text = sentence.repeat(Math.ceil(10_000_000 / sentence.length)).slice(0, 10_000_000);
    const [jsonl, plain] = await readBounded(t, { 'huge.jsonl': line + '\n', 'ten-mb.txt': text });
    assert.match(onlyError(jsonl!), /huge\.jsonl#1: too long for one article \(\d{7} characters; the limit is 500000\)$/);
    assert.match(onlyError(plain!), /ten-mb\.txt: too long for one article \(10000000 characters; the limit is 500000\)$/);
  });

  test('JSON nested a million levels deep', async (t) => {
    const [nested] = await readBounded(t, { 'nested.json': '['.repeat(1_000_000) + ']'.repeat(1_000_000) });
    assert.match(onlyError(nested!), /nested\.json: unknown format \(JSON that is neither JSON Lines articles nor a JSON Feed\)$/);
  });
});

// ---- extraction, in this process -----------------------------------------------------------------------------

const EXTRACT_CPU_SECONDS = 10;
const EXTRACT_HEAP_GROWTH_MB = 400;

/** Runs the whole extraction, checks the record and the bounds, and reports the time. */
function extractBounded(t: TestContext, name: string, text: string) {
  const heapBefore = process.memoryUsage().heapUsed;
  const started = performance.now();
  const cpu = process.cpuUsage();
  const { doc, record } = processArticle(articleFromText(text, { source: name }));
  const used = process.cpuUsage(cpu);
  const cpuMs = (used.user + used.system) / 1000;
  const ms = performance.now() - started;
  const growthMb = (process.memoryUsage().heapUsed - heapBefore) / 1048576;
  t.diagnostic(`${name}: ${text.length} characters, ${doc.tokens.length} tokens, ${doc.sentences.length} sentences: ` +
    `extracted in ${cpuMs.toFixed(0)} ms CPU (${ms.toFixed(0)} ms wall), heap +${growthMb.toFixed(0)} MB; ` +
    `${record.actors.length} actors, ${record.quotes.length} quotes`);
  ExtractionRecord.parse(record);
  assert.deepEqual(spanErrors(record), []);
  assert.ok(cpuMs < EXTRACT_CPU_SECONDS * 1000, `extracted in ${cpuMs.toFixed(0)} ms of CPU`);
  assert.ok(growthMb < EXTRACT_HEAP_GROWTH_MB, `heap grew ${growthMb.toFixed(0)} MB`);
  for (const sentence of doc.sentences) assert.ok(sentence.tokenEnd - sentence.tokenStart <= MAX_SENTENCE_TOKENS);
  return { doc, record };
}

const WORDS = ['minister', 'Norway', 'talks', 'fish', 'said', 'the', 'Lavrov', 'met', 'Oslo', 'would', 'support', 'Sergei', 'Foreign', 'quotas'];
const QUOTE_MARKS = ['"', '“', '”', "'", '‘', '’', '«', '»', '„'];

function cycle(parts: (i: number) => string, length: number): string {
  let text = '';
  for (let i = 0; text.length < length; i++) text += parts(i);
  return text.slice(0, length);
}

describe('pathological text through the whole extraction', () => {
  before(() => {
    processArticle(articleFromText('Models load once, before the clock starts, said Lavrov.', { source: 'warm-up' }));
  });

  test('a 100,000-character sentence with no punctuation', (t) => {
    const { doc } = extractBounded(t, 'run-on', cycle((i) => WORDS[(i * 7) % WORDS.length] + ' ', 100_000));
    assert.ok(doc.sentences.length > 1, 'cut into pieces the parser can take');
  });

  test('100,000 characters of nothing but quote marks', (t) => {
    extractBounded(t, 'quote-marks', cycle((i) => QUOTE_MARKS[(i * 5) % QUOTE_MARKS.length]!, 100_000));
    extractBounded(t, 'spaced-quote-marks', cycle((i) => QUOTE_MARKS[(i * 5) % QUOTE_MARKS.length]! + ' ', 100_000));
  });

  test('100,000 characters of unbalanced quotes around words, and of quotes with speakers', (t) => {
    extractBounded(t, 'unbalanced', cycle((i) => QUOTE_MARKS[(i * 5) % QUOTE_MARKS.length]! + WORDS[(i * 7) % WORDS.length] + ' ', 100_000));
    const { record } = extractBounded(t, 'speakers', cycle((i) => `"${WORDS[(i * 3) % WORDS.length]} ${WORDS[(i * 5) % WORDS.length]}," Lavrov said, `, 100_000));
    assert.ok(record.quotes.length > 1000, 'the quotes are still found');
  });

  test('a 100,000-character "word" and a run of hyphens', (t) => {
    extractBounded(t, 'one-word', cycle((i) => 'abcdefghij'[i % 10]!, 100_000));
    extractBounded(t, 'hyphens', 'Norway' + '-a'.repeat(20_000));
  });
});

// ---- the CLI flags -----------------------------------------------------------------------------------------------

describe('the command line', () => {
  let origin: Server;
  let base: string;
  const served: string[] = [];

  before(async () => {
    origin = createServer((req, res) => {
      served.push(req.url ?? '');
      res.writeHead(404, 'Not Found').end();
    });
    await new Promise<void>((resolve) => origin.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(origin.address() as AddressInfo).port}`;
  });
  after(() => origin.close());

  test('a loopback URL is refused unless --allow-private-urls or PARLEY_ALLOW_PRIVATE_URLS=1', async () => {
    const url = `${base}/story`;
    const refused = await parley(['extract', url]);
    assert.equal(refused.code, 1);
    assert.equal(refused.stderr, `parley: ${url}: refused: address 127.0.0.1 is private/loopback (use --allow-private-urls to allow)\n`);
    assert.deepEqual(served, []);
    for (const allowed of [await parley(['extract', url, '--allow-private-urls']), await parley(['ingest', url, '--quiet'], { PARLEY_ALLOW_PRIVATE_URLS: '1' })]) {
      assert.equal(allowed.code, 1);
      assert.equal(allowed.stderr, `parley: ${url}: cannot fetch (HTTP 404 Not Found)\n`);
    }
    assert.deepEqual(served, ['/story', '/story']);
  });

  test('serve takes --rate-limit, and refuses a limit that is not a whole number', async () => {
    const bad = await parley(['serve', '--port', '0', '--rate-limit', 'lots']);
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /--rate-limit must be a whole number of requests per minute \(0 for no limit\), not "lots"/);
    const badEnv = await parley(['serve', '--port', '0'], { PARLEY_WRITE_RATE_LIMIT: '-3' });
    assert.equal(badEnv.code, 2);
    assert.match(badEnv.stderr, /PARLEY_WRITE_RATE_LIMIT must be a whole number/);

    const child = spawn(process.execPath, [cliPath, 'serve', '--port', '0', '--rate-limit', '2', '--quiet'], {
      env: { ...process.env, PARLEY_DB: join(scratch, 'serve.db') }, stdio: ['ignore', 'pipe', 'pipe'],
    });
    try {
      const url = await new Promise<string>((resolve, reject) => {
        let out = '';
        child.stdout.on('data', (chunk: Buffer) => {
          out += chunk.toString();
          if (out.includes('\n')) resolve(out.split('\n')[0]!.replace(/\/$/, ''));
        });
        child.once('exit', (code) => reject(new Error(`parley serve exited with ${code}`)));
      });
      const statuses = [];
      for (let i = 0; i < 3; i++) statuses.push((await fetch(`${url}/api/stats`)).status);
      assert.deepEqual(statuses, [200, 200, 429]);
    } finally {
      child.kill('SIGTERM');
    }
  });
});

/** Runs the parley binary without blocking this process (the origin server above must keep answering). */
function parley(args: string[], env: Record<string, string> = {}) {
  return runNode([cliPath, ...args], { PARLEY_DB: join(scratch, 'cli.db'), ...env });
}

function runNode(args: string[], env: Record<string, string> = {}): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => { stdout += chunk.toString(); });
    child.stderr.on('data', (chunk: Buffer) => { stderr += chunk.toString(); });
    const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
    child.once('error', reject);
    child.once('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}
