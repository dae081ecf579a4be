// The body of an extraction thread (see extractor.ts): models load here, once, and each article sent in comes back
// as its extraction record or a one-line error.
import { parentPort } from 'node:worker_threads';
import { processArticle } from '../pipeline.js';
import type { ExtractionReply, ExtractionRequest } from './extractor.js';

parentPort!.on('message', ({ id, article }: ExtractionRequest) => {
  let reply: ExtractionReply;
  try {
    reply = { id, record: processArticle(article).record };
  } catch (error) {
    reply = { id, error: (error instanceof Error ? error.message : String(error)).split('\n')[0]! };
  }
  parentPort!.postMessage(reply);
});
