// Evaluation of the trained models on held-out data with gold tokens:
// UPOS/XPOS accuracy, UAS/LAS, and entity-level NER precision/recall/F1.
// Usage: node dist/eval/nlp.js [--data DIR] [--models DIR]

import type { Span, UDSentence } from '../src/nlp/conllu.js';
import { iobToSpans } from '../src/nlp/conllu.js';
import { loadModels, type Models } from '../src/nlp/models.js';
import { GazetteerMatcher, buildGazetteer } from '../src/nlp/ner-lexicon.js';
import { argValue, dataDir, loadEwt, loadGum, loadUner, petrarchActorsPath } from '../train/data.js';
import { gumSpans } from '../train/entities.js';

const pct = (a: number, b: number): string => (b ? ((100 * a) / b).toFixed(2) : 'n/a');

function evalSyntax(name: string, m: Models, data: UDSentence[], withParse: boolean): void {
  let n = 0, upos = 0, xpos = 0, lemma = 0, uas = 0, las = 0;
  const t0 = Date.now();
  for (const s of data) {
    const tags = m.tag(s.words);
    const arcs = withParse ? m.parse(s.words, tags) : null;
    for (let i = 0; i < s.words.length; i++) {
      n++;
      if (tags[i]!.upos === s.upos[i]) upos++;
      if (tags[i]!.xpos === s.xpos[i]) xpos++;
      if (tags[i]!.lemma === s.lemmas[i]) lemma++;
      if (arcs && arcs[i]!.head === s.heads[i]) {
        uas++;
        if (arcs[i]!.deprel === s.deprels[i]) las++;
      }
    }
  }
  const parse = withParse ? `  UAS ${pct(uas, n)}  LAS ${pct(las, n)}` : '  (no parser model)';
  console.log(`${name.padEnd(22)} ${String(n).padStart(6)} words  UPOS ${pct(upos, n)}  XPOS ${pct(xpos, n)}  lemma ${pct(lemma, n)}${parse}  (${Date.now() - t0} ms)`);
}

interface Prf { tp: number; fp: number; fn: number }

function score(gold: Span[], pred: Span[], acc: Map<string, Prf>): void {
  const key = (s: Span): string => `${s.start}:${s.end}:${s.label}`;
  const g = new Set(gold.map(key));
  const p = new Set(pred.map(key));
  const bump = (label: string, f: keyof Prf): void => {
    for (const l of [label, 'ALL']) {
      let e = acc.get(l);
      if (!e) acc.set(l, (e = { tp: 0, fp: 0, fn: 0 }));
      e[f]++;
    }
  };
  for (const s of pred) bump(s.label, g.has(key(s)) ? 'tp' : 'fp');
  for (const s of gold) if (!p.has(key(s))) bump(s.label, 'fn');
}

function report(name: string, acc: Map<string, Prf>): void {
  const labels = [...acc.keys()].sort((a, b) => (a === 'ALL' ? 1 : b === 'ALL' ? -1 : a.localeCompare(b)));
  for (const l of labels) {
    const e = acc.get(l)!;
    const p = e.tp / Math.max(1, e.tp + e.fp);
    const r = e.tp / Math.max(1, e.tp + e.fn);
    const f = p + r > 0 ? (2 * p * r) / (p + r) : 0;
    console.log(`${(l === 'ALL' ? name : '  ' + l).padEnd(26)} P ${(100 * p).toFixed(2)}  R ${(100 * r).toFixed(2)}  F1 ${(100 * f).toFixed(2)}  (gold ${e.tp + e.fn})`);
  }
}

/** PER/ORG/LOC view of predictions, as UNER annotates (GPE counts as LOC; NORP and DATE are not annotated). */
const collapse = (spans: Span[]): Span[] =>
  spans.filter((s) => s.label !== 'NORP' && s.label !== 'DATE').map((s) => (s.label === 'GPE' ? { ...s, label: 'LOC' } : s));

function main(): void {
  const dir = dataDir();
  const models = loadModels(argValue('--models'));
  let hasParser = true;
  try {
    models.parse(['Test', '.'], models.tag(['Test', '.']));
  } catch {
    hasParser = false;
  }
  const ewtTest = loadEwt(dir, 'test');
  const gumTest = loadGum(dir, 'test');
  const gumNews = gumTest.filter((s) => s.doc.includes('_news_'));
  console.log('== Tagging and parsing (gold tokens) ==');
  evalSyntax('EWT dev', models, loadEwt(dir, 'dev'), hasParser);
  evalSyntax('EWT test', models, ewtTest, hasParser);
  evalSyntax('GUM test (all)', models, gumTest, hasParser);
  evalSyntax('GUM test (news)', models, gumNews, hasParser);

  let hasNer = true;
  try {
    models.entities(['Test'], models.tag(['Test']));
  } catch {
    hasNer = false;
  }
  if (!hasNer) {
    console.log('(no NER model)');
    return;
  }
  console.log('== Named entities (entity-level exact match) ==');
  for (const split of ['dev', 'test'] as const) {
    const acc = new Map<string, Prf>();
    for (const s of loadUner(dir, split)) {
      const pred = models.entities(s.words, models.tag(s.words)) as Span[];
      score(iobToSpans(s.tags), collapse(pred), acc);
    }
    report(`UNER EWT ${split} (PER/ORG/LOC)`, acc);
  }
  const matcher = new GazetteerMatcher(buildGazetteer(petrarchActorsPath(dir)));
  for (const [name, data] of [['GUM test news', gumNews], ['GUM test all', gumTest]] as const) {
    const accFull = new Map<string, Prf>();
    const accColl = new Map<string, Prf>();
    for (const s of data) {
      const pred = (models.entities(s.words, models.tag(s.words)) as Span[]).filter((e) => e.label !== 'DATE');
      const gold = gumSpans(s, matcher);
      score(gold, pred, accFull);
      score(collapse(gold), collapse(pred), accColl);
    }
    report(`${name} (5 types)`, accFull);
    report(`${name} (PER/ORG/LOC)`, accColl);
  }
}

main();
