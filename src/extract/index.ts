// The extract stage: Article + Doc -> the contract record (actors, quotes, events, stances).
import { SCHEMA_ID, type Article, type Extraction } from '../contract.js';
import type { Doc } from '../nlp/index.js';
import { findActors } from './actors.js';
import { findEvents } from './events.js';
import { findQuotes } from './quotes.js';
import { findStances } from './stances.js';

export interface ExtractOptions {
  /** Page furniture to leave out: bylines, "Source link" lines, a repeated headline. */
  ignore?: Array<{ start: number; end: number }>;
}

export function extract(article: Article, doc: Doc, options: ExtractOptions = {}): Extraction {
  const ignore = options.ignore ?? [];
  const index = findActors(doc, ignore);
  const quotes = findQuotes(doc, index, ignore);
  const events = findEvents(doc, index, article.published, ignore, quotes);
  const stances = findStances(doc, index, quotes, events, ignore);
  return { schema: SCHEMA_ID, article, actors: index.actors, quotes, events, stances };
}
