// `npm run bench [-- <dir|files...>]`: words per second and peak memory for extraction (ingest + nlp + extract) over
// the inputs, after one warm-up article so that model loading is not counted. Without inputs it reads the PolNeAR
// dev texts when the shared data is beside the repository, else the bundled example articles.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { readInputs } from '../src/ingest/index.js';
import { ROOT, dataDir } from '../train/data.js';
import { processArticle } from '../src/pipeline.js';
import type { Article } from '../src/contract.js';

async function main(): Promise<void> {
  const inputs = process.argv.slice(2).filter((a, i, all) => a !== '--data' && all[i - 1] !== '--data');
  if (inputs.length === 0) {
    const polnearDev = join(dataDir(), 'polnear', 'dev', 'text');
    inputs.push(existsSync(polnearDev) ? polnearDev : join(ROOT, 'examples', 'articles'));
    console.log(`inputs          ${inputs[0]}`);
  }
  const articles: Article[] = [];
  for await (const item of readInputs(inputs)) {
    if (item.ok) articles.push(item.article);
    else process.stderr.write(`skipped ${item.error}\n`);
  }
  if (articles.length === 0) throw new Error('no readable articles in the inputs');
  const loadStart = performance.now();
  processArticle(articles[0]!);
  const warmup = performance.now() - loadStart;
  let peakRss = process.memoryUsage().rss;
  let words = 0;
  const started = performance.now();
  for (const article of articles) {
    words += article.text.split(/\s+/).filter(Boolean).length;
    processArticle(article);
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
  }
  const seconds = (performance.now() - started) / 1000;
  console.log(`articles        ${articles.length}`);
  console.log(`words           ${words}`);
  console.log(`first article   ${warmup.toFixed(0)} ms (includes loading models)`);
  console.log(`extract         ${(words / seconds).toFixed(0)} words/s  (${((1000 * seconds) / articles.length).toFixed(1)} ms/article)`);
  console.log(`peak RSS        ${(peakRss / 1024 / 1024).toFixed(0)} MB`);
}

main().catch((error) => {
  process.stderr.write(`bench: ${(error as Error).message}\n`);
  process.exitCode = 1;
});
