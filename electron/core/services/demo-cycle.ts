import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Database } from 'better-sqlite3';
import { createBatchAdopter, type BatchAdopter } from '../batches/batch-adopt';
import { createBatchRecorder } from '../batches/batch-recorder';
import { localDate, type CoreContext } from '../context';
import { bulkEdit } from '../bulk/bulk-edit';
import { applyReturns } from '../exchange/returns-apply';
import { itemValuesReader, sameValue, type RowSnapshot } from '../exchange/template-fields';
import { issueTemplates } from '../exchange/template-issue';
import { takeLightSnapshot } from '../lights/snapshot';
import { createPeriodsRepository } from '../repositories/periods-repository';
import { createSettingsRepository } from '../repositories/settings-repository';
import { createBulletinService } from './bulletin-service';
import { addDays, dayAt, demoDeadline, firstPeriodFill, secondPeriodFill } from './demo-content';
import { fillDemoTemplate, type DemoFill, type RowFiller } from './demo-returns';
import { createItemService } from './item-service';
import { createUnitService } from './unit-service';

/** What the living demo added besides the seed's lists. */
export interface DemoCycleResult {
  periods: number;
  reports: number;
  /** A unit's filled template left to import: its preview shows one conflict. */
  pendingReturn: string;
}

interface Env {
  ctx: CoreContext;
  db: Database;
  adopt: BatchAdopter;
  batchId: number;
  operator: string;
  today: string;
}

/** The core as it was on `date`: dates the services write (下发日期, 报送时间, 通报日期) read that day. */
function ctxOn(ctx: CoreContext, date: Date): CoreContext {
  return { paths: ctx.paths, get db() { return ctx.db; }, now: () => date, reopen: () => ctx.reopen(), close: () => ctx.close() };
}

/** 完成时限 for every task, set through 批量修改 (one edit per deadline) as an office would. */
function setDeadlines(env: Env): void {
  const items = env.db.prepare<[], { id: number; title: string; content: string }>('SELECT id, title, content FROM items ORDER BY kind, seq, id').all();
  const byText = new Map<string, number[]>();
  items.forEach((it, n) => {
    const text = demoDeadline(n, `${it.title}${it.content}`, env.today);
    byText.set(text, [...(byText.get(text) ?? []), it.id]);
  });
  const at = env.ctx.now().toISOString();
  for (const [deadlineText, ids] of byText) {
    const r = bulkEdit(env.db, { target: { ids }, action: { op: 'fields', deadlineText } }, { operator: env.operator, at, today: env.today });
    if (r.batchId !== null) env.adopt.merge(r.batchId);
  }
}

/** The ten units with most tasks to lead or answer for: the ones a county office dispatches to. */
function dispatchUnits(db: Database): number[] {
  return db
    .prepare(
      `SELECT u.id FROM units u JOIN item_units iu ON iu.unit_id = u.id AND iu.role IN ('lead','resp')
       GROUP BY u.id ORDER BY count(DISTINCT iu.item_id) DESC, u.sort, u.id LIMIT 10`,
    )
    .pluck()
    .all() as number[];
}

const CONTACTS = ['张明', '李静', '王磊', '刘洋', '陈晨', '杨帆', '赵敏', '黄俊', '周婷', '吴刚'];

/** Each dispatched unit's 联络员 and phone, entered in 单位 as an office does, so 催报 can call them. */
function setContacts(env: Env, unitIds: readonly number[]): void {
  const units = createUnitService(env.ctx);
  unitIds.forEach((id, n) => {
    const phone = `0731-8${String(2_216_000 + n * 1_371).slice(-7)}`;
    env.adopt.updated('units', { id }, () => units.update({ id, contact: CONTACTS[n % CONTACTS.length], phone }));
  });
}

function periodName(start: string): string {
  const [y] = start.split('-').map(Number);
  const day = Math.round((Date.parse(`${start}T00:00:00Z`) - Date.UTC(y, 0, 1)) / 86_400_000);
  return `${y}年第${Math.floor(day / 14) + 1}期`;
}

/** Opens a bi-weekly period and issues its templates to the units (the same calls as 调度填报). */
async function openAndIssue(env: Env, start: string, unitIds: readonly number[]) {
  const periods = createPeriodsRepository(env.db);
  const end = addDays(start, 13);
  const id = periods.insert({ name: periodName(start), kind: '双周', start, end, due: addDays(end, 1) }, dayAt(start, 9).toISOString());
  env.adopt.inserted('periods', 'id = ?', [id]);
  const issued = await issueTemplates(ctxOn(env.ctx, dayAt(addDays(start, 1))), { periodId: id, unitIds: [...unitIds], combined: false, includeCoop: false, zip: false });
  env.adopt.inserted('issued_templates', 'period_id = ?', [id]);
  env.adopt.inserted('issued_rows', 'template_id IN (SELECT id FROM issued_templates WHERE period_id = ?)', [id]);
  const bytes = new Map(issued.files.map((f) => [f.unitName, 'bytes' in f ? f.bytes : new Uint8Array()]));
  return { period: periods.get(id), template: (unitName: string) => bytes.get(unitName)! };
}

type Sent = Map<string, { itemId: number; snapshot: RowSnapshot }>;

/** What each item was sent to a unit in a period, by item uid. */
function sentRows(db: Database, periodId: number, unitId: number): Sent {
  const rows = db
    .prepare<[number, number], { uid: string; item_id: number; snapshot: string }>(
      'SELECT i.uid, r.item_id, r.snapshot FROM issued_rows r JOIN issued_templates t ON t.id = r.template_id JOIN items i ON i.id = r.item_id WHERE t.period_id = ? AND t.unit_id = ?',
    )
    .all(periodId, unitId);
  return new Map(rows.map((r) => [r.uid, { itemId: r.item_id, snapshot: JSON.parse(r.snapshot) as RowSnapshot }]));
}

interface Returning {
  unitId: number;
  unit: number;
  partial?: boolean;
}

const unitName = (db: Database, id: number) => db.prepare('SELECT name FROM units WHERE id = ?').pluck().get(id) as string;

/** A unit fills its template in Excel: every row, or (partial) only its first half. */
async function unitReturn(env: Env, issued: Awaited<ReturnType<typeof openAndIssue>>, r: Returning, fill: (itemId: number, unit: number, sent: RowSnapshot) => DemoFill | null) {
  const sent = sentRows(env.db, issued.period.id, r.unitId);
  const name = unitName(env.db, r.unitId);
  const half = Math.ceil(sent.size / 2);
  const filler: RowFiller = (uid, row) => {
    const s = sent.get(uid);
    return !s || (r.partial && row >= half) ? null : fill(s.itemId, r.unit, s.snapshot);
  };
  return { name: `${name}_${issued.period.name}报送.xlsx`, bytes: await fillDemoTemplate(issued.template(name), filler) };
}

/** Returns arriving on one day, applied through the returns import and folded into the demo batch. */
async function receive(env: Env, issued: Awaited<ReturnType<typeof openAndIssue>>, on: string, units: readonly Returning[], fill: Parameters<typeof unitReturn>[3]): Promise<number> {
  const files = [];
  for (const r of units) files.push(await unitReturn(env, issued, r, fill));
  const result = await applyReturns(env.db, files, { periodId: issued.period.id, decisions: {}, operator: env.operator, at: dayAt(on, 15).toISOString() });
  if (result.batchId !== null) env.adopt.merge(result.batchId);
  return result.counts.newReports + result.counts.changedReports;
}

/** Closes the period as 调度填报 does (its lights snapshot kept), and drafts and keeps its bulletin. */
function closeWithBulletin(env: Env, periodId: number, on: string): void {
  env.adopt.updated('periods', { id: periodId }, () => createPeriodsRepository(env.db).setClosed(periodId, true));
  takeLightSnapshot(env.db, periodId, on, createBatchRecorder(env.db, env.batchId));
  const bulletins = createBulletinService(ctxOn(env.ctx, dayAt(on, 16)));
  const mark = env.adopt.historyMark();
  bulletins.save(periodId, bulletins.draft({ periodId }).body);
  env.adopt.inserted('bulletins', 'period_id = ?', [periodId]);
  env.adopt.history(mark);
}

const first = (itemId: number, unit: number) => firstPeriodFill(itemId, unit);
const second = (itemId: number, unit: number, sent: RowSnapshot) => secondPeriodFill(itemId, unit, sent.fill);

/**
 * The first period, four weeks ago: six units on time, two late, one partial, one silent; then closed
 * with its lights kept and its bulletin drafted.
 */
async function firstPeriod(env: Env, units: readonly number[]): Promise<number> {
  const issued = await openAndIssue(env, addDays(env.today, -31), units);
  const due = issued.period.dueDate;
  const at = (n: number, partial = false): Returning => ({ unitId: units[n], unit: n, partial });
  let n = await receive(env, issued, due, [0, 1, 2, 3, 4, 5].map((k) => at(k)).concat(at(8, true)), first);
  n += await receive(env, issued, addDays(due, 2), [at(6), at(7)], first);
  closeWithBulletin(env, issued.period.id, addDays(due, 3));
  return n;
}

/**
 * The second period, open, due three days ago: three units on time, one late, one partial, the rest on
 * 催报. One of those has sent its return, still to import: the office raised an item's progress after
 * issuing, the unit reported another, so its preview shows one conflict to decide.
 */
async function secondPeriod(env: Env, units: readonly number[]): Promise<{ reports: number; pending: string }> {
  const issued = await openAndIssue(env, addDays(env.today, -17), units);
  const due = issued.period.dueDate;
  const at = (n: number, partial = false): Returning => ({ unitId: units[n], unit: n, partial });
  let n = await receive(env, issued, addDays(due, -1), [at(0), at(1), at(2), at(4, true)], second);
  n += await receive(env, issued, addDays(due, 1), [at(3)], second);
  return { reports: n, pending: await pendingConflict(env, issued, at(5)) };
}

/** The office's own edit after issuing, and the unit's differing return written where the user can pick it. */
async function pendingConflict(env: Env, issued: Awaited<ReturnType<typeof openAndIssue>>, r: Returning): Promise<string> {
  const sent = [...sentRows(env.db, issued.period.id, r.unitId).values()].find((s) => s.snapshot.role === 'lead' && s.snapshot.fill.status !== 'done')!;
  const seen = sent.snapshot.fill.ratio ?? 0;
  const mark = env.adopt.historyMark();
  const items = createItemService(ctxOn(env.ctx, dayAt(addDays(env.today, -3), 11)));
  env.adopt.updated('items', { id: sent.itemId }, () => items.update({ id: sent.itemId, fields: { progress: Math.min(seen + 10, 95) } }));
  env.adopt.history(mark);
  // Rows whose item others changed since issuing are left as sent: the one conflict is the office's edit.
  const now = itemValuesReader(env.db);
  const untouched = (itemId: number, s: RowSnapshot) => (['status', 'ratio', 'progressText', 'problems'] as const).every((f) => sameValue(now(itemId).values[f], s.fill[f]));
  const file = await unitReturn(env, issued, r, (itemId, unit, s) => {
    if (itemId === sent.itemId) return { ...secondPeriodFill(itemId, unit, s.fill), status: 'in_progress', ratio: Math.min(seen + 20, 99) };
    return untouched(itemId, s) ? secondPeriodFill(itemId, unit, s.fill) : null;
  });
  const dir = join(dirname(env.ctx.paths.backupDir), '示例报送文件');
  mkdirSync(dir, { recursive: true });
  const path = join(dir, file.name);
  writeFileSync(path, file.bytes);
  return path;
}

/**
 * The living demo on top of the seed's lists, inside the seed's batch (one undo takes all of it):
 * deadlines, a closed first period with returns, lights and a bulletin, an open second one with
 * units on 催报 and a return with a conflict waiting. Every step goes through the service a user's
 * action calls. Dated relative to today.
 */
export async function addDemoCycle(ctx: CoreContext, batchId: number): Promise<DemoCycleResult> {
  const db = ctx.db;
  const env: Env = { ctx, db, adopt: createBatchAdopter(db, batchId), batchId, operator: createSettingsRepository(db).settings().operator, today: localDate(ctx.now()) };
  setDeadlines(env);
  const units = dispatchUnits(db);
  setContacts(env, units);
  const firstReports = await firstPeriod(env, units);
  const { reports, pending } = await secondPeriod(env, units);
  return { periods: 2, reports: firstReports + reports, pendingReturn: pending };
}
