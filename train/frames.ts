// Derives the reporting-frame lexicon src/extract/frame-lexicon.ts from PolNeAR train (never dev or test).
// Usage: node dist/train/frames.js [--out FILE] [--check] [--docs CACHE.json]
//   --check  rebuilds in memory and exits 1 when the committed file differs (deterministic output).
//   --docs   reads (or writes, when missing) the analysed train Docs there, to skip the NLP pass on reruns.
//
// Words outside quote marks offer the spans they could report (frames.ts: each dependent's subtree, and the clause
// the word hangs from). Two tables are learnt, in this order:
// 1. Edges. For each gold attribution, the cue word's raw candidate span closest to the gold content (word-overlap
//    F1 >= EDGE_MATCH) is taken apart: for every phrase hanging from its head, and every other phrase of the cue,
//    was it (mostly) inside the gold content? Keyed by context relation, phrase relation, side and a comma before.
// 2. Frames. With those edges applied, a frame (lemma, part of speech, relation) is a hit where the word lies in a
//    gold cue and its span matches that attribution's content as the evaluation would (F1 >= 0.5). Precision is
//    hits over occurrences, smoothed towards zero for rare frames; frames with at least MIN_HITS hits are written.
// Only lemmas, relation names and counts are written: no PolNeAR text.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { overlapF1, readSplit, spansText, type PolnearArticle } from '../eval/polnear.js';
import { edgeKey, EDGE_MIN_CASES, frameCandidates, NOT_REPORTED, subtree, type EdgeTable, type FrameCandidate } from '../src/extract/frames.js';
import { findQuoteMarks } from '../src/extract/quotes.js';
import { articleFromText } from '../src/ingest/index.js';
import { analyze, dependents, type Doc, type Token } from '../src/nlp/index.js';
import { furniture } from '../src/pipeline.js';
import { ROOT } from './data.js';
import { writeGenerated } from './generated.js';

export const MIN_HITS = 3;
/** Occurrences added to a frame's count before dividing, so that 3 of 3 does not read as certain. */
const SMOOTHING = 2;
const MIN_PRECISION = 0.2;
/** A raw candidate this close to the gold content shows where the gold content's edges fall. */
const EDGE_MATCH = 0.3;

interface FrameCount {
  seen: number;
  hits: number;
}

function main(): void {
  const argv = process.argv.slice(2);
  const option = (name: string) => {
    const i = argv.indexOf(name);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const out = option('--out') ?? join(ROOT, 'src', 'extract', 'frame-lexicon.ts');
  const docsFile = option('--docs');
  const cached: Record<string, Doc> = docsFile && existsSync(docsFile) ? JSON.parse(readFileSync(docsFile, 'utf8')) : {};
  let analysed = 0;

  const articles = readSplit('train');
  const prepared = articles.map((article) => {
    let doc = cached[article.name];
    if (!doc) {
      const parsed = articleFromText(article.text, { source: article.name });
      doc = analyze(parsed.text, { ignore: furniture(parsed) });
      cached[article.name] = doc;
      analysed++;
    }
    return { article, doc };
  });
  if (docsFile && analysed > 0) writeFileSync(docsFile, JSON.stringify(cached));

  const edgeCounts = new Map<string, FrameCount>();
  for (const { article, doc } of prepared) countEdges(article, doc, edgeCounts);
  const edges: Record<string, [number, number]> = {};
  for (const [key, c] of edgeCounts) if (c.seen >= EDGE_MIN_CASES) edges[key] = [Number((c.hits / c.seen).toFixed(3)), c.seen];

  const counts = new Map<string, FrameCount>();
  for (const { article, doc } of prepared) {
    const children = dependents(doc);
    const quoted = findQuoteMarks(doc.text);
    const contents = article.attributions.map((a) => spansText(a.content));
    for (const token of doc.tokens) {
      if (quoted.some((m) => token.start >= m.contentStart && token.end <= m.contentEnd)) continue;
      const cueOf = article.attributions.map((a, k) => (a.cue.some((s) => token.start >= s.start && token.end <= s.end) ? k : -1)).filter((k) => k >= 0);
      for (const candidate of frameCandidates(doc, children, token, edges)) {
        const count = counts.get(candidate.key) ?? { seen: 0, hits: 0 };
        count.seen++;
        if (cueOf.some((k) => overlapF1(contents[k]!, candidate.span.text) >= 0.5)) count.hits++;
        counts.set(candidate.key, count);
      }
    }
  }

  const entries = [...counts.entries()]
    .filter(([, c]) => c.hits >= MIN_HITS && c.hits / (c.seen + SMOOTHING) >= MIN_PRECISION)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const hits = [...counts.values()].reduce((n, c) => n + c.hits, 0);
  console.log(`PolNeAR train: ${articles.length} articles, ${counts.size} frames seen, ${hits} frame hits; ${entries.length} frames kept`);
  const lines = entries.map(([key, c]) => `  ${JSON.stringify(key)}: [${(c.hits / (c.seen + SMOOTHING)).toFixed(3)}, ${c.hits}],`);
  const edgeLines = Object.keys(edges).sort().map((key) => `  ${JSON.stringify(key)}: [${edges[key]![0].toFixed(3)}, ${edges[key]![1]}],`);
  console.log(`${Object.keys(edges).length} edge contexts with at least ${EDGE_MIN_CASES} cases`);
  const text = [
    '// Generated by train/frames.ts from PolNeAR train; do not edit. Regenerate: npm run build && node dist/train/frames.js',
    `// ${articles.length} train articles. Aggregate lemmas, relation names and counts only; no PolNeAR text.`,
    '',
    '/**',
    ' * Where reported words end. Key: context relation|phrase relation, side (< before, > after the head) and "," when',
    " * a comma precedes the phrase; context \"sibling:REL\" is a phrase of the cue beside the reported head. Value:",
    " * [share of the training cases where the phrase lay inside the gold content, cases]; kept from",
    ` * ${EDGE_MIN_CASES} cases.`,
    ' */',
    'export const FRAME_EDGES: Readonly<Record<string, readonly [share: number, cases: number]>> = {',
    ...edgeLines,
    '};',
    '',
    '/**',
    ' * Key: lemma|coarse POS|relation (frames.ts). Value: [precision, hits], where hits counts the words in a gold cue',
    " * whose frame span (with the edges above) matches that attribution's content (word-overlap F1 >= 0.5) and",
    ` * precision is hits / (occurrences outside quote marks + ${SMOOTHING}). Kept: hits >= ${MIN_HITS}, precision >= ${MIN_PRECISION}.`,
    ' */',
    'export const FRAME_LEXICON: Readonly<Record<string, readonly [precision: number, hits: number]>> = {',
    ...lines,
    '};',
    '',
  ].join('\n');
  writeGenerated(out, text, argv.includes('--check'));
}

/** Counts, for the raw candidate closest to each gold content, which phrases at its edges the gold content holds. */
function countEdges(article: PolnearArticle, doc: Doc, counts: Map<string, FrameCount>): void {
  const children = dependents(doc);
  for (const attribution of article.attributions) {
    const content = spansText(attribution.content);
    const inside = (t: { start: number; end: number }) => attribution.content.some((s) => t.start >= s.start && t.end <= s.end);
    let best: { cue: Token; candidate: FrameCandidate; f1: number } | null = null;
    for (const cue of doc.tokens.filter((t) => attribution.cue.some((s) => t.start >= s.start && t.end <= s.end))) {
      for (const candidate of frameCandidates(doc, children, cue, null)) {
        const f1 = overlapF1(content, candidate.span.text);
        if (f1 >= EDGE_MATCH && (!best || f1 > best.f1)) best = { cue, candidate, f1 };
      }
    }
    if (!best) continue;
    const { cue, candidate } = best;
    const mostlyInside = (phrase: Token[]) => {
      const words = phrase.filter((t) => /[\p{L}\p{N}]/u.test(t.text));
      return words.length > 0 && words.filter(inside).length >= 0.5 * words.length;
    };
    const record = (key: string, phrase: Token[]) => {
      if (!phrase.some((t) => /[\p{L}\p{N}]/u.test(t.text))) return;
      const c = counts.get(key) ?? { seen: 0, hits: 0 };
      c.seen++;
      if (mostlyInside(phrase)) c.hits++;
      counts.set(key, c);
    };
    const head = candidate.head;
    for (const child of children[head.i]!) {
      if (child === cue || child.deprel === 'punct') continue;
      const phrase = subtree(children, child);
      record(edgeKey(doc, children, candidate.relation, child, head, phrase), phrase);
    }
    if (cue.head !== head.i) {
      for (const sibling of children[cue.i]!) {
        if (sibling === head || NOT_REPORTED.has(sibling.deprel)) continue;
        const phrase = subtree(children, sibling);
        record(edgeKey(doc, children, 'sibling:' + candidate.relation, sibling, head, phrase), phrase);
      }
    }
  }
}

main();
