// Ingestion at scale: articles are queued in PostgreSQL (pg-boss) and extracted by any number of worker processes on
// any number of machines. A job's completion is written in the same transaction as its article's extraction, so a
// worker that dies at any point leaves either both or neither: its unfinished job expires and is fetched again, and
// a job that finds its article already stored (a second delivery) just completes.
import { setTimeout as sleep } from 'node:timers/promises';
import PgBoss from 'pg-boss';
import type { Article } from '../contract.js';
import { openPostgresStore } from '../kb/index.js';
import { createExtractor } from './extractor.js';

export const QUEUE = 'parley-articles';

export const DEFAULT_CONCURRENCY = 2;

export interface QueueSettings {
  /** Seconds a fetched job may run before it counts as abandoned (its worker died) and is retried. */
  expireInSeconds: number;
  /** Attempts after the first; an abandoned job uses one too. */
  retryLimit: number;
  /** Seconds before the first retry; doubles with each retry (plus jitter). */
  retryDelay: number;
  /** How often pg-boss looks for abandoned jobs, in seconds. */
  maintenanceIntervalSeconds: number;
}

export const DEFAULT_QUEUE_SETTINGS: QueueSettings = {
  expireInSeconds: 300,
  retryLimit: 5,
  retryDelay: 5,
  maintenanceIntervalSeconds: 30,
};

const SETTING_ENV: Record<keyof QueueSettings, string> = {
  expireInSeconds: 'PARLEY_QUEUE_EXPIRE_SECONDS',
  retryLimit: 'PARLEY_QUEUE_RETRY_LIMIT',
  retryDelay: 'PARLEY_QUEUE_RETRY_DELAY',
  maintenanceIntervalSeconds: 'PARLEY_QUEUE_CHECK_SECONDS',
};

/** The defaults, overridden by PARLEY_QUEUE_* environment variables; a bad value is an error naming the variable. */
export function queueSettingsFromEnv(env: NodeJS.ProcessEnv = process.env): QueueSettings {
  const settings = { ...DEFAULT_QUEUE_SETTINGS };
  for (const [key, name] of Object.entries(SETTING_ENV) as Array<[keyof QueueSettings, string]>) {
    const raw = env[name];
    if (raw === undefined || raw.trim() === '') continue;
    const value = Number(raw);
    const least = key === 'retryLimit' || key === 'retryDelay' ? 0 : 1;
    if (!Number.isInteger(value) || value < least) throw new Error(`${name} must be a whole number of at least ${least}, not "${raw}"`);
    settings[key] = value;
  }
  return settings;
}

interface ArticleJob {
  article: Article;
}

export function isPostgresUrl(location: string): boolean {
  return /^postgres(ql)?:\/\//i.test(location);
}

async function startBoss(url: string, settings: QueueSettings, supervise: boolean): Promise<PgBoss> {
  const boss = new PgBoss({
    connectionString: url,
    max: 2,
    supervise,
    schedule: false,
    maintenanceIntervalSeconds: settings.maintenanceIntervalSeconds,
  });
  // pg-boss reports connection trouble as events; without a listener Node would crash on them.
  boss.on('error', (error) => process.stderr.write(`parley: queue: ${oneLine(error)}\n`));
  await boss.start();
  const existing = await boss.getQueue(QUEUE);
  if (!existing) {
    try {
      await boss.createQueue(QUEUE, {
        name: QUEUE,
        policy: 'short',
        expireInSeconds: settings.expireInSeconds,
        retryLimit: settings.retryLimit,
        retryDelay: settings.retryDelay,
        retryBackoff: true,
      });
    } catch (error) {
      // Another process created it in the meantime.
      if (!(await boss.getQueue(QUEUE))) throw error;
    }
  }
  return boss;
}

function oneLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0]!;
}

export interface Enqueuer {
  /** Queues an article unless it is stored already or waiting in the queue; says which. */
  enqueue(article: Article): Promise<'queued' | 'stored' | 'waiting'>;
  close(): Promise<void>;
}

export async function openEnqueuer(url: string, settings: QueueSettings = DEFAULT_QUEUE_SETTINGS): Promise<Enqueuer> {
  const store = await openPostgresStore(url);
  let boss: PgBoss;
  try {
    boss = await startBoss(url, settings, false);
  } catch (error) {
    await store.close();
    throw error;
  }
  return {
    async enqueue(article) {
      if (await store.hasArticle(article.id)) return 'stored';
      // The queue's 'short' policy keeps one waiting job per key: queuing the same article twice is a no-op.
      const id = await boss.send(QUEUE, { article } satisfies ArticleJob, { singletonKey: article.id });
      return id === null ? 'waiting' : 'queued';
    },
    async close() {
      await boss.stop({ graceful: false, close: true, wait: true });
      await store.close();
    },
  };
}

export interface WorkerOptions {
  url: string;
  settings?: QueueSettings;
  /** Stop when no job is waiting or running (for batch runs and tests); otherwise poll until stopped. */
  untilEmpty?: boolean;
  /** Seconds between polls of an empty queue. */
  pollSeconds?: number;
  /**
   * Jobs in hand at once (default 2). Extraction runs on its own thread, so with two one article is stored while
   * the next is extracted: a worker keeps about one and a half cores busy (its extraction thread, its own thread
   * and its share of PostgreSQL), so run one for every two cores.
   */
  concurrency?: number;
  signal?: AbortSignal;
  onJob?: (outcome: { articleId: string; stored: boolean } | { articleId: string | null; error: string }) => void;
}

export interface WorkerSummary {
  stored: number;
  alreadyStored: number;
  failed: number;
}

/** Fetches and processes jobs, `concurrency` at a time, until stopped (or, with untilEmpty, until the queue is drained). */
export async function runWorker(options: WorkerOptions): Promise<WorkerSummary> {
  const settings = options.settings ?? DEFAULT_QUEUE_SETTINGS;
  const concurrency = options.concurrency ?? DEFAULT_CONCURRENCY;
  if (!Number.isInteger(concurrency) || concurrency < 1) throw new Error(`concurrency must be a whole number of at least 1, not ${concurrency}`);
  const store = await openPostgresStore(options.url);
  let boss: PgBoss;
  try {
    boss = await startBoss(options.url, settings, true);
  } catch (error) {
    await store.close();
    throw error;
  }
  const extractor = createExtractor();
  const summary: WorkerSummary = { stored: 0, alreadyStored: 0, failed: 0 };

  async function takeJobs(): Promise<void> {
    while (!options.signal?.aborted) {
      const [job] = await boss.fetch<ArticleJob>(QUEUE, { batchSize: 1 });
      if (!job) {
        if (options.untilEmpty && (await boss.getQueueSize(QUEUE, { before: 'completed' })) === 0) break;
        await sleep((options.pollSeconds ?? 1) * 1000, undefined, { signal: options.signal }).catch(() => undefined);
        continue;
      }
      const articleId = job.data?.article?.id ?? null;
      try {
        if (!job.data?.article || typeof job.data.article.text !== 'string') throw new Error('the job holds no article');
        const record = await extractor.extract(job.data.article);
        const result = await store.put(record, {
          beforeCommit: (db) => boss.complete(QUEUE, job.id, { stored: record.article.id }, { db: db as PgBoss.Db }),
        });
        if (result.stored) summary.stored++;
        else summary.alreadyStored++;
        options.onJob?.({ articleId: record.article.id, stored: result.stored });
      } catch (error) {
        summary.failed++;
        const message = oneLine(error);
        options.onJob?.({ articleId, error: message });
        // Failing sends the job back for a retry with backoff until its retry limit is spent.
        await boss.fail(QUEUE, job.id, { error: message }).catch(() => undefined);
      }
    }
  }

  try {
    await Promise.all(Array.from({ length: concurrency }, takeJobs));
  } finally {
    await extractor.close();
    await boss.stop({ graceful: false, close: true, wait: true }).catch(() => undefined);
    await store.close();
  }
  return summary;
}
