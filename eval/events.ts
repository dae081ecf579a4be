// `npm run eval:events`: the event coder on the hand-labelled PLOVER sentences in eval/data. The development file is
// for tuning; the test file was written and labelled before any tuning and is the reported figure. For each file it
// prints per-category precision and recall (an event is found when the text has a predicted event of its type), and
// the share of texts whose events are all right in type, source and target. Reciprocal meetings (CONSULT without the
// visit mode) compare all participants as one set, as the PLOVER manual lists them.
// `--errors` lists the development texts that are not fully right (never the test texts: they are not for tuning).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { articleFromText } from '../src/ingest/index.js';
import { processArticle } from '../src/pipeline.js';
import { PLOVER_TYPES, type Extraction, type PloverType } from '../src/contract.js';

interface GoldEvent {
  type: PloverType;
  mode: string | null;
  source: string[];
  target: string[];
  location: string | null;
  negated: boolean;
  modality: string;
}

interface Line {
  id: string;
  text: string;
  published: string;
  events: GoldEvent[];
}

const norm = (s: string) => s.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().trim();

function sameActor(predicted: string, gold: string): boolean {
  const p = norm(predicted);
  const g = norm(gold);
  if (p === g) return true;
  const last = (s: string) => s.split(/\s+/).pop()!;
  return last(p) === last(g) && (p.split(/\s+/).length === 1 || g.split(/\s+/).length === 1);
}

function sameSet(predicted: string[], gold: string[]): boolean {
  return predicted.length === gold.length && gold.every((g) => predicted.some((p) => sameActor(p, g)));
}

function argumentsRight(record: Extraction, predicted: Extraction['events'][number], gold: GoldEvent): boolean {
  const names = (ids: string[]) => ids.map((id) => record.actors.find((a) => a.id === id)?.name ?? id);
  if (gold.type === 'CONSULT' && gold.mode !== 'visit') {
    return sameSet([...names(predicted.source), ...names(predicted.target)], [...gold.source, ...gold.target]);
  }
  return sameSet(names(predicted.source), gold.source) && sameSet(names(predicted.target), gold.target);
}

interface Score {
  texts: number;
  counts: Map<PloverType, { tp: number; predicted: number; gold: number }>;
  textsRight: number;
  typesRight: number;
  modalityRight: number;
  modalityTotal: number;
  msPerText: number;
  wrong: string[];
}

function score(file: string): Score {
  const lines = readFileSync(file, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as Line);
  const counts = new Map<PloverType, { tp: number; predicted: number; gold: number }>(PLOVER_TYPES.map((t) => [t, { tp: 0, predicted: 0, gold: 0 }]));
  let textsRight = 0;
  let typesRight = 0;
  let modalityRight = 0;
  let modalityTotal = 0;
  const wrong: string[] = [];
  const started = performance.now();
  for (const line of lines) {
    const { record } = processArticle(articleFromText(line.text, { published: line.published, source: line.id }));
    const used = new Set<number>();
    let allRight = true;
    let allTypes = true;
    for (const gold of line.events) {
      counts.get(gold.type)!.gold++;
      // prefer a prediction of the right type whose participants are right too, so that two events of one type
      // in a text are not paired crosswise
      const candidates = record.events.map((e, k) => ({ e, k })).filter(({ e, k }) => !used.has(k) && e.type === gold.type);
      const pick = candidates.find(({ e }) => argumentsRight(record, e, gold)) ?? candidates[0];
      if (!pick) {
        allRight = false;
        allTypes = false;
        continue;
      }
      used.add(pick.k);
      counts.get(gold.type)!.tp++;
      modalityTotal++;
      if (pick.e.modality === gold.modality && pick.e.negated === gold.negated) modalityRight++;
      if (!argumentsRight(record, pick.e, gold)) allRight = false;
    }
    for (const e of record.events) counts.get(e.type)!.predicted++;
    const extra = record.events.length > used.size;
    if (allRight && !extra) textsRight++;
    else wrong.push(describe(line, record));
    if (allTypes && !extra) typesRight++;
  }
  const msPerText = (performance.now() - started) / lines.length;
  return { texts: lines.length, counts, textsRight, typesRight, modalityRight, modalityTotal, msPerText, wrong };
}

function describe(line: Line, record: Extraction): string {
  const name = (id: string) => record.actors.find((a) => a.id === id)?.name ?? id;
  const gold = line.events.map((e) => `${e.type}${e.mode ? '/' + e.mode : ''} [${e.source.join(', ')}] -> [${e.target.join(', ')}] ${e.modality}${e.negated ? ' negated' : ''}`);
  const found = record.events.map((e) => `${e.type}${e.mode ? '/' + e.mode : ''} [${e.source.map(name).join(', ')}] -> [${e.target.map(name).join(', ')}] ${e.modality}${e.negated ? ' negated' : ''}`);
  return `${line.id} ${line.text}\n   gold:  ${gold.join(' | ') || '-'}\n   found: ${found.join(' | ') || '-'}`;
}

const pct = (x: number) => (100 * x).toFixed(1).padStart(5);
const f1 = (p: number, r: number) => (p + r ? (2 * p * r) / (p + r) : 0);

function report(title: string, file: string, s: Score): void {
  console.log(`\n${title}: ${s.texts} texts from ${file}`);
  console.log('category      P      R     F1   (found/predicted/gold)');
  let tp = 0;
  let predicted = 0;
  let gold = 0;
  for (const [type, c] of s.counts) {
    tp += c.tp;
    predicted += c.predicted;
    gold += c.gold;
    const p = c.predicted ? c.tp / c.predicted : 0;
    const r = c.gold ? c.tp / c.gold : 0;
    console.log(`${type.padEnd(10)} ${pct(p)}  ${pct(r)}  ${pct(f1(p, r))}   (${c.tp}/${c.predicted}/${c.gold})`);
  }
  const P = predicted ? tp / predicted : 0;
  const R = gold ? tp / gold : 0;
  console.log(`${'all'.padEnd(10)} ${pct(P)}  ${pct(R)}  ${pct(f1(P, R))}   (${tp}/${predicted}/${gold})`);
  console.log(`texts with every event right in type, source and target (and no extra event): ${pct(s.textsRight / s.texts)}%`);
  console.log(`texts with every event type right (and no extra event):                      ${pct(s.typesRight / s.texts)}%`);
  console.log(`found events with the right modality and negation:                           ${pct(s.modalityTotal ? s.modalityRight / s.modalityTotal : 0)}%`);
  console.log(`${s.msPerText.toFixed(1)} ms per text`);
}

const dataFile = (name: string) => fileURLToPath(new URL(`../../eval/data/${name}`, import.meta.url));
const devFile = dataFile('events-dev.jsonl');
const testFile = dataFile('events-test.jsonl');
const dev = score(devFile);
if (process.argv.includes('--errors')) {
  for (const w of dev.wrong) console.log(w);
}
report('development set (tuning)', devFile, dev);
report('held-out test set (reported)', testFile, score(testFile));
