// Stances: an actor's stated position for or against something, read from what they are quoted or reported as
// saying, with the polarity words of that statement and the noun phrase it is about.
import type { Quote, Span, Stance } from '../contract.js';
import type { Doc, Token } from '../nlp/index.js';

const OPPOSE = [
  'reject', 'rejects', 'rejected', 'unacceptable', 'premature', 'oppose', 'opposes', 'opposed', 'against', 'condemn',
  'condemned', 'refuse', 'refused', 'dangerous', 'object', 'objects', 'objected', 'threat', 'never', 'dismissed',
  'warned', 'concern', 'mistake', 'without us', 'not accept', 'won’t accept', "won't accept", 'cannot accept',
  'veto', 'rule out', 'ruled out', 'illegal', 'provocation', 'reckless', 'undermine', 'undermines',
];
const SUPPORT = [
  'suggest', 'suggesting', 'suggested', 'call for', 'called for', 'back', 'backed', 'backing', 'support', 'supports',
  'welcome', 'welcomed', 'need to', 'needs to', 'would require', 'require', 'must', 'should', 'want', 'propose',
  'proposed', 'urge', 'urged', 'favour', 'favor', 'necessity', 'important', 'endorse', 'endorsed', 'possibility',
  'appoint', 'restore', 'optimism', 'positive', 'constructive', 'agree', 'step',
];
const STOP = new Set(['the', 'a', 'an', 'any', 'all', 'its', 'their', 'his', 'her', 'this', 'that', 'of', 'to', 'as', 'on', 'for']);
const ISSUE_POS = new Set(['NOUN', 'PROPN', 'ADJ']);

export function findStances(doc: Doc, quotes: Quote[]): Stance[] {
  const stances: Array<Omit<Stance, 'id'>> = [];
  for (const quote of quotes) {
    if (!quote.speaker) continue;
    const text = `${quote.cue?.text ?? ''} ${quote.content.text}`.toLowerCase();
    const oppose = countHits(text, OPPOSE_PATTERNS);
    const support = countHits(text, SUPPORT_PATTERNS);
    if (oppose === 0 && support === 0) continue;
    const issue = issueOf(doc, quote.content);
    if (!issue) continue;
    stances.push({
      holder: quote.speaker,
      issue,
      polarity: oppose > 0 && oppose >= support ? 'oppose' : 'support',
      evidence: quote.content,
      quote: quote.id,
    });
  }
  return stances.map((s, i) => ({ id: `s${i + 1}`, ...s }));
}

const wordPattern = (cue: string) => new RegExp(`(^|[^\\p{L}])${cue.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}([^\\p{L}]|$)`, 'u');
const OPPOSE_PATTERNS = OPPOSE.map(wordPattern);
const SUPPORT_PATTERNS = SUPPORT.map(wordPattern);

function countHits(text: string, patterns: RegExp[]): number {
  return patterns.filter((p) => p.test(text)).length;
}

/** The first noun phrase of the statement with a noun in it, as a short label. */
function issueOf(doc: Doc, span: Span): string | null {
  const tokens = doc.tokens.filter((t) => t.start >= span.start && t.end <= span.end);
  let best: Token[] = [];
  let current: Token[] = [];
  const flush = () => {
    if (current.some((t) => t.upos === 'NOUN' || t.upos === 'PROPN') && current.length > best.length) best = current;
    current = [];
  };
  for (const token of tokens) {
    const joins = token.text === 'of' || token.text === 'in' || token.text === 'to';
    if (ISSUE_POS.has(token.upos) || (joins && current.length > 0)) current.push(token);
    else flush();
    if (best.length >= 3) break;
  }
  flush();
  while (best.length && STOP.has(best[best.length - 1]!.text.toLowerCase())) best.pop();
  const words = best.map((t) => t.text).filter((w) => !STOP.has(w.toLowerCase()) || w === 'of' || w === 'in' || w === 'to');
  if (words.length === 0) return null;
  return words.slice(0, 6).join(' ');
}
