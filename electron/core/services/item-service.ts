import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import { AppError } from '../../../shared/contract/errors';
import type {
  Change,
  Item,
  ItemCreateSchema,
  ItemFields,
  ItemUpdateSchema,
  Role,
  Target,
} from '../../../shared/contract/schemas/items';
import type { CoreContext } from '../context';
import { createItemsRepository } from '../repositories/items-repository';
import { FIELD_COLUMNS, toItemFields } from '../repositories/item-row';
import { createSettingsRepository } from '../repositories/settings-repository';
import { createHistory, type ChangeEntry } from './history';
import { resolveDeadline } from './deadline-value';

type Create = z.output<typeof ItemCreateSchema>;
type Update = z.output<typeof ItemUpdateSchema>;

function checkUnits(ctx: CoreContext, units: readonly { unitId: number; role: Role }[]): void {
  const exists = ctx.db.prepare('SELECT 1 FROM units WHERE id = ?');
  for (const u of units) {
    if (!exists.get(u.unitId)) throw new AppError('not_found', `单位（编号 ${u.unitId}）不存在，未做任何修改`);
  }
}

function checkRefs(ctx: CoreContext, f: Partial<ItemFields>): void {
  if (f.planId != null && !ctx.db.prepare('SELECT 1 FROM plans WHERE id = ?').get(f.planId)) {
    throw new AppError('not_found', `方案（编号 ${f.planId}）不存在，未做任何修改`);
  }
  if (f.sectionId != null && !ctx.db.prepare('SELECT 1 FROM sections WHERE id = ?').get(f.sectionId)) {
    throw new AppError('not_found', `章节（编号 ${f.sectionId}）不存在，未做任何修改`);
  }
}

function columnsOf(f: Partial<ItemFields>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(f)) if (v !== undefined) out[FIELD_COLUMNS[k as keyof ItemFields]] = v;
  if (f.deadlineText !== undefined) out.deadline_date = resolveDeadline(f.deadlineText).date;
  return out;
}

function unitsText(units: readonly { name: string; role: Role }[]): string {
  return units.map((u) => `${u.role}:${u.name}`).join('、');
}

/** Items as the UI edits them: validated, in one transaction, with history. */
export function createItemService(ctx: CoreContext) {
  const items = () => createItemsRepository(ctx.db);
  const operator = () => createSettingsRepository(ctx.db).settings().operator;
  const at = () => ctx.now().toISOString();

  function get(id: number): Item {
    const repo = items();
    const r = repo.row(id);
    return {
      ...toItemFields(r),
      id: r.id,
      uid: r.uid,
      kind: r.kind,
      deadlineDate: r.deadline_date,
      assignMode: r.assign_mode,
      origin: r.origin,
      upperCode: r.upper_code,
      upperItemId: r.upper_item_id,
      instructionId: r.instruction_id,
      planTitle: r.plan_title,
      sectionName: r.section_name,
      units: repo.units(id),
      targets: repo.targets(id),
      createdAt: r.created_at,
      updatedAt: r.updated_at,
    };
  }

  function create(input: Create): Item {
    const { kind, units, targets, ...fields } = input;
    checkRefs(ctx, fields);
    checkUnits(ctx, units);
    const id = ctx.db.transaction(() => {
      const repo = items();
      const now = at();
      const newId = repo.insert({ ...columnsOf(fields), kind, uid: randomUUID(), seq: repo.nextSeq(kind), created_at: now, updated_at: now });
      repo.setUnits(newId, units);
      repo.setTargets(newId, targets);
      createHistory(ctx.db).record([{ entity: 'item', entityId: newId, action: 'create', after: fields.title }], operator(), now);
      return newId;
    })();
    return get(id);
  }

  function fieldChanges(id: number, before: ItemFields, patch: Partial<ItemFields>): ChangeEntry[] {
    return Object.entries(patch)
      .filter(([k, v]) => v !== undefined && before[k as keyof ItemFields] !== v)
      .map(([k, v]) => ({ entity: 'item', entityId: id, action: 'update', field: k, before: before[k as keyof ItemFields], after: v }));
  }

  function update(input: Update): Item {
    const before = get(input.id);
    checkRefs(ctx, input.fields);
    if (input.units) checkUnits(ctx, input.units);
    ctx.db.transaction(() => {
      const repo = items();
      const changes = fieldChanges(input.id, before, input.fields);
      const cols = columnsOf(Object.fromEntries(changes.map((c) => [c.field, c.after])) as Partial<ItemFields>);
      if (input.units) {
        repo.setUnits(input.id, input.units);
        const after = repo.units(input.id);
        if (unitsText(after) !== unitsText(before.units)) {
          changes.push({ entity: 'item', entityId: input.id, action: 'update', field: 'units', before: unitsText(before.units), after: unitsText(after) });
        }
      }
      if (input.targets && JSON.stringify(input.targets) !== JSON.stringify(before.targets)) {
        repo.setTargets(input.id, input.targets as Target[]);
        changes.push({ entity: 'item', entityId: input.id, action: 'update', field: 'targets', before: before.targets, after: input.targets });
      }
      if (!changes.length) return;
      repo.update(input.id, { ...cols, updated_at: at() });
      createHistory(ctx.db).record(changes, operator(), at());
    })();
    return get(input.id);
  }

  function remove(ids: readonly number[]): number {
    return ctx.db.transaction(() => {
      const titles = ids.map((id) => ({ id, title: items().row(id).title }));
      const n = items().delete(ids);
      createHistory(ctx.db).record(titles.map((t) => ({ entity: 'item', entityId: t.id, action: 'delete', before: t.title })), operator(), at());
      return n;
    })();
  }

  function history(id: number): Change[] {
    const rows = ctx.db
      .prepare<[number], { id: number; action: string; field: string; before: string | null; after: string | null; operator: string; at: string; batch_id: number | null }>(
        "SELECT id, action, field, before, after, operator, at, batch_id FROM change_log WHERE entity = 'item' AND entity_id = ? ORDER BY id DESC",
      )
      .all(id);
    return rows.map((r) => ({ id: r.id, action: r.action, field: r.field, before: r.before, after: r.after, operator: r.operator, at: r.at, batchId: r.batch_id }));
  }

  return { get, create, update, remove, history };
}
