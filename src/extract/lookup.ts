// Positional look-ups over a Doc's tokens and an article's actor mentions. The extractors ask "which tokens lie in
// this span" and "which mention covers this token" once per quote mark, cue or event; answering by a scan of the
// whole document made extraction quadratic in the article's length, so these answer by binary search or by an
// index built once per article.
import type { Doc, Token } from '../nlp/index.js';
import type { ActorIndex } from './actors.js';

/** Index of the first token that starts at or after `offset` (doc.tokens.length when none does). */
export function firstTokenFrom(doc: Doc, offset: number): number {
  const tokens = doc.tokens;
  let low = 0;
  let high = tokens.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (tokens[mid]!.start < offset) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** The tokens lying wholly inside [start, end), in order (tokens are sorted and never overlap). */
export function tokensBetween(doc: Doc, start: number, end: number): Token[] {
  const inside: Token[] = [];
  for (let k = firstTokenFrom(doc, start); k < doc.tokens.length && doc.tokens[k]!.end <= end; k++) inside.push(doc.tokens[k]!);
  return inside;
}

/** The token starting exactly at `offset`, if any. */
export function tokenStartingAt(doc: Doc, offset: number): Token | undefined {
  const token = doc.tokens[firstTokenFrom(doc, offset)];
  return token?.start === offset ? token : undefined;
}

export type Mention = ActorIndex['mentions'][number];

export interface MentionLookup {
  /** The first mention (in index order) whose tokens include token k. */
  covering(k: number): Mention | undefined;
  /** The first mention starting at token k. */
  startingAt(k: number): Mention | undefined;
  /** Mentions whose last token is k - 1, in index order. */
  endingAt(k: number): Mention[];
  /** Mentions whose span lies inside [start, end), in index order. */
  within(start: number, end: number): Mention[];
}

const lookups = new WeakMap<ActorIndex, MentionLookup>();

/** Built once per ActorIndex; `index.mentions` is sorted by span start. */
export function mentionLookup(index: ActorIndex): MentionLookup {
  const cached = lookups.get(index);
  if (cached) return cached;
  const covering = new Map<number, Mention>();
  const starting = new Map<number, Mention>();
  const ending = new Map<number, Mention[]>();
  for (const m of index.mentions) {
    for (let k = m.tokenStart; k < m.tokenEnd; k++) if (!covering.has(k)) covering.set(k, m);
    if (!starting.has(m.tokenStart)) starting.set(m.tokenStart, m);
    const list = ending.get(m.tokenEnd);
    if (list) list.push(m);
    else ending.set(m.tokenEnd, [m]);
  }
  const mentions = index.mentions;
  const lookup: MentionLookup = {
    covering: (k) => covering.get(k),
    startingAt: (k) => starting.get(k),
    endingAt: (k) => ending.get(k) ?? [],
    within: (start, end) => {
      let low = 0;
      let high = mentions.length;
      while (low < high) {
        const mid = (low + high) >>> 1;
        if (mentions[mid]!.span.start < start) low = mid + 1;
        else high = mid;
      }
      const found: Mention[] = [];
      for (let i = low; i < mentions.length && mentions[i]!.span.start < end; i++) {
        if (mentions[i]!.span.end <= end) found.push(mentions[i]!);
      }
      return found;
    },
  };
  lookups.set(index, lookup);
  return lookup;
}
