// Reporting frames: a word together with the syntactic link to what it reports. "said" + clausal complement,
// "supports" + object, "referring" + to-phrase, "declined" + infinitive, "..., he said" + the clause it hangs from.
// Two things are learnt from PolNeAR train (train/frames.ts -> frame-lexicon.ts): whether a frame reports anything,
// and where the reported words end: which phrases hanging from the reported head stay out ("..., mocking his
// rival") and which phrases of the cue come in ("expressed concern | over the decision"). The same candidate spans
// are built here for training and for extraction, so that what was measured is what is produced.
import type { Span } from '../contract.js';
import type { Doc, Token } from '../nlp/index.js';
import { cueLemma } from './cues.js';
import { FRAME_EDGES, FRAME_LEXICON, FRAME_RELATIONS, FRAME_WORDS } from './frame-lexicon.js';

export interface FrameCandidate {
  /** lemma|coarse POS|relation, the look-up key of FRAME_LEXICON. */
  key: string;
  /** The relation alone ("ccomp>", "obl:to>", "^parataxis<"), the context of FRAME_EDGES keys. */
  relation: string;
  /** Head of the reported words; for a "^" relation the word the cue hangs from. */
  head: Token;
  span: Span;
}

/** Dependents that belong to the cue's own phrase or its speaker, never to what is reported. */
export const NOT_REPORTED: ReadonlySet<string> = new Set([
  'punct', 'aux', 'aux:pass', 'cop', 'mark', 'case', 'det', 'cc', 'nsubj', 'nsubj:pass', 'expl', 'compound:prt', 'advmod',
  'nmod:poss', 'amod', 'compound', 'nummod', 'fixed', 'flat', 'goeswith', 'reparandum', 'discourse', 'vocative', 'dep',
  'det:predet', 'nmod:tmod', 'obl:tmod', 'nmod:npmod', 'obl:npmod', 'cc:preconj', 'list', 'orphan',
]);
const SUBJECTS = new Set(['nsubj', 'nsubj:pass']);
/** Relations whose preposition or conjunction says what the phrase is ("referring to", "worried about"). */
const MARKED = new Set(['obl', 'nmod', 'advcl', 'acl']);
const CUE_POS = new Set(['VERB', 'NOUN', 'ADJ', 'ADV', 'ADP', 'PROPN', 'AUX']);
const TOPIC_PREPOSITIONS = new Set(['about', 'over', 'on', 'for', 'against', 'regarding', 'toward', 'towards', 'at', 'with']);
/** An edge decision needs this many training cases; below it the phrase stays as the parse has it. */
export const EDGE_MIN_CASES = 5;

const isEdgePunct = (t: Token) => /^[,.;:!?"“”'’‘()\-—–]+$|^''$|^``$/.test(t.text);

/** A frame key: lemma, coarse part of speech and relation. */
export function frameKey(token: Token, relation: string): string {
  const pos = token.upos === 'AUX' ? 'VERB' : token.upos === 'PROPN' ? 'NOUN' : token.upos;
  return `${token.lemma.toLowerCase()}|${pos}|${relation}`;
}

/** A dependent's relation with its preposition or conjunction, or -ing/-ed for a bare participle clause. */
export function relationOf(children: Token[][], dependent: Token): string {
  if (!MARKED.has(dependent.deprel)) return dependent.deprel;
  const m = children[dependent.i]!.find((c) => (c.deprel === 'case' || c.deprel === 'mark') && c.i < dependent.i);
  if (m) return `${dependent.deprel}:${m.text.toLowerCase().replace(/’/g, "'")}`;
  if (dependent.xpos === 'VBG') return `${dependent.deprel}:-ing`;
  if (dependent.xpos === 'VBN') return `${dependent.deprel}:-ed`;
  return dependent.deprel;
}

/**
 * The keys of a phrase at the edge of reported words, most specific first: context relation, the phrase's
 * relation (with its preposition or conjunction, then without), side, and a comma before it.
 */
export function edgeKeys(doc: Doc, children: Token[][], context: string, phrase: Token, anchor: Token, words: Token[]): string[] {
  // the phrase's own commas are often attached inside it: look before its first word
  const first = words.find((t) => !isEdgePunct(t)) ?? words[0]!;
  const comma = doc.tokens[first.i - 1]?.text === ',' ? ',' : '';
  const side = phrase.i < anchor.i ? '<' : '>';
  const marked = relationOf(children, phrase);
  const keys = [`${context}|${marked}${side}${comma}`];
  if (marked !== phrase.deprel) keys.push(`${context}|${phrase.deprel}${side}${comma}`);
  return keys;
}

/** Tokens of a subtree, skipping the subtrees rooted at `skip`. */
export function subtree(children: Token[][], head: Token, skip: (t: Token) => boolean = () => false): Token[] {
  const members: Token[] = [];
  const stack = [head];
  while (stack.length) {
    const t = stack.pop()!;
    if (t !== head && skip(t)) continue;
    members.push(t);
    stack.push(...children[t.i]!);
  }
  return members.sort((a, b) => a.i - b.i);
}

/** The contiguous run of `members` that holds `anchor`, trimmed of edge punctuation, as a span. */
export function runSpan(doc: Doc, members: Token[], anchor: Token): Span | null {
  const at = members.indexOf(anchor);
  if (at < 0) return null;
  let first = at;
  let last = at;
  while (first > 0 && members[first - 1]!.i === members[first]!.i - 1) first--;
  while (last + 1 < members.length && members[last + 1]!.i === members[last]!.i + 1) last++;
  while (first <= last && isEdgePunct(members[first]!)) first++;
  while (last >= first && isEdgePunct(members[last]!)) last--;
  if (first > last) return null;
  const start = members[first]!.start;
  const end = members[last]!.end;
  return { start, end, text: doc.text.slice(start, end) };
}

/** Edge key -> [share of training cases where the phrase was part of the reported words, cases]. */
export type EdgeTable = Readonly<Record<string, readonly [share: number, cases: number]>>;

/** Decision of an edge table (the most specific key it knows): true to keep a phrase, false to leave it out, undefined when unknown. */
function learntInclusion(edges: EdgeTable, keys: string[]): boolean | undefined {
  for (const key of keys) {
    const entry = edges[key];
    if (entry && entry[1] >= EDGE_MIN_CASES) return entry[0] >= 0.5;
  }
  return undefined;
}

/**
 * The words a frame reports: the head's subtree, less the phrases hanging from the head that the edge table
 * leaves out, plus the cue's other phrases that it brings in; the run holding the head.
 */
function reportedWords(doc: Doc, children: Token[][], cue: Token, head: Token, relation: string, edges: EdgeTable | null): Span | null {
  const headOfCue = cue.head === head.i;
  const dropped = new Set<number>();
  if (edges) {
    for (const child of children[head.i]!) {
      if (child === cue || child.deprel === 'punct') continue;
      if (learntInclusion(edges, edgeKeys(doc, children, relation, child, head, subtree(children, child))) === false) dropped.add(child.i);
    }
  }
  const members = subtree(children, head, (t) => t === cue || dropped.has(t.i));
  if (edges && !headOfCue) {
    const bareNoun = head.deprel === 'obj' && members.length <= 3 && members.every((t) => t === head || ['det', 'amod', 'compound', 'nmod:poss'].includes(t.deprel));
    for (const sibling of children[cue.i]!) {
      if (sibling === head || NOT_REPORTED.has(sibling.deprel)) continue;
      // "said the talks were useful and added, “...”": a reporting verb joined to the cue reports its own words
      if (sibling.deprel === 'conj' && cueLemma(sibling.text) !== undefined) continue;
      const phrase = subtree(children, sibling);
      // "voiced optimism | about the talks", "expressed concern | over the decision": what a bare feeling or stance
      // noun is about belongs to it, wherever the parser attached it
      const topic = bareNoun && (sibling.deprel === 'obl' || sibling.deprel === 'advcl') && phrase[0]!.i === members[members.length - 1]!.i + 1 && TOPIC_PREPOSITIONS.has(phrase[0]!.text.toLowerCase());
      // "deemed the talk as “completely premature”": words the writer puts in quote marks after the cue are the speaker's
      const quoted = sibling.i > head.i && phrase.some((t) => /^(“|"|``|'')$/.test(t.text));
      if (topic || quoted || learntInclusion(edges, edgeKeys(doc, children, 'sibling:' + relation, sibling, head, phrase)) === true) members.push(...phrase);
    }
    members.sort((a, b) => a.i - b.i);
  }
  if (edges) {
    // ", adding ...", ", suggesting ...": a reporting participle after a comma starts an attribution of its own
    const next = members.findIndex((t) => t.i > head.i && t.xpos === 'VBG' && doc.tokens[t.i - 1]?.text === ',' && cueLemma(t.text) !== undefined);
    if (next >= 0) members.splice(next);
  }
  return runSpan(doc, members, head);
}

/**
 * Every span a token could be reporting: each of its dependents' subtrees, and the clause it hangs from, with
 * their edges as `edges` decides (null: the parse's subtrees as they are, for learning the edges).
 */
export function frameCandidates(doc: Doc, children: Token[][], token: Token, edges: EdgeTable | null = tables.edges): FrameCandidate[] {
  if (!CUE_POS.has(token.upos) || !/\p{L}/u.test(token.text)) return [];
  const out: FrameCandidate[] = [];
  for (const child of children[token.i]!) {
    // a subject can be what is reported: "the move was first reported by the Post", "a deal is expected"
    if (NOT_REPORTED.has(child.deprel) && !SUBJECTS.has(child.deprel)) continue;
    const relation = relationOf(children, child) + (child.i < token.i ? '<' : '>');
    const span = reportedWords(doc, children, token, child, relation, edges);
    if (span) out.push({ key: frameKey(token, relation), relation, head: child, span });
  }
  if (token.head >= 0 && !['punct', 'compound', 'fixed', 'flat', 'det', 'case', 'aux', 'cop'].includes(token.deprel)) {
    const head = doc.tokens[token.head]!;
    const relation = '^' + token.deprel + (head.i < token.i ? '<' : '>');
    const span = reportedWords(doc, children, token, head, relation, edges);
    if (span) out.push({ key: frameKey(token, relation), relation, head, span });
  }
  return out;
}

/** Frame key -> [precision, hits]. */
export type FrameTable = Readonly<Record<string, readonly [precision: number, hits: number]>>;

/**
 * The tables extraction reads: the generated ones, or others installed by train/frames.ts while it
 * cross-validates. Frames at least `threshold` precise on PolNeAR train (outside other contents) report speech.
 * Cross-validated on train (4 folds), quote F1 is flat from 0.3 to 0.5 (0.717 to 0.719) while precision rises
 * from 0.735 to 0.783: 0.45 takes the best F1 with most of that precision.
 */
const tables: { edges: EdgeTable; lexicon: FrameTable; relations: BackoffTable; lemmas: BackoffTable; threshold: number } = {
  edges: FRAME_EDGES,
  lexicon: FRAME_LEXICON,
  relations: FRAME_RELATIONS,
  lemmas: FRAME_WORDS,
  threshold: 0.45,
};

/** Relation, or lemma|POS -> back-off factor. */
export type BackoffTable = Readonly<Record<string, number>>;

/** A frame's precision: learnt, or for a frame too rare to be listed, its relation's rate times its word's ratio. */
function precisionOf(candidate: FrameCandidate): number {
  const learnt = tables.lexicon[candidate.key];
  if (learnt) return learnt[0];
  const word = candidate.key.slice(0, candidate.key.length - candidate.relation.length - 1);
  return Math.min(0.95, (tables.relations[candidate.relation] ?? 0) * (tables.lemmas[word] ?? 0));
}

/** Installs other tables (for cross-validation); returns the ones it replaced. */
export function useFrameTables(next: Partial<typeof tables>): typeof tables {
  const previous = { ...tables };
  Object.assign(tables, next);
  return previous;
}

/** The learnt [precision, hits] of a frame key, if it is in the lexicon. */
export function frameEntry(key: string): readonly [precision: number, hits: number] | undefined {
  return tables.lexicon[key];
}

/**
 * A frame whose word has a name or a personal pronoun as its subject ("Holm addressed the dispute") reports more
 * often than the same frame with another subject or none ("the report addressed ..."): on PolNeAR train, of the words
 * whose best frame lies between 0.3 and 0.45, about half report with such a subject and 0.34 to 0.46 otherwise.
 * Cross-validated on train (4 folds, frame threshold 0.45), this lower threshold for them gives quote P 0.764 R 0.715
 * against P 0.773 R 0.707 without it (F1 0.739 and 0.738; 0.35 gives 0.739, 0.2 gives 0.737): recall for the same F1.
 */
const NAMED_SUBJECT_THRESHOLD = 0.3;
const PERSONAL_PRONOUNS = /^(he|she|they|i|we)$/i;

/**
 * A name or a personal pronoun as the word's subject, or as the owner of a noun ("Holm's attack on the deal", "her
 * questions about it"); with owners too, the 4-fold figure at 0.45 becomes P 0.763 R 0.717 (F1 0.739).
 */
function namedSubject(children: Token[][], token: Token): boolean {
  const subject = children[token.i]!.find((c) => c.deprel === 'nsubj');
  const owner = token.upos === 'NOUN' ? children[token.i]!.find((c) => c.deprel === 'nmod:poss') : undefined;
  if (owner && (owner.upos === 'PROPN' || /^(his|her|their|my|our)$/i.test(owner.text))) return true;
  return !!subject && (subject.upos === 'PROPN' || PERSONAL_PRONOUNS.test(subject.text));
}

/** The most precise frame of a word in the learnt lexicon, if one reaches the threshold. */
export function bestFrame(doc: Doc, children: Token[][], token: Token): FrameCandidate | null {
  let best: FrameCandidate | null = null;
  let bestPrecision = 0;
  const named = namedSubject(children, token);
  for (const candidate of frameCandidates(doc, children, token)) {
    const precision = precisionOf(candidate);
    const threshold = named && !candidate.relation.startsWith('^') && candidate.head.deprel !== 'nsubj' ? NAMED_SUBJECT_THRESHOLD : tables.threshold;
    if (precision >= threshold && precision >= bestPrecision) {
      best = candidate;
      bestPrecision = precision;
    }
  }
  return best;
}
