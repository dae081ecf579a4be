// Turns free text typed by a user into an FTS5 query that can never be a syntax error.

const HAS_WORD_CHARACTER = /[\p{L}\p{N}]/u;

/**
 * Every whitespace-separated word, or "balanced quoted phrase", becomes one quoted FTS5 string, so operators,
 * column filters, hyphens and parentheses are taken literally; a trailing * keeps its prefix meaning.
 * The terms are ANDed. Returns null when nothing searchable is left.
 */
export function toFtsQuery(input: string): string | null {
  const terms: string[] = [];
  for (const match of input.matchAll(/"([^"]*)"(\*?)|(\S+)/g)) {
    const raw = match[1] ?? match[3] ?? '';
    const prefix = match[2] === '*' || (match[3] !== undefined && raw.endsWith('*'));
    const term = raw.replace(/["*]/g, ' ').trim();
    if (!HAS_WORD_CHARACTER.test(term)) continue;
    terms.push(`"${term}"${prefix ? '*' : ''}`);
  }
  return terms.length > 0 ? terms.join(' ') : null;
}
