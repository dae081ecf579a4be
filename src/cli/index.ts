// `parley`: the command line. Each command wires the stages together; exit codes: 0 all ok, 1 some inputs failed,
// 2 usage error.
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { createWriteStream, mkdirSync, readFileSync, type WriteStream } from 'node:fs';
import { finished } from 'node:stream/promises';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { readInputs, type IngestItem } from '../ingest/index.js';
import { analysisRecord } from '../nlp/index.js';
import { processArticle } from '../pipeline.js';
import { defaultStoreLocation, describeStoreLocation, openStore, type Store } from '../kb/index.js';
import { briefing, EXPORT_FORMATS, EXPORT_KINDS, exportStore, streamSink, type ExportFormat, type ExportKind } from '../report/index.js';
import { DEFAULT_RATE_LIMITS, isLoopback, startServer } from '../server/index.js';
import { DEFAULT_CONCURRENCY, isPostgresUrl, openEnqueuer, queueSettingsFromEnv, runWorker, type Enqueuer } from '../worker/index.js';
import { formatActorProfile, formatActors, formatExtraction, formatSearchHits } from './format.js';
import { Progress } from './progress.js';
import { conlluCommand } from './conllu.js';

const OK = 0;
const SOME_FAILED = 1;
const USAGE = 2;

class UsageError extends Error {}

interface Command {
  summary: string;
  usage: string;
  options: NonNullable<ParseArgsConfig['options']>;
  run(values: Record<string, string | boolean | undefined>, positionals: string[]): Promise<number>;
}

const common = {
  help: { type: 'boolean', short: 'h' },
  quiet: { type: 'boolean', short: 'q' },
} as const;
const dbOption = { db: { type: 'string' } } as const;
const privateUrlsOption = { 'allow-private-urls': { type: 'boolean' } } as const;
const serveOptions = {
  port: { type: 'string' }, host: { type: 'string' }, 'allow-remote-reads': { type: 'boolean' }, ...privateUrlsOption,
  'rate-limit': { type: 'string' }, 'write-rate-limit': { type: 'string' },
} as const;
const PRIVATE_URLS_HELP = `URLs on loopback, private, link-local and other non-public addresses (and names resolving to them)
are refused unless --allow-private-urls is given or PARLEY_ALLOW_PRIVATE_URLS=1.`;

const COMMANDS: Record<string, Command> = {
  extract: {
    summary: 'Extract actors, quotes, events and stances from articles',
    usage: `parley extract <file|dir|url|-> ... [--json]

Reads each input (plain text with optional front matter, HTML, RSS/Atom/JSON Feed, JSON Lines, a directory, a URL,
or - for stdin) and prints a readable summary per article, or with --json one contract record per line.
${PRIVATE_URLS_HELP}`,
    options: { ...common, ...privateUrlsOption, json: { type: 'boolean' } },
    run: async (values, inputs) => {
      requireInputs(inputs);
      return forEachArticle(inputs, values, (item) => {
        const { record } = processArticle(item.article);
        process.stdout.write(values.json ? JSON.stringify(record) + '\n' : formatExtraction(record) + '\n');
      });
    },
  },
  analyze: {
    summary: 'Print the linguistic layer: sentences, tokens, tags, parse, entities',
    usage: `parley analyze <file|dir|url|-> ... --json
parley analyze --conllu FILE.conllu

With --json, one record per input as in the output contract. With --conllu, reads gold-tokenised CoNLL-U and
writes it back with predicted UPOS, XPOS, HEAD and DEPREL.`,
    options: { ...common, ...privateUrlsOption, json: { type: 'boolean' }, conllu: { type: 'string' } },
    run: async (values, inputs) => {
      if (typeof values.conllu === 'string') return conlluCommand(values.conllu);
      requireInputs(inputs);
      return forEachArticle(inputs, values, (item) => {
        const { doc } = processArticle(item.article);
        process.stdout.write(JSON.stringify(analysisRecord(doc)) + '\n');
      });
    },
  },
  ingest: {
    summary: 'Extract articles and store them (idempotent: a stored article is skipped)',
    usage: `parley ingest <file|dir|url|-> ... [--db PATH] [--queue]

Stores each article with its extraction in one transaction. The store is ~/.parley/parley.db unless --db or
PARLEY_DB says otherwise. With --queue (PostgreSQL stores only), reads the articles and queues them for
\`parley worker\` processes instead of extracting them here; articles already stored or queued are skipped.
${PRIVATE_URLS_HELP}`,
    options: { ...common, ...dbOption, ...privateUrlsOption, queue: { type: 'boolean' } },
    run: async (values, inputs) => {
      requireInputs(inputs);
      if (values.queue) return enqueueInputs(values, inputs);
      return withStore(values, async (store) => {
        let stored = 0;
        let skipped = 0;
        const code = await forEachArticle(inputs, values, async (item) => {
          if (await store.hasArticle(item.article.id)) {
            skipped++;
            return;
          }
          const { record } = processArticle(item.article);
          const result = await store.put(record);
          if (result.stored) stored++;
          else skipped++;
        });
        if (!values.quiet) process.stderr.write(`stored ${stored} article(s), ${skipped} already in the store\n`);
        return code;
      });
    },
  },
  search: {
    summary: 'Full-text search over stored quotes and articles',
    usage: `parley search "<query>" [--db PATH] [--limit N] [--kind quote|article|all] [--json]`,
    options: { ...common, ...dbOption, json: { type: 'boolean' }, limit: { type: 'string' }, kind: { type: 'string' } },
    run: async (values, positionals) => {
      const query = positionals.join(' ').trim();
      if (!query) throw new UsageError('search needs a query');
      const kind = (values.kind as string | undefined) ?? 'all';
      if (!['quote', 'article', 'all'].includes(kind)) throw new UsageError(`--kind must be quote, article or all, not "${kind}"`);
      return withStore(values, async (store) => {
        const hits = await store.search(query, { limit: positiveInt(values.limit, 20, '--limit'), kind: kind as 'quote' | 'article' | 'all' });
        process.stdout.write(values.json ? JSON.stringify(hits, null, 2) + '\n' : formatSearchHits(hits) + '\n');
        return OK;
      });
    },
  },
  actors: {
    summary: 'List the actors in the store',
    usage: `parley actors [--db PATH] [--limit N] [--json]`,
    options: { ...common, ...dbOption, json: { type: 'boolean' }, limit: { type: 'string' } },
    run: async (values) =>
      withStore(values, async (store) => {
        const actors = await store.actors({ limit: positiveInt(values.limit, 50, '--limit') });
        process.stdout.write(values.json ? JSON.stringify(actors, null, 2) + '\n' : formatActors(actors) + '\n');
        return OK;
      }),
  },
  actor: {
    summary: "One actor's roles, quotes, stances and events",
    usage: `parley actor <name> [--db PATH] [--json]`,
    options: { ...common, ...dbOption, json: { type: 'boolean' } },
    run: async (values, positionals) => {
      const name = positionals.join(' ').trim();
      if (!name) throw new UsageError('actor needs a name');
      return withStore(values, async (store) => {
        const profile = await store.actor(name);
        if (!profile) {
          process.stderr.write(`parley: no actor named "${name}" in the store\n`);
          return SOME_FAILED;
        }
        process.stdout.write(values.json ? JSON.stringify(profile, null, 2) + '\n' : formatActorProfile(profile) + '\n');
        return OK;
      });
    },
  },
  brief: {
    summary: 'Write a briefing of the stored story',
    usage: `parley brief [--db PATH] [--topic TEXT] [--since YYYY-MM-DD] [--format md|html]

Markdown by default; --format html writes a standalone HTML page. Every line cites its articles, linked. A report
rewritten by several outlets counts once and cites each. With --since, "What changed" compares the positions since
that date with those of a period as long just before it.`,
    options: { ...common, ...dbOption, topic: { type: 'string' }, since: { type: 'string' }, format: { type: 'string' } },
    run: async (values) => {
      const since = values.since as string | undefined;
      if (since && !/^\d{4}-\d{2}-\d{2}$/.test(since)) throw new UsageError(`--since must be YYYY-MM-DD, not "${since}"`);
      const format = (values.format as string | undefined) ?? 'md';
      if (format !== 'md' && format !== 'html') throw new UsageError(`--format must be md or html, not "${format}"`);
      return withStore(values, async (store) => {
        process.stdout.write((await briefing(store, { topic: values.topic as string | undefined, since, format })) + '\n');
        return OK;
      });
    },
  },
  export: {
    summary: 'Export the store: JSON Lines, CSV, schema.org JSON-LD or a GDELT-style events table',
    usage: `parley export [--db PATH] --format jsonl|csv|jsonld|gdelt [--kind quotes|events|stances] [--out FILE]

jsonl: one contract record per line (with --kind, one quote, event or stance per line). csv: one table per kind
(RFC 4180); --kind picks it, or without --kind, --out names a directory that gets quotes.csv, events.csv and
stances.csv. jsonld: one schema.org JSON-LD document (@graph of NewsArticle, Person/Organization/Country/Place,
Quotation, Event, Claim). gdelt: a GDELT-style events TSV with a header row. Written to stdout unless --out.`,
    options: { ...common, ...dbOption, format: { type: 'string' }, kind: { type: 'string' }, out: { type: 'string' } },
    run: async (values) => {
      const format = values.format as string | undefined;
      if (!format) throw new UsageError('export needs --format jsonl, csv, jsonld or gdelt');
      if (!(EXPORT_FORMATS as readonly string[]).includes(format)) throw new UsageError(`--format must be jsonl, csv, jsonld or gdelt, not "${format}"`);
      const kind = values.kind as string | undefined;
      if (kind !== undefined && !(EXPORT_KINDS as readonly string[]).includes(kind)) throw new UsageError(`--kind must be quotes, events or stances, not "${kind}"`);
      if (kind !== undefined && (format === 'jsonld' || format === 'gdelt')) throw new UsageError(`--kind does not apply to --format ${format}`);
      const out = values.out as string | undefined;
      if (format === 'csv' && kind === undefined && out === undefined) throw new UsageError('a CSV export writes one table per kind: give --kind, or --out DIR for all three');
      return withStore(values, async (store) => {
        const jobs: Array<{ kind: ExportKind | undefined; path: string | undefined }> = format === 'csv' && kind === undefined
          ? EXPORT_KINDS.map((k) => ({ kind: k, path: join(out!, `${k}.csv`) }))
          : [{ kind: kind as ExportKind | undefined, path: out }];
        if (format === 'csv' && kind === undefined) mkdirSync(out!, { recursive: true });
        for (const job of jobs) {
          const file: WriteStream | null = job.path === undefined ? null : createWriteStream(job.path);
          const sink = streamSink(file ?? process.stdout);
          let result;
          try {
            result = await exportStore(store, { format: format as ExportFormat, kind: job.kind }, sink);
          } catch (error) {
            // The reader of stdout went away (| head): not a failure of the export.
            if ((error as { code?: string }).code === 'EPIPE') return OK;
            throw error;
          }
          if (file) {
            file.end();
            await finished(file);
          }
          const unit = job.kind ?? { jsonl: 'record(s)', csv: 'row(s)', jsonld: 'node(s)', gdelt: 'event(s)' }[format as ExportFormat];
          if (!values.quiet) process.stderr.write(`exported ${result.items} ${unit} from ${result.articles} article(s)${job.path ? ` to ${job.path}` : ''}\n`);
        }
        return OK;
      });
    },
  },
  serve: {
    summary: 'Serve the web app and the JSON API over the store',
    usage: `parley serve [--db PATH] [--port N] [--host H] [--allow-remote-reads] [--allow-private-urls]
             [--rate-limit N] [--write-rate-limit N]

Serves the web app at http://127.0.0.1:8080/ (--port 0 picks a free port) and the JSON API under /api/
(described at /api/openapi.json). Reads are answered only to this machine unless --allow-remote-reads.
Writes (POST /api/articles) need the PARLEY_TOKEN environment variable set, and the same token sent as
Authorization: Bearer <token>. POST /api/articles {"url": ...} refuses loopback and private addresses unless
--allow-private-urls (or PARLEY_ALLOW_PRIVATE_URLS=1). Each client may make --rate-limit API reads
(PARLEY_RATE_LIMIT, default ${DEFAULT_RATE_LIMITS.reads}) and --write-rate-limit writes (PARLEY_WRITE_RATE_LIMIT,
default ${DEFAULT_RATE_LIMITS.writes}) per minute, then gets 429 with Retry-After; 0 turns a limit off.
Prints the URL on stdout; Ctrl-C stops it.`,
    options: { ...common, ...dbOption, ...serveOptions },
    run: async (values) => {
      const settings = serveSettings(values);
      return withStore(values, (store) => serveStore(store, settings));
    },
  },
  worker: {
    summary: 'Extract queued articles into a PostgreSQL store (run as many as you like, on any machine)',
    usage: `parley worker [--db postgres://...] [--until-empty] [--concurrency N]

Takes articles queued by \`parley ingest --queue\` and stores each with its extraction; the job is marked done in
the same transaction, so a worker killed at any point loses nothing and stores nothing twice (its job is retried
after it expires). Runs until Ctrl-C or SIGTERM (finishing the articles in hand); with --until-empty, stops when no
job is waiting or running. Extraction runs on its own thread; --concurrency N keeps N jobs in hand (default
${DEFAULT_CONCURRENCY}: one stored while the next is extracted). Run one worker per core.`,
    options: { ...common, ...dbOption, 'until-empty': { type: 'boolean' }, concurrency: { type: 'string' } },
    run: async (values) => runWorkerCommand(values),
  },
  demo: {
    summary: "Ingest the project's demo corpus and open it in the web app (or print its briefing with --brief)",
    usage: `parley demo [--db PATH] [--port N] [--host H] [--brief]

Ingests examples/articles/ (a fictional story told by several outlets) into a store (~/.parley/demo.db unless --db is given),
then starts the web app over it and prints its URL; Ctrl-C stops it. With --brief, prints the story's briefing instead
of serving.`,
    options: { ...common, ...dbOption, ...serveOptions, brief: { type: 'boolean' } },
    run: async (values) => {
      const db = (values.db as string | undefined) ?? join(dirname(defaultDemoDb()), 'demo.db');
      const settings = values.brief ? null : serveSettings(values);
      const code = await COMMANDS.ingest!.run({ ...values, db }, [examplesDir()]);
      if (settings) {
        const served = await withStore({ db }, (store) => serveStore(store, settings));
        return Math.max(code, served);
      }
      await withStore({ db }, async (store) => {
        process.stdout.write((await briefing(store, {})) + '\n');
        return OK;
      });
      if (!values.quiet) process.stderr.write(`\nThe demo store is ${db}; try: parley actors --db ${db}\n`);
      return code;
    },
  },
};

interface ServeSettings {
  port: number;
  host: string;
  token: string | undefined;
  allowRemoteReads: boolean;
  allowPrivateUrls: boolean;
  rateLimits: { reads: number; writes: number };
  quiet: boolean;
}

function serveSettings(values: Record<string, string | boolean | undefined>): ServeSettings {
  const port = values.port === undefined ? 8080 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--port must be a whole number from 0 to 65535, not "${String(values.port)}"`);
  return {
    port,
    host: (values.host as string | undefined) ?? '127.0.0.1',
    token: process.env.PARLEY_TOKEN?.trim() || undefined,
    allowRemoteReads: values['allow-remote-reads'] === true,
    allowPrivateUrls: allowPrivateUrls(values),
    rateLimits: {
      reads: rateLimit(values['rate-limit'], 'PARLEY_RATE_LIMIT', '--rate-limit', DEFAULT_RATE_LIMITS.reads),
      writes: rateLimit(values['write-rate-limit'], 'PARLEY_WRITE_RATE_LIMIT', '--write-rate-limit', DEFAULT_RATE_LIMITS.writes),
    },
    quiet: values.quiet === true,
  };
}

function allowPrivateUrls(values: Record<string, unknown>): boolean {
  return values['allow-private-urls'] === true || process.env.PARLEY_ALLOW_PRIVATE_URLS === '1';
}

/** A per-minute limit from the flag, else the environment variable, else the default; 0 turns it off. */
function rateLimit(flag: unknown, variable: string, name: string, fallback: number): number {
  const fromEnv = process.env[variable]?.trim();
  const [value, source] = flag !== undefined ? [String(flag), name] : fromEnv ? [fromEnv, variable] : [undefined, name];
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!/^\d+$/.test(value) || !Number.isSafeInteger(n)) throw new UsageError(`${source} must be a whole number of requests per minute (0 for no limit), not "${value}"`);
  return n;
}

/** Runs the server over an open store until SIGINT or SIGTERM. */
async function serveStore(store: Store, settings: ServeSettings): Promise<number> {
  const { port, host, token, allowRemoteReads, allowPrivateUrls, rateLimits } = settings;
  let server;
  try {
    server = await startServer({ store, port, host, token, allowRemoteReads, allowPrivateUrls, rateLimits });
  } catch (error) {
    const code = (error as { code?: string }).code;
    const why = code === 'EADDRINUSE' ? `port ${port} is in use (try --port 0 for a free one)` : oneLine(error);
    process.stderr.write(`parley: cannot serve on ${host}:${port}: ${why}\n`);
    return SOME_FAILED;
  }
  process.stdout.write(server.url + '/\n');
  if (!settings.quiet) {
    const notes = [
      token ? 'writes enabled (PARLEY_TOKEN is set)' : 'read-only (set PARLEY_TOKEN to enable POST /api/articles)',
      allowRemoteReads ? 'reads open to other hosts' : !isLoopback(host) && host !== 'localhost' ? 'reads only from this machine (add --allow-remote-reads)' : null,
    ].filter(Boolean);
    process.stderr.write(`Parley is serving at ${server.url}/ (${notes.join('; ')}); Ctrl-C stops it\n`);
  }
  await new Promise<void>((resolve) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
  await server.close();
  return OK;
}

function defaultDemoDb(): string {
  return process.env.PARLEY_DB && !process.env.PARLEY_DB.startsWith('postgres') ? process.env.PARLEY_DB : join(process.env.HOME ?? '.', '.parley', 'parley.db');
}

function packageRoot(): string {
  return join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
}

function examplesDir(): string {
  return join(packageRoot(), 'examples', 'articles');
}

function version(): string {
  const pkg = JSON.parse(readFileSync(join(packageRoot(), 'package.json'), 'utf8')) as { version: string };
  return pkg.version;
}

function requireInputs(inputs: string[]): void {
  if (inputs.length === 0) throw new UsageError('no input given (a file, directory, URL, or - for stdin)');
}

function positiveInt(value: unknown, fallback: number, flag: string): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) throw new UsageError(`${flag} must be a positive whole number, not "${String(value)}"`);
  return n;
}

async function withStore(values: Record<string, unknown>, body: (store: Store) => Promise<number>): Promise<number> {
  let store: Store;
  try {
    store = await openStore(values.db as string | undefined);
  } catch (error) {
    const location = describeStoreLocation(String(values.db ?? (process.env.PARLEY_DB || '~/.parley/parley.db')));
    process.stderr.write(`parley: cannot open store ${location}: ${(error as Error).message}\n`);
    return SOME_FAILED;
  }
  try {
    return await body(store);
  } finally {
    await store.close();
  }
}

/** Runs `each` over every article of the inputs; a failing input is reported in one line and the rest go on. */
function queueUrl(values: Record<string, unknown>): string {
  const location = (values.db as string | undefined) ?? defaultStoreLocation();
  if (!isPostgresUrl(location)) {
    throw new UsageError(`the queue lives in PostgreSQL: give --db postgres://... or set PARLEY_DB (not "${location}")`);
  }
  return location;
}

async function enqueueInputs(values: Record<string, unknown>, inputs: string[]): Promise<number> {
  const url = queueUrl(values);
  let enqueuer: Enqueuer;
  try {
    enqueuer = await openEnqueuer(url, queueSettingsFromEnv());
  } catch (error) {
    process.stderr.write(`parley: cannot open the queue at ${redactUrl(url)}: ${oneLine(error)}\n`);
    return SOME_FAILED;
  }
  const counts = { queued: 0, stored: 0, waiting: 0 };
  try {
    const code = await forEachArticle(inputs, values, async (item) => {
      counts[await enqueuer.enqueue(item.article)]++;
    });
    if (!values.quiet) {
      process.stderr.write(`queued ${counts.queued} article(s); ${counts.stored} already stored, ${counts.waiting} already queued\n`);
    }
    return code;
  } finally {
    await enqueuer.close();
  }
}

async function runWorkerCommand(values: Record<string, unknown>): Promise<number> {
  const url = queueUrl(values);
  const concurrency = concurrencyOption(values.concurrency);
  const stop = new AbortController();
  const onSignal = () => stop.abort();
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  try {
    if (!values.quiet) process.stderr.write(`parley worker: taking jobs from ${redactUrl(url)}\n`);
    const summary = await runWorker({
      url,
      settings: queueSettingsFromEnv(),
      untilEmpty: values['until-empty'] === true,
      concurrency,
      signal: stop.signal,
      onJob: (outcome) => {
        if ('error' in outcome) process.stderr.write(`parley: ${outcome.articleId ?? 'a queued job'}: ${outcome.error} (will be retried)\n`);
      },
    });
    if (!values.quiet) {
      process.stderr.write(`parley worker: stored ${summary.stored}, ${summary.alreadyStored} already stored, ${summary.failed} failed\n`);
    }
    return summary.failed > 0 ? SOME_FAILED : OK;
  } catch (error) {
    process.stderr.write(`parley worker: ${redactUrl(url)}: ${oneLine(error)}\n`);
    return SOME_FAILED;
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
}

function concurrencyOption(raw: unknown): number {
  if (raw === undefined) return DEFAULT_CONCURRENCY;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1 || value > 64) throw new UsageError(`--concurrency must be a whole number from 1 to 64, not "${String(raw)}"`);
  return value;
}

/** A database URL without its password, for messages. */
function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return url;
  }
}

async function forEachArticle(
  inputs: string[],
  values: Record<string, unknown>,
  each: (item: Extract<IngestItem, { ok: true }>) => void | Promise<void>,
): Promise<number> {
  let failed = 0;
  const progress = new Progress(!values.quiet && inputs.length > 1 && process.stderr.isTTY === true);
  for await (const item of readInputs(inputs, { allowPrivateUrls: allowPrivateUrls(values) })) {
    if (!item.ok) {
      failed++;
      progress.clear();
      process.stderr.write(`parley: ${item.error}\n`);
      progress.tick(item.source, false);
      continue;
    }
    try {
      await each(item);
      progress.tick(item.article.source, true);
    } catch (error) {
      failed++;
      progress.clear();
      process.stderr.write(`parley: ${item.article.source}: ${oneLine(error)}\n`);
    }
  }
  progress.done();
  return failed > 0 ? SOME_FAILED : OK;
}

function oneLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.split('\n')[0]!;
}

function mainHelp(): string {
  const width = Math.max(...Object.keys(COMMANDS).map((c) => c.length));
  const lines = Object.entries(COMMANDS).map(([name, c]) => `  ${name.padEnd(width)}  ${c.summary}`);
  return `parley ${version()}: who said what, who did what to whom, and who stands where, in political news.

Usage: parley <command> [options]

Commands:
${lines.join('\n')}

Options: -h, --help (also after a command), -v, --version, -q, --quiet
Exit codes: 0 all inputs ok, 1 some inputs failed, 2 usage error.
Store: ~/.parley/parley.db, or --db PATH, or PARLEY_DB; a postgres://user@host/db URL in either uses PostgreSQL.`;
}

export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '-h' || name === '--help' || name === 'help') {
    const topic = name === 'help' ? rest[0] : undefined;
    process.stdout.write((topic && COMMANDS[topic] ? COMMANDS[topic]!.usage : mainHelp()) + '\n');
    return name === undefined ? USAGE : OK;
  }
  if (name === '-v' || name === '--version') {
    process.stdout.write(version() + '\n');
    return OK;
  }
  const command = COMMANDS[name];
  if (!command) {
    process.stderr.write(`parley: unknown command "${name}"; see parley --help\n`);
    return USAGE;
  }
  try {
    const { values, positionals } = parseArgs({ args: rest, options: command.options, allowPositionals: true, strict: true });
    if (values.help) {
      process.stdout.write(command.usage + '\n');
      return OK;
    }
    return await command.run(values as Record<string, string | boolean | undefined>, positionals);
  } catch (error) {
    if (error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      process.stderr.write(`parley ${name}: ${(error as Error).message}\n${command.usage.split('\n')[0]}\n`);
      return USAGE;
    }
    process.stderr.write(`parley ${name}: ${oneLine(error)}\n`);
    return SOME_FAILED;
  }
}
