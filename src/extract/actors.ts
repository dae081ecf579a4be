// Actors of one article: people (with roles and country), countries (with their capitals, seats of government and
// demonyms standing for the state), organisations and groups, each with every mention that refers to it.
import type { Actor, ActorType, Span } from '../contract.js';
import { FAMILY_NAME_FIRST, gazetteer, REGIONAL_ADJECTIVES, ROLE_HEADS, type Doc, type Entity } from '../nlp/index.js';
import { countryOfWord, isHonorific, readRole } from './roles.js';

export interface ActorIndex {
  actors: Actor[];
  /**
   * An actor added when an event needs it as a participant: an unnamed group ("protesters", "opposition
   * activists"), or a country named elsewhere only as a place but here as the party an act is directed at
   * ("withdrew from Lebanon"). The same name and type in one article is one actor; nothing is listed unless an
   * event involves it.
   */
  actorOnDemand(type: 'group' | 'country' | 'person', name: string, country: string | null, tokenStart: number, tokenEnd: number): Actor;
  /** The actor a character range refers to, if a mention covers it. */
  actorAt(start: number, end: number): Actor | undefined;
  /** Mentions in token order with their actor, for speaker and argument search. */
  mentions: Array<{ actor: Actor; span: Span; tokenStart: number; tokenEnd: number }>;
  /**
   * The country the report was filed from (its dateline names the capital), whose state organs ("the interior
   * ministry", "police") the report means when it names no other; made an actor, mentioned by the dateline's
   * place, when asked for. Null without such a dateline.
   */
  homeCountry(): Actor | null;
}

interface Draft {
  type: ActorType;
  name: string;
  key: string;
  roles: string[];
  country: string | null;
  mentions: Array<Span & { tokenStart: number; tokenEnd: number }>;
  /** Name tokens of a person, for surname matching. */
  nameWords: string[];
}

const INSTITUTIONS = new Set(['authorities', 'government', 'police', 'court', 'ministry', 'officials', 'forces', 'prosecutors', 'parliament', 'army', 'military', 'regime', 'junta', 'administration', 'leadership', 'diplomats']);
const LOCATIVE = new Set(['in', 'at', 'near', 'from', 'into', 'across', 'throughout', 'outside', 'inside', 'around', 'off', 'via', 'toward', 'towards']);
const GROUP_NOUNS = new Set([
  'leaders', 'officials', 'diplomats', 'ministers', 'governments', 'allies', 'partners', 'negotiators', 'lawmakers',
  'nations', 'countries', 'states', 'powers', 'rebels', 'protesters', 'militants', 'insurgents', 'forces', 'envoys',
  'delegations', 'capitals', 'members', 'neighbours', 'neighbors', 'fishermen', 'fishing', 'activists', 'troops',
]);
const PRONOUNS = new Set(['he', 'him', 'his', 'himself', 'she', 'her', 'hers', 'herself']);
/** Last words that make a name an organisation even when the entity model took it for a place ("Kivu Patriotic Front"). */
const ORGANISATION_HEADS = new Set([
  'Front', 'Movement', 'Brigade', 'Brigades', 'Army', 'Party', 'Forces', 'Council', 'Alliance', 'League', 'Congress',
  'Federation', 'Union', 'Committee', 'Commission', 'Militia', 'Platform', 'Organisation', 'Organization', 'Coalition', 'Force',
  'Cartel', 'Brotherhood', 'Network', 'Jihad', 'Group',
]);
/** Plural nouns for people that the entity model sometimes takes for a name at the start of a sentence ("Gunmen"). */
const PLURAL_PEOPLE = /^(gunmen|militants|rebels|protesters|demonstrators|bandits|insurgents|fighters|soldiers|troops|farmers|students|workers|villagers|residents|officials|police|warplanes|drones|jets|bombers|hackers|attackers|assailants|kidnappers|pirates|settlers|rioters)$/i;

export function findActors(doc: Doc, ignore: Array<{ start: number; end: number }>): ActorIndex {
  const drafts: Draft[] = [];
  const isIgnored = (s: { start: number; end: number }) => ignore.some((r) => s.start < r.end && s.end > r.start);
  const entities = doc.entities.filter((e) => !isIgnored(e));
  const mentionOf = (e: Entity, from = e.tokenStart, to = e.tokenEnd) => {
    const start = doc.tokens[from]!.start;
    const end = doc.tokens[to - 1]!.end;
    return { start, end, text: doc.text.slice(start, end), tokenStart: from, tokenEnd: to };
  };

  // People first, fullest names first, so that a bare surname joins the full name it abbreviates.
  const people = entities.filter((e) => e.label === 'PER' && !(e.tokenEnd - e.tokenStart === 1 && PLURAL_PEOPLE.test(e.text)));
  const byLength = [...people].sort((a, b) => b.tokenEnd - b.tokenStart - (a.tokenEnd - a.tokenStart) || a.start - b.start);
  const personOfEntity = new Map<Entity, Draft>();
  for (const entity of byLength) {
    let from = entity.tokenStart;
    while (from < entity.tokenEnd - 1 && (isHonorific(doc.tokens[from]!.text) || ROLE_HEADS.has(doc.tokens[from]!.text.toLowerCase()))) from++;
    let to = entity.tokenEnd;
    if (/^['’]s$/.test(doc.tokens[to - 1]!.text) && to - 1 > from) to--;
    const name = doc.text.slice(doc.tokens[from]!.start, doc.tokens[to - 1]!.end);
    const nameWords = name.split(/\s+/);
    if (!/^\p{Lu}/u.test(name)) continue;
    const existing = drafts.find((d) => d.type === 'person' && sameName(d.nameWords, nameWords));
    const draft = existing ?? newDraft(drafts, 'person', name, nameWords);
    personOfEntity.set(entity, draft);
    draft.mentions.push(mentionOf(entity, from));
  }
  for (const entity of people) {
    const draft = personOfEntity.get(entity);
    if (!draft) continue;
    const role = readRole(doc, entity.tokenStart, entity.tokenEnd);
    if (role.role && !draft.roles.includes(role.role)) draft.roles.push(role.role);
    // "Foreign Minister Anna Berg of Sweden"
    const of = doc.tokens[entity.tokenEnd];
    const after = doc.tokens[entity.tokenEnd + 1];
    const ofCountry = of?.text === 'of' && after ? countryOfWord(after.text) : null;
    if (ofCountry && !draft.country) draft.country = ofCountry;
    if (role.country && !draft.country) draft.country = role.country;
    else if (!draft.country && role.role && /^(its|their)$/i.test(doc.tokens[role.phrase!.tokenStart]!.text)) {
      draft.country = nearestCountryBefore(doc, entities, role.phrase!.tokenStart);
    }
  }

  assignDelegationCountries(doc, drafts, personOfEntity);
  const dateline = datelineCountry(doc, ignore);
  assignHomeCountries(doc, entities, personOfEntity, dateline?.country ?? null);

  // Countries, organisations and seats of government.
  const gaz = gazetteer();
  for (const found of entities) {
    // "the Philippines of ...": a name the entity model ran on into a lower-case word ends before it
    const entity = withoutTrailingLowercase(doc, found);
    if (entity.label === 'PER' || entity.label === 'DATE') continue;
    const entry = gaz.lookup(entity.text) ?? gaz.lookup(entity.text.replace(/^the\s+/i, ''));
    const previous = doc.tokens[entity.tokenStart - 1]?.text.toLowerCase() ?? '';
    if (entry?.country) {
      // "in Riyadh", "the Riyadh meeting": the city as a place, not the government acting; but "authorities in
      // Dakar", "a court in Minsk": the state's institution
      const attributive = previous === 'the' || /^\p{Ll}/u.test(doc.tokens[entity.tokenEnd]?.text ?? '') && doc.tokens[entity.tokenEnd]?.upos === 'NOUN';
      const institution = previous === 'in' && INSTITUTIONS.has(doc.tokens[entity.tokenStart - 2]?.text.toLowerCase() ?? '');
      if (entry.kind === 'capital' && (LOCATIVE.has(previous) || attributive) && !institution) continue;
      if (entry.kind === 'demonym' && insidePersonRole(doc, entity)) continue;
      const draft = findOrCreate(drafts, 'country', entry.name);
      draft.country = entry.country;
      draft.mentions.push(mentionOf(entity));
      continue;
    }
    if (entity.label === 'NORP') continue;
    // "in Brussels": a seat named as a place
    if (entry?.kind === 'organization' && LOCATIVE.has(previous) && /^[A-Z][a-z]+$/.test(entity.text) && !/^[A-Z]+$/.test(entity.text) && entity.text !== entry.name) continue;
    const organisationName = ORGANISATION_HEADS.has(doc.tokens[entity.tokenEnd - 1]!.text) && entity.tokenEnd - entity.tokenStart > 1;
    if ((entity.label === 'LOC' || (entity.label === 'GPE' && !entry)) && !organisationName) continue;
    // "Saudi Crown Prince Mohammed bin Salman": a title the entity model took for an organisation
    const titleWord = doc.tokens[entity.tokenEnd - 1]!.text.toLowerCase();
    if (!entry && ROLE_HEADS.has(titleWord) && !ORGANISATION_HEADS.has(doc.tokens[entity.tokenEnd - 1]!.text) && insidePersonRole(doc, entity)) continue;
    const name = entry?.name ?? entity.text.replace(/^the\s+/i, '').replace(/['’]s$/, '');
    const draft = findOrCreate(drafts, 'organization', name);
    if (!entry) draft.country ??= countryInside(doc, entity);
    draft.mentions.push(mentionOf(entity));
  }
  markLocativeOnlyCountries(doc, drafts);

  findGroups(doc, drafts, isIgnored);
  findNominalMentions(doc, drafts, isIgnored);
  findEpithets(doc, drafts, isIgnored);

  // Pronouns follow their antecedent.
  for (const link of doc.coref) {
    if (!PRONOUNS.has(link.mention.text.toLowerCase())) continue;
    const covers = (span: { start: number; end: number }) => drafts.find((d) => d.mentions.some((m) => m.start <= span.start && m.end >= span.end));
    const owner = covers(link.antecedent) ?? namedInApposition(doc, link.antecedent, covers);
    if (!owner) continue;
    const token = doc.tokens.find((t) => t.start === link.mention.start)!;
    owner.mentions.push({ ...link.mention, tokenStart: token.i, tokenEnd: token.i + 1 });
  }

  const actors: Actor[] = [];
  const mentions: ActorIndex['mentions'] = [];
  const kept = drafts.filter((d) => d.mentions.length > 0);
  kept.sort((a, b) => Math.min(...a.mentions.map((m) => m.start)) - Math.min(...b.mentions.map((m) => m.start)));
  kept.forEach((draft, index) => {
    draft.mentions.sort((a, b) => a.start - b.start);
    const unique = draft.mentions.filter((m, i, all) => i === 0 || m.start !== all[i - 1]!.start || m.end !== all[i - 1]!.end);
    const actor: Actor = {
      id: `a${index + 1}`,
      name: draft.name,
      type: draft.type,
      roles: draft.roles,
      country: draft.country,
      mentions: unique.map(({ start, end, text }) => ({ start, end, text })),
    };
    actors.push(actor);
    for (const m of unique) mentions.push({ actor, span: { start: m.start, end: m.end, text: m.text }, tokenStart: m.tokenStart, tokenEnd: m.tokenEnd });
  });
  mentions.sort((a, b) => a.span.start - b.span.start);
  const actorOnDemand = (type: 'group' | 'country' | 'person', name: string, country: string | null, tokenStart: number, tokenEnd: number): Actor => {
    const start = doc.tokens[tokenStart]!.start;
    const end = doc.tokens[tokenEnd - 1]!.end;
    const span = { start, end, text: doc.text.slice(start, end) };
    let actor = actors.find((a) => a.type === type && a.name === name);
    if (!actor) {
      actor = { id: `a${actors.length + 1}`, name, type, roles: [], country, mentions: [] };
      actors.push(actor);
    }
    if (!actor.mentions.some((m) => m.start === start && m.end === end)) {
      actor.mentions.push(span);
      actor.mentions.sort((a, b) => a.start - b.start);
      mentions.push({ actor, span, tokenStart, tokenEnd });
      mentions.sort((a, b) => a.span.start - b.span.start);
    }
    return actor;
  };
  return {
    actors,
    mentions,
    actorOnDemand,
    homeCountry: () => (dateline ? actorOnDemand('country', dateline.name, dateline.country, dateline.tokenStart, dateline.tokenEnd) : null),
    actorAt: (start, end) => mentions.find((m) => m.span.start <= start && m.span.end >= end)?.actor,
  };
}

const DELEGATION_NOUNS = new Set(['delegation', 'side', 'team', 'camp', 'government', 'negotiators', 'contingent']);

/** "The American delegation included X and Y", "On the Russian side were X": the people listed take that country. */
function assignDelegationCountries(doc: Doc, drafts: Draft[], personOfEntity: Map<Entity, Draft>): void {
  for (const [entity, draft] of personOfEntity) {
    if (draft.country) continue;
    const sentence = doc.sentences[doc.tokens[entity.tokenStart]!.sentence]!;
    for (let k = sentence.tokenStart; k + 1 < entity.tokenStart; k++) {
      if (!DELEGATION_NOUNS.has(doc.tokens[k + 1]!.text.toLowerCase())) continue;
      const code = countryOfWord(doc.tokens[k]!.text);
      if (code) {
        draft.country = code;
        break;
      }
    }
  }
}

/**
 * "Poland also backed the idea, with Prime Minister Donald Tusk saying ...", "NEW DELHI - ... Prime Minister Narendra
 * Modi is expected to ...": an office holder named without a country holds office in the only country their
 * sentence names (other than in another person's title), or else in the country the report was filed from. Not
 * someone whose title follows an organisation ("NATO Secretary General Mark Rutte").
 */
function assignHomeCountries(doc: Doc, entities: Entity[], personOfEntity: Map<Entity, Draft>, home: string | null): void {
  const gaz = gazetteer();
  const titles = [...personOfEntity.keys()].map((e) => readRole(doc, e.tokenStart, e.tokenEnd).phrase).filter((p) => p !== null);
  const inTitle = (k: number) => titles.some((p) => k >= p.tokenStart && k < p.tokenEnd);
  for (const [entity, draft] of personOfEntity) {
    if (draft.country || draft.roles.length === 0) continue;
    const role = readRole(doc, entity.tokenStart, entity.tokenEnd);
    const opener = role.phrase ? role.phrase.tokenStart : entity.tokenStart;
    // ("NATO Secretary General Mark Rutte", "EU trade commissioner Luc Verhaegen": an organisation's office)
    if (entities.some((e) => e.label === 'ORG' && (e.tokenEnd === opener || (e.tokenStart >= opener && e.tokenEnd <= entity.tokenStart)))) continue;
    // "Ukrainian President Volodymyr Zelensky and Prime Minister Yulia Svyrydenko": the country of the title before
    const partner = doc.tokens[opener - 1]?.text === 'and' ? [...personOfEntity].find(([e]) => e.tokenEnd === opener - 1)?.[1] : undefined;
    if (partner?.country) {
      draft.country = partner.country;
      continue;
    }
    const sentence = doc.sentences[doc.tokens[entity.tokenStart]!.sentence]!;
    const named = new Set<string>();
    // (countries that act in the sentence, as a subject or the owner of one: "urged the US not to ease pressure"
    // names whom she urged, not where she holds office; and not seats of government: "the Kremlin's playbook")
    const acting = (k: number) => {
      const t = doc.tokens[k]!;
      const head = t.deprel === 'nmod:poss' || t.deprel === 'amod' || t.deprel === 'compound' ? doc.tokens[t.head] : t;
      // (the subject of the sentence's main clause, not of a clause inside it: "where a Norwegian trawler collided")
      // (or of the clause the main verb reports: "Ghana will send officers, President John Mahama announced")
      const clause = head ? doc.tokens[head.head] : undefined;
      return !!head && !!clause && /^nsubj/.test(head.deprel) && (clause.deprel === 'root' || (/^(ccomp|parataxis)$/.test(clause.deprel) && doc.tokens[clause.head]?.deprel === 'root'));
    };
    for (const e of entities) {
      if (e.tokenStart < sentence.tokenStart || e.tokenEnd > sentence.tokenEnd || inTitle(e.tokenStart)) continue;
      if (!doc.tokens.slice(e.tokenStart, e.tokenEnd).some((t) => acting(t.i))) continue;
      const entry = gaz.lookup(e.text.replace(/['’]s$/, ''));
      if (entry?.country && (entry.kind === 'country' || entry.kind === 'demonym')) named.add(entry.country);
    }
    // an envoy or an ambassador in a report from one capital is as often a visitor as a host
    const visiting = draft.roles.some((r) => /\b(envoy|ambassador|delegate|emissary|mediator|negotiator|observer|rapporteur|commissioner)\b/i.test(r));
    if (named.size === 1) draft.country = [...named][0]!;
    // ("NAIROBI - Kenya will deploy officers to Haiti, President William Ruto announced": of several, the home one)
    else if (home && !visiting && (named.size === 0 || named.has(home))) draft.country = home;
  }
}

/** The country whose capital a dateline names ("TBILISI, May 12 (Wire) -"), with the place's tokens. */
function datelineCountry(doc: Doc, ignore: Array<{ start: number; end: number }>): { name: string; country: string; tokenStart: number; tokenEnd: number } | null {
  // the dateline: page furniture that opens with a capital and ends in a dash or colon
  const range = ignore.find((r) => /[-–—:]$/.test(doc.text.slice(r.start, r.end).trim()));
  if (!range) return null;
  const place = doc.tokens.filter((t) => t.start >= range.start && t.end <= range.end);
  const stop = place.findIndex((t) => /^[,(/–—:-]$/.test(t.text));
  const words = stop > 0 ? place.slice(0, stop) : [];
  if (words.length === 0) return null;
  const written = doc.text.slice(words[0]!.start, words[words.length - 1]!.end);
  const entry = gazetteer().lookup(written.toLowerCase().replace(/(^|[\s-])\p{L}/gu, (c) => c.toUpperCase()));
  if ((entry?.kind !== 'capital' && entry?.kind !== 'seat') || !entry.country) return null;
  // a report filed from Abuja about a coup in Guinea-Bissau is about Guinea-Bissau: the dateline's state is the
  // home of unplaced offices and bodies only when the report itself names it, more than once
  const named = new Map<string, number>();
  for (const e of doc.entities) {
    if (ignore.some((r) => e.start < r.end && e.end > r.start)) continue;
    const found = gazetteer().lookup(e.text.replace(/['’]s$/, ''));
    if (found?.country && ['country', 'demonym', 'capital', 'seat'].includes(found.kind)) named.set(found.country, (named.get(found.country) ?? 0) + 1);
  }
  if ((named.get(entry.country) ?? 0) < 2) return null;
  return { name: entry.name, country: entry.country, tokenStart: words[0]!.i, tokenEnd: words[words.length - 1]!.i + 1 };
}

function withoutTrailingLowercase(doc: Doc, entity: Entity): Entity {
  let end = entity.tokenEnd;
  while (end - 1 > entity.tokenStart && /^(of|and|in|the|to|for|on)$/.test(doc.tokens[end - 1]!.text)) end--;
  if (end === entity.tokenEnd) return entity;
  const last = doc.tokens[end - 1]!;
  return { ...entity, end: last.end, text: doc.text.slice(entity.start, last.end), tokenEnd: end };
}

function newDraft(drafts: Draft[], type: ActorType, name: string, nameWords: string[] = []): Draft {
  const draft: Draft = { type, name, key: keyOf(name), roles: [], country: null, mentions: [], nameWords };
  drafts.push(draft);
  return draft;
}

function findOrCreate(drafts: Draft[], type: ActorType, name: string): Draft {
  return drafts.find((d) => d.type === type && d.key === keyOf(name)) ?? newDraft(drafts, type, name);
}

function keyOf(name: string): string {
  return name.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

/** "Lavrov" names "Sergei Lavrov"; "Sergei Lavrov" and "Sergey Lavrov" too; "Anna Berg" and "Erik Berg" do not. */
function sameName(known: string[], candidate: string[]): boolean {
  if (known.length === 0 || candidate.length === 0) return false;
  const lastKnown = known[known.length - 1]!;
  const lastCandidate = candidate[candidate.length - 1]!;
  if (keyOf(lastKnown) !== keyOf(lastCandidate)) {
    // "Lula" after "Luiz Inacio Lula da Silva": a long name is often shortened to a word inside it
    if (candidate.length === 1 && known.length >= 4 && known.slice(1, -1).some((w) => keyOf(w) === keyOf(lastCandidate) && /^\p{Lu}/u.test(w))) return true;
    // "Lee" after "Lee Jae-myung", "Xi" after "Xi Jinping": a family name written first
    if (candidate.length === 1 && known.length >= 2 && keyOf(known[0]!) === keyOf(lastCandidate) && (/^\p{Lu}\p{Ll}+-\p{Ll}+$/u.test(lastKnown) || FAMILY_NAME_FIRST.has(known[0]!))) return true;
    // a bare first name after the full name ("Keir") is rarer in news than a shared surname; do not merge
    return false;
  }
  if (candidate.length === 1 || known.length === 1) return true;
  return keyOf(candidate[0]!) === keyOf(known[0]!) || candidate[0]!.replace(/\.$/, '') === known[0]!.charAt(0);
}

function insidePersonRole(doc: Doc, entity: Entity): boolean {
  // "Russian Foreign Minister Sergei Lavrov": the demonym qualifies the role, it is not the state acting.
  for (let k = entity.tokenEnd; k < Math.min(doc.tokens.length, entity.tokenEnd + 6); k++) {
    const token = doc.tokens[k]!;
    if (token.sentence !== doc.tokens[entity.tokenStart]!.sentence) return false;
    if (doc.entities.some((e) => e.label === 'PER' && e.tokenStart === k)) return true;
    if (!/^\p{Lu}/u.test(token.text) && !ROLE_HEADS.has(token.text.toLowerCase()) && !/^(of|for|and)$/.test(token.text)) {
      return ROLE_HEADS.has(token.text.toLowerCase());
    }
  }
  return false;
}

function countryInside(doc: Doc, entity: Entity): string | null {
  for (let k = entity.tokenStart; k < entity.tokenEnd; k++) {
    const code = countryOfWord(doc.tokens[k]!.text);
    if (code) return code;
  }
  return null;
}

/**
 * The country an "its" or "their" before tokenIndex stands for: the subject of the sentence before, or of this
 * one ("Hungary, which has often opposed sanctions on Minsk, did not block them. Its foreign minister ..." is
 * Hungary's), else the nearest country named before.
 */
function nearestCountryBefore(doc: Doc, entities: Entity[], tokenIndex: number): string | null {
  const gaz = gazetteer();
  const sentence = doc.tokens[tokenIndex]!.sentence;
  let nearest: string | null = null;
  // the first subject of the nearest sentence that has one (the parser may hang a subject interrupted by a
  // relative clause on that clause, so any subject counts, the earliest first)
  let subject: { country: string; sentence: number } | null = null;
  for (let i = entities.length - 1; i >= 0; i--) {
    const e = entities[i]!;
    if (e.tokenEnd > tokenIndex || e.label !== 'GPE') continue;
    const entry = gaz.lookup(e.text);
    if (!entry?.country) continue;
    nearest ??= entry.country;
    const at = doc.tokens[e.tokenStart]!.sentence;
    if (sentence - at > 1 || (subject && at !== subject.sentence)) break;
    if (doc.tokens.slice(e.tokenStart, e.tokenEnd).some((t) => t.deprel === 'nsubj' || t.deprel === 'nsubj:pass')) subject = { country: entry.country, sentence: at };
  }
  return subject?.country ?? nearest;
}

/** A country named only as a place ("talks in Saudi Arabia") is a location, not an actor of the story. */
function markLocativeOnlyCountries(doc: Doc, drafts: Draft[]): void {
  for (const draft of drafts) {
    if (draft.type !== 'country') continue;
    const locative = draft.mentions.every((m) => LOCATIVE.has(doc.tokens[m.tokenStart - 1]?.text.toLowerCase() ?? '') && !INSTITUTIONS.has(doc.tokens[m.tokenStart - 2]?.text.toLowerCase() ?? ''));
    if (locative) draft.mentions = [];
  }
}

const GENERIC_PERSON_HEADS = new Set(['diplomat', 'official', 'leader', 'politician', 'envoy', 'negotiator']);
const NOMINAL_OPENERS = new Set(['the', 'its', 'his', 'her', 'their']);

/**
 * "Latvia's foreign minister, Ilze Ozola, said she ...": a pronoun whose antecedent is a role noun goes to the name in
 * apposition to it (either way round).
 */
function namedInApposition<T>(doc: Doc, antecedent: { start: number; end: number }, covers: (span: { start: number; end: number }) => T | undefined): T | undefined {
  const head = doc.tokens.find((t) => t.end === antecedent.end);
  if (!head) return undefined;
  const partners = doc.tokens.filter((t) => (t.head === head.i && t.deprel === 'appos') || (head.deprel === 'appos' && t.i === head.head));
  for (const partner of partners) {
    const owner = covers(partner);
    if (owner) return owner;
  }
  return undefined;
}

/**
 * "the foreign minister", "Iceland's fisheries minister", "the Russian diplomat": a role noun phrase that names a
 * person already known (or named in the next sentences) by a role with the same words and a compatible country.
 */
function findNominalMentions(doc: Doc, drafts: Draft[], isIgnored: (s: { start: number; end: number }) => boolean): void {
  const people = drafts.filter((d) => d.type === 'person');
  const taken = new Set<number>();
  for (const d of drafts) for (const m of d.mentions) for (let k = m.tokenStart; k < m.tokenEnd; k++) taken.add(k);
  for (const head of doc.tokens) {
    const headWord = head.text.toLowerCase();
    if (!ROLE_HEADS.has(headWord) || taken.has(head.i) || isIgnored(head) || /^\p{Lu}/u.test(doc.tokens[head.i + 1]?.text ?? '')) continue;
    // ("Its president, Leslie Voltaire, said": the name in apposition says who it is)
    if (doc.tokens[head.i + 1]?.text === ',' && doc.entities.some((e) => e.label === 'PER' && e.tokenStart >= head.i + 2 && e.tokenStart <= head.i + 4 &&
      doc.tokens.slice(head.i + 2, e.tokenStart).every((t) => /^\p{Lu}/u.test(t.text)))) continue;
    // walk left over modifiers to the determiner, possessive or country word that opens the phrase
    let k = head.i - 1;
    const words: string[] = [headWord];
    let country: string | null = null;
    let opener = -1;
    while (k >= 0 && doc.tokens[k]!.sentence === head.sentence && head.i - k <= 5) {
      const word = doc.tokens[k]!.text;
      const lower = word.toLowerCase();
      if (NOMINAL_OPENERS.has(lower)) {
        opener = k;
        break;
      }
      if (/^['’]s$/.test(word)) {
        k--;
        continue;
      }
      const code = countryOfWord(word);
      if (code) {
        country = code;
        opener = k;
        if (k > 0 && /^the$/i.test(doc.tokens[k - 1]!.text)) opener = k - 1;
        break;
      }
      if (lower === 'own' || /^\p{Ll}/u.test(word)) {
        if (lower !== 'own') words.unshift(lower);
        k--;
        continue;
      }
      break;
    }
    if (opener < 0 || taken.has(opener)) continue;
    const match = (d: Draft) =>
      (!country || d.country === country) &&
      (GENERIC_PERSON_HEADS.has(headWord) ? d.roles.length > 0 || !!country : d.roles.some((r) => words.every((w) => r.toLowerCase().split(/\s+/).includes(w))));
    const candidates = people.filter(match);
    if (candidates.length === 0) continue;
    const before = candidates
      .map((d) => ({ d, last: Math.max(-1, ...d.mentions.filter((m) => m.end <= head.start).map((m) => m.end)) }))
      .filter((c) => c.last >= 0)
      .sort((a, b) => b.last - a.last);
    const chosen = before[0]?.d ?? (candidates.length === 1 ? candidates[0] : undefined);
    if (!chosen) continue;
    const start = doc.tokens[opener]!.start;
    chosen.mentions.push({ start, end: head.end, text: doc.text.slice(start, head.end), tokenStart: opener, tokenEnd: head.i + 1 });
    for (let j = opener; j <= head.i; j++) taken.add(j);
  }
}

/** Nouns that news uses for an organisation already named: "the bloc" (EU, ASEAN), "the alliance" (NATO). */
const ORGANISATION_EPITHETS = new Set(['bloc', 'alliance']);

/**
 * "The bloc's foreign policy chief", "urged the 27-nation bloc to go further": "the bloc" or "the alliance" is the
 * organisation named last before it, whose mention it becomes.
 */
function findEpithets(doc: Doc, drafts: Draft[], isIgnored: (s: { start: number; end: number }) => boolean): void {
  const organisations = drafts.filter((d) => d.type === 'organization');
  if (organisations.length === 0) return;
  // "the commission" after "the European Commission": an organisation named again by the last word of its name
  const lastWordOf = (d: Draft) => d.name.split(/\s+/).at(-1)!.toLowerCase();
  for (const head of doc.tokens) {
    const word = head.text.toLowerCase();
    if (isIgnored(head) || head.text !== word) continue;
    const sameName = organisations.filter((d) => d.name.includes(' ') && lastWordOf(d) === word && d.mentions.some((m) => m.end <= head.start));
    if (!ORGANISATION_EPITHETS.has(word) && sameName.length !== 1) continue;
    // "the bloc", "the 27-nation bloc", "the Western alliance"
    let opener = head.i - 1;
    while (opener >= 0 && head.i - opener <= 3 && !/^the$/i.test(doc.tokens[opener]!.text) && doc.tokens[opener]!.sentence === head.sentence && /^(ADJ|NUM|PUNCT|NOUN)$/.test(doc.tokens[opener]!.upos)) opener--;
    if (opener < 0 || !/^the$/i.test(doc.tokens[opener]!.text)) continue;
    let nearest: Draft | null = null;
    let nearestEnd = -1;
    for (const d of ORGANISATION_EPITHETS.has(word) ? organisations : sameName) {
      for (const m of d.mentions) if (m.end <= head.start && m.end > nearestEnd) [nearest, nearestEnd] = [d, m.end];
    }
    if (!nearest) continue;
    nearest.mentions.push({ start: head.start, end: head.end, text: head.text, tokenStart: head.i, tokenEnd: head.i + 1 });
  }
}

/** "European leaders", "Western officials": a bloc adjective and a plural noun for people taken as one party. */
function findGroups(doc: Doc, drafts: Draft[], isIgnored: (s: { start: number; end: number }) => boolean): void {
  for (let k = 0; k + 1 < doc.tokens.length; k++) {
    const adjective = doc.tokens[k]!;
    const noun = doc.tokens[k + 1]!;
    if (!REGIONAL_ADJECTIVES.has(adjective.text) || !GROUP_NOUNS.has(noun.text.toLowerCase())) continue;
    if (noun.sentence !== adjective.sentence || isIgnored(adjective)) continue;
    const name = `${adjective.text} ${noun.text.toLowerCase()}`;
    const draft = findOrCreate(drafts, 'group', name);
    draft.mentions.push({ start: adjective.start, end: noun.end, text: doc.text.slice(adjective.start, noun.end), tokenStart: k, tokenEnd: k + 2 });
  }
}
