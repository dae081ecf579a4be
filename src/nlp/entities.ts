// Entity layers on top of the trained recogniser: gazetteer matches for states, capitals, seats of government,
// demonyms and international organisations, and document name memory (a bare "Lavrov" after "Sergei Lavrov").
import type { Entity, EntityLabel, Token } from './doc.js';
import { gazetteer, type GazetteerKind } from './gazetteer.js';
import { FAMILY_NAME_FIRST, HONORIFICS, ROLE_HEADS } from './lexicon.js';
import type { Sentence } from './doc.js';

const LABEL_OF_KIND: Record<GazetteerKind, EntityLabel> = {
  country: 'GPE',
  capital: 'GPE',
  seat: 'ORG',
  demonym: 'NORP',
  organization: 'ORG',
};

const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }) => a.start < b.end && b.start < a.end;

function entityOf(text: string, tokens: Token[], from: number, to: number, label: EntityLabel): Entity {
  const start = tokens[from]!.start;
  const end = tokens[to - 1]!.end;
  return { start, end, text: text.slice(start, end), label, tokenStart: from, tokenEnd: to };
}

/** Finds gazetteer names (longest match first) and merges them with the model's entities. */
export function addGazetteerEntities(text: string, tokens: Token[], modelEntities: Entity[]): Entity[] {
  const gaz = gazetteer();
  const found: Entity[] = [];
  for (let i = 0; i < tokens.length; ) {
    // Every surface tried below starts with the first characters of token i.
    const first = tokens[i]!;
    if (first.end > first.start && !gaz.mayStart(text.slice(first.start, Math.min(first.end, first.start + 3)))) {
      i++;
      continue;
    }
    let matched = 0;
    for (let n = Math.min(gaz.maxWords + 1, tokens.length - i); n >= 1; n--) {
      const last = tokens[i + n - 1]!;
      if (last.sentence !== tokens[i]!.sentence) continue;
      const surface = text.slice(tokens[i]!.start, last.end);
      const entry = gaz.lookup(surface);
      if (!entry) continue;
      // "the" belongs to the phrase but not to the name
      const from = /^the$/i.test(tokens[i]!.text) ? i + 1 : i;
      if (from < i + n) found.push(entityOf(text, tokens, from, i + n, LABEL_OF_KIND[entry.kind]));
      matched = n;
      break;
    }
    i += matched || 1;
  }
  const merged: Entity[] = [];
  for (const model of modelEntities) {
    const same = found.find((g) => g.start === model.start && g.end === model.end);
    const swallowed = found.some((g) => g.start <= model.start && g.end >= model.end && g !== same);
    if (swallowed) continue;
    // a lone capital or country name is the place (or its government), not a person ("Washington warned")
    const loneName = same && model.label === 'PER' && model.tokenEnd - model.tokenStart === 1;
    merged.push(same && (model.label !== 'PER' || loneName) ? { ...model, label: same.label } : model);
  }
  for (const g of found) if (!merged.some((m) => overlaps(m, g))) merged.push(g);
  return merged.sort((a, b) => a.start - b.start);
}

/** Words after a place name that continue the place or a body, not a person's surname ("Victoria Falls", "Kenya Airways"). */
const PLACE_CONTINUATIONS = /^(Falls|Valley|Basin|Lake|River|Bay|Sea|Gulf|Island|Islands|Province|State|Region|City|District|County|Street|Square|Avenue|Road|Airport|Port|Harbour|Harbor|University|College|Club|Group|Airways|Airlines|Air|Bank|Times|Post|News|Herald|Tribune|Daily|Radio|Television|TV|Agency|Ministry|Government|Parliament|Stadium|Hall|Palace|Centre|Center|Summit|Conference|Declaration|Accord|Agreement|Protocol|Process|Format|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|August|September|October|November|December)$/;
const TITLE_WORDS = /^(Secretary|President|Minister|Prime|Premier|Foreign|Defence|Defense|Interior|Finance|Trade|Senator|Ambassador|Envoy|Chancellor|General|Admiral|Colonel|King|Queen|Prince|Princess|Sheikh|Emir|Sultan|Governor|Mayor|Speaker|Chief|Vice|Deputy|Attorney|Justice|Judge|Commissioner|Representative|Congressman|Congresswoman|Senate|Congress|Navy|Army|Police|Embassy|Consulate|Cabinet|Council|Court|Federal|National|Central|Supreme|Special|Coast|Border|Foreign|Energy|Health|Security|Intelligence)$/;
const BEFORE_PLACE = /^(in|at|to|from|near|into|via|across|outside|inside|toward|towards|around|of|and|or|between)$/i;

/**
 * "received his Uruguayan counterpart, Sofia Ledesma, in ...": a capital or country name that is also a first name
 * ("Sofia", "Victoria", "Jordan", "Georgia"), read as the place, with an unrecognised capitalised word right after it
 * that names no place. A place is not followed by a bare surname, so the two words are a person's name.
 */
export function placeNameAsFirstName(text: string, tokens: Token[], entities: Entity[]): Entity[] {
  const gaz = gazetteer();
  return entities.map((e) => {
    if (e.label !== 'GPE' || e.tokenEnd - e.tokenStart !== 1) return e;
    const entry = gaz.lookup(e.text);
    const next = tokens[e.tokenEnd];
    const previous = tokens[e.tokenStart - 1];
    // (a first name is spelled like one: not "US", "UK"; and a title after a country is its office: "US Secretary")
    if (!entry || (entry.kind !== 'capital' && entry.kind !== 'country') || !/^\p{Lu}\p{Ll}+$/u.test(e.text) || !next || next.sentence !== tokens[e.tokenStart]!.sentence) return e;
    if (TITLE_WORDS.test(next.text)) return e;
    if (!/^\p{Lu}\p{Ll}{2,}$/u.test(next.text) || PLACE_CONTINUATIONS.test(next.text) || gaz.lookup(next.text) || entities.some((o) => o.tokenStart <= next.i && o.tokenEnd > next.i)) return e;
    if (previous && BEFORE_PLACE.test(previous.text)) return e;
    // (not in a title-case headline, where every word is capitalised: "Ukraine, Poland Sign Deal")
    const sentence = tokens.filter((t) => t.sentence === next.sentence && /^\p{L}/u.test(t.text));
    if (next.upos !== 'PROPN' || !sentence.some((t) => /^\p{Ll}{4,}$/u.test(t.text))) return e;
    return entityOf(text, tokens, e.tokenStart, e.tokenEnd + 1, 'PER');
  });
}

/** Last words that make a name an organisation's: no person is called "... Movement" or "... Front". */
const ORGANIZATION_HEADS = new Set(['Movement', 'Party', 'Front', 'Alliance', 'Union', 'Congress', 'Council', 'League',
  'Brotherhood', 'Coalition', 'Federation', 'Bloc', 'Organisation', 'Organization', 'Association', 'Committee']);

/**
 * "The Democratic Renewal Movement": the recogniser may read a party-like adjective as a group (NORP) and the rest
 * as a separate name, even as a person's. A name ending in an organisation's head word is an organisation, and an
 * adjective right before it that names no country's people ("Democratic", "Islamic", not "Russian") begins it.
 */
export function joinOrganizationNames(text: string, tokens: Token[], entities: Entity[]): Entity[] {
  const gaz = gazetteer();
  const out: Entity[] = [];
  for (const entity of withUntaggedOrganizations(text, tokens, entities)) {
    const last = tokens[entity.tokenEnd - 1]!.text;
    if (!ORGANIZATION_HEADS.has(last) || (entity.label !== 'PER' && entity.label !== 'ORG')) {
      out.push(entity);
      continue;
    }
    const before = out[out.length - 1];
    const adjoining = before !== undefined && before.label === 'NORP' && before.tokenEnd === entity.tokenStart
      && before.tokenEnd - before.tokenStart === 1 && tokens[before.tokenStart]!.sentence === tokens[entity.tokenStart]!.sentence
      && gaz.lookup(before.text)?.kind !== 'demonym';
    if (adjoining) out.pop();
    out.push(entityOf(text, tokens, adjoining ? before.tokenStart : entity.tokenStart, entity.tokenEnd, 'ORG'));
  }
  return out;
}

/**
 * A run of two or more capitalised words ending in an organisation's head word ("Renewal Movement") that the model
 * left untagged is taken as an organisation name (and joinOrganizationNames may extend it over an adjective).
 */
function withUntaggedOrganizations(text: string, tokens: Token[], entities: Entity[]): Entity[] {
  const taken = new Set<number>();
  for (const e of entities) for (let k = e.tokenStart; k < e.tokenEnd; k++) taken.add(k);
  const added: Entity[] = [];
  for (const head of tokens) {
    if (!ORGANIZATION_HEADS.has(head.text) || taken.has(head.i)) continue;
    let start = head.i;
    while (start - 1 >= 0 && !taken.has(start - 1) && tokens[start - 1]!.sentence === head.sentence
      && isCapitalised(tokens[start - 1]!.text) && !/^(The|A|An)$/.test(tokens[start - 1]!.text)) start--;
    if (start < head.i) added.push(entityOf(text, tokens, start, head.i + 1, 'ORG'));
  }
  return added.length ? [...entities, ...added].sort((a, b) => a.start - b.start) : entities;
}

/** Lower-case particles inside names: "Lula da Silva", "Ursula von der Leyen", "Mohammed bin Salman". */
const NAME_PARTICLES = new Set(['da', 'de', 'do', 'dos', 'das', 'di', 'del', 'della', 'van', 'von', 'der', 'den', 'ter', 'bin', 'ibn', 'al', 'el', 'le', 'la', 'du']);

/**
 * "Luiz Inacio Lula da Silva": a person's name runs on over lower-case particles to the capitalised word after them
 * (the model tends to stop at the particle).
 */
export function joinNameParticles(text: string, tokens: Token[], entities: Entity[]): Entity[] {
  return entities.map((e) => {
    if (e.label !== 'PER') return e;
    let end = e.tokenEnd;
    for (;;) {
      let k = end;
      while (k < end + 3 && NAME_PARTICLES.has(tokens[k]?.text ?? '') && tokens[k]!.sentence === tokens[e.tokenStart]!.sentence) k++;
      if (k === end || !/^\p{Lu}\p{Ll}/u.test(tokens[k]?.text ?? '') || tokens[k]!.sentence !== tokens[e.tokenStart]!.sentence) break;
      // (the next capitalised word must not start another name: "... de Gaulle" yes, "... to France" never reaches here)
      if (entities.some((other) => other !== e && other.tokenStart === k && other.label !== 'PER')) break;
      end = k + 1;
    }
    return end === e.tokenEnd ? e : entityOf(text, tokens, e.tokenStart, end, e.label);
  });
}

/** "Ingrid Vatne-Dahl": UD splits the hyphen, but a double-barrelled name is one name. */
export function joinHyphenatedNames(text: string, tokens: Token[], entities: Entity[]): Entity[] {
  const joined = (k: number) => tokens[k]?.text === '-' && !tokens[k - 1]?.spaceAfter && !tokens[k]!.spaceAfter;
  return entities.map((e) => {
    if (e.label !== 'PER') return e;
    let start = e.tokenStart;
    let end = e.tokenEnd;
    while (joined(end) && isCapitalised(tokens[end + 1]?.text ?? '')) end += 2;
    // "Kim Seo-yeon", "Chen Li-wen": a two-syllable given name written with a hyphen and a lower-case second part
    // (not "a Kim-led coalition": only after a name of two words, and not a past participle or "-style")
    const syllable = tokens[end + 1]?.text ?? '';
    if (end - start >= 2 && joined(end) && /^\p{Ll}{2,6}$/u.test(syllable) && !/(ed|ing)$|^(run|born|made|held|style|era|like|type|wide|free|only)$/.test(syllable)) end += 2;
    while (joined(start - 1) && isCapitalised(tokens[start - 2]?.text ?? '')) start -= 2;
    return start === e.tokenStart && end === e.tokenEnd ? e : entityOf(text, tokens, start, end, e.label);
  });
}

/** Tags later bare surnames and repeats of names already recognised as people. */
export function rememberNames(text: string, tokens: Token[], entities: Entity[]): Entity[] {
  const surnames = new Set<string>();
  for (const e of entities) {
    if (e.label !== 'PER' || e.tokenEnd - e.tokenStart < 2) continue;
    const last = tokens[e.tokenEnd - 1]!.text;
    if (/^\p{Lu}/u.test(last)) surnames.add(last);
    // "Xi Jinping" ... "Xi": a family name written first
    const first = tokens[e.tokenStart]!.text;
    if (FAMILY_NAME_FIRST.has(first)) surnames.add(first);
  }
  if (surnames.size === 0) return entities;
  const taken = new Set<number>();
  for (const e of entities) for (let k = e.tokenStart; k < e.tokenEnd; k++) taken.add(k);
  const added: Entity[] = [];
  for (const token of tokens) {
    if (taken.has(token.i) || !surnames.has(token.text)) continue;
    added.push(entityOf(text, tokens, token.i, token.i + 1, 'PER'));
  }
  // A later "Vatne-Dahl" is the whole double-barrelled surname, not its last part.
  const remembered = joinHyphenatedNames(text, tokens, added);
  return added.length ? [...entities, ...remembered].sort((a, b) => a.start - b.start) : entities;
}

const isCapitalised = (word: string) => /^\p{Lu}/u.test(word);

/**
 * A title is not part of the name it precedes: "Russian Foreign Minister Sergei Lavrov" is a PER "Sergei Lavrov"
 * (the demonym is left to the gazetteer), and "UK Prime Minister Sir Keir Starmer" is a PER even where the model
 * missed it. A run of capitalised words after a role noun (and any honorific) is taken as the name.
 */
export function separateTitles(text: string, tokens: Token[], entities: Entity[]): Entity[] {
  const result = [...entities];
  for (const role of tokens) {
    if (!ROLE_HEADS.has(role.text.toLowerCase())) continue;
    for (const apposed of apposedNames(tokens, role)) {
      if (!result.some((e) => overlaps(e, { start: tokens[apposed[0]]!.start, end: tokens[apposed[1] - 1]!.end }) && e.label === 'PER')) {
        const name = entityOf(text, tokens, apposed[0], apposed[1], 'PER');
        for (const e of result.filter((x) => overlaps(x, name))) result.splice(result.indexOf(e), 1);
        result.push(name);
      }
    }
    let k = role.i + 1;
    // "Secretary of State Marco Rubio": one capitalised word after "of" completes the title
    if (tokens[k]?.text === 'of' && isCapitalised(tokens[k + 1]?.text ?? '') && isCapitalised(tokens[k + 2]?.text ?? '')) k += 2;
    while (tokens[k] && HONORIFICS.has(tokens[k]!.text)) k++;
    const nameStart = k;
    while (
      tokens[k] && tokens[k]!.sentence === role.sentence && isCapitalised(tokens[k]!.text) && k - nameStart < 4 &&
      !ROLE_HEADS.has(tokens[k]!.text.toLowerCase()) && !/^(The|Of|And)$/.test(tokens[k]!.text)
    ) k++;
    if (k === nameStart || (k - nameStart === 1 && tokens[nameStart]!.text.length < 2)) continue;
    // a role noun followed by a country or organisation ("Secretary of State", "President of France") is no name
    if (gazetteer().lookup(text.slice(tokens[nameStart]!.start, tokens[k - 1]!.end))) continue;
    const name = entityOf(text, tokens, nameStart, k, 'PER');
    const clashing = result.filter((e) => overlaps(e, name));
    // a longer model name ending with this one stands ("Sir Keir Starmer"), unless it begins inside the title
    // ("State Marco Rubio" after "Secretary of")
    const insideTitle = (e: Entity) => e.tokenStart > role.i && e.tokenStart < nameStart;
    if (clashing.some((e) => e.label === 'PER' && e.start <= name.start && e.end >= name.end && e.end === name.end && !insideTitle(e))) continue;
    for (const e of clashing) result.splice(result.indexOf(e), 1);
    result.push(name);
  }
  return result.sort((a, b) => a.start - b.start);
}

const APPOSITION_OPENERS = new Set(['a', 'an', 'the', 'its', 'his', 'her', 'their']);

/** A run of two or three capitalised words between token indices, or null. */
function capitalisedRun(tokens: Token[], from: number, to: number): [number, number] | null {
  if (to - from < 2 || to - from > 3) return null;
  for (let k = from; k < to; k++) {
    const t = tokens[k];
    if (!t || !isCapitalised(t.text) || ROLE_HEADS.has(t.text.toLowerCase()) || gazetteer().lookup(t.text)) return null;
  }
  return [from, to];
}

/**
 * Names set off by commas beside a role: "Iceland's fisheries minister, Gudrun Hallsdottir, said" and
 * "Anton Velikov, a spokesman for the Russian foreign ministry, said".
 */
function apposedNames(tokens: Token[], role: Token): Array<[number, number]> {
  const found: Array<[number, number]> = [];
  const sentence = role.sentence;
  const inSentence = (k: number) => tokens[k]?.sentence === sentence;
  if (tokens[role.i + 1]?.text === ',') {
    let end = role.i + 2;
    while (end < role.i + 5 && inSentence(end) && isCapitalised(tokens[end]!.text)) end++;
    const closes = !inSentence(end) || /^[,.;]$/.test(tokens[end]!.text);
    const run = closes ? capitalisedRun(tokens, role.i + 2, end) : null;
    if (run) found.push(run);
  }
  // walk left from the role over its modifiers to an opener ("a", "the", "its") right after "Name Name ,"
  let k = role.i - 1;
  while (k >= 0 && inSentence(k) && role.i - k <= 6 && !APPOSITION_OPENERS.has(tokens[k]!.text.toLowerCase()) && tokens[k]!.text !== ',') k--;
  if (k >= 2 && APPOSITION_OPENERS.has(tokens[k]!.text.toLowerCase()) && tokens[k - 1]!.text === ',') {
    let start = k - 1;
    while (start - 1 >= 0 && inSentence(start - 1) && isCapitalised(tokens[start - 1]!.text) && k - 1 - start < 3) start--;
    const run = capitalisedRun(tokens, start, k - 1);
    if (run) found.push(run);
  }
  return found;
}

/**
 * Title-case headlines ("Key Insights from Lavrov's Talks") fool a recogniser trained on running text; in a
 * capitalised line without final punctuation only gazetteer names and people also found in the body are kept.
 */
export function dropHeadlineGuesses(text: string, tokens: Token[], sentences: Sentence[], entities: Entity[]): Entity[] {
  const gaz = gazetteer();
  const headline = new Set<number>();
  sentences.forEach((s, index) => {
    const last = tokens[s.tokenEnd - 1]!.text;
    if (/^[.!?”"’]$/.test(last)) return;
    const words = tokens.slice(s.tokenStart, s.tokenEnd).filter((t) => /^\p{L}{4,}/u.test(t.text));
    if (words.length >= 4 && words.filter((t) => isCapitalised(t.text)).length / words.length >= 0.7) headline.add(index);
  });
  if (headline.size === 0) return entities;
  const bodyNames = new Set(
    entities.filter((e) => e.label === 'PER' && !headline.has(tokens[e.tokenStart]!.sentence)).flatMap((e) => [e.text, tokens[e.tokenEnd - 1]!.text]),
  );
  return entities.filter((e) => {
    if (!headline.has(tokens[e.tokenStart]!.sentence)) return true;
    if (gaz.lookup(e.text)) return true;
    return e.label === 'PER' && bodyNames.has(e.text);
  });
}
