// Derives the reporting-cue lexicon src/extract/cue-lexicon.ts from PolNeAR train (never dev or test).
// Usage: node dist/train/cues.js [--out FILE] [--check]
//   --check  rebuilds in memory and exits 1 when the committed file differs (deterministic output).
//
// For every gold cue span: drop the auxiliaries, modals, negation and adverbs that open it ("has repeatedly said"),
// take its head (the first remaining word, or the first content word of "in a statement"), and count the head's
// lower-case word form. A form's cue precision is (times it heads a cue) / (times it occurs in the train texts).
// Multiword cues ("according to", "made it clear", "quoted as saying") are the head plus up to four following words
// of the cue, counted the same way against their occurrences in the texts. Entries need count >= MIN_COUNT and
// precision >= a threshold chosen by 5-fold cross-validation over train articles, maximising the F1 of finding
// gold cue heads by dictionary look-up. Only aggregate word forms and counts are written: no PolNeAR text.
import { join } from 'node:path';
import { cueCore, readSplit, ruleLemma, wordTokens, type PolnearArticle } from '../eval/polnear.js';
import { ROOT } from './data.js';
import { writeGenerated } from './generated.js';


export const MIN_COUNT = 3;
const MAX_PHRASE = 5;
const THRESHOLDS = Array.from({ length: 19 }, (_, i) => Math.round((i + 1) * 5) / 100);
const FOLDS = 5;
/** A phrase is kept over its head word when it is this much more precise, or when it accounts for this share of the head's uses. */
const PHRASE_GAIN = 0.15;
const FIXED_SHARE = 0.8;

/** Words before a head that make it a noun ("a statement", "his remarks"); so does any possessive "X's". */
const DETERMINERS = new Set(['a', 'an', 'the', 'his', 'her', 'their', 'its', 'our', 'my', 'your', 'this', 'these', 'those']);
const AUX_SECOND = new Set(['be', 'is', 'are', 'was', 'were', 'been', 'being', 'has', 'have', 'had', 'will', 'would']);
const BAD_PHRASE_END = new Set(['a', 'an', 'the', 'his', 'her', 'their', 'its', 'our', 'my', 'your', 'this', 'that', 'these', 'those', 'and', 'or', 'but', 'he', 'she', 'they', 'we', 'i', 'it']);

export interface CueEntry {
  kind: 'verb' | 'noun' | 'phrase';
  lemma: string;
  precision: number;
  count: number;
}

interface ArticleStats {
  /** Lower-case forms of the text, in order. */
  forms: string[];
  /** Token indices of gold cue heads. */
  heads: Set<number>;
  /** Head forms with the core words that follow them in the cue (for phrases). */
  cues: Array<{ head: number; words: string[]; determined: boolean }>;
}

function articleStats(article: PolnearArticle): ArticleStats {
  const tokens = wordTokens(article.text);
  const indexOf = new Map(tokens.map((t, i) => [t.start, i]));
  const heads = new Set<number>();
  const cues: ArticleStats['cues'] = [];
  for (const attribution of article.attributions) {
    const core = cueCore(article.text, attribution.cue);
    const head = core.tokens[core.head];
    if (!head || !/\p{L}/u.test(head.form)) continue;
    const i = indexOf.get(head.start);
    if (i === undefined) continue;
    heads.add(i);
    const previous = tokens[i - 1]?.form;
    const determined = previous !== undefined && (DETERMINERS.has(previous) || /'s$/.test(previous));
    cues.push({ head: i, words: core.tokens.slice(core.head).map((t) => t.form), determined });
  }
  return { forms: tokens.map((t) => t.form), heads, cues };
}

interface Counts {
  text: Map<string, number>;
  cue: Map<string, number>;
  determined: Map<string, number>;
  phraseCue: Map<string, number>;
  phraseText: Map<string, number>;
}

const inc = (m: Map<string, number>, k: string, n = 1) => m.set(k, (m.get(k) ?? 0) + n);

function count(stats: ArticleStats[]): Counts {
  const c: Counts = { text: new Map(), cue: new Map(), determined: new Map(), phraseCue: new Map(), phraseText: new Map() };
  for (const s of stats) {
    for (const form of s.forms) inc(c.text, form);
    for (const cue of s.cues) {
      const head = cue.words[0]!;
      inc(c.cue, head);
      if (cue.determined) inc(c.determined, head);
      for (let n = 2; n <= Math.min(MAX_PHRASE, cue.words.length); n++) inc(c.phraseCue, cue.words.slice(0, n).join(' '));
    }
  }
  for (const s of stats) {
    for (let i = 0; i < s.forms.length; i++) {
      let key = s.forms[i]!;
      for (let n = 2; n <= MAX_PHRASE && i + n <= s.forms.length; n++) {
        key += ' ' + s.forms[i + n - 1]!;
        if (c.phraseCue.has(key)) inc(c.phraseText, key);
      }
    }
  }
  return c;
}

const round3 = (x: number) => Math.round(x * 1000) / 1000;

/** The lexicon for one threshold: single forms and the phrases that add something to their head word. */
export function buildLexicon(c: Counts, threshold: number): Map<string, CueEntry> {
  const lexicon = new Map<string, CueEntry>();
  const precisionOf = (form: string) => (c.cue.get(form) ?? 0) / Math.max(1, c.text.get(form) ?? 0);
  const textForms = (w: string) => c.text.has(w);
  for (const [form, n] of c.cue) {
    if (n < MIN_COUNT || !/^\p{L}[\p{L}']*$/u.test(form)) continue;
    const precision = precisionOf(form);
    if (precision < threshold) continue;
    const noun = (c.determined.get(form) ?? 0) >= 0.5 * n || /(ment|tion|sion|ance|ence|ness)s?$/.test(form);
    lexicon.set(form, { kind: noun ? 'noun' : 'verb', lemma: ruleLemma(form, textForms), precision: round3(precision), count: n });
  }
  const phrases: Array<[string, CueEntry]> = [];
  for (const [key, n] of c.phraseCue) {
    if (n < MIN_COUNT) continue;
    const words = key.split(' ');
    if (BAD_PHRASE_END.has(words[words.length - 1]!) || AUX_SECOND.has(words[1]!) || !words.every((w) => /^\p{L}[\p{L}']*$/u.test(w))) continue;
    const precision = n / Math.max(1, c.phraseText.get(key) ?? 0);
    if (precision < threshold) continue;
    const head = words[0]!;
    const single = lexicon.get(head);
    const fixed = (c.phraseText.get(key) ?? 0) >= FIXED_SHARE * (c.text.get(head) ?? 0);
    if (single && precision < single.precision + PHRASE_GAIN && !fixed) continue;
    const lemma = [ruleLemma(head, textForms), ...words.slice(1)].join(' ');
    phrases.push([key, { kind: 'phrase', lemma, precision: round3(Math.min(1, precision)), count: n }]);
  }
  // of a phrase and its extension ("quoted as", "quoted as saying") keep the extension when it covers most uses
  const kept = new Set(phrases.map(([k]) => k));
  for (const [key, entry] of phrases) {
    const longer = phrases.some(([k, e]) => k !== key && k.startsWith(key + ' ') && e.count >= 0.8 * entry.count);
    if (longer) kept.delete(key);
  }
  for (const [key, entry] of phrases) if (kept.has(key)) lexicon.set(key, entry);
  return lexicon;
}

/** Token indices a dictionary look-up marks as cue heads: single forms, and the first word of each phrase match. */
function lookup(lexicon: Map<string, CueEntry>, forms: string[]): Set<number> {
  const found = new Set<number>();
  for (let i = 0; i < forms.length; i++) {
    if (lexicon.has(forms[i]!)) found.add(i);
    let key = forms[i]!;
    for (let n = 2; n <= MAX_PHRASE && i + n <= forms.length; n++) {
      key += ' ' + forms[i + n - 1]!;
      if (lexicon.get(key)?.kind === 'phrase') found.add(i);
    }
  }
  return found;
}

/** Cross-validated F1 of cue-head look-up for every threshold (folds by article index). */
export function crossValidate(stats: ArticleStats[]): Array<{ threshold: number; precision: number; recall: number; f1: number; entries: number }> {
  const totals = THRESHOLDS.map(() => ({ tp: 0, fp: 0, fn: 0, entries: 0 }));
  for (let f = 0; f < FOLDS; f++) {
    const counts = count(stats.filter((_, i) => i % FOLDS !== f));
    const held = stats.filter((_, i) => i % FOLDS === f);
    THRESHOLDS.forEach((t, k) => {
      const lexicon = buildLexicon(counts, t);
      const total = totals[k]!;
      total.entries += lexicon.size / FOLDS;
      for (const s of held) {
        const found = lookup(lexicon, s.forms);
        for (const i of found) if (s.heads.has(i)) total.tp++;
        else total.fp++;
        for (const i of s.heads) if (!found.has(i)) total.fn++;
      }
    });
  }
  return THRESHOLDS.map((threshold, k) => {
    const { tp, fp, fn, entries } = totals[k]!;
    const precision = tp / Math.max(1, tp + fp);
    const recall = tp / Math.max(1, tp + fn);
    return { threshold, precision, recall, f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0, entries: Math.round(entries) };
  });
}

export function render(lexicon: Map<string, CueEntry>, meta: { articles: number; cues: number; threshold: number; cvF1: number }): string {
  const keys = [...lexicon.keys()].sort();
  const lines = keys.map((k) => {
    const e = lexicon.get(k)!;
    return `  ${JSON.stringify(k)}: { kind: '${e.kind}', lemma: ${JSON.stringify(e.lemma)}, precision: ${e.precision}, count: ${e.count} },`;
  });
  return [
    '// Generated by train/cues.ts from PolNeAR train; do not edit. Regenerate: npm run build && node dist/train/cues.js',
    `// ${meta.articles} train articles (one annotation each), ${meta.cues} gold cues. Keys are lower-case word forms (every`,
    "// inflection seen, ’ written ') and multiword cues. precision: share of the form's occurrences in train text that head",
    '// a gold cue (PolNeAR marks each token in at most one attribution, so cues inside quoted content count against it);',
    `// count: gold cues it heads. Kept: count >= ${MIN_COUNT}, precision >= ${meta.threshold} (chosen by 5-fold cross-validation on train,`,
    `// cue-head look-up F1 ${meta.cvF1.toFixed(3)}). Aggregate word forms and counts only; no PolNeAR text.`,
    '',
    'export interface CueEntry {',
    "  kind: 'verb' | 'noun' | 'phrase';",
    '  /** Rule lemma; for a phrase, the phrase with its first word lemmatised. */',
    '  lemma: string;',
    '  precision: number;',
    '  count: number;',
    '}',
    '',
    `export const CUE_THRESHOLD = ${meta.threshold};`,
    '',
    'export const CUE_LEXICON: Readonly<Record<string, CueEntry>> = {',
    ...lines,
    '};',
    '',
  ].join('\n');
}

function main(): void {
  const argv = process.argv.slice(2);
  const outIndex = argv.indexOf('--out');
  const out = outIndex >= 0 && argv[outIndex + 1] ? argv[outIndex + 1]! : join(ROOT, 'src', 'extract', 'cue-lexicon.ts');

  const articles = readSplit('train');
  const stats = articles.map(articleStats);
  const cues = stats.reduce((n, s) => n + s.cues.length, 0);
  console.log(`PolNeAR train: ${articles.length} articles, ${cues} gold cues with a word head`);
  const curve = crossValidate(stats);
  console.log('threshold  P      R      F1     entries   (5-fold cross-validation on train)');
  for (const row of curve) console.log(`  ${row.threshold.toFixed(2)}     ${row.precision.toFixed(3)}  ${row.recall.toFixed(3)}  ${row.f1.toFixed(3)}  ${String(row.entries).padStart(5)}`);
  const best = curve.reduce((a, b) => (b.f1 > a.f1 + 1e-9 ? b : a));
  console.log(`chosen threshold ${best.threshold} (F1 ${best.f1.toFixed(3)})`);
  const lexicon = buildLexicon(count(stats), best.threshold);
  const text = render(lexicon, { articles: articles.length, cues, threshold: best.threshold, cvF1: best.f1 });
  const kinds = { verb: 0, noun: 0, phrase: 0 };
  for (const e of lexicon.values()) kinds[e.kind]++;
  console.log(`lexicon: ${lexicon.size} entries (${kinds.verb} verb forms, ${kinds.noun} noun forms, ${kinds.phrase} phrases)`);
  writeGenerated(out, text, argv.includes('--check'));
}

main();
