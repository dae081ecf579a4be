// The extract stage: Article + Doc -> the contract record (actors, quotes, events, stances).
import { SCHEMA_ID, type Actor, type Article, type Extraction, type Quote } from '../contract.js';
import type { Doc } from '../nlp/index.js';
import { findActors } from './actors.js';
import { findEvents } from './events.js';
import { findQuotes } from './quotes.js';
import { findStances } from './stances.js';
import { repairParse } from './parse-repair.js';

export interface ExtractOptions {
  /** Page furniture to leave out: bylines, "Source link" lines, a repeated headline. */
  ignore?: Array<{ start: number; end: number }>;
}

export function extract(article: Article, given: Doc, options: ExtractOptions = {}): Extraction {
  const ignore = options.ignore ?? [];
  const doc = repairParse(given);
  const index = findActors(doc, ignore);
  const named = index.actors.length;
  const quotes = findQuotes(doc, index, ignore);
  const events = findEvents(doc, index, article.published, ignore, quotes);
  const quotesWithSpeakers = quotesSpokenByLaterActors(quotes, index.actors);
  const stances = findStances(doc, index, quotesWithSpeakers, events, ignore);
  return withoutUnusedActors({ schema: SCHEMA_ID, article, actors: index.actors, quotes: quotesWithSpeakers, events, stances }, named);
}

/**
 * "The Rapid Support Forces, which ..., said": a group the entity model missed becomes an actor only when the
 * event coder meets it, after the quotes were read; a quote whose speaker phrase names it is then its quote.
 */
function quotesSpokenByLaterActors(quotes: Quote[], actors: Actor[]): Quote[] {
  return quotes.map((q) => {
    const phrase = q.speakerMention;
    if (q.speaker || !phrase) return q;
    const named = actors.filter((a) => a.type !== 'country' && a.type !== 'location' && a.mentions.some((m) => m.start >= phrase.start && m.end === phrase.end));
    return named.length === 1 ? { ...q, speaker: named[0]!.id } : q;
  });
}

/**
 * Groups and countries taken as actors only while reading a possible event ("110 million people") stay in the
 * record only if an event, quote or stance they were made for kept them; ids are renumbered to stay a1..aN.
 */
function withoutUnusedActors(record: Extraction, named: number): Extraction {
  const used = new Set<string>();
  for (const q of record.quotes) if (q.speaker) used.add(q.speaker);
  for (const e of record.events) for (const id of [...e.source, ...e.target]) used.add(id);
  for (const s of record.stances) used.add(s.holder);
  const kept = record.actors.filter((a, k) => k < named || used.has(a.id));
  if (kept.length === record.actors.length) return record;
  const renamed = new Map(kept.map((a, k) => [a.id, `a${k + 1}`]));
  const id = (old: string): string => renamed.get(old)!;
  return {
    ...record,
    actors: kept.map((a) => ({ ...a, id: id(a.id) })),
    quotes: record.quotes.map((q) => ({ ...q, speaker: q.speaker === null ? null : id(q.speaker) })),
    events: record.events.map((e) => ({ ...e, source: e.source.map(id), target: e.target.map(id) })),
    stances: record.stances.map((s) => ({ ...s, holder: id(s.holder) })),
  };
}
