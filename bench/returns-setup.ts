/**
 * A database and returned files for measuring returns at any number of units (the 200-file case of
 * issue 10): `units` units leading 300 items each, one open period, every unit's fill-in template
 * issued through the dispatch and filled as units fill them (exchange-setup's fillReturn).
 */
import { randomUUID } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Database } from 'better-sqlite3';
import { connect, fillReturn, ROWS_PER_UNIT } from './exchange-setup';

function seedItems(db: Database, unitIds: readonly number[]): void {
  const at = new Date().toISOString();
  const plan = Number(db.prepare("INSERT INTO plans(title, origin, sort, created_at, updated_at) VALUES ('内需扩量提效攻坚实施方案', 'upper', 1, ?, ?)").run(at, at).lastInsertRowid);
  const item = db.prepare("INSERT INTO items(uid, kind, plan_id, code, seq, title, content, deadline_text, origin, created_at, updated_at) VALUES (?, 'task', ?, ?, ?, ?, ?, '2025年12月底前', 'upper', ?, ?)");
  const link = db.prepare('INSERT INTO item_units(item_id, unit_id, role, sort) VALUES (?, ?, ?, ?)');
  db.transaction(() => {
    for (let i = 0; i < unitIds.length * ROWS_PER_UNIT; i++) {
      const content = `推进第${i + 1}项重点工作，新增城镇就业${(i % 90) + 10}万人以上，完成投资${(i % 500) + 100}亿元。`;
      const id = Number(item.run(randomUUID(), plan, String(i + 1), i + 1, `重点工作任务${i + 1}`, content, at, at).lastInsertRowid);
      link.run(id, unitIds[i % unitIds.length], 'lead', 0);
      link.run(id, unitIds[(i + 7) % unitIds.length], 'coop', 1);
    }
  })();
}

export async function prepareReturns(dir: string, units: number): Promise<{ db: string; returns: string[] }> {
  const started = performance.now();
  const out = join(dir, `returns-${units}`);
  mkdirSync(out, { recursive: true });
  const db = join(out, 'issued.sqlite');
  const { ctx, call } = connect(db);
  const unitIds: number[] = [];
  for (let u = 1; u <= units; u++) unitIds.push((await call('units:create', { name: `第${u}填报单位` })).id);
  seedItems(ctx.db, unitIds);
  const period = await call('periods:open', { name: '2025年第5期', kind: '双周', start: '2025-06-16', end: '2025-06-29', due: '2025-06-30' });
  const issued = await call('templates:issue', { periodId: period.id, unitIds });
  const returns: string[] = [];
  for (const f of issued.files) {
    if (f.rows !== ROWS_PER_UNIT) throw new Error(`${f.unitName}: ${f.rows} rows, expected ${ROWS_PER_UNIT}`);
    const path = join(out, f.fileName);
    writeFileSync(path, await fillReturn(f.bytes!, f.fileName));
    returns.push(path);
  }
  ctx.db.pragma('wal_checkpoint(TRUNCATE)');
  ctx.close();
  console.log(`（准备：${units} 个单位 × ${ROWS_PER_UNIT} 行的填报模板已下发并填好，用时 ${((performance.now() - started) / 1000).toFixed(1)} 秒）`);
  return { db, returns };
}
