// Turns free text typed by a user into a full-text query that can never be a syntax error: an FTS5 query for
// SQLite, a tsquery for PostgreSQL, both from the same terms.

const HAS_WORD_CHARACTER = /[\p{L}\p{N}]/u;

/** One search term: a word or a quoted phrase, all of whose words must occur in order; `prefix` for a trailing *. */
export interface SearchTerm {
  text: string;
  prefix: boolean;
}

/**
 * Every whitespace-separated word, or "balanced quoted phrase", is one term, so operators, column filters, hyphens
 * and parentheses are taken literally; a trailing * keeps its prefix meaning. Terms without a letter or digit are
 * dropped. The terms are ANDed.
 */
export function searchTerms(input: string): SearchTerm[] {
  const terms: SearchTerm[] = [];
  for (const match of input.matchAll(/"([^"]*)"(\*?)|(\S+)/g)) {
    const raw = match[1] ?? match[3] ?? '';
    const prefix = match[2] === '*' || (match[3] !== undefined && raw.endsWith('*'));
    const text = raw.replace(/["*]/g, ' ').trim();
    if (HAS_WORD_CHARACTER.test(text)) terms.push({ text, prefix });
  }
  return terms;
}

/** The terms as one quoted FTS5 string each; null when nothing searchable is left. */
export function toFtsQuery(input: string): string | null {
  const terms = searchTerms(input).map((term) => `"${term.text}"${term.prefix ? '*' : ''}`);
  return terms.length > 0 ? terms.join(' ') : null;
}

/**
 * The terms as a tsquery for to_tsquery(): each term one quoted lexeme literal (the text search configuration
 * splits it into a phrase, as for the document), :* for a prefix, all of them ANDed. Quotes and backslashes are
 * escaped inside the literal, so the text is never read as operators. Null when nothing searchable is left.
 */
export function toTsQuery(input: string): string | null {
  const terms = searchTerms(input).map((term) => `'${term.text.replace(/['\\]/g, (c) => c + c)}'${term.prefix ? ':*' : ''}`);
  return terms.length > 0 ? terms.join(' & ') : null;
}
