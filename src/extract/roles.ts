// Role phrases around a person's name: pre-modifiers ("Russian Foreign Minister Sergei Lavrov"), appositions
// ("the head of Russia's sovereign wealth fund, Kirill Dmitriev"; "Gudrun Hallsdottir, Iceland's fisheries
// minister,") read into a title-case role without the country word, and the country that phrase names.
import { gazetteer, HONORIFICS, ROLE_HEADS, type Doc, type Token } from '../nlp/index.js';

/** Lower-case words that may stand inside a role phrase before its head ("fisheries minister", "presidential aide"). */
const ROLE_MODIFIERS = new Set([
  'foreign', 'defence', 'defense', 'prime', 'deputy', 'vice', 'special', 'chief', 'senior', 'top', 'national',
  'security', 'presidential', 'interior', 'finance', 'economy', 'economic', 'trade', 'fisheries', 'fishery', 'energy',
  'justice', 'health', 'education', 'environment', 'agriculture', 'culture', 'transport', 'labour', 'labor', 'home',
  'state', 'executive', 'general', 'permanent', 'acting', 'military', 'climate', 'maritime', 'migration', 'affairs',
  'external', 'development', 'press', 'policy', 'intelligence', 'armed', 'forces', 'naval', 'coast', 'guard',
  'government', 'opposition', 'party', 'lead', 'chief', 'assistant', 'associate', 'principal', 'regional', 'federal',
  'european', 'international', 'cabinet', 'communications', 'legal', 'human', 'rights', 'nuclear', 'arctic', 'ocean',
  'oceans', 'marine', 'shipping', 'industry', 'business', 'commerce', 'treasury', 'budget', 'digital', 'science',
  'junior', 'newly', 'appointed', 'elected', 'interim', 'incoming', 'outgoing', 'veteran', 'former', 'then',
  // the body a spokesperson or official speaks for: "Russian foreign ministry spokeswoman"
  'ministry', 'office', 'department', 'embassy', 'army', 'navy', 'council', 'parliament', 'parliamentary', 'committee', 'agency',
  'judiciary', 'judicial', 'customs', 'electoral', 'election', 'central', 'bank', 'police', 'prosecution',
]);

const DETERMINERS = new Set(['the', 'a', 'an', 'its', 'his', 'her', 'their', 'our', 'whose']);
const SMALL_WORDS = new Set(['of', 'for', 'and', 'the', 'on', 'to', 'in', 'at']);
const TIME_WORDS = /^(last|next|this|earlier|later|week|month|year|day|today|yesterday|tomorrow|monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april|may|june|july|august|september|october|november|december)$/i;
const LEFT_BOUNDARY_WORDS = new Set(['and', 'or', 'but', 'were', 'was', 'is', 'are', 'with', 'by', 'said', 'says', 'as', 'like', 'including']);

export interface RoleReading {
  role: string | null;
  country: string | null;
  /** Token range of the whole phrase, name excluded, to mark as a title mention. */
  phrase: { tokenStart: number; tokenEnd: number } | null;
}

export function isHonorific(word: string): boolean {
  return HONORIFICS.has(word);
}

function isRoleHead(word: string): boolean {
  return ROLE_HEADS.has(word.toLowerCase());
}

/** Reads the role phrase to the left of a name that starts at token `nameStart`, then an apposition after it. */
export function readRole(doc: Doc, nameStart: number, nameEnd: number): RoleReading {
  const before = readPremodifiers(doc, nameStart) ?? readLeftApposition(doc, nameStart);
  if (before?.role) return before;
  const after = readRightApposition(doc, nameEnd);
  if (after?.role) return after;
  return before ?? { role: null, country: null, phrase: null };
}

/** "UK Prime Minister Sir Keir Starmer": title-case words or role vocabulary directly before the name. */
function readPremodifiers(doc: Doc, nameStart: number): RoleReading | null {
  const sentence = doc.tokens[nameStart]!.sentence;
  let k = nameStart - 1;
  while (k >= 0 && isHonorific(doc.tokens[k]!.text)) k--;
  const end = k + 1;
  while (k >= 0) {
    const token = doc.tokens[k]!;
    if (token.sentence !== sentence) break;
    const word = token.text;
    const lower = word.toLowerCase();
    const capitalised = /^\p{Lu}/u.test(word);
    const inRole = isRoleHead(word) || ROLE_MODIFIERS.has(lower) || (capitalised && !DETERMINERS.has(lower) && word !== 'The');
    if (doc.entities.some((e) => e.label === 'PER' && k >= e.tokenStart && k < e.tokenEnd)) break;
    if (token.upos === 'PUNCT' || TIME_WORDS.test(word)) break;
    const joiner = (lower === 'of' || lower === 'for') && k > 0 && /^\p{Lu}/u.test(doc.tokens[k - 1]!.text) && k + 1 < end && /^\p{Lu}/u.test(doc.tokens[k + 1]!.text);
    const possessive = /^['’]s$/.test(word) && k > 0 && countryOfWord(doc.tokens[k - 1]!.text) !== null;
    if (!inRole && !joiner && !possessive) break;
    k--;
  }
  const start = k + 1;
  if (start >= end) return null;
  return interpretPhrase(doc, start, end);
}

/** "the head of Russia's sovereign wealth fund, Kirill Dmitriev" and "its President, Volodymyr Zelensky". */
function readLeftApposition(doc: Doc, nameStart: number): RoleReading | null {
  const comma = doc.tokens[nameStart - 1];
  if (!comma || comma.text !== ',') return null;
  const sentence = comma.sentence;
  let k = nameStart - 2;
  while (k >= 0 && doc.tokens[k]!.sentence === sentence) {
    const word = doc.tokens[k]!.text;
    const upos = doc.tokens[k]!.upos;
    if (upos === 'PUNCT' || LEFT_BOUNDARY_WORDS.has(word.toLowerCase()) || TIME_WORDS.test(word) || upos === 'VERB' || (upos === 'ADP' && !/^(of|for)$/i.test(word))) break;
    k--;
  }
  const start = k + 1;
  if (start >= nameStart - 1) return null;
  const reading = interpretPhrase(doc, start, nameStart - 1);
  return reading.role ? reading : null;
}

/** "Gudrun Hallsdottir, Iceland's fisheries minister, said ..." */
function readRightApposition(doc: Doc, nameEnd: number): RoleReading | null {
  const comma = doc.tokens[nameEnd];
  if (!comma || comma.text !== ',') return null;
  const sentence = comma.sentence;
  let k = nameEnd + 1;
  while (k < doc.tokens.length && doc.tokens[k]!.sentence === sentence) {
    const token = doc.tokens[k]!;
    if (token.text === ',' || token.text === '.' || token.upos === 'VERB' || token.upos === 'AUX' || /^(who|which|that)$/i.test(token.text)) break;
    k++;
  }
  if (k === nameEnd + 1 || k - nameEnd > 12) return null;
  const first = doc.tokens[nameEnd + 1]!.text.toLowerCase();
  const startsLikeRole = DETERMINERS.has(first) || countryOfWord(doc.tokens[nameEnd + 1]!.text) !== null || isRoleHead(first) || ROLE_MODIFIERS.has(first) || /^\p{Lu}/u.test(doc.tokens[nameEnd + 1]!.text);
  if (!startsLikeRole) return null;
  const reading = interpretPhrase(doc, nameEnd + 1, k);
  return reading.role ? reading : null;
}

/** Splits a phrase into country words and role words; the phrase must contain a role head. */
function interpretPhrase(doc: Doc, start: number, end: number): RoleReading {
  let country: string | null = null;
  const words: string[] = [];
  let hasHead = false;
  for (let k = start; k < end; k++) {
    const word = doc.tokens[k]!.text;
    const next = doc.tokens[k + 1]?.text ?? '';
    const code = countryOfPhraseAt(doc, k, end);
    if (code) {
      country ??= code.country;
      k += code.length - 1;
      if (/^['’]s$/.test(doc.tokens[k + 1]?.text ?? '')) k++;
      continue;
    }
    if (/^['’]s$/.test(word) || isHonorific(word) || doc.tokens[k]!.upos === 'PUNCT') continue;
    // an organisation that qualifies the role ("EU trade commissioner") is an affiliation, not part of the role
    if (words.length === 0 && gazetteer().lookup(word)?.kind === 'organization') continue;
    if (DETERMINERS.has(word.toLowerCase()) && words.length === 0) continue;
    if (DETERMINERS.has(word.toLowerCase())) continue;
    if (word === 'of' && (next === '' || countryOfWord(next) !== null) && end - k <= 2) continue;
    if (isRoleHead(word)) hasHead = true;
    words.push(word);
  }
  while (words.length && SMALL_WORDS.has(words[words.length - 1]!.toLowerCase())) words.pop();
  if (!hasHead || words.length === 0 || words.length > 8) return { role: null, country, phrase: null };
  return { role: titleCase(words), country, phrase: { tokenStart: start, tokenEnd: end } };
}

function titleCase(words: string[]): string {
  return words
    .map((w, i) => {
      if (i > 0 && SMALL_WORDS.has(w.toLowerCase())) return w.toLowerCase();
      if (/^[A-Z]{2,}$/.test(w)) return w;
      return w.charAt(0).toUpperCase() + w.slice(1);
    })
    .join(' ')
    .replace(/ - /g, '-');
}

/** A country name or demonym starting at token k (longest match within the phrase). */
function countryOfPhraseAt(doc: Doc, k: number, end: number): { country: string; length: number } | null {
  const gaz = gazetteer();
  for (let n = Math.min(3, end - k); n >= 1; n--) {
    const surface = doc.text.slice(doc.tokens[k]!.start, doc.tokens[k + n - 1]!.end);
    const entry = gaz.lookup(surface);
    if (entry?.country && entry.kind !== 'capital') return { country: entry.country, length: n };
  }
  return null;
}

export function countryOfWord(word: string): string | null {
  const entry = gazetteer().lookup(word);
  return entry?.country && entry.kind !== 'capital' ? entry.country : null;
}

export function tokensText(doc: Doc, tokens: Token[]): string {
  if (tokens.length === 0) return '';
  return doc.text.slice(tokens[0]!.start, tokens[tokens.length - 1]!.end);
}
