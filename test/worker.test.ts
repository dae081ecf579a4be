// One worker, in process: it extracts on its own thread with two jobs in hand, stores what it is given exactly as
// a direct extraction would, and fails a job that holds no article with a one-line reason while the others go on.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import PgBoss from 'pg-boss';
import { variantArticles } from '../bench/articles.js';
import { openStore } from '../src/kb/index.js';
import { processArticle } from '../src/pipeline.js';
import { QUEUE, openEnqueuer, runWorker, type QueueSettings } from '../src/worker/index.js';
import { emptyPostgresDatabase, postgres } from './backends.js';

const SETTINGS: QueueSettings = { expireInSeconds: 30, retryLimit: 0, retryDelay: 0, maintenanceIntervalSeconds: 1 };

test('a worker with two jobs in hand stores every queued article as extracted, and fails a broken job alone', {
  skip: postgres.skip, timeout: 120_000,
}, async () => {
  const url = await emptyPostgresDatabase();
  const articles = variantArticles(12);
  const enqueuer = await openEnqueuer(url, SETTINGS);
  for (const article of articles) assert.equal(await enqueuer.enqueue(article), 'queued');
  await enqueuer.close();
  // A job another program put in the queue by mistake.
  const boss = new PgBoss({ connectionString: url, supervise: false, schedule: false });
  boss.on('error', () => {});
  await boss.start();
  await boss.send(QUEUE, { article: { id: 'broken', text: 42 } });
  await boss.stop({ graceful: false, close: true, wait: true });

  const errors: string[] = [];
  const summary = await runWorker({
    url, settings: SETTINGS, untilEmpty: true, pollSeconds: 0.2, concurrency: 2,
    onJob: (outcome) => { if ('error' in outcome) errors.push(`${outcome.articleId}: ${outcome.error}`); },
  });
  assert.deepEqual(summary, { stored: articles.length, alreadyStored: 0, failed: 1 });
  assert.deepEqual(errors, ['broken: the job holds no article']);

  const store = await openStore(url);
  try {
    assert.equal((await store.stats()).articles, articles.length);
    for (const article of articles) assert.deepEqual(await store.getRecord(article.id), processArticle(article).record, article.source);
  } finally {
    await store.close();
  }
});
