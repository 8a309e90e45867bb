/**
 * EXPLAIN QUERY PLAN of the count and the window query of every list case of the bench
 * (bench/lists.ts) on a seeded database, to back the timings: no SCAN of items and no TEMP B-TREE.
 * A total kept in list_counts (list-count.ts) shows as `kept`; the window as items:list builds it.
 *   npx tsx scripts/explain-list.ts --db /tmp/large.sqlite
 */
import { ItemQuerySchema } from '../shared/contract/schemas/items';
import { listCases } from '../bench/lists';
import { openDatabase } from '../electron/core/db/open-database';
import { buildItemFilter, buildItemOrder } from '../electron/core/repositories/item-query';
import { unitsByPinyin } from '../electron/core/names/unit-pinyin';
import { keptListCount, probeLevels } from '../electron/core/repositories/list-count';

const at = process.argv.indexOf('--db');
if (at < 0) throw new Error('用法：npx tsx scripts/explain-list.ts --db 数据库路径');
const db = openDatabase(process.argv[at + 1]);
const items = db.prepare("SELECT count(*) FROM items WHERE kind = 'task'").pluck().get() as number;
const unit = db.prepare("SELECT unit_id FROM item_units WHERE role='lead' GROUP BY unit_id ORDER BY count(*) DESC LIMIT 1").pluck().get() as number;
const plan = db.prepare('SELECT plan_id AS p, section_id AS s FROM items LIMIT 1').get() as { p: number; s: number };
const today = new Date().toISOString().slice(0, 10);
const plan2 = (sql: string, params: Record<string, unknown>) =>
  (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(params) as { detail: string }[]).map((r) => `    ${r.detail}`).join('\n');
for (const [name, input] of listCases(unit, plan, Math.floor(items / 2))) {
  const q = ItemQuerySchema.parse({ kind: 'task', limit: 200, ...input });
  const f = buildItemFilter(q, today, unitsByPinyin(db, q.keyword));
  const kept = keptListCount(db, q, today);
  const count = f.count ?? `SELECT count(*) FROM items i WHERE ${f.where}`;
  console.log(`\n${name}\n  count:\n${kept === null ? plan2(count, f.params) : `    kept: ${kept}`}`);
  const total = kept ?? (db.prepare(count).pluck().get(f.params) as number);
  const w = probeLevels(db, q, total) ? buildItemFilter(q, today, unitsByPinyin(db, q.keyword), { probeLevels: true }) : f;
  const win = `SELECT i.id FROM items i WHERE ${w.where} ORDER BY ${buildItemOrder(q)} LIMIT @limit OFFSET @offset`;
  console.log(`  window:\n${plan2(win, { ...w.params, limit: q.limit, offset: q.offset })}`);
  if (process.argv.includes('--time')) {
    const ms = (sql: string, p: Record<string, unknown>) => {
      const st = db.prepare(sql);
      const t: number[] = [];
      for (let n = 0; n < 5; n++) {
        const a = process.cpuUsage();
        st.all(p);
        const b = process.cpuUsage(a);
        t[n] = (b.user + b.system) / 1000;
      }
      return t.sort((a, b) => a - b)[2].toFixed(1);
    };
    console.log(`  CPU ms: count ${kept === null ? ms(count, f.params) : 'kept'} window ${ms(win, { ...w.params, limit: q.limit, offset: q.offset })}`);
  }
}
db.close();
