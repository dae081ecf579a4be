// Extraction off the main thread, for workers: the CPU-bound pipeline runs in a worker thread while the main thread
// keeps talking to PostgreSQL, so a worker can store one article while the next is being extracted, and a put
// holding a lock is never stalled behind an extraction on the same event loop.
import { Worker } from 'node:worker_threads';
import type { Article, Extraction } from '../contract.js';

export interface ExtractionRequest {
  id: number;
  article: Article;
}

export type ExtractionReply = { id: number; record: Extraction } | { id: number; error: string };

export interface Extractor {
  /** The article's extraction record; rejects with the pipeline's one-line error. */
  extract(article: Article): Promise<Extraction>;
  close(): Promise<void>;
}

/** One extraction thread, taking articles in turn; started on first use and again if it dies. */
export function createExtractor(): Extractor {
  let thread: Worker | null = null;
  let nextId = 0;
  const pending = new Map<number, { resolve: (record: Extraction) => void; reject: (error: Error) => void }>();

  function failAll(error: Error): void {
    for (const waiting of pending.values()) waiting.reject(error);
    pending.clear();
  }

  function started(): Worker {
    if (thread !== null) return thread;
    const worker = new Worker(new URL('./extractor-thread.js', import.meta.url));
    worker.on('message', (reply: ExtractionReply) => {
      const waiting = pending.get(reply.id);
      if (waiting === undefined) return;
      pending.delete(reply.id);
      if ('error' in reply) waiting.reject(new Error(reply.error));
      else waiting.resolve(reply.record);
    });
    worker.on('error', (error) => {
      thread = null;
      failAll(new Error(`the extraction thread failed: ${error.message.split('\n')[0]}`));
    });
    worker.on('exit', (code) => {
      if (thread !== worker) return;
      thread = null;
      failAll(new Error(`the extraction thread exited (code ${code})`));
    });
    thread = worker;
    return worker;
  }

  return {
    extract(article) {
      return new Promise<Extraction>((resolve, reject) => {
        const id = nextId++;
        pending.set(id, { resolve, reject });
        started().postMessage({ id, article } satisfies ExtractionRequest);
      });
    },
    async close() {
      const worker = thread;
      thread = null;
      failAll(new Error('the extractor was closed'));
      if (worker !== null) await worker.terminate();
    },
  };
}
