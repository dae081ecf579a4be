// Issue labels: what a stance is about, as a short noun phrase built from the words of the object phrase, the same
// for paraphrases so that positions line up in one matrix. "NATO peacekeeping forces in Ukraine", "deploying UK
// troops to Ukraine" and "talk of sending troops to Ukraine" are one debate, "troops in Ukraine"; a proposal's
// substance is the issue, not the word "proposal" ("a Norwegian proposal for an international observer mission" is
// "observer mission"). Who owns a proposal does not change the issue; who joins, expands or backs something does
// ("NATO expansion", "Ukraine's membership", "US backing"), and so does whom sanctions hit ("sanctions on Russia").
// Phrases with no known concept keep their own words ("Russian account"), never a stem salad.
import { gazetteer } from '../nlp/index.js';

export interface IssueLabel {
  /** Readable label: "troops in Ukraine". */
  label: string;
  /** Stable id across articles: "issue:troops-in-ukraine". */
  id: string;
  /** The label names what a plan or proposal is about ("a plan for sharing catches"): a bare "the plan" nearby may be it. */
  planned?: boolean;
  /** The label without its place or target ("sanctions" for "sanctions on Belarus"): a bare "the sanctions" nearby may be it. */
  unplaced?: string;
}

export interface IssueWord {
  text: string;
  upos: string;
  /** The country or organisation the word names, when the actor layer knows it ("European Union", "Russian"). */
  actor?: string;
  /** A word that can say whose the issue is but is not the issue ("the EU" in "the EU would need to participate"). */
  ownerOnly?: boolean;
}

interface Concept {
  name: string;
  /** The label of the concept on its own. */
  label: string;
  words: string[];
  /** Who it belongs to is part of the issue: "NATO expansion" is not "EU expansion". */
  owned?: boolean;
  /** A place or target is part of the issue: "troops in Ukraine", "sanctions on Russia". */
  placed?: boolean;
}

/** Words folded into one concept, most specific first; the first concept of a phrase is its substance. */
const CONCEPTS: Concept[] = [
  { name: 'troops', label: 'troops', placed: true, words: ['troop', 'troops', 'forces', 'force', 'soldiers', 'peacekeepers', 'peacekeeping', 'deployment', 'deployments', 'contingent', 'boots', 'personnel', 'servicemen', 'brigade', 'battalion'] },
  { name: 'observers', label: 'observer mission', placed: true, words: ['observer', 'observers', 'monitors', 'monitoring', 'inspectors', 'mission', 'monitor'] },
  { name: 'corridor', label: 'shipping corridor', words: ['corridor', 'lane', 'lanes', 'route', 'routing', 'routes'] },
  { name: 'quota', label: 'quota plan', words: ['quota', 'quotas', 'sharing', 'catch', 'catches', 'mackerel', 'allocation', 'allocations', 'key'] },
  { name: 'sanctions', label: 'sanctions', placed: true, words: ['sanction', 'sanctions', 'penalties', 'embargo'] },
  // (a trade measure is its own debate: "tariffs on steel" is not "sanctions on Russia")
  { name: 'tariffs', label: 'tariffs', placed: true, words: ['tariffs', 'tariff', 'duties', 'levies'] },
  { name: 'ceasefire', label: 'ceasefire', words: ['ceasefire', 'truce', 'armistice'] },
  { name: 'membership', label: 'membership', owned: true, words: ['membership', 'accession', 'joining'] },
  { name: 'expansion', label: 'expansion', owned: true, words: ['expansion', 'enlargement', 'expanding', 'widening'] },
  { name: 'participation', label: 'participation', owned: true, words: ['participate', 'participation', 'seat', 'involvement', 'inclusion'] },
  { name: 'exclusion', label: 'exclusion', words: ['without', 'excluded', 'exclusion', 'sidelined', 'left'] },
  { name: 'ambassadors', label: 'ambassadors', words: ['ambassador', 'ambassadors', 'embassy', 'embassies', 'envoys'] },
  { name: 'aid', label: 'backing', owned: true, words: ['aid', 'assistance', 'support', 'backing', 'help', 'funding', 'guarantees'] },
  { name: 'concessions', label: 'concessions', words: ['concession', 'concessions'] },
  // (a compromise is a settlement both sides accept, not what one side gives up)
  { name: 'compromise', label: 'compromise', words: ['compromise', 'compromises'] },
  { name: 'talks', label: 'talks', words: ['talks', 'negotiations', 'negotiation', 'discussions', 'dialogue', 'dialog', 'consultations', 'format', 'table'] },
  { name: 'findings', label: 'investigation findings', words: ['findings', 'finding', 'report', 'conclusions', 'investigation', 'inquiry'] },
  { name: 'agreement', label: 'agreement', words: ['agreement', 'agreements', 'deal', 'accord', 'pact', 'treaty', 'arrangement'] },
  { name: 'plan', label: 'plan', words: ['plan', 'plans', 'proposal', 'proposals', 'scheme', 'initiative', 'package', 'offer'] },
];
const CONCEPT_OF = new Map<string, Concept>();
for (const concept of CONCEPTS) for (const w of concept.words) if (!CONCEPT_OF.has(w)) CONCEPT_OF.set(w, concept);

/** Words that carry no issue of their own: determiners, hedges and the containers of a proposal ("the idea of"). */
const SKIP = new Set([
  'the', 'a', 'an', 'any', 'all', 'some', 'its', 'their', 'his', 'her', 'our', 'this', 'that', 'these', 'those',
  'further', 'potential', 'possible', 'future', 'new', 'more', 'other', 'such', 'talk', 'idea', 'possibility',
  'question', 'issue', 'matter', 'kind', 'sort', 'strong', 'armed', 'so-called', 'proposed', 'planned', 'prospect',
  'one', 'ones', 'thing', 'things', 'way', 'ways', 'lot', 'time', 'times', 'necessity', 'need', 'importance', 'call',
  'calls', 'particularly', 'especially', 'current', 'original', 'revised', 'first', 'separate', 'whole', 'own',
  'international', 'neutral', 'small', 'fixed', 'wider', 'joint', 'full', 'immediate', 'real', 'new', 'old',
  'each', 'other', 'every', 'both', 'either', 'another', 'and', 'or', 'of', 'for', 'on', 'about', 'from', 'by',
]);
/** Heads that name no proposal, action, policy or party: a label made only of these is no issue. */
const NOT_ISSUES = new Set([
  'tonight', 'today', 'time', 'day', 'week', 'year', 'way', 'direction', 'thing', 'things', 'situation', 'region',
  'area', 'fog', 'crew', 'crews', 'sea', 'water', 'waters', 'hole', 'middle', 'side', 'sides', 'everyone', 'anyone',
  'nobody', 'someone', 'people', 'officials', 'position', 'statement', 'comment', 'comments', 'remarks', 'question',
  'questions', 'answer', 'news', 'view', 'views', 'point', 'rest', 'end', 'start', 'moment', 'step', 'steps',
  'problem', 'situation', 'world', 'country', 'countries', 'death', 'life', 'lives', 'family', 'families', 'men',
  'parties', 'party', 'nations', 'states', 'governments', 'members', 'partners', 'allies', 'leaders', 'ability',
  'member', 'state', 'somebody', 'something', 'nothing', 'anything', 'everything',
]);
/** Nouns that contain a proposal without saying what it is: "open to the idea", "supported India's call". */
const PROPOSAL_CONTAINERS = new Set(['idea', 'ideas', 'call', 'calls']);
const PLAN_BOUNDARIES = new Set(['without', 'before', 'after', 'despite', 'unless', 'until', 'if', 'while', 'because', 'amid', 'as', 'but']);
const DEMANDS = new Set(['demand', 'demands', 'request', 'requests', 'appeal', 'appeals', 'ultimatum']);
const CONDITIONS = new Set(['until', 'unless', 'before', 'after', 'despite', 'if', 'while', 'because', 'amid']);
const TIME_WORDS = /^(monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|yesterday|tomorrow|week|month|year|january|february|march|april|may|june|july|august|september|october|november|december)$/i;
const PLACE_PREPOSITIONS = new Set(['in', 'to', 'into', 'inside', 'near', 'around', 'off', 'for', 'on', 'against', 'at']);

/** Builds the label from the words of an object phrase (in text order, with their UPOS tags). */
export function issueLabel(allWords: IssueWord[]): IssueLabel | null {
  const gaz = gazetteer();
  // "a demand to halt the filling until a binding agreement is signed": what follows a condition or a time limit
  // is not what the position is about (a plan keeps it, to be cut where the plan's own words end)
  const firstContent = allWords.findIndex((w) => w.upos === 'NOUN' || w.upos === 'PROPN');
  const cut = allWords.findIndex((w, k) => k > firstContent && firstContent >= 0 && CONDITIONS.has(w.text.toLowerCase()));
  const words = cut > 0 && !allWords.slice(0, cut).some((w) => CONCEPT_OF.get(w.text.toLowerCase())?.name === 'plan') ? allWords.slice(0, cut) : allWords;
  const found: Array<{ concept: Concept; at: number }> = [];
  const owners: Array<{ name: string; at: number }> = [];
  let place: string | null = null;
  let placeAt: number | null = null;
  const kept: Array<{ text: string; upos: string; at: number }> = [];
  for (let i = 0; i < words.length; i++) {
    const { text, upos } = words[i]!;
    const lower = text.toLowerCase().replace(/[’']s$/, '');
    // "in Ukraine", "to Ukraine", "on Russian shipping companies": where the act is, or whom it hits
    if (PLACE_PREPOSITIONS.has(lower) && words[i + 1]) {
      const next = words.slice(i + 1, i + 4).find((w) => !SKIP.has(w.text.toLowerCase()) || /^\p{Lu}/u.test(w.text));
      const entry = next ? gaz.lookup(next.text) : undefined;
      if (entry?.country && place === null) {
        place = entry.name;
        placeAt = i;
        continue;
      }
    }
    const entry = gaz.lookup(text.replace(/[’']s$/, ''));
    if (words[i]!.actor || (entry && (entry.kind === 'organization' || entry.kind === 'demonym' || entry.kind === 'country' || entry.kind === 'capital'))) {
      owners.push({ name: entry && entry.kind !== 'organization' ? shortCountry(text, entry.name) : words[i]!.actor ?? entry!.name, at: i });
      kept.push({ text, upos: 'OWNER', at: i });
      continue;
    }
    if (!/\p{L}/u.test(text) || words[i]!.ownerOnly) continue;
    const concept = CONCEPT_OF.get(lower) ?? CONCEPT_OF.get(lower.replace(/s$/, ''));
    // "without Ukraine", "without us" leave someone out; "without a binding deal" is a condition
    if (concept?.name === 'exclusion' && lower === 'without' && !leavesSomeoneOut(words.slice(i + 1, i + 4))) continue;
    // "left out" leaves someone out; "left exposed", "left behind" do not
    if (concept?.name === 'exclusion' && lower === 'left' && words[i + 1]?.text.toLowerCase() !== 'out') continue;
    if (concept) {
      if (!found.some((f) => f.concept === concept)) found.push({ concept, at: i });
      continue;
    }
    if (SKIP.has(lower)) continue;
    // "a demand to halt the filling": a demand that says what it wants is about that
    if (DEMANDS.has(lower) && words[i + 1]?.text.toLowerCase() === 'to' && words[i + 2]?.upos === 'VERB') continue;
    if (upos === 'NOUN' || upos === 'PROPN' || upos === 'ADJ' || (upos === 'VERB' && /ing$/.test(lower))) kept.push({ text, upos, at: i });
  }

  // being left out is the issue whatever else the phrase names ("decisions made without Ukraine's involvement")
  const exclusion = found.find((f) => f.concept.name === 'exclusion');
  if (exclusion) return conceptLabel([exclusion], owners, place, placeAt);
  // "a plan to cap gas prices": a plan about something with no known concept is named with what it would do
  // (what follows "without", "before" ... is a condition of the plan, not what it is about; "an offer by Kenya to
  // mediate" is an offer to mediate)
  const boundary = words.findIndex((w, k) => k > (found[0]?.at ?? words.length) && PLAN_BOUNDARIES.has(w.text.toLowerCase()));
  const aboutPlan = found.filter((f) => boundary < 0 || f.at < boundary);
  if (aboutPlan.length === 1 && ['plan', 'agreement'].includes(aboutPlan[0]!.concept.name)) {
    let from = aboutPlan[0]!.at + 1;
    if (words[from]?.text.toLowerCase() === 'by' && words[from + 1] && (words[from + 1]!.actor || words[from + 1]!.upos === 'PROPN')) from += 2;
    // "a deal that would protect food stockpiles" is a deal to protect them
    const would = /^(that|which)$/i.test(words[from]?.text ?? '') && /^would$/i.test(words[from + 1]?.text ?? '') && words[from + 2]?.upos === 'VERB';
    if (would) from += 1;
    // ("an agreement on Tuesday to build a pipeline": a time phrase says when, not what)
    const when = (k: number) => TIME_WORDS.test(words[k]?.text ?? '') || (/^(on|in|last|next|this)$/i.test(words[k]?.text ?? '') && TIME_WORDS.test(words[k + 1]?.text ?? ''));
    const after = words.slice(from, boundary < 0 ? undefined : boundary).map((w, k) => (would && k === 0 ? { ...w, text: 'to' } : w))
      .filter((w, k) => !when(from + k) && !/^(the|a|an|this|that|its|their)$/i.test(w.text) && /\p{L}/u.test(w.text)).slice(0, 5);
    const content = after.findIndex((w) => w.upos === 'NOUN' || w.upos === 'VERB');
    if (content >= 0 && /^(to|for|on|of)$/i.test(after[0]?.text ?? '')) {
      const lastNoun = after.map((w) => w.upos).lastIndexOf('NOUN');
      const lastContent = lastNoun > 0 ? lastNoun : after.length === 2 && after[0]!.text.toLowerCase() === 'to' && after[1]!.upos === 'VERB' ? 1 : -1;
      if (lastContent > 0) {
        // (a name or a nationality keeps its capital: "plan to use frozen Russian assets")
        const cased = (w: IssueWord) => (w.upos === 'PROPN' || w.actor || (/^\p{Lu}\p{Ll}/u.test(w.text) && w.upos === 'ADJ') ? w.text : w.text.toLowerCase());
        const label = [words[aboutPlan[0]!.at]!.text.toLowerCase(), ...after.slice(0, lastContent + 1).map(cased)].join(' ');
        return { label, id: `issue:${slug(label)}` };
      }
    }
  }
  // "backing", "membership" with nobody's name: whose backing or membership is the issue, so there is none
  if (found.length === 1 && found[0]!.concept.owned && !owners.some((o) => Math.abs(o.at - found[0]!.at) <= 3)) return null;
  if (found.length > 0) return conceptLabel(found, owners, place, placeAt);
  // no known concept: the phrase's own words up to its first noun ("Russian account", "fishing rights"), as
  // written (a modifier the gazetteer knows, "Russian", stays an adjective: the label is a phrase, not a stem list)
  let firstNoun = kept.find((w) => w.upos === 'NOUN' || w.upos === 'PROPN');
  // "the idea", "India's call": a proposal named only by its container is a bare plan, which the article may name
  if (!firstNoun && words.some((w) => PROPOSAL_CONTAINERS.has(w.text.toLowerCase()))) return { label: 'plan', id: 'issue:plan' };
  // "air patrols", "border crossing": a noun compound ends at its last noun
  for (let next = firstNoun && kept.find((w) => w.at === firstNoun!.at + 1); next && next.upos === 'NOUN'; next = kept.find((w) => w.at === next!.at + 1)) firstNoun = next;
  if (!firstNoun || NOT_ISSUES.has(firstNoun.text.toLowerCase())) return null;
  const phrase = kept.filter((w) => w.at <= firstNoun.at && w.at >= firstNoun.at - 2 && !/['’]s$/.test(w.text));
  let label = phrase.map((w) => (w.upos === 'PROPN' || w.upos === 'OWNER' ? w.text : w.text.toLowerCase())).join(' ');
  // "threat to the commission", "rights of fishermen": a bare noun says more with its complement
  const preposition = words[firstNoun.at + 1]?.text.toLowerCase();
  // (the complement ends at a coordination: "the release of Embalo and the restoration of order" is the release)
  const coordination = words.findIndex((w, k) => k > firstNoun!.at && /^(and|or|,)$/i.test(w.text));
  const complement = kept.find((w) => w.at > firstNoun!.at + 1 && w.at <= firstNoun!.at + 4 && (coordination < 0 || w.at < coordination) && (w.upos === 'NOUN' || w.upos === 'OWNER' || w.upos === 'PROPN'));
  if (phrase.length === 1 && complement && preposition && /^(to|of|on|for|against)$/.test(preposition)) label += ` ${preposition} ${complement.upos === 'OWNER' || complement.upos === 'PROPN' ? complement.text : complement.text.toLowerCase()}`;
  return { label, id: `issue:${slug(label)}` };
}

const LEFT_OUT_PRONOUNS = new Set(['us', 'them', 'it', 'him', 'her', 'me', 'you']);

function leavesSomeoneOut(next: IssueWord[]): boolean {
  const first = next.find((w) => !/^(the|its|their|our|his|her)$/i.test(w.text));
  if (!first) return false;
  const lower = first.text.toLowerCase();
  if (CONCEPT_OF.get(lower)?.name === 'participation' || lower === 'consent' || lower === 'knowledge') return true;
  return LEFT_OUT_PRONOUNS.has(lower) || first.actor !== undefined || first.upos === 'PROPN' || gazetteer().lookup(first.text.replace(/[’']s$/, '')) !== undefined;
}

/** A label from the concepts found: the substance, its owner when ownership matters, its place or target. */
function conceptLabel(found: Array<{ concept: Concept; at: number }>, owners: Array<{ name: string; at: number }>, place: string | null, placeAt: number | null): IssueLabel {
  // a plan or an agreement about something is about that something
  const substance = found.filter((f) => !['plan', 'agreement'].includes(f.concept.name) || found.length === 1);
  // a second concept joins the first only when both say whose ("NATO expansion and Ukraine's membership") or
  // one is taking part in the other ("participation in talks"); "a mission at talks in Reykjavik" is the mission
  const [first, second] = substance.length ? substance : found;
  const parts = second && ((first!.concept.owned && second.concept.owned) || first!.concept.name === 'participation') ? [first!, second] : [first!];
  const pieces = parts.map(({ concept, at }) => {
    if (!concept.owned) return concept.label;
    // the owner written next to it: "NATO expansion", "expansion of NATO", "Ukraine's membership"
    const owner = owners.filter((o) => Math.abs(o.at - at) <= 3).sort((a, b) => Math.abs(a.at - at) - Math.abs(b.at - at))[0];
    if (!owner) return concept.label;
    return concept.name === 'membership' ? `${owner.name}'s membership` : `${owner.name} ${concept.label}`;
  });
  // "EU participation in talks": taking part is taking part in something
  let label = pieces.join(' and ');
  if (parts.length === 2 && parts[0]!.concept.name === 'participation') label = `${pieces[0]} in ${parts[1]!.concept.label}`;
  // the place belongs to the concept it follows closely, not to another concept in between ("a mission at talks in X")
  const placed = parts.some((p) => p.concept.placed) && placeAt !== null && placeAt - parts[0]!.at <= 4 &&
    !found.some((f) => !parts.includes(f) && f.at > parts[0]!.at && f.at < placeAt);
  const unplaced = label;
  if (place && placed) label += `${parts.some((p) => p.concept.name === 'sanctions' || p.concept.name === 'tariffs') ? ' on' : ' in'} ${place}`;
  const planned = found.some((f) => f.concept.name === 'plan') && !parts.some((p) => p.concept.name === 'plan');
  return { label, id: `issue:${slug(label)}`, ...(planned ? { planned } : {}), ...(label !== unplaced ? { unplaced } : {}) };
}

function slug(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-|-$/g, '');
}

/** "UK troops", "US backing": keep a short form as written when it is an abbreviation, else the country name. */
function shortCountry(surface: string, name: string): string {
  const bare = surface.replace(/[’']s$/, '');
  return /^[A-Z.]{2,5}$/.test(bare) ? bare.replace(/\./g, '') : name;
}
