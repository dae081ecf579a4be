// Training of the arc-hybrid parser with a dynamic oracle and error exploration.

import { hashString, rng, shuffle } from '../src/nlp/hash.js';
import { PerceptronTrainer, encodeModel } from '../src/nlp/perceptron.js';
import { BeamCandidates, MAX_PARSE_FEATS, ParseState, Parser, labelFeatures, parseFeatures, parseInput, validMoves, type ParseInput, type ParserHeader } from '../src/nlp/parser.js';

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
  /** Beam width: above 1, the move model is trained globally (structured perceptron, max-violation update). */
  beam?: number;
  log?: (msg: string) => void;
  /** Called after each epoch with a function giving the averaged model so far (for choosing the epoch count). */
  onEpoch?: (epoch: number, snapshot: (prune: number) => Parser) => void;
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
  const beam = opts.beam ?? 1;
  // Beam training: one history node per move of a beam item; features are null for forced moves.
  interface Node {
    f: Int32Array | null;
    m: number;
    p: Node | null;
  }
  const items: ParseState[] = [];
  const nextItems: ParseState[] = [];
  for (let i = 0; i < beam; i++) {
    items.push(new ParseState());
    nextItems.push(new ParseState());
  }
  const cands = new BeamCandidates(beam);
  const gst = new ParseState();
  /** Label for an arc made by a beam item: the labeller's current choice. */
  const predictLabel = (x: ParseInput, s: ParseState, move: number): number => {
    const head = move === 1 ? s.b : s.stack[s.sp - 2]!;
    if (head === x.n) return rootLabel;
    const dep = s.stack[s.sp - 1]!;
    const lf = labelFeatures(x, s, head, dep, move, labelHashes, lfeats);
    labelTrainer.score(lfeats, lf, lscores);
    let bl = -1;
    for (let l = 0; l < L; l++) if (l !== rootLabel && (bl < 0 || lscores[l]! > lscores[bl]!)) bl = l;
    return bl;
  };
  const stats = { moves: 0, wrong: 0, arcs: 0, wrongLabels: 0, updates: 0 };
  /** One sentence of global training: the gold path follows the best zero-cost move; max-violation update. */
  const beamSentence = (x: ParseInput, gold: Int32Array, goldLabel: Int32Array, kids: number[][]): void => {
    let cur = items;
    let nxt = nextItems;
    const sc = new Float64Array(beam);
    const nsc = new Float64Array(beam);
    const wrongF = new Uint8Array(beam);
    const nwrongF = new Uint8Array(beam);
    let nodes: Array<Node | null> = [null];
    cur[0]!.reset(x.n);
    gst.reset(x.n);
    let size = 1;
    let goldScore = 0;
    const goldPath: Node[] = [];
    let bestViol = 0;
    let violStep = -1;
    let violNode: Node | null = null;
    const itemFeats: Array<Int32Array | null> = new Array(beam).fill(null);
    const itemCosts = new Int32Array(beam * 3);
    for (let step = 0; !gst.terminal; step++) {
      // gold path
      {
        const valid = validMoves(gst);
        const forced = valid === 1 ? 0 : valid === 2 ? 1 : valid === 4 ? 2 : -1;
        let f: Int32Array | null = null;
        let m = forced;
        moveCosts(gst, gold, kids, costs);
        if (forced < 0) {
          const nf = parseFeatures(x, gst, labelHashes, feats);
          f = feats.slice(0, nf);
          moveTrainer.score(f, nf, scores);
          for (let c = 0; c < 3; c++) {
            if (costs[c]! !== 0) continue;
            if (m < 0 || scores[c]! > scores[m]!) m = c;
          }
          goldScore += scores[m]!;
        }
        goldPath.push({ f, m, p: null });
        let label = -1;
        if (m !== 0) {
          const dep = gst.stack[gst.sp - 1]!;
          const head = m === 1 ? gst.b : gst.stack[gst.sp - 2]!;
          label = goldLabel[dep]!;
          if (head !== x.n) {
            const lf = labelFeatures(x, gst, head, dep, m, labelHashes, lfeats);
            labelTrainer.score(lfeats, lf, lscores);
            let bl = -1;
            for (let l = 0; l < L; l++) if (l !== rootLabel && (bl < 0 || lscores[l]! > lscores[bl]!)) bl = l;
            stats.arcs++;
            if (bl !== label) {
              stats.wrongLabels++;
              labelTrainer.update(lfeats, lf, label, 1);
              labelTrainer.update(lfeats, lf, bl, -1);
            }
            labelTrainer.tick();
          }
        }
        gst.apply(m, label);
      }
      // beam expansion
      cands.clear();
      for (let i = 0; i < size; i++) {
        const s = cur[i]!;
        moveCosts(s, gold, kids, costs);
        itemCosts.set(costs, 3 * i);
        const valid = validMoves(s);
        if (valid === 1 || valid === 2 || valid === 4) {
          itemFeats[i] = null;
          cands.offer(i, valid === 1 ? 0 : valid === 2 ? 1 : 2, sc[i]!);
          continue;
        }
        const nf = parseFeatures(x, s, labelHashes, feats);
        const f = feats.slice(0, nf);
        itemFeats[i] = f;
        moveTrainer.score(f, nf, scores);
        for (let m = 0; m < 3; m++) if (valid & (1 << m)) cands.offer(i, m, sc[i]! + scores[m]!);
      }
      const newNodes: Array<Node | null> = [];
      let anyGold = false;
      for (let j = 0; j < cands.n; j++) {
        const i = cands.item[j]!;
        const m = cands.move[j]!;
        const s = nxt[j]!;
        s.copyFrom(cur[i]!);
        const label = m === 0 ? -1 : predictLabel(x, s, m);
        s.apply(m, label);
        nsc[j] = cands.score[j]!;
        nwrongF[j] = wrongF[i]! | (itemCosts[3 * i + m]! > 0 ? 1 : 0);
        if (nwrongF[j] === 0) anyGold = true;
        newNodes.push({ f: itemFeats[i]!, m, p: nodes[i]! });
      }
      size = cands.n;
      sc.set(nsc.subarray(0, size));
      wrongF.set(nwrongF.subarray(0, size));
      nodes = newNodes;
      const t = cur;
      cur = nxt;
      nxt = t;
      const last = gst.terminal;
      if ((!anyGold || (last && wrongF[0] === 1)) && sc[0]! - goldScore >= bestViol) {
        bestViol = sc[0]! - goldScore;
        violStep = step;
        violNode = nodes[0]!;
      }
    }
    stats.moves++;
    if (violStep >= 0 && violNode) {
      stats.wrong++;
      for (let t = 0; t <= violStep; t++) {
        const g = goldPath[t]!;
        if (g.f) moveTrainer.update(g.f, g.f.length, g.m, 1);
      }
      for (let nd: Node | null = violNode; nd; nd = nd.p) if (nd.f) moveTrainer.update(nd.f, nd.f.length, nd.m, -1);
    }
    moveTrainer.tick();
  };
  for (let ep = 0; ep < epochs; ep++) {
    shuffle(order, rand);
    if (beam > 1) {
      stats.moves = stats.wrong = stats.arcs = stats.wrongLabels = 0;
      for (const si of order) {
        const { x, gold, goldLabel, kids } = prepared[si]!;
        beamSentence(x, gold, goldLabel, kids);
      }
      opts.log?.(
        `parser epoch ${ep + 1}/${epochs} (beam ${beam}): violations in ${((100 * stats.wrong) / stats.moves).toFixed(2)}% of sentences, wrong labels ${((100 * stats.wrongLabels) / Math.max(1, stats.arcs)).toFixed(2)}%, ${moveTrainer.rows.size}+${labelTrainer.rows.size} rows`,
      );
      opts.onEpoch?.(ep + 1, (prune) => new Parser(moveTrainer.finalize(prune), labelTrainer.finalize(prune), labels, beam));
      continue;
    }
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
    opts.onEpoch?.(ep + 1, (prune) => new Parser(moveTrainer.finalize(prune), labelTrainer.finalize(prune), labels));
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
