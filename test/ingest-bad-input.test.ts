import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { readInputs } from '../src/ingest/index.js';
import { articleOf, collect, errorOf, fixture } from './fixtures/ingest/harness.js';

const tmp = mkdtempSync(join(tmpdir(), 'parley-ingest-bad-'));
after(() => rmSync(tmp, { recursive: true, force: true }));

function tempFile(name: string, content: string | Uint8Array): string {
  const path = join(tmp, name);
  writeFileSync(path, content);
  return path;
}

async function errorFor(input: string, options?: Parameters<typeof readInputs>[1]): Promise<string> {
  const items = await collect([input], options);
  assert.equal(items.length, 1);
  return errorOf(items[0]);
}

describe('bad inputs become one-line error items', () => {
  test('missing path', async () => {
    const missing = join(tmp, 'no-such-file.txt');
    assert.equal(await errorFor(missing), `${missing}: no such file or directory`);
  });

  test('empty and white-space-only files', async () => {
    const empty = tempFile('empty.txt', '');
    assert.equal(await errorFor(empty), `${empty}: empty input`);
    const blank = tempFile('blank.txt', ' \n\n\t\n');
    assert.equal(await errorFor(blank), `${blank}: empty input`);
  });

  test('front matter with no text after it', async () => {
    const path = tempFile('only-meta.txt', '---\ntitle: Nothing else\n---\n');
    assert.equal(await errorFor(path), `${path}: no text after the front matter`);
  });

  test('binary files: NUL bytes, or mostly control characters', async () => {
    const withNul = tempFile('data.bin', Buffer.from([0x41, 0x42, 0x00, 0x13, 0x37, 0x00, 0x43]));
    assert.equal(await errorFor(withNul), `${withNul}: binary file (contains NUL bytes)`);
    const controls = tempFile('controls.txt', Buffer.from('\x01\x02\x03\x04\x05\x06\x07\x08 ab\x0e\x0f\x10\x11'));
    assert.equal(await errorFor(controls), `${controls}: binary file (mostly non-text)`);
  });

  test('non-UTF-8 text', async () => {
    const latin1 = tempFile('latin1.txt', Buffer.from('The caf\xe9 on the square hosted the talks.', 'latin1'));
    assert.equal(await errorFor(latin1), `${latin1}: not valid UTF-8 text`);
  });

  test('a file over maxBytes is refused from its size, without reading it', async () => {
    const big = join(tmp, 'big.txt');
    writeFileSync(big, '');
    truncateSync(big, 50 * 1024 * 1024); // sparse: no 50 MB written to disk
    const started = performance.now();
    assert.equal(await errorFor(big), `${big}: too large (52428800 bytes, limit 10485760)`);
    assert.ok(performance.now() - started < 1000);
    const small = tempFile('small.txt', 'Just over the limit of this test.');
    assert.match(await errorFor(small, { maxBytes: 10 }), /: too large \(\d+ bytes, limit 10\)$/);
  });

  test('malformed HTML with no extractable text', async () => {
    const path = tempFile('broken.html', '<html><head><script>var a = "<p>";</script></head><body><div><span></div></body>');
    assert.equal(await errorFor(path), `${path}: no extractable text in HTML`);
  });

  test('malformed feed', async () => {
    const path = tempFile('broken.rss', '<?xml version="1.0"?>\n<rss version="2.0"><channel><title>Broken</title><item><title>Cut</ti');
    assert.match(await errorFor(path), new RegExp(`^${escapeRegExp(path)}: malformed feed \\(.+\\)$`));
  });

  test('a feed with no items that carry text', async () => {
    const path = tempFile('empty-feed.rss', '<rss version="2.0"><channel><title>T</title><link>https://x.example</link><description>d</description><item><title>No body</title></item></channel></rss>');
    assert.equal(await errorFor(path), `${path}: feed has no items with text`);
  });

  test('unknown formats: PNG, zip, other XML, JSON that is not JSONL articles', async () => {
    const png = tempFile('image.txt', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]));
    assert.equal(await errorFor(png), `${png}: unknown format (PNG image)`);
    const zip = tempFile('archive.zip', Buffer.from('PK\x03\x04\x14\x00\x00\x00\x08\x00', 'latin1'));
    assert.equal(await errorFor(zip), `${zip}: unknown format (zip archive)`);
    const svg = tempFile('drawing.xml', '<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"><text>Hi</text></svg>');
    assert.match(await errorFor(svg), /: unknown format \(XML document <svg> that is not a feed\)$/);
    for (const json of ['{"name": "config", "values": [1, 2, 3]}', '[1, 2, 3]', '{"a": 1}\n{"b": 2}\n']) {
      const path = tempFile('data.json', json);
      assert.match(await errorFor(path), /: unknown format \(JSON that is neither JSON Lines articles nor a JSON Feed\)$/, json);
    }
  });

  test('non-English text; short texts pass', async () => {
    assert.equal(await errorFor(fixture('french.txt')), `${fixture('french.txt')}: not English (looks like fr)`);
    assert.equal(await errorFor(fixture('german.txt')), `${fixture('german.txt')}: not English (looks like de)`);
    const russian = tempFile('ru.txt', 'Министр иностранных дел заявил во вторник, что переговоры будут продолжены на следующей неделе в Женеве, '.repeat(3));
    assert.equal(await errorFor(russian), `${russian}: not English (Cyrillic script)`);
    const short = tempFile('short-fr.txt', 'Le ministre a parlé mardi.');
    assert.equal(articleOf((await collect([short]))[0]).text, 'Le ministre a parlé mardi.');
  });

  test('an unsupported URL scheme', async () => {
    assert.equal(await errorFor('ftp://files.example/a.txt'), 'ftp://files.example/a.txt: unsupported URL scheme (ftp)');
  });

  test('the run goes on after each bad input, in input order', async () => {
    const good = tempFile('good.txt', 'The summit ended with a joint statement.');
    const inputs = [join(tmp, 'missing.txt'), tempFile('e.txt', ''), fixture('french.txt'), good];
    const items = await collect(inputs);
    assert.deepEqual(items.map((item) => item.ok), [false, false, false, true]);
    assert.deepEqual(items.filter((item) => !item.ok).map((item) => (item.ok ? '' : item.source)), inputs.slice(0, 3));
    for (const item of items) if (!item.ok) assert.ok(!item.error.includes('\n'));
  });

  test('invalid options are programmer errors and throw', async () => {
    await assert.rejects(collect(['x'], { maxBytes: 0 }), RangeError);
  });
});

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
