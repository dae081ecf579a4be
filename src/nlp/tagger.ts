// Greedy left-to-right averaged-perceptron part-of-speech tagger predicting joint UPOS+XPOS classes.

import { mix, mix3 } from './hash.js';
import {
  A_FLAGS, A_LOWER, A_PRE1, A_PRE2, A_PRE3, A_SHAPE, A_SUF1, A_SUF2, A_SUF3, A_SUF4, A_WORD,
  END2_ATTRS, END_ATTRS, START2_ATTRS, START_ATTRS, wordAttrs,
} from './features.js';
import { WeightTable, readModel, type StoredArray } from './perceptron.js';
import { Lemmatizer } from './lemma.js';

export interface TaggedWord {
  upos: string;
  xpos: string;
  lemma?: string;
}

export const MAX_TAG_FEATS = 48;

/** Context window with two padding slots each side: ctx[i + 2] holds word i. */
export function sentenceAttrs(words: readonly string[]): Int32Array[] {
  const ctx: Int32Array[] = [START2_ATTRS, START_ATTRS];
  for (const w of words) ctx.push(wordAttrs(w));
  ctx.push(END_ATTRS, END2_ATTRS);
  return ctx;
}

/**
 * How many of tagFeatures' first features depend on the word alone (not on its neighbours or the previous tags).
 * The tagger keeps, per word form, the scores after adding just those, and starts from a copy: the sum is built
 * in the same order either way, so the result is the same to the bit.
 */
export const TAG_WORD_FEATS = 12;

/**
 * Fills out with the feature keys for word i given the two previous predicted classes; returns the count. The
 * first TAG_WORD_FEATS must stay a function of the word alone.
 */
export function tagFeatures(ctx: Int32Array[], amb: Int32Array, i: number, p1: number, p2: number, out: Int32Array): number {
  const w = ctx[i + 2]!;
  const m1 = ctx[i + 1]!;
  const m2 = ctx[i]!;
  const n1 = ctx[i + 3]!;
  const n2 = ctx[i + 4]!;
  const lw = w[A_LOWER]!;
  let n = 0;
  out[n++] = mix(1, 1);
  out[n++] = mix(2, w[A_WORD]!);
  out[n++] = mix(3, lw);
  out[n++] = mix(4, w[A_SUF1]!);
  out[n++] = mix(5, w[A_SUF2]!);
  out[n++] = mix(6, w[A_SUF3]!);
  out[n++] = mix(7, w[A_SUF4]!);
  out[n++] = mix(8, w[A_PRE1]!);
  out[n++] = mix(9, w[A_PRE2]!);
  out[n++] = mix(10, w[A_PRE3]!);
  out[n++] = mix(11, w[A_SHAPE]!);
  out[n++] = mix(12, w[A_FLAGS]!);
  out[n++] = mix(13, m1[A_LOWER]!);
  out[n++] = mix(14, n1[A_LOWER]!);
  out[n++] = mix(15, m2[A_LOWER]!);
  out[n++] = mix(16, n2[A_LOWER]!);
  out[n++] = mix(17, m1[A_SUF3]!);
  out[n++] = mix(18, n1[A_SUF3]!);
  out[n++] = mix(19, m1[A_SHAPE]!);
  out[n++] = mix(20, n1[A_SHAPE]!);
  out[n++] = mix(21, p1);
  out[n++] = mix(22, p2);
  out[n++] = mix3(23, p1, p2);
  out[n++] = mix3(24, p1, lw);
  out[n++] = mix3(25, m1[A_LOWER]!, lw);
  out[n++] = mix3(26, lw, n1[A_LOWER]!);
  out[n++] = mix3(27, p1, n1[A_LOWER]!);
  out[n++] = mix3(28, n1[A_SUF2]!, w[A_SUF3]!);
  out[n++] = mix3(29, i === 0 ? 1 : 0, w[A_FLAGS]!);
  out[n++] = mix3(30, n1[A_LOWER]!, n2[A_LOWER]!);
  out[n++] = mix3(31, p1, w[A_SUF3]!);
  out[n++] = mix3(32, m1[A_LOWER]!, n1[A_LOWER]!);
  out[n++] = mix3(33, p1, w[A_SHAPE]!);
  out[n++] = mix(34, n1[A_FLAGS]!);
  out[n++] = mix(35, n2[A_SUF3]!);
  // Ambiguity classes (the tags a word was seen with in training), amb[i + 2] for word i.
  const a0 = amb[i + 2]!;
  const a1 = amb[i + 3]!;
  const a2 = amb[i + 4]!;
  out[n++] = mix(36, a0);
  out[n++] = mix(37, a1);
  out[n++] = mix(38, a2);
  out[n++] = mix3(39, a0, a1);
  out[n++] = mix3(40, p1, a1);
  out[n++] = mix3(41, lw, a1);
  out[n++] = mix3(42, a1, a2);
  out[n++] = mix(43, amb[i + 1]!);
  return n;
}

export interface TaggerHeader {
  kind: 'tagger';
  version: 1;
  classes: string[];
  weights: { nClasses: number; scale: number };
  /** Lemma exceptions, "form\txpos\tlemma". */
  lemmas?: string[];
}

/** Word (normalised form hash) -> hash of the set of tags it was seen with in training. */
export class AmbiguityLexicon {
  private readonly map = new Map<number, number>();
  constructor(keys: Int32Array, vals: Int32Array) {
    for (let i = 0; i < keys.length; i++) this.map.set(keys[i]!, vals[i]!);
  }
  /** One value per context slot (two padding slots each side). */
  classes(ctx: Int32Array[]): Int32Array {
    const out = new Int32Array(ctx.length);
    for (let i = 0; i < ctx.length; i++) {
      const c = ctx[i]!;
      out[i] = i < 2 || i >= ctx.length - 2 ? c[A_LOWER]! : (this.map.get(c[A_LOWER]!) ?? UNKNOWN_AMB);
    }
    return out;
  }
}

export const UNKNOWN_AMB = 0x2f6e1d3b;

/** Bound on the per-word score cache (about 430 bytes a word with the committed model). */
const WORD_SCORES_MAX = 30_000;

export class Tagger {
  readonly upos: string[];
  readonly xpos: string[];
  private readonly feats = new Int32Array(MAX_TAG_FEATS);
  private readonly scores: Float32Array;
  /** Word form -> scores after its first TAG_WORD_FEATS features (see there). */
  private readonly wordScores = new Map<string, Float32Array>();

  readonly lemmatizer: Lemmatizer;
  /** Frequent words that (almost) always take one class: exact-form hash -> class, skipping the classifier. */
  private readonly sure = new Map<number, number>();

  setSure(keys: Int32Array, vals: Int32Array): void {
    for (let i = 0; i < keys.length; i++) this.sure.set(keys[i]!, vals[i]!);
  }

  constructor(readonly weights: WeightTable, readonly classes: string[], readonly lexicon: AmbiguityLexicon, lemmas: string[] = []) {
    this.lemmatizer = new Lemmatizer(lemmas);
    this.upos = classes.map((c) => c.split('\t')[0]!);
    this.xpos = classes.map((c) => c.split('\t')[1] ?? '_');
    this.scores = new Float32Array(classes.length);
  }

  static load(path: string): Tagger {
    const { header, arrays } = readModel<TaggerHeader>(path);
    if (header.kind !== 'tagger') throw new Error(`${path} is not a tagger model`);
    const lex = new AmbiguityLexicon(arrays['amb.keys'] as Int32Array, arrays['amb.vals'] as Int32Array);
    const t = new Tagger(WeightTable.fromArrays('w', arrays as Record<string, StoredArray>, header.weights), header.classes, lex, header.lemmas ?? []);
    if (arrays['sure.keys']) t.setSure(arrays['sure.keys'] as Int32Array, arrays['sure.vals'] as Int32Array);
    return t;
  }

  /** Class index per word. */
  tagIds(words: readonly string[]): Int32Array {
    const n = words.length;
    const out = new Int32Array(n);
    const ctx = sentenceAttrs(words);
    const amb = this.lexicon.classes(ctx);
    const start = this.classes.length;
    let p1 = start;
    let p2 = start + 1;
    const scores = this.scores;
    const sure = this.sure;
    for (let i = 0; i < n; i++) {
      const known = sure.get(ctx[i + 2]![A_WORD]!);
      if (known !== undefined) {
        out[i] = known;
        p2 = p1;
        p1 = known;
        continue;
      }
      const nf = tagFeatures(ctx, amb, i, p1, p2, this.feats);
      const word = words[i]!;
      const prefix = this.wordScores.get(word);
      if (prefix === undefined) {
        scores.fill(0);
        this.weights.addScoresFrom(this.feats, 0, TAG_WORD_FEATS, scores);
        if (this.wordScores.size >= WORD_SCORES_MAX) this.wordScores.clear();
        this.wordScores.set(word, scores.slice());
      } else scores.set(prefix);
      this.weights.addScoresFrom(this.feats, TAG_WORD_FEATS, nf, scores);
      let best = 0;
      for (let c = 1; c < scores.length; c++) if (scores[c]! > scores[best]!) best = c;
      out[i] = best;
      p2 = p1;
      p1 = best;
    }
    return out;
  }

  tag(words: readonly string[]): TaggedWord[] {
    const ids = this.tagIds(words);
    const out: TaggedWord[] = [];
    for (let i = 0; i < ids.length; i++) {
      const xpos = this.xpos[ids[i]!]!;
      out.push({ upos: this.upos[ids[i]!]!, xpos, lemma: this.lemmatizer.lemma(words[i]!, xpos) });
    }
    return out;
  }
}
