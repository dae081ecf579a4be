// Exports of the store for other tools: JSON Lines (the contract records), CSV (one table per kind of fact),
// schema.org JSON-LD, and a GDELT-style events table. Records are read from the store a batch at a time and written
// as they come (awaiting the sink, so a slow file or pipe holds the reading back): a large store is never held in
// memory. The order is the store's ingestion order.
import { createHash } from 'node:crypto';
import type { Writable } from 'node:stream';
import type { Actor, ActorType, Extraction, PloverType } from '../contract.js';
import { nameKey, type Store } from '../kb/index.js';

export const EXPORT_FORMATS = ['jsonl', 'csv', 'jsonld', 'gdelt'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];
export const EXPORT_KINDS = ['quotes', 'events', 'stances'] as const;
export type ExportKind = (typeof EXPORT_KINDS)[number];

export interface ExportOptions {
  format: ExportFormat;
  /**
   * csv: the table to write (required). jsonl: one line per quote, event or stance (with its article's id, date,
   * outlet and story) instead of one contract record per article. Not used by jsonld and gdelt.
   */
  kind?: ExportKind;
  /** Records read from the store at a time. */
  batchSize?: number;
}

/** Where the output goes: a function that takes the next piece (and may return a promise to wait on). */
export type Sink = (chunk: string) => void | Promise<void>;

export interface ExportResult {
  articles: number;
  /** Lines, rows or graph nodes written (headers excluded). */
  items: number;
}

/** A sink over a writable stream that waits for 'drain' when the stream's buffer is full. */
export function streamSink(stream: Writable): Sink {
  return (chunk) => {
    if (stream.write(chunk)) return;
    return new Promise<void>((resolve, reject) => {
      const done = (error?: Error) => {
        stream.off('drain', onDrain);
        stream.off('error', done);
        if (error) reject(error);
        else resolve();
      };
      const onDrain = () => done();
      stream.once('drain', onDrain);
      stream.once('error', done);
    });
  };
}

export async function exportStore(store: Store, options: ExportOptions, write: Sink): Promise<ExportResult> {
  const records = store.eachRecord({ batchSize: options.batchSize });
  switch (options.format) {
    case 'jsonl':
      return exportJsonl(records, options.kind, write);
    case 'csv':
      if (!options.kind) throw new Error('a CSV export needs a kind: quotes, events or stances');
      return exportCsv(records, options.kind, write);
    case 'jsonld':
      return exportJsonLd(records, write);
    case 'gdelt':
      return exportGdelt(store, records, write);
    default:
      throw new Error(`unknown export format "${String(options.format)}"`);
  }
}

type Records = AsyncIterable<{ record: Extraction; storyId: string }>;

function namesOf(record: Extraction): (id: string | null) => string | null {
  const names = new Map(record.actors.map((a) => [a.id, a.name]));
  return (id) => (id === null ? null : names.get(id) ?? null);
}

// ---- JSON Lines -------------------------------------------------------------------------------------------------

async function exportJsonl(records: Records, kind: ExportKind | undefined, write: Sink): Promise<ExportResult> {
  let articles = 0;
  let items = 0;
  for await (const { record, storyId } of records) {
    articles++;
    if (!kind) {
      await write(JSON.stringify(record) + '\n');
      items++;
      continue;
    }
    const { id: articleId, published, outlet, url } = record.article;
    const about = { articleId, published, outlet, url, storyId };
    const name = namesOf(record);
    const lines =
      kind === 'quotes' ? record.quotes.map((q) => ({ ...about, ...q, speakerName: name(q.speaker) }))
      : kind === 'events' ? record.events.map((e) => ({
        ...about, ...e, sourceNames: e.source.map((id) => name(id)), targetNames: e.target.map((id) => name(id)),
      }))
      : record.stances.map((s) => ({ ...about, ...s, holderName: name(s.holder) }));
    for (const line of lines) {
      await write(JSON.stringify(line) + '\n');
      items++;
    }
  }
  return { articles, items };
}

// ---- CSV (RFC 4180) -----------------------------------------------------------------------------------------------

export const CSV_COLUMNS: Record<ExportKind, readonly string[]> = {
  quotes: ['article_id', 'date', 'outlet', 'speaker', 'kind', 'content', 'cue', 'quote_id', 'url', 'story_id'],
  events: ['id', 'date', 'type', 'mode', 'sources', 'targets', 'location', 'modality', 'negated', 'evidence', 'article_id', 'story_id'],
  stances: ['holder', 'issue', 'polarity', 'date', 'evidence', 'article_id', 'stance_id', 'quote_id', 'story_id'],
};

/** A field quoted when it holds a comma, a double quote, CR or LF (quotes doubled); null is the empty field. */
export function csvField(value: string | number | boolean | null): string {
  if (value === null) return '';
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvRow(values: Array<string | number | boolean | null>): string {
  return values.map(csvField).join(',') + '\r\n';
}

async function exportCsv(records: Records, kind: ExportKind, write: Sink): Promise<ExportResult> {
  await write(csvRow([...CSV_COLUMNS[kind]]));
  let articles = 0;
  let items = 0;
  for await (const { record, storyId } of records) {
    articles++;
    const { id: articleId, published, outlet, url } = record.article;
    const name = namesOf(record);
    const names = (ids: string[]) => ids.map((id) => name(id) ?? id).join('; ');
    const rows: Array<Array<string | number | boolean | null>> =
      kind === 'quotes' ? record.quotes.map((q) => [
        articleId, published, outlet, name(q.speaker), q.kind, q.content.text, q.cue?.text ?? null, q.id, url, storyId,
      ])
      : kind === 'events' ? record.events.map((e) => [
        `${articleId}/${e.id}`, e.date ?? published, e.type, e.mode, names(e.source), names(e.target), e.location,
        e.modality, e.negated, e.evidence.text, articleId, storyId,
      ])
      : record.stances.map((s) => [
        name(s.holder), s.issue, s.polarity, published, s.evidence.text, articleId, s.id, s.quote, storyId,
      ]);
    for (const row of rows) {
      await write(csvRow(row));
      items++;
    }
  }
  return { articles, items };
}

// ---- JSON-LD (schema.org) ---------------------------------------------------------------------------------------

export const JSONLD_CONTEXT = ['https://schema.org', { parley: 'urn:parley:vocab#' }] as const;

const SCHEMA_TYPES: Record<ActorType, string> = {
  person: 'Person',
  organization: 'Organization',
  group: 'Organization',
  country: 'Country',
  location: 'Place',
};

export function articleIri(articleId: string): string {
  return `urn:parley:article:${articleId}`;
}

export function actorIri(actor: Pick<Actor, 'name'>): string {
  return `urn:parley:actor:${encodeURIComponent(nameKey(actor.name)).replace(/%20/g, '-')}`;
}

function actorNode(actor: Actor): Record<string, unknown> {
  const node: Record<string, unknown> = { '@type': SCHEMA_TYPES[actor.type], '@id': actorIri(actor), name: actor.name };
  if (actor.type === 'country' && actor.country) node.identifier = actor.country;
  if (actor.type === 'person') {
    if (actor.roles.length > 0) node.jobTitle = actor.roles.length === 1 ? actor.roles[0] : actor.roles;
    if (actor.country) node.nationality = { '@type': 'Country', identifier: actor.country };
  } else if (actor.type !== 'country' && actor.country) {
    node.location = { '@type': 'Country', identifier: actor.country };
  }
  return node;
}

/**
 * One JSON document, `{"@context": ..., "@graph": [...]}`, written node by node: per article a NewsArticle (author
 * from the byline, publisher from the outlet), each actor the first time its name key is seen (Person, Organization,
 * Country or Place), a Quotation per quote (spokenByCharacter and creator its speaker, isPartOf its article), an
 * Event per event and a Claim per stance (their PLOVER and stance fields in the parley: vocabulary).
 */
async function exportJsonLd(records: Records, write: Sink): Promise<ExportResult> {
  await write(`{"@context":${JSON.stringify(JSONLD_CONTEXT)},"@graph":[`);
  const seenActors = new Set<string>();
  let articles = 0;
  let items = 0;
  const node = async (value: Record<string, unknown>) => {
    await write((items === 0 ? '\n' : ',\n') + JSON.stringify(value));
    items++;
  };
  for await (const { record, storyId } of records) {
    articles++;
    const { article } = record;
    const self = articleIri(article.id);
    const ref = new Map(record.actors.map((a) => [a.id, { '@id': actorIri(a) }]));
    const refs = (ids: string[]) => ids.flatMap((id) => (ref.has(id) ? [ref.get(id)!] : []));
    await node(compact({
      '@type': 'NewsArticle',
      '@id': self,
      identifier: article.id,
      headline: article.title,
      datePublished: article.published,
      url: article.url,
      inLanguage: article.language,
      author: article.byline ? { '@type': 'Person', name: article.byline } : null,
      publisher: article.outlet ? { '@type': 'Organization', name: article.outlet } : null,
      isBasedOn: article.url ? null : article.source,
      mentions: refs(record.actors.map((a) => a.id)),
      'parley:story': storyId === article.id ? null : { '@id': articleIri(storyId) },
      articleBody: article.text,
    }));
    for (const actor of record.actors) {
      const iri = actorIri(actor);
      if (seenActors.has(iri)) continue;
      seenActors.add(iri);
      await node(actorNode(actor));
    }
    for (const q of record.quotes) {
      const speaker = q.speaker === null ? null : ref.get(q.speaker) ?? null;
      await node(compact({
        '@type': 'Quotation',
        '@id': `${self}#${q.id}`,
        text: q.content.text,
        spokenByCharacter: speaker,
        creator: speaker,
        isPartOf: { '@id': self },
        dateCreated: article.published,
        'parley:kind': q.kind,
        'parley:cue': q.cue?.text ?? null,
      }));
    }
    for (const e of record.events) {
      await node(compact({
        '@type': 'Event',
        '@id': `${self}#${e.id}`,
        name: e.type,
        additionalType: `https://github.com/openeventdata/PLOVER#${e.type}`,
        startDate: e.date ?? article.published,
        location: e.location ? { '@type': 'Place', name: e.location } : null,
        attendee: refs([...e.source, ...e.target]),
        description: e.evidence.text,
        subjectOf: { '@id': self },
        'parley:source': refs(e.source),
        'parley:target': refs(e.target),
        'parley:mode': e.mode,
        'parley:negated': e.negated,
        'parley:modality': e.modality,
      }));
    }
    for (const s of record.stances) {
      await node(compact({
        '@type': 'Claim',
        '@id': `${self}#${s.id}`,
        author: ref.get(s.holder) ?? null,
        about: s.issue,
        text: s.evidence.text,
        appearance: { '@id': self },
        'parley:polarity': s.polarity,
        'parley:quote': s.quote === null ? null : { '@id': `${self}#${s.quote}` },
      }));
    }
  }
  await write('\n]}\n');
  return { articles, items };
}

/** Drops null properties and empty lists. */
function compact(value: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== null && v !== undefined && !(Array.isArray(v) && v.length === 0)));
}

// ---- GDELT-style events TSV -------------------------------------------------------------------------------------

export const GDELT_COLUMNS = [
  'GLOBALEVENTID', 'SQLDATE', 'MonthYear', 'Year', 'FractionDate',
  'Actor1Name', 'Actor1CountryCode', 'Actor1Type', 'Actor2Name', 'Actor2CountryCode', 'Actor2Type',
  'IsRootEvent', 'EventCode', 'EventMode', 'QuadClass', 'QuadClassName', 'Negated', 'Modality',
  'NumArticles', 'ActionGeo_FullName', 'DATEADDED', 'SOURCEURL',
  'ArticleId', 'EventId', 'StoryId', 'Actor1AllNames', 'Actor2AllNames', 'Evidence',
] as const;

/**
 * GDELT's quad classes for PLOVER categories, by analogy with the CAMEO roots they replace: statements, consults
 * and support are verbal cooperation; conceding, cooperating, aid and retreat material cooperation; requests,
 * accusations, rejections and threats verbal conflict; protest, sanctions, mobilisation, coercion and assault
 * material conflict.
 */
export const QUAD_CLASS: Record<PloverType, 1 | 2 | 3 | 4> = {
  AGREE: 1, CONSULT: 1, SUPPORT: 1,
  CONCEDE: 2, COOPERATE: 2, AID: 2, RETREAT: 2,
  REQUEST: 3, ACCUSE: 3, REJECT: 3, THREATEN: 3,
  PROTEST: 4, SANCTION: 4, MOBILIZE: 4, COERCE: 4, ASSAULT: 4,
};
const QUAD_NAMES = ['', 'Verbal Cooperation', 'Material Cooperation', 'Verbal Conflict', 'Material Conflict'] as const;

/** A stable 52-bit event id: the first 13 hex digits of SHA-256 of article id and event id. */
export function globalEventId(articleId: string, eventId: string): number {
  return parseInt(createHash('sha256').update(`${articleId}/${eventId}`).digest('hex').slice(0, 13), 16);
}

/** A TSV field: tabs and line breaks become spaces (the format has no quoting). */
function tsvField(value: string | number | null): string {
  return value === null ? '' : String(value).replace(/[\t\r\n]+/g, ' ');
}

async function exportGdelt(store: Store, records: Records, write: Sink): Promise<ExportResult> {
  await write(GDELT_COLUMNS.join('\t') + '\n');
  const groupSizes = new Map<string, number>();
  let articles = 0;
  let items = 0;
  for await (const { record, storyId } of records) {
    articles++;
    const { article } = record;
    let size = groupSizes.get(storyId);
    if (size === undefined) {
      size = 1 + (await store.duplicates(article.id)).length;
      if (size > 1) groupSizes.set(storyId, size);
    }
    const actors = new Map(record.actors.map((a) => [a.id, a]));
    // The lead: the first paragraph of the text with words in it (GDELT's IsRootEvent: the event is in the lead).
    const lead = leadParagraphEnd(article.text);
    const added = /^\d{4}-\d{2}-\d{2}/.test(article.published ?? '') ? article.published!.replace(/-/g, '') : '';
    for (const e of record.events) {
      const date = e.date ?? article.published;
      const a1 = actors.get(e.source[0] ?? '');
      const a2 = actors.get(e.target[0] ?? '');
      const quad = QUAD_CLASS[e.type];
      const row = [
        globalEventId(article.id, e.id),
        date ? date.replace(/-/g, '') : null,
        date ? date.slice(0, 7).replace('-', '') : null,
        date ? date.slice(0, 4) : null,
        date ? fractionDate(date) : null,
        a1?.name ?? null, a1?.country ?? null, a1?.type.toUpperCase() ?? null,
        a2?.name ?? null, a2?.country ?? null, a2?.type.toUpperCase() ?? null,
        e.evidence.start < lead ? 1 : 0,
        e.type, e.mode, quad, QUAD_NAMES[quad], e.negated ? 1 : 0, e.modality,
        size, e.location, added || null, article.url ?? article.source,
        article.id, e.id, storyId,
        e.source.map((id) => actors.get(id)?.name ?? id).join('; '),
        e.target.map((id) => actors.get(id)?.name ?? id).join('; '),
        e.evidence.text,
      ];
      await write(row.map(tsvField).join('\t') + '\n');
      items++;
    }
  }
  return { articles, items };
}

function leadParagraphEnd(text: string): number {
  const paragraphs = /[^\n]*\p{L}[^\n]*(?:\n(?!\s*\n)[^\n]*)*/gu;
  for (const match of text.matchAll(paragraphs)) {
    // Skip a short title-like line (a scraped page's headline or byline).
    if (match[0].trim().split(/\s+/).length >= 12) return match.index + match[0].length;
  }
  return text.length;
}

/** GDELT's FractionDate: the year plus the fraction of it elapsed, four decimals. */
function fractionDate(date: string): string {
  const year = Number(date.slice(0, 4));
  const start = Date.UTC(year, 0, 1);
  const day = (Date.parse(`${date}T00:00:00Z`) - start) / 86_400_000;
  return (year + day / 365).toFixed(4);
}
