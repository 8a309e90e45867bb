import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate, schemaVersion } from '../../../electron/core/db/migrate';
import { MIGRATIONS } from '../../../electron/core/db/migrations';
import { openDatabase } from '../../../electron/core/db/open-database';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

describe('migrations', () => {
  it('brings a fresh database to the latest version', () => {
    const db = new Database(':memory:');
    expect(migrate(db)).toBe(MIGRATIONS.at(-1)!.version);
    const tables = db.prepare("select name from sqlite_master where type='table'").pluck().all();
    for (const t of ['office', 'plans', 'sections', 'items', 'units', 'unit_aliases', 'item_units', 'item_targets',
      'periods', 'reports', 'import_batches', 'change_log', 'documents', 'instructions', 'bulletins']) {
      expect(tables).toContain(t);
    }
  });

  it('refuses a database written by a newer program, with a Chinese message', () => {
    const db = new Database(':memory:');
    db.pragma(`user_version = ${MIGRATIONS.at(-1)!.version + 1}`);
    expect(() => migrate(db)).toThrow(/高于本程序支持的版本/);
  });

  it('migration 1 creates the domain with foreign keys and the trigram index', () => {
    const db = new Database(':memory:');
    db.pragma('foreign_keys = ON');
    migrate(db, 1);
    expect(schemaVersion(db)).toBe(1);
    const now = new Date().toISOString();
    db.prepare("insert into items(uid, kind, title, content, created_at, updated_at) values ('u1','task','推动增收减负','大规模开展职业技能培训',?,?)").run(now, now);
    expect(db.prepare("select rowid from items_fts where items_fts match '职业技能'").all()).toHaveLength(1);
    expect(() => db.prepare("insert into item_units(item_id, unit_id, role) values (1, 99, 'lead')").run()).toThrow(/FOREIGN KEY/);
    expect(() => db.prepare("insert into items(uid, kind, title, created_at, updated_at) values ('u2','task','  ',?,?)").run(now, now)).toThrow(/CHECK/);
  });

  it('migration 2 keeps existing items and lets a title sort use an index', () => {
    const db = new Database(':memory:');
    migrate(db, 1);
    const now = new Date().toISOString();
    db.prepare("insert into items(uid, kind, title, created_at, updated_at) values ('u1','task','乙',?,?), ('u2','task','甲',?,?)").run(now, now, now, now);
    migrate(db, 2);
    expect(schemaVersion(db)).toBe(2);
    expect(db.prepare("select title from items where kind = 'task' order by title").pluck().all()).toEqual(['乙', '甲'].sort());
    expect(db.prepare('select count(*) from items').pluck().get()).toBe(2);
    const plan = db.prepare("explain query plan select id from items where kind = 'task' order by title").all() as { detail: string }[];
    expect(plan.map((p) => p.detail).join(' ')).toMatch(/items_kind_title/);
  });

  it('opens a file database in WAL mode with foreign keys on', () => {
    const dir = mkdtempSync(join(tmpdir(), 'qd-'));
    const db = openDatabase(join(dir, 'a.sqlite'));
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    db.close();
  });

  it('refuses a list of steps with a gap, which a database past the gap would never run', () => {
    const db = new Database(':memory:');
    const step = (version: number) => ({ version, name: `step-${version}`, up: () => undefined });
    expect(() => migrate(db, undefined, [step(1), step(3)])).toThrow(/step-3 has version 3, expected 2/);
    expect(schemaVersion(db)).toBe(0);
  });
});
