// Quote attribution against PolNeAR: `node dist/eval/quotes.js [--split dev|train] [--limit N] [--examples N]`.
// Each article text goes through the real pipeline (articleFromText, processArticle). A gold attribution is found
// when a predicted quote's content has word-overlap F1 >= 0.5 with the gold content (all its fragments), matched
// one-to-one, best pairs first. Source accuracy: among found attributions with a gold Source, the share whose
// predicted speakerMention, or any mention of the predicted speaker actor, overlaps a gold Source span.
// Only aggregate figures are printed unless --examples N asks for N missed attributions (for debugging; stdout only).
import { pathToFileURL } from 'node:url';
import type { Extraction, Quote } from '../src/contract.js';
import { cueLemma, MAKE_CLEAR_FORMS } from '../src/extract/cues.js';
import { articleFromText } from '../src/ingest/index.js';
import { processArticle } from '../src/pipeline.js';
import { cueCore, overlapF1, readSplit, spansText, type PolnearArticle, type PolnearAttribution, type PolnearSpan, type PolnearSplit } from './polnear.js';

export const MATCH_THRESHOLD = 0.5;

export interface Match {
  gold: number;
  pred: number;
  f1: number;
}

/** One-to-one greedy matching: all pairs with F1 >= threshold, best first (ties: earlier gold, earlier prediction). */
export function greedyMatch(gold: string[], pred: string[], threshold = MATCH_THRESHOLD): Match[] {
  const pairs: Match[] = [];
  for (let g = 0; g < gold.length; g++) {
    for (let p = 0; p < pred.length; p++) {
      const f1 = overlapF1(gold[g]!, pred[p]!);
      if (f1 >= threshold) pairs.push({ gold: g, pred: p, f1 });
    }
  }
  pairs.sort((a, b) => b.f1 - a.f1 || a.gold - b.gold || a.pred - b.pred);
  const usedGold = new Set<number>();
  const usedPred = new Set<number>();
  const matches: Match[] = [];
  for (const pair of pairs) {
    if (usedGold.has(pair.gold) || usedPred.has(pair.pred)) continue;
    usedGold.add(pair.gold);
    usedPred.add(pair.pred);
    matches.push(pair);
  }
  return matches;
}

const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }) => a.start < b.end && b.start < a.end;

/** Does the predicted speaker (its mention, or any mention of its actor) overlap a gold Source span? */
export function sourceCorrect(record: Extraction, quote: Quote, source: PolnearSpan[]): boolean {
  const candidates: Array<{ start: number; end: number }> = [];
  if (quote.speakerMention) candidates.push(quote.speakerMention);
  const actor = quote.speaker ? record.actors.find((a) => a.id === quote.speaker) : undefined;
  if (actor) candidates.push(...actor.mentions);
  return candidates.some((c) => source.some((s) => overlaps(c, s)));
}

type GoldShape = 'direct' | 'mixed' | 'indirect';

/** Gold shape from quote marks: the whole content quoted, part of it quoted, or none. */
function goldShape(attribution: PolnearAttribution): GoldShape {
  // the NYT texts quote with two apostrophes ('' ... '')
  const text = spansText(attribution.content).replace(/''/g, '"');
  if (!/["“”«»„]/.test(text)) return 'indirect';
  const core = text.trim().replace(/[.,;:!?)\]]+$/u, '').replace(/^[(\[]+/u, '');
  const inner = core.slice(1, -1);
  if (/^["“«„]/.test(core) && /["”»“]$/.test(core) && !/["“”«»„]/.test(inner)) return 'direct';
  const quoted = (text.match(/["“«„][^"“”«»„]*["”»“]/gu) ?? []).join('').length;
  return quoted >= 0.8 * text.trim().length ? 'direct' : 'mixed';
}

interface Counter {
  [key: string]: number;
}

const bump = (c: Counter, key: string, n = 1) => {
  c[key] = (c[key] ?? 0) + n;
};

interface ArticleResult {
  article: PolnearArticle;
  record: Extraction;
  matches: Match[];
}

function main(): void {
  const argv = process.argv.slice(2);
  const arg = (name: string) => {
    const i = argv.indexOf(name);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const split = (arg('--split') ?? 'dev') as PolnearSplit;
  if (!['dev', 'train', 'test'].includes(split)) throw new Error(`--split must be dev or train, got ${split}`);
  const limitArg = arg('--limit');
  const limit = limitArg ? Number(limitArg) : undefined;
  const examples = Number(arg('--examples') ?? 0);

  const articles = readSplit(split, { limit });
  const t0 = performance.now();
  const results: ArticleResult[] = [];
  for (const article of articles) {
    const parsed = articleFromText(article.text, { source: article.name });
    if (parsed.text !== article.text) throw new Error(`${article.name}: ingest changed the text; offsets would not line up`);
    const { record } = processArticle(parsed);
    const matches = greedyMatch(article.attributions.map((a) => spansText(a.content)), record.quotes.map((q) => q.content.text));
    results.push({ article, record, matches });
  }
  const seconds = (performance.now() - t0) / 1000;

  let gold = 0;
  let predicted = 0;
  let tp = 0;
  let withSource = 0;
  let sourceRight = 0;
  const kindPred: Counter = {};
  const kindTp: Counter = {};
  const kindSrc: Counter = {};
  const kindSrcRight: Counter = {};
  const shapeGold: Counter = {};
  const shapeTp: Counter = {};
  const vocabGold: Counter = {};
  const vocabTp: Counter = {};
  const missReason: Counter = {};
  const fpReason: Counter = {};
  const cueGold: Counter = {};
  const cueMissed: Counter = {};
  const headGold: Counter = {};
  const headMissed: Counter = {};
  const missedExamples: string[] = [];
  let incomplete = 0;

  for (const { article, record, matches } of results) {
    incomplete += article.incomplete;
    gold += article.attributions.length;
    predicted += record.quotes.length;
    tp += matches.length;
    const byGold = new Map(matches.map((m) => [m.gold, m]));
    const matchedPred = new Set(matches.map((m) => m.pred));
    record.quotes.forEach((q, p) => {
      bump(kindPred, q.kind);
      if (matchedPred.has(p)) bump(kindTp, q.kind);
      else {
        const touches = article.attributions.some((a) => a.content.some((s) => overlaps(s, q.content)));
        bump(fpReason, touches ? 'overlaps a gold content (F1 < 0.5 or already taken)' : 'overlaps no gold content');
      }
    });
    article.attributions.forEach((attribution, g) => {
      const shape = goldShape(attribution);
      bump(shapeGold, shape);
      const core = cueCore(article.text, attribution.cue);
      const headForm = core.tokens[core.head]?.form ?? '(no word)';
      const inVocab = headForm === 'according' || MAKE_CLEAR_FORMS.has(headForm) || cueLemma(headForm) !== undefined;
      const vocabKey = inVocab ? 'head known to cueLemma' : 'head unknown to cueLemma';
      bump(vocabGold, vocabKey);
      const cueText = spansText(attribution.cue).toLowerCase().replace(/’/g, "'").replace(/\s+/g, ' ').trim();
      bump(cueGold, cueText);
      bump(headGold, headForm);
      const match = byGold.get(g);
      if (match) {
        bump(shapeTp, shape);
        bump(vocabTp, vocabKey);
        const quote = record.quotes[match.pred]!;
        if (attribution.source) {
          withSource++;
          bump(kindSrc, quote.kind);
          if (sourceCorrect(record, quote, attribution.source)) {
            sourceRight++;
            bump(kindSrcRight, quote.kind);
          }
        }
        return;
      }
      bump(cueMissed, cueText);
      bump(headMissed, headForm);
      const goldText = spansText(attribution.content);
      const touching = record.quotes.filter((q) => attribution.content.some((s) => overlaps(s, q.content)));
      let reason: string;
      if (touching.length === 0) reason = 'no predicted quote overlaps it';
      else if (touching.some((q) => overlapF1(goldText, q.content.text) >= MATCH_THRESHOLD)) reason = 'a matching prediction went to another gold';
      else reason = 'overlapping prediction with F1 < 0.5 (boundaries)';
      bump(missReason, reason);
      if (missedExamples.length < examples) missedExamples.push(`[${article.name}] ${shape} cue="${cueText}" reason=${reason}\n    content: ${goldText.slice(0, 200)}`);
    });
  }

  const pct = (a: number, b: number) => (b === 0 ? '  n/a' : ((100 * a) / b).toFixed(1).padStart(5));
  const precision = predicted ? tp / predicted : 0;
  const recall = gold ? tp / gold : 0;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  const withSourceGold = results.reduce((n, r) => n + r.article.attributions.filter((a) => a.source).length, 0);
  console.log(`PolNeAR ${split}: ${articles.length} articles, ${gold} gold attributions (${withSourceGold} with a Source; ${incomplete} events without cue or content left out), ${predicted} predicted quotes`);
  console.log(`quotes    P ${pct(tp, predicted)}  R ${pct(tp, gold)}  F1 ${(100 * f1).toFixed(1).padStart(5)}   (${tp} matched at content word-F1 >= ${MATCH_THRESHOLD})`);
  console.log(`source    ${pct(sourceRight, withSource)}   (${sourceRight}/${withSource} found attributions with a gold Source whose predicted speaker overlaps it)`);
  console.log('by predicted kind:');
  for (const kind of ['direct', 'indirect', 'mixed']) {
    const n = kindPred[kind] ?? 0;
    const m = kindTp[kind] ?? 0;
    console.log(`  ${kind.padEnd(9)} predicted ${String(n).padStart(5)}  matched ${String(m).padStart(5)}  P ${pct(m, n)}  source ${pct(kindSrcRight[kind] ?? 0, kindSrc[kind] ?? 0)} (${kindSrcRight[kind] ?? 0}/${kindSrc[kind] ?? 0})`);
  }
  console.log('recall by gold shape (quote marks in the gold content):');
  for (const shape of ['direct', 'mixed', 'indirect']) {
    console.log(`  ${shape.padEnd(9)} gold ${String(shapeGold[shape] ?? 0).padStart(5)}  found ${String(shapeTp[shape] ?? 0).padStart(5)}  R ${pct(shapeTp[shape] ?? 0, shapeGold[shape] ?? 0)}`);
  }
  console.log('recall by gold cue head:');
  for (const key of Object.keys(vocabGold).sort()) {
    console.log(`  ${key.padEnd(24)} gold ${String(vocabGold[key]).padStart(5)}  found ${String(vocabTp[key] ?? 0).padStart(5)}  R ${pct(vocabTp[key] ?? 0, vocabGold[key]!)}`);
  }
  const sorted = (c: Counter) => Object.entries(c).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  console.log(`missed gold (${gold - tp}):`);
  for (const [reason, n] of sorted(missReason)) console.log(`  ${String(n).padStart(5)}  ${reason}`);
  console.log(`unmatched predictions (${predicted - tp}):`);
  for (const [reason, n] of sorted(fpReason)) console.log(`  ${String(n).padStart(5)}  ${reason}`);
  console.log('15 most frequent cues among missed gold attributions (missed/gold with that cue):');
  console.log('  ' + sorted(cueMissed).slice(0, 15).map(([c, n]) => `${c} ${n}/${cueGold[c]}`).join(', '));
  console.log('15 most frequent cue head words among missed gold attributions (missed/gold):');
  console.log('  ' + sorted(headMissed).slice(0, 15).map(([c, n]) => `${c} ${n}/${headGold[c]}`).join(', '));
  for (const line of missedExamples) console.log(line);
  console.log(`time      ${seconds.toFixed(1)} s for ${articles.length} articles (${((1000 * seconds) / Math.max(1, articles.length)).toFixed(0)} ms/article, pipeline only)`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) main();
