// PLOVER events from the dependency parse. A trigger is a verb read in context (what it acts on, its particle, the
// clause it takes) or a noun that names an act, carried by a light verb ("held talks") or bringing its own
// participants ("Beijing's offer", "talks between X and Y"). The actor is the clause's subject (through passives,
// coordination, control verbs, pronouns and the speaker of a quote); the recipient is only what the parse links to
// the act as its counterpart: an actor as object, an owner of what is rejected or praised, or a partner behind the
// prepositions the category uses ("sanctions on", "aid to", "talks with"), never a place, a topic or a purpose.
// Auxiliary marks follow the PLOVER manual: negation, future, hypothetical (conditions, modals, proposals) and
// historical (the pluperfect, past dates, relative clauses and "ago" about the past). What is asked, threatened,
// refused or promised is the content of that event, not another one; accidents are not assaults; a meeting named
// again ("the talks", "this meeting") is the same meeting; an act without an actor in the text is not coded.
import * as chrono from 'chrono-node';
import type { Event, PloverType, Quote, Span } from '../contract.js';
import { dependents, gazetteer, ROLE_HEADS, type Doc, type Token } from '../nlp/index.js';
import type { ActorIndex } from './actors.js';
import {
  ACCIDENT_WORDS, AID_GOODS, CAPTIVES, CENSORED, ORGANISATIONS, COMMENT_VERBS, DEBT, DEMANDS, DIPLOMATS, MEASURES, GATHERING_VERBS, HARMFUL_CONTENT, JOINT, LIGHT_VERBS, TRAVEL_VERBS, knownVerb, nounSense, verbLemma, verbReadings,
  type NounSense, type Sense, type VerbReading,
} from './event-triggers.js';

type Modality = Event['modality'];

/** One mention of an event in the text, before mentions of the same event are merged. */
interface Mention {
  type: PloverType;
  mode: string | null;
  source: string[];
  target: string[];
  location: string | null;
  negated: boolean;
  modality: Modality;
  sentence: number;
  /** A noun with a definite article and no participants of its own ("the talks"): a reference back, not a new act. */
  anaphoric: boolean;
  evidence: Span;
  date: string | null;
}

/** Where a trigger's arguments are read: the trigger itself, or the light verb carrying a trigger noun. */
interface Reading {
  sense: Sense;
  trigger: Token;
  clause: Token;
  nominal: boolean;
  /** Participants read from word order in a title-case headline, whose parse cannot be trusted. */
  headline?: { source: string[]; target: string[] };
}

interface Context {
  doc: Doc;
  index: ActorIndex;
  children: Token[][];
  quotes: Quote[];
  published: string | null;
}

const SUBJECTS = new Set(['nsubj', 'csubj']);
const PASSIVE_SUBJECTS = new Set(['nsubj:pass', 'csubj:pass']);
const NEGATORS = new Set(['not', "n't", 'n’t', 'never', 'no']);
const FUTURE_AUX = new Set(['will', "'ll", '’ll', 'shall', 'wo']);
const MODAL_AUX = new Set(['could', 'might', 'may', 'should', 'can', 'ca', 'must']);
/** Verbs of saying: a clause under them is reported, and their "would" is a future seen from the past. */
const REPORTING = new Set(['say', 'tell', 'add', 'state', 'note', 'announce', 'confirm', 'declare', 'report', 'stress', 'insist',
  'reiterate', 'write', 'explain', 'indicate', 'signal', 'mention', 'emphasise', 'emphasize', 'repeat', 'claim', 'believe', 'expect']);
/** Verbs that make the act they govern a commitment that has been made: "announced it would withdraw". */
const COMMITTING = new Set(['announce', 'decide', 'pledge', 'promise', 'vow', 'agree', 'commit', 'resolve']);
/** Governors that put an act in the future: "plans to visit", "is due to meet", "is expected to sign". */
const FUTURE_HEADS = new Set(['plan', 'intend', 'prepare', 'aim', 'due', 'set', 'expect', 'schedule', 'poise', 'go', 'about', 'scheduled', 'expected', 'planned', 'poised']);
/** Governors that make an act only possible: proposals, deliberation, wishes, readiness. */
const HYPOTHETICAL_HEADS = new Set(['propose', 'consider', 'weigh', 'suggest', 'want', 'seek', 'hope', 'wish', 'mull', 'explore',
  'discuss', 'debate', 'float', 'study', 'contemplate', 'possibility', 'idea', 'option', 'prospect', 'proposal', 'talk', 'ready',
  'willing', 'prepared', 'open', 'able', 'need', 'could', 'might', 'would']);
/** Verbs of deliberation: an act they carry as their object is weighed, not done ("considering sanctions"). */
const DELIBERATING = new Set(['consider', 'weigh', 'mull', 'contemplate', 'discuss', 'debate', 'study', 'explore', 'propose']);
/** Verbs whose failure negates the act they govern. */
/** Passive verbs whose subject is the understood subject of the infinitive after them ("is expected to visit"). */
const RAISING_PASSIVES = new Set(['expect', 'prepare', 'schedule', 'set', 'slate', 'due', 'poise', 'say', 'report', 'believe', 'think', 'understand', 'know', 'rumour', 'rumor', 'tip', 'likely']);
const FAILING = new Set(['fail', 'refrain', 'neglect', 'stop']);
/** Verbs on which a trigger noun as subject is the act taking place ("talks resumed", "the strike went ahead"). */
const HAPPENING = new Set(['begin', 'open', 'resume', 'start', 'end', 'close', 'conclude', 'continue', 'last', 'take', 'go',
  'proceed', 'happen', 'occur', 'break', 'collapse', 'stall', 'finish', 'get', 'kick', 'be', 'enter', 'mark', 'wrap', 'target',
  'hit', 'kill', 'focus', 'produce', 'yield', 'cover', 'drag', 'draw', 'come', 'follow', 'include', 'involve', 'see']);
/** Prepositions of an adjunct that places an act before the news ("since the invasion", "after the talks"). */
const BACKGROUND_CASES = new Set(['since', 'after', 'before', 'following', 'ahead', 'prior', 'until']);
/** Prepositions of a topic: "a row over sanctions", "a report on the attack". */
const TOPIC_CASES = new Set(['on', 'about', 'over', 'regarding', 'concerning', 'into']);
const PLACE_CASES = new Set(['in', 'at', 'near', 'off', 'outside', 'around', 'inside', 'across', 'along', 'into', 'through']);
const FIRST_PERSON = new Set(['we', 'i', 'us', 'our', 'my', 'me', 'ourselves']);
const THIRD_PERSON_NEUTER = new Set(['it', 'they', 'its', 'their', 'them']);
const DEFINITE = new Set(['the', 'this', 'these', 'that', 'those']);

/**
 * Prepositions that link a recipient to an act, by category. Places, times, topics and purposes are left out:
 * "deployed troops to Romania" has no recipient, "sanctions on Iran" has one.
 */
const RECIPIENT_CASES: Record<PloverType, string[]> = {
  AGREE: ['with', 'to', 'between', 'for'],
  CONSULT: ['with', 'between', 'among', 'alongside'],
  SUPPORT: ['with', 'for', 'to', 'behind'],
  CONCEDE: ['to', 'for', 'on'],
  COOPERATE: ['with', 'to'],
  AID: ['to', 'for'],
  // ("laid down their arms before UN peacekeepers": surrendered to them)
  RETREAT: ['from', 'to', 'before'],
  REQUEST: ['on', 'upon', 'to', 'from'],
  ACCUSE: ['against', 'with'],
  REJECT: ['from', 'of', 'to'],
  THREATEN: ['against', 'with', 'for'],
  PROTEST: ['against'],
  SANCTION: ['on', 'against', 'from', 'with', 'to'],
  MOBILIZE: ['against'],
  COERCE: ['against', 'on'],
  ASSAULT: ['on', 'at', 'against', 'with'],
};

/** Categories whose recipient is the owner of what the act is about ("rejected Norway's plan", "praised Morocco's role"). */
const OWNER_IS_RECIPIENT = new Set<PloverType>(['SUPPORT', 'REJECT', 'ACCUSE', 'CONCEDE', 'SANCTION', 'COERCE', 'ASSAULT', 'THREATEN', 'AGREE', 'REQUEST', 'COOPERATE']);
/** Cooperative categories that the manual codes as AGREE when they are only promised or planned. */
const COOPERATIVE = new Set<PloverType>(['CONSULT', 'SUPPORT', 'COOPERATE', 'AID']);
/** Categories a refusal turns into REJECT when negated in the future ("will not attend", "would not accept"). */
const REFUSABLE = new Set<PloverType>(['AGREE', 'CONSULT', 'SUPPORT', 'COOPERATE', 'AID', 'CONCEDE', 'RETREAT']);

/** Nouns for people and units that stand for the state, group or organisation they belong to. */
const AGENT_NOUNS = new Set([
  'government', 'authorities', 'authority', 'police', 'army', 'military', 'navy', 'forces', 'force', 'troops', 'troop',
  'soldiers', 'soldier', 'officials', 'official', 'diplomats', 'diplomat', 'delegation', 'delegations', 'negotiators',
  'ministry', 'ministries', 'minister', 'ministers', 'leaders', 'leader', 'leadership', 'president', 'premier', 'junta',
  'regime', 'administration', 'parliament', 'court', 'courts', 'judge', 'prosecutors', 'prosecutor', 'envoy', 'envoys',
  'ambassador', 'embassy', 'spokesman', 'spokeswoman', 'spokesperson', 'cabinet', 'warplanes', 'jets', 'aircraft',
  'drones', 'drone', 'missiles', 'missile', 'artillery', 'warships', 'ships', 'navies', 'guards', 'coast', 'guard',
  'commanders', 'commander', 'units', 'unit', 'battalion', 'brigade', 'fighters', 'gunmen', 'hackers', 'agents',
  'intelligence', 'service', 'services', 'positions', 'bases', 'base', 'crews', 'crew', 'media', 'state', 'side',
  'team', 'camp', 'counterpart', 'counterparts', 'chancellor', 'secretary', 'commissioner', 'nationals', 'citizens',
  'engineers', 'journalists', 'workers', 'businessman', 'tycoon', 'lawmakers', 'senate', 'defence', 'defense',
  'vessel', 'vessels', 'patrol', 'patrols', 'tanks', 'bombers', 'helicopters', 'national', 'citizen', 'aid',
  'generals', 'general', 'creditors', 'lenders', 'donors', 'hackers', 'operatives', 'agency', 'agencies', 'bomber',
  'gunman', 'sniper', 'snipers', 'militia', 'militias', 'members', 'unions', 'union', 'group', 'groups', 'party',
  'parties', 'battlegroup', 'contingent', 'special', 'customs', 'officers', 'marines', 'paratroopers', 'reservists',
  'companies', 'company', 'firms', 'firm', 'operator', 'operators', 'banks', 'bank', 'businesses', 'owner', 'owners',
  'shipowners', 'oligarchs', 'entities', 'individuals', 'exporters', 'importers', 'producers', 'carriers', 'airlines',
  'tanker', 'tankers', 'freighter', 'freighters', 'trawler', 'trawlers', 'boat', 'boats', 'ship', 'plane', 'planes',
  'monitors', 'observers', 'inspectors', 'peacekeepers', 'mission', 'team', 'teams', 'experts', 'investigators',
]);
/** Institutions whose country can come from the place they sit in or act in ("police in Belgrade"). */
const STATE_ORGANS = new Set(['government', 'authorities', 'police', 'army', 'military', 'navy', 'forces', 'troops', 'soldiers',
  'officials', 'court', 'courts', 'prosecutors', 'ministry', 'junta', 'regime', 'administration', 'parliament', 'officers',
  'guards', 'customs', 'security', 'riot', 'generals', 'officers']);
/** Unnamed groups of people taken as actors under a short lower-case label. */
/** What a person is, as said before their name ("the lawyer X", "the blogger X"). */
const PERSON_ROLES = new Set(['lawyer', 'journalist', 'blogger', 'activist', 'banker', 'businessman', 'businesswoman', 'dissident',
  'writer', 'poet', 'reporter', 'editor', 'opposition', 'politician', 'lawmaker', 'senator', 'cleric', 'academic', 'economist',
  'researcher', 'student', 'singer', 'rapper', 'artist', 'filmmaker', 'photographer', 'professor', 'doctor', 'priest', 'imam',
  'commander', 'general', 'colonel', 'diplomat', 'envoy', 'tycoon', 'oligarch', 'mayor', 'governor', 'candidate', 'leader']);
const GROUP_NOUNS = new Set([
  'protesters', 'protestors', 'demonstrators', 'farmers', 'students', 'workers', 'rebels', 'militants', 'gunmen',
  'bandits', 'insurgents', 'villagers', 'residents', 'civilians', 'migrants', 'refugees', 'fishermen', 'herders',
  'rioters', 'activists', 'supporters', 'critics', 'journalists', 'nurses', 'teachers', 'doctors', 'pensioners',
  'inmates', 'prisoners', 'passengers', 'worshippers', 'schoolgirls', 'schoolchildren', 'children', 'drivers', 'miners',
  'lawmakers', 'hostages', 'detainees', 'suspects', 'fighters', 'militias', 'militiamen', 'unions', 'groups', 'parties',
  'mourners', 'pilgrims', 'settlers', 'youths', 'dockers', 'truckers', 'employees', 'staff', 'crowd', 'crowds', 'mob',
  'people', 'members', 'veterans', 'opponents', 'dissidents', 'voters', 'peasants', 'traders', 'vendors', 'clerics',
  'community', 'communities', 'creditors', 'lenders', 'donors', 'men', 'women', 'families', 'tribesmen', 'seafarers',
  'militia', 'movement', 'faction', 'factions', 'cartel', 'gang', 'gangs', 'brigade', 'insurgency', 'party',
  'kidnappers', 'attackers', 'assailants', 'pirates', 'raiders', 'jihadists', 'separatists', 'opposition', 'consumers',
  'shoppers', 'motorists', 'organisers', 'organizers', 'medics', 'lawyers', 'strikers', 'exiles', 'captors', 'relatives',
  'dockworkers', 'asylum-seekers',
  // one unnamed assailant acts as a group of one: "a suicide bomber attacked a checkpoint"
  'gunman', 'bomber', 'attacker', 'assailant', 'sniper', 'militant',
]);
/** Groups of civil society that act as themselves, not for their state, whatever nationality qualifies them. */
const CIVIL_GROUPS = new Set(['protesters', 'protestors', 'demonstrators', 'farmers', 'students', 'workers', 'rebels',
  'militants', 'insurgents', 'activists', 'unions', 'parties', 'opposition', 'strikers', 'rioters', 'teachers', 'nurses',
  'doctors', 'pensioners', 'fishermen', 'herders', 'truckers', 'drivers', 'miners', 'dockers', 'villagers', 'residents',
  'gunmen', 'bandits', 'fighters', 'militias', 'supporters', 'critics', 'dissidents']);

/** Group nouns too general to be an actor without a qualifier: "the parties" (which?), but "opposition parties". */
const UNQUALIFIED_GROUPS = new Set(['parties', 'groups', 'members', 'sides', 'men', 'women', 'families', 'staff', 'employees', 'unions', 'communities', 'community', 'countries', 'nations', 'states']);

/** Nouns that count people rather than name them: "thousands of farmers", "one of the students". */
const QUANTITY_NOUNS = new Set(['thousands', 'hundreds', 'dozens', 'tens', 'scores', 'millions', 'crowds', 'crowd', 'group',
  'groups', 'number', 'band', 'one', 'some', 'many', 'most', 'all', 'several', 'few', 'majority', 'hundred', 'thousand', 'dozen',
  // measures of goods: "50 tonnes of rice", "two shipments of vaccines" are about the rice and the vaccines
  'tonnes', 'tons', 'tonne', 'ton', 'shipments', 'shipment', 'consignments', 'consignment', 'truckloads', 'cargoes', 'cargo',
  'batches', 'batch', 'doses', 'loads', 'planeloads', 'convoys', 'convoy', 'pallets', 'crates', 'boxes', 'kits', 'barrels', 'litres', 'liters']);

export function findEvents(doc: Doc, index: ActorIndex, published: string | null, ignore: Array<{ start: number; end: number }>, quotes: Quote[] = []): Event[] {
  const isIgnored = (s: { start: number; end: number }) => ignore.some((r) => s.start < r.end && s.end > r.start);
  const ctx: Context = { doc, index, children: dependents(doc), quotes, published };
  const mentions: Mention[] = [];
  for (const token of doc.tokens) {
    if (isIgnored(token)) continue;
    const reading = readTrigger(ctx, token) ?? readHeadline(ctx, token);
    if (!reading) continue;
    const mention = codeMention(ctx, reading);
    if (mention) mentions.push(mention);
    // "a court jailed X for seven years": a prison term is a conviction too (the manual's SANCTION convict, which
    // it codes alongside COERCE arrest)
    if (mention && mention.type === 'COERCE' && mention.mode === 'arrest' && !reading.nominal && jailedForTerm(ctx, reading.clause)) {
      mentions.push({ ...mention, type: 'SANCTION', mode: 'convict' });
    }
  }
  const actorCountry = (id: string) => index.actors.find((a) => a.id === id)?.country ?? null;
  const isPerson = (id: string) => index.actors.find((a) => a.id === id)?.type === 'person';
  // a dateline split off as a sentence of its own does not stand between the headline and the lead
  const furnitureSentences = doc.sentences.map((s) => isIgnored(s) && !doc.tokens.slice(s.tokenStart, s.tokenEnd).some((t) => !isIgnored(t)));
  const proseOrdinal: number[] = [];
  furnitureSentences.reduce((ordinal, furniture, i) => ((proseOrdinal[i] = ordinal), furniture ? ordinal : ordinal + 1), 0);
  for (const m of mentions) m.sentence = proseOrdinal[m.sentence] ?? m.sentence;
  return mergeMentions(mentions, actorCountry, isPerson).map(({ sentence: _s, anaphoric: _a, ...e }, i) => ({ id: `e${i + 1}`, ...e }));
}

/** A gathering for a celebration, a funeral, prayers or a match, or to celebrate, mourn or watch. */
/** Verbs that keep someone from an act: "banned X from holding rallies", "prevented them from leaving". */
const PREVENTING = /^(ban|bar|prevent|stop|prohibit|forbid|block|keep|restrain|exclude|disqualify|deter|discourage|dissuade)$/;

/** A gerund with "from" under a verb of preventing (reached through its object, where the parser may hang it). */
function barredFrom(ctx: Context, token: Token): boolean {
  if (token.xpos !== 'VBG' || !ctx.children[token.i]!.some((c) => c.deprel === 'mark' && /^from$/i.test(c.text))) return false;
  for (let t = token, hops = 0; t.head >= 0 && hops < 3; hops++) {
    t = ctx.doc.tokens[t.head]!;
    if (t.upos === 'VERB') return PREVENTING.test(lemmaOf(t));
  }
  return false;
}

function festiveGathering(ctx: Context, verb: Token): boolean {
  return ctx.children[verb.i]!.some((c) =>
    ((c.deprel === 'advcl' || c.deprel === 'xcomp') && /^(celebrate|mourn|welcome|watch|pray|cheer|commemorate|honour|honor|greet|vote|worship)$/.test(lemmaOf(c))) ||
    (c.deprel.startsWith('obl') && subtree(ctx, c).some((t) => hasCase(ctx, t, ['for']) && /^(ceremony|celebration|celebrations|funeral|prayers?|match|festival|concert|parade|wedding|service|mass|vigil|graduation)$/i.test(t.text))));
}

/** "jailed X for seven years", "imprisoned her for life": a prison term given for a set time. */
function jailedForTerm(ctx: Context, verb: Token): boolean {
  // ("sentenced X to six years in prison": a sentence to a term is the same conviction)
  if (!/^(jail|imprison|sentence)$/.test(lemmaOf(verb))) return false;
  return ctx.children[verb.i]!.some((c) => c.deprel.startsWith('obl') && hasCase(ctx, c, lemmaOf(verb) === 'sentence' ? ['to'] : ['for']) && /^(years?|months?|life|decades?)$/i.test(c.text));
}

/** From a trigger to one coded mention, or null when it is content, background without an actor, or an accident. */
function codeMention(ctx: Context, reading: Reading): Mention | null {
  const { doc, children } = ctx;
  const { trigger, clause } = reading;
  let type = reading.sense.type;
  let mode = reading.sense.mode ?? null;
  // a participle describing a noun ("the seized ship", "hostages held since May") is background
  if (!reading.nominal && (trigger.deprel === 'amod' || (trigger.deprel === 'acl' && !isMisparsedMainVerb(ctx, trigger) && !isOngoingActOf(ctx, trigger)))) return null;
  if (!reading.nominal && isContent(ctx, clause)) return null;
  // "Asked what had changed, she said ...", "Asked about the talks, ...": a question put to someone
  if (!reading.nominal && trigger.i === doc.sentences[trigger.sentence]!.tokenStart && /^(VBN|VBD)$/.test(trigger.xpos) && /^(what|whether|why|how|if|about|when|who|to)$/i.test(doc.tokens[trigger.i + 1]?.text ?? '')) return null;
  // "What we signed tonight ...": a free relative refers back to an act, it does not report a new one
  if (!reading.nominal && ctx.children[clause.i]!.some((c) => (c.deprel === 'obj' || isPassiveSubject(ctx, c)) && /^(what|whatever)$/i.test(c.text))) return null;
  // "Until Moscow accepts the corridor, the Coast Guard will enforce ...": an act in a present-tense "until" clause
  // has not happened; it only bounds another situation (a condition, which the README leaves uncoded)
  if (!reading.nominal && /^(VBZ|VBP)$/.test(clause.xpos) && ctx.children[clause.i]!.some((c) => c.deprel === 'mark' && /^until$/i.test(c.text))) return null;
  // "He did not say whether London would accept": nothing was reported
  if (underNegatedReport(ctx, clause)) return null;
  // "banned the opposition Kilimanjaro Democratic Union from holding rallies": what someone is barred from doing is
  // not done (the ban is the act)
  if (barredFrom(ctx, clause) || barredFrom(ctx, trigger)) return null;
  // "denied the claim, saying its troops had only returned fire after Armenian units opened fire", "denied that
  // it had shelled ...": what a denial says happened is the content of a statement, not a reported act
  if (!reading.nominal && insideDenial(ctx, clause)) return null;
  if (type === 'ASSAULT' && (tellsOfAccident(ctx, trigger) || (!reading.nominal && vesselsStruckEachOther(ctx, clause)))) return null;
  // a state of emergency declared over floods or an earthquake restricts no one (the manual's COERCE is repression)
  if (type === 'COERCE' && mode === 'martial-law' && tellsOfAccident(ctx, trigger)) return null;
  // "Baku has long opposed the EU mission", "Hungary, which has often opposed sanctions": a standing position is a
  // description, not an act (README: descriptions and background with no act are not coded)
  if (!reading.nominal && /^(oppose|support|back|favour|favor|resist)$/.test(lemmaOf(clause)) && auxiliariesOf(ctx, clause).some((a) => /^(has|have|had)$/i.test(a)) &&
    children[clause.i]!.some((c) => c.deprel === 'advmod' && /^(long|often|always|consistently|traditionally|generally)$/i.test(c.text))) return null;
  // "calling it a basis for talks", "called the vote a sham": naming something is no request
  if (type === 'REQUEST' && !reading.nominal && lemmaOf(clause) === 'call' && children[clause.i]!.some((c) => c.deprel === 'obj') && children[clause.i]!.some((c) => c.deprel === 'obl:unmarked' || (c.deprel === 'xcomp' && /^(NOUN|ADJ)$/.test(c.upos)))) return null;
  // "expelled a diplomat, calling his remarks unacceptable": a participle that names what another act answers is that
  // act's reason, not a condemnation of its own (as "boycotted the vote, calling it a sham")
  if (type === 'ACCUSE' && !reading.nominal && lemmaOf(clause) === 'call' && clause.xpos === 'VBG' && clause.deprel === 'advcl') return null;
  // "declined to comment", "refused to take questions": no act toward anyone
  if (type === 'REJECT' && refusesOnlyToSpeak(ctx, trigger)) return null;
  // "poured into the streets to celebrate the win", "gathered for the graduation ceremony": a crowd that is
  // celebrating, mourning or worshipping is not protesting
  if (type === 'PROTEST' && mode === 'demo' && !reading.nominal && festiveGathering(ctx, clause)) return null;
  // "a resolution that would have demanded access": a counterfactual, nothing was done
  const clauseAux = auxiliariesOf(ctx, reading.nominal && clause === trigger && trigger.head >= 0 ? doc.tokens[trigger.head]! : clause);
  if (clauseAux.includes('would') && clauseAux.includes('have')) return null;
  // a noun carried by a verb that is itself what another act asks, threatens or promises ("agreed to resume talks")
  if (reading.nominal && clause !== trigger && isContent(ctx, clause)) return null;
  // an act named with only its partners inside another act's content ("offered to host talks between X and Y");
  // one with its own agent is coded as the referenced act it is ("accepted Malaysia's offer")
  if (reading.nominal && clause === trigger && !hasAgent(ctx, trigger) && insideContent(ctx, trigger)) return null;
  if (reading.nominal && clause === trigger && trigger.head >= 0 && (trigger.deprel === 'obj' || isPassiveSubject(ctx, trigger)) && /^(cancel|postpone|scrap|call|delay|shelve|abandon)$/.test(lemmaOf(doc.tokens[trigger.head]!))) return null;
  // "were threatened with arrest": what is threatened is the threat's content, not an act of its own
  if (reading.nominal && trigger.head >= 0 && hasCase(ctx, trigger, ['with']) && /^(threaten|warn)$/.test(lemmaOf(doc.tokens[trigger.head]!))) return null;

  // "EU foreign ministers agreed to impose sanctions": the measure agreed on is coded itself (see isContent);
  // "EU agrees new sanctions on Belarus": a measure agreed as a noun is that measure
  if (type === 'AGREE' && !reading.nominal && (DECIDING.has(lemmaOf(trigger)) || /^(pledge|promise|vow|commit)$/.test(lemmaOf(trigger)))) {
    if (contentVerbs(ctx, clause).some((c) => hostileMeasure(ctx, c))) return null;
    // "agreed to withdraw troops", "pledged to release the prisoners": a committed retreat is CONCEDE, not AGREE
    // (README: a future RETREAT is CONCEDE; the manual keeps it out of AGREE)
    // ("agreed to scrap the tax", "promised to lift the curfew": a committed concession is that CONCEDE)
    if (contentVerbs(ctx, clause).some((c) => { const sense = c.upos === 'VERB' ? verbSense(ctx, c) : null; return !!sense && sense !== 'light' && (sense.type === 'RETREAT' || sense.type === 'CONCEDE'); })) {
      type = 'CONCEDE';
      mode = null;
    }
    let object = objectOf(ctx, clause);
    // ("agreed a fresh package of sanctions": the measure is what the package is of)
    const packaged = object && /^(package|round|set|series|raft|batch|wave|list)$/i.test(contentHead(ctx, object).text) ? ctx.children[contentHead(ctx, object).i]!.find((c) => c.deprel.startsWith('nmod') && hasCase(ctx, c, ['of'])) : undefined;
    if (packaged) object = packaged;
    const measure = object ? nounSense(nounLemma(contentHead(ctx, object))) : undefined;
    if (measure && HOSTILE_MEASURES.has(measure.type)) {
      // (the measure read as carried by the verb, as "imposed a package of sanctions against Belarus" is read)
      if (packaged) return codeMention(ctx, { sense: measure as Sense, trigger: contentHead(ctx, packaged), clause, nominal: true });
      return codeMention(ctx, { ...reading, sense: { ...reading.sense, type: measure.type, mode: measure.mode } as Sense });
    }
  }

  const sentence = doc.sentences[trigger.sentence]!;
  // "the strike did not go ahead", "no talks took place": a named act whose happening is denied
  const happening = reading.nominal && clause === trigger && trigger.head >= 0 && /^nsubj/.test(trigger.deprel) ? doc.tokens[trigger.head]! : null;
  let negated = isNegated(ctx, clause) || (reading.nominal && isNegated(ctx, trigger)) || failed(ctx, clause) || (!!happening && isNegated(ctx, happening));
  let modality = modalityOf(ctx, reading);
  const args = argumentsOf(ctx, reading, type);
  let { source, target } = args;

  // "charged that India was sponsoring militants", "alleged that Rwanda had armed the rebels": an accusation made
  // as a that-clause is aimed at whoever the clause says did it
  if (type === 'ACCUSE' && target.length === 0 && !reading.nominal) {
    // ("charged that India was sponsoring": the parser may make "that" the object and the clause hang on it)
    const that = children[clause.i]!.filter((c) => c.deprel === 'obj' && /^that$/i.test(c.text)).flatMap((c) => children[c.i]!.filter((g) => g.deprel === 'acl:relcl' || g.deprel === 'ccomp'));
    for (const content of [...contentVerbs(ctx, clause), ...that]) {
      if (content.deprel !== 'ccomp' && !that.includes(content)) continue;
      target = [...new Set(subjectsOf(ctx, content).flatMap((s) => actorIds(ctx, s, 'agent')).filter((id) => !source.includes(id)))];
      if (target.length) break;
    }
  }
  // an arrest ordered for someone out of reach ("exiled journalist X", "in absentia") cannot be carried out: the
  // manual codes it as a threat of arrest (THREATEN arrest), not an arrest
  if (type === 'COERCE' && mode === 'arrest' && !reading.nominal && outOfReach(ctx, clause)) {
    type = 'THREATEN';
  }
  // "thousands of Ukrainians rallied": people of a nationality protesting are a crowd, not their state
  if (type === 'PROTEST' && !reading.nominal) {
    const crowd = subjectsOf(ctx, clause).map((s) => contentHead(ctx, s)).find((h) => /s$/i.test(h.text) && (gazetteer().lookup(h.text) ?? gazetteer().lookup(h.text.slice(0, -1)))?.kind === 'demonym');
    if (crowd) source = [ctx.index.actorOnDemand('group', 'protesters', null, crowd.i, crowd.i + 1).id];
    // "Hundreds of Kurds demonstrated": whoever protests is a group of civilians, named by its plural noun
    if (source.length === 0) {
      const people = subjectsOf(ctx, clause).map((s) => contentHead(ctx, s)).find((h) => (h.upos === 'NOUN' || h.upos === 'PROPN') && /^\p{L}+s$/u.test(h.text) && !mentionAt(ctx, h) && !isEveryone(ctx, h));
      const group = people ? groupFor(ctx, people) : null;
      if (group) source = [group.id];
    }
    // "crowds looted shops": a crowd that riots is named for what it does, as the rioters
    const mob = subjectsOf(ctx, clause).find((s) => /^(crowds?|mobs?)$/i.test(s.text));
    if (mode === 'riot' && mob) source = [ctx.index.actorOnDemand('group', 'rioters', null, mob.i, mob.i + 1).id];
  }
  // a diplomatic protest by a state or an official is ACCUSE, not the PROTEST of a crowd
  if (type === 'PROTEST' && source.length > 0 && source.every((id) => isOfficial(ctx, id))) {
    if (mode === 'obstruct') {
      type = 'COERCE';
      mode = 'restrict';
    } else {
      type = 'ACCUSE';
      mode = 'disapprove';
    }
  }
  // a protest against a law, a cut or a detention is directed at the state that made it (the manual's PROTEST
  // targets the authorities); a protest against anything else ("against the election result") names no target
  if (type === 'PROTEST' && target.length === 0) target = protestedState(ctx, reading, source);
  // "In a letter to the European Union, Poland demanded ...": a written message's addressee is whom the verbal act is
  // made to, whatever else the act's content names
  // (one asked in person, "urged Chad in a letter to ...", is the recipient still)
  if (VERBAL_ACTS.has(type) && !reading.nominal && !children[clause.i]!.some((c) => /^(obj|iobj)$/.test(c.deprel) && actorIds(ctx, c, 'patient').length)) {
    const addressee = addresseeOfMessage(ctx, clause).filter((id) => !source.includes(id));
    if (addressee.length) target = addressee;
  }
  // "deposited $2 billion in Pakistan's central bank": money placed in a state's institution goes to that state
  if (type === 'AID' && target.length === 0 && !reading.nominal) {
    for (const c of children[clause.i]!) if (c.deprel.startsWith('obl') && hasCase(ctx, c, ['in', 'into']) && /^(bank|banks|account|accounts|treasury|reserves?|coffers|budget)$/i.test(c.text)) target = ownerIds(ctx, c).filter((id) => !source.includes(id));
  }
  // "Aid from the European Union reached flood-hit Pakistan", "EU aid arrived in Libya": aid reaching a state goes to it
  if (type === 'AID' && reading.nominal && target.length === 0 && /^nsubj/.test(trigger.deprel) && trigger.head >= 0 && /^(reach|arrive)$/.test(lemmaOf(doc.tokens[trigger.head]!))) {
    const arrival = doc.tokens[trigger.head]!;
    for (const c of children[arrival.i]!) if (c.deprel === 'obj' || (c.deprel.startsWith('obl') && hasCase(ctx, c, ['in', 'at']))) target = recipientIds(ctx, c).filter((id) => !source.includes(id));
  }
  // "broke into the servers of a South Korean shipbuilder": whose computers an intrusion reaches is its recipient
  if (type === 'COERCE' && mode === 'cyber' && target.length === 0 && !reading.nominal) {
    for (const c of children[clause.i]!) if (c.deprel.startsWith('obl') && hasCase(ctx, c, ['into'])) target = ownerIds(ctx, c).filter((id) => !source.includes(id));
  }
  // "Under pressure from taxi drivers, the government agreed to scrap the tax", "bowing to the farmers' demands": a
  // concession is made to whoever pressed for it
  if (type === 'CONCEDE' && target.length === 0 && !reading.nominal) target = pressingParty(ctx, clause).filter((id) => !source.includes(id));
  // "Ukrainian drones hit an oil refinery in Russia's Samara region": one state striking a site in another state's
  // territory attacks that state
  // "opened fire on a market, killing nine civilians": whom the attack killed or wounded is its recipient
  if (type === 'ASSAULT' && target.length === 0 && !reading.nominal) {
    for (const c of children[clause.i]!) {
      // ("used tear gas to disperse hundreds of protesters": whom the force was used to scatter)
      const scatters = /^(advcl|xcomp)$/.test(c.deprel) && /^(disperse|scatter|break)$/.test(lemmaOf(c));
      if (!scatters && (c.deprel !== 'advcl' || c.xpos !== 'VBG' || !/^(kill|wound|injure|maim)$/.test(lemmaOf(c)))) continue;
      const victim = objectOf(ctx, c);
      // ("killing seven people": people of no kind name no recipient)
      if (victim && !/^(people|persons|others)$/i.test(contentHead(ctx, victim).text)) target = actorIds(ctx, victim, 'patient').filter((id) => !source.includes(id));
      if (target.length) break;
    }
  }
  // "fired tear gas at a march of garment workers": the marchers are whom it is fired at
  if (type === 'ASSAULT' && target.length === 0 && !reading.nominal) {
    for (const c of children[clause.i]!) {
      if (!c.deprel.startsWith('obl') || !hasCase(ctx, c, ['at', 'on', 'against']) || nounSense(nounLemma(c))?.type !== 'PROTEST') continue;
      for (const g of children[c.i]!) if (g.deprel.startsWith('nmod') && hasCase(ctx, g, ['of', 'by'])) target = actorIds(ctx, g, 'agent').filter((id) => !source.includes(id));
    }
  }
  if (type === 'ASSAULT' && target.length === 0 && !reading.nominal) target = attackedState(ctx, clause, source);
  if (type === 'ASSAULT' && target.length === 0 && !reading.nominal) target = stateOfForcesHit(ctx, clause, source);
  // ("two French aid workers were released": people set free go back to the state their nationality names, as
  // "two American citizens" do, even when the group acts for itself elsewhere)
  if (type === 'RETREAT' && mode === 'release' && !reading.nominal && target.every((id) => ctx.index.actors.find((a) => a.id === id)?.type === 'group')) {
    const freed = objectOf(ctx, clause);
    const states = freed && freed.upos === 'NOUN' ? countryQualifier(ctx, freed).filter((id) => !source.includes(id)) : [];
    if (states.length) target = states;
  }
  if (type === 'ACCUSE' && mode === 'investigate' && target.length === 0) target = investigatedParty(ctx, reading).filter((id) => !source.includes(id));
  if ((type === 'ACCUSE' || type === 'SUPPORT' || type === 'REJECT') && target.length === 0 && !reading.nominal) target = actorOfDescribedAct(ctx, clause).filter((id) => !source.includes(id));
  // "has received 12 helicopters from South Africa": aid told from the side of whom it helps, given by the "from" party
  if (type === 'AID' && !reading.nominal && /^(receive|obtain)$/.test(lemmaOf(trigger))) {
    const received = objectOf(ctx, clause);
    const phrases = [...children[clause.i]!, ...(received ? subtree(ctx, received) : [])];
    const from = phrases.find((c) => (c.deprel.startsWith('obl') || c.deprel.startsWith('nmod')) && hasCase(ctx, c, ['from']));
    const giver = from ? recipientIds(ctx, from).filter((id) => !source.includes(id)) : [];
    // (with no giver named, nothing says who gave: no event)
    if (!giver.length) return null;
    // (the argument reader may already have made the receiving subject the recipient, as for a visit received)
    target = (source.length ? source : target).filter((id) => !giver.includes(id));
    source = giver;
  }
  // troops or arms sent to help someone are aid (the helped party is the recipient); arms delivered to a state too
  const helped = helpedParty(ctx, clause);
  if (type === 'MOBILIZE' && (helped || (mode === 'weapons' && target.length > 0 && deliversTo(ctx, clause)))) {
    type = 'AID';
    mode = null;
  }
  if (type === 'AID' && target.length === 0 && helped) target = helped;
  // ("will send firefighting aircraft to Bolivia to help contain the wildfires": with no one named as helped, the
  // state the help is sent to)
  if (type === 'AID' && target.length === 0 && helped && !reading.nominal) {
    for (const c of children[clause.i]!) if (c.deprel.startsWith('obl') && hasCase(ctx, c, ['to'])) target = [...target, ...recipientIds(ctx, c).filter((id) => !source.includes(id) && !target.includes(id))];
  }
  // "sent two field hospitals and 150 medics to Turkey": the people sent with the aid are not whom it goes to
  if (type === 'AID' && !reading.nominal) {
    const object = objectOf(ctx, clause);
    if (object && AID_GOODS.has(nounLemma(contentHead(ctx, object)))) {
      const sent = new Set(subtree(ctx, object).flatMap((t) => (t.deprel === 'conj' && t.head === object.i ? actorIds(ctx, t, 'patient') : [])));
      if (target.some((id) => !sent.has(id))) target = target.filter((id) => !sent.has(id));
    }
  }
  // "pledged to provide $500 million to rebuild Ukraine's power grid": a promise of help is made to whom it helps
  if (type === 'AGREE' && target.length === 0 && !reading.nominal) {
    for (const content of contentVerbs(ctx, clause)) {
      const helpedByContent = helpedParty(ctx, content)?.filter((id) => !source.includes(id));
      if (helpedByContent?.length) {
        target = helpedByContent;
        break;
      }
    }
  }
  // "pledged $500 million in reconstruction aid to Ukraine": a recipient the parser hung inside the amount or the aid
  if ((type === 'AID' || type === 'AGREE') && target.length === 0 && !reading.nominal) {
    for (const c of children[clause.i]!) {
      if (c.deprel !== 'obj' && !c.deprel.startsWith('obl')) continue;
      const to = subtree(ctx, c).find((t) => t !== c && t.deprel.startsWith('nmod') && hasCase(ctx, t, ['to']));
      const ids = to ? recipientIds(ctx, to).filter((id) => !source.includes(id)) : [];
      if (ids.length) {
        target = ids;
        break;
      }
    }
  }
  // "will fund a new field hospital in Goma": aid delivered in another state's territory goes to that state
  if ((type === 'AID' || (type === 'AGREE' && reading.sense.type === 'AID')) && target.length === 0) {
    const place = placeOf(ctx, reading) ?? placeInClause(ctx, clause);
    const entry = place ? gazetteer().lookup(place) : undefined;
    const entity = place ? doc.entities.find((e) => e.text === place) : undefined;
    const sourceCountries = source.map((id) => ctx.index.actors.find((a) => a.id === id)?.country);
    if (entry?.country && entity && !sourceCountries.includes(entry.country)) target = [ctx.index.actorOnDemand('country', entry.name, entry.country, entity.tokenStart, entity.tokenEnd).id];
  }
  // "agreed to write off Zambia's debt" is the debt relief itself (AID), not a promise of it
  if (type === 'AGREE' && !reading.nominal && contentVerbs(ctx, clause).some((c) => writesOffDebt(ctx, c))) return null;
  // "ready to sit down with Baku", "willing to resume talks", "proposed sending troops to help Chad": readiness
  // to cooperate and a proposal of help are offers (AGREE); a proposed show of force stays hypothetical
  if ((COOPERATIVE.has(type) || type === 'AGREE') && (readiness(ctx, clause) || proposedBy(ctx, clause))) {
    type = 'AGREE';
    mode = null;
    modality = 'asserted';
  }
  // "cancelled a planned meeting between its defence minister and the US defence secretary": the cancelled
  // meeting's other party (read in word order after "between", as the parser often breaks the coordination)
  if (type === 'REJECT' && target.length === 0 && !reading.nominal) {
    const object = objectOf(ctx, clause);
    if (object && nounSense(nounLemma(object))?.type === 'CONSULT') target = partiesAfterBetween(ctx, object).filter((id) => !source.includes(id));
  }
  // "refused to extradite the banker to Moscow": a refused or promised handover is directed at whom it would go to
  // (the person handed over is not whom the refusal answers: "refused to extradite the banker Ilya Sokolov to Moscow")
  if ((type === 'REJECT' || type === 'AGREE') && !reading.nominal) {
    for (const content of contentVerbs(ctx, clause)) {
      if (!/^(extradite|hand|return|send|deport|transfer|repatriate)$/.test(lemmaOf(content))) continue;
      const to = subtree(ctx, content).find((t) => t.i > content.i && t.deprel === 'case' && /^to$/i.test(t.text));
      const party = to ? recipientIds(ctx, ctx.doc.tokens[to.head]!).filter((id) => !source.includes(id)) : [];
      if (party.length) {
        target = party;
        break;
      }
    }
  }
  // "dropped its demand that Prime Minister X resign": a dropped demand concedes to whom it was made of
  if (type === 'CONCEDE' && target.length === 0 && !reading.nominal) {
    const object = objectOf(ctx, clause);
    if (object && DEMANDS.has(nounLemma(object))) {
      for (const t of subtree(ctx, object)) {
        const actor = t !== object ? mentionAt(ctx, t)?.actor : undefined;
        if (actor && (actor.type === 'person' || actor.type === 'country') && !source.includes(actor.id) && !target.includes(actor.id)) target.push(actor.id);
      }
    }
  }
  // "completed their withdrawal ..., handing control to Azerbaijani border guards": whom ground is handed to
  if (type === 'RETREAT' && target.length === 0) target = handedTo(ctx, trigger).filter((id) => !source.includes(id));
  // released captives are not the party the release is directed at, unless a state stands behind them
  if (type === 'RETREAT') target = target.filter((id) => ctx.index.actors.find((a) => a.id === id)?.type !== 'group');
  // what a speaker's own side does in a quote is the speaker's act ("Finland stands fully behind ...")
  source = speakerForOwnSide(ctx, trigger, source, type);
  // ("will be met with a response" speaks of the future, but the threat itself is made now)
  if (type === 'THREATEN' && !reading.nominal && lemmaOf(trigger) === 'meet') modality = 'asserted';
  // ("is prepared to cut gas supplies": the readiness is declared now, whatever it is readiness for)
  if (type === 'THREATEN' && !reading.nominal && readiness(ctx, trigger) && modality === 'future') modality = 'asserted';
  // a threat in a direct quote that names no one making it is the speaker's ("Any attack will be met with ...")
  if (type === 'THREATEN' && source.length === 0 && !reading.nominal) {
    const quote = ctx.quotes.find((q) => q.kind !== 'indirect' && q.content.start <= trigger.start && q.content.end >= trigger.end);
    const speaker = quote ? speakerOf(ctx, quote) : null;
    if (speaker) source = [speaker];
  }
  // "an Ethiopian spokesperson said any incursion would be met with force": a threat that names no one making it
  // is made by whoever reports it
  if (type === 'THREATEN' && source.length === 0 && !reading.nominal) source = speakersOf(ctx, clause);
  // "threatened to kill any aid workers", "threatened to arrest the organisers": whom the threatened act is done to
  if (type === 'THREATEN' && target.length === 0 && !reading.nominal && reading.sense.type === 'THREATEN') {
    for (const content of contentVerbs(ctx, clause)) {
      const object = objectOf(ctx, content);
      if (!object) continue;
      const head = contentHead(ctx, object);
      let ids = actorIds(ctx, object, 'patient');
      if (ids.length === 0 && GROUP_NOUNS.has(head.text.toLowerCase())) ids = [groupFor(ctx, head)?.id].filter((id): id is string => !!id);
      target = ids.filter((id) => !source.includes(id));
      if (target.length) break;
    }
  }
  // "Algeria's ambassador to Madrid was recalled": with no agent named, an envoy is recalled by the state he serves,
  // from the state he is posted to
  if (type === 'SANCTION' && mode === 'withdraw' && source.length === 0 && !reading.nominal) {
    const envoy = children[clause.i]!.find((c) => isPassiveSubject(ctx, c) && DIPLOMATS.has(nounLemma(c)));
    const owner = envoy ? children[envoy.i]!.find((c) => c.deprel === 'nmod:poss') : undefined;
    if (envoy && owner) {
      source = actorIds(ctx, owner, 'agent');
      const post = children[envoy.i]!.find((c) => c.deprel.startsWith('nmod') && hasCase(ctx, c, ['to', 'in']));
      target = (post ? recipientIds(ctx, post) : target).filter((id) => !source.includes(id));
    }
  }
  // "X has been placed under house arrest in Managua": an arrest with no agent named is made by the state it is in
  if (type === 'COERCE' && mode === 'arrest' && source.length === 0 && !reading.nominal && children[clause.i]!.some((c) => isPassiveSubject(ctx, c))) {
    const place = placeOf(ctx, reading) ?? placeInClause(ctx, clause);
    const entry = place ? gazetteer().lookup(place) : undefined;
    const entity = place ? doc.entities.find((e) => e.text === place) : undefined;
    if (entry?.country && entity && (entry.kind === 'capital' || entry.kind === 'country')) source = [ctx.index.actorOnDemand('country', entry.name, entry.country, entity.tokenStart, entity.tokenEnd).id];
  }
  // "deployed four vessels to Scarborough Shoal to shadow Chinese ships", "to deter Belarus": a show of force is
  // aimed at whom its purpose names
  if (type === 'MOBILIZE' && target.length === 0 && !reading.nominal) {
    const purpose = children[clause.i]!.find((c) => c.deprel === 'advcl' && children[c.i]!.some((m) => m.deprel === 'mark' && /^to$/i.test(m.text)) && /^(deter|shadow|counter|confront|warn|intimidate|pressure|monitor|watch|challenge)$/.test(lemmaOf(c)));
    const aimed = purpose ? objectOf(ctx, purpose) : undefined;
    if (aimed) target = (actorIds(ctx, aimed, 'patient').length ? actorIds(ctx, aimed, 'patient') : ownerIds(ctx, contentHead(ctx, aimed))).filter((id) => !source.includes(id));
  }
  // "Police fired tear gas at protesters ... in Nairobi": a state organ named with no state is the one of the only
  // state the sentence places the act in
  if (source.length === 0 && !reading.nominal) {
    // ("Security forces", "riot police": a modifier that names no owner leaves the organ unowned)
    const owning = (c: Token) => ['nmod:poss', 'nmod'].includes(c.deprel) || (['amod', 'compound'].includes(c.deprel) && (!!mentionAt(ctx, c) || !!countryNameAt(ctx, c) || !!gazetteer().lookup(c.text)?.country || !/^(security|riot|special|border|federal|state|national|paramilitary|armed|secret|government|elite|military|interior)$/i.test(c.text)));
    const organ = subjectsOf(ctx, clause).find((s) => STATE_ORGANS.has(s.text.toLowerCase()) && !children[s.i]!.some(owning));
    if (organ) source = soleStateOfSentence(ctx, trigger.sentence);
    // ("BELGRADE - Police arrested ...": else the state the report was filed from)
    const home = organ && source.length === 0 ? ctx.index.homeCountry() : null;
    if (home) source = [home.id];
  }
  // a curfew confines everyone in a place, a recipient too broad to name (as the manual says of shutting off the
  // internet): "ordered residents of Khorog to stay indoors" has no recipient
  if (type === 'COERCE' && mode === 'curfew') target = [];
  // a conflict party calling for the end of its own fighting commits to it (AGREE, per the manual)
  if (type === 'REQUEST' && callsForEndOfFighting(ctx, clause, source)) {
    type = 'AGREE';
    mode = null;
    // (committed to the other side of that fighting: "an end to the fighting with Congolese troops")
    const asked = children[clause.i]!.find((c) => c.deprel.startsWith('obl') && hasCase(ctx, c, ['for']));
    const other = asked ? subtree(ctx, asked).find((t) => t.deprel.startsWith('nmod') && hasCase(ctx, t, ['with'])) : undefined;
    const against = other ? actorIds(ctx, other, 'patient').filter((id) => !source.includes(id)) : [];
    if (against.length) target = against;
  }
  // a conditional promise of harm by the speaker's side is a threat to whoever the condition is about
  // (a strike, blockade or boycott promised on a condition is the manual's THREATEN restrict)
  if (type !== 'THREATEN' && ['SANCTION', 'ASSAULT', 'COERCE', 'MOBILIZE', 'PROTEST'].includes(type) && !reading.nominal && conditionalThreat(ctx, clause)) {
    type = 'THREATEN';
    mode = null;
  }
  if (type === 'THREATEN' && !reading.nominal && conditionOf(ctx, clause) && reading.sense.type !== 'THREATEN' || (type === 'THREATEN' && !reading.nominal && !verbReadings(lemmaOf(trigger)).length)) {
    const condition = conditionOf(ctx, clause);
    const about = condition ? subjectsOf(ctx, condition).flatMap((c) => actorIds(ctx, c, 'agent')) : [];
    if (about.length) target = about.filter((id) => !source.includes(id));
    modality = 'asserted';
  }
  if (type === 'THREATEN' && target.length === 0 && !reading.nominal) {
    const condition = conditionOf(ctx, clause) ?? contentVerbs(ctx, clause).map((c) => conditionOf(ctx, c)).find((c) => c);
    if (condition) target = subjectsOf(ctx, condition).flatMap((c) => actorIds(ctx, c, 'agent')).filter((id) => !source.includes(id));
    // "... if the government did not scrap the tax": a government named with no state is the sentence's only state
    if (condition && target.length === 0 && subjectsOf(ctx, condition).some((c) => STATE_ORGANS.has(c.text.toLowerCase()) && !children[c.i]!.some((g) => ['amod', 'compound', 'nmod:poss', 'nmod'].includes(g.deprel)))) {
      target = soleStateOfSentence(ctx, trigger.sentence).filter((id) => !source.includes(id));
    }
  }
  // "'... we will shoot it down,' the minister warned Belarus": a threat quoted is aimed at whom the warning addresses
  if (type === 'THREATEN' && target.length === 0 && !reading.nominal) {
    // (the reporting verb governs the quote, or hangs on it as parataxis after it)
    // (a harm coordinated with the first is told by the same verb: "we will shoot it down and strike ...")
    const first = clause.deprel === 'conj' && clause.head >= 0 ? doc.tokens[clause.head]! : clause;
    const reports = [...governors(ctx, first, 3).filter(({ via }) => /^(parataxis|ccomp)$/.test(via)).map(({ token }) => token), ...children[first.i]!.filter((c) => c.deprel === 'parataxis')];
    for (const token of reports) {
      if (token.upos !== 'VERB' || !/^(warn|tell|threaten|caution)$/.test(lemmaOf(token))) continue;
      target = children[token.i]!.filter((c) => c.deprel === 'obj' || c.deprel === 'iobj').flatMap((c) => actorIds(ctx, c, 'patient')).filter((id) => !source.includes(id));
      break;
    }
  }
  // "will not attend", "would not accept", "will never recognise": a refusal, which is itself an event
  if (negated && (modality === 'future' || modality === 'hypothetical') && REFUSABLE.has(type)) {
    type = 'REJECT';
    mode = mode === null && reading.sense.type === 'CONSULT' ? 'meet' : null;
    negated = false;
    modality = 'asserted';
  }
  if (negated && type === 'AGREE' && lemmaOf(trigger) === 'accept') {
    type = 'REJECT';
    negated = false;
  }
  if (modality === 'future' || (modality === 'asserted' && underCommitment(ctx, clause))) {
    // a promised meeting, signature, cooperation or aid is AGREE; a promised retreat is CONCEDE. A meeting that
    // someone will host ("will host talks in Reykjavik on Monday") is arranged, not offered: a planned CONSULT. Talks
    // the parties themselves will hold ("The two sides will also hold annual defence talks") are their planned
    // meeting, AGREE like "will meet"
    const holders = lemmaOf(clause) === 'hold' ? subjectsOf(ctx, clause).flatMap((c) => actorIds(ctx, c, 'agent')) : [];
    const convened = type === 'CONSULT' && reading.nominal && clause !== trigger && (lemmaOf(clause) === 'host' || (lemmaOf(clause) === 'hold' && holders.length < 2));
    if (COOPERATIVE.has(type) && !convened) {
      type = 'AGREE';
      mode = null;
    } else if (type === 'RETREAT') {
      type = 'CONCEDE';
      mode = null;
    }
  }
  // what the speaker of a quote says another party must do is the speaker's demand ("Beijing must release him")
  const demand = demandInQuote(ctx, clause, source);
  if (demand) {
    target = source;
    source = demand;
    type = 'REQUEST';
    mode = null;
    modality = 'asserted';
  }
  // "'Open the crossings now,' X told Israeli officials": an order in the imperative, quoted, is the speaker's
  // request to whom it is told (what is ordered is its content, not an act of its own)
  const imperative = !reading.nominal ? imperativeInQuote(ctx, clause) : null;
  if (imperative) {
    source = [imperative.speaker];
    target = imperative.addressee.filter((id) => id !== imperative.speaker);
    type = 'REQUEST';
    mode = null;
    modality = 'asserted';
    negated = false;
  }
  // "arrested 14 suspects in a joint operation": the joint act is between the clause's actors, and what the
  // carrying verb acts on is no partner in it
  if (type === 'COOPERATE' && reading.nominal && clause !== trigger && reading.trigger.deprel.startsWith('obl')) target = [];
  if (type === 'COOPERATE' || type === 'MOBILIZE') {
    // joint drills and operations are cooperation between their parties; one side's drills are a show of force
    const joint = children[trigger.i]!.some((c) => JOINT.has(c.text.toLowerCase())) || /^joint/i.test(trigger.text);
    // (a joint act planned is a commitment to cooperate: AGREE, as for any cooperation in the future)
    if (reading.nominal && joint) type = modality === 'future' ? 'AGREE' : 'COOPERATE';
    if (reading.nominal && type === 'MOBILIZE' && source.length + target.length > 1 && children[clause.i]!.some((c) => c.deprel === 'conj')) type = 'COOPERATE';
    // ("South Korean and American forces began their annual spring drills": drills held by the forces of two states
    // together are joint drills, though the word "joint" is not said)
    const states = source.filter((id) => ctx.index.actors.find((a) => a.id === id)?.type === 'country');
    if (reading.nominal && type === 'MOBILIZE' && /^(drills?|exercises?|manoeuvres?|maneuvers?|wargames|games)$/i.test(trigger.text) && states.length >= 2 && target.length === 0) type = 'COOPERATE';
  }
  // "clashed with police in Dhaka": two-sided violence lists every side as actor (the manual's ASSAULT)
  if (type === 'ASSAULT' && !reading.nominal && /^(clash|fight)$/.test(lemmaOf(clause))) {
    const other = children[clause.i]!.find((c) => c.deprel.startsWith('obl') && hasCase(ctx, c, ['with', 'against']));
    if (other && target.length === 0 && STATE_ORGANS.has(other.text.toLowerCase())) {
      const place = placeInClause(ctx, clause);
      const entry = place ? gazetteer().lookup(place) : undefined;
      const entity = place ? doc.entities.find((e) => e.text === place) : undefined;
      if (entry?.country && entity) target = [ctx.index.actorOnDemand('country', entry.name, entry.country, entity.tokenStart, entity.tokenEnd).id];
    }
    source = [...source, ...target.filter((t) => !source.includes(t))];
    target = [];
  }
  // (a meeting offered, "ready to sit down with Baku", stays directed at whom it is offered to)
  if ((type === 'CONSULT' || (type === 'AGREE' && reading.sense.type === 'CONSULT' && modality === 'future')) && mode !== 'visit' && reading.sense.mode !== 'visit') {
    // a meeting, held or promised, lists every participant as actor (the manual's reciprocal convention)
    source = [...source, ...target.filter((t) => !source.includes(t))];
    target = [];
  }
  // "Emergency talks opened in Reykjavik": a meeting named without its parties still says where it is
  const placeOnly = type === 'CONSULT' && source.length === 0 && reading.nominal && placeOf(ctx, reading) !== null;
  if (source.length === 0 && !args.anaphoric && !placeOnly) return null;
  // ("the cabinet discussed the budget": a discussion is a consultation only between two parties or more)
  if (type === 'CONSULT' && !reading.nominal && lemmaOf(clause) === 'discuss' && new Set([...source, ...target]).size < 2) return null;
  // a meeting of three or more, or of an international organisation, is multilateral
  const organisation = source.some((id) => { const a = ctx.index.actors.find((x) => x.id === id); return a?.type === 'organization' && !!gazetteer().lookup(a.name); });
  if (type === 'CONSULT' && mode === null && (source.length > 2 || organisation)) mode = 'multilateral';
  const location = placeOf(ctx, reading);
  // two sides meeting on one side's home ground: the other is visiting (the manual's visit/host distinction)
  if (type === 'CONSULT' && mode === null && source.length === 2 && location) {
    const country = gazetteer().lookup(location)?.country;
    const home = source.filter((id) => participantCountry(ctx, id) === country);
    if (country && home.length === 1) {
      mode = 'visit';
      target = home;
      source = source.filter((id) => id !== home[0]);
    }
  }
  return {
    type,
    mode: mode ?? null,
    source,
    target: target.filter((t) => !source.includes(t)),
    location,
    negated,
    modality,
    sentence: trigger.sentence,
    anaphoric: args.anaphoric || placeOnly,
    evidence: { start: sentence.start, end: sentence.end, text: doc.text.slice(sentence.start, sentence.end) },
    date: dateOf(ctx, reading, modality),
  };
}

/**
 * The day an act took place, from a date in its own clause read against the publication date ("on Tuesday" is the
 * Tuesday before publication unless the act is still to come; "on March 4" is that day). Without a day in the
 * clause, the publication date stands, unless the clause names another month or year ("met in January"): then
 * the day is not known.
 */
function dateOf(ctx: Context, reading: Reading, modality: Modality): string | null {
  if (!ctx.published) return null;
  const reference = new Date(`${ctx.published}T12:00:00Z`);
  const words = new Set([...subtreeShallow(ctx, reading.clause), ...(reading.nominal ? subtreeShallow(ctx, reading.trigger) : [])].map((t) => t.i));
  for (const entity of ctx.doc.entities) {
    if (entity.label !== 'DATE' || !words.has(entity.tokenStart)) continue;
    const found = chrono.parse(entity.text, reference)[0];
    if (!found) continue;
    if (!found.start.isCertain('day') && !found.start.isCertain('weekday')) {
      const otherMonth = found.start.isCertain('month') && found.start.get('month') !== reference.getUTCMonth() + 1;
      const otherYear = found.start.isCertain('year') && found.start.get('year') !== reference.getUTCFullYear();
      if (otherMonth || otherYear) return null;
      continue;
    }
    const date = found.start.date();
    // a weekday in a report of what happened is the last one before publication
    if (modality !== 'future' && date.getTime() > reference.getTime() + 12 * 3600 * 1000) {
      if (found.start.isCertain('weekday') && !found.start.isCertain('day')) date.setUTCDate(date.getUTCDate() - 7);
      else continue;
    }
    return date.toISOString().slice(0, 10);
  }
  return ctx.published;
}

// ---------------------------------------------------------------------------------------------------------------
// Triggers

/** A verb's lemma from the verbs the coder knows (the tagger's own lemma when it knows none); a noun's lower-case lemma. */
function lemmaOf(token: Token): string {
  if (token.upos === 'NOUN' || token.upos === 'PROPN' || token.upos === 'NUM') return (token.lemma || token.text).toLowerCase();
  return verbLemma(token.text, knownVerb) ?? (token.lemma || token.text).toLowerCase();
}

function nounLemma(token: Token): string {
  const lower = token.text.toLowerCase();
  return nounSense(lower) ? lower : lemmaOf(token);
}

/** The head of what a verb acts on: its object, or in a passive its subject. */
function objectOf(ctx: Context, verb: Token): Token | undefined {
  const kids = ctx.children[verb.i]!;
  // "the questions Iceland asked": a relative clause with its own subject acts on the noun it describes
  if (verb.deprel === 'acl:relcl' && !kids.some((c) => c.deprel === 'obj') && kids.some((c) => c.deprel === 'nsubj' && !/^(who|which|that)$/i.test(c.text))) return ctx.doc.tokens[verb.head];
  // the same without "that", misread as an adverbial clause: "answered the questions Iceland asked"
  const subject = kids.find((c) => c.deprel === 'nsubj');
  const before = subject ? ctx.doc.tokens[subject.i - 1] : undefined;
  if (subject && !kids.some((c) => c.deprel === 'obj') && verb.deprel === 'advcl' && subject.i === verb.i - 1 && before?.upos === 'NOUN' && before.deprel === 'obj' && before.head === verb.head) return before;
  return kids.find((c) => c.deprel === 'obj') ?? kids.find((c) => isPassiveSubject(ctx, c)) ?? kids.find((c) => c.deprel === 'iobj') ??
    kids.find((c) => c.deprel === 'obl:agent' && !hasCase(ctx, c, ['by'])) ?? kids.find((c) => c.deprel === 'xcomp' && (c.upos === 'NOUN' || c.upos === 'PROPN') && !caseOf(ctx, c));
}

/** A passive subject, also when the parser labelled it a plain subject of "was" + participle. */
function isPassiveSubject(ctx: Context, token: Token): boolean {
  if (PASSIVE_SUBJECTS.has(token.deprel)) {
    // "the army has not attacked Tigrayan forces": an object and no form of "be" make it active after all
    const verb = token.head >= 0 ? ctx.doc.tokens[token.head]! : null;
    // ("Rwandan troops have not withdrawn": a perfect with no form of "be" is active even without an object)
    const noBe = !!verb && !ctx.children[verb.i]!.some((c) => c.deprel === 'aux:pass' || /^(was|were|been|being|is|are|be|get|got|gets)$/i.test(c.text));
    const active = noBe && (ctx.children[verb.i]!.some((c) => c.deprel === 'obj') || ctx.children[verb.i]!.some((c) => c.deprel === 'aux' && /^(have|has|had)$/i.test(c.text)));
    return !active;
  }
  if (token.deprel !== 'nsubj' || token.head < 0) return false;
  const verb = ctx.doc.tokens[token.head]!;
  return verb.xpos === 'VBN' && ctx.children[verb.i]!.some((c) => c.deprel === 'aux:pass' || (c.deprel.startsWith('aux') && /^(was|were|been|being|is|are|be|get|got)$/i.test(c.text)));
}

/** The word that heads a phrase for lexical checks: "thousands of troops" is about troops. */
function contentHead(ctx: Context, head: Token): Token {
  // "hundreds of thousands of Ukrainians": through every count to what is counted
  for (let hops = 0; hops < 3 && (QUANTITY_NOUNS.has(head.text.toLowerCase()) || head.upos === 'NUM'); hops++) {
    const inner = ctx.children[head.i]!.find((c) => c.deprel.startsWith('nmod') && hasCase(ctx, c, ['of']));
    if (!inner) break;
    head = inner;
  }
  return head;
}

/** Particles and prepositions that go with a verb: "pull out", "call for", "fire on", "walk out of". */
function particlesOf(ctx: Context, verb: Token): Set<string> {
  const found = new Set<string>();
  for (const c of ctx.children[verb.i]!) {
    // ("called its envoy home": "home" completes the verb as a particle would)
    if (c.deprel === 'compound:prt' || (c.deprel === 'advmod' && /^(off|out|down|up|back|in|over|away)$/i.test(c.text))) found.add(c.text.toLowerCase());
    // (the parser may also read "home" as an object or oblique)
    if (/^(advmod|obj|obl|xcomp)$/.test(c.deprel) && /^home$/i.test(c.text)) found.add('home');
    if ((c.deprel.startsWith('obl') || c.deprel === 'obj' || c.deprel === 'xcomp' || c.deprel === 'advcl') && !isTimePhrase(ctx, c)) {
      const kase = caseOf(ctx, c);
      if (kase) found.add(kase);
    }
  }
  // a particle the parser hung elsewhere still follows the verb
  const next = ctx.doc.tokens[verb.i + 1];
  if (next && next.sentence === verb.sentence && (next.upos === 'ADP' || next.xpos === 'RP' || next.upos === 'ADV') && /^(off|out|down|up|back|in|over|on|for|at|with|against|into)$/i.test(next.text)) found.add(next.text.toLowerCase());
  return found;
}

const TIME_WORDS = /^(monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april|may|june|july|august|september|october|november|december|morning|evening|night|day|week|month|year|weekend|time|occasion|eve|anniversary)s?$/i;

/** "on Sunday", "in March", "at the weekend": when, not to whom. */
function isTimePhrase(ctx: Context, phrase: Token): boolean {
  return TIME_WORDS.test(phrase.text) || ctx.doc.entities.some((e) => e.label === 'DATE' && phrase.i >= e.tokenStart && phrase.i < e.tokenEnd);
}

/** The verb of the clause a verb takes ("refused to meet": meet; "warned it would retaliate": retaliate). */
function contentVerbs(ctx: Context, verb: Token): Token[] {
  const out: Token[] = [];
  for (const c of ctx.children[verb.i]!) {
    const infinitive = c.deprel === 'advcl' && ctx.children[c.i]!.some((m) => m.deprel === 'mark' && /^to$/i.test(m.text));
    if (c.deprel === 'xcomp' || c.deprel === 'ccomp' || infinitive) {
      out.push(c);
      for (const g of ctx.children[c.i]!) if (g.deprel === 'conj' || g.deprel === 'xcomp') out.push(g);
    }
  }
  // "ordered two diplomats to leave": the infinitive the parser hung on the object right after it
  const object = out.length === 0 ? ctx.children[verb.i]!.find((c) => c.deprel === 'obj' || c.deprel === 'iobj') : undefined;
  const told = object ? ctx.children[object.i]!.find((c) => c.deprel === 'acl' && c.upos === 'VERB' && ctx.children[c.i]!.some((m) => m.deprel === 'mark' && /^to$/i.test(m.text) && m.i === c.i - 1)) : undefined;
  if (told) out.push(told);
  return out;
}

function verbSense(ctx: Context, verb: Token): Sense | 'light' | null {
  const readings = verbReadings(lemmaOf(verb));
  const object = objectOf(ctx, verb);
  const objectHead = object ? contentHead(ctx, object) : undefined;
  // the tagger's noun lemmas keep some plurals ("troops"): compare singulars too
  const withSingulars = (list: string[]) => list.flatMap((w) => [w, w.replace(/ies$/, 'y').replace(/s$/, '')]);
  // ("a state of emergency", "a state of siege": the state is named by what it is of)
  const stateOf = objectHead && /^state$/i.test(objectHead.text) ? ctx.children[objectHead.i]!.filter((c) => c.deprel.startsWith('nmod') && hasCase(ctx, c, ['of'])).map(lemmaOf) : [];
  // ("four kidnapped aid workers", "trafficked women": people held by captors are victims, whatever they are)
  const victims = objectHead && ctx.children[objectHead.i]!.some((c) => /^(amod|acl)$/.test(c.deprel) && /^(kidnapped|abducted|trafficked|enslaved|captive|hijacked)$/i.test(c.text)) ? ['victim'] : [];
  // ("released two aid workers": a compound says what kind of people they are, not what is handed over)
  const people = objectHead ? CAPTIVES.has(lemmaOf(objectHead)) || CAPTIVES.has(objectHead.text.toLowerCase().replace(/s$/, '')) : false;
  const objectWords = objectHead ? withSingulars([lemmaOf(objectHead), objectHead.text.toLowerCase(), ...(people ? [] : ctx.children[objectHead.i]!.filter((c) => c.deprel === 'compound').map(lemmaOf)), ...stateOf, ...victims]) : [];
  const particles = particlesOf(ctx, verb);
  // ("warned that a joint command would take years to build": taking time is no act)
  const takesTime = (c: Token) => lemmaOf(c) === 'take' && ctx.children[c.i]!.some((o) => o.deprel === 'obj' && /^(years?|months?|weeks?|days?|decades?|time|long|hours?)$/i.test(o.text));
  const content = contentVerbs(ctx, verb).filter((c) => !takesTime(c)).map(lemmaOf);
  const obliques = ctx.children[verb.i]!.filter((c) => c.deprel.startsWith('obl')).map(lemmaOf);
  // "warned Finland of countermeasures": a name takes no modifier of its own, so a prepositional phrase the parser
  // hung on a named object belongs to the verb
  if (object && object.upos === 'PROPN') {
    for (const n of ctx.children[object.i]!) {
      const kase = n.deprel.startsWith('nmod') ? caseOf(ctx, n) : undefined;
      if (!kase || isTimePhrase(ctx, n)) continue;
      particles.add(kase);
      obliques.push(lemmaOf(n));
    }
  }
  // ("protesters who had gathered": a relative clause's subject is the noun it describes)
  const relativeHead = (c: Token) => (verb.deprel === 'acl:relcl' && verb.head >= 0 && /^(who|which|that)$/i.test(c.text) ? ctx.doc.tokens[verb.head]! : c);
  // ("Thousands of people poured into the streets": a main verb the parser hung under its subject noun)
  const misparsedSubject = verb.deprel === 'acl' && verb.head >= 0 && isMisparsedMainVerb(ctx, verb) ? [ctx.doc.tokens[verb.head]!] : [];
  const subjectWords = withSingulars([...ctx.children[verb.i]!.filter((c) => SUBJECTS.has(c.deprel)), ...misparsedSubject].map((c) => contentHead(ctx, relativeHead(c))).flatMap((c) => [lemmaOf(c), c.text.toLowerCase()]));
  const matches = (r: VerbReading) =>
    (!r.object || objectWords.some((w) => r.object!.has(w))) &&
    (!r.particle || particles.has(r.particle)) &&
    (!r.content || content.some((c) => r.content!.has(c))) &&
    (!r.oblique || obliques.some((o) => r.oblique!.has(o))) &&
    (!r.subject || subjectWords.some((w) => r.subject!.has(w)));
  for (const r of readings) if ((r.object || r.particle || r.content || r.oblique || r.subject) && matches(r) && (!r.needsObject || object)) return r;
  // "held talks", "imposed sanctions": the noun decides
  if (LIGHT_VERBS.has(lemmaOf(verb)) && object && nounSense(nounLemma(object))) return 'light';
  for (const r of readings) {
    if (r.object || r.particle || r.content || r.oblique || r.subject) continue;
    if (r.needsObject && !object) continue;
    if (r.unless && objectWords.some((w) => r.unless!.has(w))) continue;
    return r;
  }
  return null;
}

function readTrigger(ctx: Context, token: Token): Reading | null {
  const { doc, children } = ctx;
  if (token.upos === 'VERB') {
    // "test-fired", "test-launched": a weapons test, not an attack
    if (/^(fire|launch)$/.test(lemmaOf(token)) && /^-$/.test(doc.tokens[token.i - 1]?.text ?? '') && /^test$/i.test(doc.tokens[token.i - 2]?.text ?? '')) {
      return { sense: { type: 'MOBILIZE', mode: 'weapons' }, trigger: token, clause: token, nominal: false };
    }
    // "said it was prepared to annex the region by force", "ready to use force": declared readiness to do harm is a
    // threat (readiness to cooperate is an offer, below)
    if (HARMFUL_CONTENT.has(lemmaOf(token)) && readiness(ctx, token) && !/^(defend|review|end|respond|act|stop|halt)$/.test(lemmaOf(token))) {
      return { sense: { type: 'THREATEN' }, trigger: token, clause: token, nominal: false };
    }
    // "any attack will be met with a devastating response": harm promised in answer to an act is a threat
    if (lemmaOf(token) === 'meet' && children[token.i]!.some((c) => isPassiveSubject(ctx, c)) &&
        children[token.i]!.some((c) => c.deprel.startsWith('obl') && hasCase(ctx, c, ['with']) && /^(response|force|retaliation|reprisals?|consequences)$/i.test(c.text))) {
      return { sense: { type: 'THREATEN', mode: 'violence' }, trigger: token, clause: token, nominal: false };
    }
    // "ordered the vessels to leave or face forceful measures", "told villagers to leave or be killed": an order with
    // the harm that follows disobeying it is a threat (the manual's THREATEN: a coercive warning)
    const ultimatum = ultimatumHarm(ctx, token);
    if (ultimatum) return { sense: { type: 'THREATEN', mode: ultimatum === 'arrest' ? 'arrest' : 'violence' }, trigger: token, clause: token, nominal: false };
    const sense = verbSense(ctx, token);
    if (sense && sense !== 'light') return { sense, trigger: token, clause: token, nominal: false };
    // "spoke by telephone with", "talked to": conversation with a partner
    if (/^(speak|talk|chat)$/.test(lemmaOf(token))) {
      const kids = children[token.i]!;
      const remote = kids.some((c) => /^(phone|telephone|video|videolink)$/i.test(c.text) || children[c.i]!.some((g) => /^(phone|telephone|video)$/i.test(g.text)));
      // (not the press or an audience: "spoke to reporters" is a statement, not a meeting)
      const partner = kids.some((c) => c.deprel.startsWith('obl') && hasCase(ctx, c, ['with', 'to']) && !AUDIENCES.test(c.text));
      if (partner || remote) return { sense: { type: 'CONSULT', mode: remote ? 'phone' : undefined }, trigger: token, clause: token, nominal: false };
    }
    // "sat down with Baku": a meeting
    if (lemmaOf(token) === 'sit' && particlesOf(ctx, token).has('down') && particlesOf(ctx, token).has('with')) {
      return { sense: { type: 'CONSULT' }, trigger: token, clause: token, nominal: false };
    }
    // "warned Finland that joining NATO would have consequences": a warning of consequences is a threat
    // ("... would cross a red line": the idiom of a line whose crossing brings a response)
    if (lemmaOf(token) === 'warn' && subtree(ctx, token).some((t) => t.i > token.i && (/^(consequences?|repercussions?|retaliation|reprisals?)$/i.test(t.text) || (/^lines?$/i.test(t.text) && /^red$/i.test(doc.tokens[t.i - 1]?.text ?? ''))))) {
      return { sense: { type: 'THREATEN' }, trigger: token, clause: token, nominal: false };
    }
    // "The Emirati foreign minister is due to travel to Tehran": an official going to another state visits it
    if (TRAVEL_VERBS.has(lemmaOf(token)) && travelsAsOfficial(ctx, token)) return { sense: { type: 'CONSULT', mode: 'visit' }, trigger: token, clause: token, nominal: false };
    // "Moscow would review the commission if the EU imposed sanctions": harm promised on a condition is a threat
    if (HARMFUL_CONTENT.has(lemmaOf(token)) && conditionalThreat(ctx, token)) return { sense: { type: 'THREATEN' }, trigger: token, clause: token, nominal: false };
    return null;
  }
  if (token.upos !== 'NOUN' && token.upos !== 'PROPN') return null;
  const sense = adjustedNounSense(ctx, token);
  if (!sense) return null;
  // "in March", "since March 3": the month is no march
  if (token.text === 'March' && (token.i !== doc.sentences[token.sentence]!.tokenStart || doc.entities.some((e) => e.label === 'DATE' && token.i >= e.tokenStart && token.i < e.tokenEnd))) {
    const before = doc.tokens[token.i - 1]?.text.toLowerCase() ?? '';
    const after = doc.tokens[token.i + 1]?.text ?? '';
    if (/^(in|on|since|until|till|by|from|to|last|next|early|late|mid|of|this|through|before|after|during)$/.test(before) || /^\d/.test(after) || token.upos === 'PROPN') return null;
  }
  // "the Norwegian Safety Investigation Authority", "Peace Talks Committee": a word of a name names no act
  if (doc.entities.some((e) => e.label !== 'DATE' && token.i >= e.tokenStart && token.i < e.tokenEnd && e.tokenEnd - e.tokenStart > 1)) return null;
  if (isNamePart(ctx, token)) return null;
  // "a fresh round of negotiations", "a series of strikes": the measure stands in the noun's place
  const measure = token.head >= 0 && ((/^(round|rounds|series|wave|day|days|package|set|batch|week|weeks|campaign)$/i.test(doc.tokens[token.head]!.text) && hasCase(ctx, token, ['of'])) ||
    // "50 million dollars in aid", "$2 billion of assistance": the amount stands in for the aid
    (sense.type === 'AID' && /^(dollars?|euros?|pounds?|million|billion|francs?|yen|yuan|roubles?|rubles?)$/i.test(doc.tokens[token.head]!.text) && hasCase(ctx, token, ['in', 'of']))) ? doc.tokens[token.head]! : null;
  const slot = measure ?? token;
  const head = slot.head >= 0 ? doc.tokens[slot.head]! : null;
  const headLemma = head ? lemmaOf(head) : '';
  const nounAsArgument = (verb: Token): Reading => ({ sense: nounReadingSense(ctx, token, sense, verb), trigger: token, clause: verb, nominal: true });
  // "imposed sanctions", "held a round of talks", "sat down for negotiations", "flew to Warsaw for talks"
  if (head && head.upos === 'VERB' && LIGHT_VERBS.has(headLemma) && (slot.deprel === 'obj' || isPassiveSubject(ctx, slot))) {
    if (verbSense(ctx, head) === 'light' || !verbReadings(headLemma).length || verbSense(ctx, head) === null) return nounAsArgument(head);
  }
  // "arrested 14 suspects in a joint operation": a joint act is cooperation by the clause's actors
  if (head && head.upos === 'VERB' && slot.deprel.startsWith('obl') && hasCase(ctx, slot, ['in', 'during', 'through']) && ctx.children[token.i]!.some((c) => JOINT.has(c.text.toLowerCase()))) {
    return { sense: { type: 'COOPERATE' }, trigger: token, clause: head, nominal: true };
  }
  // "announced the aid during a visit to Amman": a visit that no one else is named for is made by whoever speaks or
  // acts during it
  if (head && head.upos === 'VERB' && slot.deprel.startsWith('obl') && hasCase(ctx, slot, ['during', 'on']) && /^(visit|trip|tour)$/i.test(token.text) &&
    !children[token.i]!.some((c) => c.deprel === 'nmod:poss' || (c.deprel.startsWith('nmod') && hasCase(ctx, c, ['by', 'of']))) && children[token.i]!.some((c) => c.deprel.startsWith('nmod') && hasCase(ctx, c, ['to']))) {
    return { sense: { type: 'CONSULT', mode: 'visit' }, trigger: token, clause: head, nominal: true };
  }
  if (head && head.upos === 'VERB' && slot.deprel.startsWith('obl') && hasCase(ctx, slot, ['for', 'in', 'into', 'on'])) {
    if ((LIGHT_VERBS.has(headLemma) || TRAVEL_VERBS.has(headLemma) || GATHERING_VERBS.has(headLemma)) && !verbReadings(headLemma).some((r) => !r.object && !r.particle && !r.content && !GATHERING_VERBS.has(headLemma))) {
      const reading = nounAsArgument(head);
      if (sense.type === 'CONSULT' && TRAVEL_VERBS.has(headLemma)) reading.sense = { type: 'CONSULT', mode: 'visit' };
      return reading;
    }
  }
  // the act named as the subject of its happening ("talks resumed", "the strike did not go ahead") or as a headline
  const ownParticipants = hasOwnParticipants(ctx, token);
  // "After two days of talks in Beijing, India and China agreed ...": talks just held by the parties of the clause
  // (an opening phrase: "left the talks after just one session" names no meeting of its own)
  const opening = doc.tokens[doc.sentences[token.sentence]!.tokenStart]!;
  // ("Following two days of talks": also with "following" read as a participle heading the phrase)
  const heldBy = opening.head === slot.i ? head : head === opening && opening.deprel === 'advcl' ? doc.tokens[opening.head] : undefined;
  // ("After the discussions, Lavrov said ...": a meeting referred back to is the one already told)
  const referredBack = children[token.i]!.some((c) => c.deprel === 'det' && DEFINITE.has(c.text.toLowerCase()));
  if (sense.type === 'CONSULT' && !ownParticipants && !referredBack && heldBy && heldBy.upos === 'VERB' && slot.deprel.startsWith('obl') && /^(after|following)$/i.test(opening.text) && subjectsOf(ctx, heldBy).some((s) => actorIds(ctx, s, 'agent').length > 0)) {
    return { sense, trigger: token, clause: heldBy, nominal: true };
  }
  const verbless = !doc.tokens.slice(doc.sentences[token.sentence]!.tokenStart, doc.sentences[token.sentence]!.tokenEnd).some((t) => t.upos === 'VERB');
  if ((token.head < 0 && verbless) || ((token.deprel === 'nsubj' || token.deprel === 'nsubj:pass') && head && HAPPENING.has(headLemma))) {
    if (!sense.needsParticipant || ownParticipants) return { sense, trigger: token, clause: token, nominal: true };
  }
  // a named act with its own participants ("Beijing's offer of talks", "an encounter between Russian and American
  // officials"), where it is an argument: not only what a statement is about ("a row over the sanctions"), not a
  // description inside a relative clause ("Norway, which usually aligns itself with EU sanctions")
  if (ownParticipants && !hasCase(ctx, token, [...TOPIC_CASES]) && isArgumentPosition(ctx, token)) {
    return { sense, trigger: token, clause: token, nominal: true };
  }
  // "the talks", "this meeting": a reference back to a meeting already named
  if (sense.type === 'CONSULT' && children[token.i]!.some((c) => c.deprel === 'det' && DEFINITE.has(c.text.toLowerCase()))) {
    return { sense, trigger: token, clause: token, nominal: true };
  }
  return null;
}

/**
 * A trigger noun's sense, refined by what qualifies it: "an air strike" is an attack, not a labour strike; "the
 * expulsion of two journalists" deports people (only envoys and members are expelled as a sanction); "calls from
 * Washington" for something are requests, not phone calls.
 */
function adjustedNounSense(ctx: Context, token: Token): NounSense | undefined {
  const sense = nounSense(nounLemma(token));
  if (!sense) return sense;
  const kids = ctx.children[token.i]!;
  if (sense.type === 'PROTEST' && sense.mode === 'strike' && kids.some((c) => (c.deprel === 'compound' || c.deprel === 'amod') && /^(air|drone|missile|rocket|artillery|naval|military|aerial|precision|retaliatory|pre-emptive|preemptive)$/i.test(c.text))) {
    return { type: 'ASSAULT', mode: kids.some((c) => /^drone$/i.test(c.text)) ? 'drone' : /^(air|aerial)$/i.test(kids.find((c) => c.deprel === 'compound' || c.deprel === 'amod')!.text) ? 'aerial' : undefined };
  }
  if (sense.type === 'SANCTION' && sense.mode === 'expel') {
    const of = kids.find((c) => c.deprel.startsWith('nmod') && hasCase(ctx, c, ['of']));
    if (of && of.upos === 'NOUN' && !DIPLOMATS.has(nounLemma(of)) && !DIPLOMATS.has(of.text.toLowerCase().replace(/s$/, ''))) return { type: 'COERCE', mode: 'deport' };
  }
  if (sense.type === 'CONSULT' && sense.mode === 'phone' && /^calls$/i.test(token.text) && kids.some((c) => c.deprel.startsWith('nmod') && hasCase(ctx, c, ['from', 'by', 'for']))) {
    return { type: 'REQUEST', needsParticipant: true };
  }
  return sense;
}

/**
 * Where a named act is reported as an act: as a subject or object, as an argument of another act ("despite an
 * appeal from X", "rejected the EU's proposal"), as a headline, or in a time adjunct (then as background).
 */
function isArgumentPosition(ctx: Context, noun: Token): boolean {
  if (noun.deprel === 'compound' || noun.deprel === 'amod') return false;
  for (let t = noun, hops = 0; t.head >= 0 && hops < 6; hops++) {
    if (t.deprel === 'acl:relcl') return false;
    t = ctx.doc.tokens[t.head]!;
  }
  if (noun.head < 0) return !ctx.doc.tokens.slice(ctx.doc.sentences[noun.sentence]!.tokenStart, ctx.doc.sentences[noun.sentence]!.tokenEnd).some((t) => t.upos === 'VERB');
  if (/^(nsubj|obj|iobj|appos|nsubj:pass)$/.test(noun.deprel)) return true;
  if (hasCase(ctx, noun, [...BACKGROUND_CASES, 'despite', 'amid', 'during'])) return true;
  const head = ctx.doc.tokens[noun.head]!;
  if (head.upos === 'VERB') return verbSense(ctx, head) !== null || REPORTING.has(lemmaOf(head));
  return !!nounSense(nounLemma(head));
}

/** "Safety Investigation Authority": a capitalised word between capitalised words, in a line that is not title case. */
function isNamePart(ctx: Context, token: Token): boolean {
  const { doc } = ctx;
  const sentence = doc.sentences[token.sentence]!;
  if (!/^\p{Lu}/u.test(token.text) || token.i === sentence.tokenStart) return false;
  const words = doc.tokens.slice(sentence.tokenStart, sentence.tokenEnd).filter((t) => /\p{L}/u.test(t.text));
  if (words.filter((t) => /^\p{Lu}/u.test(t.text)).length >= words.length * 0.6) return false;
  const capital = (t: Token | undefined) => !!t && t.sentence === token.sentence && /^\p{Lu}/u.test(t.text) && t.i !== sentence.tokenStart;
  return capital(doc.tokens[token.i - 1]) || capital(doc.tokens[token.i + 1]);
}

/** A light verb can refine the noun: "launched a missile test", "sent aid", "joined the protest". */
function nounReadingSense(ctx: Context, noun: Token, sense: Sense, verb: Token): Sense {
  if (['AID', 'COOPERATE'].includes(sense.type) && /^(announce|pledge|promise|offer)$/.test(lemmaOf(verb))) return { type: 'AGREE' };
  if (sense.type === 'MOBILIZE' && (/^joint/i.test(noun.text) || ctx.children[noun.i]!.some((c) => JOINT.has(c.text.toLowerCase())))) return { type: 'COOPERATE' };
  if (sense.type === 'AGREE' && /^(sign|ratify|seal|finalize|finalise)$/.test(lemmaOf(verb))) return { type: 'SUPPORT' };
  return sense;
}

/** A trigger noun's own agent: "Beijing's offer", "an appeal from X", "a strike by dock workers". */
function hasAgent(ctx: Context, noun: Token): boolean {
  // "suspended their blockade": a possessive pronoun names the clause's own actor, whose act this is part of
  const agentive = (c: Token) => (c.deprel === 'nmod:poss' && c.upos !== 'PRON' && !possessorIsPatient(ctx, noun, c)) || (c.deprel.startsWith('nmod') && hasCase(ctx, c, ['by', 'from']));
  return ctx.children[noun.i]!.some((c) => agentive(c) && actorIds(ctx, c, 'agent').length > 0) || agentByParticiple(ctx, noun).length > 0;
}

/** "a strike planned by the union", "a car bomb claimed by al-Shabaab". */
function agentByParticiple(ctx: Context, noun: Token): string[] {
  const ids: string[] = [];
  for (const c of ctx.children[noun.i]!) {
    if (c.deprel !== 'acl' || c.xpos !== 'VBN' || !/^(plan|organise|organize|call|stage|lead|claim|carry|launch|announce|order|back|mount|conduct)$/.test(lemmaOf(c))) continue;
    for (const g of ctx.children[c.i]!) if (g.deprel.startsWith('obl') && hasCase(ctx, g, ['by'])) ids.push(...actorIds(ctx, g, 'agent'));
  }
  return ids;
}

/**
 * "his detention", "Navalny's arrest", "their release": for an act done to someone, a person's possessive names who
 * suffers it; a state's ("Iran's execution of two protesters") names who does it.
 */
function possessorIsPatient(ctx: Context, noun: Token, possessor: Token): boolean {
  const sense = nounSense(nounLemma(noun));
  if (!sense || !['COERCE', 'RETREAT', 'ASSAULT', 'CONCEDE'].includes(sense.type)) return false;
  if (possessor.upos === 'PRON') return true;
  const actor = mentionAt(ctx, possessor)?.actor;
  return actor?.type === 'person' || actor?.type === 'group';
}

/** Is a noun within what another trigger asks, promises, refuses or threatens (through any phrase above it)? */
function insideContent(ctx: Context, noun: Token): boolean {
  for (let t = noun, hops = 0; t.head >= 0 && hops < 6; hops++) {
    const head = ctx.doc.tokens[t.head]!;
    if (head.upos === 'VERB') return isContent(ctx, head) || ((t.deprel === 'obj' || isPassiveSubject(ctx, t)) && verbSense(ctx, head) !== null && verbSense(ctx, head) !== 'light');
    t = head;
  }
  return false;
}

/** "an encounter between Russian and American officials" parsed as "encounter" and "officials" coordinated. */
function isMisparsedBetween(ctx: Context, c: Token): boolean {
  // (a real coordination has its "and" right before the conjunct: "talks and meetings between ...")
  return c.deprel === 'conj' && hasCase(ctx, c, ['between', 'among']) && !ctx.children[c.i]!.some((g) => g.deprel === 'cc' && g.i === c.i - 1);
}

/** Does a trigger noun bring its own actor or partner: a possessor, "by X", "between X and Y", "from X", an actor adjective? */
function hasOwnParticipants(ctx: Context, noun: Token): boolean {
  for (const c of ctx.children[noun.i]!) {
    if (c.deprel === 'nmod:poss' && actorIds(ctx, c, 'agent').length) return true;
    if ((c.deprel === 'amod' || c.deprel === 'compound') && actorIds(ctx, c, 'agent').length && !isPlaceWord(ctx, c)) return true;
    if (c.deprel === 'acl' && agentByParticiple(ctx, noun).length) return true;
    // "a march of garment workers": the marchers
    if (c.deprel.startsWith('nmod') && hasCase(ctx, c, ['of']) && nounSense(nounLemma(noun))?.type === 'PROTEST' && actorIds(ctx, c, 'agent').length) return true;
    if ((c.deprel.startsWith('nmod') || isMisparsedBetween(ctx, c)) && hasCase(ctx, c, ['by', 'between', 'from', 'among']) && (actorIds(ctx, c, 'agent').length || recipientIds(ctx, c).length)) return true;
    // "an offer of food aid from the World Food Programme"
    if (c.deprel.startsWith('nmod') && hasCase(ctx, c, ['of'])) {
      for (const g of ctx.children[c.i]!) if (g.deprel.startsWith('nmod') && hasCase(ctx, g, ['from', 'by']) && actorIds(ctx, g, 'agent').length) return true;
      // "the extradition of a banker from Spain to Argentina": a handover between two states the actor layer read as places
      if (nounSense(nounLemma(noun))?.type === 'COOPERATE' && handoverParty(ctx, noun, 'from').length) return true;
    }
  }
  return false;
}

/** "the extradition of X from Spain to Argentina": the party behind "from" or "to" anywhere in the noun's phrase. */
function handoverParty(ctx: Context, noun: Token, kase: 'from' | 'to'): string[] {
  const phrase = subtree(ctx, noun).filter((t) => t !== noun && t.deprel.startsWith('nmod') && hasCase(ctx, t, [kase]));
  return phrase.length ? recipientIds(ctx, phrase[0]!) : [];
}

/**
 * Title-case headlines ("Peru Expels Mexican Ambassador Over Asylum Row") defeat the tagger: a word that is the
 * third-person form of a trigger verb, right after an actor, is read as the verb of the headline.
 */
function readHeadline(ctx: Context, token: Token): Reading | null {
  const { doc } = ctx;
  const sentence = doc.sentences[token.sentence]!;
  const words = doc.tokens.slice(sentence.tokenStart, sentence.tokenEnd).filter((t) => /\p{L}/u.test(t.text));
  const capitalised = words.filter((t) => /^\p{Lu}/u.test(t.text)).length;
  if (words.length < 3 || capitalised < words.length * 0.6 || token.i === sentence.tokenStart) return null;
  const lower = token.text.toLowerCase();
  // "Nigerian Police Arrest 12 Protesters": after a plural organ or group, the verb has its base form
  const plural = doc.tokens[token.i - 1]!.text.toLowerCase();
  // "Nurses in Kenya Down Tools": a plural group placed in a country before the verb
  const placedGroup = token.i - 3 >= sentence.tokenStart && /^in$/i.test(doc.tokens[token.i - 2]!.text) && GROUP_NOUNS.has(doc.tokens[token.i - 3]!.text.toLowerCase()) && !STATE_ORGANS.has(doc.tokens[token.i - 3]!.text.toLowerCase()) ? doc.tokens[token.i - 3]! : undefined;
  const afterPlural = ((STATE_ORGANS.has(plural) || GROUP_NOUNS.has(plural)) && /s$|police|military|army/.test(plural) || !!placedGroup) && /^\p{Lu}\p{Ll}+$/u.test(token.text);
  if (!/^\p{Lu}\p{Ll}+s$/u.test(token.text) && !afterPlural) return null;
  const lemma = (afterPlural ? [lower] : [lower.slice(0, -1), lower.slice(0, -2)]).find((l) => verbReadings(l).length);
  if (!lemma) return null;
  // "Kenyan Nurses Down Tools", "Nurses in Kenya Down Tools": civilians act as their group, whatever their country
  const civil = placedGroup ?? (GROUP_NOUNS.has(plural) && !STATE_ORGANS.has(plural) && !AGENT_NOUNS.has(plural) ? doc.tokens[token.i - 1]! : undefined);
  // the name before the verb, also when the entity model took the whole headline for one name
  const before = civil ? undefined : ctx.index.mentions.find((m) => m.tokenEnd === token.i) ?? (afterPlural ? ctx.index.mentions.find((m) => m.tokenEnd === token.i - 1 && m.actor.type === 'country') : undefined);
  const previous = doc.tokens[token.i - (before || !afterPlural ? 1 : 2)];
  // (a headline that opens with the plural group has no name before it)
  if (!civil && (!previous || previous.sentence !== token.sentence)) return null;
  const entry = before || civil ? undefined : gazetteer().lookup(previous!.text);
  const actor = civil ? ctx.index.actorOnDemand('group', civil.text.toLowerCase(), null, civil.i, civil.i + 1).id :
    before?.actor.id ?? (entry?.country && (entry.kind === 'country' || entry.kind === 'capital') ? ctx.index.actorOnDemand('country', entry.name, entry.country, previous!.i, previous!.i + 1).id : undefined);
  if (!actor) return null;
  // the reading whose object is among the next words ("Recalls Envoy"), else the verb alone
  const following = doc.tokens.slice(token.i + 1, Math.min(sentence.tokenEnd, token.i + 4)).map((t) => t.text.toLowerCase());
  const singular = following.flatMap((w) => [w, w.replace(/s$/, '')]);
  // ("Teachers Strike Across Chile Over Pensions": a reading marked by a preposition later in the headline)
  const rest = doc.tokens.slice(token.i + 1, sentence.tokenEnd).map((t) => t.text.toLowerCase());
  const reading = verbReadings(lemma).find((r) => r.object && !r.particle && !r.content && singular.some((w) => r.object!.has(w))) ??
    verbReadings(lemma).find((r) => r.particle && !r.object && !r.content && !r.oblique && !r.subject && rest.includes(r.particle)) ??
    verbReadings(lemma).find((r) => !r.object && !r.particle && !r.content && !(r.needsObject && civil));
  if (!reading) return null;
  // the actor is the name before the verb; the recipient the first actor after it, before a preposition that
  // starts a place or topic ("Russia Rejects NATO Troop Deployment in Ukraine"), or behind one the category uses
  // for its recipient ("Recalls Envoy From Belgrade")
  const target: string[] = [];
  for (let k = token.i + 1; k < sentence.tokenEnd; k++) {
    const t = doc.tokens[k]!;
    if (/^[:;,.!?]$/.test(t.text)) break;
    if (t.upos === 'ADP' || /^(in|over|after|amid|on|at)$/i.test(t.text)) {
      if (target.length || !RECIPIENT_CASES[reading.type].includes(t.text.toLowerCase())) break;
      const next = doc.tokens[k + 1];
      if (next) target.push(...recipientIds(ctx, next).filter((id) => !target.includes(id)));
      break;
    }
    const m = mentionAt(ctx, t);
    if (m && !target.includes(m.actor.id)) target.push(m.actor.id);
    // ("Arrest 12 Protesters": an unnamed group in title case)
    else if (!m && GROUP_NOUNS.has(t.text.toLowerCase()) && target.length === 0) target.push(ctx.index.actorOnDemand('group', t.text.toLowerCase(), null, t.i, t.i + 1).id);
  }
  return { sense: reading, trigger: token, clause: token, nominal: false, headline: { source: [actor], target } };
}

// ---------------------------------------------------------------------------------------------------------------
// Filters

/** "Israeli warplanes struck ...": a verb the parser hung under the sentence's first noun is the main verb after all. */
function isMisparsedMainVerb(ctx: Context, verb: Token): boolean {
  const { doc } = ctx;
  const sentence = doc.sentences[verb.sentence]!;
  const root = doc.tokens.slice(sentence.tokenStart, sentence.tokenEnd).find((t) => t.head < 0);
  // only when the sentence has no verb at its root and this is its first verb
  if (!root || root.upos === 'VERB' || root.upos === 'AUX') return false;
  if (doc.tokens.slice(sentence.tokenStart, verb.i).some((t) => t.upos === 'VERB')) return false;
  const hasObject = ctx.children[verb.i]!.some((c) => c.deprel === 'obj' || (c.deprel.startsWith('obl') && !hasCase(ctx, c, ['by'])));
  const byAgent = ctx.children[verb.i]!.some((c) => c.deprel.startsWith('obl') && hasCase(ctx, c, ['by']));
  return (verb.xpos === 'VBD' || verb.xpos === 'VBZ' || verb.xpos === 'VBP' || hasObject) && !byAgent;
}

/** An official (or a state) going to a foreign country or capital named as the destination. */
function travelsAsOfficial(ctx: Context, verb: Token): boolean {
  const destination = ctx.children[verb.i]!.find((c) => c.deprel.startsWith('obl') && hasCase(ctx, c, ['to']));
  const subject = subjectsOf(ctx, verb)[0];
  if (!destination || !subject) return false;
  // "to Tehran next week": the place may sit anywhere in the phrase the parser made
  const place = subtree(ctx, destination).map((t) => recipientIds(ctx, t)).find((ids) => ids.length) ?? [];
  const official = ROLE_HEADS.has(subject.text.toLowerCase()) || actorIds(ctx, subject, 'agent').some((id) => isOfficial(ctx, id));
  return place.length > 0 && official && !actorIds(ctx, subject, 'agent').some((id) => place.includes(id));
}

/** An arrest whose subject is abroad: the person is called exiled or a fugitive, or the order is "in absentia". */
function outOfReach(ctx: Context, clause: Token): boolean {
  const words = subtree(ctx, clause).map((t) => t.text.toLowerCase());
  return words.some((w) => w === 'exiled' || w === 'fugitive' || w === 'absentia');
}

/** The condition clause of a verb ("... if the EU imposed sanctions"). */
function conditionOf(ctx: Context, verb: Token): Token | undefined {
  const marked = (c: Token) => ctx.children[c.i]!.some((m) => m.deprel === 'mark' && /^(if|unless|should)$/i.test(m.text));
  // ("would review the commission if the EU imposed sanctions": the parser may hang the condition on the object
  // or on a prepositional phrase)
  // (or read as a conjunct: "threatened a stoppage unless the government withdraws ...")
  const own = ctx.children[verb.i]!.find((c) => (c.deprel === 'advcl' || (c.deprel === 'conj' && c.upos === 'VERB')) && marked(c));
  if (own) return own;
  // the nouns of its object and obliques, down their "of" phrases ("the work of the council")
  const nouns = ctx.children[verb.i]!.filter((c) => c.deprel === 'obj' || c.deprel === 'obl');
  for (let k = 0; k < nouns.length && k < 8; k++) nouns.push(...ctx.children[nouns[k]!.i]!.filter((c) => c.deprel === 'nmod'));
  return nouns.flatMap((n) => ctx.children[n.i]!).find((c) => c.deprel === 'acl' && marked(c));
}

/**
 * "Russia said a Northern Fleet warship had been sent": a fleet, army or brigade does not send itself; when a state
 * (or its ministry) reports that its unit was sent, the state mobilises (the manual's actors are states and
 * organisations, a unit acts for its state). Other owners stay as they are.
 */
function reportingStateForUnit(ctx: Context, clause: Token, owners: string[]): string[] {
  const actorOf = (id: string) => ctx.index.actors.find((a) => a.id === id);
  const units = owners.filter((id) => /\b(fleet|army|corps|brigade|division|regiment|flotilla|battalion|squadron)$/i.test(actorOf(id)?.name ?? ''));
  if (units.length === 0 || units.length !== owners.length) return owners;
  // the reporter: speakersOf, or the subject a reporting verb shares with the verb it is coordinated with ("Turkey
  // threatened ... and said a frigate had been sent")
  let reporters = speakersOf(ctx, clause);
  if (reporters.length === 0) {
    const report = governors(ctx, clause).find(({ token, via }) => via === 'ccomp' && REPORTING.has(lemmaOf(token)))?.token;
    if (report && report.deprel === 'conj' && report.head >= 0) reporters = subjectsOf(ctx, ctx.doc.tokens[report.head]!).flatMap((s) => actorIds(ctx, s, 'agent'));
  }
  for (const speaker of reporters) {
    const actor = actorOf(speaker);
    if (actor?.type === 'country') return [speaker];
    const state = actor?.country ? ctx.index.actors.find((a) => a.type === 'country' && a.country === actor.country) : undefined;
    if (state) return [state.id];
  }
  return owners;
}

/** The verb a noun phrase belongs to, up its "of" phrases, when it is that verb's object or oblique. */
function verbOfPhrase(ctx: Context, noun: Token): Token | undefined {
  let head = noun;
  for (let hops = 0; hops < 3 && head.deprel === 'nmod' && head.head >= 0; hops++) head = ctx.doc.tokens[head.head]!;
  return /^(obj|obl)$/.test(head.deprel) && head.head >= 0 ? ctx.doc.tokens[head.head]! : undefined;
}

/**
 * A conditional promise of harm by the speaker's own side ("X said Moscow would review the commission if the EU
 * imposed sanctions"; "if Serbian troops crossed, NATO peacekeepers would respond, a NATO spokesman warned"): a
 * threat (the manual's THREATEN), when whoever says it speaks for whoever would act. Analysts saying that a
 * state could act is speculation, not a threat.
 */
function conditionalThreat(ctx: Context, verb: Token): boolean {
  // "would not hesitate to strike ... if": the auxiliary and the condition may sit on the governing verb
  // ("we will shoot it down and strike the launch sites if ...": a harm coordinated with a promised one shares its
  // auxiliary and its condition)
  const governor = (verb.deprel === 'xcomp' || (verb.deprel === 'conj' && verb.upos === 'VERB')) && verb.head >= 0 ? ctx.doc.tokens[verb.head]! : undefined;
  const promising = (v: Token | undefined) => !!v && auxiliariesOf(ctx, v).some((a) => a === 'would' || FUTURE_AUX.has(a));
  if (!(promising(verb) || promising(governor)) || !(conditionOf(ctx, verb) || (governor && conditionOf(ctx, governor)))) return false;
  const actors = subjectsOf(ctx, verb).flatMap((s) => actorIds(ctx, s, 'agent'));
  if (actors.length === 0) return false;
  const sides = new Set(actors.flatMap((id) => [id, ctx.index.actors.find((a) => a.id === id)?.country ?? id]));
  const speakers = speakersOf(ctx, verb);
  return speakers.some((id) => sides.has(id) || sides.has(ctx.index.actors.find((a) => a.id === id)?.country ?? id));
}

/** Who reports a clause: the subject of the reporting verb above it, or the speaker of the quote around it. */
function speakersOf(ctx: Context, clause: Token): string[] {
  for (const { token, via } of governors(ctx, clause)) {
    if (!['ccomp', 'parataxis', 'xcomp', 'conj'].includes(via) || !REPORTING.has(lemmaOf(token)) && lemmaOf(token) !== 'warn') continue;
    const subject = ctx.children[token.i]!.find((c) => SUBJECTS.has(c.deprel));
    if (subject) return actorIds(ctx, subject, 'agent');
  }
  const quote = ctx.quotes.find((q) => q.content.start <= clause.start && q.content.end >= clause.end);
  const speaker = quote ? speakerOf(ctx, quote) : null;
  return speaker ? [speaker] : [];
}

/** "students blocking the bridge", "people protesting outside parliament": what a group is doing, told in passing. */
function isOngoingActOf(ctx: Context, verb: Token): boolean {
  const head = ctx.doc.tokens[verb.head];
  return verb.xpos === 'VBG' && !!head && (GROUP_NOUNS.has(head.text.toLowerCase()) || QUANTITY_NOUNS.has(head.text.toLowerCase()) || mentionAt(ctx, head) !== undefined);
}

/** True when a trigger is what another act asks, threatens, refuses, promises or offers: that act's content. */
function isContent(ctx: Context, clause: Token): boolean {
  let current = clause;
  for (let hops = 0; hops < 3 && current.head >= 0; hops++) {
    const relation = current.deprel;
    if (!['xcomp', 'ccomp', 'csubj', 'advcl', 'acl', 'obj', 'conj'].includes(relation)) return false;
    let governor = ctx.doc.tokens[current.head]!;
    const marks = ctx.children[current.i]!.filter((c) => c.deprel === 'mark').map((c) => c.text.toLowerCase());
    // a condition the parser hangs on the object of its verb ("would review the council if the EU imposed
    // sanctions") is that verb's condition
    if (relation === 'acl' && marks.some((m) => /^(if|unless)$/.test(m)) && governor.upos !== 'VERB') governor = verbOfPhrase(ctx, governor) ?? governor;
    // "threatened a strike unless the government withdraws the plan", the condition misread as a conjunct: the
    // conjunction still marks it a condition, and the condition of a threat is part of the threat
    const condition = relation === 'advcl' || ((relation === 'conj' || relation === 'acl') && marks.some((m) => /^(if|unless)$/.test(m)));
    if (relation === 'conj' && !condition) {
      current = governor;
      continue;
    }
    // "accused Venezuela of threatening to annex", "criticised Serbia for refusing to meet": what the object of an
    // accusation is said to have done is its content, not an event of its own (the manual codes only the accusation)
    if ((relation === 'acl' || relation === 'advcl') && marks.some((m) => m === 'of' || m === 'for') && governor.deprel === 'obj' && governor.head >= 0) {
      const verb = ctx.doc.tokens[governor.head]!;
      const sense = verb.upos === 'VERB' ? verbSense(ctx, verb) : null;
      if (sense !== null && sense !== 'light') return true;
    }
    // (also with the of-clause hung on the accusing verb itself: "accused D66 of blocking a deal")
    if (relation === 'advcl' && marks.some((m) => m === 'of' || m === 'for') && governor.upos === 'VERB' && ctx.children[governor.i]!.some((c) => c.deprel === 'obj' && c.i < current.i)) {
      const sense = verbSense(ctx, governor);
      if (sense !== null && sense !== 'light' && (sense.type === 'ACCUSE' || sense.type === 'THREATEN' || sense.type === 'REQUEST')) return true;
    }
    // "blocked the highway, demanding lower taxes", "opened fire, killing nine": the participle belongs to the act
    if (relation === 'advcl' && current.xpos === 'VBG' && !ctx.children[current.i]!.some((c) => SUBJECTS.has(c.deprel))) {
      const governorSense = governor.upos === 'VERB' ? verbSense(ctx, governor) : null;
      // ("threatened to eject the peacekeepers, accusing Addis Ababa of ...": an accusation or a refusal made
      // alongside another act is an act of its own; only a protest's demands are its topic)
      const own = verbSense(ctx, current);
      const separate = own && own !== 'light' && ['ACCUSE', 'REJECT'].includes(own.type) && !(governorSense && governorSense !== 'light' && governorSense.type === 'PROTEST');
      // ("carried out a joint operation, arresting 31 suspects": arrests or strikes made in an operation or drill
      // are acts of their own, of another kind than the operation)
      const operationNoun = governorSense === 'light' ? objectOf(ctx, governor) : undefined;
      const operationType = operationNoun ? nounSense(nounLemma(operationNoun))?.type : undefined;
      const ownAct = own && own !== 'light' && ['COERCE', 'ASSAULT'].includes(own.type) && (operationType === 'MOBILIZE' || operationType === 'COOPERATE');
      if (governorSense !== null && !separate && !ownAct) return true;
      // ("the blacklisting took effect, barring them from ...": what a named measure does is that measure)
      if (governor.upos === 'VERB' && subjectsOf(ctx, governor).some((s) => nounSense(nounLemma(s)))) return true;
    }
    // "threatened sanctions if Moscow does not cooperate", "had threatened to review it if Norway joined EU
    // sanctions": the condition of an act (a threat above all) is part of it
    if (condition && marks.some((m) => /^(if|unless|until|once)$/.test(m))) {
      for (const t of [governor, ...governors(ctx, governor, 2).filter(({ via }) => via === 'xcomp' || via === 'ccomp').map(({ token }) => token)]) {
        if (t.upos !== 'VERB') continue;
        const sense = verbSense(ctx, t);
        if ((sense !== null && sense !== 'light') || (HARMFUL_CONTENT.has(lemmaOf(t)) && conditionalThreat(ctx, t))) return true;
      }
    }
    // a purpose clause is the content of its act; another adverbial clause is an act of its own
    if (relation === 'advcl' && !isPurpose(ctx, current)) return false;
    if (governor.upos === 'VERB' && (COMMITTING.has(lemmaOf(governor)) && lemmaOf(governor) !== 'announce' || verbSense(ctx, governor) !== null && verbSense(ctx, governor) !== 'light')) {
      // "agreed to write off the debt": debt relief is coded as the aid it is (manual, AID)
      if (lemmaOf(governor) === 'agree' && writesOffDebt(ctx, clause)) return false;
      // "agreed to impose fresh sanctions on Belarus": a decision to cut relations is that SANCTION, not AGREE
      // (the manual's AGREE is a commitment to cooperate)
      if (DECIDING.has(lemmaOf(governor)) && hostileMeasure(ctx, clause)) return false;
      return true;
    }
    if (governor.upos === 'NOUN' && nounSense(nounLemma(governor)) && relation === 'acl') return true;
    if (!['xcomp', 'ccomp'].includes(relation)) return false;
    current = governor;
  }
  return false;
}

const DECIDING = new Set(['agree', 'decide', 'resolve', 'vote']);
const HOSTILE_MEASURES = new Set<PloverType>(['SANCTION', 'COERCE']);

/** "impose sanctions", "suspend Syria's membership", "expel the diplomats": a verb whose act cuts relations or coerces. */
function hostileMeasure(ctx: Context, verb: Token): Sense | null {
  if (verb.upos !== 'VERB') return null;
  const sense = verbSense(ctx, verb);
  if (sense === 'light') {
    const object = objectOf(ctx, verb);
    const noun = object ? nounSense(nounLemma(contentHead(ctx, object))) : undefined;
    return noun && HOSTILE_MEASURES.has(noun.type) ? (noun as Sense) : null;
  }
  return sense && HOSTILE_MEASURES.has(sense.type) ? sense : null;
}

function insideDenial(ctx: Context, clause: Token): boolean {
  for (const { token, via } of governors(ctx, clause, 4)) {
    if (token.upos === 'VERB' && /^(deny|refute)$/.test(lemmaOf(token))) return via !== 'conj';
    if (token.deprel === 'root' && via === 'conj') return false;
  }
  return false;
}

function isPurpose(ctx: Context, clause: Token): boolean {
  return ctx.children[clause.i]!.some((c) => c.deprel === 'mark' && /^(to|so|in)$/i.test(c.text)) || clause.xpos === 'VB';
}

/** Verbal acts whose recipient is whom they are addressed to: requests (an offer goes to whom it helps). */
const VERBAL_ACTS = new Set<PloverType>(['REQUEST']);
const MESSAGES = /^(letters?|messages?|notes?|statements?|communiqu[eé]s?|appeals?|petitions?|memos?|emails?|cables?|speech|address)$/i;

/** "In a letter to the Security Council, Guatemala asked ...": the party a message carrying the act is sent to. */
function addresseeOfMessage(ctx: Context, clause: Token): string[] {
  for (const c of ctx.children[clause.i]!) {
    if (!c.deprel.startsWith('obl') || !hasCase(ctx, c, ['in', 'through', 'via']) || !MESSAGES.test(c.text)) continue;
    for (const g of ctx.children[c.i]!) if (g.deprel.startsWith('nmod') && hasCase(ctx, g, ['to'])) return recipientIds(ctx, g);
  }
  return [];
}

/**
 * "ordered X to leave or face forceful measures", "told X to leave or be killed", "gave X 48 hours to disarm or face
 * arrest": the harm a directive names for disobedience ('violence' or 'arrest'), or null when it names none.
 */
function ultimatumHarm(ctx: Context, verb: Token): 'violence' | 'arrest' | null {
  if (!/^(order|tell|give|instruct|direct|demand|urge|warn)$/.test(lemmaOf(verb))) return null;
  // ("gave them 72 hours to leave": the content may hang on the time given)
  const kids = ctx.children[verb.i]!;
  const contents = [...kids, ...kids.filter((c) => /^(obj|iobj|obl)/.test(c.deprel)).flatMap((c) => ctx.children[c.i]!)].filter((c) => /^(xcomp|ccomp|advcl|acl)$/.test(c.deprel));
  for (const content of contents) {
    // (the parser may hang "or face arrest" on a word inside the content: "to leave within 72 hours or face arrest")
    for (const alternative of subtree(ctx, content)) {
      if (alternative.deprel !== 'conj' || !ctx.children[alternative.i]!.some((c) => c.deprel === 'cc' && /^or$/i.test(c.text))) continue;
      // ("or face arrest" read as the noun "face arrest")
      const faced = alternative.upos === 'NOUN' && ctx.children[alternative.i]!.some((c) => c.deprel === 'compound' && /^face$/i.test(c.text));
      if (alternative.upos !== 'VERB' && !faced) continue;
      const lemma = faced ? 'face' : lemmaOf(alternative);
      // (the parser may hang the alternative's object on the first verb: "to leave or face forceful measures")
      const harm = subtree(ctx, content).filter((t) => t.i > alternative.i || (faced && t === alternative)).map((t) => t.text.toLowerCase());
      if (/^(arrest|jail|detain|imprison|prosecute)$/.test(lemma) || (lemma === 'face' && harm.some((w) => /^(arrest|jail|prison|detention|prosecution)$/.test(w)))) return 'arrest';
      if (/^(kill|shoot|attack|bomb|die|destroy|burn)$/.test(lemma)) return 'violence';
      if (lemma === 'face' && harm.some((w) => /^(force|forceful|military|attack|attacks|death|consequences|measures|action|retaliation|strikes)$/.test(w))) return 'violence';
    }
  }
  return null;
}

/** "under pressure from X", "bowing to X's demands", "in response to demands from X": the party pressing for a concession. */
function pressingParty(ctx: Context, clause: Token): string[] {
  const pressures = /^(pressure|demand|demands|call|calls|protest|protests)$/i;
  for (const c of ctx.children[clause.i]!) {
    // ("bowing to pressure from ...": the pressure hangs on a participle of the clause)
    // (the parser may read "to pressure" after "bowing" as a verb, with "from farmers" hanging on it)
    const phrases = c.deprel === 'advcl' && /^(bow|yield|give|cave|respond)$/.test(lemmaOf(c)) ? subtree(ctx, c).filter((g) => g !== c) : c.deprel.startsWith('obl') && hasCase(ctx, c, ['under', 'after', 'to']) ? [c] : [];
    for (const phrase of phrases) {
      if (!pressures.test(phrase.text)) continue;
      for (const g of ctx.children[phrase.i]!) {
        if ((/^(nmod|obl)/.test(g.deprel) && hasCase(ctx, g, ['from', 'by', 'of'])) || g.deprel === 'nmod:poss') {
          const ids = actorIds(ctx, g, 'agent');
          if (ids.length) return ids;
        }
      }
    }
  }
  return [];
}

function writesOffDebt(ctx: Context, verb: Token): boolean {
  const object = objectOf(ctx, verb);
  const particles = particlesOf(ctx, verb);
  return (lemmaOf(verb) === 'write' && particles.has('off')) || (!!object && /^(forgive|cancel)$/.test(lemmaOf(verb)) && DEBT.has(lemmaOf(object)));
}

/** "collided", "sank", "an earthquake": the sentence tells of an accident or a disaster, not of an attack. */
function tellsOfAccident(ctx: Context, trigger: Token): boolean {
  const sentence = ctx.doc.sentences[trigger.sentence]!;
  for (let k = sentence.tokenStart; k < sentence.tokenEnd; k++) {
    const t = ctx.doc.tokens[k]!;
    if (ACCIDENT_WORDS.has(t.text.toLowerCase()) || ACCIDENT_WORDS.has(lemmaOf(t))) return true;
  }
  return false;
}

/**
 * "The ferry was struck by a tanker", "a freighter hit the trawler": one ship striking another is a collision, an
 * accident the manual does not code. A ship firing on or ramming another is told with other verbs and stays ASSAULT.
 */
function vesselsStruckEachOther(ctx: Context, clause: Token): boolean {
  if (!/^(strike|hit)$/.test(lemmaOf(clause))) return false;
  // "the trawler Kvitoy", "the Polar Star, a Latvian tanker": a ship's name is known as a vessel by its noun
  const isVessel = (t: Token) => VESSELS.has(t.text.toLowerCase()) || ctx.children[t.i]!.some((c) => /^(appos|compound)$/.test(c.deprel) && VESSELS.has(c.text.toLowerCase()));
  const struck = ctx.children[clause.i]!.filter((c) => c.deprel === 'obj' || isPassiveSubject(ctx, c));
  if (!struck.some(isVessel)) return false;
  // the striker: the active subject, or the phrase after "by" (which the parser may hang on another word, with the
  // apposition naming the ship then hung beside it, or read as a conjunct)
  const strikers = ctx.children[clause.i]!.filter((c) => c.deprel === 'nsubj');
  for (const t of subtree(ctx, clause)) {
    if (t.deprel === 'case' && /^by$/i.test(t.text) && t.head >= 0) strikers.push(ctx.doc.tokens[t.head]!);
  }
  const besideIsVessel = (s: Token) => s.head >= 0 && ctx.children[s.head]!.some((c) => /^(appos|conj)$/.test(c.deprel) && c.i > s.i && c.i - s.i < 8 && VESSELS.has(c.text.toLowerCase()));
  return strikers.some((s) => isVessel(s) || besideIsVessel(s));
}

const VESSELS = new Set(['ship', 'ships', 'vessel', 'vessels', 'trawler', 'trawlers', 'tanker', 'tankers', 'freighter', 'freighters',
  'boat', 'boats', 'ferry', 'ferries', 'barge', 'barges', 'yacht', 'yachts', 'tug', 'tugboat', 'containership']);

function refusesOnlyToSpeak(ctx: Context, trigger: Token): boolean {
  if (!/^(decline|refuse)$/.test(lemmaOf(trigger))) return false;
  const content = contentVerbs(ctx, trigger);
  return content.length > 0 && content.every((c) => COMMENT_VERBS.has(lemmaOf(c)));
}

function isOfficial(ctx: Context, id: string): boolean {
  const actor = ctx.index.actors.find((a) => a.id === id);
  if (!actor) return false;
  if (actor.type === 'country') return true;
  if (actor.type === 'person') return actor.roles.some((r) => /minister|president|secretary|chancellor|ambassador|envoy|spokes|premier|king|commissioner/i.test(r));
  return actor.type === 'organization' && !!gazetteer().lookup(actor.name);
}

/** "sent troops to help Sri Lanka", "... for flood relief": whom the act is meant to help ([] when unnamed), or null. */
function helpedParty(ctx: Context, clause: Token): string[] | null {
  for (const c of ctx.children[clause.i]!) {
    if ((c.deprel === 'advcl' || c.deprel === 'xcomp') && /^(help|assist|support|rescue|relieve|evacuate|rebuild)$/.test(lemmaOf(c))) {
      const helped = objectOf(ctx, c);
      if (!helped) return [];
      // "to rebuild Ukraine's power grid": whose thing is helped is who is helped
      const patients = actorIds(ctx, helped, 'patient');
      return patients.length ? patients : ownerIds(ctx, contentHead(ctx, helped));
    }
    if (c.deprel.startsWith('obl') && hasCase(ctx, c, ['for', 'with']) && /^(relief|aid|assistance|rescue|reconstruction)$/.test(lemmaOf(c))) return [];
  }
  return null;
}

/** The actors named after "between" in a meeting noun's phrase, up to the end of the clause. */
function partiesAfterBetween(ctx: Context, meeting: Token): string[] {
  const { doc } = ctx;
  const end = doc.sentences[meeting.sentence]!.tokenEnd;
  const between = doc.tokens.slice(meeting.i + 1, Math.min(end, meeting.i + 3)).find((t) => /^between$/i.test(t.text));
  if (!between) return [];
  const ids: string[] = [];
  for (let k = between.i + 1; k < end && !/^[,.;:]$/.test(doc.tokens[k]!.text); k++) {
    const m = mentionAt(ctx, doc.tokens[k]!);
    if (m && !ids.includes(m.actor.id)) ids.push(m.actor.id);
  }
  return ids;
}

/**
 * A participant's country: the actor's own, else the nationality said of the noun a named person is put beside
 * ("his Lithuanian counterpart, Egle Vaitkute").
 */
function participantCountry(ctx: Context, id: string): string | null {
  const actor = ctx.index.actors.find((a) => a.id === id);
  if (actor?.country) return actor.country;
  if (actor?.type !== 'person') return null;
  for (const m of ctx.index.mentions) {
    if (m.actor.id !== id) continue;
    const first = ctx.doc.tokens[m.tokenStart]!;
    const described = first.deprel === 'appos' && first.head >= 0 ? ctx.doc.tokens[first.head]! : null;
    if (!described) continue;
    for (const c of ctx.children[described.i]!) {
      const entry = (c.deprel === 'amod' || c.deprel === 'compound') ? gazetteer().lookup(c.text) : undefined;
      if (entry?.kind === 'demonym' && entry.country) return entry.country;
    }
  }
  return null;
}

/** Who takes over what a withdrawal hands on: "handing control to X", "ceding the villages to X" in its sentence. */
function handedTo(ctx: Context, trigger: Token): string[] {
  const { doc } = ctx;
  const sentence = doc.sentences[trigger.sentence]!;
  for (let k = sentence.tokenStart; k < sentence.tokenEnd; k++) {
    const verb = doc.tokens[k]!;
    if (!/^(hand|handing|handed|cede|ceding|ceded|transfer|transferring|transferred)$/i.test(verb.text)) continue;
    // the first "to" after the verb, within the phrase it starts
    for (let j = k + 1; j < Math.min(sentence.tokenEnd, k + 5); j++) {
      const to = doc.tokens[j]!;
      if (to.text.toLowerCase() !== 'to' || to.deprel !== 'case') continue;
      const ids = actorIds(ctx, doc.tokens[to.head]!, 'agent');
      if (ids.length) return ids;
    }
  }
  return [];
}

/** The state whose territory a state's strike hits, when the clause names the place (and the attacker is a state). */
function attackedState(ctx: Context, clause: Token, source: string[]): string[] {
  const countries = source.map((id) => ctx.index.actors.find((a) => a.id === id)).filter((a) => a?.type === 'country').map((a) => a!.country);
  if (!countries.length || countries.length !== source.length) return [];
  const object = objectOf(ctx, clause);
  const places = [...ctx.children[clause.i]!, ...(object ? ctx.children[object.i]! : [])].filter((c) => (c.deprel.startsWith('obl') || c.deprel.startsWith('nmod')) && hasCase(ctx, c, ['in', 'near', 'outside', 'inside', 'across']));
  for (const place of places) {
    // "in Russia's Samara region" (an owner) or "in Kharkiv" (a place the gazetteer knows)
    const ids = [...ownerIds(ctx, place), ...recipientIds(ctx, place)];
    const state = ids.find((id) => { const a = ctx.index.actors.find((x) => x.id === id); return a?.type === 'country' && !countries.includes(a.country); });
    if (state) return [state];
  }
  return [];
}

/**
 * "opened an inquiry into reports that Ethiopian troops killed dozens of civilians": an investigation of what a
 * report or claim says is aimed at whoever the report says acted.
 */
function investigatedParty(ctx: Context, reading: Reading): string[] {
  const { children } = ctx;
  const hosts = [reading.trigger, reading.clause, ...children[reading.clause.i]!.filter((c) => c.deprel === 'obj')];
  for (const host of hosts) {
    for (const c of children[host.i]!) {
      if (!(c.deprel.startsWith('obl') || c.deprel.startsWith('nmod')) || !hasCase(ctx, c, ['into', 'of'])) continue;
      const said = children[c.i]!.find((k) => k.deprel === 'acl' && children[k.i]!.some((m) => m.deprel === 'mark' && /^that$/i.test(m.text)));
      if (!said) continue;
      const actors = subjectsOf(ctx, said).flatMap((s) => actorIds(ctx, s, 'agent'));
      if (actors.length) return actors;
    }
  }
  return [];
}

/**
 * "held joint drills that Armenia condemned as a provocation", "the strike, which the minister praised": a verdict
 * given in a relative clause on an act is about whoever did the act, the subject of the verb the act noun belongs to
 * (or the one the noun names by its possessor).
 */
function actorOfDescribedAct(ctx: Context, clause: Token): string[] {
  const { doc, children } = ctx;
  // the relative word is the verb's object: the act is what is condemned or praised
  const relative = children[clause.i]!.find((c) => c.deprel === 'obj' && /^(that|which)$/i.test(c.text));
  if (!relative || clause.head < 0) return [];
  // (", which Armenia condemned": a clause after a comma that the parser made a second main verb)
  const before = doc.tokens[relative.i - 2];
  const act = clause.deprel === 'acl:relcl' ? doc.tokens[clause.head]! : /^which$/i.test(relative.text) && doc.tokens[relative.i - 1]?.text === ',' && before ? before : undefined;
  if (!act) return [];
  if (act.upos !== 'NOUN' || actorIds(ctx, act, 'patient').length || !(nounSense(nounLemma(act)) || /^(move|step|decision|action|measure|remarks?|comments?|statement|plan)$/i.test(act.text))) return [];
  const owner = children[act.i]!.find((c) => c.deprel === 'nmod:poss');
  if (owner) return actorIds(ctx, owner, 'agent');
  const verb = act.head >= 0 ? doc.tokens[act.head]! : undefined;
  if (!verb || verb.upos !== 'VERB' || !/^(obj|obl)$/.test(act.deprel)) return [];
  return subjectsOf(ctx, verb).flatMap((s) => actorIds(ctx, s, 'agent'));
}

/** Unnamed state forces and their posts that an armed group attacks ("killed 14 soldiers", "an attack on a police station"). */
const STATE_FORCES = /^(soldiers?|troops?|officers?|policemen|policeman|police|guards?|servicemen|base|bases|barracks|station|checkpoint|checkpoints|outpost|post|convoy|patrol)$/i;

/**
 * "Fighters from X killed 14 soldiers ..., Niger's defence ministry said": a group's attack on soldiers, police or their posts that no owner is given for hits the
 * state whose forces they are, when that state reports the attack (the place alone is left as it was).
 */
function stateOfForcesHit(ctx: Context, clause: Token, source: string[]): string[] {
  const actorOf = (id: string) => ctx.index.actors.find((a) => a.id === id);
  if (!source.length || source.some((id) => actorOf(id)?.type === 'country')) return [];
  const object = objectOf(ctx, clause);
  const phrases = [...(object ? [object] : []), ...ctx.children[clause.i]!.filter((c) => c.deprel.startsWith('obl') && hasCase(ctx, c, ['on', 'at', 'against', 'outside', 'near']))];
  const hit = phrases.find((p) => STATE_FORCES.test(p.text) && actorIds(ctx, p, 'patient').length === 0 && ownerIds(ctx, p).length === 0);
  if (!hit) return [];
  const stateOf = (id: string) => {
    const actor = actorOf(id);
    if (actor?.type === 'country') return id;
    return actor?.country ? ctx.index.actors.find((a) => a.type === 'country' && a.country === actor.country)?.id : undefined;
  };
  for (const speaker of speakersOf(ctx, clause)) {
    const state = stateOf(speaker);
    if (state && !source.includes(state)) return [state];
  }
  return [];
}

/** What the state does that protesters oppose: its laws, plans, cuts, taxes, detentions, votes. */
const STATE_MEASURES = new Set([...MEASURES, 'cut', 'cuts', 'tax', 'taxes', 'hike', 'hikes', 'detention', 'imprisonment', 'jailing',
  'arrest', 'austerity', 'budget', 'vote', 'election', 'elections', 'crackdown', 'curfew', 'ban', 'government', 'regime',
  'agreement', 'deal', 'accord', 'treaty', 'pact']);

/** Seats of a state's power where protesters gather, and its sittings they stay away from. */
const STATE_SITES = new Set(['parliament', 'ministry', 'embassy', 'consulate', 'palace', 'legislature', 'assembly', 'session',
  'headquarters', 'residence', 'office', 'offices', 'courthouse', 'presidency', 'chancellery']);

/**
 * The state a protest is directed at: the owner of the measure protested ("the Belgian government's pension cuts"),
 * else the state where the protest takes place ("marched through Tbilisi against a new law"), else the state the
 * protesters belong to ("Algeria's opposition parties boycotted the vote"). Only when a state measure is protested.
 */
function protestedState(ctx: Context, reading: Reading, source: string[]): string[] {
  const { children, doc } = ctx;
  const { trigger, clause } = reading;
  const opposed: Token[] = [];
  // ("a protest at the port of Dakar against the EU's agreement": the parser may hang it one phrase lower)
  const against = (host: Token) => [...children[host.i]!, ...children[host.i]!.filter((c) => c.deprel.startsWith('obl')).flatMap((c) => children[c.i]!)]
    .filter((c) => (c.deprel.startsWith('obl') || c.deprel.startsWith('nmod')) && hasCase(ctx, c, ['against', 'over']));
  opposed.push(...against(clause), ...(reading.nominal ? against(trigger) : []));
  if (!reading.nominal && /^(protest|boycott|picket)$/.test(lemmaOf(clause))) { const o = objectOf(ctx, clause); if (o) opposed.push(o); }
  let demandedOfState = false;
  // "walked off the job to protest the cuts", "began a hunger strike to protest his detention"
  for (const c of children[clause.i]!) {
    if ((c.deprel === 'advcl' || c.deprel === 'xcomp' || c.deprel === 'acl') && /^(protest|oppose|denounce)$/.test(lemmaOf(c))) { const o = objectOf(ctx, c); if (o) opposed.push(o); }
    // "marched to demand overdue pay from the government": whom the protesters make their demand of is the target
    // (a government named by no country is the one of the place the protest is in, below)
    if ((c.deprel === 'advcl' || c.deprel === 'xcomp') && /^(demand|seek)$/.test(lemmaOf(c))) {
      for (const g of subtree(ctx, c)) {
        if (!(g.deprel.startsWith('obl') || g.deprel.startsWith('nmod')) || !hasCase(ctx, g, ['from'])) continue;
        const addressed = actorIds(ctx, g, 'agent').filter((id) => !source.includes(id) && ctx.index.actors.find((a) => a.id === id)?.type !== 'group');
        if (addressed.length) return addressed;
        if (STATE_ORGANS.has(g.text.toLowerCase())) demandedOfState = true;
      }
    }
  }
  // "boycotting French goods", "a boycott of Danish dairy": a boycott withdraws trade from whose goods they are
  if (reading.sense.mode === 'boycott' && !reading.nominal) {
    const object = objectOf(ctx, clause);
    const owners = object ? ownerIds(ctx, contentHead(ctx, object)).filter((id) => !source.includes(id) && ctx.index.actors.find((a) => a.id === id)?.type !== 'group') : [];
    if (owners.length) return owners;
    // "stayed away from the session of parliament": what is boycotted
    for (const c of children[clause.i]!) if (c.deprel.startsWith('obl') && hasCase(ctx, c, ['from'])) opposed.push(c);
    if (object) opposed.push(object);
  }
  // "marched on the Serbian parliament", "gathered outside the labour ministry", "demonstrated outside the Turkish
  // embassy": the seat of a state protested at stands for it (an embassy only for the state that owns it)
  for (const host of reading.nominal ? [clause, trigger] : [clause]) {
    for (const c of children[host.i]!) {
      // ("gathered outside parliament" with "outside" misread as an adjective of the object)
      const misreadSite = c.deprel === 'obj' && !reading.nominal && children[c.i]!.some((g) => /^(outside|near|before)$/i.test(g.text));
      if (!misreadSite && (!(c.deprel.startsWith('obl') || c.deprel.startsWith('nmod')) || !hasCase(ctx, c, ['on', 'outside', 'at', 'to', 'near', 'before', 'in']))) continue;
      const site = contentHead(ctx, c);
      if (!STATE_SITES.has(nounLemma(site)) && !STATE_SITES.has(site.text.toLowerCase())) continue;
      const owners = ownerIds(ctx, site).filter((id) => !source.includes(id) && ctx.index.actors.find((a) => a.id === id)?.type !== 'group');
      if (owners.length) return owners;
      if (!/^(embassy|embassies|consulate|consulates)$/i.test(site.text)) opposed.push(site);
    }
  }
  const measures = opposed.map((t) => contentHead(ctx, t)).filter((t) => STATE_MEASURES.has(nounLemma(t)) || STATE_MEASURES.has(t.text.toLowerCase()) || STATE_SITES.has(nounLemma(t)) || STATE_SITES.has(t.text.toLowerCase()));
  if (!measures.length && !demandedOfState) return [];
  const countryActor = (name: string | null, at: Token | undefined) => {
    const entry = name ? gazetteer().lookup(name) : undefined;
    const entity = name ? doc.entities.find((e) => e.text === name) : undefined;
    if (!entry?.country || !entity) return at ? [] : [];
    return [ctx.index.actorOnDemand('country', entry.name, entry.country, entity.tokenStart, entity.tokenEnd).id];
  };
  for (const m of measures) {
    const owners = ownerIds(ctx, m).filter((id) => !source.includes(id) && ctx.index.actors.find((a) => a.id === id)?.type !== 'group');
    if (owners.length) return owners;
  }
  const placed = countryActor(placeOf(ctx, reading) ?? placeInClause(ctx, clause), undefined);
  if (placed.length) return placed.filter((id) => !source.includes(id));
  // the protesters' own state: "Algeria's opposition parties", "Bahraini rights activist"
  for (const s of subjectsOf(ctx, clause)) {
    for (const t of subtree(ctx, s)) {
      if (t === s) continue;
      const entry = gazetteer().lookup(t.text);
      if (entry?.country && (entry.kind === 'country' || entry.kind === 'demonym')) return [ctx.index.actorOnDemand('country', entry.name, entry.country, t.i, t.i + 1).id].filter((id) => !source.includes(id));
    }
  }
  return [];
}

/** "proposed sending", "suggested holding talks": the act is proposed by the clause above. */
function proposedBy(ctx: Context, clause: Token): boolean {
  const first = governors(ctx, clause, 2).find(({ via }) => via === 'xcomp' || via === 'ccomp' || via === 'csubj');
  return !!first && /^(propose|suggest|offer)$/.test(lemmaOf(first.token));
}

/** "ready to", "willing to", "prepared to", "open to": the act is offered. */
function readiness(ctx: Context, clause: Token): boolean {
  if (clause.deprel !== 'xcomp' && clause.deprel !== 'advcl' && clause.deprel !== 'ccomp') return false;
  const governor = ctx.doc.tokens[clause.head];
  return !!governor && /^(ready|willing|prepared|open|eager|keen)$/i.test(governor.text);
}

/**
 * In a direct quote, an act whose subject is the speaker's own side ("we", "I", or the country the speaker
 * speaks for) is the speaker's: the verbal acts of a quote are those of who says them.
 */
function speakerForOwnSide(ctx: Context, trigger: Token, source: string[], type: PloverType): string[] {
  if (!['AGREE', 'SUPPORT', 'REQUEST', 'ACCUSE', 'REJECT', 'THREATEN', 'CONCEDE'].includes(type)) return source;
  const quote = ctx.quotes.find((q) => q.kind !== 'indirect' && q.content.start <= trigger.start && q.content.end >= trigger.end);
  const speakerId = quote ? speakerOf(ctx, quote) : null;
  if (!quote || !speakerId || source.includes(speakerId)) return source;
  const speaker = ctx.index.actors.find((a) => a.id === speakerId);
  const ownSide = source.length > 0 && source.every((id) => {
    const actor = ctx.index.actors.find((a) => a.id === id);
    return actor?.type === 'country' && speaker?.type === 'person' && speaker.country === actor.country;
  });
  return ownSide ? [speakerId] : source;
}

function deliversTo(ctx: Context, clause: Token): boolean {
  return /^(send|deliver|give|provide|transfer|supply|ship)$/.test(lemmaOf(clause));
}

function callsForEndOfFighting(ctx: Context, clause: Token, source: string[]): boolean {
  if (lemmaOf(clause) !== 'call' || source.length === 0) return false;
  const asked = ctx.children[clause.i]!.find((c) => c.deprel.startsWith('obl') && hasCase(ctx, c, ['for']));
  if (!asked || !/^(ceasefire|truce|end|halt|cessation|armistice)$/.test(lemmaOf(asked))) return false;
  // the caller's own fighting: "an end to the fighting with Congolese troops", "a ceasefire with the army"
  return subtree(ctx, asked).some((t) => /^with$/i.test(t.text));
}

// ---------------------------------------------------------------------------------------------------------------
// Participants

function caseOf(ctx: Context, token: Token): string | undefined {
  const own = ctx.children[token.i]!.find((c) => c.deprel === 'case' || c.deprel === 'mark');
  if (own) return own.text.toLowerCase();
  // a preposition the parser hung lower in the phrase still opens it
  const first = subtree(ctx, token)[0];
  return first && first !== token && (first.deprel === 'case' || first.upos === 'ADP') ? first.text.toLowerCase() : undefined;
}

function hasCase(ctx: Context, token: Token, cases: string[]): boolean {
  const kase = caseOf(ctx, token);
  return kase !== undefined && cases.includes(kase);
}

function subtree(ctx: Context, head: Token): Token[] {
  const out: Token[] = [];
  const stack = [head];
  while (stack.length) {
    const t = stack.pop()!;
    out.push(t);
    stack.push(...ctx.children[t.i]!);
  }
  return out.sort((a, b) => a.i - b.i);
}

function mentionAt(ctx: Context, token: Token) {
  return ctx.index.mentions.find((m) => token.i >= m.tokenStart && token.i < m.tokenEnd);
}

function isPlaceWord(ctx: Context, token: Token): boolean {
  const entity = ctx.doc.entities.find((e) => token.i >= e.tokenStart && token.i < e.tokenEnd);
  const entry = entity ? gazetteer().lookup(entity.text) : undefined;
  return entry?.kind === 'capital' && /^(the|a)$/i.test(ctx.doc.tokens[token.i - 1]?.text ?? '');
}

/**
 * The actors a noun phrase refers to. An actor named at its head; else its members and owners ("Russian
 * officials", "delegations from Armenia and Azerbaijan", "Hezbollah positions", "police in Belgrade"); an
 * unnamed group ("farmers", "opposition activists"); a pronoun through coreference or the speaker of a quote.
 * As a patient (`role` 'patient'), a phrase naming a thing gives no actor here: owners are read separately.
 */
function actorIds(ctx: Context, head: Token, role: 'agent' | 'patient', depth = 0): string[] {
  const { children } = ctx;
  if (depth > 3) return [];
  const ids: string[] = [];
  const add = (list: string[]) => list.forEach((id) => ids.includes(id) || ids.push(id));
  const kids = children[head.i]!;
  const lower = head.text.toLowerCase();
  // ("the opposition channel Kanal Ufuk": a name in apposition that the actor layer missed)
  const apposed = kids.find((c) => c.deprel === 'appos' && (mentionAt(ctx, c) || (c.upos === 'PROPN' && (CENSORED.has(lower) || ORGANISATIONS.has(lower)) && unrecognisedName(ctx, c))));
  // ("Warships from India and France ...": a capitalised common noun opening a sentence is no person's name)
  const found = mentionAt(ctx, head);
  const mention = found && found.actor.type === 'person' && found.tokenEnd - found.tokenStart === 1 && (AGENT_NOUNS.has(lower) || GROUP_NOUNS.has(lower)) ? undefined : found;
  // "delegations from Armenia and Azerbaijan": a country named inside an actor phrase (as member or conjunct) is an
  // actor even where the actor layer missed it (a country named on its own may be a place)
  const country = mention || depth === 0 ? undefined : countryNameAt(ctx, head);
  if (country) {
    add([ctx.index.actorOnDemand('country', country.entry.name, country.entry.country!, country.entity.tokenStart, country.entity.tokenEnd).id]);
    for (const c of kids) if (isConjunct(ctx, c)) add(actorIds(ctx, c, role, depth + 1));
    return ids;
  }
  const national = mention && mention.actor.type === 'organization' ? nationalInstitution(mention.actor.name) : undefined;
  // "UN envoy Maria Lopes" parsed flat under "UN": the named person the title leads to is the actor
  const titledPerson = mention && mention.actor.type !== 'person' ? kids.find((c) => (c.deprel === 'flat' || c.deprel === 'nmod:desc') && c.i > head.i && mentionAt(ctx, c)?.actor.type === 'person') : undefined;
  if (titledPerson) {
    add([mentionAt(ctx, titledPerson)!.actor.id]);
  } else if (mention && national) {
    // "the Indian navy", "the Mexican Senate" taken whole for a name: a state organ stands for its state
    add([ctx.index.actorOnDemand('country', national.name, national.country!, mention.tokenStart, mention.tokenStart + 1).id]);
  } else if (mention && !(mention.actor.type === 'organization' && isGenericInstitution(mention.actor.name) && countryQualifier(ctx, head).length)) {
    // ("asked Japan and South Korea for ...": a first conjunct the parser hung on the second name as a compound)
    for (const c of kids) {
      const m = c.deprel === 'compound' && c.i < mention.tokenStart ? mentionAt(ctx, c) : undefined;
      const after = m ? ctx.doc.tokens[m.tokenEnd] : undefined;
      if (m && m.actor.id !== mention.actor.id && (m.actor.type === 'country' || m.actor.type === 'organization') && after && /^(and|,)$/.test(after.text)) add([m.actor.id]);
    }
    add([mention.actor.id]);
  } else if (apposed) {
    add(actorIds(ctx, apposed, role, depth + 1));
  } else if (head.upos === 'PRON' || FIRST_PERSON.has(lower) || THIRD_PERSON_NEUTER.has(lower)) {
    add(pronounActors(ctx, head, depth));
  } else if (head.upos === 'NOUN' && depth <= 2 && describedEarlier(ctx, head).length) {
    add(describedEarlier(ctx, head));
  } else if ((QUANTITY_NOUNS.has(lower) || head.upos === 'NUM') && (head.upos === 'NUM' || !GROUP_NOUNS.has(lower) || kids.some((c) => c.deprel.startsWith('nmod') && hasCase(ctx, c, ['of'])))) {
    // ("human rights groups" is a group of its own; "groups of protesters" counts protesters)
    const inner = kids.find((c) => c.deprel.startsWith('nmod') && hasCase(ctx, c, ['of']));
    if (inner) add(actorIds(ctx, inner, role, depth + 1));
  } else if (head.upos === 'NOUN' || head.upos === 'PROPN' || head.upos === 'ADJ') {
    // "Swedish journalist Karin Lund", "the fugitive banker Ilya Sokolov": the named person is the actor
    const named = kids.find((c) => ['compound', 'flat', 'appos', 'nmod:desc'].includes(c.deprel) && mentionAt(ctx, c)?.actor.type === 'person');
    if (named) return [mentionAt(ctx, named)!.actor.id, ...kids.filter((c) => isConjunct(ctx, c)).flatMap((c) => actorIds(ctx, c, role, depth + 1))];
    // "hackers working for Russian military intelligence", "agents acting for Iran": people who act for a state or a
    // body act as it
    for (const c of kids) {
      if (c.deprel !== 'acl' || c.xpos !== 'VBG' || !/^(work|act|operate|spy)$/.test(lemmaOf(c))) continue;
      const employer = children[c.i]!.find((g) => g.deprel.startsWith('obl') && hasCase(ctx, g, ['for']));
      const ids = employer ? actorIds(ctx, employer, 'agent', depth + 1) : [];
      if (ids.length) return ids;
    }
    // "the dockers' union", "farmers' groups", "the transport workers' union": a body (or bodies) named by whom it
    // organises keeps its organisation word, with every word of the possessor (eval/data/README.md)
    const organised = /^(unions?|federations?|associations?|confederations?|syndicates?|groups|organi[sz]ations)$/.test(lower) ? kids.find((c) => c.deprel === 'nmod:poss' && /^\p{L}\p{Ll}+s$/u.test(c.text) && GROUP_NOUNS.has(c.text.toLowerCase()) && !mentionAt(ctx, c)) : undefined;
    if (organised) {
      // ("Polish farmers' unions": a nationality adjective before the body is part of its label, as in ev051)
      const demonym = (c: Token) => /^\p{Lu}\p{Ll}+$/u.test(c.text) && gazetteer().lookup(c.text)?.kind === 'demonym';
      const qualifiers = [...ctx.children[organised.i]!, ...kids].filter((c) => (c.deprel === 'compound' || c.deprel === 'amod') && c.i < organised.i && ((/^\p{Ll}+$/u.test(c.text) && !mentionAt(ctx, c)) || demonym(c)));
      const first = qualifiers.length ? Math.min(...qualifiers.map((c) => c.i)) : organised.i;
      const label = [...qualifiers.sort((a, b) => a.i - b.i).map((c) => c.text), organised.text.toLowerCase()].join(' ');
      return [ctx.index.actorOnDemand('group', `${label}' ${lower}`, null, first, head.i + 1).id];
    }
    // ("Polish farmers' unions threatened": the parser may split the body into two subjects at the apostrophe)
    const [apostrophe, body] = [ctx.doc.tokens[head.i + 1], ctx.doc.tokens[head.i + 2]];
    if (GROUP_NOUNS.has(lower) && /^\p{L}\p{Ll}+s$/u.test(head.text) && apostrophe?.text === "'" && body && body.head === head.head && body.deprel === head.deprel && /^(unions?|federations?|associations?|confederations?|syndicates?|groups|organi[sz]ations)$/.test(body.text.toLowerCase())) {
      const demonyms = kids.filter((c) => c.deprel === 'amod' && c.i < head.i && /^\p{Lu}\p{Ll}+$/u.test(c.text) && gazetteer().lookup(c.text)?.kind === 'demonym');
      const lowers = kids.filter((c) => (c.deprel === 'compound' || c.deprel === 'amod') && c.i < head.i && /^\p{Ll}+$/u.test(c.text) && !mentionAt(ctx, c));
      const words = [...demonyms, ...lowers].sort((a, b) => a.i - b.i).map((c) => c.text);
      const first = Math.min(head.i, ...demonyms.map((c) => c.i), ...lowers.map((c) => c.i));
      return [ctx.index.actorOnDemand('group', `${[...words, lower].join(' ')}' ${body.text.toLowerCase()}`, null, first, body.i + 1).id];
    }
    // "the lawyer Farrukh Nazarov": a person the name model missed, named in apposition to what they do
    // (the parser may hang the first name on the last: "journalist Pavel Orlov" as compound + appos)
    const apposedName = PERSON_ROLES.has(lower) && /^\p{Ll}/u.test(head.text) ? kids.find((c) => ['appos', 'flat', 'compound', 'nmod:desc'].includes(c.deprel) && c.i > head.i && c.upos === 'PROPN' && /^\p{Lu}\p{Ll}+$/u.test(c.text) && !mentionAt(ctx, c)) : undefined;
    if (apposedName) {
      const parts = [apposedName, ...ctx.children[apposedName.i]!.filter((c) => (c.deprel === 'flat' || c.deprel === 'compound') && /^\p{Lu}\p{Ll}+$/u.test(c.text))].sort((a, b) => a.i - b.i);
      const contiguous = parts[0]!.i === head.i + 1 && parts.every((t, k) => t.i === parts[0]!.i + k);
      if (parts.length >= 2 && parts.length <= 3 && contiguous) {
        return [ctx.index.actorOnDemand('person', parts.map((t) => t.text).join(' '), null, parts[0]!.i, parts[parts.length - 1]!.i + 1).id];
      }
    }
    const members: string[] = [];
    const organ = STATE_ORGANS.has(lower) || AGENT_NOUNS.has(lower);
    // "the two US allies", "Russia's neighbours", "the government's critics": whose allies they are is another party
    for (const c of RELATIONAL_NOUNS.has(lower) ? [] : kids) {
      const memberRelation = ['amod', 'compound', 'nmod:poss', 'flat'].includes(c.deprel) ||
        (c.deprel.startsWith('nmod') && hasCase(ctx, c, ['of', 'from']) && (!hasThingHead(c) || !!mentionAt(ctx, c)));
      // civil groups stay themselves whatever their nationality ("Algerian opposition parties", "Polish farmers")
      if (CIVIL_GROUPS.has(lower) && c.deprel !== 'nmod' && (mentionAt(ctx, c)?.actor.type === 'country' || countryNameAt(ctx, c))) continue;
      if (!memberRelation || (!organ && isPlaceWord(ctx, c))) continue;
      // "opposition activists", "schoolgirls from kidnappers": another group named beside a group is not its owner
      // ("gunmen from the Jalisco New Generation Cartel": a named group they come from is whose they are, but
      // "schoolgirls from kidnappers" are not the kidnappers')
      const beside = c.deprel === 'compound' || c.deprel === 'amod';
      // ("opposition supporters": a group word qualifying a group is part of its label, not an actor of its own)
      if (beside && GROUP_NOUNS.has(c.text.toLowerCase()) && !mentionAt(ctx, c)) continue;
      const ids = actorIds(ctx, c, 'agent', depth + 1).filter((id) => {
        const actor = ctx.index.actors.find((a) => a.id === id);
        const generic = actor?.type === 'group' && (beside || !/\p{Lu}/u.test(actor.name));
        // ("farmers' groups", "workers' unions": a bare group word owned by a group is that group)
        return !generic || !GROUP_NOUNS.has(lower) || (c.deprel === 'nmod:poss' && UNQUALIFIED_GROUPS.has(lower) && /s$/.test(lower));
      });
      if (!(GROUP_NOUNS.has(c.text.toLowerCase()) && !mentionAt(ctx, c) && ['compound', 'amod'].includes(c.deprel))) members.push(...ids);
    }
    // "a Moscow court": a capital naming whose institution it is, though the actor layer read it as a place
    if (members.length === 0 && STATE_ORGANS.has(lower)) for (const c of kids) if (c.deprel === 'compound' || c.deprel === 'amod') members.push(...recipientIds(ctx, c));
    // "police in Belgrade", "creditors in the Paris Club": where a body sits, when nothing else says whose it is
    if (members.length === 0 && (STATE_ORGANS.has(lower) || AGENT_NOUNS.has(lower) || GROUP_NOUNS.has(lower))) {
      for (const c of kids) {
        if (!c.deprel.startsWith('nmod') || !hasCase(ctx, c, ['in', 'at'])) continue;
        const m = mentionAt(ctx, c);
        if (m && STATE_ORGANS.has(lower)) members.push(...actorIds(ctx, c, 'patient', depth + 1));
        else if (m && m.actor.type === 'organization' && !CIVIL_GROUPS.has(lower)) members.push(m.actor.id);
        else if (!m && STATE_ORGANS.has(lower)) members.push(...recipientIds(ctx, c));
      }
    }
    // "Russian officials", "Hezbollah positions": people, units and assets stand for whom they belong to;
    // as a patient a thing ("a Norwegian proposal") is not an actor
    const standsForOwner = AGENT_NOUNS.has(lower) || GROUP_NOUNS.has(lower) || role === 'agent' || mention !== undefined;
    // a missed name that runs through the head word itself is the actor, whatever its parts look like
    const unrecognised = mention ? null : unrecognisedName(ctx, head);
    if (unrecognised) add([unrecognised]);
    else if (members.length && standsForOwner) add(members);
    else if (mention) add([mention.actor.id]);
    // "the messaging app Signal", "the newspaper Vecer": a capitalised name headed by what kind of outlet it is
    else if (/^\p{Lu}/u.test(head.text) && head.i !== ctx.doc.sentences[head.sentence]!.tokenStart && kids.some((c) => c.deprel === 'compound' && (CENSORED.has(c.text.toLowerCase()) || ORGANISATIONS.has(c.text.toLowerCase())))) {
      add([ctx.index.actorOnDemand('group', head.text, null, head.i, head.i + 1).id]);
    }
    // "Tigrayan forces", "Kurdish fighters": armed men qualified by a people that is no state are a group of their own
    else if (/^(forces|troops|units)$/.test(lower) && kids.some((c) => (c.deprel === 'amod' || c.deprel === 'compound') && /^\p{Lu}/u.test(c.text) && c.i !== ctx.doc.sentences[c.sentence]!.tokenStart && !mentionAt(ctx, c) && !countryNameAt(ctx, c) && !gazetteer().lookup(c.text))) {
      const group = groupFor(ctx, head);
      if (group) add([group.id]);
    }
    else if (GROUP_NOUNS.has(lower) && (head.upos === 'NOUN' || /^\p{Lu}\p{Ll}+s$/u.test(head.text) || /^\p{Ll}/u.test(head.text) || head.i === ctx.doc.sentences[head.sentence]!.tokenStart) && !isEveryone(ctx, head)) {
      const group = groupFor(ctx, head);
      // "the parties", "the four sides": only a qualified group ("opposition parties") is an actor of its own
      if (group) add([group.id]);
    }
  }
  for (const c of kids) if (isConjunct(ctx, c)) add(actorIds(ctx, c, role, depth + 1));
  return ids;
}

/**
 * "The two sides", "the ministry", "the group" opening the subject of a later sentence: a definite description
 * with no owner of its own refers back to the actors of the sentence before ("Kenya and Tanzania signed ... The two
 * sides also agreed"; "Ghana's foreign ministry accused Togo ... The ministry urged"; "... banned the opposition
 * Kilimanjaro Democratic Union ... The party called the ban unlawful"). A pair noun takes two parties, a state word
 * a state, and an organisation word a named body.
 */
function describedEarlier(ctx: Context, head: Token): string[] {
  const lower = head.text.toLowerCase();
  const pair = ANAPHOR_PAIRS.has(lower);
  const state = ANAPHOR_STATES.has(lower);
  const body = ANAPHOR_BODIES.has(lower);
  if ((!pair && !state && !body) || head.sentence === 0 || !/^\p{Ll}+$/u.test(head.text) || !SUBJECTS.has(head.deprel.replace(/:pass$/, ''))) return [];
  // (only the subject of the sentence's main clause: "X said both nations would ..." is about what X reported)
  if (ctx.doc.tokens[head.head]?.deprel !== 'root') return [];
  const kids = ctx.children[head.i]!;
  if (!kids.some((c) => c.deprel === 'det' && /^(the|both)$/i.test(c.text))) return [];
  // an owner, a name or a qualifier that names one ("the ministry of communication", "the Afghan side") is not an anaphor
  // ("the interior ministry", "the two countries": a lower-case qualifier or a number is)
  if (kids.some((c) => !['det', 'nummod', 'amod', 'compound', 'punct'].includes(c.deprel) || ((c.deprel === 'amod' || c.deprel === 'compound') && (!/^\p{Ll}+$/u.test(c.text) || mentionAt(ctx, c) || countryNameAt(ctx, c))))) return [];
  if (pair && !kids.some((c) => /^(two|both)$/i.test(c.text))) return [];
  const previous = ctx.doc.sentences[head.sentence - 1]!;
  const root = ctx.doc.tokens.slice(previous.tokenStart, previous.tokenEnd).find((t) => t.deprel === 'root');
  if (!root) return [];
  const subjectIds = ctx.children[root.i]!.filter((c) => SUBJECTS.has(c.deprel.replace(/:pass$/, ''))).flatMap((c) => actorIds(ctx, c, 'agent', 3));
  // every actor named in that sentence, in order, the subject's first
  const named = ctx.index.mentions.filter((m) => m.tokenStart >= previous.tokenStart && m.tokenEnd <= previous.tokenEnd && !isPlaceWord(ctx, ctx.doc.tokens[m.tokenStart]!)).map((m) => m.actor);
  const kind = (id: string) => ctx.index.actors.find((a) => a.id === id)?.type;
  const ordered = [...new Set([...subjectIds, ...named.map((a) => a.id)])];
  if (pair) {
    // ("... received his Uruguayan counterpart, Sofia Ledesma ... The two leaders": leaders are the people named)
    const people = /^(leaders|ministers|presidents)$/.test(lower) ? ordered.filter((id) => kind(id) === 'person') : [];
    if (people.length >= 2) return people.slice(0, Math.max(2, subjectIds.filter((id) => kind(id) === 'person').length));
    const parties = ordered.filter((id) => kind(id) === 'country' || kind(id) === 'person' || kind(id) === 'organization' || kind(id) === 'group');
    return parties.length >= 2 ? parties.slice(0, Math.max(2, subjectIds.length)) : [];
  }
  const fits = (id: string) => (state ? kind(id) === 'country' : kind(id) === 'organization' || kind(id) === 'group');
  const first = ordered.find(fits);
  return first ? [first] : [];
}
const ANAPHOR_PAIRS = new Set(['sides', 'countries', 'leaders', 'governments', 'nations', 'neighbours', 'neighbors', 'ministers', 'presidents', 'delegations', 'states', 'parties']);
const ANAPHOR_STATES = new Set(['ministry', 'government', 'army', 'military', 'police', 'authorities', 'embassy', 'navy', 'administration', 'junta', 'regime', 'cabinet']);
const ANAPHOR_BODIES = new Set(['group', 'party', 'movement', 'front', 'alliance', 'organisation', 'organization', 'agency', 'militia', 'union', 'bloc', 'coalition', 'network', 'council', 'commission', 'rebels', 'fund', 'bank']);

/**
 * "the Rapid Support Forces", "the opposition Democratic Unity Platform": a name of several capitalised words
 * (in a sentence that is not title case) that the entity model missed is a group of that name. Institutions named
 * without their country ("Supreme Court") and office titles are not.
 */
function unrecognisedName(ctx: Context, head: Token): string | null {
  const { doc } = ctx;
  // (a word of a name may be an acronym: "TV Pirin")
  const capital = (t: Token) => /^\p{Lu}(\p{Ll}+|\p{Lu}+)$/u.test(t.text) && t.i !== doc.sentences[t.sentence]!.tokenStart;
  if (!capital(head) || !/^(NOUN|PROPN)$/.test(head.upos) || isNamePartOfTitleCase(ctx, head)) return null;
  // already made while reading one of its words
  const made = mentionAt(ctx, head);
  if (made) return made.actor.type === 'group' && made.tokenEnd - made.tokenStart > 1 ? made.actor.id : null;
  let start = head.i;
  while (start > 0 && doc.tokens[start - 1]!.sentence === head.sentence && capital(doc.tokens[start - 1]!) && !mentionAt(ctx, doc.tokens[start - 1]!)) start--;
  // the name runs on to its last capitalised word ("Rapid Support Forces" read from "Support")
  let end = head.i + 1;
  while (end < doc.tokens.length && doc.tokens[end]!.sentence === head.sentence && capital(doc.tokens[end]!) && !mentionAt(ctx, doc.tokens[end]!)) end++;
  if (end - start < 2) return null;
  const words = doc.tokens.slice(start, end);
  const name = words.map((t) => t.text).join(' ');
  // places are not groups ("Buenos Aires" is read as Argentina where a recipient is wanted)
  if (isGenericInstitution(name) || gazetteer().lookup(name) || words.some((t) => ROLE_HEADS.has(t.text.toLowerCase()))) return null;
  if (doc.entities.some((e) => e.label === 'DATE' && e.tokenStart < end && e.tokenEnd > start)) return null;
  return ctx.index.actorOnDemand('group', name, null, start, end).id;
}

/** A line mostly in capitals (a title-case headline), where capitals say nothing about names. */
function isNamePartOfTitleCase(ctx: Context, token: Token): boolean {
  const sentence = ctx.doc.sentences[token.sentence]!;
  const words = ctx.doc.tokens.slice(sentence.tokenStart, sentence.tokenEnd).filter((t) => /\p{L}/u.test(t.text));
  return words.filter((t) => /^\p{Lu}/u.test(t.text)).length >= words.length * 0.6;
}

/** A country's name (not a capital or demonym) the entity model found at a token, whether or not it is an actor. */
function countryNameAt(ctx: Context, token: Token) {
  const entity = ctx.doc.entities.find((e) => e.label === 'GPE' && token.i >= e.tokenStart && token.i < e.tokenEnd);
  const entry = entity ? gazetteer().lookup(entity.text) : undefined;
  return entity && entry?.kind === 'country' && entry.country ? { entity, entry } : undefined;
}

/** "all parties", "both sides", "every member": everyone concerned, not a group that acts. */
function isEveryone(ctx: Context, head: Token): boolean {
  return ctx.children[head.i]!.some((c) => /^(all|both|every|each|any|no|other|these|those)$/i.test(c.text) && (c.deprel === 'det' || c.deprel === 'amod' || c.deprel === 'det:predet'));
}

function hasThingHead(token: Token): boolean {
  return /^(region|province|state|area|border|coast|waters|territory|city|capital|part|rest|north|south|east|west|centre|center)$/i.test(token.text);
}

/** "Senate", "Coast Guard", "Supreme Court": an institution named without its country. */
function isGenericInstitution(name: string): boolean {
  return /^(the )?(senate|parliament|coast guard|supreme court|constitutional court|court|commission|ministry|foreign ministry|army|navy|air force|police|government|cabinet|council|assembly|national assembly|congress|military|border guard|security council)$/i.test(name);
}

/** The one state a sentence names (a country or capital), as an actor; none when it names none or several. */
function soleStateOfSentence(ctx: Context, sentence: number): string[] {
  const states = new Map<string, { name: string; country: string; start: number; end: number }>();
  for (const e of ctx.doc.entities) {
    if (ctx.doc.tokens[e.tokenStart]!.sentence !== sentence) continue;
    const entry = gazetteer().lookup(e.text);
    if (entry?.country && (entry.kind === 'country' || entry.kind === 'capital' || entry.kind === 'seat')) states.set(entry.country, { name: entry.name, country: entry.country, start: e.tokenStart, end: e.tokenEnd });
  }
  if (states.size !== 1) return [];
  const [state] = [...states.values()];
  return [ctx.index.actorOnDemand('country', state!.name, state!.country, state!.start, state!.end).id];
}

/** "Indian navy", "Kenyan police": a demonym and an institution named as one organisation, as the state's organ. */
function nationalInstitution(name: string) {
  const [first, ...rest] = name.split(/\s+/);
  const entry = first ? gazetteer().lookup(first) : undefined;
  return entry?.kind === 'demonym' && entry.country && rest.length && isGenericInstitution(rest.join(' ')) ? entry : undefined;
}

function countryQualifier(ctx: Context, head: Token): string[] {
  const ids: string[] = [];
  for (const c of ctx.children[head.i]!) {
    if (!['amod', 'compound', 'nmod:poss'].includes(c.deprel) && !(c.deprel.startsWith('nmod') && hasCase(ctx, c, ['of']))) continue;
    const m = mentionAt(ctx, c);
    if (m && m.actor.type === 'country') ids.push(m.actor.id);
  }
  return ids;
}

/** The label of an unnamed group: the head noun with the words that say which group ("opposition activists"). */
function groupFor(ctx: Context, head: Token) {
  const { doc, children } = ctx;
  let start = head.i;
  const inPhrase = new Set([head.i]);
  for (let k = head.i - 1; k >= 0; k--) {
    const t = doc.tokens[k]!;
    // "human rights groups" parsed as two subjects side by side: the noun right before is a split-off qualifier
    const splitOff = k === start - 1 && t.upos === 'NOUN' && t.head === head.head && t.deprel === head.deprel && /^nsubj/.test(t.deprel);
    const qualifier = (splitOff || (inPhrase.has(t.head) && (t.deprel === 'compound' || t.deprel === 'amod'))) && !mentionAt(ctx, t) && !/^\d/.test(t.text) &&
      !/^(armed|local|angry|young|many|other|several|some|more|fellow|masked|unidentified|unknown|suspected|exiled|jailed|detained|kidnapped|abducted|captured|freed|released|striking|thousands|hundreds|main|two|three|four|five|six|seven|eight|nine|ten|least|most|about|some|new|former|rival|leading|hundred|thousand)$/i.test(t.text);
    if (!qualifier) break;
    start = k;
    inPhrase.add(k);
  }
  // a capitalised word inside a sentence is a name ("pro-Russian Revival party"); a common noun is lower case
  // (the group noun itself is a common noun, even where the tagger took a capitalised first word for a name)
  const words = doc.tokens.slice(start, head.i + 1).map((t) => ((t.upos === 'PROPN' && t !== head) || (/\p{Lu}/u.test(t.text) && t.i !== doc.sentences[t.sentence]!.tokenStart) ? t.text : t.text.toLowerCase()));
  let label = words.join(' ');
  if (/^(people|crowds?|mob)$/.test(label)) label = 'protesters';
  // "armed men", "masked men": the only thing that makes these men a group that acts is what the qualifier says
  const armedBy = doc.tokens[start - 1];
  if (label === 'men' && armedBy && armedBy.head === head.i && armedBy.deprel === 'amod' && /^(armed|masked|unidentified|unknown)$/i.test(armedBy.text)) {
    return ctx.index.actorOnDemand('group', `${armedBy.text.toLowerCase()} men`, null, armedBy.i, head.i + 1);
  }
  // ("the families of 11 miners", "the families of the victims": whose families they are says which)
  const whose = /^(families|relatives)$/.test(label) && ctx.children[head.i]!.some((c) => c.deprel.startsWith('nmod') && hasCase(ctx, c, ['of']) && /^(NOUN|PROPN)$/.test(c.upos));
  if (words.length === 1 && UNQUALIFIED_GROUPS.has(label) && !whose) return null;
  // "Opposition leader Grace Mwangi", "rebel commander": the group word qualifies a person, who is the actor
  const next = doc.tokens[head.i + 1];
  if (next && next.sentence === head.sentence && ROLE_HEADS.has(next.text.toLowerCase())) return null;
  // "the opposition Civic Alliance": the group word only says what the named group is
  if (next && next.sentence === head.sentence && /^\p{Lu}/u.test(next.text) && !TIME_WORDS.test(next.text) && !countryNameAt(ctx, next) && mentionAt(ctx, next)?.actor.type !== 'country') return null;
  void children;
  return ctx.index.actorOnDemand('group', label, null, start, head.i + 1);
}

/**
 * "we" and "I" in a quote are its speaker; "it" and "they" as the subject of a reported clause are the reporter
 * ("Mali's junta said it would pull out"); "he" and "she" follow coreference.
 */
// depth is the caller's: a pronoun resolved through another clause's subject must not start the count again
function pronounActors(ctx: Context, pronoun: Token, depth = 0): string[] {
  const lower = pronoun.text.toLowerCase();
  const mention = mentionAt(ctx, pronoun);
  if (mention) return [mention.actor.id];
  if (FIRST_PERSON.has(lower)) {
    const quote = ctx.quotes.find((q) => q.content.start <= pronoun.start && q.content.end >= pronoun.end);
    const speaker = quote ? speakerOf(ctx, quote) : null;
    return speaker ? [speaker] : [];
  }
  if (THIRD_PERSON_NEUTER.has(lower) && pronoun.deprel === 'nmod:poss') {
    // "Russia would carry out its own inquiry": a possessive refers to the subject of its own clause first
    for (let t: Token = pronoun, hops = 0; t.head >= 0 && hops < 4; hops++) {
      t = ctx.doc.tokens[t.head]!;
      if (t.upos !== 'VERB') continue;
      const subject = subjectsOf(ctx, t)[0];
      // ("Ukraine said its forces had hit ...": a possessive inside the subject itself refers further out)
      if (subject && subject !== pronoun && subject.upos !== 'PRON' && !subtree(ctx, subject).includes(pronoun)) return actorIds(ctx, subject, 'agent', depth + 1);
      break;
    }
  }
  if (THIRD_PERSON_NEUTER.has(lower)) {
    // the subject of the clause that reports this one
    for (let t: Token = pronoun, hops = 0; t.head >= 0 && hops < 5; hops++) {
      const governor = ctx.doc.tokens[t.head]!;
      if (t.deprel === 'ccomp' || (t.deprel === 'xcomp' && governor.upos === 'VERB')) {
        // (several subjects, as when a dateline is parsed as one: "MANILA, ... - The Philippines said it had asked
        // ...", the one naming an actor is meant)
        // ("Armenia accused Azerbaijan ... and said it had asked ...": a coordinated reporting verb shares the subject)
        const own = ctx.children[governor.i]!.filter((c) => SUBJECTS.has(c.deprel) && c !== pronoun);
        const candidates = own.length || governor.deprel !== 'conj' ? own : subjectsOf(ctx, governor).filter((c) => c !== pronoun);
        const subject = candidates.find((c) => c.upos !== 'PRON' && actorIds(ctx, c, 'agent', depth + 1).length) ?? candidates[0];
        // "X said the EU would help to pay for it": "it" is a thing or a body, never the person reporting
        if (subject && subject.upos !== 'PRON') return actorIds(ctx, subject, 'agent', depth + 1).filter((id) => !(/^its?$/.test(lower) && ctx.index.actors.find((a) => a.id === id)?.type === 'person'));
        // "It also said it would expel ...": a reporting pronoun stands for the same body as the one reported
        if (subject && THIRD_PERSON_NEUTER.has(subject.text.toLowerCase()) && subject.text.toLowerCase() === lower && depth < 2) return pronounActors(ctx, subject, depth + 1);
      }
      t = governor;
    }
    // "Azerbaijan's foreign ministry summoned ... It also warned that ...": a pronoun opening the main clause of a
    // later sentence continues that sentence's subject
    // ("... met in Ankara. Their foreign ministers last met in Athens": a possessive opening that subject, too)
    const owner = pronoun.deprel === 'nmod:poss' && pronoun.head >= 0 ? ctx.doc.tokens[pronoun.head]! : undefined;
    const opensSubject = !!owner && /^nsubj/.test(owner.deprel) && firstOf(ctx, owner).i === pronoun.i && ctx.doc.tokens[owner.head]?.deprel === 'root';
    const previous = pronoun.sentence > 0 && ((/^nsubj/.test(pronoun.deprel) && ctx.doc.tokens[pronoun.head]?.deprel === 'root') || opensSubject) ? previousSubjectActors(ctx, pronoun, depth) : [];
    if (previous.length) return previous;
  }
  // "expelled two Polish diplomats, accusing them of spying": the object of a participle after a comma is the
  // object of the act it comments on
  if (/^(them|him|her)$/.test(lower) && pronoun.deprel === 'obj' && depth < 2) {
    const participle = ctx.doc.tokens[pronoun.head]!;
    const act = participle.deprel === 'advcl' && participle.xpos === 'VBG' && ctx.doc.tokens[participle.i - 1]?.text === ',' ? ctx.doc.tokens[participle.head] : undefined;
    const earlier = act ? ctx.children[act.i]!.find((c) => (c.deprel === 'obj' || c.deprel === 'iobj') && c.i < participle.i) : undefined;
    if (earlier && earlier.upos !== 'PRON') return actorIds(ctx, earlier, 'patient', depth + 1);
  }
  // "students marched on the ministry, where police fired water cannon to disperse them": "them" as an object is the
  // nearest group of people named before it in the sentence (not the subject of its own clause)
  if (lower === 'them' && /^(obj|iobj)$/.test(pronoun.deprel) && depth === 0) {
    const clause = pronoun.head >= 0 ? ctx.doc.tokens[pronoun.head]! : undefined;
    const own = clause ? new Set(subjectsOf(ctx, clause).flatMap((s) => subtree(ctx, s)).map((t) => t.i)) : new Set<number>();
    const start = ctx.doc.sentences[pronoun.sentence]!.tokenStart;
    for (let k = pronoun.i - 1; k >= start; k--) {
      const t = ctx.doc.tokens[k]!;
      if (own.has(t.i) || t.upos !== 'NOUN' || !/s$/i.test(t.text) || !GROUP_NOUNS.has(t.text.toLowerCase())) continue;
      // ("apologised to the families of 11 miners and promised them compensation": the group whose members the
      // "of" phrase names is the one meant)
      const whole = t.deprel.startsWith('nmod') && hasCase(ctx, t, ['of']) ? ctx.doc.tokens[t.head] : undefined;
      if (whole && whole.upos === 'NOUN' && GROUP_NOUNS.has(whole.text.toLowerCase())) {
        const ids = actorIds(ctx, whole, 'patient', depth + 1);
        if (ids.length) return ids;
      }
      const ids = actorIds(ctx, t, 'patient', depth + 1);
      if (ids.length) return ids;
    }
    // "Lithuania ordered two Belarusian diplomats to leave ... It accused them of spying": with no group before it
    // in its own sentence, "them" is the object of the sentence before
    if (pronoun.sentence > 0) {
      const previous = ctx.doc.sentences[pronoun.sentence - 1]!;
      const root = ctx.doc.tokens.slice(previous.tokenStart, previous.tokenEnd).find((t) => t.deprel === 'root');
      const object = root ? ctx.children[root.i]!.find((c) => c.deprel === 'obj' && c.upos !== 'PRON') : undefined;
      const ids = object && /s$/i.test(object.text) ? actorIds(ctx, object, 'patient', depth + 1) : [];
      if (ids.length) return ids;
    }
  }
  if (PERSONAL.has(lower)) {
    // "Serbia's president said he would recall ...": a person no name stands for, reporting about himself
    if (/^nsubj/.test(pronoun.deprel) && pronoun.head >= 0 && ctx.doc.tokens[pronoun.head]!.deprel === 'ccomp') {
      const governor = ctx.doc.tokens[ctx.doc.tokens[pronoun.head]!.head];
      const subject = governor ? ctx.children[governor.i]!.find((c) => SUBJECTS.has(c.deprel) && c !== pronoun) : undefined;
      if (governor && REPORTING.has(lemmaOf(governor)) && subject && subject.upos !== 'PRON' && !mentionAt(ctx, subject)) return actorIds(ctx, subject, 'agent', depth + 1);
    }
    // "Moroccan journalist Yassine Alaoui published a report ... Police detained him": with one person named
    // before it in the text, "he" or "him" is that person
    const people = new Set(ctx.index.mentions.filter((m) => m.tokenEnd <= pronoun.i && m.actor.type === 'person').map((m) => m.actor.id));
    if (people.size === 1) return [...people];
  }
  return [];
}

const PERSONAL = new Set(['he', 'she', 'him', 'her', 'his']);
/** Categories that judge another party's act: its doer is the recipient. */
const JUDGEMENTS = new Set<PloverType>(['ACCUSE', 'SUPPORT', 'REJECT']);
/** Nouns that name an act told of before ("the attack", "the decision", "the move"). */
const NAMED_ACTS = new Set(['attack', 'attacks', 'strike', 'strikes', 'raid', 'raids', 'decision', 'move', 'step', 'ban', 'arrest', 'arrests',
  'expulsion', 'killing', 'killings', 'shooting', 'bombing', 'announcement', 'measure', 'measures', 'action', 'crackdown', 'detention',
  'incursion', 'offensive', 'assault', 'execution', 'seizure', 'closure', 'release', 'withdrawal', 'gesture', 'ruling', 'verdict']);
/** Whom one speaks to without meeting a party: the press and audiences. */
const AUDIENCES = /^(reporters|journalists|press|media|newsmen|crowd|crowds|audience|audiences|supporters|students|lawmakers|parliament|rally|broadcaster|television|radio|newspaper|interviewer)$/i;
/** Nouns that name a party by its relation to another: the other is not the party. */
const RELATIONAL_NOUNS = new Set(['ally', 'allies', 'neighbour', 'neighbours', 'neighbor', 'neighbors', 'partner', 'partners', 'rival', 'rivals',
  'critic', 'critics', 'opponent', 'opponents', 'enemy', 'enemies', 'adversary', 'adversaries', 'foe', 'foes', 'detractors', 'backers', 'patrons']);

/** The actors of the main subject of the sentence before the pronoun's, when it names any. */
function previousSubjectActors(ctx: Context, pronoun: Token, depth: number): string[] {
  const sentence = ctx.doc.sentences[pronoun.sentence - 1]!;
  const root = ctx.doc.tokens.slice(sentence.tokenStart, sentence.tokenEnd).find((t) => t.deprel === 'root');
  const subject = root ? ctx.children[root.i]!.find((c) => SUBJECTS.has(c.deprel)) : undefined;
  if (!subject || subject.upos === 'PRON' || depth > 1) return [];
  // (the earlier subject is read as if named here: "Turkish and Greek officials" keeps both its conjuncts)
  return actorIds(ctx, subject, 'agent', Math.min(depth, 1));
}

/** A quote's speaker, or when the quote layer left it open, the actor (a person first) in the subject of its cue. */
function speakerOf(ctx: Context, quote: Quote): string | null {
  if (quote.speaker) return quote.speaker;
  const cue = quote.cue ? ctx.doc.tokens.find((t) => t.start === quote.cue!.start) : undefined;
  // the parser sometimes splits "Czech Prime Minister Pavel Novak" into two subjects: read them all
  const subjects = cue ? ctx.children[cue.i]!.filter((c) => c.deprel === 'nsubj') : [];
  const words = subjects.flatMap((s) => subtree(ctx, s));
  const inPhrase = ctx.index.mentions.filter((m) => words.some((t) => t.i >= m.tokenStart && t.i < m.tokenEnd)).map((m) => m.actor);
  const named = inPhrase.find((a) => a.type === 'person')?.id ?? subjects.flatMap((s) => actorIds(ctx, s, 'agent'))[0] ?? inPhrase[0]?.id;
  if (named) return named;
  // "the French defence minister said": an unnamed office holder speaks for their country
  for (const t of words) {
    const entry = gazetteer().lookup(t.text);
    if (entry?.country && entry.kind === 'demonym') return ctx.index.actorOnDemand('country', entry.name, entry.country, t.i, t.i + 1).id;
  }
  return null;
}

/** Owners of what an act is about: "Montenegro's law", "the assets of three Russian banks", "a Norwegian proposal". */
/**
 * The party behind a recipient preposition: its actors, or a country or capital the actor layer read as a
 * place ("withdrew from Lebanon", "extradited ... to Bogota"), which here is the party the act is directed at.
 */
function recipientIds(ctx: Context, phrase: Token): string[] {
  const ids = actorIds(ctx, phrase, 'patient');
  if (ids.length) return ids;
  const entity = ctx.doc.entities.find((e) => phrase.i >= e.tokenStart && phrase.i < e.tokenEnd && e.label === 'GPE');
  // a capitalised word the gazetteer knows, also when the entity model missed it (as in title-case headlines)
  const span = entity ?? (/^\p{Lu}/u.test(phrase.text) ? { text: phrase.text, tokenStart: phrase.i, tokenEnd: phrase.i + 1 } : undefined);
  const entry = span ? gazetteer().lookup(span.text) : undefined;
  if (!span || !entry?.country || (entry.kind !== 'country' && entry.kind !== 'capital' && entry.kind !== 'seat')) return [];
  // the gazetteer names a capital's or seat's country
  return [ctx.index.actorOnDemand('country', entry.name, entry.country, span.tokenStart, span.tokenEnd).id];
}

function ownerIds(ctx: Context, thing: Token, depth = 0): string[] {
  const ids: string[] = [];
  const add = (list: string[]) => list.forEach((id) => ids.includes(id) || ids.push(id));
  const sense = nounSense(nounLemma(thing));
  // "the visit of the US House speaker": who visits or meets owns the meeting
  const act = !!sense && sense.type !== 'CONSULT';
  // "Sweden's NATO bid": with a possessor, a qualifier names what the thing is about, not whose it is
  const possessed = ctx.children[thing.i]!.some((c) => c.deprel === 'nmod:poss' && c.upos !== 'PRON' && actorIds(ctx, c, 'agent').length);
  // ("African Union mediation between Egypt and Ethiopia", "Qatar's talks between ...": with whose the act is
  // named, the parties it is between are not its owners)
  const agented = ctx.children[thing.i]!.some((c) => (c.deprel === 'nmod:poss' || c.deprel === 'amod' || c.deprel === 'compound' || (c.deprel.startsWith('nmod') && hasCase(ctx, c, ['by', 'from']))) && !isPlaceWord(ctx, c) && actorIds(ctx, c, 'agent').length > 0);
  for (const c of ctx.children[thing.i]!) {
    const kase = c.deprel.startsWith('nmod') ? caseOf(ctx, c) : undefined;
    const qualifier = c.deprel === 'amod' || c.deprel === 'compound';
    const owner = c.deprel === 'nmod:poss' || (qualifier && !possessed) || kase === 'from' || kase === 'by' || (kase === 'between' && !agented) || (kase === 'of' && !act);
    if (owner && !isPlaceWord(ctx, c)) add(actorIds(ctx, c, 'agent').length ? actorIds(ctx, c, 'agent') : c.deprel === 'nmod:poss' ? recipientIds(ctx, c) : []);
    // "Armenian-held villages", "rebel-controlled towns": whoever holds a place is its owner
    if (c.deprel === 'amod' && /^(hold|control|occupy|run)$/.test(lemmaOf(c))) {
      for (const g of ctx.children[c.i]!) if (g.deprel === 'compound' || g.deprel === 'amod' || g.deprel === 'obl:npmod') add(actorIds(ctx, g, 'agent'));
    }
    // "an offer of food aid from the WFP": the owner named inside the offer's content
    if (kase === 'of' && act && depth === 0) for (const g of ctx.children[c.i]!) if (g.deprel.startsWith('nmod') && hasCase(ctx, g, ['from', 'by'])) add(actorIds(ctx, g, 'agent'));
  }
  for (const c of ctx.children[thing.i]!) if (c.deprel === 'conj') add(ownerIds(ctx, c, depth + 1));
  return ids;
}

/** The subject of a clause, looking up through control verbs, coordination and participles when it has none. */
function subjectsOf(ctx: Context, clause: Token): Token[] {
  let host: Token | undefined = clause;
  let via = '';
  for (let hops = 0; host && hops < 4; hops++) {
    // "Kenyan police, who have been accused of abuses, arrested ...": reached through coordination from the real
    // main verb, a relative clause the parser made the main one stands for the noun it describes
    if (via === 'conj') {
      const relative = ctx.children[host.i]!.find((c) => /^nsubj/.test(c.deprel) && antecedentOfRelative(ctx, host!, c) !== c);
      if (relative) return [antecedentOfRelative(ctx, host, relative)];
    }
    // (a subject the parser marked passive that is not one, "troops have not withdrawn", is the actor)
    const own = ctx.children[host.i]!.filter((c) => (SUBJECTS.has(c.deprel) || PASSIVE_SUBJECTS.has(c.deprel)) && !isPassiveSubject(ctx, c));
    // (or the subject the parser hung on an auxiliary before the verb: "The African Union has so far refused")
    const subjects = own.length ? own : ctx.children[host.i]!.filter((c) => c.deprel === 'aux' && c.i < host!.i).flatMap((a) => ctx.children[a.i]!.filter((g) => SUBJECTS.has(g.deprel)));
    // "EU envoy Pekka Laine praised ...": a title noun the parser made a second subject right before the named person
    // describes that person and names no actor of its own (eval/data/README.md: a named person by full name)
    const titled = subjects.filter((s) => !(s.upos === 'NOUN' && subjects.some((o) => o !== s && o.i === s.i + 1 && mentionAt(ctx, o)?.actor.type === 'person')))
      // "The European Union has so far refused": an auxiliary the parser made the subject has the real one under it
      .map((s) => (/^(have|has|had|be|is|was|were|are|do|does|did)$/i.test(s.text) && s.i < host!.i ? ctx.children[s.i]!.find((g) => SUBJECTS.has(g.deprel)) ?? s : s));
    if (subjects.length) return titled.map((c) => antecedentOfRelative(ctx, host!, c));
    if (ctx.children[host.i]!.some((c) => isPassiveSubject(ctx, c))) return [];
    // "the EU, which imposed ...": a relative clause's subject is its noun
    if (host.deprel === 'acl:relcl' && host.head >= 0) return [ctx.doc.tokens[host.head]!];
    if (host.deprel === 'acl' && host.head >= 0 && (isMisparsedMainVerb(ctx, host) || isOngoingActOf(ctx, host))) return [ctx.doc.tokens[host.head]!];
    if (!['xcomp', 'conj', 'advcl', 'ccomp', 'parataxis'].includes(host.deprel) || host.head < 0) return [];
    // a passive governor's subject is not the actor of its complement ("was asked to leave"), except after verbs
    // that only say what is expected or reported of it: "is expected to visit", "is said to have left" (raising)
    const governorVerb = ctx.doc.tokens[host.head]!;
    const raised = host.deprel === 'xcomp' && RAISING_PASSIVES.has(lemmaOf(governorVerb));
    if (host.deprel !== 'conj' && !raised && ctx.children[host.head]!.some((c) => isPassiveSubject(ctx, c))) return [];
    if (raised) {
      const raisedSubjects = ctx.children[governorVerb.i]!.filter((c) => isPassiveSubject(ctx, c));
      if (raisedSubjects.length) return raisedSubjects;
    }
    // "Asked what had changed, she said ...": a passive participle's understood subject is its patient
    if (host.deprel === 'advcl' && host.xpos === 'VBN') return [];
    // "expected every party to cooperate", "urged Moscow to return": the object of the governor does it
    const controller = host.deprel === 'xcomp' ? ctx.children[host.head]!.find((c) => c.deprel === 'obj' || c.deprel === 'iobj') : undefined;
    if (controller) return [controller];
    via = host.deprel;
    host = ctx.doc.tokens[host.head]!;
    // "are weighing whether to send": a "whether" the parser made the object stands between the verbs
    if (/^(whether|if)$/i.test(host.text) && host.upos === 'SCONJ' && host.head >= 0) host = ctx.doc.tokens[host.head]!;
    if (host.upos !== 'VERB' && host.upos !== 'AUX' && host.upos !== 'ADJ') return [];
  }
  return [];
}

/**
 * "Kenyan police, who have been accused of abuses, arrested 20 protesters": when the parser makes the relative clause
 * the main one, its "who" stands as a subject; the noun right before it (past the comma) is whom it means.
 */
function antecedentOfRelative(ctx: Context, clause: Token, subject: Token): Token {
  if (subject.upos !== 'PRON' || !/^(who|which|that)$/i.test(subject.text)) return subject;
  // ("protesters who had gathered": a relative clause's "who" is the noun it describes)
  if (clause.deprel === 'acl:relcl') return clause.head >= 0 ? ctx.doc.tokens[clause.head]! : subject;
  const start = ctx.doc.sentences[subject.sentence]!.tokenStart;
  let k = subject.i - 1;
  if (k < start || ctx.doc.tokens[k]!.text !== ',') return subject;
  for (k--; k >= start && ctx.doc.tokens[k]!.upos === 'PUNCT'; k--);
  const noun = ctx.doc.tokens[k];
  return noun && (noun.upos === 'NOUN' || noun.upos === 'PROPN') ? noun : subject;
}

/**
 * The actors coordinated before a subject noun phrase by word order: "Serbian President Milan Jovic and Kosovo
 * Prime Minister Arben Krasniqi", where the parser made only the last name the subject. The phrase is walked back
 * over its title words to an "and" (or a list comma); the actor named right before it counts when its own phrase
 * opens the clause (sentence start, a dash or comma), so a name behind a preposition ("talks with Russia and")
 * is never taken.
 */
function coordinatedBefore(ctx: Context, subject: Token): string[] {
  const { doc } = ctx;
  const start = doc.sentences[subject.sentence]!.tokenStart;
  const titleWord = (t: Token) => /^(PROPN|ADJ|NOUN|DET)$/.test(t.upos) && !/^(and|or)$/i.test(t.text);
  const found: string[] = [];
  let k = Math.min(subject.i, mentionAt(ctx, subject)?.tokenStart ?? subject.i) - 1;
  for (let round = 0; round < 4; round++) {
    while (k >= start && titleWord(doc.tokens[k]!) && doc.tokens[k]!.head !== -1 && doc.tokens[k]!.deprel !== 'nsubj') k--;
    if (k < start || !/^(and|,)$/.test(doc.tokens[k]!.text)) break;
    const before = doc.tokens[k - 1];
    const m = before && before.sentence === subject.sentence ? mentionAt(ctx, before) : undefined;
    if (!m || ctx.index.actors.find((a) => a.id === m.actor.id)?.type !== 'person' && !/^(PROPN)$/.test(before!.upos)) break;
    // the named actor's own phrase must open the clause
    let j = m.tokenStart - 1;
    while (j >= start && titleWord(doc.tokens[j]!)) j--;
    const opener = doc.tokens[j];
    if (j >= start && !(opener!.upos === 'PUNCT' || /^(and)$/i.test(opener!.text))) break;
    found.push(m.actor.id);
    k = j;
    if (k < start || doc.tokens[k]!.text !== ',' && !/^and$/i.test(doc.tokens[k]!.text)) break;
  }
  return found;
}

/**
 * "..., with Foreign Minister X calling it a sign of trust": a "with" phrase whose noun is followed by an -ing verb
 * is an absolute clause (its noun is the subject of that verb), not a partner of the act. Name parts the parser
 * tagged as something else are skipped on the way to the verb.
 */
function isAbsoluteWith(ctx: Context, phrase: Token): boolean {
  if (!hasCase(ctx, phrase, ['with'])) return false;
  const { doc } = ctx;
  // (", with Foreign Minister Eva de Vries calling it ...": the -ing verb hung on the name, after a comma)
  const opening = firstOf(ctx, phrase);
  if (doc.tokens[opening.i - 1]?.text === ',' && ctx.children[phrase.i]!.some((c) => c.deprel === 'acl' && c.xpos === 'VBG' && c.i > phrase.i)) return true;
  const end = Math.max(...subtree(ctx, phrase).map((t) => t.i));
  let k = end + 1;
  // ("with Secretary of State Dana Whitfield calling": the title and name, whatever the parser made of them)
  while (doc.tokens[k] && doc.tokens[k]!.sentence === phrase.sentence && /^(\p{Lu}|(of|de|da|di|del|der|van|von|al|bin|el|la|le|dos|du)$)/u.test(doc.tokens[k]!.text) && doc.tokens[k]!.xpos !== 'VBG' && k - end < 7) k++;
  const next = doc.tokens[k];
  return !!next && next.sentence === phrase.sentence && next.xpos === 'VBG';
}

/** The state a named official acts for (their country, when the actor index knows it), else the actor itself. */
function stateOfOfficial(ctx: Context, id: string, at: Token): string {
  const actor = ctx.index.actors.find((a) => a.id === id);
  if (actor?.type !== 'person' || !actor.country) return id;
  const name = gazetteer().countryName(actor.country);
  return name ? ctx.index.actorOnDemand('country', name, actor.country, at.i, at.i + 1).id : id;
}

/** A conjunct, unless it is an absolute "with" clause the parser coordinated ("between X and Y, with Z calling ..."). */
function isConjunct(ctx: Context, token: Token): boolean {
  if (token.deprel !== 'conj' || isAbsoluteWith(ctx, token)) return false;
  // ("X and her Moroccan counterpart, Karim Benali, signed": a title the parser coordinated with the name in
  // apposition to it is that person, who is coordinated in turn)
  if (token.upos === 'NOUN') {
    const after = Math.max(...subtree(ctx, token).map((t) => t.i)) + 1;
    const named = ctx.doc.tokens[after]?.text === ',' ? ctx.doc.tokens[after + 1] : undefined;
    const m = named ? mentionAt(ctx, named) : undefined;
    if (m && m.actor.type === 'person' && m.tokenStart === named!.i && ctx.doc.tokens.slice(m.tokenStart, m.tokenEnd).some((t) => t.deprel === 'conj' && t.head === token.head)) return false;
  }
  // (nor a piece of the absolute's name the parser coordinated after it: "with Secretary of State Dana Whitfield")
  const siblings = token.head >= 0 ? ctx.children[token.head]! : [];
  return !siblings.some((c) => c.deprel === 'conj' && c.i < token.i && isAbsoluteWith(ctx, c));
}

/** The actor right after the act and its object, behind one of the category's recipient prepositions. */
function recipientByWordOrder(ctx: Context, verb: Token, object: Token | undefined, cases: string[]): string[] {
  const { doc } = ctx;
  // the end of the object's own noun phrase ("gas supplies"), whatever the parser attached to it
  let end = object ? object.i : verb.i;
  while (object && doc.tokens[end + 1] && doc.tokens[end + 1]!.sentence === verb.sentence && /^(NOUN|PROPN|NUM|ADJ)$/.test(doc.tokens[end + 1]!.upos)) end++;
  let k = Math.max(end, verb.i) + 1;
  const preposition = doc.tokens[k];
  if (!preposition || preposition.sentence !== verb.sentence || !cases.includes(preposition.text.toLowerCase())) return [];
  for (k++; k < doc.tokens.length && /^(the|a|an)$/i.test(doc.tokens[k]!.text); k++);
  const next = doc.tokens[k];
  const m = next && next.sentence === verb.sentence ? mentionAt(ctx, next) : undefined;
  if (m) return [m.actor.id];
  return next && next.sentence === verb.sentence ? recipientIds(ctx, next) : [];
}

/**
 * "On Tuesday, Greece and Italy signed ...": when the parse gives a finite main verb no subject, the actors named
 * right before it (in one noun phrase, back to a preposition or another verb) are its subject.
 */
function subjectByWordOrder(ctx: Context, verb: Token): string[] {
  const { doc } = ctx;
  if (!/^VB[DZP]$/.test(verb.xpos) && !auxiliariesOf(ctx, verb).length) return [];
  if (!['root', 'conj', 'parataxis', 'ccomp'].includes(verb.deprel) && verb.head >= 0) return [];
  const ids: string[] = [];
  for (let k = verb.i - 1; k >= doc.sentences[verb.sentence]!.tokenStart; k--) {
    const t = doc.tokens[k]!;
    if (t.upos === 'AUX' || t.upos === 'ADV' || t.upos === 'PART' || t.upos === 'DET' || t.upos === 'ADJ' || t.upos === 'NUM' || /^(and|,|'s|’s)$/.test(t.text)) continue;
    const m = mentionAt(ctx, t);
    if (m) {
      if (!ids.includes(m.actor.id)) ids.unshift(m.actor.id);
      continue;
    }
    if (t.upos === 'NOUN' || t.upos === 'PROPN') {
      if (ids.length) break;
      continue;
    }
    break;
  }
  return ids;
}

function argumentsOf(ctx: Context, reading: Reading, type: PloverType): { source: string[]; target: string[]; anaphoric: boolean } {
  const { children, doc } = ctx;
  if (reading.headline) return { ...reading.headline, anaphoric: false };
  const { trigger, clause, nominal } = reading;
  const source: string[] = [];
  const target: string[] = [];
  const add = (list: string[], ids: string[]) => ids.forEach((id) => list.includes(id) || list.push(id));
  const recipientCases = RECIPIENT_CASES[type];
  const isHost = !nominal && (/^(host|receive)$/.test(lemmaOf(clause)) || (/^(welcome|greet)$/.test(lemmaOf(clause)) && reading.sense.mode === 'visit'));

  if (clause !== trigger || !nominal) {
    const subjects = subjectsOf(ctx, clause);
    for (const s of subjects) add(source, actorIds(ctx, s, 'agent'));
    // "Serbian President Milan Jovic and Kosovo Prime Minister Arben Krasniqi agreed": titled names the parser
    // split, keeping only the last as the subject, are read back through the "and" before it
    for (const s of subjects) if (actorIds(ctx, s, 'agent').length) add(source, coordinatedBefore(ctx, s).filter((id) => !source.includes(id)));
    for (const c of children[clause.i]!) {
      // (an active verb's "by" phrase is no agent: "boycotting French brands after remarks by the president")
      if ((c.deprel === 'obl:agent' && hasCase(ctx, c, ['by'])) || (c.deprel.startsWith('obl') && hasCase(ctx, c, ['by']) && !(clause.xpos === 'VBG' || /^VB[ZP]?$/.test(clause.xpos)))) add(source, actorIds(ctx, c, 'agent'));
    }
    const passive = children[clause.i]!.some((c) => isPassiveSubject(ctx, c));
    // "were threatened with arrest by the minister": an agent the parser hung on the oblique before it
    if (passive && source.length === 0) {
      for (const c of children[clause.i]!) {
        if (!c.deprel.startsWith('obl')) continue;
        for (const g of children[c.i]!) if (g.deprel.startsWith('nmod') && hasCase(ctx, g, ['by'])) add(source, actorIds(ctx, g, 'agent'));
      }
    }
    // "Gabon was suspended from the African Union", "two reporters were expelled from Hungary", "diplomats were
    // ordered out of Lithuania": with no agent named, a removal is done by the body or state it is from
    if (passive && source.length === 0 && (reading.sense.mode === 'expel' || reading.sense.mode === 'deport')) {
      for (const c of children[clause.i]!) {
        if (c.deprel.startsWith('obl') && hasCase(ctx, c, ['from', 'of', 'out'])) add(source, actorIds(ctx, c, 'agent').length ? actorIds(ctx, c, 'agent') : recipientIds(ctx, c));
      }
    }
    if (subjects.length === 0 && source.length === 0 && !passive) add(source, subjectByWordOrder(ctx, clause));
  }
  // "a general strike planned by the union", "a car bomb claimed by al-Shabaab": the agent of the act named
  if (nominal && clause === trigger) add(source, agentByParticiple(ctx, trigger));
  // the participants a trigger noun brings: "Beijing's offer", "talks between X and Y", "sanctions on Iran"
  if (nominal) {
    for (const c of children[trigger.i]!) {
      if (c.deprel === 'nmod:poss' && possessorIsPatient(ctx, trigger, c)) {
        add(target, actorIds(ctx, c, 'patient'));
      } else if (c.deprel === 'nmod:poss' || ((c.deprel === 'amod' || c.deprel === 'compound') && !isPlaceWord(ctx, c))) {
        const ids = actorIds(ctx, c, 'agent');
        if (source.length === 0) add(source, ids);
        else add(target, ids.filter((id) => !source.includes(id)));
      } else if (c.deprel.startsWith('nmod') || isMisparsedBetween(ctx, c)) {
        const kase = caseOf(ctx, c);
        if (kase === 'by') add(source, actorIds(ctx, c, 'agent').length ? actorIds(ctx, c, 'agent') : recipientIds(ctx, c));
        else if (kase === 'between' || kase === 'among' || (kase === 'of' && type === 'CONSULT')) add(source, actorIds(ctx, c, 'agent'));
        else if (kase === 'from' && ['AGREE', 'REQUEST', 'AID', 'SUPPORT', 'ACCUSE', 'THREATEN', 'CONCEDE', 'PROTEST'].includes(type)) add(source, actorIds(ctx, c, 'agent').length ? actorIds(ctx, c, 'agent') : recipientIds(ctx, c));
        // ("the blacklisting of five Chinese drone makers": whose firms the measure hits)
        else if (kase === 'of' && ['ASSAULT', 'COERCE', 'SANCTION', 'RETREAT', 'CONCEDE'].includes(type)) add(target, actorIds(ctx, c, 'patient').length || type !== 'SANCTION' ? actorIds(ctx, c, 'patient') : ownerIds(ctx, c).filter((id) => !source.includes(id)));
        // "a march of garment workers": who marches
        else if (kase === 'of' && type === 'PROTEST') add(source, actorIds(ctx, c, 'agent'));
        // "the extradition of X from Spain": the state handing over
        else if (kase === 'from' && type === 'COOPERATE') add(source, actorIds(ctx, c, 'agent').length ? actorIds(ctx, c, 'agent') : recipientIds(ctx, c));
        // "Latvia's rejection of the Russian proposal": whose proposal is rejected
        else if (kase === 'of' && ['REJECT', 'SUPPORT', 'ACCUSE'].includes(type)) add(target, actorIds(ctx, c, 'patient').length ? actorIds(ctx, c, 'patient') : ownerIds(ctx, c));
        else if (kase && recipientCases.includes(kase)) {
          // "restrictions on Russian gas": whose goods the measure hits, as for a verb's oblique below
          const ids = recipientIds(ctx, c);
          add(target, ids.length || !OWNER_IS_RECIPIENT.has(type) || kase === 'to' ? ids : ownerIds(ctx, c).filter((id) => !source.includes(id)));
        } else if (kase === 'to' && (type === 'CONSULT' || type === 'AGREE')) add(target, recipientIds(ctx, c));
        if (kase === 'of') for (const g of children[c.i]!) if (g.deprel.startsWith('nmod') && hasCase(ctx, g, ['from', 'by'])) add(source, actorIds(ctx, g, 'agent').length || type !== 'COOPERATE' ? actorIds(ctx, g, 'agent') : recipientIds(ctx, g));
        // "the extradition of X from Spain to Argentina", "the delivery of flour to Yemen": where what is handed goes
        if (kase === 'of' && ['COOPERATE', 'AID'].includes(type)) for (const g of children[c.i]!) if (g.deprel.startsWith('nmod') && hasCase(ctx, g, ['to'])) add(target, recipientIds(ctx, g).filter((id) => !source.includes(id)));
      }
    }
    // (the parser hangs "from Spain" on the person handed over as often as on the noun)
    if (type === 'COOPERATE' && source.length === 0) add(source, handoverParty(ctx, trigger, 'from'));
    if (type === 'COOPERATE' && target.length === 0) add(target, handoverParty(ctx, trigger, 'to').filter((id) => !source.includes(id)));
    // "the IMO had received a request from Norway": who receives a request, offer or appeal is its recipient
    const governor = trigger.head >= 0 ? doc.tokens[trigger.head]! : null;
    // ("spurned an invitation from Venezuela", "rebuffing calls from Washington": who turns it down received it)
    // ("turned down an offer from the African Union": the particle verb of refusal too)
    const turnedDown = governor && lemmaOf(governor) === 'turn' && particlesOf(ctx, governor).has('down');
    if (governor && trigger.deprel === 'obj' && (turnedDown || /^(receive|get|accept|welcome|reject|spurn|rebuff|decline|refuse|ignore|dismiss|snub|heed|defy)$/.test(lemmaOf(governor))) && ['REQUEST', 'AGREE', 'THREATEN', 'ACCUSE'].includes(type)) {
      // ("Ethiopian Prime Minister X welcomed an offer by Kenya": the offer is made to the state the official speaks
      // for, as with "Taiwan's president dismissed Beijing's offer of talks")
      for (const s of subjectsOf(ctx, governor)) add(target, actorIds(ctx, s, 'agent').map((id) => stateOfOfficial(ctx, id, s)).filter((id) => !source.includes(id)));
    }
  }
  const clauseKids = children[clause.i]!;
  const hostPlaces: string[] = [];
  const object = nominal && clause === trigger ? undefined : objectOf(ctx, clause);
  if (object && !(nominal && object === trigger)) {
    const patients = actorIds(ctx, object, 'patient');
    const thing = contentHead(ctx, object);
    const owners = patients.length || !(OWNER_IS_RECIPIENT.has(type) || reading.sense.mode === 'vandalize') ? [] : ownerIds(ctx, thing);
    if (patients.length) add(target, patients);
    else add(target, owners);
    // "relations with Bhutan", "sanctions on Georgia", "a lawsuit against Bolivia", "access to the app Signal"
    // ("its ban on South Korean seafood": whose goods the ban hits)
    for (const n of children[object.i]!) {
      if (!n.deprel.startsWith('nmod') || !hasCase(ctx, n, recipientCases.filter((k) => k !== 'of'))) continue;
      // ("endorsed Egypt's plan for Gaza", "Ghana's candidacy for the chair of the commission": what the owner's
      // plan or bid is for is its topic, not a second recipient)
      if (type === 'SUPPORT' && owners.some((id) => !source.includes(id)) && hasCase(ctx, n, ['for'])) continue;
      const ids = recipientIds(ctx, n);
      add(target, ids.length ? ids : ownerIds(ctx, n).filter((id) => !source.includes(id)));
    }
    if (/^access$/i.test(thing.text)) for (const n of children[thing.i]!) if (n.deprel.startsWith('nmod') && hasCase(ctx, n, ['to'])) add(target, actorIds(ctx, n, 'patient').length ? actorIds(ctx, n, 'patient') : ownerIds(ctx, n));
    // "demanded the resignation of X", "called for the release of X": the person the demanded act concerns
    // ("ordered the arrest of X": the person the ordered arrest is of)
    if ((type === 'REQUEST' || type === 'COERCE') && target.length === 0 && nounSense(nounLemma(thing))) {
      for (const n of children[thing.i]!) if (n.deprel.startsWith('nmod') && hasCase(ctx, n, ['of'])) add(target, actorIds(ctx, n, 'patient').filter((id) => ctx.index.actors.find((a) => a.id === id)?.type === 'person'));
    }
  }
  // "endorsed Senegalese diplomat Awa Ndiaye's bid": an oblique with no preposition is an object the parser split
  // off, and its owner is the recipient as for any object
  if (target.length === 0 && OWNER_IS_RECIPIENT.has(type) && !nominal) {
    for (const c of clauseKids) {
      // ("rounded up 40 opposition supporters": the people split off are the recipients themselves)
      if (c.deprel === 'obl' && c.upos === 'NOUN' && !caseOf(ctx, c) && !isTimePhrase(ctx, c)) {
        const patients = actorIds(ctx, c, 'patient');
        add(target, (patients.length ? patients : ownerIds(ctx, c)).filter((id) => !source.includes(id)));
      }
    }
  }
  for (const c of clauseKids) {
    if (c.deprel === 'iobj') add(target, actorIds(ctx, c, 'patient'));
    // "spoke by telephone with X": the partner the parser hung under the means of the call
    if (type === 'CONSULT' && c.deprel.startsWith('obl') && hasCase(ctx, c, ['by'])) for (const g of children[c.i]!) if (g.deprel.startsWith('nmod') && hasCase(ctx, g, ['with'])) add(target, actorIds(ctx, g, 'patient'));
    if (!c.deprel.startsWith('obl') || c.deprel === 'obl:agent' || hasCase(ctx, c, ['by'])) continue;
    // "backed the talks, with Secretary of State X calling it ...": an absolute names who speaks, not a partner
    if (isAbsoluteWith(ctx, c)) continue;
    const kase = caseOf(ctx, c);
    if (kase && recipientCases.includes(kase)) {
      const ids = recipientIds(ctx, c);
      // "sanctions on Russian banks", "a ban on South Korean seafood": whose the thing hit is
      add(target, ids.length || !OWNER_IS_RECIPIENT.has(type) || kase === 'to' ? ids : ownerIds(ctx, c).filter((id) => !source.includes(id)));
    }
    // a visit's host: "visited Canberra", "flew to Warsaw", "arrived in Beijing for a state visit"
    // (a host named in person, "for talks with Prime Minister X", comes before the place: see below)
    if ((kase === 'to' || (kase === 'in' && TRAVEL_VERBS.has(lemmaOf(clause)))) && reading.sense.mode === 'visit') {
      hostPlaces.push(...(subtree(ctx, c).map((t) => recipientIds(ctx, t)).find((ids) => ids.length) ?? []));
    }
    // a partner the parser hung lower: "spoke by telephone with X", "walked out of talks with Kosovo"
    if (['CONSULT', 'SANCTION', 'REJECT', 'AGREE', 'COOPERATE'].includes(type)) for (const g of children[c.i]!) if (g.deprel.startsWith('nmod') && hasCase(ctx, g, ['with'])) add(target, actorIds(ctx, g, 'patient'));
  }
  // troops massed at someone's border are aimed at them ("closer to the Armenian border", "near Ukraine's borders")
  if (type === 'MOBILIZE' || type === 'THREATEN') {
    // ("moves troops closer to the Kosovo boundary": the place hangs on "closer")
    const nearer = children[clause.i]!.filter((c) => c.deprel === 'xcomp' && /^(ADJ|ADV)$/.test(c.upos));
    for (const t of [...subtreeShallow(ctx, clause), ...nearer.flatMap((c) => subtreeShallow(ctx, c))]) {
      if (!/^(border|borders|frontier|boundary|boundaries)$/i.test(t.text)) continue;
      const kase = caseOf(ctx, t);
      if (kase && /^(to|toward|towards|near|along|on|at|across)$/.test(kase)) {
        add(target, ownerIds(ctx, t).filter((id) => !source.includes(id)));
        // "along its border with China"
        for (const n of children[t.i]!) if (n.deprel.startsWith('nmod') && hasCase(ctx, n, ['with'])) add(target, recipientIds(ctx, n).filter((id) => !source.includes(id)));
      }
    }
    // "An additional NATO battlegroup was deployed": whose forces move is who mobilises
    if (type === 'MOBILIZE' && source.length === 0 && object) {
      const owners = actorIds(ctx, object, 'agent');
      const mobiliser = reportingStateForUnit(ctx, clause, owners);
      add(source, mobiliser);
      // (the unit sent is the state's own force, not whom the move is aimed at)
      if (mobiliser !== owners) for (const unit of owners) if (target.includes(unit)) target.splice(target.indexOf(unit), 1);
    }
  }
  if (target.length === 0) add(target, hostPlaces.filter((id) => !source.includes(id)));
  if (isHost && !nominal) {
    // "Kenya hosted the leaders": the visitor is the actor, the host the recipient
    return { source: target.filter((t) => !source.includes(t)), target: source, anaphoric: false };
  }
  // "disbursed the second tranche of Pakistan's loan": who owns what is given is who receives it
  if (type === 'AID' && target.length === 0 && object) add(target, ownerIds(ctx, contentHead(ctx, object)).filter((id) => !source.includes(id)));
  // "€2 billion in emergency funding for Armenia": the recipient named deeper in what is given (the parser may hang
  // "in emergency funding" on the verb rather than on the amount)
  if (type === 'AID' && target.length === 0 && object) {
    const given = [object, ...clauseKids.filter((c) => c.deprel.startsWith('obl') && hasCase(ctx, c, ['in', 'of']) && nounSense(nounLemma(c))?.type === 'AID')];
    for (const phrase of given) {
      for (const t of subtree(ctx, phrase)) if (t !== phrase && t.deprel.startsWith('nmod') && hasCase(ctx, t, ['for', 'to'])) add(target, recipientIds(ctx, t).filter((id) => !source.includes(id)));
    }
  }
  // "sending a brigade to the border to deter Belarus": whom a show of force is meant to deter
  if (type === 'MOBILIZE' || type === 'THREATEN') {
    for (const c of children[clause.i]!) {
      if ((c.deprel === 'advcl' || c.deprel === 'xcomp') && /^(deter|counter|intimidate|pressure|warn|confront)$/.test(lemmaOf(c))) {
        const deterred = objectOf(ctx, c);
        if (deterred) {
          const ids = actorIds(ctx, deterred, 'patient');
          if (ids.length) target.splice(0, target.length, ...ids);
        }
      }
    }
  }
  // a recipient the parser attached elsewhere, right after the act: "cut gas supplies to Moldova"
  if (target.length === 0 && !nominal) add(target, recipientByWordOrder(ctx, clause, object, recipientCases).filter((id) => !source.includes(id)));
  // "warned that it would cut transit to Russia if Brussels did not reverse course": a threat is aimed at whoever
  // its condition asks to act
  if (target.length === 0 && type === 'THREATEN' && !nominal) {
    for (const content of [clause, ...contentVerbs(ctx, clause)]) {
      const condition = children[content.i]!.find((c) => c.deprel === 'advcl' && children[c.i]!.some((m) => m.deprel === 'mark' && /^(if|unless)$/i.test(m.text)));
      if (condition) add(target, subjectsOf(ctx, condition).flatMap((s) => actorIds(ctx, s, 'agent')).filter((id) => !source.includes(id)));
      if (target.length) break;
    }
  }
  // "refused to meet the envoy", "threatened to expel the mission": the recipient is whom the content concerns
  if (target.length === 0 && ['REJECT', 'THREATEN', 'AGREE', 'REQUEST'].includes(type)) {
    for (const content of contentVerbs(ctx, clause)) {
      const contentObject = objectOf(ctx, content);
      if (contentObject) add(target, actorIds(ctx, contentObject, 'patient'));
      for (const c of children[content.i]!) if (c.deprel.startsWith('obl') && hasCase(ctx, c, ['with', 'to', 'on', 'against', 'from', 'between'])) add(target, recipientIds(ctx, c));
      // "threatened to suspend cooperation with Norway", "years of cooperation with Athens" (through "of"
      // phrases, and also when the parser gives the verb a second object or a bare oblique: "decades of fisheries
      // cooperation", "its decades-old fisheries cooperation")
      const contentObjects = children[content.i]!.filter((c) => c === contentObject || c.deprel === 'obj' || (c.deprel === 'obl' && !caseOf(ctx, c)));
      for (let k = 0; k < contentObjects.length && k < 6; k++) contentObjects.push(...children[contentObjects[k]!.i]!.filter((n) => n.deprel === 'nmod' && hasCase(ctx, n, ['of'])));
      if (target.length === 0) for (const o of contentObjects) for (const n of children[o.i]!) if (n.deprel.startsWith('nmod') && hasCase(ctx, n, ['with', 'on', 'against', 'to', 'between'])) add(target, recipientIds(ctx, n));
      // "threatened to expel the UN mission", "to respond to any US-South Korean drills": whose thing it is
      if (type === 'THREATEN' || type === 'REJECT') {
        if (target.length === 0 && contentObject) add(target, ownerIds(ctx, contentHead(ctx, contentObject)));
        if (target.length === 0) for (const c of children[content.i]!) if (c.deprel.startsWith('obl') && hasCase(ctx, c, ['to', 'on', 'against'])) add(target, ownerIds(ctx, c));
      }
      if (target.length) break;
    }
  }
  // a state organ with no country of its own acts for the country where the act takes place ("Police raided ... in Sofia")
  if (source.length === 0) {
    const agent = children[clause.i]!.find((c) => c.deprel.startsWith('obl') && hasCase(ctx, c, ['by']));
    const subject = subjectsOf(ctx, clause)[0] ?? agent;
    if (subject && (STATE_ORGANS.has(subject.text.toLowerCase()) || STATE_ORGANS.has(lemmaOf(subject)))) {
      const place = placeOf(ctx, reading) ?? placeInClause(ctx, clause);
      const entry = place ? gazetteer().lookup(place) : undefined;
      const entity = place ? doc.entities.find((e) => e.text === place) : undefined;
      if (entry?.country && entity) add(source, [ctx.index.actorOnDemand('country', entry.name, entry.country, entity.tokenStart, entity.tokenEnd).id]);
    }
  }
  // "Israeli aircraft struck a depot ... Damascus condemned the attack", "... withdrew the reform. Unions welcomed the
  // decision": an act named by a definite noun with no owner, as the object of a later sentence's judgement, is the
  // act the sentence before told of, and whoever did it is the recipient
  if (target.length === 0 && !nominal && JUDGEMENTS.has(type) && trigger.sentence > 0) {
    const object = objectOf(ctx, clause);
    const kids = object ? children[object.i]! : [];
    const definite = !!object && object.upos === 'NOUN' && kids.some((c) => c.deprel === 'det' && /^(the|this|that)$/i.test(c.text));
    // ("condemned the attack as a violation of its sovereignty": what it is called is no owner)
    const owned = kids.some((c) => /^(nmod|nmod:poss|amod|compound|appos|acl|acl:relcl)$/.test(c.deprel) && !(c.deprel === 'amod' && /^\p{Ll}+$/u.test(c.text) && !countryNameAt(ctx, c)) && !(c.deprel === 'nmod' && hasCase(ctx, c, ['as'])));
    if (object && definite && !owned && NAMED_ACTS.has(lemmaOf(object).toLowerCase())) {
      const previous = doc.sentences[trigger.sentence - 1]!;
      const root = doc.tokens.slice(previous.tokenStart, previous.tokenEnd).find((t) => t.deprel === 'root');
      const doers = root ? children[root.i]!.filter((c) => SUBJECTS.has(c.deprel.replace(/:pass$/, ''))).flatMap((c) => actorIds(ctx, c, 'agent')) : [];
      add(target, doers.filter((id) => !source.includes(id)));
    }
  }
  const anaphoric = nominal && clause === trigger && source.length === 0 && target.length === 0 &&
    children[trigger.i]!.some((c) => c.deprel === 'det' && DEFINITE.has(c.text.toLowerCase()));
  void doc;
  return { source, target: target.filter((t) => !source.includes(t)), anaphoric };
}

// ---------------------------------------------------------------------------------------------------------------
// Auxiliary marks

function isNegated(ctx: Context, token: Token): boolean {
  return ctx.children[token.i]!.some((c) => (c.deprel === 'advmod' || c.deprel === 'det' || c.deprel === 'neg') && NEGATORS.has(c.text.toLowerCase()));
}

/** "failed to reach a deal", "has yet to withdraw": the act did not happen. */
function failed(ctx: Context, clause: Token): boolean {
  // ("failed on Thursday to agree": the infinitive may be read as an adverbial clause)
  const infinitive = clause.deprel === 'advcl' && ctx.children[clause.i]!.some((c) => c.deprel === 'mark' && /^to$/i.test(c.text) && c.i === clause.i - 1);
  if ((clause.deprel !== 'xcomp' && !infinitive) || clause.head < 0) return false;
  const governor = ctx.doc.tokens[clause.head]!;
  return FAILING.has(lemmaOf(governor)) || (lemmaOf(governor) === 'have' && ctx.children[governor.i]!.some((c) => /^yet$/i.test(c.text)));
}

function auxiliariesOf(ctx: Context, verb: Token): string[] {
  return ctx.children[verb.i]!.filter((c) => c.deprel === 'aux' || c.deprel === 'aux:pass' || c.deprel === 'cop').map((c) => c.text.toLowerCase());
}

/** The verbs above a clause it depends on, nearest first, through complements and coordination. */
function governors(ctx: Context, clause: Token, limit = 4): Array<{ token: Token; via: string }> {
  const out: Array<{ token: Token; via: string }> = [];
  for (let t = clause, hops = 0; t.head >= 0 && hops < limit; hops++) {
    const head = ctx.doc.tokens[t.head]!;
    out.push({ token: head, via: t.deprel });
    t = head;
  }
  return out;
}

function underNegatedReport(ctx: Context, clause: Token): boolean {
  return governors(ctx, clause).some(({ token, via }) => ['ccomp', 'xcomp'].includes(via) && REPORTING.has(lemmaOf(token)) && isNegated(ctx, token));
}

function underReporting(ctx: Context, clause: Token): boolean {
  if (isMisparsedComplement(ctx, clause)) return true;
  return governors(ctx, clause).some(({ token, via }) => ['ccomp', 'parataxis', 'xcomp'].includes(via) && REPORTING.has(lemmaOf(token)));
}

/**
 * "said on Sunday evening that Oslo had asked ...": a relative clause with its own subject after a "that" that
 * follows a reporting verb is the reported clause the parser misread.
 */
function isMisparsedComplement(ctx: Context, clause: Token): boolean {
  if (clause.deprel !== 'acl:relcl') return false;
  const kids = ctx.children[clause.i]!;
  const that = kids.find((c) => /^that$/i.test(c.text) && c.i < clause.i);
  const subject = kids.find((c) => SUBJECTS.has(c.deprel) && c.i > (that?.i ?? clause.i));
  if (!that || !subject) return false;
  for (let k = that.i - 1, seen = 0; k >= ctx.doc.sentences[clause.sentence]!.tokenStart && seen < 6; k--, seen++) {
    if (REPORTING.has(lemmaOf(ctx.doc.tokens[k]!))) return true;
  }
  return false;
}

function underCommitment(ctx: Context, clause: Token): boolean {
  const first = governors(ctx, clause, 2).find(({ via }) => via === 'ccomp' || via === 'xcomp');
  return !!first && COMMITTING.has(lemmaOf(first.token)) && auxiliariesOf(ctx, clause).some((a) => a === 'would' || FUTURE_AUX.has(a));
}

function modalityOf(ctx: Context, reading: Reading): Modality {
  const { doc, children } = ctx;
  const { trigger, clause } = reading;
  if (reading.nominal && clause === trigger && !/^nsubj/.test(trigger.deprel) && trigger.head >= 0) {
    // "cooperate with the Norwegian investigation": the investigation exists whatever is asked of others
    if (ctx.children[trigger.i]!.some((c) => /^(planned|proposed|future|upcoming|possible|potential|next|new)$/i.test(c.text))) return 'future';
    return isBackground(ctx, reading, trigger, []) ? 'historical' : 'asserted';
  }
  const verb = reading.nominal && clause === trigger && trigger.head >= 0 ? doc.tokens[trigger.head]! : clause;
  const aux = auxiliariesOf(ctx, verb);
  const chain = [{ token: verb, via: 'self' }, ...governors(ctx, verb, 3)];
  const marks = (t: Token) => children[t.i]!.filter((c) => c.deprel === 'mark').map((c) => c.text.toLowerCase());
  // conditions: "if Serbian troops crossed", "unless the RSF withdrew", "should Azerbaijani forces push"
  for (const { token, via } of chain) {
    if (marks(token).some((m) => m === 'if' || m === 'unless' || m === 'whether' || m === 'until')) return 'hypothetical';
    const first = doc.tokens[doc.sentences[token.sentence]!.tokenStart]!;
    if (via === 'self' && /^(should|were|had)$/i.test(first.text) && first.head === token.i && first.deprel.startsWith('aux')) return 'hypothetical';
    if (!['xcomp', 'ccomp', 'conj', 'self', 'advcl'].includes(via)) break;
  }
  // "is considering sanctions", "would weigh new tariffs": an act carried by a verb of deliberation may not happen
  if (reading.nominal && clause !== trigger && clause.upos === 'VERB' && DELIBERATING.has(lemmaOf(clause))) return 'hypothetical';
  if (aux.some((a) => FUTURE_AUX.has(a))) return 'future';
  if (aux.includes('would')) return underReporting(ctx, verb) ? 'future' : 'hypothetical';
  // "Iceland can support this plan", "we can meet next week": a position or an offer stated now
  if (aux.some((a) => a === 'can' || a === 'ca') && !aux.some((a) => a !== 'can' && a !== 'ca' && MODAL_AUX.has(a)) && ['SUPPORT', 'AGREE', 'CONSULT'].includes(reading.sense.type) && !isNegated(ctx, verb)) return 'asserted';
  if (aux.some((a) => MODAL_AUX.has(a))) return 'hypothetical';
  // "plans to meet", "is due to visit", "is expected to sign", "the possibility of deploying", "proposed sending"
  for (const { token, via } of chain.slice(1)) {
    if (!['xcomp', 'ccomp', 'acl', 'nmod', 'obj', 'advcl', 'csubj', 'obl'].includes(via)) break;
    const word = lemmaOf(token);
    const governorAux = auxiliariesOf(ctx, token);
    if (FUTURE_HEADS.has(word) || FUTURE_HEADS.has(token.text.toLowerCase())) return 'future';
    if (HYPOTHETICAL_HEADS.has(word) || HYPOTHETICAL_HEADS.has(token.text.toLowerCase())) {
      // what one commits to or is ready for is an offer; what one considers or proposes may not happen
      return 'hypothetical';
    }
    if (governorAux.some((a) => FUTURE_AUX.has(a))) return 'future';
    if (governorAux.some((a) => MODAL_AUX.has(a)) && via === 'xcomp') return 'hypothetical';
    // "said the EU would help to pay for it": "would" on the verb that takes the act speaks of it as of the verb
    if (governorAux.includes('would') && via === 'xcomp') return underReporting(ctx, token) ? 'future' : 'hypothetical';
    if (REPORTING.has(word) || COMMITTING.has(word)) break;
  }
  // "A summit ... is planned for June": the act named as the subject of a plan
  if (reading.nominal && (trigger.deprel === 'nsubj:pass' || trigger.deprel === 'nsubj') && FUTURE_HEADS.has(lemmaOf(verb))) return 'future';
  // a headline's "to visit" is a plan
  // (also the light verb of a named act: "Ghana and Togo to hold joint patrols")
  if ((!reading.nominal || clause !== trigger) && marks(clause).includes('to') && (clause.head < 0 || doc.tokens[clause.head]!.head < 0) && doc.tokens[clause.head]?.upos !== 'VERB') return 'future';
  if (isBackground(ctx, reading, verb, aux)) return 'historical';
  return 'asserted';
}

/**
 * Background told as the past before the news: the pluperfect (unless it only backshifts a report), an explicit
 * past date or "ago" on the act, a relative clause about the past, "since ..." for a state of affairs, "N days
 * after" another act, or an act named in a time adjunct ("since Russia's invasion").
 */
function isBackground(ctx: Context, reading: Reading, verb: Token, aux: string[]): boolean {
  const { doc, children, published } = ctx;
  const year = published ? Number(published.slice(0, 4)) : new Date().getFullYear();
  const dated = (host: Token) => {
    for (const t of subtreeShallow(ctx, host)) {
      const lower = t.text.toLowerCase();
      if (/^(1[89]\d\d|20\d\d)s?$/.test(t.text) && Number(t.text.slice(0, 4)) < year) return true;
      if (lower === 'ago') return true;
      if (lower === 'year' && doc.tokens[t.i - 1]?.text.toLowerCase() === 'last') return true;
      if (/^(previously|formerly)$/.test(lower)) return true;
    }
    return false;
  };
  if (dated(verb) || (reading.nominal && dated(reading.trigger))) return true;
  // "last met in Athens in January", "last visited Beijing": an earlier instance recalled (as "last met in 2021")
  // (the parser may read "last" as an adjective on the verb)
  if (!reading.nominal && children[verb.i]!.some((c) => /^(advmod|amod)$/.test(c.deprel) && /^last$/i.test(c.text) && c.i === verb.i - 1)) return true;
  // ("fired tear gas at demonstrators who had gathered outside parliament": a crowd gathered for the act the
  // sentence reports is part of the news, not its background)
  const gatheredFor = reading.sense.type === 'PROTEST' && verb.deprel === 'acl:relcl' && aux.includes('had') && !aux.includes('been') && isArgumentOfPastAct(ctx, doc.tokens[verb.head]!);
  if (aux.includes('had') && !gatheredFor && (verb.xpos === 'VBN' || aux.includes('been')) && !underReporting(ctx, verb)) return true;
  if (verb.deprel === 'acl:relcl' && !gatheredFor && !isMisparsedComplement(ctx, verb) && (verb.xpos === 'VBD' || aux.includes('had') || aux.includes('has') || aux.includes('have'))) return true;
  // "..., whose future he had threatened to review": a pluperfect relative clause the parser did not read as one
  if (aux.includes('had') && verb.xpos === 'VBN' && verb.deprel !== 'acl:relcl' && opensWithRelativeWord(ctx, verb)) return true;
  // "has managed ... since the 1970s", "since leaving the EU, Britain has negotiated ...": a practice going back
  if (children[verb.i]!.some((c) => c.deprel.startsWith('obl') && hasCase(ctx, c, ['since']) && dated(c))) return true;
  if ((aux.includes('has') || aux.includes('have')) && children[verb.i]!.some((c) => c.deprel === 'advcl' && children[c.i]!.some((m) => m.deprel === 'mark' && /^since$/i.test(m.text)))) return true;
  // "two days after Russia rejected ...": an earlier act recalled
  if (verb.deprel === 'advcl' && children[verb.i]!.some((c) => c.deprel === 'mark' && /^(after|since|before)$/i.test(c.text))) {
    const governor = doc.tokens[verb.head]!;
    if (children[governor.i]!.some((c) => c.deprel === 'obl:npmod' || c.deprel === 'obl:tmod' || (c.upos === 'NUM')) || children[verb.i]!.some((c) => c.deprel === 'obl:npmod' || c.deprel === 'advmod' && /^(days|weeks|months|years)$/i.test(c.text))) return true;
    if (/^(days|weeks|months|years)$/i.test(doc.tokens[verb.i - 1]?.text ?? '') || /^(days|weeks|months|years)$/i.test(doc.tokens[firstOf(ctx, verb).i - 1]?.text ?? '')) return true;
  }
  // ("hours after Israeli air strikes killed ...": what happened hours before the news is news too)
  const kase = children[reading.trigger.i]!.find((c) => c.deprel === 'case' && BACKGROUND_CASES.has(c.text.toLowerCase()));
  const justBefore = !!kase && /^(hours|minutes|moments|shortly|just|soon|immediately)$/i.test(doc.tokens[kase.i - 1]?.text ?? '');
  if (reading.nominal && !justBefore && hasCase(ctx, reading.trigger, [...BACKGROUND_CASES]) && reading.trigger.deprel !== 'obj') return true;
  return false;
}

/** A noun that is an object or oblique of a past-tense main verb ("fired tear gas at protesters", "detained protesters"). */
function isArgumentOfPastAct(ctx: Context, noun: Token): boolean {
  let t = noun;
  // ("at tens of thousands of demonstrators": up through the quantity nouns)
  for (let hops = 0; hops < 3 && t.deprel === 'nmod' && t.head >= 0; hops++) t = ctx.doc.tokens[t.head]!;
  if (!/^(obj|obl)/.test(t.deprel) || t.head < 0) return false;
  const act = ctx.doc.tokens[t.head]!;
  return act.deprel === 'root' && act.xpos === 'VBD';
}

/** The words right before a clause are ", whose future", ", which" or ", who": it is a relative clause by word order. */
function opensWithRelativeWord(ctx: Context, verb: Token): boolean {
  const { tokens } = ctx.doc;
  let k = firstOf(ctx, verb).i - 1;
  for (let steps = 0; steps < 3 && k >= 0 && /^(NOUN|ADJ|DET)$/.test(tokens[k]!.upos); steps++) k--;
  return k > 0 && /^(whose|which|who|whom)$/i.test(tokens[k]!.text) && tokens[k - 1]!.text === ',';
}

function firstOf(ctx: Context, head: Token): Token {
  return subtree(ctx, head)[0] ?? head;
}

/** A clause's own words, not those of clauses it embeds: a date in "said ... that X had met in 2021" is X's. */
function subtreeShallow(ctx: Context, head: Token): Token[] {
  const out: Token[] = [];
  const stack = [head];
  while (stack.length) {
    const t = stack.pop()!;
    out.push(t);
    for (const c of ctx.children[t.i]!) if (!['ccomp', 'xcomp', 'advcl', 'acl:relcl', 'parataxis', 'conj', 'csubj', 'appos'].includes(c.deprel)) stack.push(c);
  }
  return out;
}

/** In a quote, "X must release ..." / "X should withdraw ..." about someone else is the speaker demanding it. */
function demandInQuote(ctx: Context, clause: Token, source: string[]): string[] | null {
  const aux = auxiliariesOf(ctx, clause);
  if (!aux.some((a) => a === 'must' || a === 'should') || source.length === 0) return null;
  const quote = ctx.quotes.find((q) => q.content.start <= clause.start && q.content.end >= clause.end);
  const speaker = quote ? speakerOf(ctx, quote) : null;
  if (!quote || !speaker || source.includes(speaker)) return null;
  const subject = subjectsOf(ctx, clause)[0];
  if (subject && FIRST_PERSON.has(subject.text.toLowerCase())) return null;
  return [speaker];
}

/**
 * "'Open the crossings now,' the envoy told Israeli officials": a bare verb with no subject or auxiliary opening a
 * quote is an order; the speaker and whom the reporting verb addresses ("told X", "urged X").
 */
function imperativeInQuote(ctx: Context, clause: Token): { speaker: string; addressee: string[] } | null {
  if (clause.upos !== 'VERB' || clause.xpos !== 'VB') return null;
  if (ctx.children[clause.i]!.some((c) => /^(nsubj|nsubj:pass|aux|aux:pass|mark)$/.test(c.deprel))) return null;
  const quote = ctx.quotes.find((q) => q.content.start <= clause.start && q.content.end >= clause.end);
  if (!quote) return null;
  // (the first word of the quote, or a verb coordinated with that first one: "Open the crossings and let ...")
  const opener = clause.deprel === 'conj' && clause.head >= 0 ? ctx.doc.tokens[clause.head]! : clause;
  const firstWord = ctx.doc.tokens.find((t) => t.start >= quote.content.start && t.end <= quote.content.end && t.upos !== 'PUNCT');
  if (!firstWord || firstWord.i !== opener.i || opener.xpos !== 'VB' || /^(please|let's)$/i.test(opener.text)) return null;
  const speaker = speakerOf(ctx, quote);
  if (!speaker) return null;
  const report = opener.head >= 0 ? ctx.doc.tokens[opener.head]! : null;
  const addressee = report && report.upos === 'VERB' ? ctx.children[report.i]!.filter((c) => c.deprel === 'iobj' || c.deprel === 'obj' || (c.deprel.startsWith('obl') && hasCase(ctx, c, ['to']))).flatMap((c) => actorIds(ctx, c, 'patient')) : [];
  return { speaker, addressee };
}

/** A capital or country named in a place phrase anywhere in a clause ("raided the offices of TV Pirin in Sofia"). */
function placeInClause(ctx: Context, clause: Token): string | null {
  for (const t of subtreeShallow(ctx, clause)) {
    if (!hasCase(ctx, t, ['in', 'at', 'outside', 'near'])) continue;
    const entity = ctx.doc.entities.find((e) => t.i >= e.tokenStart && t.i < e.tokenEnd && e.label === 'GPE');
    const kind = entity ? gazetteer().lookup(entity.text)?.kind : undefined;
    if (entity && (kind === 'capital' || kind === 'country' || kind === 'seat')) return entity.text;
  }
  return null;
}

/** The place an act is tied to: a place phrase on the trigger or its verb, or a visited capital. */
function placeOf(ctx: Context, reading: Reading): string | null {
  const { doc, children } = ctx;
  const gaz = gazetteer();
  const hosts = [reading.trigger, reading.clause];
  const object = reading.nominal ? undefined : objectOf(ctx, reading.clause);
  for (const host of hosts) {
    for (const c of children[host.i]!) {
      const placePhrase = (c.deprel.startsWith('obl') || c.deprel.startsWith('nmod')) && hasCase(ctx, c, [...PLACE_CASES]);
      if (!placePhrase) continue;
      const place = doc.entities.find((e) => c.i >= e.tokenStart && c.i < e.tokenEnd && (e.label === 'GPE' || e.label === 'LOC'));
      if (place && gaz.lookup(place.text)?.kind !== 'demonym') return place.text;
      // "in the border town of Badme": the named place inside the phrase
      const inner = children[c.i]!.find((g) => g.deprel.startsWith('nmod') && hasCase(ctx, g, ['of']));
      const named = inner && doc.entities.find((e) => inner.i >= e.tokenStart && inner.i < e.tokenEnd && (e.label === 'GPE' || e.label === 'LOC'));
      if (named) return named.text;
    }
  }
  if (object && reading.sense.mode === 'visit') {
    const place = doc.entities.find((e) => object.i >= e.tokenStart && object.i < e.tokenEnd && e.label === 'GPE');
    if (place) return place.text;
  }
  return null;
}

// ---------------------------------------------------------------------------------------------------------------
// One event, many mentions

/**
 * A report names one act several times: in the headline and the lead, as "the talks" or "this meeting", in a
 * quote and in the reporter's words. Mentions of one type with the same negation and modality are one event when
 * they share an actor and their recipients agree; meetings also when they are at the same place. References back
 * ("the talks") join the latest meeting. The fullest mention (with a place, more participants) gives the evidence.
 */
function mergeMentions(mentions: Mention[], actorCountry: (id: string) => string | null = () => null, isPerson: (id: string) => boolean = () => false): Mention[] {
  const gaz = gazetteer();
  const countryOf = (place: string | null) => (place ? gaz.lookup(place)?.country ?? place.toLowerCase() : null);
  const overlap = (a: string[], b: string[]) => a.some((x) => b.includes(x));
  const kept: Mention[] = [];
  let pendingPlace: { location: string; sentence: number } | null = null;
  for (const m of mentions) {
    if (pendingPlace && m.type === 'CONSULT' && !m.anaphoric && !m.location && m.sentence - pendingPlace.sentence <= 2) {
      m.location = pendingPlace.location;
      pendingPlace = null;
    }
    if (m.anaphoric && m.source.length === 0 && m.location && !kept.some((k) => k.type === m.type)) {
      // a meeting placed before its parties are named: its place goes to the next mention of a meeting
      pendingPlace = { location: m.location, sentence: m.sentence };
      continue;
    }
    if (m.anaphoric) {
      const earlier = [...kept].reverse().find((k) => k.type === m.type);
      // "This meeting in Riyadh ...": the sentence that places the meeting reports it best
      if (earlier && !earlier.location && m.location) {
        earlier.location = m.location;
        earlier.evidence = m.evidence;
      }
      continue;
    }
    // "Serbia and Kosovo agree to resume talks" over "Serbian President Milan Jovic and Kosovo Prime Minister Arben
    // Krasniqi agreed ...": the same act told of the states in one sentence and of their leaders in the next is
    // one event, with the named leaders as its participants
    const sameStates = (a: string[], b: string[]) => {
      const ca = a.map(actorCountry);
      const cb = b.map(actorCountry);
      return ca.every((c) => c !== null && cb.includes(c)) && cb.every((c) => c !== null && ca.includes(c));
    };
    const restated = kept.find((k) => k.type === m.type && k.negated === m.negated && Math.abs(m.sentence - k.sentence) === 1 &&
      (k.source.every(isPerson) !== m.source.every(isPerson)) && sameStates(k.source, m.source) && (k.target.length === 0 || m.target.length === 0 || sameStates(k.target, m.target) || overlap(k.target, m.target)));
    if (restated) {
      if (m.source.every(isPerson)) {
        restated.source = [...m.source];
        if (m.target.length) restated.target = [...m.target];
        restated.evidence = m.evidence;
        restated.modality = m.modality;
        restated.sentence = m.sentence;
      }
      restated.location ??= m.location;
      restated.mode ??= m.mode;
      continue;
    }
    const same = kept.find((k) => {
      if (k.type !== m.type || k.negated !== m.negated || k.modality !== m.modality) return false;
      // "Miners went on strike ... They also blocked the main highway": two modes of one category in two
      // sentences are two acts
      if (k.mode && m.mode && k.mode !== m.mode && k.sentence !== m.sentence) return false;
      const placesAgree = !k.location || !m.location || countryOf(k.location) === countryOf(m.location);
      if (m.type === 'CONSULT') {
        const everyone = (e: Mention) => [...e.source, ...e.target];
        return placesAgree && (overlap(everyone(k), everyone(m)) || (k.location !== null && countryOf(k.location) === countryOf(m.location)));
      }
      const recipientsAgree = k.target.length === 0 || m.target.length === 0 || overlap(k.target, m.target);
      return overlap(k.source, m.source) && recipientsAgree && placesAgree;
    });
    if (!same) {
      kept.push(m);
      continue;
    }
    const richer = (!same.location && m.location) || (!!m.location === !!same.location && m.source.length + m.target.length > same.source.length + same.target.length);
    if (richer) same.evidence = m.evidence;
    // ("X received Y ... The two leaders discussed ...": a host named again among the participants stays the host)
    for (const id of m.source) if (!same.source.includes(id) && !(same.mode === 'visit' && same.target.includes(id))) same.source.push(id);
    for (const id of m.target) if (!same.target.includes(id) && !same.source.includes(id)) same.target.push(id);
    same.target = same.target.filter((t) => !same.source.includes(t));
    same.location ??= m.location;
    same.mode ??= m.mode;
  }
  return kept;
}

// ---------------------------------------------------------------------------------------------------------------
// Shared with the stance reader: who a phrase and a clause's subject refer to, read as the events read them.

/** Actors and subjects read off the parse the way the event coder reads them, for later extractors (stances). */
export interface PhraseActors {
  /** The actors a noun phrase names or stands for ("Russia's foreign minister" -> Russia). */
  actorsOf(head: Token): string[];
  /** A clause's subjects, through coordination and control. */
  subjectsOf(verb: Token): Token[];
}

/** One reader per document: it shares the caller's dependents table instead of rebuilding it on every question. */
export function phraseActors(doc: Doc, index: ActorIndex, quotes: Quote[], children: Token[][] = dependents(doc)): PhraseActors {
  const ctx: Context = { doc, index, children, quotes, published: null };
  return { actorsOf: (head) => actorIds(ctx, head, 'agent'), subjectsOf: (verb) => subjectsOf(ctx, verb) };
}

/** "allies", "neighbours", "critics": a noun that names a party by another, whose name beside it is not the party. */
export function namesAnotherParty(token: Token): boolean {
  return RELATIONAL_NOUNS.has(token.text.toLowerCase());
}

/** A verb's lemma as the event coder reads it (the tagger's own lemmas undo "-ed" badly). */
export function verbLemmaOf(token: Token): string {
  return lemmaOf(token);
}
