// Derives flat named-entity spans (PER, ORG, LOC, GPE, NORP) from the training corpora:
// UNER EWT (PER/ORG/LOC, refined to GPE by gazetteer) and GUM's entity layer (person/organization/place mentions
// headed by a proper noun, trimmed to the name itself).

import type { Span, UDSentence } from '../src/nlp/conllu.js';
import { iobToSpans } from '../src/nlp/conllu.js';
import { GazetteerMatcher } from '../src/nlp/ner-lexicon.js';

const TITLES = new Set(`president vice prime minister secretary senator sen. rep. representative congressman congresswoman
governor gov. mayor king queen prince princess pope general gen. colonel col. captain capt. lieutenant lt. sergeant sgt.
major dr. dr mr. mr mrs. mrs ms. ms miss sir dame lord lady judge justice chancellor chairman chairwoman chair director
professor prof. saint bishop archbishop cardinal rev. reverend father sister brother chief commissioner ambassador speaker
leader premier emperor empress sultan sheikh ayatollah imam rabbi officer detective coach attorney deputy foreign defense
defence state former first marshal admiral commander private corporal agent inspector superintendent councillor councilman
head ceo founder mp mep administrator secretary-general spokesman spokeswoman spokesperson minister-president crown tsar czar shah emir king-emperor`.split(/\s+/));

const PLACE_TYPES = new Set(['COUNTRY', 'CITY', 'STATE']);
const NORP_TYPES = new Set(['DEMONYM', 'GROUP']);

export function isGpe(words: readonly string[], gaz: GazetteerMatcher): boolean {
  let toks = [...words];
  if (toks[0] === 'the' || toks[0] === 'The') toks = toks.slice(1);
  const m = gaz.match(toks);
  return m.length === 1 && m[0]!.start === 0 && m[0]!.end === toks.length && PLACE_TYPES.has(m[0]!.type);
}

/** Adds single NORP spans for demonyms/groups not inside another entity (capitalised words only). */
export function addNorp(words: readonly string[], spans: Span[], gaz: GazetteerMatcher): Span[] {
  const out = [...spans];
  for (const m of gaz.match(words)) {
    if (!NORP_TYPES.has(m.type)) continue;
    if (!/^[A-Z]/.test(words[m.start]!)) continue;
    if (spans.some((s) => s.start < m.end && m.start < s.end)) continue;
    out.push({ start: m.start, end: m.end, label: 'NORP' });
  }
  return out.sort((a, b) => a.start - b.start);
}

/** UNER IOB2 tags -> spans with GPE and NORP added. */
export function unerSpans(words: readonly string[], tags: readonly string[], gaz: GazetteerMatcher): Span[] {
  const spans = iobToSpans([...tags]).map((s) => {
    if (s.label === 'LOC' && isGpe(words.slice(s.start, s.end), gaz)) return { ...s, label: 'GPE' };
    return s;
  });
  return addNorp(words, spans, gaz);
}

interface Mention {
  start: number;
  end: number;
  type: string;
}

/** Mentions from GUM's MISC Entity= annotations. */
export function gumMentions(s: UDSentence): Mention[] {
  const open: Array<{ id: string; type: string; start: number }> = [];
  const out: Mention[] = [];
  for (let i = 0; i < s.misc.length; i++) {
    const m = /(?:^|\|)Entity=([^|]*)/.exec(s.misc[i]!);
    if (!m) continue;
    const v = m[1]!;
    let p = 0;
    while (p < v.length) {
      if (v[p] === '(') {
        let q = p + 1;
        while (q < v.length && v[q] !== '(' && v[q] !== ')') q++;
        const body = v.slice(p + 1, q);
        const parts = body.split('-');
        const id = parts[0]!;
        const type = parts[1] ?? '';
        if (v[q] === ')') {
          out.push({ start: i, end: i + 1, type });
          q++;
        } else open.push({ id, type, start: i });
        p = q;
      } else {
        let q = p;
        while (q < v.length && v[q] !== ')' && v[q] !== '(') q++;
        const id = v.slice(p, q);
        for (let k = open.length - 1; k >= 0; k--) {
          if (open[k]!.id === id) {
            out.push({ start: open[k]!.start, end: i + 1, type: open[k]!.type });
            open.splice(k, 1);
            break;
          }
        }
        p = q + 1;
      }
    }
  }
  return out;
}

const isName = (s: UDSentence, k: number): boolean => s.xpos[k] === 'NNP' || s.xpos[k] === 'NNPS';
const CONNECTORS = new Set(['of', 'and', '&', 'de', 'la', 'du', 'von', 'van', 'der', 'al', 'bin', 'el', '-', 'for', 'the', 'on']);

/** Named-entity spans derived from GUM mentions. */
export function gumSpans(s: UDSentence, gaz: GazetteerMatcher): Span[] {
  const cands: Span[] = [];
  for (const m of gumMentions(s)) {
    const label = m.type === 'person' ? 'PER' : m.type === 'organization' ? 'ORG' : m.type === 'place' ? 'LOC' : null;
    if (!label) continue;
    let head = -1;
    for (let k = m.start; k < m.end; k++) {
      const h = s.heads[k]!;
      if (h < m.start || h >= m.end) {
        head = k;
        break;
      }
    }
    if (head < 0 || !isName(s, head)) continue;
    let a = head;
    let b = head + 1;
    for (;;) {
      if (a - 1 >= m.start && isName(s, a - 1)) a--;
      else if (a - 2 >= m.start && CONNECTORS.has(s.words[a - 1]!) && isName(s, a - 2) && s.words[a - 1] !== 'the') a -= 2;
      else break;
    }
    for (;;) {
      if (b < m.end && isName(s, b)) b++;
      else if (b + 1 < m.end && CONNECTORS.has(s.words[b]!) && isName(s, b + 1)) b += 2;
      else break;
    }
    if (label === 'PER') {
      // A person's name is the head plus its flat dependents (titles hang off as nmod:desc or compound).
      const inName = new Set<number>([head]);
      let grew = true;
      while (grew) {
        grew = false;
        for (let k = m.start; k < m.end; k++) {
          if (!inName.has(k) && s.deprels[k]!.startsWith('flat') && inName.has(s.heads[k]!)) {
            inName.add(k);
            grew = true;
          }
        }
      }
      a = head;
      b = head + 1;
      while (inName.has(a - 1)) a--;
      while (inName.has(b)) b++;
      while (a < head && TITLES.has(s.words[a]!.toLowerCase())) a++;
      if (b - a === 1 && TITLES.has(s.words[head]!.toLowerCase())) continue;
    }
    let lab = label;
    if (label === 'LOC' && isGpe(s.words.slice(a, b), gaz)) lab = 'GPE';
    const whole = gaz.match(s.words.slice(a, b));
    if (whole.length === 1 && whole[0]!.end === b - a && NORP_TYPES.has(whole[0]!.type)) lab = 'NORP';
    cands.push({ start: a, end: b, label: lab });
  }
  cands.sort((x, y) => y.end - y.start - (x.end - x.start) || x.start - y.start);
  const chosen: Span[] = [];
  for (const c of cands) if (!chosen.some((o) => o.start < c.end && c.start < o.end)) chosen.push(c);
  return addNorp(s.words, chosen, gaz);
}
