import type { z } from 'zod';
import { AppError } from '../../../shared/contract/errors';
import type { Unit, UnitCreateSchema, UnitUpdateSchema } from '../../../shared/contract/schemas/units';
import type { CoreContext } from '../context';
import { createSettingsRepository } from '../repositories/settings-repository';
import { createUnitsRepository, normalizeUnitName } from '../repositories/units-repository';
import { createHistory } from './history';

type UnitUpdate = z.output<typeof UnitUpdateSchema>;

/** The unit directory's edits: rename, aliases, merge — each one transaction with history. */
export function createUnitService(ctx: CoreContext) {
  const repo = () => createUnitsRepository(ctx.db);
  const log = (entityId: number, action: string, before: unknown, after: unknown, field = '') =>
    createHistory(ctx.db).record([{ entity: 'unit', entityId, action, field, before, after }], createSettingsRepository(ctx.db).settings().operator, ctx.now().toISOString());

  function create(input: z.output<typeof UnitCreateSchema>): Unit {
    const id = ctx.db.transaction(() => {
      const newId = repo().insert(input, ctx.now().toISOString());
      log(newId, 'create', null, input.name);
      return newId;
    })();
    return repo().get(id);
  }

  function checkNameFree(name: string, selfId: number): void {
    const owner = repo().resolve(name);
    if (owner !== null && owner !== selfId) throw new AppError('conflict', `名称「${name}」已被其他单位使用（名称或别名），未做任何修改`);
  }

  function setAliases(id: number, name: string, aliases: readonly string[]): void {
    const clean = [...new Set(aliases.map(normalizeUnitName))].filter((a) => a && a !== name);
    clean.forEach((a) => checkNameFree(a, id));
    ctx.db.prepare('DELETE FROM unit_aliases WHERE unit_id = ?').run(id);
    const add = ctx.db.prepare('INSERT INTO unit_aliases(alias, unit_id) VALUES (?, ?)');
    clean.forEach((a) => add.run(a, id));
  }

  function update(input: UnitUpdate): Unit {
    const before = repo().get(input.id);
    ctx.db.transaction(() => {
      const name = input.name ? normalizeUnitName(input.name) : before.name;
      if (name !== before.name) {
        checkNameFree(name, input.id);
        ctx.db.prepare('DELETE FROM unit_aliases WHERE alias = ? AND unit_id = ?').run(name, input.id);
        log(input.id, 'rename', before.name, name, 'name');
      }
      ctx.db
        .prepare('UPDATE units SET name = ?, kind = ?, contact = ?, phone = ?, updated_at = ? WHERE id = ?')
        .run(name, input.kind ?? before.kind, input.contact ?? before.contact, input.phone ?? before.phone, ctx.now().toISOString(), input.id);
      if (input.aliases) {
        setAliases(input.id, name, input.aliases);
        log(input.id, 'update', before.aliases.join('、'), input.aliases.join('、'), 'aliases');
      }
    })();
    return repo().get(input.id);
  }

  /** Moves every reference of `sourceId` to `targetId`; the old name and aliases become aliases of the target. */
  function merge(sourceId: number, targetId: number): { target: Unit; movedAssignments: number; alreadyHeld: number } {
    const source = repo().get(sourceId);
    repo().get(targetId);
    const moved = ctx.db.transaction(() => {
      const db = ctx.db;
      const n = (db.prepare('SELECT count(*) AS n FROM item_units WHERE unit_id = ?').get(sourceId) as { n: number }).n;
      const added = db.prepare('INSERT OR IGNORE INTO item_units(item_id, unit_id, role, sort) SELECT item_id, ?, role, sort FROM item_units WHERE unit_id = ?').run(targetId, sourceId).changes;
      db.prepare('INSERT OR IGNORE INTO plan_members(plan_id, unit_id, sort) SELECT plan_id, ?, sort FROM plan_members WHERE unit_id = ?').run(targetId, sourceId);
      db.prepare('UPDATE plans SET office_unit_id = ? WHERE office_unit_id = ?').run(targetId, sourceId);
      db.prepare('UPDATE OR IGNORE reports SET unit_id = ? WHERE unit_id = ?').run(targetId, sourceId);
      db.prepare('UPDATE OR IGNORE issued_templates SET unit_id = ? WHERE unit_id = ?').run(targetId, sourceId);
      db.prepare('UPDATE unit_aliases SET unit_id = ? WHERE unit_id = ?').run(targetId, sourceId);
      db.prepare('DELETE FROM units WHERE id = ?').run(sourceId);
      db.prepare('INSERT OR IGNORE INTO unit_aliases(alias, unit_id) VALUES (?, ?)').run(source.name, targetId);
      log(targetId, 'merge', source.name, null);
      return { moved: n, added };
    })();
    return { target: repo().get(targetId), movedAssignments: moved.moved, alreadyHeld: moved.moved - moved.added };
  }

  function remove(id: number): void {
    const unit = repo().get(id);
    if (unit.itemCount > 0) throw new AppError('conflict', `单位「${unit.name}」仍承担 ${unit.itemCount} 项条目，不能删除；可先合并到其他单位`);
    ctx.db.transaction(() => {
      ctx.db.prepare('DELETE FROM units WHERE id = ?').run(id);
      log(id, 'delete', unit.name, null);
    })();
  }

  return { create, update, merge, remove };
}
