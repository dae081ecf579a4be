// `npm run eval:seed`: the seed article against its hand-made gold file.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readInputs } from '../src/ingest/index.js';
import { processArticle } from '../src/pipeline.js';
import { dataDir } from './conllu.js';
import { scoreSeed, type Gold } from './seed-score.js';

const seedDir = join(dataDir(), '..', 'seed');
const articlePath = join(seedDir, '000_7a06f59f9f720265.txt');
const gold = JSON.parse(readFileSync(join(seedDir, '000_7a06f59f9f720265.gold.json'), 'utf8')) as Gold;

for await (const item of readInputs([articlePath])) {
  if (!item.ok) throw new Error(item.error);
  const { record } = processArticle(item.article);
  const score = scoreSeed(record, gold);
  const pct = (x: number) => (100 * x).toFixed(1).padStart(5);
  const line = (name: string, s: { precision: number; recall: number; f1: number; tp: number; predicted: number; gold: number }) =>
    console.log(`${name.padEnd(9)} P ${pct(s.precision)}  R ${pct(s.recall)}  F1 ${pct(s.f1)}   (${s.tp} matched, ${s.predicted} predicted, ${s.gold} gold)`);
  console.log(`seed: ${articlePath}`);
  line('actors', score.actors);
  console.log(`roles     ${score.roles.correct}/${score.roles.total} matched actors with every gold role`);
  console.log(`countries ${score.countries.correct}/${score.countries.total} matched actors with the gold country`);
  line('quotes', score.quotes);
  console.log(`speakers  ${score.speakers.correct}/${score.speakers.total} found quotes with the right speaker`);
  line('stances', score.stances);
  line('meetings', score.meetings);
  if (score.missedActors.length) console.log(`missed actors: ${score.missedActors.join('; ')}`);
  for (const q of score.missedQuotes) console.log(`missed quote: ${q}`);
}
