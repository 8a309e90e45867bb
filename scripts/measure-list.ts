/**
 * Times items:list through the real dispatch on a (large) database, for the README's numbers:
 *   npm run seed:large -- --db /tmp/large.sqlite --count 100000 --mix task:100
 *   npx tsx scripts/measure-list.ts --db /tmp/large.sqlite
 * Prints the median and worst of five calls per query; nothing is asserted.
 */
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createContext } from '../electron/core/context';
import { createDispatch } from '../electron/core/dispatch';
import { createHandlers } from '../electron/core/index';
const at = process.argv.indexOf('--db');
if (at < 0) throw new Error('用法：npx tsx scripts/measure-list.ts --db 数据库路径');
const dbPath = process.argv[at + 1];
const ctx = createContext({ dbPath, backupDir: join(tmpdir(), 'qingdan-measure-backups'), resourcesDir: 'resources' });
const d = createDispatch(createHandlers(ctx));
const unit = (ctx.db.prepare("SELECT unit_id AS id, count(*) n FROM item_units WHERE role='lead' GROUP BY unit_id ORDER BY n DESC LIMIT 1").get() as { id: number }).id;
const plan = (ctx.db.prepare('SELECT plan_id AS p, section_id AS s FROM items LIMIT 1').get() as { p: number; s: number });
const cases: [string, Record<string, unknown>][] = [
  ['default order, first page', {}],
  ['default order, offset 50000', { offset: 50000 }],
  ['default order, last page', { offset: 99800 }],
  ['sort title asc', { sort: 'title' }],
  ['sort title desc, offset 50000', { sort: 'title', desc: true, offset: 50000 }],
  ['sort deadline', { sort: 'deadline' }],
  ['sort updated desc', { sort: 'updated', desc: true }],
  ['sort progress', { sort: 'progress' }],
  ['sort status', { sort: 'status' }],
  ['sort code', { sort: 'code' }],
  ['unit (any role)', { unitId: unit }],
  ['unit as 牵头', { unitId: unit, role: 'lead' }],
  ['statuses 未启动+暂缓', { statuses: ['not_started', 'suspended'] }],
  ['deadline window 2025-06-01..2025-09-30', { deadlineFrom: '2025-06-01', deadlineTo: '2025-09-30' }],
  ['overdue', { overdue: true }],
  ['plan + section', { planId: plan.p, sectionId: plan.s }],
  ['keyword 1 char 消', { keyword: '消' }],
  ['keyword 2 chars 消费', { keyword: '消费' }],
  ['keyword 2 chars, no match 量子', { keyword: '量子' }],
  ['keyword 4 chars 老旧小区 (FTS)', { keyword: '老旧小区' }],
  ['unit 牵头 + 2-char keyword + status', { unitId: unit, role: 'lead', keyword: '推进', statuses: ['in_progress'] }],
  ['overdue + sort deadline desc, offset 10000', { overdue: true, sort: 'deadline', desc: true, offset: 10000 }],
];
for (const [name, q] of cases) {
  const times: number[] = [];
  let total = 0;
  for (let i = 0; i < 5; i++) {
    const t = performance.now();
    const r = (await d('items:list', { kind: 'task', limit: 200, ...q })) as { ok: boolean; value: { total: number }; error?: unknown };
    times.push(performance.now() - t);
    if (!r.ok) throw new Error(JSON.stringify(r.error));
    total = r.value.total;
  }
  times.sort((a, b) => a - b);
  console.log(`${name.padEnd(48)} total ${String(total).padStart(6)}  median ${times[2].toFixed(1).padStart(7)} ms  max ${times[4].toFixed(1).padStart(7)} ms`);
}
ctx.close();
