// Named-entity recogniser: structured averaged perceptron over BIO labels (PER, ORG, LOC, GPE, NORP), decoded by a
// Viterbi search over the previous label, with word, shape, context, part-of-speech and gazetteer features;
// DATE spans come from rules.

import { hashString, mix, mix3 } from './hash.js';
import {
  A_FLAGS, A_LOWER, A_PRE3, A_SHAPE, A_SUF3, A_SUF4, A_WORD,
} from './features.js';
import { GazetteerMatcher, type GazType } from './ner-lexicon.js';
import { WeightTable, readModel, type StoredArray } from './perceptron.js';
import { sentenceAttrs, type TaggedWord } from './tagger.js';

export const NER_TYPES = ['PER', 'ORG', 'LOC', 'GPE', 'NORP'] as const;
export type NerType = (typeof NER_TYPES)[number];
export type NerLabel = NerType | 'DATE';

/** Label set: O, then B-X, I-X for each type. */
export const NER_CLASSES: string[] = ['O', ...NER_TYPES.flatMap((t) => ['B-' + t, 'I-' + t])];

export const MAX_NER_FEATS = 96;

const tagHashCache = new Map<string, number>();
export function tagHash(t: string): number {
  let h = tagHashCache.get(t);
  if (h === undefined) {
    h = hashString(t, 31);
    tagHashCache.set(t, h);
  }
  return h;
}

const PAD_TAG = hashString('<PAD>', 31);
const GAZ_NONE = hashString('<NOGAZ>', 33);

/** Per-sentence inputs for feature extraction (two padding slots each side). */
export interface NerContext {
  words: readonly string[];
  ctx: Int32Array[];
  xpos: Int32Array;
  gaz: Int32Array;
  /** Gazetteer matches ignoring case. */
  gazl: Int32Array;
  caps: number;
}

export function nerContext(words: readonly string[], xpos: readonly string[], gazetteer: GazetteerMatcher): NerContext {
  const n = words.length;
  const ctx = sentenceAttrs(words);
  const xp = new Int32Array(n + 4).fill(PAD_TAG);
  for (let i = 0; i < n; i++) xp[i + 2] = tagHash(xpos[i]!);
  const gaz = new Int32Array(n + 4).fill(GAZ_NONE);
  for (const m of gazetteer.match(words)) {
    for (let i = m.start; i < m.end; i++) {
      const pos = m.end - m.start === 1 ? 'U' : i === m.start ? 'B' : i === m.end - 1 ? 'L' : 'I';
      gaz[i + 2] = hashString(m.type + '-' + pos, 34);
    }
  }
  const gazl = new Int32Array(n + 4).fill(GAZ_NONE);
  for (const m of gazetteer.matchLower(words)) {
    for (let i = m.start; i < m.end; i++) {
      const pos = m.end - m.start === 1 ? 'U' : i === m.start ? 'B' : i === m.end - 1 ? 'L' : 'I';
      gazl[i + 2] = hashString(m.type + '-' + pos, 35);
    }
  }
  // Headline-style sentences (most words capitalised) change what capitalisation means.
  let capWords = 0;
  let alpha = 0;
  for (const w of words) {
    if (/^[A-Za-z]/.test(w) && w.length > 3) {
      alpha++;
      if (/^[A-Z]/.test(w)) capWords++;
    }
  }
  const caps = alpha >= 3 && capWords / alpha > 0.7 ? 1 : 0;
  return { words, ctx, xpos: xp, gaz, gazl, caps };
}

/**
 * How many of nerFeatures' first features depend on the word alone, and how many of nerLabelFeatures' first
 * features are constant. A decoder with fixed weights keeps the emission scores after the former per word form,
 * and the pair scores after the latter, and starts from a copy: the sums are built in the same order either way,
 * so the result is the same to the bit. (Pair scores per word form would cost about 1 kB a word.)
 */
export const NER_WORD_FEATS = 8;
export const NER_CONST_LABEL_FEATS = 1;

/**
 * Label-free features of word i: scored once per word against every class. Everything that depends on the
 * previous label is in nerLabelFeatures, so that decoding can search over label sequences exactly. The first
 * NER_WORD_FEATS must stay a function of the word alone.
 */
export function nerFeatures(c: NerContext, i: number, out: Int32Array): number {
  const ctx = c.ctx;
  const w = ctx[i + 2]!;
  const m1 = ctx[i + 1]!;
  const m2 = ctx[i]!;
  const n1 = ctx[i + 3]!;
  const n2 = ctx[i + 4]!;
  const x0 = c.xpos[i + 2]!;
  const xm1 = c.xpos[i + 1]!;
  const xn1 = c.xpos[i + 3]!;
  const g0 = c.gaz[i + 2]!;
  const gm1 = c.gaz[i + 1]!;
  const gn1 = c.gaz[i + 3]!;
  const lw = w[A_LOWER]!;
  const sh = w[A_SHAPE]!;
  let n = 0;
  out[n++] = mix(101, 1);
  out[n++] = mix(102, w[A_WORD]!);
  out[n++] = mix(103, lw);
  out[n++] = mix(104, w[A_SUF3]!);
  out[n++] = mix(105, w[A_SUF4]!);
  out[n++] = mix(106, w[A_PRE3]!);
  out[n++] = mix(107, sh);
  out[n++] = mix(108, w[A_FLAGS]!);
  out[n++] = mix(109, m1[A_LOWER]!);
  out[n++] = mix(110, n1[A_LOWER]!);
  out[n++] = mix(111, m2[A_LOWER]!);
  out[n++] = mix(112, n2[A_LOWER]!);
  out[n++] = mix(113, m1[A_SHAPE]!);
  out[n++] = mix(114, n1[A_SHAPE]!);
  out[n++] = mix(115, x0);
  out[n++] = mix(116, xm1);
  out[n++] = mix(117, xn1);
  out[n++] = mix3(118, x0, xn1);
  out[n++] = mix3(119, xm1, x0);
  out[n++] = mix3(125, m1[A_LOWER]!, lw);
  out[n++] = mix3(126, lw, n1[A_LOWER]!);
  out[n++] = mix(127, g0);
  out[n++] = mix(128, gm1);
  out[n++] = mix(129, gn1);
  out[n++] = mix3(130, g0, sh);
  out[n++] = mix3(132, c.caps, w[A_FLAGS]!);
  out[n++] = mix3(133, c.caps, lw);
  out[n++] = mix3(134, m1[A_LOWER]!, sh);
  out[n++] = mix3(135, sh, n1[A_SHAPE]!);
  out[n++] = mix3(136, m1[A_SHAPE]!, sh);
  out[n++] = mix3(139, n1[A_WORD]!, x0);
  out[n++] = mix(140, n1[A_SUF3]!);
  out[n++] = mix3(141, g0, x0);
  const gl0 = c.gazl[i + 2]!;
  out[n++] = mix(142, gl0);
  out[n++] = mix3(143, gl0, w[A_FLAGS]!);
  out[n++] = mix3(144, c.gazl[i + 1]!, c.gazl[i + 3]!);
  out[n++] = mix3(145, i === 0 ? 1 : 0, w[A_FLAGS]!);
  out[n++] = mix3(146, i === 0 ? 1 : 0, w[A_WORD]!);
  return n;
}

/**
 * Features of word i whose weights are kept per (previous label, label) pair rather than per label: one lookup
 * gives a whole transition table for that word, so exact search over the previous label costs no more lookups.
 * The first NER_CONST_LABEL_FEATS must stay constant.
 */
export function nerLabelFeatures(c: NerContext, i: number, out: Int32Array): number {
  const ctx = c.ctx;
  const w = ctx[i + 2]!;
  let n = 0;
  out[n++] = mix(120, 1);
  out[n++] = mix(122, w[A_WORD]!);
  out[n++] = mix(123, w[A_SHAPE]!);
  out[n++] = mix(124, c.xpos[i + 2]!);
  out[n++] = mix(131, c.gaz[i + 2]!);
  out[n++] = mix(137, ctx[i + 3]![A_SHAPE]!);
  out[n++] = mix(138, ctx[i + 1]![A_SUF3]!);
  out[n++] = mix(147, c.gazl[i + 2]!);
  out[n++] = mix(148, w[A_LOWER]!);
  out[n++] = mix(149, ctx[i + 1]![A_LOWER]!);
  out[n++] = mix(180, ctx[i + 3]![A_LOWER]!);
  return n;
}

/** Index of the (previous label, label) pair in a transition score vector; prev = nClasses before the first word. */
export const pairIndex = (nClasses: number, prev: number, c: number): number => prev * nClasses + c;

/** Anything that adds feature weights into a score vector: the stored table, or the trainer's live weights. */
export interface FeatureScorer {
  addScores(feats: ArrayLike<number>, n: number, scores: Float32Array | Float64Array): void;
  addScoresFrom(feats: ArrayLike<number>, from: number, n: number, scores: Float32Array | Float64Array): void;
}

/** Bound on the per-word score cache (about 200 bytes a word). */
const WORD_SCORES_MAX = 30_000;

/** Reusable buffers for decoding, sized on demand. */
export class NerDecoder {
  private readonly feats = new Int32Array(MAX_NER_FEATS);
  private readonly scores: Float64Array;
  private readonly pairs: Float64Array;
  private back = new Int32Array(0);
  private delta: Float64Array;
  private next: Float64Array;
  /** Word form -> emission scores after its word-only features; null unless the weights are fixed. */
  private readonly wordScores: Map<string, Float64Array> | null;
  /** Pair scores after the constant first features of nerLabelFeatures, once computed (fixed weights only). */
  private pairBias: Float64Array | null = null;

  /** With fixedWeights, decode must always be given the same two scorers, whose weights never change. */
  constructor(readonly nClasses: number, fixedWeights = false) {
    this.wordScores = fixedWeights ? new Map() : null;
    this.scores = new Float64Array(nClasses);
    this.pairs = new Float64Array((nClasses + 1) * nClasses);
    this.delta = new Float64Array(nClasses);
    this.next = new Float64Array(nClasses);
  }

  /**
   * Highest-scoring BIO sequence in which I-X only follows B-X or I-X (Viterbi over the previous label). Ties go
   * to the lower class index, which keeps decoding deterministic.
   */
  decode(c: NerContext, n: number, emitScorer: FeatureScorer, pairScorer: FeatureScorer, out: Int32Array): void {
    const nc = this.nClasses;
    if (n === 0) return;
    if (this.back.length < n * nc) this.back = new Int32Array(n * nc * 2);
    const back = this.back;
    const feats = this.feats;
    const scores = this.scores;
    const pairs = this.pairs;
    let delta = this.delta;
    let next = this.next;
    for (let i = 0; i < n; i++) {
      if (this.wordScores === null) {
        scores.fill(0);
        emitScorer.addScores(feats, nerFeatures(c, i, feats), scores);
        pairs.fill(0);
        pairScorer.addScores(feats, nerLabelFeatures(c, i, feats), pairs);
      } else {
        const word = c.words[i]!;
        const prefix = this.wordScores.get(word);
        const ne = nerFeatures(c, i, feats);
        if (prefix === undefined) {
          scores.fill(0);
          emitScorer.addScoresFrom(feats, 0, NER_WORD_FEATS, scores);
          if (this.wordScores.size >= WORD_SCORES_MAX) this.wordScores.clear();
          this.wordScores.set(word, scores.slice());
        } else scores.set(prefix);
        emitScorer.addScoresFrom(feats, NER_WORD_FEATS, ne, scores);
        const np = nerLabelFeatures(c, i, feats);
        if (this.pairBias === null) {
          pairs.fill(0);
          pairScorer.addScoresFrom(feats, 0, NER_CONST_LABEL_FEATS, pairs);
          this.pairBias = pairs.slice();
        } else pairs.set(this.pairBias);
        pairScorer.addScoresFrom(feats, NER_CONST_LABEL_FEATS, np, pairs);
      }
      const base = i * nc;
      if (i === 0) {
        for (let k = 0; k < nc; k++) {
          delta[k] = allowed(nc, k) ? pairs[pairIndex(nc, nc, k)]! + scores[k]! : -Infinity;
          back[k] = nc;
        }
        continue;
      }
      next.fill(-Infinity);
      for (let p = 0; p < nc; p++) {
        const dp = delta[p]!;
        if (dp === -Infinity) continue;
        const row = p * nc;
        for (let k = 0; k < nc; k++) {
          if (!allowed(p, k)) continue;
          const v = dp + pairs[row + k]!;
          if (v > next[k]!) {
            next[k] = v;
            back[base + k] = p;
          }
        }
      }
      for (let k = 0; k < nc; k++) next[k]! += scores[k]!;
      const t = delta;
      delta = next;
      next = t;
    }
    let best = 0;
    for (let k = 1; k < nc; k++) if (delta[k]! > delta[best]!) best = k;
    for (let i = n - 1; i >= 0; i--) {
      out[i] = best;
      best = back[i * nc + best]!;
    }
    this.delta = delta;
    this.next = next;
  }
}

/** Whether class c may follow class prev (I-X only after B-X or I-X). */
export function allowed(prev: number, c: number): boolean {
  if (c === 0 || c % 2 === 1) return true;
  return prev === c || prev === c - 1;
}

export interface NerHeader {
  kind: 'ner';
  version: 2;
  classes: string[];
  weights: { nClasses: number; scale: number };
  /** Weights of nerLabelFeatures, one class per (previous label, label) pair (see pairIndex). */
  pairWeights: { nClasses: number; scale: number };
  gazetteer: Array<[string, GazType]>;
}

export interface EntitySpan {
  start: number;
  end: number;
  label: NerLabel;
}

export class Recogniser {
  private readonly decoder: NerDecoder;
  readonly gazetteer: GazetteerMatcher;

  constructor(
    readonly weights: WeightTable,
    readonly classes: string[],
    readonly gazetteerEntries: Array<[string, GazType]>,
    readonly pairWeights: WeightTable,
  ) {
    this.decoder = new NerDecoder(classes.length, true);
    this.gazetteer = new GazetteerMatcher(gazetteerEntries);
  }

  static load(path: string): Recogniser {
    const { header, arrays } = readModel<NerHeader>(path);
    if (header.kind !== 'ner' || header.version !== 2) throw new Error(`${path} is not a current NER model; run \`npm run train:ner\``);
    const stored = arrays as Record<string, StoredArray>;
    return new Recogniser(
      WeightTable.fromArrays('w', stored, header.weights),
      header.classes,
      header.gazetteer,
      WeightTable.fromArrays('t', stored, header.pairWeights),
    );
  }

  /** BIO class index per word. */
  labelIds(words: readonly string[], xpos: readonly string[]): Int32Array {
    const out = new Int32Array(words.length);
    this.decoder.decode(nerContext(words, xpos, this.gazetteer), words.length, this.weights, this.pairWeights, out);
    return out;
  }

  /** Model entities (without DATE). */
  modelEntities(words: readonly string[], tags: readonly TaggedWord[]): EntitySpan[] {
    const ids = this.labelIds(words, tags.map((t) => t.xpos));
    const spans: EntitySpan[] = [];
    let cur: EntitySpan | null = null;
    for (let i = 0; i < ids.length; i++) {
      const c = ids[i]!;
      if (c === 0) {
        cur = null;
        continue;
      }
      const type = NER_TYPES[(c - 1) >> 1]!;
      if (c % 2 === 0 && cur && cur.label === type) {
        cur.end = i + 1;
        continue;
      }
      cur = { start: i, end: i + 1, label: type };
      spans.push(cur);
    }
    return spans;
  }

  entities(words: readonly string[], tags: readonly TaggedWord[]): EntitySpan[] {
    const model = this.modelEntities(words, tags);
    const dates = findDates(words);
    if (dates.length === 0) return model;
    const kept = model.filter((e) => !dates.some((d) => d.start <= e.start && e.end <= d.end));
    for (const d of dates) if (!kept.some((e) => e.start < d.end && d.start < e.end)) kept.push(d);
    return kept.sort((a, b) => a.start - b.start);
  }
}

const MONTHS = new Set(['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October',
  'November', 'December', 'Jan.', 'Feb.', 'Mar.', 'Apr.', 'Jun.', 'Jul.', 'Aug.', 'Sep.', 'Sept.', 'Oct.', 'Nov.', 'Dec.',
  'Jan', 'Feb', 'Aug', 'Sep', 'Sept', 'Oct', 'Nov', 'Dec']);
const WEEKDAYS = new Set(['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday']);
const RELATIVE = new Set(['yesterday', 'today', 'tomorrow', 'tonight']);
const PERIOD = new Set(['week', 'month', 'year', 'weekend', 'spring', 'summer', 'autumn', 'fall', 'winter', 'decade', 'century', 'morning', 'night', 'evening', 'afternoon']);
const YEAR_PREP = new Set(['in', 'since', 'by', 'until', 'till', 'from', 'during', 'before', 'after', 'of', 'through', 'to', 'early', 'late', 'mid']);

const isDay = (w: string | undefined): boolean => !!w && /^(0?[1-9]|[12]\d|3[01])(st|nd|rd|th)?$/.test(w);
const isYear = (w: string | undefined): boolean => !!w && /^(1[5-9]\d\d|20\d\d)$/.test(w);
const isDecade = (w: string | undefined): boolean => !!w && /^(1[5-9]\d0|20\d0)s$/.test(w);

/** Rule-based DATE spans: "July 21, 2017", "Friday", "21 July", "March 2003", "in 2017", "last week", "yesterday". */
export function findDates(words: readonly string[]): EntitySpan[] {
  const out: EntitySpan[] = [];
  const n = words.length;
  let i = 0;
  while (i < n) {
    const w = words[i]!;
    let end = -1;
    let start = i;
    if (WEEKDAYS.has(w) || MONTHS.has(w) || isDay(w)) {
      let j = i;
      if (WEEKDAYS.has(words[j]!)) {
        j++;
        if (words[j] === ',' && (MONTHS.has(words[j + 1] ?? '') || isDay(words[j + 1]))) j++;
      }
      if (isDay(words[j]) && MONTHS.has(words[j + 1] ?? '')) j += 2;
      else if (MONTHS.has(words[j] ?? '')) {
        const monthAlone = j;
        j++;
        if (isDay(words[j])) j++;
        else if (!isYear(words[j]) && (words[monthAlone] === 'May' || words[monthAlone]!.length <= 4) && j - 1 === i) j = -1;
      }
      if (j > 0) {
        if (words[j] === ',' && isYear(words[j + 1])) j += 2;
        else if (isYear(words[j])) j++;
        if (j > i && !(j === i + 1 && isDay(w))) end = j;
      }
    } else if (isYear(w) || isDecade(w)) {
      const prev = (words[i - 1] ?? '').toLowerCase();
      if (YEAR_PREP.has(prev) || isDecade(w)) end = i + 1;
    } else if (RELATIVE.has(w.toLowerCase())) {
      end = i + 1;
    } else if (/^(last|next|this|earlier|later)$/i.test(w) && (PERIOD.has(words[i + 1] ?? '') || WEEKDAYS.has(words[i + 1] ?? '') || MONTHS.has(words[i + 1] ?? ''))) {
      end = i + 2;
      if (words[i + 1] === 'week' || words[i + 1] === 'month' || words[i + 1] === 'year') end = i + 2;
    }
    if (end > start) {
      out.push({ start, end, label: 'DATE' });
      i = end;
    } else i++;
  }
  return out;
}
