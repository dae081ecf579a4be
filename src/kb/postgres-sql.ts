// The PostgreSQL connection pool and the small layer the PostgreSQL store writes its SQL against: named parameters,
// transactions, readable errors. Internal: import the store through ./index.js.
import pg from 'pg';

export type Params = Record<string, unknown>;

/** What a query runs on: the pool, or one client inside a transaction. */
export type Queryable = pg.Pool | pg.PoolClient;

/** Advisory lock keys (pg_advisory_lock's two-integer form): a namespace for Parley, then one key per purpose. */
export const LOCKS = {
  namespace: 0x50524c59, // 'PRLY'
  /** Held while migrating, so that processes opening a fresh database one after another migrate it once. */
  migrate: 1,
  /**
   * Held by put() from story grouping to COMMIT, and by an article's deletion: story groups and the per-name
   * aggregates change one article at a time. (The key's number predates its narrower use; a trigger names it.)
   */
  stories: 2,
  /** A second namespace: one key per surname (hashed), held by put() from its article row to COMMIT. */
  surnameNamespace: 0x50524c5a,
} as const;

// Counts (bigint) and sums of bigints (numeric) as numbers: every count here fits in 2^53.
const TYPES: pg.CustomTypesConfig = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') => {
    if (oid === pg.types.builtins.INT8 || oid === pg.types.builtins.NUMERIC) return (value: string) => Number(value);
    return format === undefined ? pg.types.getTypeParser(oid) : pg.types.getTypeParser(oid, format);
  }) as pg.CustomTypesConfig['getTypeParser'],
};

export function createPool(url: string): pg.Pool {
  const pool = new pg.Pool({
    connectionString: url,
    types: TYPES,
    application_name: 'parley',
    connectionTimeoutMillis: 10_000,
    idleTimeoutMillis: 10_000,
  });
  // An idle connection the server drops (a restart, an administrator) emits here; the next query reconnects.
  pool.on('error', () => {});
  return pool;
}

/**
 * SQL written with @name parameters, as the SQLite store's, turned into PostgreSQL's $1, $2: a name used twice is
 * one parameter. Values are always passed separately, never put into the text.
 */
export function named(sql: string, params: Params): { text: string; values: unknown[] } {
  const order = new Map<string, number>();
  const values: unknown[] = [];
  const text = sql.replace(/(?<![@\w])@([A-Za-z_]\w*)/g, (_, name: string) => {
    if (!(name in params)) throw new Error(`SQL parameter @${name} has no value`);
    let index = order.get(name);
    if (index === undefined) {
      values.push(params[name]);
      index = values.length;
      order.set(name, index);
    }
    return `$${index}`;
  });
  return { text, values };
}

export async function all<T>(db: Queryable, sql: string, params: Params = {}): Promise<T[]> {
  const { text, values } = named(sql, params);
  return (await db.query(text, values)).rows as T[];
}

export async function one<T>(db: Queryable, sql: string, params: Params = {}): Promise<T | undefined> {
  return (await all<T>(db, sql, params))[0];
}

/** Runs body in one transaction on one client; rolls back and rethrows if it throws. */
export async function inTransaction<T>(pool: pg.Pool, begin: string, body: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query(begin);
    const result = await body(client);
    await client.query('COMMIT');
    client.release();
    return result;
  } catch (error) {
    // A client whose rollback fails is in an unknown state: it is closed rather than returned to the pool.
    const rollback = await client.query('ROLLBACK').then(() => undefined, (rollbackError: Error) => rollbackError);
    client.release(rollback);
    throw error;
  }
}

/** Several reads that must see one snapshot (a page and its total). */
export function readSnapshot<T>(pool: pg.Pool, body: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  return inTransaction(pool, 'BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY', body);
}

interface PgError extends Error {
  code?: string;
  detail?: string;
}

/** A connection failure in one line: "cannot connect to PostgreSQL at 127.0.0.1:5432: connection refused". */
export function connectionError(url: string, error: unknown): Error {
  const where = describeServer(url);
  const { code, message } = error as PgError;
  const reasons: Record<string, string> = {
    ECONNREFUSED: 'connection refused',
    ENOTFOUND: 'no such host',
    EAI_AGAIN: 'no such host',
    ETIMEDOUT: 'timed out',
    EHOSTUNREACH: 'host unreachable',
  };
  const reason = (code !== undefined ? reasons[code] : undefined)
    ?? (/timeout/i.test(message) ? 'timed out' : message.split('\n')[0]);
  return new Error(`cannot connect to PostgreSQL at ${where}: ${reason}`);
}

/** host:port of a connection URL, without user or password. */
export function describeServer(url: string): string {
  try {
    const parsed = new URL(url);
    const host = parsed.hostname || parsed.searchParams.get('host') || 'localhost';
    return `${host}:${parsed.port || '5432'}`;
  } catch {
    return 'the given address';
  }
}

/** Constraint violations worded as SQLite words them, so a rejected record reads the same on either backend. */
export function constraintError(error: unknown): unknown {
  const { code, detail, message } = error as PgError;
  const kind = code === '23503' ? 'FOREIGN KEY' : code === '23505' ? 'UNIQUE' : code === '23514' ? 'CHECK' : null;
  if (kind === null) return error;
  return new Error(`invalid extraction record: ${kind} constraint failed (${detail ?? message})`);
}
