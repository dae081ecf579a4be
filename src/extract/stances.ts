// Stances: an actor's stated position for or against a proposal, action, policy or party. A position is read from
// a frame in the parse: a verb of backing or refusal with what it governs ("rejects the plan", "called for talks",
// "would need to participate"), an evaluation predicated of the issue ("deemed talk of sending troops premature",
// "poses a direct threat", "a non-starter"), or a noun of stance with its complement ("concern over decisions",
// "the necessity of concessions", "no objection to British participation"). Negation flips the polarity ("will not
// accept" opposes); a frame inside a condition ("if Moscow refuses ...") is no position. The holder of a position
// in a quote is its speaker (also when the speaker says "we" or speaks of their own country); elsewhere it is the
// frame's subject, through coreference. The issue is a normalised label of what the frame governs (issues.ts),
// and one holder's position on one issue in one article is one stance, told by its most direct evidence.
import type { Event, Quote, Span, Stance } from '../contract.js';
import { dependents, ROLE_HEADS, type Doc, type Token } from '../nlp/index.js';
import type { ActorIndex } from './actors.js';
import { cueLemma } from './cues.js';
import { namesAnotherParty, phraseActors, type PhraseActors } from './events.js';
import { knownVerb, verbLemma } from './event-triggers.js';
import { issueLabel, type IssueLabel } from './issues.js';

type Polarity = 'support' | 'oppose';

interface VerbPosition {
  polarity: Polarity;
  /** The preposition or particle that introduces what the verb is about ("call for", "object to"). */
  particle?: string;
}

const VERBS = new Map<string, VerbPosition[]>();
function verbs(polarity: Polarity, lemmas: string, particle?: string): void {
  for (const lemma of lemmas.split(/\s+/)) VERBS.set(lemma, [...(VERBS.get(lemma) ?? []), { polarity, particle }]);
}
verbs('support', 'support back welcome endorse favour favor prefer defend propose suggest urge advocate champion praise hail applaud accept approve ratify sign recommend want need require seek demand participate appoint');
verbs('support', 'call push press argue', 'for');
// "called on Beijing to lift the ban": what the one called on is to do (governedBy takes the infinitive)
verbs('support', 'call appeal', 'on');
verbs('support', 'insist', 'on');
verbs('support', 'stand', 'behind');
verbs('support', 'agree', 'to');
// "would keep its ban", "maintain the sanctions", "extend the embargo": keeping a measure backs it (only a measure:
// "keep talking", "extend an invitation" are no positions)
verbs('support', 'keep maintain extend retain renew prolong preserve');
verbs('oppose', 'reject oppose refuse condemn denounce criticise criticize veto block dismiss resist decry deplore slam spurn rebuff');
verbs('oppose', 'fight');
verbs('oppose', 'fight', 'against');
verbs('oppose', 'object', 'to');
verbs('oppose', 'protest', 'against');
verbs('oppose', 'warn', 'against');
verbs('oppose', 'rule', 'out');
verbs('oppose', 'turn', 'down');

/** A verb's lemma among the verbs of position and of events (the tagger's lemmas undo "-ed" and "-ing" badly). */
function verbLemmaOf(token: Token): string {
  return verbLemma(token.text, (l) => VERBS.has(l) || EVALUATING.has(l) || knownVerb(l) || /^(pose|represent|constitute)$/.test(l)) ?? (token.lemma || token.text).toLowerCase();
}

/** Someone else's objections, which one can dismiss without taking a position against a thing called so. */
const CRITICISMS = new Set(`criticism criticisms accusation accusations allegation allegations claim claims charge charges complaint
  complaints concerns objections warnings fears doubts attacks suggestion suggestions`.split(/\s+/));
/** What one asks to know, not a position: "wanted more detail". */
const INFORMATION = new Set(['detail', 'details', 'information', 'clarity', 'clarification', 'clarifications', 'explanation', 'explanations', 'answers', 'data', 'assurances']);
/** Kinds of thing that say nothing of what is wanted unless something says what they are about: "a fair system". */
const VAGUE = new Set(['system', 'agreement', 'solution', 'solutions', 'deal', 'approach', 'framework', 'answer', 'response', 'way', 'action', 'change', 'changes', 'settlement', 'compromise', 'arrangement', 'mechanism', 'process', 'time']);
const KEEPING = new Set(['keep', 'maintain', 'extend', 'retain', 'renew', 'prolong', 'preserve']);
/** Measures one keeps or extends as a position on them. */
const MEASURES = new Set(`ban bans sanctions embargo embargoes tariff tariffs cap caps quota quotas tax taxes levy levies fee fees
  restrictions controls moratorium freeze subsidy subsidies limit limits exemption exemptions price pricing scheme
  programme program mission deployment blockade curbs measures policy law rules`.split(/\s+/));

/** What protesters block as a place: "blocked roads", "blocked the bridge". */
const PLACES_BLOCKED = new Set(['road', 'roads', 'bridge', 'bridges', 'street', 'streets', 'highway', 'highways', 'motorway', 'motorways',
  'tracks', 'port', 'ports', 'entrance', 'entrances', 'crossing', 'crossings', 'traffic', 'junction', 'junctions',
  'square', 'avenue', 'boulevard', 'tunnel', 'tunnels', 'runway', 'gates', 'access']);

/** Evaluations predicated of an issue: "X is premature", "deemed X unacceptable". */
const ADJECTIVES = new Map<string, Polarity>();
for (const w of `unacceptable premature dangerous illegal reckless irresponsible unjustified provocative wrong regrettable
  unnecessary counterproductive one-sided absurd unrealistic pointless destabilising destabilizing unfair unlawful
  misguided hostile aggressive inadmissible outrageous unworkable unjust illegitimate baseless groundless
  unconstitutional discriminatory cynical shameful disgraceful harmful short-sighted incompatible`.split(/\s+/)) ADJECTIVES.set(w, 'oppose');
for (const w of `necessary essential important welcome fair reasonable positive constructive acceptable vital crucial useful
  helpful balanced sensible overdue justified legitimate timely appropriate`.split(/\s+/)) ADJECTIVES.set(w, 'support');

/** Nouns predicated of an issue: "the plan is a non-starter", "called the deal a real achievement". */
const PREDICATE_NOUNS = new Map<string, Polarity>();
for (const w of 'non-starter mistake provocation threat blackmail pretext violation disaster insult farce sham disgrace outrage scandal travesty betrayal theft robbery piracy'.split(/\s+/)) PREDICATE_NOUNS.set(w, 'oppose');
for (const w of 'achievement breakthrough opportunity solution progress'.split(/\s+/)) PREDICATE_NOUNS.set(w, 'support');

/** Values an issue can be "a matter of": "a matter of fairness". */
const GOOD_VALUES = new Set(['fairness', 'justice', 'principle', 'survival', 'urgency', 'necessity', 'dignity', 'equity', 'decency', 'sovereignty', 'security', 'safety']);
for (const w of 'priority necessity lifeline must'.split(/\s+/)) PREDICATE_NOUNS.set(w, 'support');

/** "an important first step": a step so qualified is a good one. */
const GOOD_STEPS = new Set(['important', 'positive', 'significant', 'major', 'good', 'crucial', 'welcome', 'big', 'constructive', 'historic', 'encouraging']);

/** Nouns of stance whose complement is the issue: "concern over X", "the necessity of X", "support for X". */
const STANCE_NOUNS = new Map<string, Polarity>();
for (const w of 'concern concerns opposition objection objections criticism rejection fears doubts reservations misgivings'.split(/\s+/)) STANCE_NOUNS.set(w, 'oppose');
for (const w of 'support backing necessity need call calls importance endorsement'.split(/\s+/)) STANCE_NOUNS.set(w, 'support');

/** Verbs that predicate an evaluation of their object: "deemed X premature", "called X a non-starter". */
const EVALUATING = new Set(['deem', 'call', 'describe', 'consider', 'find', 'brand', 'label', 'regard', 'see', 'view', 'term', 'dub']);
const NEGATORS = new Set(['not', "n't", 'n’t', 'never', 'no', 'nobody', 'without']);
const FIRST_PERSON = new Set(['we', 'i', 'us', 'our', 'my', 'me']);
const LEFT_OUT = new Set(['punct', 'acl:relcl', 'advcl', 'parataxis', 'cc']);

interface Frame {
  polarity: Polarity;
  /** The words of what the position is about. */
  phrase: Token[];
  /** The token whose subject holds the position (a verb, or the verb an evaluation depends on). */
  holderOf: Token | null;
  /** Holders read from word order (a title-case headline), when the parse cannot give a subject. */
  holders?: string[];
  /** Words that say whose the issue is without being the issue (the subject of "would need to participate"). */
  owners?: Set<number>;
  /** "would need to", "would require": what should happen, in the speaker's own view. */
  speakersView?: boolean;
  /** Evidence that is not a clause of the parse (a title-case headline). */
  evidence?: Span;
  /** For an objection to being left out, the word for who is left out ("us", "Ukraine"). */
  excluded?: Token;
  /** The clause that states the position, for its evidence. */
  clause: Token;
  /** Opposition and exclusion come first when one statement could be read both ways. */
  rank: number;
  /** "proposed a road fee": proposing is no position (the labelling rules), but it names what later "the plan" is. */
  proposal?: boolean;
}

interface Context {
  doc: Doc;
  index: ActorIndex;
  quotes: Quote[];
  children: Token[][];
  actors: PhraseActors;
  /** Bodies named with a country that describes them ("Japanese fishing cooperatives"), not that country's side. */
  bodies: Set<string>;
}

export function findStances(doc: Doc, index: ActorIndex, quotes: Quote[], _events: Event[] = [], ignore: Array<{ start: number; end: number }> = []): Stance[] {
  const children = dependents(doc);
  const ctx: Context = { doc, index, quotes, children, actors: phraseActors(doc, index, quotes, children), bodies: new Set() };
  const isIgnored = (t: Token) => ignore.some((r) => t.start < r.end && t.end > r.start);
  const found: Array<Omit<Stance, 'id'> & { issueId: string; direct: boolean; order: number; planned: boolean; unplaced?: string; proposal?: boolean; pronoun?: boolean }> = [];
  // one position per statement: the quote (or the clause) is what a holder said about one thing
  const statements = new Map<string, { frame: Frame; issue: IssueLabel; holders: string[]; evidence: Span; quote: Quote | null; pronoun: boolean }>();
  for (const token of doc.tokens) {
    if (isIgnored(token)) continue;
    const read = readFrame(ctx, token) ?? readHeadline(ctx, token);
    if (!read || insideCondition(ctx, read.clause)) continue;
    const frame = undoes(ctx, read) ? { ...read, polarity: flip(read.polarity) } : read;
    const said = issueLabel(issueWords(ctx, frame).filter((_w, k) => frame.polarity === 'oppose' || !afterWithout(ctx, frame.phrase, k)));
    // "urged governments to adopt it before the summer": what "it" is, not "summer"
    const pronoun = frame.phrase.some((t) => /^(it|this|them)$/i.test(t.text) && t.upos === 'PRON' && t.deprel === 'obj' &&
      frame.phrase.some((v) => v.i === t.head && v.upos === 'VERB'));
    const issue = pronoun ? { id: 'pronoun', label: 'it' } : said;
    if (!issue) continue;
    const quote = quoteOf(ctx, token);
    const holders = holdersOf(ctx, frame, quote);
    const holder = holders[0];
    if (!holder) continue;
    // "without us", "without it" (said by Moscow's spokesman): one objects to one's own side being left out
    if (frame.excluded && !excludesHolder(ctx, frame.excluded, holder)) continue;
    const evidence = quote ? quote.content : frame.evidence ?? clauseSpan(ctx, frame.clause);
    const key = quote ? `q:${quote.id}` : `c:${frame.clause.i}`;
    const previous = statements.get(key);
    if (!previous || frame.rank < previous.frame.rank) statements.set(key, { frame, issue, holders, evidence, quote, pronoun });
  }
  let order = 0;
  for (const { frame, issue, holders, evidence, quote, pronoun } of statements.values()) {
    for (const holder of holders) found.push({ holder, issue: issue.label, issueId: issue.id, planned: !!issue.planned, unplaced: issue.unplaced, proposal: frame.proposal, pronoun, polarity: frame.polarity, evidence, quote: quote?.id ?? null, direct: quote?.kind === 'direct', order: order++ });
  }
  // "adopt it": "it" is what the position before it was about
  for (const s of [...found].sort((a, b) => a.evidence.start - b.evidence.start)) {
    if (!s.pronoun) continue;
    const earlier = found.filter((o) => !o.pronoun && o.evidence.start < s.evidence.start).sort((a, b) => a.evidence.start - b.evidence.start);
    // the nearest noun before "it" (in its sentence or the one before) that names an issue already discussed ("The
    // ban was put forward by ..., which urged governments to adopt it"), else the position just before
    const at = doc.tokens.findIndex((t) => t.start >= s.evidence.start);
    const from = at >= 0 ? doc.sentences[Math.max(0, doc.tokens[at]!.sentence - 1)]!.tokenStart : 0;
    let before = earlier.at(-1);
    for (let k = at - 1; k >= from; k--) {
      const t = doc.tokens[k]!;
      const match = t.upos === 'NOUN' ? earlier.filter((o) => o.issue.split(/\s+/).includes(t.text.toLowerCase().replace(/s$/, ''))).at(-1) : undefined;
      if (match) {
        before = match;
        break;
      }
    }
    if (before) Object.assign(s, { issue: before.issue, issueId: before.issueId, planned: before.planned, unplaced: before.unplaced });
  }
  const unresolved = new Set(found.filter((s) => s.issueId === 'pronoun'));
  found.splice(0, found.length, ...found.filter((s) => !unresolved.has(s)));
  // "this plan", "the proposal": a bare plan in an article that names what one plan is about is that plan
  const substances = new Map(found.filter((s) => s.planned).map((s) => [s.issue, s.issueId]));
  if (substances.size === 1) {
    const [label, id] = [...substances][0]!;
    for (const s of found) if (s.issue === 'plan') Object.assign(s, { issue: label, issueId: id });
  }
  // "the proposal", "the plan" otherwise: the plan the article last named with what it would do ("a plan to lend
  // Ukraine 140 billion euros ... Merz backed the proposal")
  const named = namedPlans(ctx, isIgnored);
  for (const s of found.sort((a, b) => a.evidence.start - b.evidence.start)) {
    if (s.issue !== 'plan') continue;
    const before = named.filter((p) => p.start < s.evidence.start).at(-1);
    if (before) {
      Object.assign(s, { issue: before.label, issueId: before.id });
      continue;
    }
    // a plan the article named only by what it is ("proposed a road fee ... Estonia criticised the plan", "backed
    // a cap on exports ... open to the idea"): the issue the article has discussed most up to here, the latest of
    // equals
    const counts = new Map<string, { label: string; n: number; last: number }>();
    const earlier = found.filter((o) => o.evidence.start < s.evidence.start && o.issue !== 'plan');
    for (const o of earlier) {
      // ("the cap" counts for "cap on lithium exports")
      const fuller = earlier.find((f) => f.issue.startsWith(`${o.issue} `)) ?? o;
      const c = counts.get(fuller.issueId) ?? { label: fuller.issue, n: 0, last: 0 };
      counts.set(fuller.issueId, { label: c.label, n: c.n + 1, last: Math.max(c.last, o.evidence.start) });
    }
    const best = [...counts].sort((a, b) => b[1].n - a[1].n || b[1].last - a[1].last)[0];
    if (best) Object.assign(s, { issue: best[1].label, issueId: best[0] });
  }
  // "the sanctions" in an article about sanctions on one country are those sanctions
  const placedAs = new Map<string, Map<string, string>>();
  for (const s of found) if (s.unplaced) placedAs.set(s.unplaced, (placedAs.get(s.unplaced) ?? new Map()).set(s.issue, s.issueId));
  for (const s of found) {
    const only = placedAs.get(s.issue);
    if (only?.size === 1) {
      const [label, id] = [...only][0]!;
      Object.assign(s, { issue: label, issueId: id });
    }
  }
  // one holder's position on one issue in one article is one stance, told by its most direct evidence
  const kept = new Map<string, (typeof found)[number]>();
  for (const s of found.sort((a, b) => a.evidence.start - b.evidence.start)) {
    // a proposal only named the issue for the positions that follow
    if (s.proposal) continue;
    const key = `${s.holder}|${s.issueId}|${s.polarity}`;
    const other = kept.get(key);
    if (!other || (s.direct && !other.direct)) kept.set(key, s);
  }
  return [...kept.values()]
    .sort((a, b) => a.evidence.start - b.evidence.start)
    .map(({ issueId: _i, direct: _d, order: _o, planned: _p, unplaced: _u, proposal: _r, pronoun: _n, ...s }, i) => ({ id: `s${i + 1}`, ...s }));
}

// ---------------------------------------------------------------------------------------------------------------
// Frames

function readFrame(ctx: Context, token: Token): Frame | null {
  const { children } = ctx;
  const lower = token.text.toLowerCase();
  // "nobody makes decisions without us": being left out is objected to
  if (lower === 'without' && isExclusion(ctx, token)) {
    const phrase = token.head >= 0 ? ctx.doc.tokens[token.head]! : token;
    const action = phrase.head >= 0 ? ctx.doc.tokens[phrase.head]! : phrase;
    return { polarity: 'oppose', phrase: [...words(ctx, action), token], holderOf: null, clause: action, rank: 0, excluded: ctx.doc.tokens[token.i + 1] };
  }
  const predicative = predicativePosition(ctx, token);
  if (predicative) return predicative;
  // "we need investment, not restrictions": what is set against the position's object takes the other side
  if (contrasted(ctx, token)) {
    const object = ctx.doc.tokens[token.head]!;
    const verb = object.upos === 'VERB' ? object : object.head >= 0 ? ctx.doc.tokens[object.head]! : null;
    const position = verb && verb.upos === 'VERB' && VERBS.has(verbLemmaOf(verb)) ? readFrame(ctx, verb) : null;
    if (!position || position.proposal) return null;
    const polarity = flip(position.polarity);
    const phrase = subtree(ctx, token, LEFT_OUT).filter((t) => !(t.head === token.i && t.deprel === 'advmod' && NEGATORS.has(t.text.toLowerCase())));
    return { ...position, polarity, phrase, owners: undefined, rank: polarity === 'oppose' ? 1 : 2 };
  }
  if (token.upos === 'VERB') {
    const lemma = verbLemmaOf(token);
    const positions = VERBS.get(lemma);
    if (!positions) return poses(ctx, token) ?? judged(ctx, token);
    // "the country's ability to resist", "a campaign to block": a verb describing a noun takes no position;
    // nor does a relative clause about someone unnamed ("operators that refuse to play by the rules"), nor
    // what would have happened ("a statement that would have endorsed the plan")
    if ((token.deprel === 'acl' && !toldThat(ctx, token)) || token.deprel === 'amod') return null;
    // "accused D66 of blocking a deal": what someone is accused of is not the accuser's position
    if (accusedOf(ctx, token)) return null;
    if (token.deprel === 'acl:relcl' && !ctx.index.mentions.some((m) => token.head >= m.tokenStart && token.head < m.tokenEnd)) return null;
    const aux = children[token.i]!.filter((c) => c.deprel.startsWith('aux')).map((c) => c.text.toLowerCase());
    if (aux.includes('would') && aux.includes('have')) return null;
    // "We are not asking anyone to accept Norwegian rules": not asking is no position on the rules
    const governor = token.head >= 0 ? ctx.doc.tokens[token.head]! : null;
    if (governor && token.deprel === 'xcomp' && /^(ask|urge|want|expect|tell|force|require|call|press)$/.test(verbLemmaOf(governor)) && negated(ctx, governor)) return null;
    const particles = particlesOf(ctx, token);
    const position = positions.find((p) => !p.particle || particles.has(p.particle));
    if (!position) return null;
    // "did not rule out backing a compromise", "refused to support the plan": a verb of backing that the position
    // verb governs is not part of the issue (its object is)
    const set = new Set(governedBy(ctx, token, position.particle).filter((t) => contrasted(ctx, t)).flatMap((t) => subtree(ctx, t, new Set())).map((t) => t.i));
    const phrase = governedBy(ctx, token, position.particle).filter((t) => !set.has(t.i) && !(t.head === token.i && t.deprel === 'xcomp' && t.upos === 'VERB' &&
      (VERBS.get(verbLemmaOf(t)) ?? []).some((p) => p.polarity === 'support' && !p.particle) && ctx.children[t.i]!.some((c) => c.deprel === 'obj')));
    if (phrase.length === 0) return null;
    // "dismissed the criticism", "rejected the accusations": refusing someone's criticism is no position on a
    // label "criticism"; criticism of something named ("rejected criticism of the cap") is backing that thing
    const rebutted = ctx.children[token.i]!.find((c) => c.deprel === 'obj' && CRITICISMS.has(c.text.toLowerCase()));
    if (rebutted && position.polarity === 'oppose') {
      const of = ctx.children[rebutted.i]!.find((c) => c.deprel.startsWith('nmod') && /^(of|over|about|against|on)$/.test(caseOf(ctx, c) ?? ''));
      if (!of) return null;
      const backs = negated(ctx, token) ? 'oppose' : 'support';
      return { polarity: backs, phrase: words(ctx, of), holderOf: token, clause: token, rank: backs === 'oppose' ? 1 : 2 };
    }
    // "wanted more detail on prices", "needed a fair system", "an agreement was needed": a want of information, or
    // of a kind of thing with nothing to say what it is, is no position
    if (/^(want|need|require|seek)$/.test(lemma)) {
      const wanted = ctx.children[token.i]!.find((c) => c.deprel === 'obj' || c.deprel === 'nsubj:pass');
      const lower = wanted?.text.toLowerCase() ?? '';
      const said = wanted && ctx.children[wanted.i]!.some((c) => /^(nmod|compound|acl)$/.test(c.deprel.split(':')[0]!) && c.deprel !== 'acl:relcl');
      // (a kind described only by a quality, "a fair system", "a political agreement"; a bare "wants a deal" may be
      // the deal under discussion)
      const qualified = wanted && ctx.children[wanted.i]!.some((c) => c.deprel === 'amod');
      if (wanted && (INFORMATION.has(lower) || (VAGUE.has(lower) && !said && qualified))) return null;
    }
    if (KEEPING.has(lemma)) {
      const object = ctx.children[token.i]!.find((c) => c.deprel === 'obj');
      if (!object || !MEASURES.has(object.text.toLowerCase())) return null;
    }
    // "students blocked three bridges": blocking a road or a bridge is an act on a place, no position on it
    if (lemma === 'block' && phrase.some((t) => PLACES_BLOCKED.has(t.text.toLowerCase()))) return null;
    const polarity = negated(ctx, token) ? flip(position.polarity) : position.polarity;
    const subjects = new Set(children[token.i]!.filter((c) => c.deprel === 'nsubj').flatMap((s) => subtree(ctx, s, LEFT_OUT)).map((t) => t.i));
    const speakersView = /^(need|require)$/.test(lemma);
    const proposal = lemma === 'propose' && polarity === 'support';
    return { polarity, phrase, holderOf: token, clause: token, rank: proposal ? 3 : polarity === 'oppose' ? 1 : 2, owners: subjects, speakersView, proposal };
  }
  if (token.upos === 'ADJ' && ADJECTIVES.has(lower)) return predicated(ctx, token, ADJECTIVES.get(lower)!);
  // the tagger takes "non-starter" for an adjective as often as for a noun
  if (token.upos === 'ADJ' && PREDICATE_NOUNS.has(lower)) return predicated(ctx, token, PREDICATE_NOUNS.get(lower)!);
  if (token.upos === 'NOUN' || token.upos === 'PROPN') {
    const goodStep = lower === 'step' && (/\b(right direction|forward)\b/i.test(textOf(ctx, token)) ||
      children[token.i]!.some((c) => c.deprel === 'amod' && GOOD_STEPS.has(c.text.toLowerCase())));
    // "the cap was a matter of fairness", "a question of survival": a value the issue is said to serve
    const value = /^(matter|question|issue)$/.test(lower) && children[token.i]!.some((c) => c.deprel.startsWith('nmod') && caseOf(ctx, c) === 'of' && GOOD_VALUES.has(c.text.toLowerCase()));
    if (PREDICATE_NOUNS.has(lower) || goodStep || value) {
      const frame = predicated(ctx, token, PREDICATE_NOUNS.get(lower) ?? 'support');
      if (frame) return frame;
    }
    if (STANCE_NOUNS.has(lower)) {
      const governor = token.head >= 0 ? ctx.doc.tokens[token.head]! : null;
      const introduces = (c: Token) => /^(of|to|for|over|about|on|against|with)$/.test(caseOf(ctx, c) ?? '');
      // "her opposition to Norway's plan", also when the parser hung "to Norway's plan" on the verb
      const complement = children[token.i]!.find((c) => (c.deprel.startsWith('nmod') || c.deprel === 'acl' || c.deprel === 'advcl') && introduces(c)) ??
        (governor ? children[governor.i]!.find((c) => c.deprel.startsWith('obl') && introduces(c) && c.i > token.i && subtree(ctx, c, LEFT_OUT)[0]!.i === token.i + 1) : undefined);
      if (!complement) return null;
      // ("dismissed criticism of the cap": the dismissing verb's frame reads it)
      if (governor?.upos === 'VERB' && token.deprel === 'obj' && CRITICISMS.has(lower) && (VERBS.get(verbLemmaOf(governor)) ?? []).some((p) => p.polarity === 'oppose' && !p.particle)) return null;
      const polarity = negated(ctx, token) ? flip(STANCE_NOUNS.get(lower)!) : STANCE_NOUNS.get(lower)!;
      // "her opposition", "Moscow's objection": the possessor holds it
      const possessor = children[token.i]!.find((c) => c.deprel === 'nmod:poss');
      const holders = possessor ? ctx.actors.actorsOf(possessor) : [];
      return { polarity, phrase: words(ctx, complement), holderOf: governor?.upos === 'VERB' ? governor : null, holders: holders.length ? holders : undefined, clause: governor ?? token, rank: polarity === 'oppose' ? 1 : 2 };
    }
  }
  return null;
}

/** The clause of what an accusation, a blame or a criticism says someone did ("accused X of blocking ..."). */
function accusedOf(ctx: Context, token: Token): boolean {
  if (!/^(advcl|acl)$/.test(token.deprel) || token.head < 0) return false;
  if (!ctx.children[token.i]!.some((c) => c.deprel === 'mark' && /^(of|for)$/i.test(c.text))) return false;
  let governor = ctx.doc.tokens[token.head]!;
  if (governor.upos !== 'VERB' && governor.head >= 0) governor = ctx.doc.tokens[governor.head]!;
  return /^(accuse|blame|criticise|criticize|condemn|charge|fault|slam|denounce|rebuke|castigate|praise|thank|commend|credit)$/.test(verbLemmaOf(governor));
}

/** Positions said with "be": "is opposed to X", "is supportive of X", "is open to X" (adjective and preposition). */
const PREDICATIVE = new Map<string, { polarity: Polarity; cases: string[] }>([
  ['opposed', { polarity: 'oppose', cases: ['to'] }], ['hostile', { polarity: 'oppose', cases: ['to'] }],
  ['averse', { polarity: 'oppose', cases: ['to'] }], ['sceptical', { polarity: 'oppose', cases: ['of', 'about'] }],
  ['skeptical', { polarity: 'oppose', cases: ['of', 'about'] }], ['wary', { polarity: 'oppose', cases: ['of'] }],
  ['supportive', { polarity: 'support', cases: ['of'] }], ['open', { polarity: 'support', cases: ['to'] }],
  ['receptive', { polarity: 'support', cases: ['to'] }], ['committed', { polarity: 'support', cases: ['to'] }],
  ['favourable', { polarity: 'support', cases: ['to', 'towards'] }], ['favorable', { polarity: 'support', cases: ['to', 'toward'] }],
]);

/**
 * "Austria is against sending troops", "was opposed to the deployment", "is in favour of new sanctions", "remains
 * supportive of the mission": a position predicated of its holder with "be" (or "remain", "stay").
 */
function predicativePosition(ctx: Context, token: Token): Frame | null {
  const { children } = ctx;
  const kids = children[token.i]!;
  const governor = token.head >= 0 ? ctx.doc.tokens[token.head]! : undefined;
  const linked = kids.some((c) => /^(cop|aux:pass)$/.test(c.deprel)) || (token.deprel === 'xcomp' && !!governor && /^(remain|stay|seem|appear|become)$/.test(verbLemmaOf(governor)));
  const lower = token.text.toLowerCase();
  const frame = (polarity: Polarity, phrase: Token[]): Frame | null => {
    if (phrase.length === 0) return null;
    const holderOf = token.deprel === 'xcomp' && governor ? governor : token;
    return { polarity: negated(ctx, token) || negated(ctx, holderOf) ? flip(polarity) : polarity, phrase, holderOf, clause: holderOf, rank: polarity === 'oppose' ? 1 : 2 };
  };
  // "is against sending troops": the issue is the predicate itself, marked by "against"
  const against = kids.find((c) => /^(case|mark)$/.test(c.deprel) && /^against$/i.test(c.text) && c.i < token.i);
  if (against && kids.some((c) => c.deprel === 'cop')) {
    const own = new Set([against.i, ...kids.filter((c) => /^(cop|nsubj|punct|advmod|aux)$/.test(c.deprel) || (c.deprel === 'conj' && c.i > token.i)).flatMap((c) => subtree(ctx, c, new Set())).map((t) => t.i)]);
    return frame('oppose', subtree(ctx, token, LEFT_OUT).filter((t) => !own.has(t.i)));
  }
  // "is in favour of new sanctions"
  if (/^(favour|favor|support)$/.test(lower) && kids.some((c) => c.deprel === 'case' && /^in$/i.test(c.text)) && kids.some((c) => c.deprel === 'cop')) {
    const of = kids.find((c) => c.deprel.startsWith('nmod') && caseOf(ctx, c) === 'of');
    return of ? frame('support', words(ctx, of)) : null;
  }
  const reading = PREDICATIVE.get(lower);
  if (!reading || !linked || !(token.upos === 'ADJ' || token.upos === 'VERB')) return null;
  const about = kids.find((c) => /^(obl|nmod)/.test(c.deprel) && reading.cases.includes(caseOf(ctx, c) ?? ''));
  return about ? frame(reading.polarity, words(ctx, about)) : null;
}

/** "X poses a (direct) threat to Y": X is opposed. */
function poses(ctx: Context, verb: Token): Frame | null {
  if (verbLemmaOf(verb) !== 'pose' && verbLemmaOf(verb) !== 'represent' && verbLemmaOf(verb) !== 'constitute') return null;
  const threat = ctx.children[verb.i]!.find((c) => c.deprel === 'obj' && /^(threat|danger|risk|challenge)$/i.test(c.text));
  const subject = ctx.children[verb.i]!.find((c) => c.deprel === 'nsubj');
  if (!threat || !subject) return null;
  const polarity: Polarity = negated(ctx, verb) ? 'support' : 'oppose';
  return { polarity, phrase: words(ctx, subject), holderOf: null, clause: verb, rank: 1 };
}

const HARMS = new Set(['hurt', 'harm', 'damage', 'destroy', 'undermine', 'cripple', 'ruin', 'jeopardise', 'jeopardize', 'devastate', 'wreck', 'punish', 'penalise', 'penalize', 'endanger']);
const REMEDIES = new Set(['solve', 'fix', 'achieve', 'accomplish', 'change', 'resolve']);

/**
 * What something would do, said as a judgement of it: "this fee would hurt every small haulier" (a harm it would
 * do), "closing borders solves nothing" (what it does not achieve). Not a narrated fact ("the storm damaged roads").
 */
function judged(ctx: Context, verb: Token): Frame | null {
  const lemma = verbLemmaOf(verb);
  const kids = ctx.children[verb.i]!;
  const subject = kids.find((c) => c.deprel === 'nsubj' || c.deprel === 'csubj');
  const object = kids.find((c) => c.deprel === 'obj');
  if (!subject || !object || subject.upos === 'PRON' || ctx.index.mentions.some((m) => subject.i >= m.tokenStart && subject.i < m.tokenEnd)) return null;
  const modal = kids.some((c) => c.deprel === 'aux' && /^(would|will|could|can|might|may)$/i.test(c.text)) || /^(VBZ|VBP)$/.test(verb.xpos);
  if (!modal || verb.deprel === 'acl:relcl' || verb.deprel === 'acl') return null;
  let polarity: Polarity;
  if (HARMS.has(lemma)) polarity = 'oppose';
  else if (REMEDIES.has(lemma) && /^nothing$/i.test(object.text)) polarity = 'oppose';
  else return null;
  if (negated(ctx, verb)) polarity = flip(polarity);
  return { polarity, phrase: words(ctx, subject), holderOf: null, clause: verb, rank: polarity === 'oppose' ? 1 : 2 };
}

/** An evaluation of something: "X is premature" (its subject), "deemed X (as) premature" (the verb's object). */
function predicated(ctx: Context, predicate: Token, polarity: Polarity): Frame | null {
  const { children, doc } = ctx;
  // "called the plan unrealistic" read with the evaluation as a modifier after the noun: the noun is the issue
  const described = predicate.head >= 0 ? doc.tokens[predicate.head]! : null;
  const evaluator = described && described.deprel === 'obj' && described.head >= 0 ? doc.tokens[described.head]! : null;
  if (predicate.deprel === 'amod' && described && evaluator && predicate.i > described.i && EVALUATING.has(verbLemmaOf(evaluator))) {
    if (described.upos === 'PRON') return null;
    return { polarity: negated(ctx, evaluator) ? flip(polarity) : polarity, phrase: words(ctx, described).filter((t) => t !== predicate), holderOf: evaluator, clause: evaluator, rank: polarity === 'oppose' ? 1 : 2 };
  }
  // only an evaluation said of something, not a word describing a noun ("an important one")
  if (predicate.deprel === 'amod' || predicate.deprel === 'compound') return null;
  const own = children[predicate.i]!.find((c) => c.deprel === 'nsubj' || c.deprel === 'nsubj:pass');
  const governor = predicate.head >= 0 ? doc.tokens[predicate.head]! : null;
  let issue: Token | undefined = own;
  let holderOf: Token | null = null;
  let clause = predicate;
  // "seizing the assets would amount to theft": what amounts to it is what is judged
  if (!issue && governor && /^(amount|amounts|amounted|amounting)$/i.test(governor.text) && caseOf(ctx, predicate) === 'to') {
    issue = children[governor.i]!.find((c) => /^(nsubj|csubj)/.test(c.deprel));
    clause = governor;
  }
  if (!issue && governor && EVALUATING.has(verbLemmaOf(governor))) {
    issue = children[governor.i]!.find((c) => c.deprel === 'obj');
    holderOf = governor;
    clause = governor;
  }
  // "called the proposal “a non-starter”" with the evaluation hung elsewhere: the evaluating verb just before it
  if (!issue) {
    for (let k = predicate.i - 1; k >= Math.max(doc.sentences[predicate.sentence]!.tokenStart, predicate.i - 8); k--) {
      let t = doc.tokens[k]!;
      if (t.upos !== 'VERB') continue;
      // ("deemed talk of sending troops as premature", with "as premature" hung on "sending": the verb inside
      // the evaluated phrase leads up to the evaluating verb)
      for (let hops = 0; hops < 3 && !EVALUATING.has(verbLemmaOf(t)) && (t.deprel === 'acl' || t.deprel === 'xcomp') && t.head >= 0; hops++) {
        const up = doc.tokens[t.head]!;
        t = up.upos === 'VERB' ? up : up.head >= 0 ? doc.tokens[up.head]! : up;
      }
      if (EVALUATING.has(verbLemmaOf(t))) {
        issue = children[t.i]!.find((c) => c.deprel === 'obj' && c.i < predicate.i);
        holderOf = t;
        clause = t;
      }
      break;
    }
  }
  if (!issue || issue === predicate || issue.upos === 'PRON') return null;
  const negatedHere = negated(ctx, predicate) || (governor !== null && governor === holderOf && negated(ctx, governor));
  return { polarity: negatedHere ? flip(polarity) : polarity, phrase: words(ctx, issue), holderOf, clause, rank: polarity === 'oppose' ? 1 : 2 };
}

/**
 * Title-case headlines ("Russia Rejects NATO Troop Deployment in Ukraine") defeat the tagger: a position verb in
 * the third person after an actor holds a position on the words that follow, up to a colon.
 */
function readHeadline(ctx: Context, token: Token): Frame | null {
  const { doc } = ctx;
  const sentence = doc.sentences[token.sentence]!;
  const line = doc.tokens.slice(sentence.tokenStart, sentence.tokenEnd).filter((t) => /\p{L}/u.test(t.text));
  if (line.length < 3 || line.filter((t) => /^\p{Lu}/u.test(t.text)).length < line.length * 0.6) return null;
  if (token.upos === 'VERB' || !/^\p{Lu}\p{Ll}+s$/u.test(token.text)) return null;
  const lower = token.text.toLowerCase();
  const lemma = [lower.slice(0, -1), lower.slice(0, -2)].find((l) => VERBS.has(l));
  const position = lemma ? VERBS.get(lemma)!.find((p) => !p.particle) : undefined;
  if (!position || !ctx.index.mentions.some((m) => m.tokenEnd === token.i)) return null;
  const phrase: Token[] = [];
  for (let k = token.i + 1; k < sentence.tokenEnd && !/^[:;|–—-]$/.test(doc.tokens[k]!.text); k++) phrase.push(doc.tokens[k]!);
  if (phrase.length === 0) return null;
  const before = ctx.index.mentions.find((m) => m.tokenEnd === token.i)!;
  const start = doc.tokens[before.tokenStart]!.start;
  const end = phrase[phrase.length - 1]!.end;
  const evidence = { start, end, text: doc.text.slice(start, end) };
  return { polarity: position.polarity, phrase, holderOf: null, holders: [before.actor.id], clause: token, rank: position.polarity === 'oppose' ? 1 : 2, evidence };
}

/** What a position verb governs: its object, its complement clause, or the phrase behind its particle. */
function governedBy(ctx: Context, verb: Token, particle: string | undefined): Token[] {
  const kids = ctx.children[verb.i]!;
  // "urged Moscow to return to the table": what the addressee is asked to do is the issue, not the addressee
  const addressee = kids.find((c) => c.deprel === 'obj' && ctx.index.mentions.some((m) => c.i >= m.tokenStart && c.i < m.tokenEnd));
  // (also when the parser hangs the infinitive on the addressee: "urged the bloc to go further")
  const infinitive = (c: Token) => ctx.children[c.i]!.some((m) => m.deprel === 'mark' && m.text.toLowerCase() === 'to');
  // (or read as an adverbial clause right after the addressee: "urged his neighbours to place ...")
  const content = kids.find((c) => c.deprel === 'xcomp' || c.deprel === 'ccomp') ??
    (addressee ? kids.find((c) => c.deprel === 'advcl' && c.i > addressee.i && infinitive(c) && subtree(ctx, addressee, LEFT_OUT).at(-1)!.i + 2 === c.i) : undefined) ??
    (addressee ? ctx.children[addressee.i]!.find((c) => c.deprel === 'acl' && infinitive(c)) : undefined);
  const object = addressee && content ? undefined : kids.find((c) => c.deprel === 'obj' && c.upos !== 'PRON') ?? kids.find((c) => c.deprel === 'nsubj:pass');
  // ("called on Beijing to lift": the one called on is the addressee when an infinitive says what they are to do)
  const byParticle = particle && !(particle === 'on' && content) ? kids.find((c) => (c.deprel.startsWith('obl') || c.deprel === 'obj') && caseOf(ctx, c) === particle) : undefined;
  const head = byParticle ?? object;
  if (head) {
    // "accept NATO forces in Ukraine": a place hung on the verb still belongs to what is accepted
    const places = kids.filter((c) => c.deprel.startsWith('obl') && c.i > head.i && /^(in|to|into|on|against)$/.test(caseOf(ctx, c) ?? '') && c.upos === 'PROPN');
    const own = words(ctx, head);
    const end = Math.max(...own.map((t) => t.i));
    const complements = kids.filter((c) => c.deprel.startsWith('obl') && caseOf(ctx, c) === 'for' && subtree(ctx, c, LEFT_OUT)[0]!.i === end + 1);
    // "rejected calls to reopen the crossing" with the infinitive hung on the verb: what a call or a plan asks for
    // belongs to it
    const asks = PLAN_NOUNS.has(head.text.toLowerCase()) ? kids.filter((c) => /^(xcomp|advcl)$/.test(c.deprel) && infinitive(c) && subtree(ctx, c, LEFT_OUT)[0]!.i === end + 1) : [];
    return [...own, ...places.flatMap((p) => words(ctx, p)), ...complements.flatMap((p) => words(ctx, p)), ...asks.flatMap((p) => words(ctx, p))].sort((a, b) => a.i - b.i);
  }
  // "would need to participate in future discussions", "called on Moscow to return to the table", "proposing
  // that an observer mission monitor traffic" (whatever the tagger made of the clause's verb)
  if (content) {
    const subject = ctx.children[verb.i]!.filter((c) => c.deprel === 'nsubj');
    // "demand that the government publish all documents": who is to act is not what is demanded, when the act has
    // an object
    const contentKids = ctx.children[content.i]!;
    const actor = content.deprel === 'ccomp' && contentKids.some((c) => c.deprel === 'obj') ? contentKids.find((c) => c.deprel === 'nsubj') : undefined;
    const asked = actor ? new Set(subtree(ctx, actor, LEFT_OUT).map((t) => t.i)) : new Set<number>();
    return [...subject.flatMap((s) => words(ctx, s)), ...words(ctx, content).filter((t) => !asked.has(t.i))].sort((a, b) => a.i - b.i);
  }
  return [];
}

// ---------------------------------------------------------------------------------------------------------------
// Holders and evidence

/** "setting up the mission without Russian participation": the words of the without-phrase. */
function afterWithout(ctx: Context, phrase: Token[], k: number): boolean {
  const at = phrase.findIndex((t) => /^without$/i.test(t.text));
  return at >= 0 && k >= at;
}

/** The words of an issue with the actors they name, one word per actor mention ("European Union"). */
function issueWords(ctx: Context, frame: Frame): Array<{ text: string; upos: string; actor?: string; ownerOnly?: boolean }> {
  const out: Array<{ text: string; upos: string; actor?: string; ownerOnly?: boolean }> = [];
  let lastMention: unknown = null;
  for (const t of frame.phrase) {
    const mention = ctx.index.mentions.find((m) => t.i >= m.tokenStart && t.i < m.tokenEnd && (m.actor.type === 'country' || m.actor.type === 'organization'));
    if (mention) {
      if (mention === lastMention) continue;
      lastMention = mention;
      const text = ctx.doc.text.slice(ctx.doc.tokens[mention.tokenStart]!.start, ctx.doc.tokens[mention.tokenEnd - 1]!.end);
      out.push({ text, upos: 'PROPN', actor: mention.actor.name, ownerOnly: frame.owners?.has(t.i) });
      continue;
    }
    lastMention = null;
    out.push({ text: t.text, upos: t.upos, ownerOnly: frame.owners?.has(t.i) });
  }
  return out;
}

/** The actors named anywhere in a phrase, people first: "Iceland's own fisheries minister, Gudrun Ketilsdottir". */
function mentionsIn(ctx: Context, head: Token): string[] {
  const span = subtree(ctx, head, new Set(['acl:relcl', 'parataxis']));
  const ids = ctx.index.mentions.filter((m) => span.some((t) => t.i >= m.tokenStart && t.i < m.tokenEnd)).map((m) => m.actor);
  return [...new Set([...ids.filter((a) => a.type === 'person'), ...ids].map((a) => a.id))];
}

function excludesHolder(ctx: Context, excluded: Token, holder: string): boolean {
  if (FIRST_PERSON.has(excluded.text.toLowerCase())) return true;
  const actor = ctx.index.actors.find((a) => a.id === holder);
  const ids = ctx.actors.actorsOf(excluded);
  return ids.some((id) => id === holder || (!!actor?.country && ctx.index.actors.find((a) => a.id === id)?.country === actor.country));
}

/** The innermost quote a word belongs to (its content, or its cue): "X said ... as Y indicated she ...". */
function quoteOf(ctx: Context, token: Token): Quote | null {
  const holding = ctx.quotes.filter((q) => (q.content.start <= token.start && q.content.end >= token.end) || (q.cue && q.cue.start === token.start));
  return holding.sort((a, b) => a.content.end - a.content.start - (b.content.end - b.content.start))[0] ?? null;
}

/**
 * Who holds a position: in a quote, its speaker (the one quoted speaks for "we" and for their own country);
 * someone else's position reported in a quote is that actor's; elsewhere the subject of the frame.
 */
/** Every holder: coordinated subjects of a narrated position all hold it ("Norway, Iceland and Britain signed"). */
function holdersOf(ctx: Context, frame: Frame, quote: Quote | null): string[] {
  const first = holderOf(ctx, frame, quote);
  if (!first) return [];
  if (!frame.holderOf || frame.holders) return [first];
  const actorOf = (id: string) => ctx.index.actors.find((a) => a.id === id);
  const named = ctx.actors.subjectsOf(frame.holderOf).flatMap((s) => subjectActors(ctx, s));
  // "US Commerce Secretary Howard Lutnick": the country in a person's title is the person's, not a second holder
  const all = named.filter((id) => actorOf(id)?.type !== 'country' || !named.some((p) => actorOf(p)?.type === 'person' && actorOf(p)?.country === actorOf(id)?.country));
  return all.includes(first) ? [...new Set(all)] : [first];
}

/** Nouns for a body of people that a nationality or a country's name only describes ("Japanese fishing cooperatives"). */
const BODIES = new Set(`chamber chambers cooperative cooperatives co-operatives party parties union unions association associations
  federation federations confederation lobby industry farmers fishermen businesses companies firms employers producers
  exporters importers manufacturers organisations organizations carriers hauliers retailers`.split(/\s+/));

/**
 * The actors a subject names: "The Canadian Chamber of Commerce", "Japanese fishing cooperatives", "Kenya's main
 * opposition party" are the body, not the country that describes it (made an actor of its own when the entity
 * model missed it).
 */
function subjectActors(ctx: Context, head: Token): string[] {
  const actors = ctx.actors.actorsOf(head);
  if (!BODIES.has(head.text.toLowerCase()) || ctx.index.mentions.some((m) => head.i >= m.tokenStart && head.i < m.tokenEnd)) return actors;
  const country = actors.map((id) => ctx.index.actors.find((a) => a.id === id)).find((a) => a?.type === 'country');
  if (!country || actors.length !== 1) return actors;
  const kids = ctx.children[head.i]!;
  const before = kids.filter((c) => /^(amod|compound)$/.test(c.deprel) && c.i < head.i).map((c) => c.i);
  const first = Math.min(head.i, ...before);
  let last = head.i;
  // ("Chamber of Commerce": a capitalised name goes on with its "of" phrase)
  const of = kids.find((c) => c.deprel.startsWith('nmod') && c.i === head.i + 2 && caseOf(ctx, c) === 'of' && /^\p{Lu}/u.test(c.text));
  if (/^\p{Lu}/u.test(head.text) && of) last = of.i;
  const name = ctx.doc.tokens.slice(first, last + 1).map((t) => t.text).join(' ');
  const body = ctx.index.actorOnDemand('group', name, country.country ?? null, first, last + 1).id;
  ctx.bodies.add(body);
  return [body];
}

function holderOf(ctx: Context, frame: Frame, quote: Quote | null): string | null {
  if (frame.holders?.length) return frame.holders[0]!;
  // the cue of a quote ("..., suggesting the possibility of ...") takes the position of whoever is quoted
  const isCue = !!quote?.cue && frame.holderOf?.start === quote.cue.start;
  const subjects = frame.speakersView || isCue ? [] : frame.holderOf ? ctx.actors.subjectsOf(frame.holderOf).flatMap((s) => (FIRST_PERSON.has(s.text.toLowerCase()) ? [] : subjectActors(ctx, s))) : [];
  let speaker = quote?.speaker ?? null;
  // a quote whose speaker the quote layer left open ("..., suggesting the possibility of ..."): the cue's subject
  if (quote && !speaker && quote.cue) {
    // the reporting verb above the cue and its subject ("Starmer stated ..., suggesting ..."), else the nearest
    // clause above whose subject names an actor
    const cue = ctx.doc.tokens.find((x) => x.start === quote.cue!.start);
    const above: Token[] = [];
    for (let t = cue, hops = 0; t && hops < 6; hops++, t = t.head >= 0 ? ctx.doc.tokens[t.head] : undefined) above.push(t);
    const ownSubject = cue && ctx.children[cue.i]!.some((c) => c.deprel === 'nsubj' && (ctx.actors.actorsOf(c).length > 0 || mentionsIn(ctx, c).length > 0));
    const reporter = ownSubject ? cue : above.slice(1).find((t) => t.upos === 'VERB' && cueLemma(t.text) && ctx.children[t.i]!.some((c) => c.deprel === 'nsubj'));
    for (const t of reporter ? [reporter] : above) {
      const subject = ctx.children[t.i]!.find((c) => c.deprel === 'nsubj');
      const parsed = subject ? subjectActors(ctx, subject) : [];
      const actors = parsed.length || !subject || namesAnotherParty(subject) ? parsed : mentionsIn(ctx, subject);
      if (actors.length) {
        speaker = actors.find((id) => ctx.index.actors.find((a) => a.id === id)?.type === 'person') ?? actors[0]!;
        break;
      }
    }
  }
  const subjectHeadsAll = frame.holderOf ? ctx.actors.subjectsOf(frame.holderOf) : [];
  const unresolvedPerson = subjectHeadsAll.some((h) => /^(he|she)$/i.test(h.text)) && subjects.length === 0;
  if (speaker && unresolvedPerson && ctx.index.actors.find((a) => a.id === speaker)?.type !== 'person') return null;
  if (speaker) {
    const speakerActor = ctx.index.actors.find((a) => a.id === speaker);
    // "Iceland's own fisheries minister rejected ...", reported by the foreign minister: another official's position
    const subjectHeads = frame.holderOf ? ctx.actors.subjectsOf(frame.holderOf) : [];
    const anotherOfficial = subjectHeads.some((h) => ROLE_HEADS.has(h.text.toLowerCase()));
    const ownSide = !anotherOfficial && subjects.every((id) => {
      const actor = ctx.index.actors.find((a) => a.id === id);
      return id === speaker || (actor?.type !== 'person' && !ctx.bodies.has(id) && !!actor?.country && actor.country === speakerActor?.country);
    });
    if (subjects.length === 0 || ownSide) return speaker;
    return subjects[0]!;
  }
  return subjects[0] ?? null;
}

function clauseSpan(ctx: Context, clause: Token): Span {
  const tokens = subtree(ctx, clause, new Set(['parataxis', 'conj', 'cc', 'punct']));
  const first = tokens[0] ?? clause;
  const last = tokens[tokens.length - 1] ?? clause;
  return { start: first.start, end: last.end, text: ctx.doc.text.slice(first.start, last.end) };
}

/** "if Moscow kept refusing to cooperate": a position under a condition is not taken. */
function insideCondition(ctx: Context, clause: Token): boolean {
  for (let t = clause, hops = 0; hops < 5; hops++) {
    if (ctx.children[t.i]!.some((c) => c.deprel === 'mark' && /^(if|unless|until|whether)$/i.test(c.text))) return true;
    if (t.head < 0) return false;
    t = ctx.doc.tokens[t.head]!;
  }
  return false;
}

/** Plans named with what they are about or would do, in text order: "a plan to lend Ukraine 140 billion euros". */
function namedPlans(ctx: Context, isIgnored: (t: Token) => boolean): Array<{ start: number; label: string; id: string }> {
  const out: Array<{ start: number; label: string; id: string }> = [];
  for (const token of ctx.doc.tokens) {
    if (!/^(plan|proposal|initiative|scheme|offer|package)$/i.test(token.text) || token.upos !== 'NOUN' || isIgnored(token)) continue;
    const phrase = subtree(ctx, token, LEFT_OUT).sort((a, b) => a.i - b.i).filter((t) => t.i >= token.i).slice(0, 12);
    const issue = issueLabel(phrase.map((t) => ({ text: t.text, upos: t.upos })));
    if (issue && issue.label !== 'plan') out.push({ start: token.start, label: issue.label, id: issue.id });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// Parse helpers

const PLAN_NOUNS = new Set(['plan', 'plans', 'proposal', 'proposals', 'offer', 'offers', 'scheme', 'initiative', 'bid', 'move', 'decision', 'agreement', 'deal', 'call', 'calls', 'demand', 'demands', 'request', 'attempt', 'effort', 'efforts', 'idea']);

/** Nouns for doing something that say what only in their infinitive: "steps to raise revenue". */
const DOINGS = new Set(['step', 'steps', 'measures', 'moves', 'efforts', 'action', 'actions']);

function words(ctx: Context, head: Token): Token[] {
  const doing = DOINGS.has(head.text.toLowerCase()) ? ctx.children[head.i]!.find((c) => c.deprel === 'acl' && ctx.children[c.i]!.some((m) => m.deprel === 'mark' && /^to$/i.test(m.text))) : undefined;
  if (doing) return subtree(ctx, doing, LEFT_OUT).slice(0, 16);
  // a gerund complement is the substance ("talk of sending troops"); a purpose or relative clause is not
  return subtree(ctx, head, LEFT_OUT).slice(0, 16);
}

function subtree(ctx: Context, head: Token, skip: Set<string>): Token[] {
  const out: Token[] = [];
  const stack = [head];
  while (stack.length) {
    const t = stack.pop()!;
    out.push(t);
    for (const c of ctx.children[t.i]!) {
      // a coordinated clause is another statement; coordinated nouns are one issue ("expansion ..., and membership")
      // ("a deal that would protect food stockpiles": what a proposal would do, said in a relative clause, is what
      // it is)
      const wouldDo = c.deprel === 'acl:relcl' && PLAN_NOUNS.has(t.text.toLowerCase()) && ctx.children[c.i]!.some((m) => m.deprel === 'aux' && /^would$/i.test(m.text));
      if ((skip.has(c.deprel) && !wouldDo) || (c.deprel === 'conj' && c.upos === 'VERB')) continue;
      // "a plan to fill the dam", "an offer to mediate": what a plan would do is what it is
      const planContent = PLAN_NOUNS.has(t.text.toLowerCase()) && ctx.children[c.i]!.some((m) => m.deprel === 'mark' && m.text.toLowerCase() === 'to');
      if (c.deprel !== 'acl' || /ing$/i.test(c.text) || c.xpos === 'VBN' || planContent) stack.push(c);
    }
  }
  return out.sort((a, b) => a.i - b.i);
}

function caseOf(ctx: Context, token: Token): string | undefined {
  const own = ctx.children[token.i]!.find((c) => c.deprel === 'case' || c.deprel === 'mark');
  return own?.text.toLowerCase();
}

function particlesOf(ctx: Context, verb: Token): Set<string> {
  const found = new Set<string>();
  for (const c of ctx.children[verb.i]!) {
    if (c.deprel === 'compound:prt') found.add(c.text.toLowerCase());
    if (c.deprel.startsWith('obl') || c.deprel === 'obj') {
      const kase = caseOf(ctx, c);
      if (kase) found.add(kase);
    }
  }
  const next = ctx.doc.tokens[verb.i + 1];
  if (next && next.sentence === verb.sentence && (next.upos === 'ADP' || next.xpos === 'RP')) found.add(next.text.toLowerCase());
  return found;
}

function negated(ctx: Context, token: Token): boolean {
  const own = ctx.children[token.i]!.some((c) => ((c.deprel === 'advmod' || c.deprel === 'det' || c.deprel === 'aux') && NEGATORS.has(c.text.toLowerCase())) ||
    // "no longer ruling it out"
    (c.deprel === 'advmod' && /^longer$/i.test(c.text) && /^no$/i.test(ctx.doc.tokens[c.i - 1]?.text ?? '')));
  // "No country can veto our development", "nobody will accept": a subject that denies there is any such actor
  const deniedSubject = ctx.children[token.i]!.some((c) => c.deprel.startsWith('nsubj') &&
    (/^(nobody|none|nothing|no-one)$/i.test(c.text) || ctx.children[c.i]!.some((d) => d.deprel === 'det' && /^no$/i.test(d.text))));
  if (deniedSubject) return true;
  // "he did not say he would accept": a negated governor of a complement (but "did not rule out backing a
  // compromise" is a hedged backing: refusing is what is negated, and the refusing verb's frame says so)
  const governor = token.deprel === 'xcomp' && token.head >= 0 ? ctx.doc.tokens[token.head]! : null;
  const refusing = !!governor && (VERBS.get(verbLemmaOf(governor)) ?? []).some((p) => p.polarity === 'oppose' && (!p.particle || particlesOf(ctx, governor).has(p.particle)));
  return own || (!!governor && !refusing && ctx.children[governor.i]!.some((c) => c.deprel === 'advmod' && NEGATORS.has(c.text.toLowerCase())));
}

/** "investment, not restrictions": a conjunct set against what comes before it with a comma and "not". */
function contrasted(ctx: Context, token: Token): boolean {
  if (token.deprel !== 'conj' || token.head < 0 || token.head > token.i || !/^(NOUN|PROPN)$/.test(token.upos)) return false;
  const not = ctx.children[token.i]!.find((c) => c.deprel === 'advmod' && /^not$/i.test(c.text) && c.i < token.i);
  return !!not && ctx.doc.tokens[not.i - 1]?.text === ',' && !/^(only|just|merely)$/i.test(ctx.doc.tokens[not.i + 1]?.text ?? '');
}

/** "without us", "without Ukraine": being left out is objected to. */
function isExclusion(ctx: Context, token: Token): boolean {
  const next = ctx.doc.tokens[token.i + 1];
  return !!next && next.sentence === token.sentence && (next.upos === 'PRON' || next.upos === 'PROPN');
}

function textOf(ctx: Context, head: Token): string {
  return subtree(ctx, head, new Set()).map((t) => t.text).join(' ');
}

/**
 * "told state television that Belgrade would never accept ...": a that-clause with its own subject hung on the
 * person told is what was told, misparsed as a clause about them.
 */
function toldThat(ctx: Context, verb: Token): boolean {
  const kids = ctx.children[verb.i]!;
  if (!kids.some((c) => c.deprel === 'mark' && c.text.toLowerCase() === 'that') || !kids.some((c) => c.deprel === 'nsubj')) return false;
  const told = ctx.doc.tokens[verb.head];
  const teller = told && told.head >= 0 ? ctx.doc.tokens[told.head]! : undefined;
  // "said in a statement that it welcomed ...": the that-clause hung on the statement is what was said
  if (told && teller && told.deprel.startsWith('obl') && /^(statement|interview|letter|speech|post|message|briefing|communique|communiqué)$/i.test(told.text) && cueLemma(teller.text)) return true;
  return !!told && !!teller && (told.deprel === 'iobj' || told.deprel === 'obj') && /^(tell|assure|inform|remind|warn|promise)$/.test(verbLemmaOf(teller));
}

/** Verbs that undo what they act on: backing "lifting the sanctions" is opposing the sanctions. */
const UNDOING = new Set(['lift', 'end', 'scrap', 'drop', 'abandon', 'remove', 'cancel', 'repeal', 'revoke', 'rescind', 'withdraw', 'ease', 'halt', 'stop', 'shelve', 'dismantle', 'abolish']);

/** Whether what a position is about is undoing something ("urged the bloc to lift its sanctions"). */
function undoes(ctx: Context, frame: Frame): boolean {
  const inPhrase = new Set(frame.phrase.map((t) => t.i));
  // ("urged the US not to ease pressure": undoing that is itself denied undoes nothing)
  return frame.phrase.some((t) => (t.upos === 'VERB' || /ing$/i.test(t.text)) && UNDOING.has(verbLemmaOf(t)) && !negated(ctx, t) &&
    ctx.children[t.i]!.some((c) => c.deprel === 'obj' && inPhrase.has(c.i)));
}

function flip(polarity: Polarity): Polarity {
  return polarity === 'support' ? 'oppose' : 'support';
}
