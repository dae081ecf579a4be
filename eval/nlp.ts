// Evaluation of the trained models on held-out data with gold tokens:
// UPOS/XPOS accuracy, UAS/LAS, and entity-level NER precision/recall/F1.
// Usage: node dist/eval/nlp.js [--data DIR] [--models DIR] [--ner-only] [--errors]
// --ner-only skips tagging/parsing (the slow part) when only the recogniser changed; --errors prints, for the dev
// sets, where entity F1 is lost (wrong type on the right span, wrong boundaries, spurious, missed).

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

/** Error classes for error analysis: same span wrong type, overlapping span (boundary), spurious, missed. */
function errors(gold: Span[], pred: Span[], acc: Map<string, number>): void {
  const bump = (k: string): void => void acc.set(k, (acc.get(k) ?? 0) + 1);
  const same = (a: Span, b: Span): boolean => a.start === b.start && a.end === b.end;
  const over = (a: Span, b: Span): boolean => a.start < b.end && b.start < a.end;
  for (const p of pred) {
    if (gold.some((g) => same(g, p) && g.label === p.label)) continue;
    const g = gold.find((x) => same(x, p));
    if (g) bump(`type ${g.label}->${p.label}`);
    else {
      const o = gold.find((x) => over(x, p));
      if (o) bump(`boundary ${o.label}->${p.label}` + (o.label === p.label ? '' : ' (+type)'));
      else bump(`spurious ${p.label}`);
    }
  }
  for (const g of gold) if (!pred.some((p) => over(g, p))) bump(`missed ${g.label}`);
}

function reportErrors(name: string, acc: Map<string, number>): void {
  console.log(`  ${name} errors: ` + [...acc].sort((a, b) => b[1] - a[1]).map(([k, v]) => `${k} ${v}`).join(', '));
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
  const nerOnly = process.argv.includes('--ner-only');
  const showErrors = process.argv.includes('--errors');
  const ewtTest = loadEwt(dir, 'test');
  const gumTest = loadGum(dir, 'test');
  const gumNews = gumTest.filter((s) => s.doc.includes('_news_'));
  if (!nerOnly) {
    let hasParser = true;
    try {
      models.parse(['Test', '.'], models.tag(['Test', '.']));
    } catch {
      hasParser = false;
    }
    console.log('== Tagging and parsing (gold tokens) ==');
    evalSyntax('EWT dev', models, loadEwt(dir, 'dev'), hasParser);
    evalSyntax('EWT test', models, ewtTest, hasParser);
    evalSyntax('GUM test (all)', models, gumTest, hasParser);
    evalSyntax('GUM test (news)', models, gumNews, hasParser);
  }

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
    const err = new Map<string, number>();
    for (const s of loadUner(dir, split)) {
      const pred = collapse(models.entities(s.words, models.tag(s.words)) as Span[]);
      const gold = iobToSpans(s.tags);
      score(gold, pred, acc);
      if (showErrors && split === 'dev') errors(gold, pred, err);
    }
    report(`UNER EWT ${split} (PER/ORG/LOC)`, acc);
    if (showErrors && split === 'dev') reportErrors('UNER EWT dev', err);
  }
  const matcher = new GazetteerMatcher(buildGazetteer(petrarchActorsPath(dir)));
  const gumDev = loadGum(dir, 'dev');
  const gumDevNews = gumDev.filter((s) => s.doc.includes('_news_'));
  const sets = [['GUM dev news', gumDevNews], ['GUM dev all', gumDev], ['GUM test news', gumNews], ['GUM test all', gumTest]] as const;
  for (const [name, data] of sets) {
    const accFull = new Map<string, Prf>();
    const accColl = new Map<string, Prf>();
    const err = new Map<string, number>();
    for (const s of data) {
      const pred = (models.entities(s.words, models.tag(s.words)) as Span[]).filter((e) => e.label !== 'DATE');
      const gold = gumSpans(s, matcher);
      score(gold, pred, accFull);
      score(collapse(gold), collapse(pred), accColl);
      if (showErrors && name.includes('dev')) errors(gold, pred, err);
    }
    report(`${name} (5 types)`, accFull);
    report(`${name} (PER/ORG/LOC)`, accColl);
    if (showErrors && name.includes('dev')) reportErrors(name, err);
  }
}

main();
