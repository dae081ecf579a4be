// Training of the named-entity recogniser.

import { rng, shuffle } from '../src/nlp/hash.js';
import { PerceptronTrainer, encodeModel } from '../src/nlp/perceptron.js';
import { spansToIob, type Span } from '../src/nlp/conllu.js';
import { GazetteerMatcher, type GazType } from '../src/nlp/ner-lexicon.js';
import { MAX_NER_FEATS, NER_CLASSES, Recogniser, allowed, nerContext, nerFeatures, type NerHeader } from '../src/nlp/ner.js';

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
}

export function trainNer(data: NerExample[], gazetteer: Array<[string, GazType]>, opts: NerTrainOptions = {}): { model: Recogniser; file: Buffer } {
  const epochs = opts.epochs ?? 10;
  const classes = NER_CLASSES;
  const nc = classes.length;
  const index = new Map(classes.map((c, i) => [c, i]));
  const matcher = new GazetteerMatcher(gazetteer);
  const trainer = new PerceptronTrainer(nc);
  const feats = new Int32Array(MAX_NER_FEATS);
  const scores = new Float64Array(nc);
  const rand = rng(opts.seed ?? 7);
  const golds = data.map((s) => Int32Array.from(spansToIob(s.words.length, s.spans).map((t) => index.get(t) ?? 0)));
  const contexts = data.map((s) => nerContext(s.words, s.xpos, matcher));
  const order = data.map((_, i) => i);
  for (let ep = 0; ep < epochs; ep++) {
    shuffle(order, rand);
    let errors = 0;
    let total = 0;
    for (const si of order) {
      const gold = golds[si]!;
      const c = contexts[si]!;
      let p1 = nc;
      let p2 = nc + 1;
      for (let i = 0; i < gold.length; i++) {
        const nf = nerFeatures(c, i, p1, p2, feats);
        trainer.score(feats, nf, scores);
        let best = -1;
        for (let k = 0; k < nc; k++) {
          if (!allowed(p1, k)) continue;
          if (best < 0 || scores[k]! > scores[best]!) best = k;
        }
        const g = gold[i]!;
        if (best !== g) {
          trainer.update(feats, nf, g, 1);
          trainer.update(feats, nf, best, -1);
          errors++;
        }
        total++;
        trainer.tick();
        p2 = p1;
        // Follow the gold history when the gold label is not reachable from the prediction.
        p1 = best;
      }
    }
    opts.log?.(`ner epoch ${ep + 1}/${epochs}: token errors ${((100 * errors) / total).toFixed(2)}%`);
  }
  const weights = trainer.finalize(opts.prune ?? 0.05);
  const { arrays, meta } = weights.toArrays('w');
  const header: NerHeader = { kind: 'ner', version: 1, classes, weights: meta, gazetteer };
  return { model: new Recogniser(weights, classes, gazetteer), file: encodeModel(header, arrays) };
}
