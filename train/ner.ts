// Training of the named-entity recogniser: a structured (sequence-level) averaged perceptron. Each sentence is
// decoded with the same Viterbi search as prediction, and where the best sequence differs from the gold one the
// features of the gold labels are rewarded and those of the predicted labels penalised (Collins 2002).

import { rng, shuffle } from '../src/nlp/hash.js';
import { PerceptronTrainer, encodeModel } from '../src/nlp/perceptron.js';
import { spansToIob, type Span } from '../src/nlp/conllu.js';
import { GazetteerMatcher, type GazType } from '../src/nlp/ner-lexicon.js';
import { MAX_NER_FEATS, NER_CLASSES, NerDecoder, Recogniser, nerContext, nerFeatures, nerLabelFeatures, pairIndex, type NerHeader } from '../src/nlp/ner.js';

export interface NerExample {
  words: string[];
  xpos: string[];
  spans: Span[];
}

export interface NerTrainOptions {
  epochs?: number;
  seed?: number;
  prune?: number;
  log?: (msg: string) => void;
  /** Called after the given epochs with the averaged model so far (for choosing the epoch count on dev data). */
  snapshot?: { epochs: number[]; write: (epoch: number, file: Buffer) => void };
}

export const NER_EPOCHS = 10;
export const NER_PRUNE = 0.05;

export function trainNer(data: NerExample[], gazetteer: Array<[string, GazType]>, opts: NerTrainOptions = {}): { model: Recogniser; file: Buffer } {
  const epochs = opts.epochs ?? NER_EPOCHS;
  const prune = opts.prune ?? NER_PRUNE;
  const classes = NER_CLASSES;
  const nc = classes.length;
  const index = new Map(classes.map((c, i) => [c, i]));
  const matcher = new GazetteerMatcher(gazetteer);
  const trainer = new PerceptronTrainer(nc);
  const pairTrainer = new PerceptronTrainer((nc + 1) * nc);
  const decoder = new NerDecoder(nc);
  const feats = new Int32Array(MAX_NER_FEATS);
  const rand = rng(opts.seed ?? 7);
  const golds = data.map((s) => Int32Array.from(spansToIob(s.words.length, s.spans).map((t) => index.get(t) ?? 0)));
  const contexts = data.map((s) => nerContext(s.words, s.xpos, matcher));
  const order = data.map((_, i) => i);
  const finalized = () => ({ emit: trainer.finalize(prune), pairs: pairTrainer.finalize(prune) });
  const encode = (tables: ReturnType<typeof finalized>): Buffer => {
    const emit = tables.emit.toArrays('w');
    const pairs = tables.pairs.toArrays('t');
    const header: NerHeader = { kind: 'ner', version: 2, classes, weights: emit.meta, pairWeights: pairs.meta, gazetteer };
    return encodeModel(header, { ...emit.arrays, ...pairs.arrays });
  };
  let pred = new Int32Array(256);
  for (let ep = 0; ep < epochs; ep++) {
    shuffle(order, rand);
    let errors = 0;
    let total = 0;
    for (const si of order) {
      const gold = golds[si]!;
      const c = contexts[si]!;
      const n = gold.length;
      if (pred.length < n) pred = new Int32Array(n * 2);
      decoder.decode(c, n, trainer, pairTrainer, pred);
      for (let i = 0; i < n; i++) {
        const g = gold[i]!;
        const p = pred[i]!;
        const gPrev = i === 0 ? nc : gold[i - 1]!;
        const pPrev = i === 0 ? nc : pred[i - 1]!;
        if (g !== p) {
          const nf = nerFeatures(c, i, feats);
          trainer.update(feats, nf, g, 1);
          trainer.update(feats, nf, p, -1);
          errors++;
        }
        if (g !== p || gPrev !== pPrev) {
          const nf = nerLabelFeatures(c, i, feats);
          pairTrainer.update(feats, nf, pairIndex(nc, gPrev, g), 1);
          pairTrainer.update(feats, nf, pairIndex(nc, pPrev, p), -1);
        }
        total++;
      }
      trainer.tick();
      pairTrainer.tick();
    }
    opts.log?.(`ner epoch ${ep + 1}/${epochs}: token errors ${((100 * errors) / total).toFixed(2)}%`);
    if (opts.snapshot?.epochs.includes(ep + 1) && ep + 1 < epochs) opts.snapshot.write(ep + 1, encode(finalized()));
  }
  const tables = finalized();
  return { model: new Recogniser(tables.emit, classes, gazetteer, tables.pairs), file: encode(tables) };
}
