// Tokens and sentences that follow Universal Dependencies English conventions (as in EWT and GUM), each with exact
// UTF-16 offsets into the original text, so that every later span can be sliced straight out of the article.

export interface RawToken {
  start: number;
  end: number;
  text: string;
  spaceAfter: boolean;
}

export interface SentenceBounds {
  start: number;
  end: number;
  tokenStart: number;
  tokenEnd: number;
}

const OPENING = new Set(['"', '“', '‘', "'", '«', '‹', '(', '[', '{', '„', '¿', '¡', '`']);
const CLOSING_PUNCT = new Set(['"', '”', '’', "'", '»', '›', ')', ']', '}', '.', ',', ';', ':', '!', '?', '…', '%']);
const SENTENCE_FINAL = new Set(['.', '!', '?', '…', '...', '?!', '!?']);
const CLOSERS_AFTER_FINAL = new Set(['"', '”', '’', "'", '»', ')', ']']);

/** Words that keep their final period. Single capital letters (initials) are handled separately. */
const ABBREVIATIONS = new Set(
  [
    'mr', 'mrs', 'ms', 'dr', 'prof', 'sr', 'jr', 'st', 'mt', 'ft', 'gen', 'lt', 'col', 'capt', 'cmdr', 'adm', 'sgt',
    'gov', 'sen', 'rep', 'pres', 'rev', 'hon', 'amb', 'messrs', 'vol', 'vs', 'etc', 'inc', 'ltd', 'co',
    'corp', 'bros', 'dept', 'univ', 'est', 'approx', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept',
    'oct', 'nov', 'dec', 'mon', 'tue', 'tues', 'wed', 'thu', 'thur', 'thurs', 'fri', 'sat', 'sun', 'al', 'cf', 'fig',
    'e.g', 'i.e', 'a.m', 'p.m', 'u.s', 'u.k', 'u.n', 'e.u', 'd.c', 'u.s.a', 'ph.d', 'b.a', 'm.a', 'a.d', 'b.c',
  ].map((a) => a + '.'),
);

/** Abbreviations that rarely end a sentence, so a capitalised word after them does not start a new one. */
const NON_FINAL_ABBREVIATIONS = new Set(
  ['mr.', 'mrs.', 'ms.', 'dr.', 'prof.', 'gen.', 'lt.', 'col.', 'capt.', 'sen.', 'rep.', 'gov.', 'rev.', 'hon.',
    'st.', 'mt.', 'vs.', 'amb.', 'sgt.', 'adm.', 'cmdr.'],
);

/** Hyphenated prefixes that UD English keeps inside one token ("non-stop", "anti-American"). */
const UNSPLIT_HYPHEN_PREFIXES = new Set([
  'non', 'anti', 'post', 'pre', 'co', 'ex', 'self', 'pro', 'semi', 'multi', 'mid', 'inter', 'intra', 'sub', 'super',
  'ultra', 'neo', 'vice', 'counter', 'over', 'under', 'e', 're', 'de', 'un', 'bi', 'tri', 'quasi', 'pan', 'trans',
]);

const CLITIC_SUFFIX = /(?:n['’]t|['’](?:s|re|ve|ll|d|m|S|RE|VE|LL|D|M))$/;
const NOT_CLITIC_WORDS = /^(?:o['’]clock|y['’]all|ma['’]am|rock['’]n['’]roll)$/i;
const URL_OR_EMAIL = /^(?:(?:https?:\/\/|www\.)\S+|[\w.+-]+@[\w-]+\.[\w.-]+)$/i;
const NUMBER = /^[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$/;
const TIME_OR_RATIO = /^\d+(?:[:/.]\d+)+$/;

/**
 * Longest run of non-space characters split as one chunk. Real words, numbers and URLs are far shorter; a longer run
 * (a wall of quote marks or hyphens, a base64 blob) is cut into pieces first, so that the per-chunk work, which
 * rescans the rest of the chunk at each split, stays bounded.
 */
export const MAX_CHUNK_CHARS = 1000;
/**
 * Longest sentence handed to the tagger and parser, in tokens. News sentences run to 60 or so; text without
 * sentence punctuation (a scraped list, a run-on paste) is cut into pieces of at most this many tokens, which keeps
 * each sentence's work, and the extractors' per-sentence scans, bounded.
 */
export const MAX_SENTENCE_TOKENS = 250;

/** Splits text into UD-style tokens with offsets. */
export function tokenize(text: string): RawToken[] {
  const tokens: RawToken[] = [];
  const chunk = /\S+/g;
  for (let match = chunk.exec(text); match; match = chunk.exec(text)) {
    const whole = match[0];
    for (let from = 0; from < whole.length; ) {
      let to = Math.min(whole.length, from + MAX_CHUNK_CHARS);
      // never cut between the two halves of a surrogate pair
      if (to < whole.length && /[\uDC00-\uDFFF]/.test(whole[to]!)) to--;
      splitChunk(whole.slice(from, to), match.index + from, tokens);
      from = to;
    }
    const last = tokens[tokens.length - 1];
    if (last) last.spaceAfter = true;
  }
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    const next = tokens[i + 1];
    token.spaceAfter = next ? next.start > token.end : true;
  }
  return tokens;
}

function push(tokens: RawToken[], text: string, start: number): void {
  if (text.length > 0) tokens.push({ start, end: start + text.length, text, spaceAfter: false });
}

function splitChunk(chunk: string, offset: number, out: RawToken[]): void {
  if (URL_OR_EMAIL.test(chunk)) return push(out, chunk, offset);
  let start = 0;
  let end = chunk.length;
  const leading: Array<[string, number]> = [];
  while (start < end) {
    const ch = chunk[start]!;
    if (chunk.startsWith('--', start) || chunk.startsWith('...', start)) {
      const len = chunk.startsWith('...', start) ? 3 : 2;
      leading.push([chunk.slice(start, start + len), start]);
      start += len;
    } else if (OPENING.has(ch) || ch === '—' || ch === '–' || ch === '-' && end - start > 1 && !/\d/.test(chunk[start + 1]!)) {
      leading.push([ch, start]);
      start += 1;
    } else break;
  }
  const trailing: Array<[string, number]> = [];
  while (end > start) {
    const ch = chunk[end - 1]!;
    if (chunk.slice(start, end).endsWith('...')) {
      trailing.unshift(['...', end - 3]);
      end -= 3;
      continue;
    }
    if (!CLOSING_PUNCT.has(ch) && ch !== '—' && ch !== '–') break;
    const body = chunk.slice(start, end);
    if (ch === '.' && keepsPeriod(body)) break;
    if ((ch === "'" || ch === '’') && isPluralPossessive(body)) {
      trailing.unshift([ch, end - 1]);
      end -= 1;
      break;
    }
    if (ch === '%' && /\d%$/.test(body)) {
      trailing.unshift([ch, end - 1]);
      end -= 1;
      continue;
    }
    trailing.unshift([ch, end - 1]);
    end -= 1;
  }
  for (const [text, at] of leading) push(out, text, offset + at);
  splitWord(chunk.slice(start, end), offset + start, out);
  for (const [text, at] of trailing) push(out, text, offset + at);
}

function keepsPeriod(word: string): boolean {
  const lower = word.toLowerCase();
  if (ABBREVIATIONS.has(lower)) return true;
  if (/^[A-Za-z]\.$/.test(word)) return true; // initials
  if (/^(?:[A-Za-z]\.){2,}$/.test(word)) return true; // U.S., e.g.
  return false;
}

function isPluralPossessive(word: string): boolean {
  return /[sS]['’]$/.test(word) && word.length > 2 && /[A-Za-z]/.test(word[0]!);
}

/**
 * Splits the inside of a chunk: clitics, dashes and hyphens, inner punctuation. The rest of the word after a
 * separator or hyphen is handled by the loop rather than by recursion, so a run of thousands of quote marks or
 * hyphens cannot exhaust the stack; the part before a separator holds no separator, so recursing on it is shallow.
 */
function splitWord(word: string, offset: number, out: RawToken[]): void {
  while (word.length > 0) {
    if (URL_OR_EMAIL.test(word) || NUMBER.test(word) || TIME_OR_RATIO.test(word) || keepsPeriod(word)) {
      return push(out, word, offset);
    }
    // Dashes and slashes between words stand alone; ellipses too.
    const separator = /—|–|--|\.\.\.|…|\/(?=[A-Za-z])|;|,(?=[A-Za-z])|(?<=[A-Za-z])[.!?](?=["“”’A-Z])|[“”"(){}\[\]]/;
    const sep = separator.exec(word);
    if (sep && sep.index >= 0 && (sep.index > 0 || sep[0].length < word.length)) {
      splitWord(word.slice(0, sep.index), offset, out);
      push(out, sep[0], offset + sep.index);
      const rest = sep.index + sep[0].length;
      word = word.slice(rest);
      offset += rest;
      continue;
    }
    if (!NOT_CLITIC_WORDS.test(word)) {
      const clitic = CLITIC_SUFFIX.exec(word);
      if (clitic && clitic.index > 0) {
        // "won't" -> "wo n't", "can't" -> "ca n't": UD keeps the n't whole.
        const cut = clitic.index;
        splitWord(word.slice(0, cut), offset, out);
        push(out, word.slice(cut), offset + cut);
        return;
      }
    }
    const hyphen = word.indexOf('-');
    if (hyphen > 0 && hyphen < word.length - 1) {
      const head = word.slice(0, hyphen);
      const splitHere = !UNSPLIT_HYPHEN_PREFIXES.has(head.toLowerCase()) && !/^\d+$/.test(head) && /[A-Za-z]/.test(head);
      if (splitHere) {
        push(out, head, offset);
        push(out, '-', offset + hyphen);
        word = word.slice(hyphen + 1);
        offset += hyphen + 1;
        continue;
      }
    }
    return push(out, word, offset);
  }
}

const SENTENCE_STARTERS = new Set([
  'The', 'This', 'That', 'These', 'Those', 'He', 'She', 'It', 'They', 'We', 'I', 'You', 'In', 'On', 'At', 'But',
  'And', 'A', 'An', 'His', 'Her', 'Their', 'Its', 'Our', 'After', 'Before', 'During', 'Meanwhile', 'However', 'There',
  'Some', 'Many', 'Most', 'When', 'While', 'As', 'If', 'For', 'Officials', 'Both', 'All', 'No', 'Yet', 'So',
]);

/** Groups tokens into sentences. Blank lines always end one; so does a line break after a short line (a headline). */
export function splitSentences(text: string, tokens: RawToken[]): SentenceBounds[] {
  const sentences: SentenceBounds[] = [];
  let first = 0;
  const close = (lastInclusive: number) => {
    if (lastInclusive < first) return;
    sentences.push({
      start: tokens[first]!.start,
      end: tokens[lastInclusive]!.end,
      tokenStart: first,
      tokenEnd: lastInclusive + 1,
    });
    first = lastInclusive + 1;
  };
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    const next = tokens[i + 1];
    if (!next) break;
    const gap = text.slice(token.end, next.start);
    if (/\n\s*\n/.test(gap)) {
      close(i);
      continue;
    }
    if (gap.includes('\n') && lineBreakEndsSentence(token, next)) {
      close(i);
      continue;
    }
    if (!endsSentenceHere(tokens, i)) continue;
    // absorb closing quotes and brackets into this sentence
    let last = i;
    while (tokens[last + 1] && CLOSERS_AFTER_FINAL.has(tokens[last + 1]!.text) && !tokens[last]!.spaceAfter) last++;
    const following = tokens[last + 1];
    if (!following) break;
    if (startsSentence(following)) {
      close(last);
      i = last;
    }
  }
  if (first < tokens.length) close(tokens.length - 1);
  return sentences.flatMap((sentence) => capSentence(tokens, sentence));
}

/** Cuts an over-long sentence into pieces of at most MAX_SENTENCE_TOKENS, after a clause mark where there is one. */
function capSentence(tokens: RawToken[], sentence: SentenceBounds): SentenceBounds[] {
  if (sentence.tokenEnd - sentence.tokenStart <= MAX_SENTENCE_TOKENS) return [sentence];
  const pieces: SentenceBounds[] = [];
  let from = sentence.tokenStart;
  while (from < sentence.tokenEnd) {
    let to = Math.min(sentence.tokenEnd, from + MAX_SENTENCE_TOKENS);
    if (to < sentence.tokenEnd) {
      // look back over the second half of the piece for a comma, semicolon, colon or dash to cut after
      for (let k = to - 1; k > from + MAX_SENTENCE_TOKENS / 2; k--) {
        if (/^(?:[,;:]|—|–|--)$/.test(tokens[k]!.text)) {
          to = k + 1;
          break;
        }
      }
    }
    pieces.push({ start: tokens[from]!.start, end: tokens[to - 1]!.end, tokenStart: from, tokenEnd: to });
    from = to;
  }
  return pieces;
}

function endsSentenceHere(tokens: RawToken[], i: number): boolean {
  const token = tokens[i]!;
  if (SENTENCE_FINAL.has(token.text)) return true;
  // An abbreviation such as "U.S." can end a sentence when a typical sentence opener follows.
  if (token.text.endsWith('.') && token.text.length > 1 && !NON_FINAL_ABBREVIATIONS.has(token.text.toLowerCase())) {
    const next = tokens[i + 1];
    return !!next && SENTENCE_STARTERS.has(next.text);
  }
  return false;
}

function startsSentence(token: RawToken): boolean {
  const ch = token.text[0]!;
  return /[\p{Lu}\d]/u.test(ch) || OPENING.has(ch) || ch === '—' || ch === '-';
}

function lineBreakEndsSentence(token: RawToken, next: RawToken): boolean {
  if (SENTENCE_FINAL.has(token.text) || CLOSERS_AFTER_FINAL.has(token.text)) return true;
  // A line that runs on into a lower-case word is a wrapped sentence; otherwise treat the line as complete.
  if (/^[\p{Ll}]/u.test(next.text)) return false;
  return !/[,;:(\-–—]$/.test(token.text);
}
