// Pronoun coreference for the mentions extraction needs: he/she and their case forms go to the person they most
// likely continue. Candidates are named people and person nouns ("the minister", "his father"); gender is learnt
// on the way (a person once called "she" is not "he"), and among compatible candidates the most salient wins:
// subjects over other positions, the current and previous sentence over older ones, nearer over farther.
import type { CorefLink, Doc, Token } from './doc.js';
import { HONORIFICS, ROLE_HEADS } from './lexicon.js';

type Gender = 'm' | 'f';

const PRONOUN_GENDER: Record<string, Gender> = {
  he: 'm', him: 'm', his: 'm', himself: 'm', she: 'f', her: 'f', hers: 'f', herself: 'f',
};
const GENDERED_NOUNS: Record<string, Gender> = {
  man: 'm', men: 'm', boy: 'm', father: 'm', son: 'm', brother: 'm', husband: 'm', king: 'm', prince: 'm', uncle: 'm',
  grandfather: 'm', nephew: 'm', gentleman: 'm', spokesman: 'm', chairman: 'm', congressman: 'm', businessman: 'm',
  woman: 'f', women: 'f', girl: 'f', mother: 'f', daughter: 'f', sister: 'f', wife: 'f', queen: 'f', princess: 'f',
  aunt: 'f', grandmother: 'f', niece: 'f', lady: 'f', spokeswoman: 'f', chairwoman: 'f', congresswoman: 'f', businesswoman: 'f',
  actress: 'f', mr: 'm', 'mr.': 'm', mrs: 'f', 'mrs.': 'f', ms: 'f', 'ms.': 'f', sir: 'm', dame: 'f', lord: 'm',
};
const PERSON_NOUNS = new Set([
  ...ROLE_HEADS, ...Object.keys(GENDERED_NOUNS).filter((w) => !w.endsWith('.')), 'person', 'child', 'friend', 'author',
  'writer', 'artist', 'player', 'student', 'teacher', 'doctor', 'soldier', 'worker', 'farmer', 'fisherman', 'captain',
  'owner', 'founder', 'leader', 'candidate', 'victim', 'suspect', 'witness', 'reporter', 'journalist', 'scientist',
  'composer', 'poet', 'singer', 'actor', 'coach', 'pilot', 'driver', 'lawyer', 'judge', 'nurse', 'priest', 'monk',
  'emperor', 'general', 'colleague', 'partner', 'parent', 'grandparent', 'cousin', 'guide', 'host', 'guest', 'resident',
]);
const SUBJECTS = new Set(['nsubj', 'nsubj:pass']);
const LOOKBACK_SENTENCES = 4;

interface Candidate {
  start: number;
  end: number;
  text: string;
  sentence: number;
  /** Token index of the phrase's head, for its grammatical role. */
  head: number;
  /** Key shared by every mention of the same person (surname for names). */
  key: string;
}

export function resolveCoreference(doc: Doc): CorefLink[] {
  const candidates = personMentions(doc);
  const genderOf = new Map<string, Gender>();
  for (const c of candidates) {
    const g = genderOfPhrase(doc, c);
    if (g) genderOf.set(c.key, g);
  }
  const links: CorefLink[] = [];
  for (const token of doc.tokens) {
    const gender = PRONOUN_GENDER[token.text.toLowerCase()];
    if (!gender) continue;
    let best: Candidate | null = null;
    let bestScore = -Infinity;
    for (const c of candidates) {
      if (c.end > token.start || token.sentence - c.sentence > LOOKBACK_SENTENCES) continue;
      const known = genderOf.get(c.key);
      if (known && known !== gender) continue;
      const score = salience(doc, c, token);
      if (score > bestScore) {
        best = c;
        bestScore = score;
      }
    }
    if (!best) continue;
    if (!genderOf.has(best.key)) genderOf.set(best.key, gender);
    links.push({
      mention: { start: token.start, end: token.end, text: token.text },
      antecedent: { start: best.start, end: best.end, text: best.text },
    });
    // the pronoun itself becomes the most recent mention of that person
    candidates.push({ start: token.start, end: token.end, text: token.text, sentence: token.sentence, head: token.i, key: best.key });
    candidates.sort((a, b) => a.start - b.start);
  }
  return links;
}

function salience(doc: Doc, c: Candidate, pronoun: Token): number {
  const distance = pronoun.sentence - c.sentence;
  const head = doc.tokens[c.head]!;
  let score = -2 * distance;
  if (SUBJECTS.has(head.deprel)) score += 3;
  else if (head.deprel === 'obj') score += 1;
  // "his" inside the clause of its own subject refers to that subject
  if (distance === 0 && SUBJECTS.has(head.deprel) && head.head === clauseHead(doc, pronoun)) score += 2;
  // a named person is a likelier antecedent than a common noun
  if (/^\p{Lu}/u.test(c.text.replace(/^(the|a|an|his|her|their|its)\s+/i, ''))) score += 1;
  score -= (pronoun.start - c.end) / 2000;
  return score;
}

function clauseHead(doc: Doc, token: Token): number {
  let t = token;
  for (let hops = 0; hops < 4 && t.head >= 0; hops++) {
    const head = doc.tokens[t.head]!;
    if (head.upos === 'VERB' || head.upos === 'AUX') return head.i;
    t = head;
  }
  return -1;
}

/** Named people (the recogniser's PER entities) and noun phrases headed by a person noun. */
function personMentions(doc: Doc): Candidate[] {
  const found: Candidate[] = [];
  for (const e of doc.entities) {
    if (e.label !== 'PER') continue;
    const last = doc.tokens[e.tokenEnd - 1]!;
    const head = [...doc.tokens.slice(e.tokenStart, e.tokenEnd)].find((t) => t.head < e.tokenStart || t.head >= e.tokenEnd) ?? last;
    found.push({ start: e.start, end: e.end, text: e.text, sentence: last.sentence, head: head.i, key: `name:${last.text.toLowerCase()}` });
  }
  const inEntity = new Set(doc.entities.flatMap((e) => Array.from({ length: e.tokenEnd - e.tokenStart }, (_, k) => e.tokenStart + k)));
  for (const t of doc.tokens) {
    if (t.upos !== 'NOUN' || inEntity.has(t.i) || !PERSON_NOUNS.has(t.text.toLowerCase())) continue;
    // a role noun right before a name is a title, not a mention of its own
    const next = doc.tokens[t.i + 1];
    if (next && doc.entities.some((e) => e.label === 'PER' && e.tokenStart === t.i + 1)) continue;
    let first = t.i;
    while (first > 0 && doc.tokens[first - 1]!.head === t.i && ['det', 'amod', 'compound', 'nmod:poss'].includes(doc.tokens[first - 1]!.deprel)) first--;
    const start = doc.tokens[first]!.start;
    found.push({ start, end: t.end, text: doc.text.slice(start, t.end), sentence: t.sentence, head: t.i, key: `noun:${t.i}` });
  }
  return found.sort((a, b) => a.start - b.start);
}

function genderOfPhrase(doc: Doc, c: Candidate): Gender | undefined {
  const words = doc.text.slice(Math.max(0, c.start - 6), c.end).toLowerCase().split(/\s+/);
  for (const w of words) {
    const g = GENDERED_NOUNS[w];
    if (g) return g;
  }
  const before = firstTokenEndingFrom(doc, c.start - 2);
  if (before && before.end <= c.start && HONORIFICS.has(before.text)) return GENDERED_NOUNS[before.text.toLowerCase()];
  return undefined;
}

/** The first token ending at or after `offset`, by binary search: token ends increase along the text. */
function firstTokenEndingFrom(doc: Doc, offset: number): Token | undefined {
  let low = 0;
  let high = doc.tokens.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (doc.tokens[mid]!.end < offset) low = mid + 1;
    else high = mid;
  }
  return doc.tokens[low];
}
