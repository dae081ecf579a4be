// The store's tables in one definition, for both backends. Every table, column and index says the schema version
// that brought it in (`since`, the SQLite migration number) and, if it was dropped, the one that took it out
// (`until`), so the definition describes the schema at any version:
// - SQLite's history is the hand-written migrations in migrations.ts (released ones are never edited); the test
//   test/schema.test.ts checks that SQLite at every version has exactly the tables, columns, keys and indexes this
//   definition gives for that version, so the two cannot drift.
// - PostgreSQL's DDL is generated from it (postgres-migrations.ts), by version range, so a released PostgreSQL
//   migration keeps its effect as long as this history is only appended to.
// What is not here is backend-specific and stated with its backend: full-text search (FTS5 tables in SQLite,
// tsvector columns with GIN indexes in PostgreSQL), trigram indexes (PostgreSQL), and keeping the aggregate tables
// up to date on delete (triggers in SQLite, application code and triggers in PostgreSQL).

/**
 * Logical column types. `flag` is 0 or 1 (an integer in both backends, so that the same predicates and partial
 * indexes work in both); `json` is JSON text in SQLite and jsonb in PostgreSQL; `serial` is SQLite's INTEGER
 * PRIMARY KEY (a rowid alias) and an identity column in PostgreSQL; `bigint` holds values past 2^31.
 */
export type ColumnType = 'text' | 'integer' | 'bigint' | 'flag' | 'json' | 'bytes' | 'serial';

export interface Column {
  name: string;
  type: ColumnType;
  notNull?: boolean;
  unique?: boolean;
  /** A constant, as SQL text. */
  default?: string;
  /** A constraint on this column, in SQL both backends read (PostgreSQL DDL uses it; SQLite has it in its migrations). */
  check?: string;
  since: number;
}

export interface ForeignKey {
  columns: string[];
  table: string;
  references: string[];
  since: number;
}

export interface Index {
  name: string;
  /** Column names with an optional DESC, or a parenthesised expression. */
  columns: string[];
  /** Partial index condition. */
  where?: string;
  since: number;
  until?: number;
}

export interface Table {
  name: string;
  columns: Column[];
  primaryKey: string[];
  foreignKeys?: ForeignKey[];
  indexes?: Index[];
  since: number;
  until?: number;
}

/** The newest schema version this definition describes (SQLite's latest migration). */
export const SCHEMA_VERSION = 4;

const text = (name: string, since: number, extra: Partial<Column> = {}): Column => ({ name, type: 'text', since, ...extra });
const int = (name: string, since: number, extra: Partial<Column> = {}): Column => ({ name, type: 'integer', since, ...extra });
const required = { notNull: true } as const;

/** A span stored as three columns (start, end, text); a nullable span is null in all three. */
function spanColumns(prefix: string, since: number, nullable = false): Column[] {
  const extra = nullable ? {} : required;
  return [
    int(`${prefix}_start`, since, extra),
    int(`${prefix}_end`, since, nullable ? {} : { ...required, check: `${prefix}_end >= ${prefix}_start` }),
    text(`${prefix}_text`, since, extra),
  ];
}

const cascade = (columns: string[], table: string, references: string[], since: number): ForeignKey => ({ columns, table, references, since });

export const TABLES: readonly Table[] = [
  {
    name: 'articles',
    since: 1,
    columns: [
      text('id', 1, required), text('source', 1, required), text('title', 1), text('published', 1), text('outlet', 1),
      text('url', 1), text('byline', 1), text('language', 1, required), text('text', 1, required),
      text('ingested_at', 1, required),
    ],
    primaryKey: ['id'],
    indexes: [
      { name: 'articles_by_published', columns: ['published'], since: 1 },
      { name: 'articles_newest_first', columns: ['published DESC', 'ingested_at DESC', 'id'], since: 2 },
    ],
  },
  {
    name: 'actors',
    since: 1,
    columns: [
      text('article_id', 1, required), text('local_id', 1, required), int('seq', 1, required), text('name', 1, required),
      text('name_key', 1, required), text('type', 1, required), text('country', 1),
      { name: 'roles', type: 'json', notNull: true, since: 1 },
    ],
    primaryKey: ['article_id', 'local_id'],
    foreignKeys: [cascade(['article_id'], 'articles', ['id'], 1)],
    indexes: [
      { name: 'actors_by_name_key', columns: ['name_key'], since: 1 },
      { name: 'actors_with_roles', columns: ['name_key'], where: "roles <> '[]'", since: 2 },
    ],
  },
  {
    name: 'mentions',
    since: 1,
    columns: [
      text('article_id', 1, required), text('actor_id', 1, required), int('seq', 1, required), ...spanColumns('span', 1),
      text('text_key', 1, required),
    ],
    primaryKey: ['article_id', 'actor_id', 'seq'],
    foreignKeys: [cascade(['article_id', 'actor_id'], 'actors', ['article_id', 'local_id'], 1)],
    indexes: [{ name: 'mentions_by_text_key', columns: ['text_key'], since: 1 }],
  },
  {
    name: 'quotes',
    since: 1,
    columns: [
      text('article_id', 1, required), text('local_id', 1, required), int('seq', 1, required), text('kind', 1, required),
      ...spanColumns('content', 1), text('speaker_id', 1), ...spanColumns('speaker_mention', 1, true),
      ...spanColumns('cue', 1, true), text('speaker_key', 3), text('quote_date', 3),
    ],
    primaryKey: ['article_id', 'local_id'],
    foreignKeys: [
      cascade(['article_id'], 'articles', ['id'], 1),
      cascade(['article_id', 'speaker_id'], 'actors', ['article_id', 'local_id'], 1),
    ],
    indexes: [
      { name: 'quotes_by_speaker', columns: ['article_id', 'speaker_id'], since: 1 },
      { name: 'quotes_by_date', columns: ['quote_date DESC', 'article_id DESC', 'seq'], since: 3 },
      { name: 'quotes_by_speaker_key', columns: ['speaker_key', 'quote_date DESC', 'article_id DESC', 'seq'], since: 3 },
    ],
  },
  {
    name: 'events',
    since: 1,
    columns: [
      text('article_id', 1, required), text('local_id', 1, required), int('seq', 1, required), text('type', 1, required),
      text('mode', 1), text('location', 1), text('date', 1),
      { name: 'negated', type: 'flag', notNull: true, check: 'negated IN (0, 1)', since: 1 },
      text('modality', 1, required), ...spanColumns('evidence', 1), text('sort_date', 2),
    ],
    primaryKey: ['article_id', 'local_id'],
    foreignKeys: [cascade(['article_id'], 'articles', ['id'], 1)],
    indexes: [
      { name: 'events_by_type', columns: ['type'], since: 1 },
      { name: 'events_by_sort_date', columns: ['sort_date', 'article_id', 'seq'], since: 2 },
      { name: 'events_by_type_date', columns: ['type', 'sort_date', 'article_id', 'seq'], since: 2 },
      { name: 'events_timeline', columns: ['(sort_date IS NULL)', 'sort_date', 'article_id', 'seq'], since: 2 },
      { name: 'events_by_type_timeline', columns: ['type', '(sort_date IS NULL)', 'sort_date', 'article_id', 'seq'], since: 2 },
      { name: 'events_for_network', columns: ['type', 'negated', 'modality', 'article_id', 'local_id', 'sort_date'], since: 3 },
    ],
  },
  {
    name: 'event_participants',
    since: 1,
    columns: [
      text('article_id', 1, required), text('event_id', 1, required),
      text('role', 1, { ...required, check: "role IN ('source', 'target')" }), int('seq', 1, required),
      text('actor_id', 1, required), text('actor_key', 2), text('sort_date', 3),
      { name: 'first_of_key', type: 'flag', notNull: true, default: '1', since: 3 },
    ],
    primaryKey: ['article_id', 'event_id', 'role', 'seq'],
    foreignKeys: [
      cascade(['article_id', 'event_id'], 'events', ['article_id', 'local_id'], 1),
      cascade(['article_id', 'actor_id'], 'actors', ['article_id', 'local_id'], 1),
    ],
    indexes: [
      { name: 'event_participants_by_actor', columns: ['article_id', 'actor_id'], since: 1 },
      { name: 'event_participants_by_key', columns: ['actor_key'], since: 2, until: 3 },
      {
        name: 'event_participants_by_key_date', columns: ['actor_key', 'sort_date', 'article_id', 'event_id'],
        where: 'first_of_key = 1', since: 3,
      },
      {
        name: 'event_participants_by_key_timeline',
        columns: ['actor_key', '(sort_date IS NULL)', 'sort_date', 'article_id', 'event_id'], where: 'first_of_key = 1', since: 3,
      },
      {
        name: 'event_participants_by_event_key', columns: ['article_id', 'event_id', 'actor_key'],
        where: 'first_of_key = 1', since: 3,
      },
    ],
  },
  {
    name: 'stances',
    since: 1,
    columns: [
      text('article_id', 1, required), text('local_id', 1, required), int('seq', 1, required),
      text('holder_id', 1, required), text('issue', 1, required),
      text('polarity', 1, { ...required, check: "polarity IN ('support', 'oppose')" }), ...spanColumns('evidence', 1),
      text('quote_id', 1), text('holder_key', 2), text('stance_date', 2),
    ],
    primaryKey: ['article_id', 'local_id'],
    foreignKeys: [
      cascade(['article_id'], 'articles', ['id'], 1),
      cascade(['article_id', 'holder_id'], 'actors', ['article_id', 'local_id'], 1),
      cascade(['article_id', 'quote_id'], 'quotes', ['article_id', 'local_id'], 1),
    ],
    indexes: [
      { name: 'stances_by_holder', columns: ['article_id', 'holder_id'], since: 1 },
      { name: 'stances_by_quote', columns: ['article_id', 'quote_id'], since: 1 },
      { name: 'stances_by_issue', columns: ['issue'], since: 1 },
      { name: 'stances_by_issue_holder', columns: ['issue', 'holder_key', 'stance_date', 'polarity'], since: 2, until: 3 },
      { name: 'stances_by_holder_key', columns: ['holder_key', 'stance_date'], since: 2, until: 3 },
      { name: 'stances_by_date', columns: ['stance_date DESC', 'article_id DESC', 'seq'], since: 3 },
      { name: 'stances_by_holder_key', columns: ['holder_key', 'stance_date DESC', 'article_id DESC', 'seq'], since: 3 },
      { name: 'stances_by_cell', columns: ['issue', 'holder_key', 'stance_date DESC', 'article_id DESC', 'seq'], since: 3 },
    ],
  },
  // Per-name-key aggregates that put() adds to in its transaction.
  {
    name: 'actor_keys',
    since: 2,
    columns: [text('name_key', 2, required), int('article_count', 2, required), int('quote_count', 2, required)],
    primaryKey: ['name_key'],
    indexes: [{ name: 'actor_keys_by_rank', columns: ['article_count DESC', 'quote_count DESC', 'name_key'], since: 2 }],
  },
  {
    name: 'actor_key_variants',
    since: 2,
    // country is '' for none, so that it can be part of the key.
    columns: [
      text('name_key', 2, required), text('name', 2, required), text('type', 2, required), text('country', 2, required),
      int('n', 2, required),
    ],
    primaryKey: ['name_key', 'name', 'type', 'country'],
  },
  {
    name: 'actor_key_roles',
    since: 2,
    columns: [text('name_key', 2, required), text('role', 2, required), int('n', 2, required)],
    primaryKey: ['name_key', 'role'],
  },
  {
    name: 'stance_cells',
    since: 3,
    columns: [
      text('issue', 3, required), text('holder_key', 3, required), int('support', 3, required), int('oppose', 3, required),
    ],
    primaryKey: ['issue', 'holder_key'],
  },
  {
    name: 'issue_counts',
    since: 3,
    columns: [text('issue', 3, required), int('stances', 3, required)],
    primaryKey: ['issue'],
    indexes: [{ name: 'issue_counts_by_rank', columns: ['stances DESC', 'issue'], since: 3 }],
  },
  // Story groups: a MinHash signature per article and its LSH bucket keys (src/kb/dedup.ts).
  {
    name: 'article_signatures',
    since: 4,
    columns: [
      { name: 'seq', type: 'serial', since: 4 },
      text('article_id', 4, { ...required, unique: true }),
      { name: 'signature', type: 'bytes', notNull: true, since: 4 },
      text('story_id', 4, required),
    ],
    primaryKey: ['seq'],
    foreignKeys: [cascade(['article_id'], 'articles', ['id'], 4)],
    indexes: [{ name: 'article_signatures_by_story', columns: ['story_id'], since: 4 }],
  },
  {
    name: 'story_buckets',
    since: 4,
    columns: [
      { name: 'bucket', type: 'bigint', notNull: true, since: 4 },
      { name: 'signature_seq', type: 'bigint', notNull: true, since: 4 },
    ],
    primaryKey: ['bucket', 'signature_seq'],
    foreignKeys: [cascade(['signature_seq'], 'article_signatures', ['seq'], 4)],
    indexes: [{ name: 'story_buckets_by_signature', columns: ['signature_seq'], since: 4 }],
  },
];

const present = (item: { since: number; until?: number }, version: number) =>
  item.since <= version && (item.until === undefined || item.until > version);

/** The tables as they are at a schema version, with only the columns, keys and indexes that exist then. */
export function tablesAt(version: number = SCHEMA_VERSION): Table[] {
  return TABLES.filter((table) => present(table, version)).map((table) => ({
    ...table,
    columns: table.columns.filter((column) => present(column, version)),
    foreignKeys: (table.foreignKeys ?? []).filter((key) => present(key, version)),
    indexes: (table.indexes ?? []).filter((index) => present(index, version)),
  }));
}

export function tableNamed(name: string): Table {
  const table = TABLES.find((t) => t.name === name);
  if (table === undefined) throw new Error(`no table ${name} in the schema`);
  return table;
}

// ---- SQLite ---------------------------------------------------------------------------------------------------

/** The declared type SQLite reports (PRAGMA table_info) for a logical type. */
export function sqliteType(type: ColumnType): 'TEXT' | 'INTEGER' | 'BLOB' {
  switch (type) {
    case 'text':
    case 'json':
      return 'TEXT';
    case 'bytes':
      return 'BLOB';
    default:
      return 'INTEGER';
  }
}

/** Tables only SQLite has: its FTS5 full-text indexes (their shadow tables are named after them). */
export const SQLITE_ONLY_TABLES = ['search_index', 'quote_search'] as const;

// ---- PostgreSQL -----------------------------------------------------------------------------------------------

/**
 * Text compares byte-wise (COLLATE "C") as in SQLite, so that every ORDER BY, GROUP BY and comparison gives the
 * same order in both backends whatever the database's locale.
 */
export function postgresType(type: ColumnType): string {
  switch (type) {
    case 'text':
      return 'text COLLATE "C"';
    case 'json':
      return 'jsonb';
    case 'integer':
      return 'integer';
    case 'bigint':
      return 'bigint';
    case 'flag':
      return 'smallint';
    case 'bytes':
      return 'bytea';
    case 'serial':
      return 'bigint GENERATED BY DEFAULT AS IDENTITY';
  }
}

/** The array type unnest() takes for a column of this type (multi-row inserts pass one array per column). */
export function postgresArrayType(type: ColumnType): string {
  const base = { text: 'text', json: 'jsonb', integer: 'integer', bigint: 'bigint', flag: 'smallint', bytes: 'bytea', serial: 'bigint' }[type];
  return `${base}[]`;
}

function postgresColumn(column: Column): string {
  const parts = [column.name, postgresType(column.type)];
  if (column.notNull) parts.push('NOT NULL');
  if (column.default !== undefined) parts.push(`DEFAULT ${column.default}`);
  if (column.unique) parts.push('UNIQUE');
  if (column.check !== undefined) parts.push(`CHECK (${column.check})`);
  if (column.type === 'json') parts.push(`CHECK (jsonb_typeof(${column.name}) = 'array')`);
  return parts.join(' ');
}

function postgresForeignKey(key: ForeignKey): string {
  return `FOREIGN KEY (${key.columns.join(', ')}) REFERENCES ${key.table} (${key.references.join(', ')}) ON DELETE CASCADE`;
}

/**
 * SQLite sorts NULL lowest (first ascending, last descending); PostgreSQL sorts it highest by default. Index
 * columns on nullable columns say so explicitly, so that the queries' explicit NULLS FIRST/LAST can use them.
 */
function postgresIndexColumn(table: Table, column: string): string {
  const match = /^(\w+)( DESC)?$/.exec(column);
  if (match === null) return column;
  const definition = table.columns.find((c) => c.name === match[1]);
  const nullable = definition !== undefined && !definition.notNull && !table.primaryKey.includes(definition.name);
  if (!nullable) return column;
  return match[2] ? `${match[1]} DESC NULLS LAST` : `${match[1]} NULLS FIRST`;
}

function postgresIndex(table: Table, index: Index): string {
  const columns = index.columns.map((column) => postgresIndexColumn(table, column)).join(', ');
  return `CREATE INDEX ${index.name} ON ${table.name} (${columns})${index.where ? ` WHERE ${index.where}` : ''}`;
}

function postgresCreateTable(table: Table): string {
  const lines = [
    ...table.columns.map(postgresColumn),
    `PRIMARY KEY (${table.primaryKey.join(', ')})`,
    ...(table.foreignKeys ?? []).map(postgresForeignKey),
  ];
  return `CREATE TABLE ${table.name} (\n  ${lines.join(',\n  ')}\n)`;
}

/**
 * The PostgreSQL statements that take a schema from version `from` to version `to` (from 0: create it): new tables
 * whole, new columns, dropped and new indexes. Tables are created in definition order, which puts every table
 * after the ones its foreign keys reference.
 */
export function postgresSchemaChanges(from: number, to: number): string[] {
  const statements: string[] = [];
  const before = new Map(tablesAt(from).map((table) => [table.name, table]));
  for (const table of tablesAt(to)) {
    const old = before.get(table.name);
    if (old === undefined) {
      statements.push(postgresCreateTable(table));
      for (const index of table.indexes ?? []) statements.push(postgresIndex(table, index));
      continue;
    }
    for (const column of table.columns) {
      if (!old.columns.some((c) => c.name === column.name)) statements.push(`ALTER TABLE ${table.name} ADD COLUMN ${postgresColumn(column)}`);
    }
    for (const key of table.foreignKeys ?? []) {
      if (key.since > from) statements.push(`ALTER TABLE ${table.name} ADD ${postgresForeignKey(key)}`);
    }
    const oldIndexes = old.indexes ?? [];
    const newIndexes = table.indexes ?? [];
    for (const index of oldIndexes) {
      if (!newIndexes.includes(index)) statements.push(`DROP INDEX ${index.name}`);
    }
    for (const index of newIndexes) {
      if (!oldIndexes.includes(index)) statements.push(postgresIndex(table, index));
    }
  }
  for (const table of before.values()) {
    if (!tablesAt(to).some((t) => t.name === table.name)) statements.push(`DROP TABLE ${table.name}`);
  }
  return statements;
}
