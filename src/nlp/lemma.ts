// Lemmatiser: a lexicon of (lower-cased form, XPOS) -> lemma learnt from the treebanks for the cases the suffix
// rules get wrong, plus the rules themselves for everything else.

/** Rule-based lemma from the word and its Penn tag. */
export function ruleLemma(word: string, xpos: string): string {
  if (xpos === 'NNP' || xpos === 'NNPS') {
    if (xpos === 'NNPS' && /[a-z]s$/.test(word)) return word.slice(0, -1);
    return word;
  }
  const w = word.toLowerCase();
  switch (xpos) {
    case 'NNS':
      if (/[^aeiou]ies$/.test(w)) return w.slice(0, -3) + 'y';
      if (/(ss|x|z|ch|sh)es$/.test(w)) return w.slice(0, -2);
      if (/[^su]s$/.test(w)) return w.slice(0, -1);
      return w;
    case 'VBZ':
      if (w === 'is' || w === "'s") return 'be';
      if (w === 'has') return 'have';
      if (w === 'does') return 'do';
      if (/[^aeiou]ies$/.test(w)) return w.slice(0, -3) + 'y';
      if (/(ss|x|z|ch|sh|o)es$/.test(w)) return w.slice(0, -2);
      if (/s$/.test(w)) return w.slice(0, -1);
      return w;
    case 'VBD':
    case 'VBN':
      if (/[^aeiou]ied$/.test(w)) return w.slice(0, -3) + 'y';
      if (/([bdgmnprt])\1ed$/.test(w)) return w.slice(0, -3);
      if (/[^e]ed$/.test(w) || /eed$/.test(w)) return w.slice(0, -2);
      if (/ed$/.test(w)) return w.slice(0, -1);
      return w;
    case 'VBG':
      if (/([bdgmnprt])\1ing$/.test(w)) return w.slice(0, -4);
      if (/ying$/.test(w)) return w.slice(0, -3);
      if (/ing$/.test(w) && w.length > 5) return w.slice(0, -3);
      return w;
    case 'JJR':
    case 'RBR':
      if (/ier$/.test(w)) return w.slice(0, -3) + 'y';
      if (/([bdgmnprt])\1er$/.test(w)) return w.slice(0, -3);
      if (/er$/.test(w) && w.length > 4) return w.slice(0, -2);
      return w;
    case 'JJS':
    case 'RBS':
      if (/iest$/.test(w)) return w.slice(0, -4) + 'y';
      if (/([bdgmnprt])\1est$/.test(w)) return w.slice(0, -4);
      if (/est$/.test(w) && w.length > 5) return w.slice(0, -3);
      return w;
    default:
      return w;
  }
}

export class Lemmatizer {
  private readonly table = new Map<string, string>();

  /** entries: "form\txpos\tlemma" lines where the rule is wrong. */
  constructor(entries: readonly string[]) {
    for (const e of entries) {
      const [form, xpos, lemma] = e.split('\t');
      if (form !== undefined && xpos !== undefined && lemma !== undefined) this.table.set(form + '\t' + xpos, lemma);
    }
  }

  lemma(word: string, xpos: string): string {
    const lower = xpos === 'NNP' || xpos === 'NNPS' ? word : word.toLowerCase();
    return this.table.get(lower + '\t' + xpos) ?? ruleLemma(word, xpos);
  }
}

/** Exceptions to the rules from (form, xpos, lemma) triples: the most frequent lemma per (form, xpos). */
export function lemmaExceptions(triples: Iterable<[string, string, string]>): string[] {
  const counts = new Map<string, Map<string, number>>();
  for (const [form, xpos, lemma] of triples) {
    if (lemma === '_' || !lemma) continue;
    const key = (xpos === 'NNP' || xpos === 'NNPS' ? form : form.toLowerCase()) + '\t' + xpos;
    let m = counts.get(key);
    if (!m) counts.set(key, (m = new Map()));
    m.set(lemma, (m.get(lemma) ?? 0) + 1);
  }
  const out: string[] = [];
  for (const key of [...counts.keys()].sort()) {
    const m = counts.get(key)!;
    let best = '';
    let bc = -1;
    for (const [l, c] of [...m.entries()].sort((a, b) => (a[0] < b[0] ? -1 : 1))) if (c > bc) { best = l; bc = c; }
    const [form, xpos] = key.split('\t') as [string, string];
    if (ruleLemma(form, xpos) !== best) out.push(`${key}\t${best}`);
  }
  return out;
}
