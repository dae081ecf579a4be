// The one schema definition (src/kb/schema.ts) against SQLite's hand-written migrations: at every schema version,
// a database migrated that far has exactly the tables, columns, keys and indexes the definition gives for it.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import Database from 'better-sqlite3';
import { MIGRATIONS, migrate } from '../src/kb/migrations.js';
import { SCHEMA_VERSION, SQLITE_ONLY_TABLES, postgresSchemaChanges, sqliteType, tablesAt, type Table } from '../src/kb/schema.js';

interface Shape {
  columns: Array<{ name: string; type: string; notNull: boolean; default: string | null }>;
  primaryKey: string[];
  unique: string[][];
  foreignKeys: Array<{ columns: string[]; table: string; references: string[]; onDelete: string }>;
  indexes: Array<{ name: string; columns: Array<{ name: string | null; desc: boolean }>; partial: boolean }>;
}

function sqliteShapes(db: Database.Database): Map<string, Shape> {
  const names = (db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'
    AND name <> 'schema_migrations' ORDER BY name`).pluck().all() as string[])
    // FTS5 tables and their shadow tables (search_index_data, ...) are SQLite's own.
    .filter((name) => !SQLITE_ONLY_TABLES.some((fts) => name === fts || name.startsWith(`${fts}_`)));
  const shapes = new Map<string, Shape>();
  for (const name of names) {
    const columns = db.prepare(`PRAGMA table_info(${name})`).all() as Array<{ name: string; type: string; notnull: number; dflt_value: string | null; pk: number }>;
    const keys = db.prepare(`PRAGMA foreign_key_list(${name})`).all() as Array<{ id: number; table: string; from: string; to: string; on_delete: string }>;
    const indexList = db.prepare(`PRAGMA index_list(${name})`).all() as Array<{ name: string; origin: string; partial: number }>;
    const indexColumns = (index: string) => (db.prepare(`PRAGMA index_xinfo(${index})`).all() as Array<{ name: string | null; desc: number; key: number }>)
      .filter((column) => column.key === 1).map((column) => ({ name: column.name, desc: column.desc === 1 }));
    const foreignKeys = new Map<number, Shape['foreignKeys'][number]>();
    for (const key of keys) {
      const entry = foreignKeys.get(key.id) ?? { columns: [], table: key.table, references: [], onDelete: key.on_delete };
      entry.columns.push(key.from);
      entry.references.push(key.to);
      foreignKeys.set(key.id, entry);
    }
    shapes.set(name, {
      columns: columns.map((c) => ({ name: c.name, type: c.type, notNull: c.notnull === 1 || c.pk > 0, default: c.dflt_value })),
      primaryKey: columns.filter((c) => c.pk > 0).sort((a, b) => a.pk - b.pk).map((c) => c.name),
      unique: indexList.filter((i) => i.origin === 'u').map((i) => indexColumns(i.name).map((c) => c.name!)),
      foreignKeys: [...foreignKeys.values()].sort((a, b) => a.columns.join().localeCompare(b.columns.join()) || a.table.localeCompare(b.table)),
      indexes: indexList.filter((i) => i.origin === 'c')
        .map((i) => ({ name: i.name, columns: indexColumns(i.name), partial: i.partial === 1 }))
        .sort((a, b) => a.name.localeCompare(b.name)),
    });
  }
  return shapes;
}

function definedShape(table: Table): Shape {
  return {
    columns: table.columns.map((c) => ({
      name: c.name, type: sqliteType(c.type), notNull: Boolean(c.notNull) || table.primaryKey.includes(c.name), default: c.default ?? null,
    })),
    primaryKey: table.primaryKey,
    unique: table.columns.filter((c) => c.unique).map((c) => [c.name]),
    foreignKeys: (table.foreignKeys ?? [])
      .map((key) => ({ columns: key.columns, table: key.table, references: key.references, onDelete: 'CASCADE' }))
      .sort((a, b) => a.columns.join().localeCompare(b.columns.join()) || a.table.localeCompare(b.table)),
    indexes: (table.indexes ?? [])
      .map((index) => ({
        name: index.name,
        columns: index.columns.map((column) => {
          const plain = /^(\w+)( DESC)?$/.exec(column);
          return plain === null ? { name: null, desc: false } : { name: plain[1]!, desc: plain[2] !== undefined };
        }),
        partial: index.where !== undefined,
      }))
      .sort((a, b) => a.name.localeCompare(b.name)),
  };
}

describe('one schema definition', () => {
  for (let version = 1; version <= SCHEMA_VERSION; version++) {
    test(`SQLite migrated to version ${version} matches the definition at version ${version}`, () => {
      const db = new Database(':memory:');
      try {
        migrate(db, MIGRATIONS.filter((migration) => migration.version <= version));
        const actual = sqliteShapes(db);
        const expected = new Map(tablesAt(version).map((table) => [table.name, definedShape(table)]));
        assert.deepEqual([...actual.keys()].sort(), [...expected.keys()].sort());
        for (const [name, shape] of expected) assert.deepEqual(actual.get(name), shape, `table ${name}`);
      } finally {
        db.close();
      }
    });
  }

  test('the definition describes the latest SQLite migration', () => {
    assert.equal(SCHEMA_VERSION, Math.max(...MIGRATIONS.map((migration) => migration.version)));
  });

  test('the PostgreSQL changes between versions add up to the schema created at once', () => {
    const stepwise = [];
    for (let version = 1; version <= SCHEMA_VERSION; version++) stepwise.push(...postgresSchemaChanges(version - 1, version));
    const created = postgresSchemaChanges(0, SCHEMA_VERSION);
    // Every table and index of the final schema is created on the way, and nothing the final schema has not is left.
    for (const statement of created) {
      const name = /^CREATE (?:TABLE|INDEX) (\w+)/.exec(statement)?.[1];
      assert.ok(name !== undefined && stepwise.some((s) => s.includes(` ${name} `)), statement);
    }
    assert.ok(stepwise.includes('DROP INDEX event_participants_by_key'));
  });
});
