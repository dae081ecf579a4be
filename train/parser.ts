// Training of the arc-hybrid parser with a dynamic oracle and error exploration.

import { hashString, rng, shuffle } from '../src/nlp/hash.js';
import { PerceptronTrainer, encodeModel } from '../src/nlp/perceptron.js';
import { MAX_PARSE_FEATS, ParseState, Parser, labelFeatures, parseFeatures, parseInput, type ParserHeader } from '../src/nlp/parser.js';

export interface ParseExample {
  words: string[];
  upos: string[];
  xpos: string[];
  /** 0-based heads, -1 for the root. */
  heads: number[];
  deprels: string[];
}

export interface ParserTrainOptions {
  epochs?: number;
  seed?: number;
  prune?: number;
  /** Epoch (0-based) from which the parser follows its own mistakes. */
  exploreFrom?: number;
  exploreP?: number;
  log?: (msg: string) => void;
}

/** Lifts non-projective arcs (re-attaching the dependent to its grandparent) until the tree is projective. */
export const DEFAULT_PARSER_PRUNE = 1;

export function projectivize(headsIn: readonly number[]): number[] {
  const n = headsIn.length;
  const heads = headsIn.map((h) => (h < 0 ? n : h));
  const dominated = (h: number, k: number): boolean => {
    let x = k;
    for (let guard = 0; guard <= n && x !== n; guard++) {
      if (x === h) return true;
      x = heads[x]!;
    }
    return x === h;
  };
  for (let iter = 0; iter < n * n; iter++) {
    let worst = -1;
    let worstLen = Infinity;
    for (let d = 0; d < n; d++) {
      const h = heads[d]!;
      const lo = Math.min(h, d);
      const hi = Math.max(h, d);
      for (let k = lo + 1; k < hi; k++) {
        if (!dominated(h, k)) {
          if (hi - lo < worstLen) {
            worst = d;
            worstLen = hi - lo;
          }
          break;
        }
      }
    }
    if (worst < 0) break;
    const h = heads[worst]!;
    heads[worst] = h === n ? n : heads[h]!;
  }
  return heads;
}

/** Unlabelled costs of shift, left and right in the current state with respect to gold heads (root = n). */
function moveCosts(st: ParseState, gold: Int32Array, goldKids: number[][], out: Int32Array): void {
  const n = st.n;
  const sp = st.sp;
  const b = st.b;
  const s0 = sp > 0 ? st.stack[sp - 1]! : -1;
  const s1 = sp > 1 ? st.stack[sp - 2]! : -1;
  // shift
  if (st.canShift()) {
    let c = 0;
    const g = gold[b]!;
    if (g !== s0 && g < n && st.inStack[g] === 1) c++;
    if (g === n && sp > 0) c++;
    for (const d of goldKids[b]!) if (st.inStack[d] === 1) c++;
    out[0] = c;
  } else out[0] = 1 << 20;
  let depsInB = 0;
  if (s0 >= 0) for (const d of goldKids[s0]!) if (d >= b) depsInB++;
  // left: s0 <- b0
  if (st.canLeft()) {
    const g = gold[s0]!;
    out[1] = depsInB + ((g === s1 || (g >= b && g !== b)) ? 1 : 0);
  } else out[1] = 1 << 20;
  // right: s1 -> s0
  if (st.canRight()) {
    const g = gold[s0]!;
    out[2] = depsInB + (g >= b ? 1 : 0);
  } else out[2] = 1 << 20;
}

export function trainParser(
  data: ParseExample[],
  opts: ParserTrainOptions = {},
): { parser: Parser; file: Buffer; refinalize: (prune: number) => { parser: Parser; file: Buffer } } {
  const epochs = opts.epochs ?? 15;
  const exploreFrom = opts.exploreFrom ?? 1;
  const exploreP = opts.exploreP ?? 0.9;
  const labelSet = new Set<string>(['root']);
  for (const s of data) for (const l of s.deprels) labelSet.add(l);
  const labels = [...labelSet].sort();
  const L = labels.length;
  const li = new Map(labels.map((l, i) => [l, i]));
  const rootLabel = li.get('root')!;
  const moveTrainer = new PerceptronTrainer(3);
  const labelTrainer = new PerceptronTrainer(L);
  const labelHashes = Int32Array.from(labels.map((l) => hashString(l, 58)));
  const feats = new Int32Array(MAX_PARSE_FEATS);
  const lfeats = new Int32Array(MAX_PARSE_FEATS);
  const scores = new Float64Array(3);
  const lscores = new Float64Array(L);
  const costs = new Int32Array(3);
  const rand = rng(opts.seed ?? 3);
  const st = new ParseState();
  const prepared = data.map((s) => {
    const n = s.words.length;
    const heads = projectivize(s.heads);
    const gold = Int32Array.from(heads);
    const goldLabel = Int32Array.from(s.deprels.map((d, i) => (heads[i] === n ? rootLabel : li.get(d)!)));
    const kids: number[][] = Array.from({ length: n + 1 }, () => []);
    for (let d = 0; d < n; d++) kids[heads[d]!]!.push(d);
    return { x: parseInput(s.words, s.xpos, s.upos), gold, goldLabel, kids };
  });
  const order = data.map((_, i) => i);
  for (let ep = 0; ep < epochs; ep++) {
    shuffle(order, rand);
    let moves = 0;
    let wrong = 0;
    let arcs = 0;
    let wrongLabels = 0;
    for (const si of order) {
      const { x, gold, goldLabel, kids } = prepared[si]!;
      st.reset(x.n);
      while (!st.terminal) {
        const nf = parseFeatures(x, st, labelHashes, feats);
        moveTrainer.score(feats, nf, scores);
        moveCosts(st, gold, kids, costs);
        let pred = -1;
        let best = -1;
        for (let c = 0; c < 3; c++) {
          if (costs[c]! >= 1 << 20) continue;
          if (pred < 0 || scores[c]! > scores[pred]!) pred = c;
          if (best < 0 || costs[c]! < costs[best]! || (costs[c] === costs[best] && scores[c]! > scores[best]!)) best = c;
        }
        moves++;
        let next = pred;
        if (costs[pred]! > costs[best]!) {
          wrong++;
          moveTrainer.update(feats, nf, best, 1);
          moveTrainer.update(feats, nf, pred, -1);
          if (!(ep >= exploreFrom && rand() < exploreP)) next = best;
        }
        moveTrainer.tick();
        let label = -1;
        if (next !== 0) {
          const dep = st.stack[st.sp - 1]!;
          const head = next === 1 ? st.b : st.stack[st.sp - 2]!;
          if (head === x.n) label = rootLabel;
          else {
            const lf = labelFeatures(x, st, head, dep, next, labelHashes, lfeats);
            labelTrainer.score(lfeats, lf, lscores);
            let bl = -1;
            for (let l = 0; l < L; l++) {
              if (l === rootLabel) continue;
              if (bl < 0 || lscores[l]! > lscores[bl]!) bl = l;
            }
            label = bl;
            if (gold[dep] === head) {
              const g = goldLabel[dep]!;
              arcs++;
              if (bl !== g) {
                wrongLabels++;
                labelTrainer.update(lfeats, lf, g, 1);
                labelTrainer.update(lfeats, lf, bl, -1);
                label = g;
              }
              labelTrainer.tick();
            }
          }
        }
        st.apply(next, label);
      }
    }
    opts.log?.(
      `parser epoch ${ep + 1}/${epochs}: wrong moves ${((100 * wrong) / moves).toFixed(2)}%, wrong labels ${((100 * wrongLabels) / Math.max(1, arcs)).toFixed(2)}%, ${moveTrainer.rows.size}+${labelTrainer.rows.size} rows`,
    );
  }
  const finish = (prune: number): { parser: Parser; file: Buffer } => {
    const mw = moveTrainer.finalize(prune);
    const lw = labelTrainer.finalize(prune);
    const m = mw.toArrays('m');
    const l = lw.toArrays('l');
    const header: ParserHeader = { kind: 'parser', version: 2, labels, moves: m.meta, labeller: l.meta };
    return { parser: new Parser(mw, lw, labels), file: encodeModel(header, { ...m.arrays, ...l.arrays }) };
  };
  return { ...finish(opts.prune ?? DEFAULT_PARSER_PRUNE), refinalize: finish };
}
