import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, test } from 'node:test';
import { articleFromHtml } from '../src/ingest/index.js';
import { repoRoot, seedPath, sharedDir } from './helpers.js';
import { collect } from './fixtures/ingest/harness.js';

const extractionDir = join(sharedDir, 'data', 'article-extraction', 'html');
const SAMPLE_SIZE = 8;

describe('real pages (read from shared at test time)', () => {
  test('Readability over sample pages does not crash and finds text', { skip: !existsSync(extractionDir) && 'shared data missing' }, () => {
    const files = readdirSync(extractionDir).filter((name) => name.endsWith('.html.gz')).sort();
    const step = Math.max(1, Math.floor(files.length / SAMPLE_SIZE));
    for (const name of files.filter((_, i) => i % step === 0).slice(0, SAMPLE_SIZE)) {
      const html = gunzipSync(readFileSync(join(extractionDir, name))).toString('utf8');
      const article = articleFromHtml(html, name);
      assert.ok(article.text.length > 100, name);
      assert.ok(!/\n{3,}/.test(article.text), `${name}: paragraphs are separated by exactly one blank line`);
    }
  });

  test('gzip files are unpacked and read', { skip: !existsSync(extractionDir) && 'shared data missing' }, async () => {
    const name = readdirSync(extractionDir).filter((n) => n.endsWith('.html.gz')).sort()[0]!;
    const [item] = await collect([join(extractionDir, name)]);
    assert.ok(item?.ok || /not English/.test(item?.error ?? ''), JSON.stringify(item).slice(0, 200));
  });
});

describe('stdin through a real pipe', () => {
  test('"-" reads process.stdin', { skip: !existsSync(seedPath) && 'seed missing' }, () => {
    const script = `
      const { readInputs } = await import(${JSON.stringify(join(repoRoot, 'dist', 'src', 'ingest', 'index.js'))});
      for await (const item of readInputs(['-'])) console.log(JSON.stringify(item));`;
    const result = spawnSync(process.execPath, ['--input-type=module', '-e', script], { input: readFileSync(seedPath), encoding: 'utf8' });
    assert.equal(result.status, 0, result.stderr);
    const item = JSON.parse(result.stdout.trim());
    assert.equal(item.ok, true);
    assert.equal(item.article.source, '-');
    assert.equal(item.article.text, readFileSync(seedPath, 'utf8'));
    assert.equal(item.article.byline, 'Admin');
  });
});
