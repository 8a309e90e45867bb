import type { Database } from 'better-sqlite3';
import { AppError } from '../../../shared/contract/errors';
import type { Unit } from '../../../shared/contract/schemas/units';
import { nameKeys } from '../names/pinyin';

interface UnitRow {
  id: number;
  name: string;
  kind: string;
  contact: string;
  phone: string;
  aliases: string | null;
  item_count: number;
}

/** Normalises a unit name as typed or imported: no spaces of any width. */
export function normalizeUnitName(name: string): string {
  return name.replace(/[\s\u3000]+/g, '').trim();
}

function toUnit(r: UnitRow): Unit {
  const aliases = r.aliases ? r.aliases.split('\u0001') : [];
  return {
    id: r.id,
    name: r.name,
    kind: r.kind,
    contact: r.contact,
    phone: r.phone,
    aliases,
    itemCount: r.item_count,
    pinyin: nameKeys(r.name, aliases),
  };
}

const SELECT_UNIT = `SELECT u.id, u.name, u.kind, u.contact, u.phone,
  (SELECT group_concat(alias, char(1)) FROM unit_aliases a WHERE a.unit_id = u.id) AS aliases,
  (SELECT count(DISTINCT item_id) FROM item_units iu WHERE iu.unit_id = u.id) AS item_count
  FROM units u`;

/** The unit directory: names, aliases, and lookups by either. */
export function createUnitsRepository(db: Database) {
  const all = db.prepare<[], UnitRow>(`${SELECT_UNIT} ORDER BY u.sort, u.id`);
  const byId = db.prepare<[number], UnitRow>(`${SELECT_UNIT} WHERE u.id = ?`);
  const idByName = db.prepare<[string], { id: number }>('SELECT id FROM units WHERE name = ?');
  const idByAlias = db.prepare<[string], { id: number }>('SELECT unit_id AS id FROM unit_aliases WHERE alias = ?');
  const insert = db.prepare(
    'INSERT INTO units(name, kind, contact, phone, sort, created_at, updated_at) VALUES (@name, @kind, @contact, @phone, (SELECT coalesce(max(sort), 0) + 1 FROM units), @at, @at)',
  );

  return {
    list(): Unit[] {
      return all.all().map(toUnit);
    },
    get(id: number): Unit {
      const r = byId.get(id);
      if (!r) throw new AppError('not_found', `单位（编号 ${id}）不存在`);
      return toUnit(r);
    },
    exists(id: number): boolean {
      return !!db.prepare('SELECT 1 FROM units WHERE id = ?').get(id);
    },
    /** Finds a unit by its name or one of its aliases. */
    resolve(name: string): number | null {
      const n = normalizeUnitName(name);
      return idByName.get(n)?.id ?? idByAlias.get(n)?.id ?? null;
    },
    insert(u: { name: string; kind?: string; contact?: string; phone?: string }, at: string): number {
      const name = normalizeUnitName(u.name);
      if (this.resolve(name) !== null) throw new AppError('conflict', `单位「${name}」已存在（或是某单位的别名）`);
      return Number(insert.run({ name, kind: u.kind ?? '', contact: u.contact ?? '', phone: u.phone ?? '', at }).lastInsertRowid);
    },
    /** The id for `name`, creating the unit if no name or alias matches. */
    resolveOrCreate(name: string, at: string): number {
      return this.resolve(name) ?? this.insert({ name }, at);
    },
  };
}
export type UnitsRepository = ReturnType<typeof createUnitsRepository>;
