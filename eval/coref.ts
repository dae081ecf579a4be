// `node dist/eval/coref.js [--split test|dev]`: pronoun resolution on GUM. For every he/she pronoun (and its case
// forms) that GUM's coreference layer links to an earlier mention, the pronoun counts as resolved when Parley's
// antecedent overlaps any mention of the same GUM entity.
import { analyze } from '../src/nlp/index.js';
import { gumDocs, rebuildText, type ConlluSentence } from './conllu.js';

const PRONOUNS = new Set(['he', 'him', 'his', 'himself', 'she', 'her', 'hers', 'herself']);

interface Mention {
  entity: string;
  start: number;
  end: number;
}

/** GUM entity mentions from the MISC Entity= brackets, as character spans of the rebuilt text. */
function mentionsOf(sentences: ConlluSentence[], spans: Array<{ start: number; end: number }>): Mention[] {
  const mentions: Mention[] = [];
  const open = new Map<string, number[]>();
  let w = 0;
  for (const sentence of sentences) {
    for (const word of sentence.words) {
      const span = spans[w++]!;
      const field = /(?:^|\|)Entity=([^|]*)/.exec(word.misc)?.[1] ?? '';
      for (const match of field.matchAll(/\((\d+)-[^()]*?(\))?(?=\(|$|\d+\))|(\d+)\)/g)) {
        if (match[1]) {
          if (match[2]) mentions.push({ entity: match[1], start: span.start, end: span.end });
          else open.set(match[1], [...(open.get(match[1]) ?? []), span.start]);
        } else if (match[3]) {
          const starts = open.get(match[3]);
          const start = starts?.pop();
          if (start !== undefined) mentions.push({ entity: match[3], start, end: span.end });
        }
      }
    }
  }
  return mentions;
}

const split = process.argv.includes('--split') ? (process.argv[process.argv.indexOf('--split') + 1] as 'test' | 'dev') : 'test';
let total = 0;
let correct = 0;
let unresolved = 0;
const started = performance.now();
for (const doc of gumDocs(split)) {
  const { text, spans } = rebuildText(doc.sentences);
  const gold = mentionsOf(doc.sentences, spans);
  const parsed = analyze(text);
  const linkAt = new Map(parsed.coref.map((l) => [l.mention.start, l]));
  for (const mention of gold) {
    const surface = text.slice(mention.start, mention.end);
    if (!PRONOUNS.has(surface.toLowerCase())) continue;
    const earlier = gold.some((m) => m.entity === mention.entity && m.end <= mention.start);
    if (!earlier) continue;
    total++;
    const link = linkAt.get(mention.start);
    if (!link) {
      unresolved++;
      continue;
    }
    const a = link.antecedent;
    if (gold.some((m) => m.entity === mention.entity && m.start < a.end && a.start < m.end)) correct++;
  }
}
const pct = (x: number) => (100 * x).toFixed(1);
console.log(`pronouns  GUM ${split}: ${pct(total ? correct / total : 0)}% resolved to the right entity (${correct}/${total}; ${unresolved} left unresolved) in ${((performance.now() - started) / 1000).toFixed(1)} s`);
