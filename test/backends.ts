// The store backends the store tests run against: SQLite always, PostgreSQL at PARLEY_TEST_PG (default: the local
// server as user postgres). Each PostgreSQL store gets a database of its own, created here and dropped when the
// test file ends, so that test files running in parallel never see each other's rows. Without a reachable server
// the PostgreSQL tests are skipped with the reason, except under CI (CI set), where they fail.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after } from 'node:test';
import { randomBytes } from 'node:crypto';
import Database from 'better-sqlite3';
import pg from 'pg';
import { openStore } from '../src/kb/index.js';

export const POSTGRES_URL = process.env.PARLEY_TEST_PG || 'postgres://postgres@127.0.0.1:5432/postgres';

export interface Backend {
  name: 'sqlite' | 'postgres';
  /** Why this backend's tests do not run here; undefined when they do. */
  skip?: string;
  /** The location of a new, empty store (a file for SQLite, a new database's URL for PostgreSQL). */
  fresh(): Promise<string>;
  /** The nth (from 1) query parameter as this backend writes it. */
  param(n: number): string;
  /** Rows of a query run directly on the store's database, with param() parameters. */
  query<T = Record<string, unknown>>(location: string, sql: string, params?: unknown[]): Promise<T[]>;
}

const scratch = mkdtempSync(join(tmpdir(), 'parley-backend-'));
after(() => rmSync(scratch, { recursive: true, force: true }));
let files = 0;

export const sqlite: Backend = {
  name: 'sqlite',
  param: () => '?',
  async fresh() {
    return join(scratch, `store-${++files}.db`);
  },
  async query<T>(location: string, sql: string, params: unknown[] = []) {
    const db = new Database(location);
    try {
      db.pragma('foreign_keys = ON');
      const statement = db.prepare(sql);
      return (statement.reader ? statement.all(...params) : (statement.run(...params), [])) as T[];
    } finally {
      db.close();
    }
  },
};

const databases: string[] = [];

function databaseUrl(name: string): string {
  const url = new URL(POSTGRES_URL);
  url.pathname = `/${name}`;
  return url.toString();
}

async function withClient<T>(url: string, body: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  await client.connect();
  try {
    return await body(client);
  } finally {
    await client.end();
  }
}

async function postgresUnavailable(): Promise<string | undefined> {
  try {
    await withClient(POSTGRES_URL, (client) => client.query('SELECT 1'));
    return undefined;
  } catch (error) {
    return `PostgreSQL is not reachable at ${new URL(POSTGRES_URL).host} (${(error as Error).message}); set PARLEY_TEST_PG to a server's URL`;
  }
}

const unavailable = await postgresUnavailable();
if (unavailable !== undefined && !process.env.CI) process.stderr.write(`# skipping the PostgreSQL store tests: ${unavailable}\n`);

let template: Promise<string> | undefined;

async function createDatabase(copyOf?: string): Promise<string> {
  const name = `parley_test_${randomBytes(6).toString('hex')}`;
  await withClient(POSTGRES_URL, (client) => client.query(`CREATE DATABASE ${name}${copyOf ? ` TEMPLATE ${copyOf}` : ''}`));
  databases.push(name);
  return name;
}

async function migratedTemplate(): Promise<string> {
  const name = await createDatabase();
  await (await openStore(databaseUrl(name))).close();
  return name;
}

/** A new database with no tables (for tests of migrating itself). */
export async function emptyPostgresDatabase(): Promise<string> {
  if (unavailable !== undefined) throw new Error(unavailable);
  return databaseUrl(await createDatabase());
}

export const postgres: Backend = {
  name: 'postgres',
  // Under CI a missing server is a failure: every PostgreSQL test runs and fails in fresh().
  skip: process.env.CI ? undefined : unavailable,
  param: (n) => `$${n}`,
  async fresh() {
    if (unavailable !== undefined) throw new Error(unavailable);
    // A copy of a database migrated once per test file: copying is several times faster than migrating.
    template ??= migratedTemplate();
    return databaseUrl(await createDatabase(await template));
  },
  async query<T>(location: string, sql: string, params: unknown[] = []) {
    return withClient(location, async (client) => (await client.query(sql, params)).rows as T[]);
  },
};

after(async () => {
  if (databases.length === 0) return;
  await withClient(POSTGRES_URL, async (client) => {
    for (const name of databases.splice(0)) await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  });
});

export const BACKENDS: readonly Backend[] = [sqlite, postgres];
