// The output contract (shared/contract/README.md): the record `parley extract --json` prints and the store keeps.
// Every stage after ingest speaks these shapes; fields may be added, never renamed or dropped.
import { z } from 'zod';

export const SCHEMA_ID = 'parley/extraction@1';

export const Span = z.object({
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  text: z.string(),
});
export type Span = z.infer<typeof Span>;

export const ArticleRecord = z.object({
  id: z.string().regex(/^[0-9a-f]{64}$/),
  source: z.string(),
  title: z.string().nullable(),
  published: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).nullable(),
  outlet: z.string().nullable(),
  url: z.string().nullable(),
  byline: z.string().nullable(),
  language: z.string(),
  text: z.string(),
});
export type Article = z.infer<typeof ArticleRecord>;

export const ACTOR_TYPES = ['person', 'organization', 'country', 'group', 'location'] as const;
export type ActorType = (typeof ACTOR_TYPES)[number];

export const ActorRecord = z.object({
  id: z.string(),
  name: z.string(),
  type: z.enum(ACTOR_TYPES),
  roles: z.array(z.string()),
  country: z.string().regex(/^[A-Z]{3}$/).nullable(),
  mentions: z.array(Span),
});
export type Actor = z.infer<typeof ActorRecord>;

export const QUOTE_KINDS = ['direct', 'indirect', 'mixed'] as const;
export type QuoteKind = (typeof QUOTE_KINDS)[number];

export const QuoteRecord = z.object({
  id: z.string(),
  kind: z.enum(QUOTE_KINDS),
  content: Span,
  speaker: z.string().nullable(),
  speakerMention: Span.nullable(),
  cue: Span.nullable(),
});
export type Quote = z.infer<typeof QuoteRecord>;

export const PLOVER_TYPES = [
  'AGREE', 'CONSULT', 'SUPPORT', 'CONCEDE', 'COOPERATE', 'AID', 'RETREAT', 'REQUEST',
  'ACCUSE', 'REJECT', 'THREATEN', 'PROTEST', 'SANCTION', 'MOBILIZE', 'COERCE', 'ASSAULT',
] as const;
export type PloverType = (typeof PLOVER_TYPES)[number];

export const MODALITIES = ['asserted', 'future', 'hypothetical', 'historical'] as const;
export type Modality = (typeof MODALITIES)[number];

export const EventRecord = z.object({
  id: z.string(),
  type: z.enum(PLOVER_TYPES),
  mode: z.string().nullable(),
  source: z.array(z.string()),
  target: z.array(z.string()),
  location: z.string().nullable(),
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).nullable(),
  negated: z.boolean(),
  modality: z.enum(MODALITIES),
  evidence: Span,
});
export type Event = z.infer<typeof EventRecord>;

export const StanceRecord = z.object({
  id: z.string(),
  holder: z.string(),
  issue: z.string(),
  polarity: z.enum(['support', 'oppose']),
  evidence: Span,
  quote: z.string().nullable(),
});
export type Stance = z.infer<typeof StanceRecord>;

export const ExtractionRecord = z.object({
  schema: z.literal(SCHEMA_ID),
  article: ArticleRecord,
  actors: z.array(ActorRecord),
  quotes: z.array(QuoteRecord),
  events: z.array(EventRecord),
  stances: z.array(StanceRecord),
});
export type Extraction = z.infer<typeof ExtractionRecord>;

/** Every span in a record must equal its slice of article.text; returns the spans that do not. */
export function spanErrors(record: Extraction): Span[] {
  const text = record.article.text;
  const spans: Span[] = [];
  for (const actor of record.actors) spans.push(...actor.mentions);
  for (const quote of record.quotes) {
    spans.push(quote.content);
    if (quote.cue) spans.push(quote.cue);
    if (quote.speakerMention) spans.push(quote.speakerMention);
  }
  for (const event of record.events) spans.push(event.evidence);
  for (const stance of record.stances) spans.push(stance.evidence);
  return spans.filter((s) => s.end < s.start || s.end > text.length || text.slice(s.start, s.end) !== s.text);
}
