/**
 * A database and returned files for measuring returns at any number of units (the 200-file case of
 * issue 10): `units` units leading 300 items each, one open period, every unit's fill-in template
 * issued through the dispatch and filled as units fill them (exchange-setup's issueFilledReturns).
 */
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import type { Database } from 'better-sqlite3';
import { issueFilledReturns, ROWS_PER_UNIT } from './exchange-setup';

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
  const names = Array.from({ length: units }, (_, u) => `第${u + 1}填报单位`);
  const fixture = await issueFilledReturns(join(dir, `returns-${units}`), names, seedItems);
  console.log(`（准备：${units} 个单位 × ${ROWS_PER_UNIT} 行的填报模板已下发并填好，用时 ${((performance.now() - started) / 1000).toFixed(1)} 秒）`);
  return fixture;
}
