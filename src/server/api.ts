// The JSON API under /api/: validation (zod), paging, ingestion. Every error is `{error: "..."}` with a 4xx status.
import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { z } from 'zod';
import { PLOVER_TYPES, type Article, type Extraction } from '../contract.js';
import { articleFromHtml, articleFromText, readInputs, tooLongReason } from '../ingest/index.js';
import { groupedEvents, nameKey, type Store } from '../kb/index.js';
import { processArticle } from '../pipeline.js';
import { buildBriefing, renderHtml, renderMarkdown } from '../report/index.js';
import { openApiDocument } from './openapi.js';
import type { AuthResult } from './index.js';

export const PAGE_LIMIT_MAX = 200;
const BODY_LIMIT = 1024 * 1024;

// ---- query and body schemas -------------------------------------------------------------------------------------

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date as YYYY-MM-DD')
  .refine((value) => !Number.isNaN(Date.parse(value + 'T00:00:00Z')) && new Date(value + 'T00:00:00Z').toISOString().startsWith(value), 'is not a real date');

const count = (fallback: number, max: number) => z.coerce.number().int().min(1).max(max).default(fallback);
const paging = {
  limit: count(20, PAGE_LIMIT_MAX),
  offset: z.coerce.number().int().min(0).max(1_000_000_000).default(0),
};
const text = (max: number) => z.string().trim().max(max);
const ploverType = z.preprocess((value) => (typeof value === 'string' ? value.toUpperCase() : value), z.enum(PLOVER_TYPES));

export const Queries = {
  articles: z.object({ ...paging, q: text(500).optional() }),
  actors: z.object({ ...paging, q: text(200).optional() }),
  actor: z.object({ limit: count(20, PAGE_LIMIT_MAX) }),
  quotes: z.object({ ...paging, q: text(500).optional(), actor: text(200).optional() }),
  events: z.object({
    ...paging, type: ploverType.optional(), actor: text(200).optional(), from: isoDate.optional(), to: isoDate.optional(),
    order: z.enum(['asc', 'desc']).default('asc'),
  }),
  stances: z.object({
    ...paging, actor: text(200).optional(), issue: text(500).optional(), topic: text(200).optional(),
    from: isoDate.optional(), to: isoDate.optional(),
  }),
  matrix: z.object({
    topic: text(200).optional(), from: isoDate.optional(), to: isoDate.optional(),
    actors: count(25, 200), issues: count(15, 100), evidence: count(3, 50),
  }),
  network: z.object({ type: ploverType.default('CONSULT'), from: isoDate.optional(), to: isoDate.optional(), nodes: count(40, 300) }),
  brief: z.object({ topic: text(200).optional(), since: isoDate.optional(), limit: count(100, 500) }),
};

const httpUrl = z
  .string()
  .trim()
  .max(4000)
  .refine((value) => {
    try {
      return ['http:', 'https:'].includes(new URL(value).protocol);
    } catch {
      return false;
    }
  }, 'must be an http(s) URL');

const optionalText = (max: number) => z.string().max(max).nullish();

export const IngestBodies = {
  text: z.strictObject({
    text: z.string().min(1, 'must not be empty'),
    title: optionalText(1000),
    url: httpUrl.nullish(),
    published: isoDate.nullish(),
    outlet: optionalText(300),
    byline: optionalText(300),
  }),
  html: z.strictObject({ html: z.string().min(1, 'must not be empty'), url: httpUrl.optional() }),
  url: z.strictObject({ url: httpUrl }),
};

// ---- routes ---------------------------------------------------------------------------------------------------

/** A client error: becomes `{error: message}` with its status (the app's error handler answers it). */
export class ApiError extends Error {
  constructor(message: string, readonly status: 400 | 404 | 415 | 422 = 400) {
    super(message);
  }
}

function describeIssues(error: z.ZodError): string {
  return error.issues
    .map((issue) => `${issue.path.length > 0 ? issue.path.join('.') : 'request'}: ${issue.message}`)
    .join('; ');
}

function parse<T extends z.ZodType>(schema: T, value: unknown, what: string): z.infer<T> {
  const result = schema.safeParse(value);
  if (!result.success) throw new ApiError(`invalid ${what}: ${describeIssues(result.error)}`);
  return result.data;
}

function query<T extends z.ZodType>(c: Context, schema: T): z.infer<T> {
  return parse(schema, c.req.query(), 'query');
}

export function apiRoutes(store: Store, deps: { authorize: (c: Context) => AuthResult; allowPrivateUrls: boolean }): Hono {
  const api = new Hono();

  api.use('*', async (c, next) => {
    c.header('Cache-Control', 'no-store');
    await next();
  });

  api.get('/openapi.json', (c) => c.json(openApiDocument));

  api.get('/stats', async (c) => c.json(await store.stats()));

  api.get('/articles', async (c) => {
    const { limit, offset, q } = query(c, Queries.articles);
    return c.json(await store.listArticles({ limit, offset, q }));
  });

  api.get('/articles/:id', async (c) => {
    const id = c.req.param('id');
    if (!/^[0-9a-f]{64}$/.test(id)) throw new ApiError('an article id is 64 lowercase hex digits (the SHA-256 of its text)');
    const record = await store.getRecord(id);
    if (record === null) throw new ApiError(`no article ${id}`, 404);
    return c.json(withActorKeys(record));
  });

  api.post(
    '/articles',
    bodyLimit({
      maxSize: BODY_LIMIT,
      // The rest of the body is never read, so this connection cannot carry another request: say so.
      onError: (c) => c.json({ error: 'request body too large (the limit is 1 MB)' }, 413, { Connection: 'close' }),
    }),
    async (c) => {
      const auth = deps.authorize(c);
      if (!auth.ok) return c.json({ error: auth.error }, auth.status);
      const type = c.req.header('content-type') ?? '';
      if (!/^application\/([\w.+-]+\+)?json\s*(;|$)/i.test(type)) {
        throw new ApiError('send the body as JSON with Content-Type: application/json', 415);
      }
      let body: unknown;
      try {
        body = JSON.parse(await c.req.text());
      } catch {
        throw new ApiError('the request body is not valid JSON');
      }
      const articles = await articlesOfBody(body, deps.allowPrivateUrls);
      const results = [];
      for (const article of articles) results.push(await ingest(store, article));
      const first = results[0]!;
      const status = results.some((r) => r.stored) ? 201 : 200;
      return c.json(results.length === 1 ? first : { ...first, articles: results }, status);
    },
  );

  api.get('/actors', async (c) => {
    const { limit, offset, q } = query(c, Queries.actors);
    return c.json(await store.listActors({ limit, offset, q }));
  });

  api.get('/actors/:key', async (c) => {
    const { limit } = query(c, Queries.actor);
    const key = c.req.param('key');
    const profile = await store.actorDetail(key, { limit });
    if (profile === null) throw new ApiError(`no actor "${key}"`, 404);
    return c.json(profile);
  });

  api.get('/quotes', async (c) => {
    const { limit, offset, q, actor } = query(c, Queries.quotes);
    return c.json(await store.quotes({ limit, offset, q, actor }));
  });

  api.get('/events', async (c) => {
    const options = query(c, Queries.events);
    return c.json(await store.events(options));
  });

  api.get('/events/grouped', async (c) => {
    const options = query(c, Queries.events);
    return c.json(await groupedEvents(store, options));
  });

  api.get('/stances', async (c) => {
    const options = query(c, Queries.stances);
    return c.json(await store.stances(options));
  });

  api.get('/stances/matrix', async (c) => {
    const { topic, from, to, actors, issues, evidence } = query(c, Queries.matrix);
    const matrix = await store.stanceMatrix({ topic, from, to, maxActors: actors, maxIssues: issues, evidencePerCell: evidence });
    return c.json({ topic: topic ?? null, ...matrix });
  });

  api.get('/network', async (c) => {
    const { type, from, to, nodes } = query(c, Queries.network);
    return c.json({ type, ...(await store.network({ type, from, to, maxNodes: nodes })) });
  });

  api.get('/brief', async (c) => {
    const { topic, since, limit } = query(c, Queries.brief);
    const model = await buildBriefing(store, { topic, since, limit });
    // The HTML is the briefing renderer's own (escaped, citations linked), a fragment for the app's page.
    return c.json({ topic: topic ?? null, since: since ?? null, markdown: renderMarkdown(model), html: renderHtml(model, { document: false }) });
  });

  return api;
}

/** The contract record plus, beside it, the name key of each of its actors (for links to actor pages). */
function withActorKeys(record: Extraction): Extraction & { actorKeys: Record<string, string> } {
  return { ...record, actorKeys: Object.fromEntries(record.actors.map((actor) => [actor.id, nameKey(actor.name)])) };
}

async function articlesOfBody(body: unknown, allowPrivateUrls: boolean): Promise<Article[]> {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new ApiError('the body must be a JSON object: {text, title?, url?, published?, outlet?}, {html, url?} or {url}');
  }
  let article: Article;
  if ('text' in body) {
    const { text, ...meta } = parse(IngestBodies.text, body, 'body');
    article = articleFromText(text, { ...meta, source: meta.url ?? 'api' });
  } else if ('html' in body) {
    const { html, url } = parse(IngestBodies.html, body, 'body');
    try {
      article = articleFromHtml(html, url ?? 'api', url);
    } catch (error) {
      throw new ApiError(`cannot read the HTML: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`, 422);
    }
  } else if ('url' in body) {
    const { url } = parse(IngestBodies.url, body, 'body');
    const articles: Article[] = [];
    const errors: string[] = [];
    for await (const item of readInputs([url], { allowPrivateUrls })) {
      if (item.ok) articles.push(item.article);
      else errors.push(item.error);
    }
    // an error item already starts with the URL it is about
    if (articles.length === 0) throw new ApiError(`cannot ingest ${errors[0] ?? `${url}: no article found`}`, 422);
    return articles;
  } else {
    throw new ApiError('the body needs one of "text", "html" or "url"');
  }
  if (article.text.trim() === '') throw new ApiError('the article has no text', 422);
  const tooLong = tooLongReason(article);
  if (tooLong) throw new ApiError(tooLong, 422);
  return [article];
}

async function ingest(store: Store, article: Article) {
  const about = { id: article.id, title: article.title, published: article.published };
  if (await store.hasArticle(article.id)) return { ...about, stored: false };
  const { record } = processArticle(article);
  const { stored } = await store.put(record);
  return {
    ...about,
    stored,
    counts: { actors: record.actors.length, quotes: record.quotes.length, events: record.events.length, stances: record.stances.length },
  };
}
