// Transition-based dependency parser: arc-hybrid system with the root at the end of the buffer, greedy decoding
// with an averaged perceptron over hashed features (word, tag, children, labels, distance, valency).

import { hashString, mix, mix3, mix4 } from './hash.js';
import { A_LOWER, A_SUF3, wordAttrs } from './features.js';
import { WeightTable, readModel, type StoredArray } from './perceptron.js';
import type { TaggedWord } from './tagger.js';

export const SHIFT = 0;
export const MAX_PARSE_FEATS = 96;

const NONE_W = hashString('<NONE>', 51);
const ROOT_W = hashString('<ROOT>', 52);
const NONE_P = hashString('<NONE>', 53);
const ROOT_P = hashString('<ROOT>', 54);
const NONE_L = hashString('<NOLABEL>', 55);

/** Parser configuration plus partial tree, reusable across sentences. */
export class ParseState {
  n = 0;
  stack = new Int32Array(16);
  sp = 0;
  b = 0;
  heads = new Int32Array(16);
  labels = new Int32Array(16);
  lc1 = new Int32Array(16);
  lc2 = new Int32Array(16);
  rc1 = new Int32Array(16);
  rc2 = new Int32Array(16);
  nl = new Int32Array(16);
  nr = new Int32Array(16);
  lsetL = new Int32Array(16);
  lsetR = new Int32Array(16);
  inStack = new Uint8Array(16);

  reset(n: number): void {
    if (this.heads.length < n + 2) {
      const cap = Math.max(n + 2, this.heads.length * 2);
      this.stack = new Int32Array(cap);
      this.heads = new Int32Array(cap);
      this.labels = new Int32Array(cap);
      this.lc1 = new Int32Array(cap);
      this.lc2 = new Int32Array(cap);
      this.rc1 = new Int32Array(cap);
      this.rc2 = new Int32Array(cap);
      this.nl = new Int32Array(cap);
      this.nr = new Int32Array(cap);
      this.lsetL = new Int32Array(cap);
      this.lsetR = new Int32Array(cap);
      this.inStack = new Uint8Array(cap);
    }
    this.n = n;
    this.sp = 0;
    this.b = 0;
    for (let i = 0; i <= n; i++) {
      this.heads[i] = -1;
      this.labels[i] = -1;
      this.lc1[i] = -1;
      this.lc2[i] = -1;
      this.rc1[i] = -1;
      this.rc2[i] = -1;
      this.nl[i] = 0;
      this.nr[i] = 0;
      this.lsetL[i] = 0;
      this.lsetR[i] = 0;
      this.inStack[i] = 0;
    }
  }

  get terminal(): boolean {
    return this.sp === 0 && this.b >= this.n;
  }

  private attach(h: number, d: number, label: number): void {
    this.heads[d] = h;
    this.labels[d] = label;
    const bit = 1 << (label & 31);
    if (d < h) {
      this.nl[h] = this.nl[h]! + 1;
      this.lsetL[h] = this.lsetL[h]! | bit;
      const c1 = this.lc1[h]!;
      if (c1 < 0 || d < c1) {
        this.lc2[h] = c1;
        this.lc1[h] = d;
      } else if (this.lc2[h]! < 0 || d < this.lc2[h]!) this.lc2[h] = d;
    } else {
      this.nr[h] = this.nr[h]! + 1;
      this.lsetR[h] = this.lsetR[h]! | bit;
      const c1 = this.rc1[h]!;
      if (c1 < 0 || d > c1) {
        this.rc2[h] = c1;
        this.rc1[h] = d;
      } else if (this.rc2[h]! < 0 || d > this.rc2[h]!) this.rc2[h] = d;
    }
  }

  /** Applies a move: 0 shift, 1 left (s0 <- b0), 2 right (s1 -> s0), with a label index. */
  apply(move: number, label: number): void {
    if (move === 0) {
      this.stack[this.sp++] = this.b;
      this.inStack[this.b] = 1;
      this.b++;
    } else if (move === 1) {
      const s0 = this.stack[--this.sp]!;
      this.inStack[s0] = 0;
      this.attach(this.b, s0, label);
    } else {
      const s0 = this.stack[--this.sp]!;
      this.inStack[s0] = 0;
      this.attach(this.stack[this.sp - 1]!, s0, label);
    }
  }

  canShift(): boolean {
    return this.b < this.n;
  }
  canLeft(): boolean {
    return this.sp >= 1 && (this.b < this.n || this.sp === 1);
  }
  canRight(): boolean {
    return this.sp >= 2;
  }
}

/** Per-sentence token attributes; index n is the root, -1 is "none" (handled by the accessors). */
export interface ParseInput {
  n: number;
  w: Int32Array;
  p: Int32Array;
  wp: Int32Array;
  u: Int32Array;
  suf: Int32Array;
}

/** Tag -> hash, one map per seed (so no key string is built per word). */
const tagHashes = new Map<number, Map<string, number>>();
function th(t: string, seed: number): number {
  let bySeed = tagHashes.get(seed);
  if (bySeed === undefined) tagHashes.set(seed, (bySeed = new Map()));
  let h = bySeed.get(t);
  if (h === undefined) {
    h = hashString(t, seed);
    bySeed.set(t, h);
  }
  return h;
}

export function parseInput(words: readonly string[], xpos: readonly string[], upos: readonly string[]): ParseInput {
  const n = words.length;
  const w = new Int32Array(n + 1);
  const p = new Int32Array(n + 1);
  const wp = new Int32Array(n + 1);
  const u = new Int32Array(n + 1);
  const suf = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) {
    const a = wordAttrs(words[i]!);
    w[i] = a[A_LOWER]!;
    suf[i] = a[A_SUF3]!;
    p[i] = th(xpos[i]!, 56);
    u[i] = th(upos[i]!, 57);
    wp[i] = mix(w[i]!, p[i]!);
  }
  w[n] = ROOT_W;
  p[n] = ROOT_P;
  u[n] = ROOT_P;
  suf[n] = ROOT_W;
  wp[n] = mix(ROOT_W, ROOT_P);
  return { n, w, p, wp, u, suf };
}

const dist = (a: number, b: number): number => {
  const d = b - a;
  return d <= 0 ? 0 : d < 5 ? d : d < 10 ? 5 : 6;
};

/**
 * How many of parseFeatures' first features depend on nothing but the word and tag of s0 (always on the stack
 * when a move is scored), and of labelFeatures' first features on nothing but the direction and the dependent's
 * word and tag. The parser keeps the scores after just those in small caches and starts from a copy: the sums are
 * built in the same order either way, so the parse is the same to the bit.
 */
export const MOVE_S0_FEATS = 4;
export const LABEL_DEP_FEATS = 3;

/** Move features; the first MOVE_S0_FEATS must stay a function of s0's word and tag (x.w, x.p) alone. */
export function parseFeatures(x: ParseInput, st: ParseState, labelHashes: Int32Array, out: Int32Array): number {
  const sp = st.sp;
  const s0 = sp > 0 ? st.stack[sp - 1]! : -1;
  const s1 = sp > 1 ? st.stack[sp - 2]! : -1;
  const s2 = sp > 2 ? st.stack[sp - 3]! : -1;
  const b0 = st.b <= st.n ? st.b : -1;
  const b1 = st.b + 1 <= st.n ? st.b + 1 : -1;
  const b2 = st.b + 2 <= st.n ? st.b + 2 : -1;
  const W = (i: number): number => (i < 0 ? NONE_W : x.w[i]!);
  const P = (i: number): number => (i < 0 ? NONE_P : x.p[i]!);
  const WP = (i: number): number => (i < 0 ? NONE_W : x.wp[i]!);
  const L = (i: number): number => (i < 0 || st.labels[i]! < 0 ? NONE_L : labelHashes[st.labels[i]!]!);
  const s0w = W(s0), s0p = P(s0), s0wp = WP(s0);
  const s1w = W(s1), s1p = P(s1), s1wp = WP(s1);
  const b0w = W(b0), b0p = P(b0), b0wp = WP(b0);
  const b1w = W(b1), b1p = P(b1);
  const b2p = P(b2);
  const s2p = P(s2);
  const s0l = s0 >= 0 ? st.lc1[s0]! : -1;
  const s0l2 = s0 >= 0 ? st.lc2[s0]! : -1;
  const s0r = s0 >= 0 ? st.rc1[s0]! : -1;
  const s0r2 = s0 >= 0 ? st.rc2[s0]! : -1;
  const s1l = s1 >= 0 ? st.lc1[s1]! : -1;
  const s1r = s1 >= 0 ? st.rc1[s1]! : -1;
  const b0l = b0 >= 0 ? st.lc1[b0]! : -1;
  const b0l2 = b0 >= 0 ? st.lc2[b0]! : -1;
  const d0 = s0 >= 0 && b0 >= 0 ? dist(s0, b0) : 7;
  const d1 = s1 >= 0 && s0 >= 0 ? dist(s1, s0) : 7;
  const s0vl = s0 >= 0 ? st.nl[s0]! : 0;
  const s0vr = s0 >= 0 ? st.nr[s0]! : 0;
  const s1vr = s1 >= 0 ? st.nr[s1]! : 0;
  const b0vl = b0 >= 0 ? st.nl[b0]! : 0;
  const s0sl = s0 >= 0 ? st.lsetL[s0]! : -1;
  const s0sr = s0 >= 0 ? st.lsetR[s0]! : -1;
  const b0sl = b0 >= 0 ? st.lsetL[b0]! : -1;
  let n = 0;
  out[n++] = mix(1, 1);
  // single words
  out[n++] = mix(2, s0wp);
  out[n++] = mix(3, s0w);
  out[n++] = mix(4, s0p);
  out[n++] = mix(5, b0wp);
  out[n++] = mix(6, b0w);
  out[n++] = mix(7, b0p);
  out[n++] = mix(8, b1w);
  out[n++] = mix(9, b1p);
  out[n++] = mix(10, WP(b1));
  out[n++] = mix(11, b2p);
  out[n++] = mix(12, s1wp);
  out[n++] = mix(13, s1w);
  out[n++] = mix(14, s1p);
  out[n++] = mix(15, s2p);
  out[n++] = mix(16, b0 >= 0 ? x.u[b0]! : NONE_P);
  out[n++] = mix(17, s0 >= 0 ? x.u[s0]! : NONE_P);
  out[n++] = mix(18, b0 >= 0 ? x.suf[b0]! : NONE_W);
  out[n++] = mix(19, s0 >= 0 ? x.suf[s0]! : NONE_W);
  // pairs
  out[n++] = mix3(20, s0wp, b0wp);
  out[n++] = mix3(21, s0wp, b0w);
  out[n++] = mix3(22, s0w, b0wp);
  out[n++] = mix3(23, s0wp, b0p);
  out[n++] = mix3(24, s0p, b0wp);
  out[n++] = mix3(25, s0w, b0w);
  out[n++] = mix3(26, s0p, b0p);
  out[n++] = mix3(27, b0p, b1p);
  out[n++] = mix3(28, s1wp, s0wp);
  out[n++] = mix3(29, s1w, s0w);
  out[n++] = mix3(30, s1p, s0p);
  out[n++] = mix3(31, s1p, s0wp);
  out[n++] = mix3(32, s1wp, s0p);
  out[n++] = mix3(33, b0w, b1w);
  out[n++] = mix3(34, b0wp, b1p);
  // triples
  out[n++] = mix4(35, b0p, b1p, b2p);
  out[n++] = mix4(36, s0p, b0p, b1p);
  out[n++] = mix4(37, s1p, s0p, b0p);
  out[n++] = mix4(38, s0p, P(s0l), b0p);
  out[n++] = mix4(39, s0p, P(s0r), b0p);
  out[n++] = mix4(40, s0p, b0p, P(b0l));
  out[n++] = mix4(41, s1p, s0p, P(s0l));
  out[n++] = mix4(42, s1p, s0p, P(s0r));
  out[n++] = mix4(43, s1p, P(s1r), s0p);
  out[n++] = mix4(44, s2p, s1p, s0p);
  out[n++] = mix4(45, s1p, s0p, b1p);
  out[n++] = mix4(46, s0w, b0p, b1p);
  out[n++] = mix4(47, s1p, P(s1l), s0p);
  // distance
  out[n++] = mix3(48, s0w, d0);
  out[n++] = mix3(49, s0p, d0);
  out[n++] = mix3(50, b0w, d0);
  out[n++] = mix3(51, b0p, d0);
  out[n++] = mix4(52, s0w, b0w, d0);
  out[n++] = mix4(53, s0p, b0p, d0);
  out[n++] = mix4(54, s1p, s0p, d1);
  out[n++] = mix4(55, s1w, s0w, d1);
  out[n++] = mix3(56, s0wp, d1);
  // valency
  out[n++] = mix3(57, s0w, s0vr);
  out[n++] = mix3(58, s0p, s0vr);
  out[n++] = mix3(59, s0w, s0vl);
  out[n++] = mix3(60, s0p, s0vl);
  out[n++] = mix3(61, b0w, b0vl);
  out[n++] = mix3(62, b0p, b0vl);
  out[n++] = mix3(63, s1p, s1vr);
  // children and labels
  out[n++] = mix(64, W(s0l));
  out[n++] = mix(65, P(s0l));
  out[n++] = mix(66, L(s0l));
  out[n++] = mix(67, W(s0r));
  out[n++] = mix(68, P(s0r));
  out[n++] = mix(69, L(s0r));
  out[n++] = mix(70, W(b0l));
  out[n++] = mix(71, P(b0l));
  out[n++] = mix(72, L(b0l));
  out[n++] = mix(73, L(s1r));
  out[n++] = mix(74, P(s1r));
  out[n++] = mix3(75, L(s0l), L(s0l2));
  out[n++] = mix3(76, L(s0r), L(s0r2));
  out[n++] = mix3(77, L(b0l), L(b0l2));
  out[n++] = mix4(78, s0p, P(s0l), P(s0l2));
  out[n++] = mix4(79, s0p, P(s0r), P(s0r2));
  out[n++] = mix4(80, b0p, P(b0l), P(b0l2));
  out[n++] = mix3(81, s0wp, s0sl);
  out[n++] = mix3(82, s0wp, s0sr);
  out[n++] = mix3(83, b0wp, b0sl);
  out[n++] = mix3(84, s0p, s0sr);
  out[n++] = mix4(85, s0p, L(s0l), b0p);
  out[n++] = mix4(86, s0p, L(s0r), b0p);
  out[n++] = mix4(87, s1p, L(s1r), s0p);
  out[n++] = mix3(88, sp === 0 ? 0 : sp === 1 ? 1 : sp === 2 ? 2 : 3, b0 === st.n ? 1 : 0);
  out[n++] = mix4(89, s0w, L(s0l), L(s0r));
  out[n++] = mix3(90, b0w, L(b0l));
  return n;
}

/**
 * Features for labelling the arc head -> dep (dir 1 = left arc, dependent before head; 2 = right arc). The first
 * LABEL_DEP_FEATS must stay a function of dir and the dependent's word and tag (x.w, x.p) alone.
 */
export function labelFeatures(x: ParseInput, st: ParseState, head: number, dep: number, dir: number, labelHashes: Int32Array, out: Int32Array): number {
  const L = (i: number): number => (i < 0 || st.labels[i]! < 0 ? NONE_L : labelHashes[st.labels[i]!]!);
  const P = (i: number): number => (i < 0 ? NONE_P : x.p[i]!);
  const hw = x.w[head]!;
  const hp = x.p[head]!;
  const dw = x.w[dep]!;
  const dp = x.p[dep]!;
  const du = x.u[dep]!;
  const hu = x.u[head]!;
  const d = head > dep ? dist(dep, head) : dist(head, dep);
  const dl = st.lc1[dep]!;
  const dr = st.rc1[dep]!;
  const hl = st.lc1[head]!;
  const hr = st.rc1[head]!;
  let n = 0;
  out[n++] = mix(201, dir);
  out[n++] = mix3(202, dir, dw);
  out[n++] = mix3(203, dir, dp);
  out[n++] = mix3(204, dir, hw);
  out[n++] = mix3(205, dir, hp);
  out[n++] = mix4(206, dir, dp, hp);
  out[n++] = mix4(207, dir, dw, hp);
  out[n++] = mix4(208, dir, dp, hw);
  out[n++] = mix4(209, dir, x.wp[dep]!, x.wp[head]!);
  out[n++] = mix4(210, dir, du, hu);
  out[n++] = mix4(211, dir, mix(dp, hp), d);
  out[n++] = mix4(212, dir, dp, L(dl));
  out[n++] = mix4(213, dir, dp, L(dr));
  out[n++] = mix4(214, dir, mix(dp, hp), mix(L(dl), L(dr)));
  out[n++] = mix4(215, dir, hp, L(hl));
  out[n++] = mix4(216, dir, hp, L(hr));
  out[n++] = mix4(217, dir, x.suf[dep]!, hp);
  out[n++] = mix4(218, dir, dp, P(dl));
  out[n++] = mix4(219, dir, dp, P(dr));
  out[n++] = mix4(220, dir, mix(dp, hp), st.lsetL[dep]!);
  out[n++] = mix4(221, dir, mix(dp, hp), st.lsetR[dep]!);
  out[n++] = mix4(222, dir, mix(dp, hp), dir === 1 ? st.nl[head]! : st.nr[head]!);
  out[n++] = mix4(223, dir, dw, hw);
  out[n++] = mix4(224, dir, mix(dp, hp), dep > 0 ? x.p[dep - 1]! : NONE_P);
  out[n++] = mix4(225, dir, mix(dp, hp), dep + 1 < x.n ? x.p[dep + 1]! : NONE_P);
  out[n++] = mix4(226, dir, dw, W_DL(x, dl));
  out[n++] = mix4(227, dir, mix(dp, hp), st.sp > 2 ? x.p[st.stack[st.sp - 3]!]! : NONE_P);
  out[n++] = mix4(228, dir, mix(dp, hp), head === x.n ? 1 : 0);
  // Context beyond the pair: the next buffer words and the word below on the stack.
  const nb = dir === 1 ? st.b + 1 : st.b;
  const nbp = nb <= x.n ? x.p[nb]! : NONE_P;
  const nbw = nb <= x.n ? x.w[nb]! : NONE_W;
  const below = dir === 1 ? (st.sp > 1 ? st.stack[st.sp - 2]! : -1) : st.sp > 2 ? st.stack[st.sp - 3]! : -1;
  out[n++] = mix4(229, dir, mix(dp, hp), nbp);
  out[n++] = mix4(230, dir, dp, nbw);
  out[n++] = mix4(231, dir, mix(dp, hp), P(below));
  out[n++] = mix4(232, dir, dw, nbp);
  out[n++] = mix4(233, dir, hw, dp);
  return n;
}

const W_DL = (x: ParseInput, i: number): number => (i < 0 ? NONE_W : x.w[i]!);

export interface ParserHeader {
  kind: 'parser';
  version: 2;
  labels: string[];
  moves: { nClasses: number; scale: number };
  labeller: { nClasses: number; scale: number };
}

export interface ParseArc {
  head: number;
  deprel: string;
}

export const MOVE_SHIFT = 0;
export const MOVE_LEFT = 1;
export const MOVE_RIGHT = 2;

/** Best valid move from three scores (shift, left, right). */
export function bestMove(st: ParseState, scores: ArrayLike<number>): number {
  let best = -1;
  if (st.canShift()) best = 0;
  if (st.canLeft() && (best < 0 || scores[1]! > scores[best]!)) best = 1;
  if (st.canRight() && (best < 0 || scores[2]! > scores[best]!)) best = 2;
  return best;
}

/**
 * The move to make when only one is valid (an empty stack must shift; once the buffer holds only the root, the
 * stack can only be reduced), else -1. bestMove would pick that move whatever the scores, so forced moves
 * (about a sixth of all transitions) need neither features nor scoring.
 */
function forcedMove(st: ParseState): number {
  const shift = st.canShift();
  const left = st.canLeft();
  const right = st.canRight();
  if (shift && !left && !right) return MOVE_SHIFT;
  if (left && !shift && !right) return MOVE_LEFT;
  if (right && !shift && !left) return MOVE_RIGHT;
  return -1;
}

/** Entries of the parser's prefix-score caches (powers of two). */
const MOVE_CACHE = 4096;
const LABEL_CACHE = 1024;

/** Factored model: one perceptron chooses the move (shift/left/right), a second labels each new arc. */
export class Parser {
  readonly nLabels: number;
  readonly rootLabel: number;
  readonly labelHashes: Int32Array;
  private readonly feats = new Int32Array(MAX_PARSE_FEATS);
  private readonly moveScores = new Float32Array(3);
  private readonly labelScores: Float32Array;
  private readonly state = new ParseState();
  /**
   * Direct-mapped caches of prefix scores (see MOVE_S0_FEATS and LABEL_DEP_FEATS): per entry the identifying
   * hashes (word, tag; and direction for labels), a filled flag, and the scores.
   */
  private readonly moveKeys = new Int32Array(MOVE_CACHE * 2);
  private readonly moveFilled = new Uint8Array(MOVE_CACHE);
  private readonly movePrefix = new Float32Array(MOVE_CACHE * 3);
  private readonly labelKeys = new Int32Array(LABEL_CACHE * 3);
  private readonly labelFilled = new Uint8Array(LABEL_CACHE);
  private readonly labelPrefix: Float32Array;

  constructor(readonly moves: WeightTable, readonly labeller: WeightTable, readonly labels: string[]) {
    this.nLabels = labels.length;
    this.rootLabel = labels.indexOf('root');
    this.labelHashes = Int32Array.from(labels.map((l) => hashString(l, 58)));
    this.labelScores = new Float32Array(labels.length);
    this.labelPrefix = new Float32Array(LABEL_CACHE * labels.length);
  }

  get size(): number {
    return this.moves.size + this.labeller.size;
  }

  static load(path: string): Parser {
    const { header, arrays } = readModel<ParserHeader>(path);
    if (header.kind !== 'parser' || header.version !== 2) throw new Error(`${path} is not a parser model (version 2)`);
    const a = arrays as Record<string, StoredArray>;
    return new Parser(WeightTable.fromArrays('m', a, header.moves), WeightTable.fromArrays('l', a, header.labeller), header.labels);
  }

  /** Label for the arc head -> dep (never root except for attachments to the root). */
  chooseLabel(x: ParseInput, st: ParseState, head: number, dep: number, dir: number): number {
    if (head === x.n) return this.rootLabel;
    const nf = labelFeatures(x, st, head, dep, dir, this.labelHashes, this.feats);
    const sc = this.labelScores;
    const dw = x.w[dep]!;
    const dp = x.p[dep]!;
    const e = mix3(dir, dw, dp) & (LABEL_CACHE - 1);
    const nl = sc.length;
    const keys = this.labelKeys;
    if (this.labelFilled[e] === 1 && keys[3 * e] === dir && keys[3 * e + 1] === dw && keys[3 * e + 2] === dp) {
      sc.set(this.labelPrefix.subarray(e * nl, e * nl + nl));
    } else {
      sc.fill(0);
      this.labeller.addScoresFrom(this.feats, 0, LABEL_DEP_FEATS, sc);
      this.labelPrefix.set(sc, e * nl);
      keys[3 * e] = dir;
      keys[3 * e + 1] = dw;
      keys[3 * e + 2] = dp;
      this.labelFilled[e] = 1;
    }
    this.labeller.addScoresFrom(this.feats, LABEL_DEP_FEATS, nf, sc);
    let best = -1;
    for (let l = 0; l < sc.length; l++) {
      if (l === this.rootLabel) continue;
      if (best < 0 || sc[l]! > sc[best]!) best = l;
    }
    return best;
  }

  parse(words: readonly string[], tags: readonly TaggedWord[]): ParseArc[] {
    const n = words.length;
    const x = parseInput(words, tags.map((t) => t.xpos), tags.map((t) => t.upos));
    const st = this.state;
    st.reset(n);
    while (!st.terminal) {
      let move = forcedMove(st);
      if (move < 0) {
        const nf = parseFeatures(x, st, this.labelHashes, this.feats);
        const ms = this.moveScores;
        const s0 = st.stack[st.sp - 1]!;
        const w = x.w[s0]!;
        const p = x.p[s0]!;
        const e = x.wp[s0]! & (MOVE_CACHE - 1);
        const keys = this.moveKeys;
        const prefix = this.movePrefix;
        if (this.moveFilled[e] === 1 && keys[2 * e] === w && keys[2 * e + 1] === p) {
          ms[0] = prefix[3 * e]!;
          ms[1] = prefix[3 * e + 1]!;
          ms[2] = prefix[3 * e + 2]!;
        } else {
          ms.fill(0);
          this.moves.addScoresFrom(this.feats, 0, MOVE_S0_FEATS, ms);
          prefix[3 * e] = ms[0]!;
          prefix[3 * e + 1] = ms[1]!;
          prefix[3 * e + 2] = ms[2]!;
          keys[2 * e] = w;
          keys[2 * e + 1] = p;
          this.moveFilled[e] = 1;
        }
        this.moves.addScoresFrom(this.feats, MOVE_S0_FEATS, nf, ms);
        move = bestMove(st, this.moveScores);
      }
      let label = -1;
      if (move !== MOVE_SHIFT) {
        const dep = st.stack[st.sp - 1]!;
        const head = move === MOVE_LEFT ? st.b : st.stack[st.sp - 2]!;
        label = this.chooseLabel(x, st, head, dep, move);
      }
      st.apply(move, label);
    }
    const out: ParseArc[] = [];
    for (let i = 0; i < n; i++) {
      const h = st.heads[i]!;
      out.push({ head: h >= n ? -1 : h, deprel: h >= n ? 'root' : this.labels[st.labels[i]!] ?? 'dep' });
    }
    return out;
  }
}
