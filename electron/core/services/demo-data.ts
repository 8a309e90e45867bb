import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Database } from 'better-sqlite3';
import { AppError } from '../../../shared/contract/errors';
import { setBatchCounts } from '../batches/batches';
import type { CoreContext } from '../context';
import { applyImport } from '../import/import-apply';
import type { ImportSet } from '../import/import-set';
import { parsePlanText } from '../import/plan-text/parse-plan-text';
import { createSettingsRepository } from '../repositories/settings-repository';
import { deriveTargets } from '../targets/derive-targets';
import { addDemoCycle, type DemoCycleResult } from './demo-cycle';
import { addSeedDocument } from './document-demo';

/** The seed plan (湖南省实施“七大攻坚”总体方案 and its 7 implementation plans) as an import set. */
export function seedImportSet(text: string): ImportSet {
  const parsed = parsePlanText(text, { file: 'seed-plan.txt' });
  return {
    source: '示例数据：湖南省实施“七大攻坚”总体方案',
    hash: createHash('sha256').update(text).digest('hex'),
    kind: 'task',
    origin: 'upper',
    plans: parsed.plans.map((p) => ({ ...p })),
    items: parsed.items,
    problems: parsed.problems,
  };
}

/** The seed's plans, tasks and units; its document (once). Returns the batch. */
function loadSeed(ctx: CoreContext, text: string, at: string): number {
  const db = ctx.db;
  const settings = createSettingsRepository(db);
  if (!settings.office().name) {
    settings.setOffice({ name: '汨罗市七大攻坚工作专班办公室', level: '县', region: '湖南省岳阳市汨罗市', parentName: '岳阳市七大攻坚工作专班办公室' }, at);
  }
  const { batchId } = applyImport(db, seedImportSet(text), { operator: settings.settings().operator, at, batchKind: 'seed' });
  deriveTargets(db, null);
  addSeedDocument(db, text, at);
  if (batchId === null) throw new AppError('conflict', '示例数据没有可导入的内容');
  return batchId;
}

/**
 * Runs `work` in one transaction that may wait for workbooks to be written and read (the living
 * demo issues and reads templates): everything or, on any error, nothing.
 */
async function inTransaction<T>(db: Database, work: () => Promise<T>): Promise<T> {
  db.exec('BEGIN IMMEDIATE');
  try {
    const out = await work();
    db.exec('COMMIT');
    return out;
  } catch (e) {
    if (db.inTransaction) db.exec('ROLLBACK');
    throw e;
  }
}

/**
 * Loads the demo data into an empty database, as one undoable batch. With `cycle` (what
 * 载入示例数据 asks) the lists come alive: deadlines, two dispatch periods with returns, lights, a
 * bulletin, units on 催报 and a return with a conflict to import (see demo-cycle.ts).
 */
export async function loadDemoData(ctx: CoreContext, opts: { cycle?: boolean } = {}) {
  const db = ctx.db;
  const existing = (db.prepare('SELECT count(*) AS n FROM items').get() as { n: number }).n;
  if (existing > 0) throw new AppError('conflict', `数据库中已有 ${existing} 个条目，示例数据只能载入空数据库`);
  const text = readFileSync(join(ctx.paths.resourcesDir, 'seed-plan.txt'), 'utf8');
  const at = ctx.now().toISOString();
  const cycle = await inTransaction(db, async (): Promise<DemoCycleResult | null> => {
    const batchId = loadSeed(ctx, text, at);
    if (!opts.cycle) return null;
    const added = await addDemoCycle(ctx, batchId);
    const counts = JSON.parse(db.prepare('SELECT counts FROM import_batches WHERE id = ?').pluck().get(batchId) as string) as Record<string, number>;
    setBatchCounts(db, batchId, { ...counts, periods: added.periods, reports: added.reports });
    return added;
  });
  const count = (sql: string) => (db.prepare(sql).get() as { n: number }).n;
  return {
    plans: count('SELECT count(*) AS n FROM plans'),
    sections: count('SELECT count(*) AS n FROM sections'),
    items: count('SELECT count(*) AS n FROM items'),
    units: count('SELECT count(*) AS n FROM units'),
    ...(cycle ?? {}),
  };
}
