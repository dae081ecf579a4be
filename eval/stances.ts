// `npm run eval:stances [FILE]`: the stance extractor on eval/data/stances-unseen.jsonl (or FILE, e.g. the tuning set
// eval/data/stances-dev.jsonl), 12 hand-written wire articles
// that no stance rule was written or tuned on (see eval/data/README.md; never tune on them). Each article goes
// through the whole pipeline as plain text with its `published` date. Prints per-article and overall precision,
// recall and F1 for full stances (holder + polarity + issue) and for holder + polarity alone; the matching rules
// are in eval/stance-score.ts. `--errors` lists every miss and false positive.
import { readFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { articleFromText } from '../src/ingest/index.js';
import { processArticle } from '../src/pipeline.js';
import { scoreArticle, sumCounts, type GoldArticle, type PredictedStance, type Prf } from './stance-score.js';

const defaultFile = fileURLToPath(new URL('../../eval/data/stances-unseen.jsonl', import.meta.url));

const pct = (x: number) => (100 * x).toFixed(1).padStart(5);
const fmt = (s: Prf) => `P ${pct(s.precision)}  R ${pct(s.recall)}  F1 ${pct(s.f1)}  (${s.tp} matched, ${s.predicted} predicted, ${s.gold} gold)`;

function main(): void {
  const showErrors = process.argv.includes('--errors');
  // An optional file argument (e.g. eval/data/stances-dev.jsonl, the tuning set); the default is the unseen set.
  const dataFile = process.argv.slice(2).find((a) => !a.startsWith('--')) ?? defaultFile;
  const articles = readFileSync(dataFile, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as GoldArticle);
  const full: Prf[] = [];
  const holder: Prf[] = [];
  let hedged = 0;
  let hedgedFound = 0;
  const errors: string[] = [];
  console.log(`stances on ${dataFile === defaultFile ? 'unseen articles' : 'articles'}: ${dataFile}`);
  for (const art of articles) {
    const { record } = processArticle(articleFromText(art.text, { published: art.published, source: art.id }));
    const nameOf = (id: string) => record.actors.find((a) => a.id === id)?.name ?? id;
    const predicted: PredictedStance[] = record.stances.map((s) => ({
      holder: nameOf(s.holder),
      polarity: s.polarity,
      issue: s.issue,
      evidence: s.evidence.text,
    }));
    const score = scoreArticle(predicted, art.stances);
    full.push(score.full);
    holder.push(score.holderPolarity);
    art.stances.forEach((g, i) => {
      if (!g.hedged) return;
      hedged++;
      if (score.pairs[i]! >= 0) hedgedFound++;
    });
    console.log(`${art.id}  full ${fmt(score.full)}   holder+polarity ${fmt(score.holderPolarity)}`);
    if (!showErrors) continue;
    const used = new Set(score.pairs.filter((p) => p >= 0));
    art.stances.forEach((g, i) => {
      if (score.pairs[i]! >= 0) return;
      const hp = score.holderPairs[i]!;
      const why = hp >= 0 ? `holder+polarity found, issue "${predicted[hp]!.issue}"` : 'not found';
      errors.push(`${art.id} MISS ${g.holder} ${g.polarity} "${g.issue}" [${g.issueWords.join('/')}]${g.hedged ? ' (hedged)' : ''} — ${why}\n      ${g.evidence}`);
    });
    predicted.forEach((p, i) => {
      if (used.has(i)) return;
      errors.push(`${art.id} FP   ${p.holder} ${p.polarity} "${p.issue}"\n      ${p.evidence}`);
    });
  }
  const f = sumCounts(full);
  const h = sumCounts(holder);
  console.log(`overall full             ${fmt(f)}`);
  console.log(`overall holder+polarity  ${fmt(h)}`);
  console.log(`hedged gold stances found ${hedgedFound}/${hedged}`);
  if (showErrors) for (const e of errors) console.log(e);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) main();
