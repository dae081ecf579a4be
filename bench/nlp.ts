// Throughput of tag + entities + parse on one core over EWT test sentences (gold tokens), plus load time and RSS.
// The last rate line is the public analyze() on the raw text of the same documents (each EWT test document's
// `# text` lines joined into one paragraph): tokenising, sentence splitting, tagging, parsing, entities (model,
// gazetteer and name memory) and coreference, counting the tokens analyze() produced.
// Usage: node dist/bench/nlp.js [--data DIR] [--models DIR] [--rounds N]

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { argValue, dataDir, loadEwt } from '../train/data.js';
import { loadModels } from '../src/nlp/models.js';
import { analyze } from '../src/nlp/index.js';

const t0 = performance.now();
const models = loadModels(argValue('--models'));
models.preload?.();
const loadMs = performance.now() - t0;
const sentences = loadEwt(dataDir(), 'test').map((s) => s.words);
const rounds = Number(argValue('--rounds') ?? 3);

/** Raw text of each EWT test document: its sentences' `# text` lines joined with a space. */
function rawDocuments(): string[] {
  const docs: string[][] = [];
  for (const line of readFileSync(join(dataDir(), 'ud-ewt', 'en_ewt-ud-test.conllu'), 'utf8').split('\n')) {
    if (/^#\s*newdoc id\s*=/.test(line) || docs.length === 0) docs.push([]);
    const m = /^#\s*text\s*=\s*(.*)$/.exec(line);
    if (m) docs[docs.length - 1]!.push(m[1]!.trim());
  }
  return docs.filter((d) => d.length > 0).map((d) => d.join(' '));
}
const rawDocs = rawDocuments();

/** analyze() needs the default models directory; with --models pointing elsewhere the line is skipped. */
function runAnalyze(): number {
  let words = 0;
  const start = performance.now();
  for (let r = 0; r < rounds; r++) for (const text of rawDocs) words += analyze(text).tokens.length;
  return words / ((performance.now() - start) / 1000);
}

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
const useDefaultModels = argValue('--models') === undefined;
if (useDefaultModels) runAnalyze(); // warm-up
const analyzeRate = useDefaultModels ? runAnalyze() : NaN;
const rss = process.memoryUsage().rss / 1024 / 1024;
console.log(`load ${loadMs.toFixed(0)} ms`);
console.log(`tag only: ${Math.round(tagRate).toLocaleString('en-US')} words/s`);
console.log(`tag + entities: ${Math.round(nerRate).toLocaleString('en-US')} words/s`);
console.log(`tag + parse: ${Math.round(parseRate).toLocaleString('en-US')} words/s`);
console.log(`tag + entities + parse: ${Math.round(allRate).toLocaleString('en-US')} words/s`);
if (useDefaultModels) {
  console.log(`analyze raw text (tokenize + split + tag + parse + entities + coref): ${Math.round(analyzeRate).toLocaleString('en-US')} words/s`);
}
console.log(`RSS ${rss.toFixed(0)} MB`);
