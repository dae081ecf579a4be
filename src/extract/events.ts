// PLOVER events from the dependency parse: a trigger verb (or a noun under a light verb) with its subject as source
// and its object or prepositional partner as target, with place, date, negation and modality. Background mentions
// of an event ("after the talks") are not new events, and repeated mentions of one meeting are coded once.
import type { Event, PloverType, Span } from '../contract.js';
import { dependents, gazetteer, type Doc, type Token } from '../nlp/index.js';
import type { ActorIndex } from './actors.js';
import { inflections } from './cues.js';
import { VERB_OBJECT_SENSES, VERB_PREP_SENSES, VERB_SENSES } from './event-lexicon.js';
import { mentionLookup } from './lookup.js';

interface TriggerSense {
  type: PloverType;
  mode?: string;
}

/** Verb lemmas that trigger an event, by category. */
const VERB_TRIGGERS: Record<string, TriggerSense> = {};
/** Nouns that name an event when they are an argument of the clause (not a background adjunct). */
const NOUN_TRIGGERS: Record<string, TriggerSense> = {};

function addVerbs(type: PloverType, lemmas: string[], mode?: string): void {
  for (const lemma of lemmas) for (const form of inflections(lemma)) VERB_TRIGGERS[form] ??= { type, mode };
}
function addNouns(type: PloverType, nouns: string[], mode?: string): void {
  for (const noun of nouns) NOUN_TRIGGERS[noun] ??= { type, mode };
}

addVerbs('CONSULT', ['meet', 'negotiate', 'confer', 'consult', 'convene', 'discuss'], undefined);
addVerbs('CONSULT', ['visit', 'host', 'tour'], 'visit');
addVerbs('CONSULT', ['phone', 'telephone', 'call'], 'phone');
addVerbs('CONSULT', ['mediate'], 'third-party');
addVerbs('REJECT', ['reject', 'refuse', 'rebuff', 'dismiss', 'veto', 'spurn', 'decline', 'deny', 'block', 'oppose']);
addVerbs('AGREE', ['agree', 'pledge', 'promise', 'commit', 'offer']);
addVerbs('SUPPORT', ['sign', 'endorse', 'praise', 'back', 'welcome', 'recognize', 'recognise', 'apologize', 'apologise', 'defend', 'support']);
addVerbs('COOPERATE', ['cooperate', 'collaborate', 'coordinate', 'share', 'extradite']);
addVerbs('AID', ['aid', 'donate', 'fund', 'supply', 'assist', 'deliver', 'rescue', 'grant']);
addVerbs('RETREAT', ['withdraw', 'retreat', 'evacuate', 'disband', 'demobilize']);
addVerbs('CONCEDE', ['concede', 'yield', 'release', 'ease', 'lift', 'compromise', 'relent', 'surrender', 'acquit', 'drop']);
addVerbs('REQUEST', ['urge', 'demand', 'request', 'appeal', 'ask', 'invite', 'press', 'petition']);
addVerbs('ACCUSE', ['accuse', 'blame', 'condemn', 'denounce', 'criticize', 'criticise', 'charge', 'allege', 'fault', 'rebuke']);
addVerbs('THREATEN', ['threaten', 'warn']);
addVerbs('PROTEST', ['protest', 'demonstrate', 'boycott', 'strike', 'rally', 'march']);
addVerbs('SANCTION', ['sanction', 'expel', 'embargo', 'suspend', 'freeze', 'recall', 'sever']);
addVerbs('MOBILIZE', ['deploy', 'mobilize', 'mobilise', 'station', 'dispatch', 'reinforce', 'mass']);
addNouns('MOBILIZE', ['drills', 'exercises', 'manoeuvres', 'maneuvers', 'patrols', 'reservists']);
addVerbs('COERCE', ['arrest', 'detain', 'seize', 'blockade', 'impound', 'deport', 'ban', 'confiscate', 'raid']);
addVerbs('ASSAULT', ['attack', 'bomb', 'shell', 'kill', 'invade', 'shoot', 'fire', 'assault', 'ram', 'storm', 'strike']);

addNouns('CONSULT', ['meeting', 'meetings', 'talks', 'summit', 'encounter', 'negotiations', 'discussions', 'consultations', 'conference', 'session']);
addNouns('CONSULT', ['visit', 'trip', 'tour'], 'visit');
addNouns('CONSULT', ['call', 'phone'], 'phone');
addNouns('AGREE', ['agreement', 'deal', 'accord', 'pact', 'truce', 'ceasefire', 'treaty', 'memorandum']);
addNouns('SANCTION', ['sanctions', 'embargo', 'tariffs', 'expulsion']);
addNouns('MOBILIZE', ['deployment', 'mobilization', 'mobilisation', 'reinforcements']);
addNouns('ASSAULT', ['attack', 'attacks', 'strike', 'strikes', 'invasion', 'offensive', 'bombing', 'shelling']);
addNouns('PROTEST', ['protest', 'protests', 'demonstration', 'demonstrations', 'boycott']);
addNouns('AID', ['aid', 'assistance']);
addNouns('THREATEN', ['ultimatum', 'threat', 'threats']);

/** Verbs that carry a noun trigger as their object: "held talks", "imposed sanctions", "signed a deal". */
const LIGHT_VERBS = new Set(['hold', 'held', 'holds', 'holding', 'have', 'had', 'has', 'host', 'hosted', 'hosts', 'attend', 'attended',
  'impose', 'imposed', 'imposes', 'imposing', 'sign', 'signed', 'signs', 'reach', 'reached', 'conclude', 'concluded',
  'strike', 'struck', 'announce', 'announced', 'begin', 'began', 'begun', 'open', 'opened', 'launch', 'launched',
  'conduct', 'conducted', 'stage', 'staged', 'make', 'made', 'pay', 'paid', 'carry', 'carried', 'order', 'ordered',
  'issue', 'issued', 'deliver', 'delivered', 'send', 'sent', 'approve', 'approved', 'agree', 'agreed', 'resume', 'resumed',
  'resumes', 'join', 'joined', 'sit', 'sat', 'enter', 'entered', 'complete', 'completed', 'start', 'started', 'continue', 'continued']);
/** Nouns that count a trigger noun: "a round of talks", "a series of strikes". */
const MEASURE_NOUNS = new Set(['round', 'rounds', 'series', 'session', 'sessions', 'wave', 'day', 'days', 'package', 'set', 'batch']);
/** Verbs of conversation that are CONSULT with a partner ("spoke with", "talked to"), by phone when said so. */
const CONVERSATION_VERBS = new Set(['speak', 'speaks', 'spoke', 'spoken', 'speaking', 'talk', 'talks', 'talked', 'talking', 'chat', 'chatted']);
/** Verbs whose subject is the host and whose object the visitor. */
const HOST_VERBS = new Set(['host', 'hosts', 'hosted', 'hosting', 'receive', 'receives', 'received', 'receiving', 'welcome', 'welcomed', 'welcomes']);

const COMMITMENT_VERBS = new Set(['agree', 'agreed', 'agrees', 'offer', 'offered', 'offers', 'promise', 'promised', 'promises', 'pledge', 'pledged', 'pledges', 'vow', 'vowed', 'commit', 'committed', 'decide', 'decided']);
const FUTURE_AUX = new Set(['will', "'ll", '’ll', 'shall', 'wo']);
const HYPOTHETICAL_AUX = new Set(['would', 'could', 'might', 'may', 'should', 'must', 'can', 'ca']);
const INTENT_HEADS = new Set(['plan', 'plans', 'planned', 'planning', 'intend', 'intends', 'intended', 'propose', 'proposed', 'proposes',
  'proposal', 'possibility', 'want', 'wants', 'wanted', 'seek', 'seeks', 'sought', 'offer', 'offered', 'consider', 'considering',
  'considered', 'threaten', 'threatened', 'threatens', 'prepare', 'prepared', 'preparing', 'ready', 'willing', 'expected', 'aim', 'aims',
  'suggest', 'suggested', 'suggesting', 'floated', 'talk', 'idea', 'prospect', 'hope', 'hopes', 'hoped']);
const FUTURE_INTENT = new Set(['plan', 'plans', 'planned', 'planning', 'intend', 'intends', 'intended', 'expected', 'prepare', 'prepared', 'preparing', 'aim', 'aims']);
const NEGATORS = new Set(['not', "n't", 'n’t', 'never', 'no']);
const SUBJECT = new Set(['nsubj', 'csubj']);
const PASSIVE_SUBJECT = new Set(['nsubj:pass']);
const TARGET_CASES = new Set(['with', 'against', 'to', 'on', 'from', 'for', 'between', 'toward', 'towards', 'into', 'of']);
const PLACE_CASES = new Set(['in', 'at']);

export function findEvents(doc: Doc, index: ActorIndex, published: string | null, ignore: Array<{ start: number; end: number }>): Event[] {
  const isIgnored = (s: { start: number; end: number }) => ignore.some((r) => s.start < r.end && s.end > r.start);
  const children = dependents(doc);
  const found: Array<Omit<Event, 'id'> & { sentence: number }> = [];
  for (const token of doc.tokens) {
    if (isIgnored(token)) continue;
    const reading = readTrigger(doc, children, token);
    if (!reading) continue;
    const args = argumentsOf(doc, index, children, reading.anchor, reading.verb);
    if (args.source.length === 0 && args.target.length === 0) continue;
    const negated = isNegated(doc, children, reading.verb ?? token) || isNegated(doc, children, token);
    let type = reading.sense.type;
    let isNegatedEvent = negated;
    // "will not accept", "did not agree": a refusal is coded as REJECT, not as a negated agreement
    if (negated && (type === 'AGREE' || /^accept/.test(token.text.toLowerCase()))) {
      type = 'REJECT';
      isNegatedEvent = false;
    }
    // what someone agrees, threatens, refuses or asks to do is the content of that event, not an event of its own;
    // a participle describing a noun ("the seized ship") is background
    if (isContentOfAnotherEvent(doc, children, reading.verb ?? token) || (token.upos === 'VERB' && token.deprel === 'amod')) continue;
    const modality = modalityOf(doc, children, reading.verb ?? token);
    // PLOVER codes a meeting, support, cooperation or aid that is only promised as AGREE
    if (modality === 'future' && ['CONSULT', 'SUPPORT', 'COOPERATE', 'AID'].includes(type)) type = 'AGREE';
    const sentence = doc.sentences[token.sentence]!;
    found.push({
      type,
      mode: reading.sense.mode ?? (type === 'CONSULT' && args.source.length + args.target.length > 2 ? 'multilateral' : null),
      source: args.source,
      target: args.target,
      location: placeOf(doc, children, reading.anchor, reading.verb) ?? null,
      date: published,
      negated: isNegatedEvent,
      modality,
      evidence: spanOf(doc, sentence.start, sentence.end),
      sentence: token.sentence,
    });
  }
  return mergeMentionsOfOneEvent(found).map(({ sentence: _sentence, ...e }, i) => ({ id: `e${i + 1}`, ...e }));
}

const EMBEDDING_RELATIONS = new Set(['xcomp', 'ccomp', 'advcl', 'acl', 'obj', 'csubj']);

/** True when a trigger hangs (through a complement, purpose clause or object) from another trigger. */
function isContentOfAnotherEvent(doc: Doc, children: Token[][], token: Token): boolean {
  let current = token;
  for (let hops = 0; hops < 2 && current.head >= 0 && EMBEDDING_RELATIONS.has(current.deprel); hops++) {
    const governor = doc.tokens[current.head]!;
    if (COMMITMENT_VERBS.has(governor.text.toLowerCase()) || readTrigger(doc, children, governor)) return true;
    current = governor;
  }
  return false;
}

function spanOf(doc: Doc, start: number, end: number): Span {
  return { start, end, text: doc.text.slice(start, end) };
}


/** The sense of a trigger and where its arguments hang: a verb itself, or a noun with its governing verb. */
function readTrigger(doc: Doc, children: Token[][], token: Token): { sense: TriggerSense; anchor: Token; verb: Token | null } | null {
  const lower = token.text.toLowerCase();
  if (token.upos === 'VERB' && VERB_TRIGGERS[lower]) {
    // "accept" only counts when refused; "call" only as a phone call, not "called for" or "called it"
    if (lower.startsWith('call') && !children[token.i]!.some((c) => /^(phone|telephone)$/i.test(c.text))) return null;
    return { sense: VERB_TRIGGERS[lower]!, anchor: token, verb: token };
  }
  if (token.upos === 'VERB' && /^accept/.test(lower) && isNegated(doc, children, token)) return { sense: { type: 'REJECT' }, anchor: token, verb: token };
  if (token.upos === 'VERB' && CONVERSATION_VERBS.has(lower)) {
    const kids = children[token.i]!;
    const byPhone = kids.some((c) => /^(phone|telephone|video|videolink)$/i.test(c.text) || children[c.i]!.some((g) => /^(phone|telephone|video)$/i.test(g.text)));
    const partner = kids.some((c) => c.deprel.startsWith('obl') && hasCase(children, c, ['with', 'to']));
    if (partner || byPhone) return { sense: { type: 'CONSULT', mode: byPhone ? 'phone' : undefined }, anchor: token, verb: token };
  }
  if (token.upos === 'VERB' && HOST_VERBS.has(lower) && !VERB_TRIGGERS[lower]) return { sense: { type: 'CONSULT', mode: 'visit' }, anchor: token, verb: token };
  // "imposed sanctions", "held talks": the noun names the event, the light verb only carries it
  const carriesNoun = LIGHT_VERBS.has(lower) && children[token.i]!.some((c) => c.deprel === 'obj' && NOUN_TRIGGERS[c.text.toLowerCase()]);
  if (token.upos === 'VERB' && !REPORTING_VERBS.has(lower) && !carriesNoun) {
    const learnt = cameoSense(doc, children, token);
    if (learnt) return { sense: learnt, anchor: token, verb: token };
  }
  if ((token.upos === 'NOUN' || token.upos === 'PROPN') && NOUN_TRIGGERS[lower]) {
    const head = token.head >= 0 ? doc.tokens[token.head]! : null;
    if (token.deprel === 'obj' && head && LIGHT_VERBS.has(head.text.toLowerCase())) return { sense: NOUN_TRIGGERS[lower]!, anchor: token, verb: head };
    // "held a first round of talks", "sat down for negotiations"
    const measure = head && MEASURE_NOUNS.has(head.text.toLowerCase()) && head.deprel === 'obj' && head.head >= 0 ? doc.tokens[head.head]! : null;
    if (measure && LIGHT_VERBS.has(measure.text.toLowerCase())) return { sense: NOUN_TRIGGERS[lower]!, anchor: token, verb: measure };
    if (token.deprel === 'obl' && head && LIGHT_VERBS.has(head.text.toLowerCase()) && hasCase(children, token, ['for', 'in', 'into'])) {
      return { sense: NOUN_TRIGGERS[lower]!, anchor: token, verb: head };
    }
    if (['nsubj', 'nsubj:pass', 'root'].includes(token.deprel) || token.head < 0) return { sense: NOUN_TRIGGERS[lower]!, anchor: token, verb: null };
    // "the first encounter between Russian and American officials": an object with its own participants
    if (token.deprel === 'obj' && children[token.i]!.some((c) => c.deprel.startsWith('nmod') && hasCase(children, c, ['between', 'with']))) {
      return { sense: NOUN_TRIGGERS[lower]!, anchor: token, verb: null };
    }
  }
  return null;
}

/** The preposition of a phrase: its case dependent, or (when the parser hung it lower) a case word opening the phrase. */
/** Verbs that report speech: their clause may hold an event, they are none themselves. */
const REPORTING_VERBS = new Set(['say', 'says', 'said', 'saying', 'tell', 'told', 'tells', 'add', 'added', 'adds', 'note', 'noted', 'state', 'stated']);

/**
 * The PETRARCH2 CAMEO dictionary's sense of a verb, most specific first: with its object's head noun ("impose
 * sanctions"), with its particle or preposition ("pull out"), then the verb alone.
 */
function cameoSense(doc: Doc, children: Token[][], verb: Token): TriggerSense | null {
  const lower = verb.text.toLowerCase();
  const kids = children[verb.i]!;
  const object = kids.find((c) => c.deprel === 'obj');
  const withObject = object && VERB_OBJECT_SENSES[`${lower} ${object.text.toLowerCase()}`];
  if (withObject) return { type: withObject.type, mode: withObject.mode ?? undefined };
  for (const c of kids) {
    const particle = c.deprel === 'compound:prt' ? c : c.deprel.startsWith('obl') ? children[c.i]!.find((g) => g.deprel === 'case') : undefined;
    const withParticle = particle && VERB_PREP_SENSES[`${lower} ${particle.text.toLowerCase()}`];
    if (withParticle) return { type: withParticle.type, mode: withParticle.mode ?? undefined };
  }
  // the verb alone is ambiguous ("struck" a ship, "struck" a deal): only with an object or partner
  const alone = VERB_SENSES[lower];
  const hasPartner = kids.some((c) => c.deprel === 'obj' || c.deprel === 'iobj' || (c.deprel === 'obl' && hasCase(children, c, ['with', 'against', 'to', 'on'])));
  return alone && hasPartner ? { type: alone.type, mode: alone.mode ?? undefined } : null;
}

function hasCase(children: Token[][], token: Token, cases: string[]): boolean {
  if (children[token.i]!.some((c) => c.deprel === 'case' && cases.includes(c.text.toLowerCase()))) return true;
  let first = token;
  const stack = [token];
  while (stack.length) {
    const t = stack.pop()!;
    if (t.i < first.i) first = t;
    stack.push(...children[t.i]!);
  }
  return first !== token && first.deprel === 'case' && cases.includes(first.text.toLowerCase());
}

/** Actor ids mentioned at a token, or inside a common-noun phrase headed by it ("Russian and American officials"). */
function actorsAt(doc: Doc, index: ActorIndex, children: Token[][], token: Token, depth = 0): string[] {
  // "his Lithuanian counterpart, Egle Vaitkute": the named apposition is the actor
  const mentions = mentionLookup(index);
  const apposed = children[token.i]!.find((c) => c.deprel === 'appos' && mentions.covering(c.i) !== undefined);
  if (apposed && depth < 2) return actorsAt(doc, index, children, apposed, depth + 1);
  const mention = mentions.covering(token.i);
  const ids: string[] = mention ? [mention.actor.id] : [];
  if (!mention && depth < 2 && (token.upos === 'NOUN' || token.upos === 'PRON' || token.upos === 'PROPN')) {
    // "the foreign ministers of India and Brazil", "Russian officials": members named inside the phrase, but not
    // what the phrase is about ("a summit on the fighting in Congo")
    for (const child of children[token.i]!) {
      const member = ['amod', 'compound', 'nmod:poss', 'conj', 'flat', 'appos'].includes(child.deprel) || (child.deprel === 'nmod' && hasCase(children, child, ['of', 'from', 'between']));
      if (member) ids.push(...actorsAt(doc, index, children, child, depth + 1));
    }
  }
  for (const child of children[token.i]!) if (child.deprel === 'conj') ids.push(...actorsAt(doc, index, children, child, depth + 1));
  return [...new Set(ids)];
}

function argumentsOf(doc: Doc, index: ActorIndex, children: Token[][], anchor: Token, verb: Token | null): { source: string[]; target: string[] } {
  const source: string[] = [];
  const target: string[] = [];
  const add = (list: string[], ids: string[]) => ids.forEach((id) => list.includes(id) || list.push(id));
  const clause = verb ?? anchor;
  let subjectHost: Token | null = clause;
  // a participle or infinitive clause takes the subject of the clause it hangs from
  for (let hops = 0; subjectHost && hops < 3; hops++) {
    const subjects = children[subjectHost.i]!.filter((c) => SUBJECT.has(c.deprel));
    if (subjects.length) {
      subjects.forEach((s) => add(source, actorsAt(doc, index, children, s)));
      break;
    }
    if (!['xcomp', 'conj', 'advcl', 'acl', 'ccomp'].includes(subjectHost.deprel) || subjectHost.head < 0) break;
    subjectHost = doc.tokens[subjectHost.head]!;
  }
  const objectLike = (host: Token) => {
    for (const c of children[host.i]!) {
      if (c.deprel === 'obj' || c.deprel === 'iobj') {
        add(target, actorsAt(doc, index, children, c));
        // "relations with Bhutan", "sanctions on Georgia", "a lawsuit against Bolivia"
        for (const n of children[c.i]!) if (n.deprel === 'nmod' && hasCase(children, n, ['with', 'on', 'against', 'to', 'from'])) add(target, actorsAt(doc, index, children, n));
      }
      if (c.deprel === 'obl' && hasCase(children, c, [...TARGET_CASES])) add(target, actorsAt(doc, index, children, c));
    }
  };
  for (const c of children[clause.i]!) {
    if (PASSIVE_SUBJECT.has(c.deprel)) add(target, actorsAt(doc, index, children, c));
    if (c.deprel === 'obl:agent' || (c.deprel === 'obl' && hasCase(children, c, ['by']))) add(source, actorsAt(doc, index, children, c));
  }
  objectLike(clause);
  // "refused to meet the envoy", "threatened to expel the mission": the target is the object of what is refused
  if (target.length === 0) for (const c of children[clause.i]!) if (c.deprel === 'xcomp') objectLike(c);
  if (anchor !== clause || !verb) {
    for (const c of children[anchor.i]!) {
      if ((c.deprel.startsWith('nmod') || c.deprel === 'amod' || c.deprel === 'compound') && !hasCase(children, c, [...PLACE_CASES])) add(target, actorsAt(doc, index, children, c));
    }
  }
  // "Kenya hosted the leaders", "X was received by Y": the visitor is the source, the host the target
  if (HOST_VERBS.has(clause.text.toLowerCase())) {
    const passive = children[clause.i]!.some((c) => PASSIVE_SUBJECT.has(c.deprel));
    if (!passive) return { source: target.filter((t) => !source.includes(t)), target: source };
    return { source: target, target: source.filter((t) => !target.includes(t)) };
  }
  // reciprocal: "X and Y met", "talks between X and Y" — with no subject, the first partner leads
  if (source.length === 0 && target.length >= 2) source.push(target.shift()!);
  return { source, target: target.filter((t) => !source.includes(t)) };
}

function isNegated(doc: Doc, children: Token[][], token: Token): boolean {
  return children[token.i]!.some((c) => (c.deprel === 'advmod' || c.deprel === 'det') && NEGATORS.has(c.text.toLowerCase()));
}

function modalityOf(doc: Doc, children: Token[][], verb: Token): Event['modality'] {
  const aux = children[verb.i]!.filter((c) => c.deprel === 'aux' || c.deprel === 'aux:pass').map((c) => c.text.toLowerCase());
  if (children[verb.i]!.some((c) => c.deprel === 'mark' && /^(if|unless)$/i.test(c.text))) return 'hypothetical';
  if (aux.some((a) => FUTURE_AUX.has(a))) return 'future';
  if (aux.some((a) => HYPOTHETICAL_AUX.has(a))) return 'hypothetical';
  // "plans to meet", "the possibility of deploying", "proposed sending"
  for (let t: Token | undefined = verb, hops = 0; t && t.head >= 0 && hops < 3; hops++) {
    const head: Token = doc.tokens[t.head]!;
    const word = head.text.toLowerCase();
    if (INTENT_HEADS.has(word) && ['xcomp', 'acl', 'ccomp', 'nmod', 'obj', 'advcl', 'csubj'].includes(t.deprel)) {
      return FUTURE_INTENT.has(word) ? 'future' : 'hypothetical';
    }
    t = head;
  }
  if (aux.includes('had') && verb.xpos === 'VBN') return 'historical';
  return 'asserted';
}

/** "in Riyadh": a place attached to the trigger, its verb, or else the first place named in the clause. */
function placeOf(doc: Doc, children: Token[][], anchor: Token, verb: Token | null): string | null {
  const gaz = gazetteer();
  for (const host of [anchor, verb].filter((t): t is Token => !!t)) {
    for (const c of children[host.i]!) {
      if (!(c.deprel.startsWith('obl') || c.deprel.startsWith('nmod')) || !hasCase(children, c, [...PLACE_CASES])) continue;
      const place = doc.entities.find((e) => c.i >= e.tokenStart && c.i < e.tokenEnd && (e.label === 'GPE' || e.label === 'LOC'));
      if (place && gaz.lookup(place.text)?.kind !== 'demonym') return place.text;
    }
  }
  return null;
}

/**
 * One meeting is often named several times ("talks in Riyadh", "this meeting"): events of the same type whose
 * places name the same country, or that come in the same sentence, are coded once, keeping the fullest report.
 */
function mergeMentionsOfOneEvent<T extends Omit<Event, 'id'> & { sentence: number }>(events: T[]): T[] {
  const gaz = gazetteer();
  const placeKey = (location: string | null) => (location ? gaz.lookup(location)?.country ?? location.toLowerCase() : null);
  const kept: T[] = [];
  for (const event of events) {
    const same = kept.find(
      (k) =>
        k.type === event.type &&
        k.negated === event.negated &&
        k.modality === event.modality &&
        (k.sentence === event.sentence || (event.type === 'CONSULT' && placeKey(k.location) !== null && placeKey(k.location) === placeKey(event.location))),
    );
    if (!same) {
      kept.push(event);
      continue;
    }
    for (const id of event.source) if (!same.source.includes(id) && !same.target.includes(id)) same.source.push(id);
    for (const id of event.target) if (!same.target.includes(id) && !same.source.includes(id)) same.target.push(id);
    same.location ??= event.location;
    const richer = event.source.length + event.target.length > same.source.length + same.target.length && event.location;
    if (richer) same.evidence = event.evidence;
  }
  return kept;
}
