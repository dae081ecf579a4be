// Readers for the CoNLL-U corpora in ../shared/data, shared by the evaluation scripts.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { dataDir } from '../train/data.js';

export interface ConlluWord {
  id: number;
  form: string;
  lemma: string;
  upos: string;
  xpos: string;
  head: number;
  deprel: string;
  misc: string;
  spaceAfter: boolean;
}

export interface ConlluSentence {
  text: string;
  words: ConlluWord[];
  /** True when the sentence opens a paragraph (`# newpar`). */
  newParagraph: boolean;
}

export { dataDir } from '../train/data.js';

export function readConllu(content: string): ConlluSentence[] {
  const sentences: ConlluSentence[] = [];
  let words: ConlluWord[] = [];
  let text = '';
  let newParagraph = false;
  let multiwordEnd = 0;
  let multiwordSpaceAfter = true;
  for (const line of content.split('\n')) {
    if (line.startsWith('# text = ')) text = line.slice(9);
    if (line.startsWith('# newpar')) newParagraph = true;
    if (line.startsWith('#')) continue;
    if (line.trim() === '') {
      if (words.length) sentences.push({ text, words, newParagraph });
      words = [];
      text = '';
      newParagraph = false;
      continue;
    }
    const cols = line.split('\t');
    const id = cols[0]!;
    if (id.includes('.')) continue;
    if (id.includes('-')) {
      multiwordEnd = Number(id.split('-')[1]);
      multiwordSpaceAfter = !/SpaceAfter=No/.test(cols[9] ?? '');
      continue;
    }
    const n = Number(id);
    const misc = cols[9] ?? '_';
    let spaceAfter = !/SpaceAfter=No/.test(misc);
    if (multiwordEnd) {
      spaceAfter = n === multiwordEnd ? multiwordSpaceAfter : false;
      if (n === multiwordEnd) multiwordEnd = 0;
    }
    words.push({
      id: n, form: cols[1]!, lemma: cols[2]!, upos: cols[3]!, xpos: cols[4]!,
      head: Number(cols[6]), deprel: cols[7]!, misc, spaceAfter,
    });
  }
  if (words.length) sentences.push({ text, words, newParagraph });
  return sentences;
}

export interface GumDoc {
  name: string;
  sentences: ConlluSentence[];
}

export function gumDocs(split: 'train' | 'dev' | 'test', genre?: string): GumDoc[] {
  const gum = join(dataDir(), 'gum');
  const names = readFileSync(join(gum, `files.${split}`), 'utf8').split(/\s+/).filter(Boolean);
  return names
    .map((name) => name.replace(/\.conllu$/, ''))
    .filter((name) => !genre || name.startsWith(`GUM_${genre}_`))
    .filter((name) => existsSync(join(gum, 'sources', `${name}.conllu`)))
    .map((name) => ({ name, sentences: readConllu(readFileSync(join(gum, 'sources', `${name}.conllu`), 'utf8')) }));
}

/** Rebuilds running text from words and SpaceAfter; sentences are joined by a space, paragraphs by a blank line. */
export function rebuildText(sentences: ConlluSentence[]): {
  text: string;
  spans: Array<{ start: number; end: number }>;
  sentenceSpans: Array<{ start: number; end: number }>;
} {
  let text = '';
  const spans: Array<{ start: number; end: number }> = [];
  const sentenceSpans: Array<{ start: number; end: number }> = [];
  for (const sentence of sentences) {
    if (text.length) text += sentence.newParagraph ? '\n\n' : ' ';
    const sentenceStart = text.length;
    sentence.words.forEach((word, k) => {
      spans.push({ start: text.length, end: text.length + word.form.length });
      text += word.form;
      if (word.spaceAfter && k < sentence.words.length - 1) text += ' ';
    });
    sentenceSpans.push({ start: sentenceStart, end: text.length });
  }
  return { text, spans, sentenceSpans };
}

export function f1(correct: number, predicted: number, gold: number): { p: number; r: number; f: number } {
  const p = predicted ? correct / predicted : 0;
  const r = gold ? correct / gold : 0;
  return { p, r, f: p + r ? (2 * p * r) / (p + r) : 0 };
}
