// Reporting cues of news prose: the verbs and phrases that introduce what someone said, in every inflection. The
// lexicon learnt from PolNeAR's attribution cues (cue-lexicon.ts, built by train/cues.ts) comes first; the lemmas
// below add the reporting verbs of diplomatic news that the corpus sees too rarely to learn.
import { CUE_LEXICON } from './cue-lexicon.js';

/** Lemmas of reporting verbs; `clause` ones take a that-clause or a bare clause, `object` ones a noun phrase. */
const CLAUSE_CUES = [
  'say', 'tell', 'state', 'add', 'note', 'stress', 'emphasize', 'emphasise', 'reiterate', 'warn', 'mention',
  'insist', 'argue', 'claim', 'declare', 'announce', 'explain', 'suggest', 'highlight', 'reassure', 'deny', 'admit',
  'acknowledge', 'confirm', 'vow', 'pledge', 'promise', 'write', 'tweet', 'post', 'predict', 'caution', 'complain',
  'concede', 'contend', 'assert', 'maintain', 'recall', 'reply', 'respond', 'answer', 'allege', 'report', 'indicate',
  'signal', 'underline', 'underscore', 'observe', 'remark', 'comment', 'repeat', 'affirm', 'reaffirm', 'boast',
  'lament', 'propose', 'estimate', 'forecast', 'conclude', 'charge', 'testify', 'assure', 'counter', 'retort',
  'believe', 'think', 'hope', 'fear', 'agree', 'accuse', 'urge', 'demand', 'ask', 'describe', 'deem', 'call',
  'voice', 'express', 'brand', 'label', 'acknowledge', 'point', 'tout', 'stress', 'threaten', 'vow', 'recommend', 'urge', 'plead', 'quip',
];

/** Verbs whose object, not a clause, is what was said ("voiced optimism about ..."). */
export const OBJECT_CUES = new Set(['voice', 'express', 'describe', 'deem', 'call', 'brand', 'label', 'highlight',
  'urge', 'ask', 'encourage', 'accuse', 'criticize', 'criticise', 'blame', 'question', 'praise', 'welcome', 'demand', 'emphasize', 'emphasise', 'stress', 'reiterate', 'underline', 'underscore', 'tout']);

/** Verbs that report speech only with a clause or a quote next to them, not on their own object. */
export const CLAUSE_ONLY = new Set(['say', 'tell', 'state', 'add', 'note', 'mention', 'insist', 'argue', 'claim', 'declare', 'announce', 'explain', 'suggest', 'reassure', 'warn', 'write', 'predict', 'caution', 'concede', 'contend', 'assert', 'maintain', 'reply', 'respond', 'report', 'indicate', 'signal', 'observe', 'remark', 'comment', 'repeat', 'affirm', 'reaffirm', 'believe', 'think', 'hope', 'fear', 'admit', 'acknowledge', 'confirm', 'deny', 'allege', 'recall', 'testify', 'assure', 'counter', 'retort', 'boast', 'lament', 'propose', 'estimate', 'forecast', 'conclude', 'charge']);

export const MAKE_CLEAR_FORMS = new Set(['make', 'makes', 'made', 'making']);

const IRREGULAR: Record<string, string> = {
  said: 'say', says: 'say', saying: 'say', told: 'tell', wrote: 'write', written: 'write', thought: 'think',
  made: 'make', spoke: 'speak', spoken: 'speak', felt: 'feel', meant: 'mean', held: 'hold', put: 'put',
};

/** A verb lemma with its -s, -ed and -ing forms (regular spelling rules; irregular forms are listed separately). */
export function inflections(lemma: string): string[] {
  const forms = [lemma];
  const stem = lemma.endsWith('e') ? lemma.slice(0, -1) : lemma;
  if (/(s|sh|ch|x|z)$/.test(lemma)) forms.push(lemma + 'es');
  else if (/[^aeiou]y$/.test(lemma)) forms.push(lemma.slice(0, -1) + 'ies');
  else forms.push(lemma + 's');
  if (/[^aeiou]y$/.test(lemma)) forms.push(lemma.slice(0, -1) + 'ied');
  else if (lemma.endsWith('e')) forms.push(lemma + 'd');
  else forms.push(lemma + 'ed');
  forms.push(stem + 'ing');
  // consonant doubling after a short stressed vowel: "admit" -> "admitted"
  if (/^[^aeiou]*[aeiou][bdgmnprt]$/.test(lemma) || /(mit|fer|pel|cur)$/.test(lemma)) {
    const last = lemma[lemma.length - 1]!;
    forms.push(lemma + last + 'ed', lemma + last + 'ing');
  }
  return forms;
}

const LEMMA_OF_FORM = new Map<string, string>();
for (const lemma of CLAUSE_CUES) for (const form of inflections(lemma)) if (!LEMMA_OF_FORM.has(form)) LEMMA_OF_FORM.set(form, lemma);
for (const [form, lemma] of Object.entries(IRREGULAR)) if (CLAUSE_CUES.includes(lemma)) LEMMA_OF_FORM.set(form, lemma);

// every learnt verb cue introduces a clause ("says there was ...") unless it is known to take an object
for (const entry of Object.values(CUE_LEXICON)) if (entry.kind === 'verb' && !OBJECT_CUES.has(entry.lemma)) CLAUSE_ONLY.add(entry.lemma);

/** The reporting lemma of a word form, or undefined. "made" counts only as part of "made it clear". */
export function cueLemma(word: string): string | undefined {
  const lower = word.toLowerCase().replace(/’/g, "'");
  const known = LEMMA_OF_FORM.get(lower);
  if (known) return known;
  const learnt = CUE_LEXICON[lower];
  return learnt?.kind === 'verb' && !MAKE_CLEAR_FORMS.has(lower) ? learnt.lemma : undefined;
}
