// `npm run eval:events`: the event coder on the hand-labelled PLOVER development sentences in eval/data. Prints
// per-category precision and recall (an event is found when the text has a predicted event of its type), and the
// share of texts whose events are all right in type, source and target. Reciprocal meetings (CONSULT without the
// visit mode) compare all participants as one set, as the PLOVER manual lists them.
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

const path = fileURLToPath(new URL('../../eval/data/events-dev.jsonl', import.meta.url));
const lines = readFileSync(path, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as Line);
const counts = new Map<PloverType, { tp: number; predicted: number; gold: number }>(PLOVER_TYPES.map((t) => [t, { tp: 0, predicted: 0, gold: 0 }]));
let textsRight = 0;
let typesRight = 0;
let modalityRight = 0;
let modalityTotal = 0;
const started = performance.now();
for (const line of lines) {
  const { record } = processArticle(articleFromText(line.text, { published: line.published, source: line.id }));
  const used = new Set<number>();
  let allRight = true;
  let allTypes = true;
  for (const gold of line.events) {
    counts.get(gold.type)!.gold++;
    const i = record.events.findIndex((e, k) => !used.has(k) && e.type === gold.type);
    if (i < 0) {
      allRight = false;
      allTypes = false;
      continue;
    }
    used.add(i);
    counts.get(gold.type)!.tp++;
    modalityTotal++;
    if (record.events[i]!.modality === gold.modality && record.events[i]!.negated === gold.negated) modalityRight++;
    if (!argumentsRight(record, record.events[i]!, gold)) allRight = false;
  }
  for (const e of record.events) counts.get(e.type)!.predicted++;
  const extra = record.events.length > used.size;
  if (allRight && !extra) textsRight++;
  if (allTypes && !extra) typesRight++;
}
const seconds = (performance.now() - started) / 1000;

const pct = (x: number) => (100 * x).toFixed(1).padStart(5);
console.log(`events: ${lines.length} texts from ${path}`);
console.log('category      P      R     F1   (found/predicted/gold)');
let tp = 0;
let predicted = 0;
let gold = 0;
for (const [type, c] of counts) {
  tp += c.tp;
  predicted += c.predicted;
  gold += c.gold;
  const p = c.predicted ? c.tp / c.predicted : 0;
  const r = c.gold ? c.tp / c.gold : 0;
  console.log(`${type.padEnd(10)} ${pct(p)}  ${pct(r)}  ${pct(p + r ? (2 * p * r) / (p + r) : 0)}   (${c.tp}/${c.predicted}/${c.gold})`);
}
const P = predicted ? tp / predicted : 0;
const R = gold ? tp / gold : 0;
console.log(`${'all'.padEnd(10)} ${pct(P)}  ${pct(R)}  ${pct(P + R ? (2 * P * R) / (P + R) : 0)}   (${tp}/${predicted}/${gold})`);
console.log(`texts with every event right in type, source and target (and no extra event): ${pct(textsRight / lines.length)}%`);
console.log(`texts with every event type right (and no extra event):                      ${pct(typesRight / lines.length)}%`);
console.log(`found events with the right modality and negation:                           ${pct(modalityTotal ? modalityRight / modalityTotal : 0)}%`);
console.log(`${(seconds * 1000 / lines.length).toFixed(1)} ms per text`);
