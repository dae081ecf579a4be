// Rebuilds every model in models/ from the shared corpora, deterministically (fixed seeds and iteration order).
// Usage: node dist/train/index.js [--data DIR] [--out DIR] [--only tagger,ner,parser] [--jk-cache FILE]
//        [--ner-epochs N] [--ner-prune T] [--ner-sources uner,gum] [--ner-snapshots E1,E2,...]

import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { UDSentence } from '../src/nlp/conllu.js';
import { GazetteerMatcher, buildGazetteer } from '../src/nlp/ner-lexicon.js';
import { NER_FILE, PARSER_FILE, TAGGER_FILE } from '../src/nlp/models.js';
import { Tagger } from '../src/nlp/tagger.js';
import { MODELS_DIR, argValue, dataDir, loadEwt, loadGum, loadUner, petrarchActorsPath } from './data.js';
import { gumSpans, unerSpans } from './entities.js';
import { trainNer, type NerExample } from './ner.js';
import { trainTagger } from './tagger.js';
import { trainParser, type ParseExample } from './parser.js';

export const TAGGER_EPOCHS = 10;
export const JACKKNIFE_FOLDS = 4;
export const JACKKNIFE_EPOCHS = 6;
export const PARSER_EPOCHS = 8;
export const PARSER_PRUNE = 1;

const log = (m: string): void => console.log(`[${new Date().toISOString().slice(11, 19)}] ${m}`);

/** Predicted (upos, xpos) for every training sentence from taggers that did not see it. */
export function jackknife(train: UDSentence[], folds: number, epochs: number): Array<{ upos: string[]; xpos: string[] }> {
  const out: Array<{ upos: string[]; xpos: string[] }> = new Array(train.length);
  for (let f = 0; f < folds; f++) {
    const part = train.filter((_, i) => i % folds !== f);
    const t0 = Date.now();
    const { tagger } = trainTagger(part, { epochs, seed: 100 + f });
    let correct = 0;
    let total = 0;
    for (let i = f; i < train.length; i += folds) {
      const s = train[i]!;
      const tags = tagger.tag(s.words);
      out[i] = { upos: tags.map((t) => t.upos), xpos: tags.map((t) => t.xpos) };
      for (let k = 0; k < tags.length; k++) if (tags[k]!.upos === s.upos[k]) correct++;
      total += tags.length;
    }
    log(`jackknife fold ${f + 1}/${folds}: UPOS ${((100 * correct) / total).toFixed(2)} (${((Date.now() - t0) / 1000).toFixed(0)}s)`);
  }
  return out;
}

function main(): void {
  const dir = dataDir();
  const outDir = argValue('--out') ?? MODELS_DIR;
  const only = new Set((argValue('--only') ?? 'tagger,ner,parser').split(','));
  const jkCache = argValue('--jk-cache');
  mkdirSync(outDir, { recursive: true });
  const t00 = Date.now();
  log(`data: ${dir}, models: ${outDir}`);
  const train = [...loadEwt(dir, 'train'), ...loadGum(dir, 'train')];
  log(`training sentences: ${train.length}`);

  let tagger: Tagger | null = null;
  const getTagger = (): Tagger => {
    if (tagger) return tagger;
    // Retraining only the recogniser: the committed tagger is what this same deterministic training would produce,
    // so reuse it rather than spend ten epochs rebuilding it to retag a few sentences.
    const committed = join(MODELS_DIR, TAGGER_FILE);
    if (!only.has('tagger') && existsSync(committed)) {
      tagger = Tagger.load(committed);
      log(`tagger: loaded ${committed}`);
      return tagger;
    }
    const t0 = Date.now();
    const res = trainTagger(train, { epochs: TAGGER_EPOCHS, seed: 1, log });
    if (only.has('tagger')) writeFileSync(join(outDir, TAGGER_FILE), res.file);
    log(`tagger: ${res.tagger.weights.size} features, ${res.file.length} bytes, ${((Date.now() - t0) / 1000).toFixed(0)}s`);
    tagger = res.tagger;
    return tagger;
  };
  if (only.has('tagger')) getTagger();

  let jk: Array<{ upos: string[]; xpos: string[] }> | null = null;
  const getJackknife = (): Array<{ upos: string[]; xpos: string[] }> => {
    if (jk) return jk;
    if (jkCache && existsSync(jkCache)) {
      jk = JSON.parse(readFileSync(jkCache, 'utf8')) as Array<{ upos: string[]; xpos: string[] }>;
      log(`jackknifed tags from ${jkCache}`);
      return jk;
    }
    jk = jackknife(train, JACKKNIFE_FOLDS, JACKKNIFE_EPOCHS);
    if (jkCache) writeFileSync(jkCache, JSON.stringify(jk));
    return jk;
  };

  if (only.has('ner')) {
    const t0 = Date.now();
    const tags = getJackknife();
    const gazetteer = buildGazetteer(petrarchActorsPath(dir));
    const matcher = new GazetteerMatcher(gazetteer);
    const byId = new Map<string, { words: string[]; xpos: string[] }>();
    train.forEach((s, i) => {
      if (s.id) byId.set(s.id, { words: s.words, xpos: tags[i]!.xpos });
    });
    const examples: NerExample[] = [];
    let retagged = 0;
    const sources = new Set((argValue('--ner-sources') ?? 'uner,gum').split(','));
    for (const s of sources.has('uner') ? loadUner(dir, 'train') : []) {
      const known = byId.get(s.id);
      let xpos: string[];
      if (known && known.words.join(' ') === s.words.join(' ')) xpos = known.xpos;
      else {
        xpos = getTagger().tag(s.words).map((t) => t.xpos);
        retagged++;
      }
      examples.push({ words: s.words, xpos, spans: unerSpans(s.words, s.tags, matcher) });
    }
    train.forEach((s, i) => {
      if (sources.has('gum') && s.doc.startsWith('GUM_')) examples.push({ words: s.words, xpos: tags[i]!.xpos, spans: gumSpans(s, matcher) });
    });
    log(`ner: ${examples.length} sentences (${retagged} retagged)`);
    // --ner-epochs N trains longer or shorter; --ner-snapshots 6,8,12 also writes the averaged model after those
    // epochs to OUT/ner-epN/ (beside a copy of the tagger), so one run can choose the epoch count on dev data.
    const epochsArg = argValue('--ner-epochs');
    const snapshots = argValue('--ner-snapshots')?.split(',').map(Number);
    const snapshot = snapshots && {
      epochs: snapshots,
      write: (epoch: number, file: Buffer): void => {
        const dir = join(outDir, `ner-ep${epoch}`);
        mkdirSync(dir, { recursive: true });
        writeFileSync(join(dir, NER_FILE), file);
        copyFileSync(join(MODELS_DIR, TAGGER_FILE), join(dir, TAGGER_FILE));
      },
    };
    const pruneArg = argValue('--ner-prune');
    const res = trainNer(examples, gazetteer, {
      log,
      snapshot,
      ...(epochsArg ? { epochs: Number(epochsArg) } : {}),
      ...(pruneArg ? { prune: Number(pruneArg) } : {}),
    });
    writeFileSync(join(outDir, NER_FILE), res.file);
    log(`ner: ${res.model.weights.size} features, ${res.file.length} bytes, ${((Date.now() - t0) / 1000).toFixed(0)}s`);
  }

  if (only.has('parser')) {
    const t0 = Date.now();
    const tags = getJackknife();
    const examples: ParseExample[] = train.map((s, i) => ({
      words: s.words,
      upos: tags[i]!.upos,
      xpos: tags[i]!.xpos,
      heads: s.heads,
      deprels: s.deprels,
    }));
    const res = trainParser(examples, { epochs: PARSER_EPOCHS, prune: PARSER_PRUNE, log });
    writeFileSync(join(outDir, PARSER_FILE), res.file);
    log(`parser: ${res.parser.size} features, ${res.file.length} bytes, ${((Date.now() - t0) / 1000).toFixed(0)}s`);
  }
  log(`done in ${((Date.now() - t00) / 1000).toFixed(0)}s`);
}

main();
