// Parser experiments: trains on EWT+GUM train with the cached jack-knifed tags and reports UAS/LAS on the dev sets
// (EWT dev, GUM dev; tagged by the committed tagger) after chosen epochs, plus parse-only time on EWT dev.
// Usage: node dist/train/parser-exp.js --jk-cache FILE [--epochs N] [--eval-epochs 6,8] [--explore-p P]
//        [--explore-from E] [--prune T] [--eval-prunes 1,0.5] [--beam K] [--eval-beams 1,4] [--test] [--model FILE (evaluate a stored model, no training)]

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { UDSentence } from '../src/nlp/conllu.js';
import { TAGGER_FILE } from '../src/nlp/models.js';
import { Parser } from '../src/nlp/parser.js';
import { Tagger } from '../src/nlp/tagger.js';
import type { TaggedWord } from '../src/nlp/tagger.js';
import { MODELS_DIR, argValue, dataDir, loadEwt, loadGum } from './data.js';
import { trainParser, type ParseExample } from './parser.js';

const log = (m: string): void => console.log(`[${new Date().toISOString().slice(11, 19)}] ${m}`);

function main(): void {
  const dir = dataDir();
  const tagger = Tagger.load(join(MODELS_DIR, TAGGER_FILE));
  const sets: Array<[string, UDSentence[]]> = [
    ['EWT dev', loadEwt(dir, 'dev')],
    ['GUM dev', loadGum(dir, 'dev')],
  ];
  if (process.argv.includes('--test')) sets.push(['EWT test', loadEwt(dir, 'test')], ['GUM test', loadGum(dir, 'test')]);
  const tagged: Array<[string, UDSentence[], TaggedWord[][]]> = sets.map(([n, d]) => [n, d, d.map((s) => tagger.tag(s.words))]);
  const evalBeams = argValue('--eval-beams')?.split(',').map(Number);
  const evaluate = (p: Parser, what: string): void => {
    for (const b of evalBeams ?? [p.beam]) evaluateWidth(p, b, `${what}, beam ${b}`);
  };
  const evaluateWidth = (p: Parser, beam: number, what: string): void => {
    const parts: string[] = [];
    for (const [name, data, tags] of tagged) {
      let n = 0, uas = 0, las = 0;
      const t0 = performance.now();
      for (let i = 0; i < data.length; i++) {
        const s = data[i]!;
        const arcs = p.parse(s.words, tags[i]!, beam);
        for (let k = 0; k < s.words.length; k++) {
          n++;
          if (arcs[k]!.head === s.heads[k]) {
            uas++;
            if (arcs[k]!.deprel === s.deprels[k]) las++;
          }
        }
      }
      const ms = performance.now() - t0;
      parts.push(`${name} UAS ${((100 * uas) / n).toFixed(2)} LAS ${((100 * las) / n).toFixed(2)} (${Math.round(n / (ms / 1000))} w/s)`);
    }
    log(`${what}: ${parts.join(' | ')}`);
  };
  const model = argValue('--model');
  if (model) {
    const p = Parser.load(model);
    evaluate(p, model);
    evaluate(p, model + ' (again)');
    return;
  }
  const limit = argValue('--limit');
  const train = [...loadEwt(dir, 'train'), ...loadGum(dir, 'train')];
  const jk = JSON.parse(readFileSync(argValue('--jk-cache')!, 'utf8')) as Array<{ upos: string[]; xpos: string[] }>;
  const all: ParseExample[] = train.map((s, i) => ({ words: s.words, upos: jk[i]!.upos, xpos: jk[i]!.xpos, heads: s.heads, deprels: s.deprels }));
  const examples = limit ? all.slice(0, Number(limit)) : all;
  const num = (name: string): number | undefined => (argValue(name) === undefined ? undefined : Number(argValue(name)));
  const epochs = num('--epochs') ?? 8;
  const evalEpochs = new Set((argValue('--eval-epochs') ?? String(epochs)).split(',').map(Number));
  const prunes = (argValue('--eval-prunes') ?? String(num('--prune') ?? 1)).split(',').map(Number);
  const t0 = Date.now();
  trainParser(examples, {
    epochs,
    ...(num('--prune') !== undefined ? { prune: num('--prune')! } : {}),
    ...(num('--explore-p') !== undefined ? { exploreP: num('--explore-p')! } : {}),
    ...(num('--beam') !== undefined ? { beam: num('--beam')! } : {}),
    ...(num('--explore-from') !== undefined ? { exploreFrom: num('--explore-from')! } : {}),
    log: (m) => log(`${m} (${((Date.now() - t0) / 1000).toFixed(0)}s)`),
    onEpoch: (ep, snap) => {
      if (!evalEpochs.has(ep)) return;
      for (const prune of prunes) {
        const p = snap(prune);
        evaluate(p, `epoch ${ep}, prune ${prune}, ${p.size} features`);
      }
    },
  });
}

main();
