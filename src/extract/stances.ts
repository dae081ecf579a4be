// Stances: an actor's stated position for or against a proposal, action, policy or party. Read from what they are
// quoted or reported as saying (a polarity word and the phrase it governs in the parse), and from rejections and
// endorsements coded as events. Negation flips polarity; hedged proposals ("suggesting the possibility of") still
// count as support for what is proposed.
import type { Event, Quote, Span, Stance } from '../contract.js';
import { dependents, type Doc, type Token } from '../nlp/index.js';
import { issueLabel, type IssueLabel } from './issues.js';
import { tokensBetween, tokenStartingAt } from './lookup.js';

type Polarity = 'support' | 'oppose';

/** Words that take a position on what they govern: verbs on their object, adjectives on their subject. */
const POLARITY: Record<string, Polarity> = {};
const add = (polarity: Polarity, words: string[]) => words.forEach((w) => (POLARITY[w] = polarity));
add('oppose', [
  'reject', 'rejects', 'rejected', 'rejecting', 'oppose', 'opposes', 'opposed', 'opposing', 'refuse', 'refuses', 'refused',
  'condemn', 'condemns', 'condemned', 'denounce', 'denounced', 'veto', 'vetoed', 'block', 'blocked', 'dismiss', 'dismissed',
  'unacceptable', 'premature', 'dangerous', 'illegal', 'reckless', 'wrong', 'irresponsible', 'unjustified', 'provocative',
  'non-starter', 'threat', 'mistake', 'provocation', 'blackmail', 'pretext', 'precedent', 'regrettable', 'unnecessary',
  'objected', 'object', 'objects', 'protest', 'protested', 'criticised', 'criticized', 'warned', 'concern', 'fears',
]);
add('support', [
  'support', 'supports', 'supported', 'back', 'backs', 'backed', 'backing', 'welcome', 'welcomes', 'welcomed', 'endorse',
  'endorses', 'endorsed', 'favour', 'favours', 'favor', 'favors', 'propose', 'proposes', 'proposed', 'proposing',
  'suggest', 'suggests', 'suggested', 'suggesting', 'urge', 'urges', 'urged', 'want', 'wants', 'wanted', 'need', 'needs',
  'require', 'requires', 'necessity', 'necessary', 'essential', 'important', 'possibility', 'optimism', 'appoint',
  'participate', 'agree', 'agreed', 'ready', 'willing', 'open', 'sign', 'accept', 'accepts', 'accepted', 'praise',
  'praised', 'called', 'call', 'demand', 'demanded', 'offer', 'offered', 'insist', 'insisted',
]);

const NEGATORS = new Set(['not', "n't", 'n’t', 'never', 'no', 'nobody', 'without']);
const GOVERNED = new Set(['obj', 'nsubj', 'nsubj:pass', 'xcomp', 'ccomp', 'nmod', 'obl', 'csubj']);

export function findStances(doc: Doc, quotes: Quote[], events: Event[]): Stance[] {
  const children = dependents(doc);
  const stances: Array<Omit<Stance, 'id'> & { issueId: string }> = [];
  const seen = new Set<string>();
  const push = (holder: string, found: { issue: IssueLabel; polarity: Polarity }, evidence: Span, quote: string | null) => {
    const key = `${holder}|${found.issue.id}|${found.polarity}|${evidence.start}`;
    if (seen.has(key)) return;
    seen.add(key);
    stances.push({ holder, issue: found.issue.label, issueId: found.issue.id, polarity: found.polarity, evidence, quote });
  };
  for (const quote of quotes) {
    if (!quote.speaker) continue;
    const tokens = tokensBetween(doc, quote.content.start, quote.content.end);
    const cue = quote.cue ? tokenStartingAt(doc, quote.cue.start) : undefined;
    for (const found of positionsIn(doc, children, tokens, cue)) push(quote.speaker, found, quote.content, quote.id);
  }
  // a rejection or endorsement reported as an event ("Russia rejects NATO troop deployment")
  for (const event of events) {
    if (event.modality !== 'asserted' || event.negated || event.source.length === 0) continue;
    if (event.type !== 'REJECT') continue;
    const tokens = tokensBetween(doc, event.evidence.start, event.evidence.end);
    const trigger = tokens.find((t) => t.upos === 'VERB' && POLARITY[t.text.toLowerCase()] === (event.type === 'REJECT' ? 'oppose' : 'support'));
    if (!trigger) continue;
    const found = positionAt(doc, children, trigger, tokens);
    if (!found) continue;
    for (const holder of event.source) {
      const sentence = doc.sentences[trigger.sentence]!;
      push(holder, found, { start: sentence.start, end: sentence.end, text: doc.text.slice(sentence.start, sentence.end) }, null);
    }
  }
  return stances.map(({ issueId: _id, ...s }, i) => ({ id: `s${i + 1}`, ...s }));
}

/** "without us", "without Ukraine": being left out is objected to. */
function isExclusion(doc: Doc, token: Token): boolean {
  const next = doc.tokens[token.i + 1];
  return token.text.toLowerCase() === 'without' && !!next && (next.upos === 'PRON' || next.upos === 'PROPN');
}


/** Every position taken in a statement: its polarity words (and the cue's, "deemed ... premature") with their phrases. */
function positionsIn(doc: Doc, children: Token[][], tokens: Token[], cue: Token | undefined): Array<{ issue: IssueLabel; polarity: Polarity }> {
  const found: Array<{ issue: IssueLabel; polarity: Polarity }> = [];
  // opposition words first: "we want a fair resolution where nobody decides without us" is an objection
  const opposes = (t: Token) => POLARITY[t.text.toLowerCase()] === 'oppose' || isExclusion(doc, t);
  const ordered = [...tokens].sort((a, b) => Number(opposes(b)) - Number(opposes(a)));
  const candidates = cue ? [cue, ...ordered] : ordered;
  for (const token of candidates) {
    if (!POLARITY[token.text.toLowerCase()] && !isExclusion(doc, token)) continue;
    const position = positionAt(doc, children, token, tokens);
    // one position per statement: the first polarity word that governs a phrase
    if (position) return [position];
  }
  return found;
}

/** The phrase a polarity word governs, its label, and the polarity after negation. */
function positionAt(doc: Doc, children: Token[][], trigger: Token, scope: Token[]): { issue: IssueLabel; polarity: Polarity } | null {
  let polarity = POLARITY[trigger.text.toLowerCase()] ?? 'oppose';
  const inScope = new Set(scope.map((t) => t.i));
  const negated = [trigger, trigger.head >= 0 ? doc.tokens[trigger.head]! : null]
    .filter((t): t is Token => !!t)
    .some((t) => children[t.i]!.some((c) => (c.deprel === 'advmod' || c.deprel === 'det' || c.deprel === 'aux') && NEGATORS.has(c.text.toLowerCase())));
  if (negated && trigger.text.toLowerCase() !== 'without') polarity = polarity === 'support' ? 'oppose' : 'support';
  const phrase = governedPhrase(doc, children, trigger, inScope);
  if (phrase.length === 0) return null;
  const issue = issueLabel(phrase.map((t) => ({ text: t.text, upos: t.upos })));
  return issue ? { issue, polarity } : null;
}

/**
 * What the polarity word is about: a verb's object or clause, an adjective's or noun's subject ("X poses a threat",
 * "X is premature"), a noun's "of" complement ("the possibility of deploying troops"); in word order when the
 * parse gives nothing.
 */
function governedPhrase(doc: Doc, children: Token[][], trigger: Token, inScope: Set<number>): Token[] {
  const kids = children[trigger.i]!;
  // "decisions made without us": the action taken without someone is the issue
  if (trigger.text.toLowerCase() === 'without' && trigger.head >= 0) {
    const phrase = doc.tokens[trigger.head]!;
    const action = phrase.head >= 0 ? doc.tokens[phrase.head]! : phrase;
    return subtree(children, action).filter((t) => inScope.size === 0 || inScope.has(t.i));
  }
  const pick = (relations: string[]) => kids.find((c) => relations.includes(c.deprel) && (inScope.has(c.i) || inScope.size === 0));
  let head: Token | undefined;
  if (trigger.upos === 'VERB') head = pick(['obj', 'xcomp', 'ccomp', 'obl']);
  else if (trigger.upos === 'NOUN') head = pick(['nmod', 'acl']) ?? subjectOfPredicate(doc, children, trigger);
  else if (trigger.upos === 'ADJ') head = subjectOfPredicate(doc, children, trigger) ?? pick(['obl', 'xcomp', 'ccomp']);
  if (!head && trigger.head >= 0) {
    // "deemed talk of sending troops ... premature": the adjective's host verb has the phrase as object
    const host = doc.tokens[trigger.head]!;
    head = children[host.i]!.find((c) => GOVERNED.has(c.deprel) && c !== trigger && c.i !== trigger.i && !['nsubj'].includes(c.deprel) && inScope.has(c.i));
  }
  if (head) {
    // "accept NATO forces in Ukraine": a place hung on the verb still belongs to what is accepted
    const places = trigger.upos === 'VERB' ? kids.filter((c) => c.deprel === 'obl' && c.i > head!.i && c.upos === 'PROPN') : [];
    return [...subtree(children, head), ...places.flatMap((p) => subtree(children, p))].filter((t) => inScope.size === 0 || inScope.has(t.i)).sort((a, b) => a.i - b.i);
  }
  // word order: the rest of the clause after the trigger
  const after: Token[] = [];
  for (let k = trigger.i + 1; k < doc.tokens.length && after.length < 10; k++) {
    const t = doc.tokens[k]!;
    if (t.sentence !== trigger.sentence || /^[,.;:!?]$/.test(t.text) || (inScope.size > 0 && !inScope.has(k))) break;
    after.push(t);
  }
  return after;
}

function subjectOfPredicate(doc: Doc, children: Token[][], predicate: Token): Token | undefined {
  const own = children[predicate.i]!.find((c) => c.deprel === 'nsubj' || c.deprel === 'nsubj:pass');
  if (own) return own;
  // "X poses a threat": the noun is the object of a verb whose subject is X
  if (predicate.head >= 0 && predicate.deprel === 'obj') {
    return children[predicate.head]!.find((c) => c.deprel === 'nsubj' || c.deprel === 'csubj');
  }
  return undefined;
}

function subtree(children: Token[][], head: Token): Token[] {
  const out: Token[] = [];
  const stack = [head];
  while (stack.length) {
    const t = stack.pop()!;
    out.push(t);
    // a gerund complement is the substance ("talk of sending troops"); a purpose clause is not ("backing to prevent ...")
    for (const c of children[t.i]!) if (!['punct', 'acl:relcl', 'advcl', 'parataxis'].includes(c.deprel) && (c.deprel !== 'acl' || /ing$/i.test(c.text))) stack.push(c);
  }
  return out.sort((a, b) => a.i - b.i).slice(0, 14);
}
