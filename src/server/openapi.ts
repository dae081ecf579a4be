// The OpenAPI 3.1 description of the API, written by hand. test/server.test.ts checks that it lists every route.
import { ACTOR_TYPES, MODALITIES, PLOVER_TYPES, QUOTE_KINDS, SCHEMA_ID } from '../contract.js';

// ---- the part of OpenAPI 3.1 this document uses ---------------------------------------------------------------------

type Schema =
  | { $ref: string; description?: string }
  | {
      type?: string | string[];
      description?: string;
      enum?: readonly (string | number | boolean | null)[];
      const?: string;
      format?: string;
      pattern?: string;
      minimum?: number;
      maximum?: number;
      minLength?: number;
      default?: unknown;
      items?: Schema;
      properties?: Record<string, Schema>;
      required?: string[];
      additionalProperties?: boolean | Schema;
      oneOf?: Schema[];
      allOf?: Schema[];
      examples?: unknown[];
    };

interface Parameter {
  name: string;
  in: 'query' | 'path' | 'header';
  required?: boolean;
  description?: string;
  schema: Schema;
}

interface Response {
  description: string;
  content?: Record<string, { schema: Schema }>;
  headers?: Record<string, { description: string; schema: Schema }>;
}

interface Operation {
  operationId: string;
  summary: string;
  description?: string;
  tags?: string[];
  parameters?: Parameter[];
  requestBody?: { required: boolean; content: Record<string, { schema: Schema }> };
  responses: Record<string, Response>;
  security?: Array<Record<string, string[]>>;
}

export interface OpenApiDocument {
  openapi: '3.1.0';
  info: { title: string; version: string; description: string; license: { name: string; identifier: string } };
  servers: Array<{ url: string; description?: string }>;
  tags: Array<{ name: string; description: string }>;
  paths: Record<string, Partial<Record<'get' | 'post', Operation>>>;
  components: {
    schemas: Record<string, Schema>;
    responses: Record<string, Response>;
    securitySchemes: Record<string, { type: 'http'; scheme: 'bearer'; description: string }>;
  };
}

// ---- building blocks ------------------------------------------------------------------------------------------

const ref = (name: string): Schema => ({ $ref: `#/components/schemas/${name}` });
const str: Schema = { type: 'string' };
const nullableStr: Schema = { type: ['string', 'null'] };
const int: Schema = { type: 'integer', minimum: 0 };
const date: Schema = { type: 'string', format: 'date', pattern: '^\\d{4}-\\d{2}-\\d{2}$' };
const nullableDate: Schema = { type: ['string', 'null'], format: 'date' };
const obj = (properties: Record<string, Schema>, required: string[] = Object.keys(properties), description?: string): Schema => ({
  type: 'object', properties, required, ...(description ? { description } : {}),
});
const arrayOf = (items: Schema): Schema => ({ type: 'array', items });
const json = (schema: Schema, description: string): Response => ({ description, content: { 'application/json': { schema } } });
/** Error responses of an operation; every API request may also meet its client's rate limit (429). */
const errors = (...codes: string[]): Record<string, Response> =>
  Object.fromEntries([...codes, '429'].map((code) => [code, { $ref: `#/components/responses/${code}` } as unknown as Response]));

const q = (name: string, description: string, schema: Schema = str): Parameter => ({ name, in: 'query', description, schema });
const limit = (fallback: number, max: number): Parameter =>
  q('limit', `Page size (1-${max}).`, { type: 'integer', minimum: 1, maximum: max, default: fallback });
const offset: Parameter = q('offset', 'Items to skip.', { type: 'integer', minimum: 0, default: 0 });
const fromTo: Parameter[] = [
  q('from', 'Earliest date, inclusive (YYYY-MM-DD).', date),
  q('to', 'Latest date, inclusive (YYYY-MM-DD).', date),
];
const ploverType: Schema = { type: 'string', enum: PLOVER_TYPES, description: 'PLOVER event category (case-insensitive).' };

const page = (item: string, withTotal: 'always' | 'sometimes', extra: Record<string, Schema> = {}): Schema => ({
  type: 'object',
  description: `One page. \`hasMore\` says whether another page follows; \`total\` ${withTotal === 'always' ? 'counts every matching item' : 'is given when counting is cheap (not for full-text searches)'}.`,
  properties: { items: arrayOf(ref(item)), limit: int, offset: int, hasMore: { type: 'boolean' }, total: int, ...extra },
  required: ['items', 'limit', 'offset', 'hasMore', ...Object.keys(extra)],
});

const articleRef = { articleId: str, articleTitle: nullableStr, published: nullableDate };

// ---- the document ---------------------------------------------------------------------------------------------

export const openApiDocument: OpenApiDocument = {
  openapi: '3.1.0',
  info: {
    title: 'Parley API',
    version: '1',
    description:
      'Actors, quotes, PLOVER events and stances extracted from political news, each pointing back at its ' +
      'characters in the article. Reads are open to the local machine; writes need `Authorization: Bearer ' +
      '<PARLEY_TOKEN>`. Errors are `{"error": "..."}` with a 4xx or 5xx status. Lists are paged with `limit` ' +
      'and `offset`. Each client has a budget of reads and of writes per minute; over it, 429 with `Retry-After`.',
    license: { name: 'MIT', identifier: 'MIT' },
  },
  servers: [{ url: '/', description: 'this server' }],
  tags: [
    { name: 'articles', description: 'Stored articles and their extraction records' },
    { name: 'actors', description: 'Actors grouped across articles by name key' },
    { name: 'quotes', description: 'Attributed quotes' },
    { name: 'events', description: 'PLOVER events' },
    { name: 'stances', description: 'Positions of actors on issues' },
    { name: 'reports', description: 'Briefings and summaries' },
    { name: 'meta', description: 'About the API' },
  ],
  paths: {
    '/api/articles': {
      get: {
        operationId: 'listArticles', tags: ['articles'], summary: 'List articles, newest first, or search them',
        description: 'With `q`, a full-text search over titles and texts (best match first) whose items carry a `snippet`.',
        parameters: [q('q', 'Full-text query: words are ANDed, "quoted phrases" and prefix* work.'), limit(20, 200), offset],
        responses: { 200: json(page('ArticleListItem', 'sometimes'), 'A page of articles'), ...errors('400', '403') },
      },
      post: {
        operationId: 'ingestArticle', tags: ['articles'], summary: 'Extract and store an article (idempotent)',
        description:
          'Runs the extraction pipeline and stores the record. The article id is the SHA-256 of its text, so posting ' +
          'the same text again stores nothing and answers 200 with `stored: false`. `{url}` fetches the page (15 s, ' +
          '10 MB); a feed URL stores each of its items and lists them in `articles`. URLs on loopback, private, ' +
          'link-local and other non-public addresses are refused (422) unless the server allows private URLs. ' +
          'Articles over 500,000 characters are refused (422).',
        security: [{ bearer: [] }],
        requestBody: { required: true, content: { 'application/json': { schema: ref('IngestRequest') } } },
        responses: {
          201: json(ref('IngestResult'), 'Stored'),
          200: json(ref('IngestResult'), 'Already stored; nothing changed'),
          ...errors('400', '401', '403', '413', '415', '422'),
        },
      },
    },
    '/api/articles/{id}': {
      get: {
        operationId: 'getArticle', tags: ['articles'], summary: 'One article: its full extraction record',
        parameters: [{ name: 'id', in: 'path', required: true, description: 'SHA-256 of the text, hex', schema: { type: 'string', pattern: '^[0-9a-f]{64}$' } }],
        responses: { 200: json(ref('ArticleRecord'), 'The contract record, plus actorKeys'), ...errors('400', '403', '404') },
      },
    },
    '/api/actors': {
      get: {
        operationId: 'listActors', tags: ['actors'], summary: 'Actors across articles, most reported first',
        parameters: [q('q', 'Keep actors whose name contains this (accents and case ignored).'), limit(20, 200), offset],
        responses: { 200: json(page('ActorSummary', 'always'), 'A page of actors'), ...errors('400', '403') },
      },
    },
    '/api/actors/{key}': {
      get: {
        operationId: 'getActor', tags: ['actors'], summary: "An actor's profile: roles with dates, quotes, stances, events",
        description: 'The key is the name key from the actor list; a full name, a unique surname or a unique mention also work. Quotes, stances and events are the newest `limit` of each; page on with /api/quotes, /api/stances and /api/events filtered by `actor`.',
        parameters: [{ name: 'key', in: 'path', required: true, description: 'Name key (e.g. "ingrid vatne dahl") or name', schema: str }, limit(20, 200)],
        responses: { 200: json(ref('ActorDetail'), 'The profile'), ...errors('400', '403', '404') },
      },
    },
    '/api/quotes': {
      get: {
        operationId: 'listQuotes', tags: ['quotes'], summary: 'Search quotes (with snippets) or list them newest first',
        parameters: [
          q('q', 'Full-text query over quote texts and speaker names; best match first.'),
          q('actor', "Only this speaker's quotes (name key or name)."), limit(20, 200), offset,
        ],
        responses: { 200: json(page('QuoteItem', 'sometimes'), 'A page of quotes'), ...errors('400', '403') },
      },
    },
    '/api/events': {
      get: {
        operationId: 'listEvents', tags: ['events'], summary: 'Events in date order, filtered',
        description: "An event's date is its own, else its article's; undated events come last.",
        parameters: [
          q('type', 'Only this PLOVER type.', ploverType), q('actor', 'Only events with this actor on either side.'),
          ...fromTo, q('order', 'Oldest (asc) or newest (desc) first.', { type: 'string', enum: ['asc', 'desc'], default: 'asc' }),
          limit(20, 200), offset,
        ],
        responses: { 200: json(page('EventItem', 'always'), 'A page of events'), ...errors('400', '403') },
      },
    },
    '/api/events/grouped': {
      get: {
        operationId: 'listGroupedEvents', tags: ['events'], summary: 'Events in date order with their reports grouped',
        description: 'Reports of one event (same type, modality and negation, a party in common on the same side or the sides swapped, '
          + 'no conflicting place, dates at most a day apart) become one item listing every report. Offsets are those of /api/events: '
          + 'a page holds the events whose first report falls in it; page on with `nextOffset`.',
        parameters: [
          q('type', 'Only this PLOVER type.', ploverType), q('actor', 'Only events with this actor on either side.'),
          ...fromTo, q('order', 'Oldest (asc) or newest (desc) first.', { type: 'string', enum: ['asc', 'desc'], default: 'asc' }),
          limit(20, 200), offset,
        ],
        responses: {
          200: json(page('ReportedEvent', 'always', { nextOffset: { type: ['integer', 'null'], minimum: 0 } }), 'A page of events, each with its reports'),
          ...errors('400', '403'),
        },
      },
    },
    '/api/stances': {
      get: {
        operationId: 'listStances', tags: ['stances'], summary: 'Stances newest first, filtered',
        parameters: [
          q('actor', 'Only this holder (name key or name).'), q('issue', 'Only this exact issue label.'),
          q('topic', 'Only issues whose label contains every word of this.'), ...fromTo, limit(20, 200), offset,
        ],
        responses: { 200: json(page('StanceItem', 'always'), 'A page of stances'), ...errors('400', '403') },
      },
    },
    '/api/stances/matrix': {
      get: {
        operationId: 'stanceMatrix', tags: ['stances'], summary: 'Actors x issues: where each stands, with evidence',
        description: 'Rows are the actors with the most stances on the chosen issues, columns the most discussed issues. A cell gives the polarity of the latest stance, its date, support and oppose counts and references to the evidence (article id + stance id + quote id), latest first.',
        parameters: [
          q('topic', 'Only issues whose label contains every word of this.'), ...fromTo,
          q('actors', 'Most rows.', { type: 'integer', minimum: 1, maximum: 200, default: 25 }),
          q('issues', 'Most columns.', { type: 'integer', minimum: 1, maximum: 100, default: 15 }),
          q('evidence', 'Most evidence references per cell.', { type: 'integer', minimum: 1, maximum: 50, default: 3 }),
        ],
        responses: { 200: json(ref('StanceMatrix'), 'The matrix'), ...errors('400', '403') },
      },
    },
    '/api/network': {
      get: {
        operationId: 'network', tags: ['events'], summary: 'Who met whom: actors linked by shared events',
        description: 'Everyone taking part in one event (asserted or historical, not negated) is linked to everyone else in it.',
        parameters: [
          q('type', 'Event type linking actors.', { ...ploverType, default: 'CONSULT' } as Schema), ...fromTo,
          q('nodes', 'Most actors, best connected first.', { type: 'integer', minimum: 1, maximum: 300, default: 40 }),
        ],
        responses: { 200: json(ref('Network'), 'Nodes and edges'), ...errors('400', '403') },
      },
    },
    '/api/brief': {
      get: {
        operationId: 'brief', tags: ['reports'], summary: 'A briefing of the stored story, as Markdown and HTML',
        parameters: [
          q('topic', 'Only articles containing every word of this.'), q('since', 'Only articles published on or after.', date),
          q('limit', 'Most articles read, newest first.', { type: 'integer', minimum: 1, maximum: 500, default: 100 }),
        ],
        responses: { 200: json(ref('Brief'), 'The briefing'), ...errors('400', '403') },
      },
    },
    '/api/stats': {
      get: {
        operationId: 'stats', tags: ['meta'], summary: 'How much the store holds',
        responses: { 200: json(ref('Stats'), 'Counts'), ...errors('403') },
      },
    },
    '/api/openapi.json': {
      get: {
        operationId: 'openapi', tags: ['meta'], summary: 'This document',
        responses: { 200: json({ type: 'object' }, 'OpenAPI 3.1'), ...errors() },
      },
    },
  },
  components: {
    securitySchemes: {
      bearer: { type: 'http', scheme: 'bearer', description: 'The PARLEY_TOKEN the server was started with.' },
    },
    responses: {
      400: json(ref('Error'), 'Invalid query, path or body (the message says which and why)'),
      401: json(ref('Error'), 'No or wrong bearer token'),
      403: json(ref('Error'), 'Writes disabled (no PARLEY_TOKEN set), or a read from another host'),
      404: json(ref('Error'), 'No such item or route'),
      413: json(ref('Error'), 'Body over 1 MB'),
      415: json(ref('Error'), 'Body not sent as application/json'),
      422: json(ref('Error'), 'Valid request, but no article could be read from it (unreadable, refused URL, too long)'),
      429: {
        ...json(ref('Error'), "Over this client's reads or writes per minute"),
        headers: { 'Retry-After': { description: 'Seconds until the next request will be accepted', schema: { type: 'integer', minimum: 1 } } },
      },
    },
    schemas: {
      Error: obj({ error: str }),
      Span: obj({ start: int, end: int, text: str }, ['start', 'end', 'text'], 'UTF-16 offsets into article.text, end exclusive; text equals the slice.'),
      SnippetPart: obj({ text: str, match: { type: 'boolean' } }),
      ActorRef: obj({ id: { type: 'string', description: 'Local id in the article (a1)' }, key: str, name: str, type: { type: 'string', enum: ACTOR_TYPES } }),
      ArticleSummary: obj({
        id: str, title: nullableStr, published: nullableDate, outlet: nullableStr, source: str, url: nullableStr,
        ingestedAt: { type: 'string', format: 'date-time' },
        counts: obj({ actors: int, quotes: int, events: int, stances: int }),
      }),
      ArticleListItem: {
        allOf: [ref('ArticleSummary'), { type: 'object', properties: { snippet: arrayOf(ref('SnippetPart')) } }],
      },
      ArticleRecord: {
        type: 'object',
        description: `The extraction record (schema ${SCHEMA_ID}; see the output contract), plus actorKeys: the name key of each actor, for /api/actors/{key}.`,
        properties: {
          schema: { type: 'string', const: SCHEMA_ID },
          article: obj({ id: str, source: str, title: nullableStr, published: nullableDate, outlet: nullableStr, url: nullableStr, byline: nullableStr, language: str, text: str }),
          actors: arrayOf(obj({ id: str, name: str, type: { type: 'string', enum: ACTOR_TYPES }, roles: arrayOf(str), country: nullableStr, mentions: arrayOf(ref('Span')) })),
          quotes: arrayOf(obj({ id: str, kind: { type: 'string', enum: QUOTE_KINDS }, content: ref('Span'), speaker: nullableStr, speakerMention: { oneOf: [ref('Span'), { type: 'null' }] }, cue: { oneOf: [ref('Span'), { type: 'null' }] } })),
          events: arrayOf(obj({ id: str, type: { type: 'string', enum: PLOVER_TYPES }, mode: nullableStr, source: arrayOf(str), target: arrayOf(str), location: nullableStr, date: nullableDate, negated: { type: 'boolean' }, modality: { type: 'string', enum: MODALITIES }, evidence: ref('Span') })),
          stances: arrayOf(obj({ id: str, holder: str, issue: str, polarity: { type: 'string', enum: ['support', 'oppose'] }, evidence: ref('Span'), quote: nullableStr })),
          actorKeys: { type: 'object', additionalProperties: str },
        },
        required: ['schema', 'article', 'actors', 'quotes', 'events', 'stances', 'actorKeys'],
      },
      ActorSummary: obj({
        key: str, name: str, type: { type: 'string', enum: ACTOR_TYPES }, country: nullableStr, roles: arrayOf(str),
        articleCount: int, quoteCount: int,
      }),
      ActorDetail: obj({
        key: str, name: str, type: { type: 'string', enum: ACTOR_TYPES }, country: nullableStr,
        articleCount: int, quoteCount: int, stanceCount: int, eventCount: int,
        roles: arrayOf(obj({ role: str, dates: arrayOf(date), articleCount: int })),
        quotes: arrayOf(ref('QuoteItem')), stances: arrayOf(ref('StanceItem')), events: arrayOf(ref('EventItem')),
      }),
      QuoteItem: obj(
        { ...articleRef, quoteId: str, kind: { type: 'string', enum: QUOTE_KINDS }, content: ref('Span'), speaker: { oneOf: [ref('ActorRef'), { type: 'null' }] }, snippet: arrayOf(ref('SnippetPart')) },
        ['articleId', 'articleTitle', 'published', 'quoteId', 'kind', 'content', 'speaker'],
      ),
      EventItem: obj({
        ...articleRef, eventId: str, type: { type: 'string', enum: PLOVER_TYPES }, mode: nullableStr,
        date: { ...nullableDate, description: "The event's date, else its article's" } as Schema, eventDate: nullableDate,
        location: nullableStr, negated: { type: 'boolean' }, modality: { type: 'string', enum: MODALITIES },
        evidence: ref('Span'), sources: arrayOf(ref('ActorRef')), targets: arrayOf(ref('ActorRef')),
      }),
      ReportedEvent: {
        allOf: [ref('EventItem'), obj({ reports: arrayOf(obj({ ...articleRef, eventId: str, evidence: ref('Span') })) })],
        description: 'The first report of an event, with every report of it (the first included)',
      },
      StanceItem: obj({
        ...articleRef, stanceId: str, holder: ref('ActorRef'), issue: str,
        polarity: { type: 'string', enum: ['support', 'oppose'] }, evidence: ref('Span'), quoteId: nullableStr,
      }),
      EvidenceRef: obj({ articleId: str, stanceId: str, quoteId: nullableStr, polarity: { type: 'string', enum: ['support', 'oppose'] }, published: nullableDate }),
      StanceMatrix: obj({
        topic: nullableStr,
        actors: arrayOf(obj({ key: str, name: str, type: { type: 'string', enum: ACTOR_TYPES }, stances: int })),
        issues: arrayOf(obj({ issue: str, stances: int })),
        cells: arrayOf(obj({
          actor: { type: 'string', description: 'Row: actor name key' }, issue: { type: 'string', description: 'Column' },
          polarity: { type: 'string', enum: ['support', 'oppose'], description: 'Of the latest stance' },
          latest: nullableDate, support: int, oppose: int, evidence: arrayOf(ref('EvidenceRef')),
        })),
      }),
      Network: obj({
        type: { type: 'string', enum: PLOVER_TYPES },
        nodes: arrayOf(obj({ key: str, name: str, type: { type: 'string', enum: ACTOR_TYPES }, degree: int })),
        edges: arrayOf(obj({ source: str, target: str, count: int, evidence: obj({ articleId: str, eventId: str, date: nullableDate }) })),
      }),
      Brief: obj({ topic: nullableStr, since: nullableDate, markdown: str, html: str }),
      Stats: obj({ articles: int, actors: int, quotes: int, events: int, stances: int }),
      IngestRequest: {
        oneOf: [
          obj({ text: { type: 'string', minLength: 1 }, title: nullableStr, url: nullableStr, published: nullableDate, outlet: nullableStr, byline: nullableStr }, ['text'], 'Plain text (front matter allowed)'),
          obj({ html: { type: 'string', minLength: 1 }, url: str }, ['html'], 'An HTML page'),
          obj({ url: { type: 'string', format: 'uri' } }, ['url'], 'An http(s) URL to fetch (page or feed)'),
        ],
      },
      IngestResult: obj(
        {
          id: str, title: nullableStr, published: nullableDate, stored: { type: 'boolean' },
          counts: obj({ actors: int, quotes: int, events: int, stances: int }),
          articles: { type: 'array', description: 'For a feed: one result per item', items: { type: 'object' } },
        },
        ['id', 'title', 'published', 'stored'],
      ),
    },
  },
};
