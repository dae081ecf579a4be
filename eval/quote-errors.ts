// Error listing for quote attribution (development aid, train split by default):
// `node dist/eval/quote-errors.js [--split train] [--limit N] [--out FILE]` writes one JSON line per missed gold
// attribution and per unmatched prediction, with the sentence around it, for reading and counting.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { extract } from '../src/extract/index.js';
import { articleFromText } from '../src/ingest/index.js';
import { analyze, type Doc } from '../src/nlp/index.js';
import { furniture } from '../src/pipeline.js';
import { greedyMatch, sourceCorrect } from './quotes.js';
import { overlapF1, readSplit, spansText, type PolnearSplit } from './polnear.js';

const argv = process.argv.slice(2);
const arg = (name: string) => {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : undefined;
};
const split = (arg('--split') ?? 'train') as PolnearSplit;
const limit = arg('--limit') ? Number(arg('--limit')) : undefined;
const out = arg('--out') ?? '/tmp/quote-errors.jsonl';
// --cache FILE keeps the analysed Docs between runs, so that changes to extraction alone are quick to try
const cacheFile = arg('--cache');
const cache: Record<string, Doc> = cacheFile && existsSync(cacheFile) ? JSON.parse(readFileSync(cacheFile, 'utf8')) : {};
let cacheChanged = false;
let gold = 0;
let predicted = 0;
let found = 0;
let withSource = 0;
let sourceRight = 0;
const shapeGold: Record<string, number> = {};
const shapeFound: Record<string, number> = {};

const lines: string[] = [];
const context = (text: string, start: number, end: number) => {
  const from = Math.max(text.lastIndexOf('\n', start - 1) + 1, start - 300);
  let to = text.indexOf('\n', end);
  if (to < 0 || to > end + 300) to = Math.min(text.length, end + 300);
  return text.slice(from, to);
};
const shapeOf = (content: string) => {
  const t = content.replace(/''/g, '"');
  if (!/["“”«»„]/.test(t)) return 'indirect';
  const core = t.trim().replace(/[.,;:!?)\]]+$/u, '').replace(/^[(\[]+/u, '');
  return /^["“«„]/.test(core) && /["”»“]$/.test(core) && !/["“”«»„]/.test(core.slice(1, -1)) ? 'direct' : 'mixed';
};
for (const article of readSplit(split, { limit })) {
  const parsed = articleFromText(article.text, { source: article.name });
  const ignore = furniture(parsed);
  let doc = cache[article.name];
  if (!doc) {
    doc = analyze(parsed.text, { ignore });
    cache[article.name] = doc;
    cacheChanged = true;
  }
  const record = extract(parsed, doc, { ignore });
  gold += article.attributions.length;
  predicted += record.quotes.length;
  const goldTexts = article.attributions.map((a) => spansText(a.content));
  const matches = greedyMatch(goldTexts, record.quotes.map((q) => q.content.text));
  const byGold = new Map(matches.map((m) => [m.gold, m]));
  const matchedPred = new Set(matches.map((m) => m.pred));
  article.attributions.forEach((a, g) => {
    const m = byGold.get(g);
    const content = goldTexts[g]!;
    const start = Math.min(a.content[0]!.start, a.cue[0]!.start, a.source?.[0]?.start ?? Infinity);
    const end = Math.max(a.content.at(-1)!.end, a.cue.at(-1)!.end);
    const touching = record.quotes.filter((q) => a.content.some((s) => q.content.start < s.end && s.start < q.content.end));
    const base = {
      doc: article.name, shape: shapeOf(content), cue: spansText(a.cue), source: a.source ? spansText(a.source) : null, content,
    };
    shapeGold[base.shape] = (shapeGold[base.shape] ?? 0) + 1;
    if (m) {
      found++;
      shapeFound[base.shape] = (shapeFound[base.shape] ?? 0) + 1;
      const q = record.quotes[m.pred]!;
      if (a.source) withSource++;
      if (a.source && sourceCorrect(record, q, a.source)) sourceRight++;
      if (a.source && !sourceCorrect(record, q, a.source)) {
        lines.push(JSON.stringify({ type: 'wrong-source', ...base, predSpeaker: q.speakerMention?.text ?? null, predKind: q.kind, predCue: q.cue?.text, predContent: q.content.text, ctx: context(article.text, start, end) }));
      } else lines.push(JSON.stringify({ type: 'hit', ...base, predKind: q.kind, predCue: q.cue?.text ?? null, predContent: q.content.text, f1: m.f1 }));
      return;
    }
    lines.push(JSON.stringify({
      type: 'miss', ...base,
      preds: touching.map((q) => ({ kind: q.kind, cue: q.cue?.text, content: q.content.text, f1: Number(overlapF1(content, q.content.text).toFixed(2)) })),
      ctx: context(article.text, start, end),
    }));
  });
  record.quotes.forEach((q, p) => {
    if (matchedPred.has(p)) return;
    const best = goldTexts.map((t, g) => ({ g, f1: overlapF1(t, q.content.text) })).sort((x, y) => y.f1 - x.f1)[0];
    lines.push(JSON.stringify({
      type: 'fp', doc: article.name, kind: q.kind, cue: q.cue?.text ?? null, speaker: q.speakerMention?.text ?? null, content: q.content.text,
      bestGold: best && best.f1 > 0 ? { content: goldTexts[best.g], f1: Number(best.f1.toFixed(2)), taken: byGold.has(best.g) } : null,
      ctx: context(article.text, q.content.start, q.content.end),
    }));
  });
}
writeFileSync(out, lines.join('\n') + '\n');
if (cacheFile && cacheChanged) writeFileSync(cacheFile, JSON.stringify(cache));
const p = found / Math.max(1, predicted);
const r = found / Math.max(1, gold);
console.log(`P ${(100 * p).toFixed(1)} R ${(100 * r).toFixed(1)} F1 ${((200 * p * r) / Math.max(1e-9, p + r)).toFixed(1)} source ${((100 * sourceRight) / Math.max(1, withSource)).toFixed(1)} (${found}/${gold} found, ${predicted} predicted)`);
console.log(Object.keys(shapeGold).map((k) => `${k} ${(100 * (shapeFound[k] ?? 0) / shapeGold[k]!).toFixed(1)} (${shapeFound[k] ?? 0}/${shapeGold[k]})`).join('  '));
console.log(`wrote ${lines.length} lines to ${out}`);
