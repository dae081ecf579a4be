// Issue labels: what a stance is about, as a short normalised label built from the object phrase, so that
// paraphrases line up in one matrix ("NATO peacekeeping forces in Ukraine" and "NATO troop deployment in Ukraine"
// are both "NATO troops in Ukraine"). The id is a stable key of the label's concepts, the same in every article.
import { gazetteer } from '../nlp/index.js';

export interface IssueLabel {
  /** Readable label: "NATO troops in Ukraine". */
  label: string;
  /** Stable id across articles: "issue:nato+troops@ukraine". */
  id: string;
}

export interface IssueWord {
  text: string;
  upos: string;
}

/** Words folded into one concept; the concept is what the label shows. */
const CONCEPTS: Array<[string, string[]]> = [
  ['troops', ['troop', 'troops', 'forces', 'force', 'soldiers', 'peacekeepers', 'peacekeeping', 'deployment', 'deployments', 'deploying', 'deploy', 'sending', 'send', 'contingent', 'boots', 'personnel', 'servicemen']],
  ['sanctions', ['sanction', 'sanctions', 'penalties', 'restrictions', 'embargo', 'measures']],
  ['talks', ['talks', 'negotiations', 'negotiation', 'discussions', 'dialogue', 'dialog', 'consultations', 'format', 'table']],
  ['membership', ['membership', 'accession', 'joining', 'entry']],
  ['expansion', ['expansion', 'enlargement', 'expanding', 'widening']],
  ['ceasefire', ['ceasefire', 'truce', 'armistice']],
  ['observers', ['observer', 'observers', 'monitors', 'monitoring', 'inspectors', 'mission']],
  ['quota plan', ['quota', 'quotas', 'sharing', 'share', 'shares', 'catch', 'catches']],
  ['plan', ['plan', 'plans', 'proposal', 'proposals', 'offer', 'scheme', 'initiative', 'package', 'deal', 'agreement', 'accord', 'pact']],
  ['ambassadors', ['ambassador', 'ambassadors', 'embassy', 'embassies', 'envoys']],
  ['aid', ['aid', 'assistance', 'support', 'backing', 'help']],
  ['concessions', ['concession', 'concessions', 'compromise', 'compromises']],
  ['participation', ['participate', 'participation', 'seat', 'involvement', 'role', 'inclusion']],
  ['exclusion', ['without', 'excluded', 'exclusion', 'sidelined', 'left']],
  ['corridor', ['corridor', 'lane', 'lanes', 'route', 'routing']],
];
const CONCEPT_OF = new Map<string, string>();
for (const [concept, words] of CONCEPTS) for (const w of words) if (!CONCEPT_OF.has(w)) CONCEPT_OF.set(w, concept);

const SKIP = new Set([
  'the', 'a', 'an', 'any', 'all', 'some', 'its', 'their', 'his', 'her', 'our', 'this', 'that', 'these', 'those',
  'further', 'potential', 'possible', 'future', 'new', 'more', 'other', 'such', 'talk', 'idea', 'possibility',
  'question', 'issue', 'matter', 'part', 'kind', 'sort', 'strong', 'armed', 'so-called', 'proposed', 'planned',
  'one', 'ones', 'thing', 'things', 'way', 'ways', 'step', 'steps', 'lot', 'time', 'times',
]);
const PLACE_PREPOSITIONS = new Set(['in', 'to', 'into', 'inside', 'near', 'around', 'off', 'for']);

/** Builds the label from the words of an object phrase (in text order, with their UPOS tags). */
export function issueLabel(words: IssueWord[]): IssueLabel | null {
  const gaz = gazetteer();
  const qualifiers: string[] = [];
  const concepts: string[] = [];
  const others: string[] = [];
  let place: string | null = null;
  for (let i = 0; i < words.length; i++) {
    const { text, upos } = words[i]!;
    const lower = text.toLowerCase();
    if (PLACE_PREPOSITIONS.has(lower) && words[i + 1]) {
      const entry = gaz.lookup(words[i + 1]!.text);
      if (entry?.country && entry.kind !== 'demonym') {
        place = entry.kind === 'country' ? entry.name : words[i + 1]!.text;
        i++;
        continue;
      }
    }
    const entry = gaz.lookup(text);
    if (entry && (entry.kind === 'organization' || entry.kind === 'demonym' || entry.kind === 'country')) {
      const name = entry.kind === 'organization' ? entry.name : shortCountry(text, entry.name);
      if (!qualifiers.includes(name)) qualifiers.push(name);
      continue;
    }
    if (SKIP.has(lower) || !/\p{L}/u.test(text)) continue;
    const concept = CONCEPT_OF.get(lower);
    if (concept) {
      if (!concepts.includes(concept)) concepts.push(concept);
      continue;
    }
    if ((upos === 'NOUN' || upos === 'PROPN' || (upos === 'ADJ' && words[i + 1]?.upos === 'NOUN')) && others.length < 3) others.push(lower);
  }
  // "quota plan" already says "plan"
  const heads = concepts.includes('quota plan') ? concepts.filter((c) => c !== 'plan') : concepts;
  const core = heads.length ? heads.slice(0, 2) : others.slice(0, 3);
  // a label needs a noun to be about something ("fair resolution", not "fair")
  if (core.length === 0 || (heads.length === 0 && !words.some((w) => w.upos === 'NOUN' && others.includes(w.text.toLowerCase())))) return null;
  const label = [qualifiers.slice(0, 2).join(' and '), heads.length ? core.join(' and ') : core.join(' '), place ? `in ${place}` : ''].filter(Boolean).join(' ');
  const id = `issue:${[...qualifiers.slice(0, 2).map(slug)].sort().concat(core.map(slug)).join('+')}${place ? '@' + slug(place) : ''}`;
  return { label, id };
}

function slug(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-|-$/g, '');
}

/** "UK troops", "US backing": keep a short form as written when it is an abbreviation, else the country name. */
function shortCountry(surface: string, name: string): string {
  return /^[A-Z.]{2,5}$/.test(surface) ? surface.replace(/\./g, '') : name;
}
