// Tokenizer and sentence splitter against UD gold: token F1 on EWT test (per gold sentence text) and sentence F1 on
// GUM news documents (whole document text rebuilt from the CoNLL-U with SpaceAfter).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { splitSentences, tokenize } from '../src/nlp/tokenize.js';
import { dataDir, f1, readConllu, gumDocs, rebuildText } from './conllu.js';

function tokenF1(): { p: number; r: number; f: number } {
  const sentences = readConllu(readFileSync(join(dataDir(), 'ud-ewt', 'en_ewt-ud-test.conllu'), 'utf8'));
  let gold = 0;
  let predicted = 0;
  let correct = 0;
  for (const sentence of sentences) {
    const { text, spans } = rebuildText([sentence]);
    const goldSet = new Set(spans.map((s) => `${s.start}:${s.end}`));
    const tokens = tokenize(text);
    gold += goldSet.size;
    predicted += tokens.length;
    for (const t of tokens) if (goldSet.has(`${t.start}:${t.end}`)) correct++;
  }
  return f1(correct, predicted, gold);
}

function sentenceF1(genre: string): { p: number; r: number; f: number } {
  let gold = 0;
  let predicted = 0;
  let correct = 0;
  for (const doc of gumDocs('test', genre).concat(gumDocs('dev', genre))) {
    const { text, sentenceSpans } = rebuildText(doc.sentences);
    const goldSet = new Set(sentenceSpans.map((s) => `${s.start}:${s.end}`));
    const predictedSpans = splitSentences(text, tokenize(text));
    gold += goldSet.size;
    predicted += predictedSpans.length;
    for (const s of predictedSpans) if (goldSet.has(`${s.start}:${s.end}`)) correct++;
  }
  return f1(correct, predicted, gold);
}

const pct = (x: number) => (100 * x).toFixed(2);
const tok = tokenF1();
console.log(`tokens   EWT test        P ${pct(tok.p)}  R ${pct(tok.r)}  F1 ${pct(tok.f)}`);
const sent = sentenceF1('news');
console.log(`sentences GUM news dev+test P ${pct(sent.p)}  R ${pct(sent.r)}  F1 ${pct(sent.f)}`);
