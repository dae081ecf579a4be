// Scoring for `npm run eval:stances` (eval/stances.ts): predicted stances against the hand-labelled ones in
// eval/data/stances-unseen.jsonl. Kept apart from the runner so that the matching rules can be tested alone
// (test/stance-eval.test.ts).
//
// A predicted stance matches a gold stance when
//  - the holder matches: the predicted actor's name, or the gold holder or one of its `holderAliases`, compared
//    lower case without accents or a leading "the", are equal, or the predicted name contains the gold name as
//    whole words ("Democratic Renewal party" has "Democratic Renewal"); for a gold `person` the predicted name
//    may also be, or end in, the gold surname ("Kalnina", "Ms Kalnina"). Nothing else: a capital or a demonym
//    counts only when the gold lists it as an alias;
//  - the polarity is equal;
//  - the predicted issue label has a word equal to one of the gold `issueWords`, ignoring case and a plural
//    ending (-s, -es, -ies/-y).
// Each gold stance matches at most one prediction and each prediction at most one gold stance; the pairing is a
// maximum matching, so the order of the predictions does not change the counts. The holder-and-polarity score
// is the same with the issue ignored.

export interface GoldStance {
  holder: string;
  holderAliases?: string[];
  holderKind: 'person' | 'country' | 'organization';
  polarity: 'support' | 'oppose';
  issue: string;
  issueWords: string[];
  evidence: string;
  hedged?: boolean;
}

export interface GoldArticle {
  id: string;
  published: string;
  text: string;
  stances: GoldStance[];
}

/** A predicted stance with its holder resolved to the actor's name. */
export interface PredictedStance {
  holder: string;
  polarity: 'support' | 'oppose';
  issue: string;
  evidence: string;
}

export interface Counts {
  tp: number;
  predicted: number;
  gold: number;
}

export interface Prf extends Counts {
  precision: number;
  recall: number;
  f1: number;
}

export const norm = (s: string): string =>
  s
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/[\u2018\u2019]/g, "'")
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^the /, '');

const words = (s: string): string[] => norm(s).split(/[^\p{L}\p{N}']+/u).map((w) => w.replace(/'s?$/, '')).filter(Boolean);

function containsWords(haystack: string[], needle: string[]): boolean {
  if (needle.length === 0 || needle.length > haystack.length) return false;
  for (let i = 0; i + needle.length <= haystack.length; i++) {
    if (needle.every((w, j) => haystack[i + j] === w)) return true;
  }
  return false;
}

export function holderMatches(predicted: string, gold: GoldStance): boolean {
  const p = words(predicted);
  if (p.length === 0) return false;
  for (const name of [gold.holder, ...(gold.holderAliases ?? [])]) {
    const g = words(name);
    if (g.length === 0) continue;
    if (containsWords(p, g)) return true; // equal, or contains the gold name
  }
  if (gold.holderKind === 'person') {
    const surname = words(gold.holder).pop();
    if (surname && p[p.length - 1] === surname) return true;
  }
  return false;
}

/** Singular and plural forms a word may stand for: "centres" → centres, centre, centr; "policies" → policy. */
function forms(w: string): string[] {
  const out = new Set([w]);
  if (w.length > 3 && w.endsWith('s')) out.add(w.slice(0, -1));
  if (w.length > 4 && w.endsWith('es')) out.add(w.slice(0, -2));
  if (w.length > 4 && w.endsWith('ies')) out.add(`${w.slice(0, -3)}y`);
  return [...out];
}

export function issueMatches(label: string, issueWords: string[]): boolean {
  const have = new Set(words(label).flatMap(forms));
  return issueWords.some((w) => words(w).length > 0 && words(w).every((part) => forms(part).some((f) => have.has(f))));
}

export function stanceMatches(p: PredictedStance, g: GoldStance, withIssue = true): boolean {
  return p.polarity === g.polarity && holderMatches(p.holder, g) && (!withIssue || issueMatches(p.issue, g.issueWords));
}

/** Maximum bipartite matching (augmenting paths): pairs[g] is the prediction index matched to gold g, or -1. */
export function matchStances(predicted: PredictedStance[], gold: GoldStance[], withIssue = true): number[] {
  const ok = gold.map((g) => predicted.map((p) => stanceMatches(p, g, withIssue)));
  const goldOf = new Array<number>(predicted.length).fill(-1);
  const pairs = new Array<number>(gold.length).fill(-1);
  const augment = (g: number, seen: boolean[]): boolean => {
    for (let p = 0; p < predicted.length; p++) {
      if (!ok[g]![p] || seen[p]) continue;
      seen[p] = true;
      if (goldOf[p] === -1 || augment(goldOf[p]!, seen)) {
        goldOf[p] = g;
        pairs[g] = p;
        return true;
      }
    }
    return false;
  };
  for (let g = 0; g < gold.length; g++) augment(g, new Array<boolean>(predicted.length).fill(false));
  return pairs;
}

export function prf(c: Counts): Prf {
  const precision = c.predicted ? c.tp / c.predicted : 0;
  const recall = c.gold ? c.tp / c.gold : 0;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { ...c, precision, recall, f1 };
}

export interface ArticleScore {
  full: Prf;
  holderPolarity: Prf;
  /** gold index → prediction index or -1, issue included */
  pairs: number[];
  /** the same with the issue ignored */
  holderPairs: number[];
}

export function scoreArticle(predicted: PredictedStance[], gold: GoldStance[]): ArticleScore {
  const pairs = matchStances(predicted, gold, true);
  const holderPairs = matchStances(predicted, gold, false);
  const count = (ps: number[]): Counts => ({ tp: ps.filter((p) => p >= 0).length, predicted: predicted.length, gold: gold.length });
  return { full: prf(count(pairs)), holderPolarity: prf(count(holderPairs)), pairs, holderPairs };
}

export function sumCounts(all: Counts[]): Prf {
  return prf(all.reduce((a, c) => ({ tp: a.tp + c.tp, predicted: a.predicted + c.predicted, gold: a.gold + c.gold }), { tp: 0, predicted: 0, gold: 0 }));
}
