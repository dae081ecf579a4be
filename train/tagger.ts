// Training of the averaged-perceptron tagger.

import { rng, shuffle } from '../src/nlp/hash.js';
import { PerceptronTrainer, encodeModel } from '../src/nlp/perceptron.js';
import { AmbiguityLexicon, MAX_TAG_FEATS, Tagger, sentenceAttrs, tagFeatures, type TaggerHeader } from '../src/nlp/tagger.js';
import { A_LOWER, A_WORD, wordAttrs } from '../src/nlp/features.js';
import { hashString } from '../src/nlp/hash.js';
import { lemmaExceptions } from '../src/nlp/lemma.js';

/** Words seen at least minCount times -> hash of their XPOS tags with >= minShare of their occurrences. */
export function buildAmbiguityLexicon(data: TagSentence[], minCount = 3, minShare = 0.05): { keys: Int32Array; vals: Int32Array } {
  const counts = new Map<number, Map<string, number>>();
  for (const s of data) {
    for (let i = 0; i < s.words.length; i++) {
      const k = wordAttrs(s.words[i]!)[A_LOWER]!;
      let m = counts.get(k);
      if (!m) counts.set(k, (m = new Map()));
      m.set(s.xpos[i]!, (m.get(s.xpos[i]!) ?? 0) + 1);
    }
  }
  const keys = [...counts.keys()].sort((a, b) => a - b);
  const outK: number[] = [];
  const outV: number[] = [];
  for (const k of keys) {
    const m = counts.get(k)!;
    let total = 0;
    for (const v of m.values()) total += v;
    if (total < minCount) continue;
    const tags = [...m.entries()].filter(([, v]) => v >= minShare * total).map(([t]) => t).sort();
    outK.push(k);
    outV.push(hashString(tags.join(' '), 77));
  }
  return { keys: Int32Array.from(outK), vals: Int32Array.from(outV) };
}

export interface TagSentence {
  words: string[];
  upos: string[];
  xpos: string[];
  lemmas?: string[];
}

export interface TaggerTrainOptions {
  epochs?: number;
  seed?: number;
  prune?: number;
  log?: (msg: string) => void;
}

export function jointTag(upos: string, xpos: string): string {
  return upos + '\t' + xpos;
}

export function trainTagger(data: TagSentence[], opts: TaggerTrainOptions = {}): { tagger: Tagger; header: TaggerHeader; file: Buffer } {
  const epochs = opts.epochs ?? 10;
  const classSet = new Set<string>();
  for (const s of data) for (let i = 0; i < s.words.length; i++) classSet.add(jointTag(s.upos[i]!, s.xpos[i]!));
  const classes = [...classSet].sort();
  const index = new Map(classes.map((c, i) => [c, i]));
  const nc = classes.length;
  const trainer = new PerceptronTrainer(nc);
  const feats = new Int32Array(MAX_TAG_FEATS);
  const scores = new Float64Array(nc);
  const rand = rng(opts.seed ?? 1);
  const golds = data.map((s) => Int32Array.from(s.words.map((_, i) => index.get(jointTag(s.upos[i]!, s.xpos[i]!))!)));
  const order = data.map((_, i) => i);
  const lexArrays = buildAmbiguityLexicon(data);
  const lexicon = new AmbiguityLexicon(lexArrays.keys, lexArrays.vals);
  for (let ep = 0; ep < epochs; ep++) {
    shuffle(order, rand);
    let correct = 0;
    let total = 0;
    for (const si of order) {
      const s = data[si]!;
      const gold = golds[si]!;
      const ctx = sentenceAttrs(s.words);
      const amb = lexicon.classes(ctx);
      let p1 = nc;
      let p2 = nc + 1;
      for (let i = 0; i < s.words.length; i++) {
        const nf = tagFeatures(ctx, amb, i, p1, p2, feats);
        trainer.score(feats, nf, scores);
        let best = 0;
        for (let c = 1; c < nc; c++) if (scores[c]! > scores[best]!) best = c;
        const g = gold[i]!;
        if (best !== g) {
          trainer.update(feats, nf, g, 1);
          trainer.update(feats, nf, best, -1);
        } else correct++;
        total++;
        trainer.tick();
        p2 = p1;
        p1 = best;
      }
    }
    opts.log?.(`tagger epoch ${ep + 1}/${epochs}: train acc ${((100 * correct) / total).toFixed(2)}`);
  }
  const weights = trainer.finalize(opts.prune ?? 0.05);
  const { arrays, meta } = weights.toArrays('w');
  const triples: Array<[string, string, string]> = [];
  for (const s of data) if (s.lemmas) for (let i = 0; i < s.words.length; i++) triples.push([s.words[i]!, s.xpos[i]!, s.lemmas[i]!]);
  const lemmas = lemmaExceptions(triples);
  const header: TaggerHeader = { kind: 'tagger', version: 1, classes, weights: meta, lemmas };
  // Frequent, unambiguous words are tagged by lookup.
  const formCounts = new Map<number, Map<number, number>>();
  data.forEach((s, si) => {
    for (let i = 0; i < s.words.length; i++) {
      const k = wordAttrs(s.words[i]!)[A_WORD]!;
      let m = formCounts.get(k);
      if (!m) formCounts.set(k, (m = new Map()));
      const g = golds[si]![i]!;
      m.set(g, (m.get(g) ?? 0) + 1);
    }
  });
  const sureK: number[] = [];
  const sureV: number[] = [];
  for (const k of [...formCounts.keys()].sort((a, b) => a - b)) {
    const m = formCounts.get(k)!;
    let total = 0;
    let best = -1;
    let bc = 0;
    for (const [c, v] of m) {
      total += v;
      if (v > bc || (v === bc && c < best)) {
        best = c;
        bc = v;
      }
    }
    if (total >= 20 && bc / total >= 0.995) {
      sureK.push(k);
      sureV.push(best);
    }
  }
  const sure = { keys: Int32Array.from(sureK), vals: Int32Array.from(sureV) };
  const file = encodeModel(header, { ...arrays, 'amb.keys': lexArrays.keys, 'amb.vals': lexArrays.vals, 'sure.keys': sure.keys, 'sure.vals': sure.vals });
  const tagger = new Tagger(weights, classes, lexicon, lemmas);
  tagger.setSure(sure.keys, sure.vals);
  return { tagger, header, file };
}
