// Story groups: near-duplicate articles found by MinHash at put() time. The demo corpus has one rewrite (09 of 08)
// and 12 unrelated reports of the same dispute; these tests ingest it through the real pipeline.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import Database from 'better-sqlite3';
import type { Article, Extraction } from '../src/contract.js';
import { readInputs } from '../src/ingest/index.js';
import { openStore, type Store } from '../src/kb/index.js';
import {
  DUPLICATE_THRESHOLD, LSH_BANDS, LSH_ROWS, SIGNATURE_SIZE, estimatedJaccard, exactJaccard, minhash, normalisedWords,
  shingleHashes, signatureFromBuffer, signatureToBuffer,
} from '../src/kb/dedup.js';
import { processArticle } from '../src/pipeline.js';
import { BACKENDS } from './backends.js';
import { demoArticleCount, examplesDir } from './helpers.js';

const scratch = mkdtempSync(join(tmpdir(), 'parley-dedup-'));
after(() => rmSync(scratch, { recursive: true, force: true }));

const articles = new Map<string, Article>(); // by file number: "08"
const records = new Map<string, Extraction>();

before(async () => {
  for await (const item of readInputs([examplesDir])) {
    assert.ok(item.ok, item.ok ? '' : item.error);
    const number = basename(item.article.source).slice(0, 2);
    articles.set(number, item.article);
    records.set(number, processArticle(item.article).record);
  }
});

const idOf = (n: string) => articles.get(n)!.id;

/** A copy of an article with a few words changed (a new id, since the id is the text's hash). */
function edited(record: Extraction, edits: Array<[string, string]>, published?: string): Extraction {
  let text = record.article.text;
  for (const [from, to] of edits) {
    assert.ok(text.includes(from), from);
    text = text.replace(from, to);
  }
  return {
    ...record,
    article: { ...record.article, id: sha256(text), text, published: published ?? record.article.published, outlet: 'The Copy Desk' },
    // Spans would no longer match the edited text: the copy carries no facts (the grouping reads the text alone).
    actors: [], quotes: [], events: [], stances: [],
  };
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

describe('MinHash', () => {
  test('signatures are deterministic, sized, and survive storage', () => {
    const text = articles.get('01')!.text;
    const a = minhash(text);
    assert.equal(a.length, SIGNATURE_SIZE);
    assert.equal(LSH_BANDS * LSH_ROWS, SIGNATURE_SIZE);
    assert.deepEqual(minhash(text), a);
    assert.deepEqual(signatureFromBuffer(signatureToBuffer(a)), a);
    assert.equal(estimatedJaccard(a, a), 1);
    assert.equal(estimatedJaccard(minhash(''), minhash('')), 0, 'an empty text is nobody\'s duplicate');
  });

  test('normalisation: case, accents, curly and straight apostrophes, punctuation', () => {
    assert.deepEqual(normalisedWords('Russia’s “Review” — Tromsø, RUSSIA\'S review!'), ['russias', 'review', 'tromso', 'russias', 'review']);
  });

  test('on the demo corpus only 08/09 reach the threshold, with a wide margin on both sides', () => {
    const numbers = [...articles.keys()].sort();
    assert.equal(numbers.length, demoArticleCount);
    const pairs: Array<{ pair: string; estimate: number; exact: number }> = [];
    for (let i = 0; i < numbers.length; i++) {
      for (let j = i + 1; j < numbers.length; j++) {
        const a = articles.get(numbers[i]!)!.text;
        const b = articles.get(numbers[j]!)!.text;
        pairs.push({
          pair: `${numbers[i]}/${numbers[j]}`,
          estimate: estimatedJaccard(minhash(a), minhash(b)),
          exact: exactJaccard(shingleHashes(a), shingleHashes(b)),
        });
      }
    }
    const rewrite = pairs.find((p) => p.pair === '08/09')!;
    const others = pairs.filter((p) => p !== rewrite);
    const highestOther = Math.max(...others.map((p) => p.estimate));
    // The figures documented at DUPLICATE_THRESHOLD in src/kb/dedup.ts.
    assert.ok(Math.abs(rewrite.estimate - 0.266) < 0.001 && Math.abs(rewrite.exact - 0.293) < 0.001, JSON.stringify(rewrite));
    assert.ok(highestOther <= 0.032, `highest other pair ${highestOther}`);
    assert.ok(Math.max(...others.map((p) => p.exact)) < 0.02);
    assert.ok(rewrite.estimate >= DUPLICATE_THRESHOLD && highestOther < DUPLICATE_THRESHOLD / 4);
  });
});

for (const backend of BACKENDS) {
  describe(`story groups in the store (${backend.name})`, { skip: backend.skip }, () => {
    let store: Store;
    let location: string;
    before(async () => {
      location = await backend.fresh();
      store = await openStore(location);
      for (const record of records.values()) await store.put(record);
    });
    after(async () => store?.close());

    test('08 and 09 are one story named after 08; every other article is alone', async () => {
      const ids = [...articles.keys()].sort().map(idOf);
      const stories = await store.storyIds(ids);
      for (const [number, article] of articles) {
        assert.equal(stories[article.id], number === '09' ? idOf('08') : article.id, number);
      }
      const grouped = await store.stories({ minArticles: 2 });
      assert.equal(grouped.total, 1);
      assert.deepEqual(grouped.items[0]!.articles.map((a) => a.articleId), [idOf('08'), idOf('09')]);
      assert.deepEqual(grouped.items[0]!.articles.map((a) => a.outlet), ['Meridian Post', 'Atlantic Dispatch']);
      assert.equal((await store.stories()).total, demoArticleCount - 1);

      const dups = await store.duplicates(idOf('08'));
      assert.deepEqual(dups.map((d) => d.articleId), [idOf('09')]);
      assert.ok(dups[0]!.similarity >= DUPLICATE_THRESHOLD);
      assert.deepEqual((await store.duplicates(idOf('09'))).map((d) => d.articleId), [idOf('08')]);
      for (const number of ['01', '04', '05', '06', '07', '13', '14', '15']) assert.deepEqual(await store.duplicates(idOf(number)), [], number);
      assert.deepEqual(await store.duplicates('0'.repeat(64)), []);
      assert.equal(await store.story('0'.repeat(64)), null);
      assert.equal((await store.story(idOf('05')))!.articles.length, 1);
    });

    test('aggregates can count a story once', async () => {
      const all = await store.stats();
      const once = await store.storyStats();
      const rewrite = records.get('09')!;
      assert.equal(once.articles, demoArticleCount);
      assert.equal(once.stories, demoArticleCount - 1);
      assert.equal(once.duplicates, 1);
      assert.equal(once.quotes, all.quotes - rewrite.quotes.length);
      assert.equal(once.events, all.events - rewrite.events.length);
      assert.equal(once.stances, all.stances - rewrite.stances.length);
      assert.equal((await store.events({ onePerStory: true, limit: 1 })).total, all.events - rewrite.events.length);
      assert.equal((await store.quotes({ onePerStory: true, limit: 1 })).total, all.quotes - rewrite.quotes.length);
      const korelsky = await store.quotes({ actor: 'Korelsky', onePerStory: true, limit: 200 });
      assert.ok(korelsky.items.every((q) => q.articleId !== idOf('09')));
    });

    test('a near-duplicate ingested twice with small edits stays in one group', async () => {
      const original = records.get('08')!;
      const first = edited(original, [['sharply escalating', 'sharply raising'], ['on Friday', 'late on Friday']]);
      const second = edited(original, [['sharply escalating', 'markedly escalating'], ['told reporters in Moscow', 'told journalists in Moscow']]);
      assert.equal((await store.put(first)).stored, true);
      assert.equal((await store.put(second)).stored, true);
      assert.equal((await store.put(second)).stored, false, 'idempotent');
      const story = (await store.story(second.article.id))!;
      assert.equal(story.storyId, idOf('08'));
      assert.deepEqual(new Set(story.articles.map((a) => a.articleId)), new Set([idOf('08'), idOf('09'), first.article.id, second.article.id]));
      const similarity = story.articles.find((a) => a.articleId === first.article.id)!.similarity;
      assert.ok(similarity > 0.8, `an edited copy estimates ${similarity}`);
      assert.equal((await store.stories({ minArticles: 2 })).total, 1);
    });

    test('an earlier-published copy names the group; deleting it renames the group after the next earliest', async () => {
      const earlier = edited(records.get('09')!, [['a sharp escalation', 'a serious escalation']], '2026-03-12');
      await store.put(earlier);
      const story = (await store.story(idOf('09')))!;
      assert.equal(story.storyId, earlier.article.id);
      assert.equal(story.articles[0]!.articleId, earlier.article.id);
      assert.deepEqual(await store.storyIds([idOf('08')]), { [idOf('08')]: earlier.article.id });

      await backend.query(location, `DELETE FROM articles WHERE id = ${backend.param(1)}`, [earlier.article.id]);
      assert.equal((await store.story(idOf('09')))!.storyId, idOf('08'));
      assert.equal((await store.story(idOf('08')))!.storyId, idOf('08'));
      assert.equal((await store.stories({ minArticles: 2 })).items[0]!.articles.length, 4);
    });
  });
}

describe('story groups in an older SQLite store', () => {
  test('a store from before story groups is signed when opened', async () => {
    const path = join(scratch, 'old.db');
    const old = await openStore(path);
    for (const number of ['07', '08', '09']) await old.put(records.get(number)!);
    await old.close();
    const db = new Database(path);
    db.exec('DELETE FROM article_signatures');
    assert.equal(db.prepare('SELECT count(*) FROM story_buckets').pluck().get(), 0, 'buckets go with their signature');
    db.close();
    const reopened = await openStore(path);
    assert.equal((await reopened.storyStats()).stories, 2);
    assert.deepEqual((await reopened.duplicates(idOf('09'))).map((d) => d.articleId), [idOf('08')]);
    let n = 0;
    for await (const { record, storyId } of reopened.eachRecord({ batchSize: 2 })) {
      n++;
      assert.equal(storyId, record.article.id === idOf('09') ? idOf('08') : record.article.id);
    }
    assert.equal(n, 3);
    await reopened.close();
  });
});
