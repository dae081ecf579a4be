// Throughput of tag + entities + parse on one core over EWT test sentences (gold tokens), plus load time and RSS.
// Usage: node dist/bench/nlp.js [--data DIR] [--models DIR] [--rounds N]

import { argValue, dataDir, loadEwt } from '../train/data.js';
import { loadModels } from '../src/nlp/models.js';

const t0 = performance.now();
const models = loadModels(argValue('--models'));
models.preload?.();
const loadMs = performance.now() - t0;
const sentences = loadEwt(dataDir(), 'test').map((s) => s.words);
const rounds = Number(argValue('--rounds') ?? 3);

function run(stage: 'tag' | 'ner' | 'parse' | 'all'): number {
  let words = 0;
  const start = performance.now();
  for (let r = 0; r < rounds; r++) {
    for (const s of sentences) {
      const tags = models.tag(s);
      if (stage === 'all' || stage === 'ner') models.entities(s, tags);
      if (stage === 'all' || stage === 'parse') models.parse(s, tags);
      words += s.length;
    }
  }
  return words / ((performance.now() - start) / 1000);
}

run('all'); // warm-up
const tagRate = run('tag');
const nerRate = run('ner');
const parseRate = run('parse');
const allRate = run('all');
const rss = process.memoryUsage().rss / 1024 / 1024;
console.log(`load ${loadMs.toFixed(0)} ms`);
console.log(`tag only: ${Math.round(tagRate).toLocaleString('en-US')} words/s`);
console.log(`tag + entities: ${Math.round(nerRate).toLocaleString('en-US')} words/s`);
console.log(`tag + parse: ${Math.round(parseRate).toLocaleString('en-US')} words/s`);
console.log(`tag + entities + parse: ${Math.round(allRate).toLocaleString('en-US')} words/s`);
console.log(`RSS ${rss.toFixed(0)} MB`);
