// Quotes of one article: direct (in quote marks), indirect (a reporting verb and its clause or object) and mixed
// (a reported clause with a quoted fragment), each with its cue and its speaker.
import type { Quote, Span } from '../contract.js';
import type { Doc, Token } from '../nlp/index.js';
import type { ActorIndex } from './actors.js';
import { CLAUSE_ONLY, cueLemma, MAKE_CLEAR_FORMS, OBJECT_CUES } from './cues.js';

interface QuoteMarks {
  /** Offsets of the opening and closing marks. */
  open: number;
  close: number;
}

const PAIRS: Record<string, string> = { '“': '”', '«': '»', '„': '“', '"': '"' };
const SUBJECTS = new Set(['nsubj', 'nsubj:pass']);
const CLAUSE_BREAKS = new Set(['while', 'whereas', 'but', 'although', 'though', 'because', 'adding', 'saying', 'before', 'after']);
const MIXED_MAX_WORDS = 5;

export function findQuotes(doc: Doc, index: ActorIndex, ignore: Array<{ start: number; end: number }>): Quote[] {
  const quotes: Array<Omit<Quote, 'id'>> = [];
  const usedCues = new Set<number>();
  const isIgnored = (s: { start: number; end: number }) => ignore.some((r) => s.start < r.end && s.end > r.start);
  const marks = findQuoteMarks(doc.text).filter((m) => !isIgnored({ start: m.open, end: m.close + 1 }));
  let previousSpeaker: { speaker: string | null; mention: Span | null; sentence: number } | null = null;

  for (const mark of marks) {
    const inside = tokensBetween(doc, mark.open + 1, mark.close);
    if (inside.length === 0) continue;
    const sentence = doc.tokens.find((t) => t.start >= mark.close)?.sentence ?? inside[inside.length - 1]!.sentence;
    const firstSentence = doc.tokens.find((t) => t.start >= mark.open)!.sentence;
    const outside = doc.tokens.filter((t) => (t.sentence === sentence || t.sentence === firstSentence) && (t.end <= mark.open || t.start > mark.close));
    const cue = outside.find((t) => isCue(doc, t));
    const words = inside.filter((t) => /[\p{L}\p{N}]/u.test(t.text)).length;
    const content = spanOf(doc.text, mark.open + 1, mark.close);
    if (!cue) {
      // A whole quoted sentence with no cue continues the last speaker; a short one is a scare quote or a title.
      const continues = previousSpeaker && firstSentence - previousSpeaker.sentence <= 3 && words >= 4 && startsSentence(doc, mark.open);
      if (continues) {
        quotes.push({ kind: 'direct', content, speaker: previousSpeaker!.speaker, speakerMention: null, cue: null });
        previousSpeaker!.sentence = sentence;
      }
      continue;
    }
    usedCues.add(cue.i);
    const found = speakerFor(doc, index, cue, (t) => t.end <= mark.open || t.start > mark.close);
    const cueBeforeQuote = cue.end <= mark.open;
    const fragment = words < MIXED_MAX_WORDS && cueBeforeQuote && !startsSentence(doc, mark.open) && !/[:,]\s*$/.test(doc.text.slice(cue.end, mark.open));
    if (fragment) {
      // the reported clause runs from after the cue (or its "that") to the closing mark
      const that = doc.tokens.slice(cue.i + 1, cue.i + 6).find((t) => t.text.toLowerCase() === 'that' && t.end <= mark.open);
      const after = doc.tokens[(that ?? cue).i + 1]!;
      quotes.push({ kind: 'mixed', content: spanOf(doc.text, after.start, mark.close + 1), speaker: found.speaker, speakerMention: found.mention, cue: spanOf(doc.text, cue.start, cue.end) });
    } else {
      quotes.push({ kind: 'direct', content, speaker: found.speaker, speakerMention: found.mention, cue: spanOf(doc.text, cue.start, cue.end) });
    }
    previousSpeaker = { speaker: found.speaker, mention: found.mention, sentence };
  }

  const insideMarks = (t: Token) => marks.some((m) => t.start > m.open && t.end <= m.close);
  for (const token of doc.tokens) {
    if (usedCues.has(token.i) || insideMarks(token) || isIgnored(token) || !isCue(doc, token)) continue;
    const reported = reportedContent(doc, token, marks);
    if (!reported) continue;
    const found = speakerFor(doc, index, token, () => true);
    if (!found.speaker && !found.mention) continue;
    quotes.push({ kind: 'indirect', content: reported, speaker: found.speaker, speakerMention: found.mention, cue: spanOf(doc.text, token.start, token.end) });
  }

  quotes.sort((a, b) => a.content.start - b.content.start);
  return dropOverlaps(quotes).map((q, i) => ({ id: `q${i + 1}`, ...q }));
}

function spanOf(text: string, start: number, end: number): Span {
  return { start, end, text: text.slice(start, end) };
}

function tokensBetween(doc: Doc, start: number, end: number): Token[] {
  return doc.tokens.filter((t) => t.start >= start && t.end <= end);
}

function startsSentence(doc: Doc, offset: number): boolean {
  const token = doc.tokens.find((t) => t.start >= offset);
  if (!token) return false;
  return doc.sentences[token.sentence]!.start === token.start;
}

/** Quote-mark pairs; straight double quotes pair up within a paragraph. */
export function findQuoteMarks(text: string): QuoteMarks[] {
  const found: QuoteMarks[] = [];
  const paragraphs = text.split(/(\n\s*\n)/);
  let offset = 0;
  for (const paragraph of paragraphs) {
    for (let i = 0; i < paragraph.length; i++) {
      const closing = PAIRS[paragraph[i]!];
      if (!closing) continue;
      const close = paragraph.indexOf(closing, i + 1);
      if (close < 0) {
        // A quote that runs to the end of its paragraph: the next paragraph reopens it.
        const tail = paragraph.slice(i + 1).trimEnd();
        if (tail.length > 0) found.push({ open: offset + i, close: offset + i + 1 + tail.length });
        break;
      }
      found.push({ open: offset + i, close: offset + close });
      i = close;
    }
    offset += paragraph.length;
  }
  return found;
}

function isCue(doc: Doc, token: Token): boolean {
  const lower = token.text.toLowerCase();
  if (MAKE_CLEAR_FORMS.has(lower)) return /^\s*(it\s+)?clear\b/.test(doc.text.slice(token.end, token.end + 12));
  if (lower === 'according') return doc.tokens[token.i + 1]?.text.toLowerCase() === 'to';
  const lemma = cueLemma(token.text);
  if (!lemma) return false;
  if (token.upos && !['VERB', 'AUX'].includes(token.upos) && token.upos !== 'X') return false;
  return true;
}

/** What an indirect cue reports: a that-clause, a bare clause, an object phrase, or the clause before ", X said". */
function reportedContent(doc: Doc, cue: Token, marks: QuoteMarks[]): Span | null {
  const sentence = doc.sentences[cue.sentence]!;
  const lemma = cueLemma(cue.text) ?? (MAKE_CLEAR_FORMS.has(cue.text.toLowerCase()) ? 'make' : 'according');
  let k = cue.i + 1;
  // skip "it clear", an indirect object ("told reporters"), "to" of "according to"
  const limit = Math.min(sentence.tokenEnd, cue.i + 7);
  let thatAt = -1;
  for (let j = cue.i + 1; j < limit; j++) {
    const t = doc.tokens[j]!;
    if (t.text === '.' || t.text === ';' || isQuoteMark(t.text)) break;
    if (t.text.toLowerCase() === 'that' && (t.upos === 'SCONJ' || t.xpos === 'IN' || j === cue.i + 1 || j <= cue.i + 6)) {
      thatAt = j;
      break;
    }
  }
  if (thatAt >= 0) k = thatAt + 1;
  else if (lemma === 'make') return null;
  else if (lemma === 'according') return contentAroundAccording(doc, cue);
  else {
    while (k < sentence.tokenEnd && /^(to|reporters|journalists|the press|him|her|them|us|me)$/i.test(doc.tokens[k]!.text) && lemma === 'tell') k++;
    const next = doc.tokens[k];
    const clauseBefore = contentBeforeCue(doc, cue);
    if (clauseBefore) return clauseBefore;
    if (!next || next.text === ',' || next.text === '.' || isQuoteMark(next.text) || next.upos === 'ADP' && next.text !== 'about') return null;
    if (CLAUSE_ONLY.has(lemma) && !startsClause(next)) return null;
    if (!CLAUSE_ONLY.has(lemma) && !OBJECT_CUES.has(lemma)) return null;
  }
  let end = k;
  while (end < sentence.tokenEnd) {
    const t = doc.tokens[end]!;
    if (t.text === '.' || t.text === ';' || t.text === '?' || t.text === '!') break;
    if (isQuoteMark(t.text) && marks.some((m) => m.open === t.start)) break;
    if (t.text === ',' && endsReportedClause(doc, end + 1)) break;
    end++;
  }
  if (end - k < 3) return null;
  const first = doc.tokens[k]!;
  const last = doc.tokens[end - 1]!;
  return spanOf(doc.text, first.start, last.end);
}

function startsClause(token: Token): boolean {
  return ['DET', 'PRON', 'PROPN', 'NOUN', 'NUM', 'ADJ'].includes(token.upos) || /^\p{Lu}/u.test(token.text);
}

function isQuoteMark(text: string): boolean {
  return /^["“”«»„]$/.test(text);
}

/** A comma followed by a participial cue ("suggesting"), a conjunction of contrast, or "he said". */
function endsReportedClause(doc: Doc, k: number): boolean {
  const next = doc.tokens[k];
  if (!next) return true;
  if (CLAUSE_BREAKS.has(next.text.toLowerCase())) return true;
  if (next.text.endsWith('ing') && cueLemma(next.text)) return true;
  return false;
}

/** "All parties need to agree, he said." -> the clause before the comma. */
function contentBeforeCue(doc: Doc, cue: Token): Span | null {
  const sentence = doc.sentences[cue.sentence]!;
  const after = doc.tokens.slice(cue.i + 1, sentence.tokenEnd).filter((t) => !/^[.!?]$/.test(t.text));
  const before = doc.tokens.slice(sentence.tokenStart, cue.i);
  // ", he said." / ", said Rubio." / ", Lavrov told reporters."
  let comma = -1;
  for (let j = before.length - 1; j >= Math.max(0, before.length - 5); j--) {
    if (before[j]!.text === ',') {
      comma = j;
      break;
    }
  }
  if (comma < 3 || after.length > 4) return null;
  const first = before[0]!;
  const last = before[comma - 1]!;
  if (isQuoteMark(last.text) || isQuoteMark(first.text)) return null;
  return spanOf(doc.text, first.start, last.end);
}

function contentAroundAccording(doc: Doc, cue: Token): Span | null {
  const sentence = doc.sentences[cue.sentence]!;
  // "According to X, CONTENT." or "CONTENT, according to X."
  let comma = -1;
  for (let j = cue.i + 2; j < sentence.tokenEnd; j++) {
    if (doc.tokens[j]!.text === ',') {
      comma = j;
      break;
    }
  }
  if (cue.i === sentence.tokenStart && comma > 0) {
    let end = sentence.tokenEnd - 1;
    while (end > comma && /^[.!?]$/.test(doc.tokens[end]!.text)) end--;
    if (end - comma < 3) return null;
    return spanOf(doc.text, doc.tokens[comma + 1]!.start, doc.tokens[end]!.end);
  }
  const before = doc.tokens[cue.i - 1];
  if (before?.text === ',' && cue.i - 1 - sentence.tokenStart >= 3) {
    return spanOf(doc.text, doc.tokens[sentence.tokenStart]!.start, doc.tokens[cue.i - 2]!.end);
  }
  return null;
}

/** The speaker of a cue: its parsed subject, else the nearest actor mention around it in the clause. */
function speakerFor(doc: Doc, index: ActorIndex, cue: Token, allowed: (t: Token) => boolean): { speaker: string | null; mention: Span | null } {
  const sentence = doc.sentences[cue.sentence]!;
  const mentionAt = (k: number) => index.mentions.find((m) => k >= m.tokenStart && k < m.tokenEnd);
  const result = (k: number) => {
    const m = mentionAt(k);
    if (m) return { speaker: m.actor.id, mention: m.span };
    const t = doc.tokens[k]!;
    return { speaker: null, mention: { start: t.start, end: t.end, text: t.text } };
  };
  if (cue.text.toLowerCase() === 'according') {
    for (let k = cue.i + 2; k < Math.min(sentence.tokenEnd, cue.i + 8); k++) if (mentionAt(k)) return result(k);
    return { speaker: null, mention: null };
  }
  // parsed subject of the cue, or of the verb it hangs from when the cue is a participle ("..., suggesting")
  let verb: Token | undefined = cue;
  for (let hop = 0; hop < 3 && verb; hop++) {
    const subject = doc.tokens.find((t) => t.head === verb!.i && SUBJECTS.has(t.deprel) && allowed(t));
    if (subject && (mentionAt(subject.i) || /^(he|she|they|it|we|i)$/i.test(subject.text))) return result(subject.i);
    if (subject) break;
    verb = verb.head >= 0 ? doc.tokens[verb.head] : undefined;
  }
  // inverted order after a quote or a clause: "…,” said Rubio", ", stated Lavrov"
  const inverted = /^[,”"’]$/.test(doc.tokens[cue.i - 1]?.text ?? '') && CLAUSE_ONLY.has(cueLemma(cue.text) ?? '');
  for (let k = cue.i + 1; inverted && k < Math.min(sentence.tokenEnd, cue.i + 4); k++) {
    const t = doc.tokens[k]!;
    if (/^[,.;:]$/.test(t.text) || isQuoteMark(t.text)) break;
    if (mentionAt(k)) return result(k);
  }
  // nearest mention before the cue in the sentence, outside the quote
  for (let k = cue.i - 1; k >= sentence.tokenStart; k--) {
    const t = doc.tokens[k]!;
    if (!allowed(t)) continue;
    if (mentionAt(k) && mentionAt(k)!.actor.type !== 'country' && mentionAt(k)!.actor.type !== 'location') return result(mentionAt(k)!.tokenStart);
    if (/^(he|she|they|we|i)$/i.test(t.text)) return result(k);
  }
  for (let k = sentence.tokenStart; k < cue.i; k++) if (mentionAt(k) && allowed(doc.tokens[k]!)) return result(mentionAt(k)!.tokenStart);
  return { speaker: null, mention: null };
}

function dropOverlaps<T extends { content: Span }>(quotes: T[]): T[] {
  const kept: T[] = [];
  for (const quote of quotes) {
    const clash = kept.find((k) => quote.content.start < k.content.end && k.content.start < quote.content.end);
    if (!clash) kept.push(quote);
  }
  return kept;
}
