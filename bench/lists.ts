/**
 * Lists, dashboard and 催报 at scale: every query through the real dispatch on a seeded database
 * (`npm run seed:large -- --count 100000 --reports 1000000`), median and p95 over `runs` calls each,
 * recorded into the bench table (target: p95 ≤ 15 ms). The first dashboard call after seeding judges
 * every light once (kept from then on); it is reported separately and not part of the p95s.
 */
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createContext, localDate } from '../electron/core/context';
import { refreshPeriodLights } from '../electron/core/lights/period-lights';
import { createDispatch } from '../electron/core/dispatch';
import { createHandlers } from '../electron/core/index';
import { record } from './results';

const TARGET_MS = 15;

/** Every list filter and sort the filter bar and the column headers offer, with the hard cases. */
export function listCases(unit: number, plan: { p: number; s: number }, deep: number): [string, Record<string, unknown>][] {
  return [
    ['默认顺序 首页', {}],
    [`默认顺序 偏移 ${deep}`, { offset: deep }],
    ['按标题 首页', { sort: 'title' }],
    [`按标题倒序 偏移 ${deep}`, { sort: 'title', desc: true, offset: deep }],
    ['按时限', { sort: 'deadline' }],
    ['按更新时间倒序', { sort: 'updated', desc: true }],
    ['按进度', { sort: 'progress' }],
    ['按状态', { sort: 'status' }],
    ['按编号', { sort: 'code' }],
    ['单位（任一角色）', { unitId: unit }],
    ['单位 牵头', { unitId: unit, role: 'lead' }],
    ['状态 未启动+暂缓', { statuses: ['not_started', 'suspended'] }],
    ['时限区间', { deadlineFrom: '2025-06-01', deadlineTo: '2025-09-30' }],
    ['逾期', { overdue: true }],
    ['方案+篇章', { planId: plan.p, sectionId: plan.s }],
    ['关键词 1 字 消', { keyword: '消' }],
    ['关键词 2 字 消费', { keyword: '消费' }],
    ['关键词 2 字 无结果 量子', { keyword: '量子' }],
    ['关键词 4 字 老旧小区', { keyword: '老旧小区' }],
    ['牵头+2 字关键词+状态', { unitId: unit, role: 'lead', keyword: '推进', statuses: ['in_progress'] }],
    ['单位（任一角色）+1 字关键词', { unitId: unit, keyword: '消' }],
    ['逾期 按时限倒序 偏移 10000', { overdue: true, sort: 'deadline', desc: true, offset: 10000 }],
    ['按时限倒序', { sort: 'deadline', desc: true }],
    ['按方案', { sort: 'plan' }],
    ['按进度倒序 偏移 10000', { sort: 'progress', desc: true, offset: 10000 }],
    ['来源 本级新增', { origin: 'local' }],
    ['办结 待确认', { closure: 'pending' }],
    ['办结 已办结', { closure: 'closed' }],
    ['亮灯 红', { levels: ['bad'] }],
    ['亮灯 黄+绿 按时限', { levels: ['warn', 'good'], sort: 'deadline' }],
    ['单位（任一角色） 按进度', { unitId: unit, sort: 'progress' }],
    ['方案 按状态', { planId: plan.p, sort: 'status' }],
  ];
}

/** 催报 and the period's 汇总表 (a page of it, with its filters), on the latest period. */
type Query = Record<string, unknown> | ((run: number) => Record<string, unknown>);

function periodCases(periodId: number, units: readonly number[]): [string, string, Query][] {
  return [
    ['催报 名单', 'periods:missing', { periodId }],
    // a new filter each run: the core remembers only the last filtering, so alternating two lists filters afresh
    ['汇总表 首页（新筛选）', 'periods:summary', (i) => ({ periodId, kind: i % 2 ? 'task' : undefined, offset: 0, limit: 200 })],
    ['汇总表 首页（新筛选 状态）', 'periods:summary', (i) => ({ periodId, statuses: i % 2 ? ['in_progress'] : ['in_progress', 'done', 'suspended'], offset: 0, limit: 200 })],
    ['汇总表 首页（新筛选 单位）', 'periods:summary', (i) => ({ periodId, unitId: units[i % units.length], offset: 0, limit: 200 })],
    // scrolling: the next pages of the same filtering
    ['汇总表 翻页', 'periods:summary', (i) => ({ periodId, kind: 'task', offset: (i + 1) * 200, limit: 200 })],
    ['汇总表 翻页（状态）', 'periods:summary', (i) => ({ periodId, statuses: ['in_progress', 'done'], offset: (i + 1) * 200, limit: 200 })],
    ['汇总表 翻页（单位）', 'periods:summary', (i) => ({ periodId, unitId: units[0], offset: (i % 20) * 200, limit: 200 })],
    // the light filter walks the period's kept lights (judged once, ahead: see benchLists)
    ['汇总表 首页（新筛选 亮灯）', 'periods:summary', (i) => ({ periodId, levels: i % 2 ? ['bad'] : ['warn', 'bad'], offset: 0, limit: 200 })],
    ['汇总表 翻页（亮灯）', 'periods:summary', (i) => ({ periodId, levels: ['warn', 'bad'], offset: (i + 1) * 200, limit: 200 })],
    // keywords from the indexes (summary-keyword.ts), two alternating so each call matches afresh; 清单化管 is
    // checked against ~10,000 reports' texts (four characters: candidates by their pairs)
    ['汇总表 关键词 1 字（消/进）', 'periods:summary', (i) => ({ periodId, keyword: i % 2 ? '消' : '进', offset: 0, limit: 200 })],
    ['汇总表 关键词 2 字（推进/进展）', 'periods:summary', (i) => ({ periodId, keyword: i % 2 ? '推进' : '进展', offset: 0, limit: 200 })],
    ['汇总表 关键词 4 字（老旧小区/清单化管）', 'periods:summary', (i) => ({ periodId, keyword: i % 2 ? '老旧小区' : '清单化管', offset: 0, limit: 200 })],
    ['汇总表 关键词+类型+状态', 'periods:summary', (i) => ({ periodId, keyword: i % 2 ? '推进' : '消费', kind: 'task', statuses: ['in_progress'], offset: 0, limit: 200 })],
    ['汇总表 关键词 翻页', 'periods:summary', (i) => ({ periodId, keyword: '推进', offset: (i + 1) * 200, limit: 200 })],
  ];
}

function stats(times: number[]): { median: number; p95: number } {
  const s = [...times].sort((a, b) => a - b);
  return { median: s[Math.floor(s.length / 2)], p95: s[Math.min(s.length - 1, Math.ceil(s.length * 0.95) - 1)] };
}

/** Runs every case (or those whose name holds `only`) `runs` times on `dbPath`, prints median and p95, records the p95 of each. */
export async function benchLists(dbPath: string, runs = 20, only?: string): Promise<void> {
  const ctx = createContext({ dbPath, backupDir: join(tmpdir(), 'qingdan-measure-backups'), resourcesDir: 'resources' });
  const d = createDispatch(createHandlers(ctx));
  const call = async (ch: string, q: unknown) => {
    const r = (await d(ch as never, q as never)) as { ok: boolean; error?: unknown };
    if (!r.ok) throw new Error(`${ch}: ${JSON.stringify(r.error)}`);
  };
  const items = ctx.db.prepare("SELECT count(*) FROM items WHERE kind = 'task'").pluck().get() as number;
  const reports = ctx.db.prepare('SELECT count(*) FROM reports').pluck().get() as number;
  const unit = ctx.db.prepare("SELECT unit_id FROM item_units WHERE role='lead' GROUP BY unit_id ORDER BY count(*) DESC LIMIT 1").pluck().get() as number;
  const plan = ctx.db.prepare('SELECT plan_id AS p, section_id AS s FROM items LIMIT 1').get() as { p: number; s: number };
  const period = ctx.db.prepare('SELECT id FROM periods ORDER BY start_date DESC LIMIT 1').pluck().get() as number | undefined;
  // the 汇总表's unit filter over the units with the most items, a different one each run
  const summaryUnits = ctx.db.prepare('SELECT unit_id FROM item_units GROUP BY unit_id ORDER BY count(*) DESC LIMIT 10').pluck().all() as number[];
  console.log(`\n清单与概览：${items.toLocaleString('en-US')} 条任务、${reports.toLocaleString('en-US')} 条报送，每项 ${runs} 次`);
  if (!only || '概览'.includes(only)) {
    const first = performance.now();
    await call('dashboard:get', { kind: 'task' });
    record({ measure: '概览 首次（判定全部亮灯一次）', value: performance.now() - first, unit: 'ms' });
  }
  if (period && (!only || '汇总表'.includes(only) || only.includes('汇总表'))) {
    // the period's lights judged once, as the lights keeper does ahead after an upgrade or a new day (kept from then on)
    const first = performance.now();
    refreshPeriodLights(ctx.db, period, localDate(ctx.now()));
    record({ measure: '汇总表 首次（判定本期全部亮灯一次）', value: performance.now() - first, unit: 'ms' });
  }
  // A fresh process compiles the list code during its first few dozen calls, on V8's background
  // threads, which process.cpuUsage counts: 15–20 ms spikes in the first cases' p95 that an app open
  // for a while never pays. Pages of another sort, not recorded, warm it as use does.
  for (let i = 0; i < 30; i++) await call('items:list', { kind: 'task', sort: 'code', offset: i * 200, limit: 200 });
  const cases: [string, string, Query][] = [
    ...listCases(unit, plan, Math.floor(items / 2)).map(([n, q]): [string, string, Record<string, unknown>] => [`清单 ${n}`, 'items:list', { kind: 'task', limit: 200, ...q }]),
    ['概览', 'dashboard:get', { kind: 'task' }],
    // lights:list answers pages (the list's light filter is items:list levels): the first and a deep one of the red lights
    ['亮灯 红灯 首页（1,000 条）', 'lights:list', { kind: 'task', levels: ['bad'] }],
    ['亮灯 红灯 偏移 30000', 'lights:list', { kind: 'task', levels: ['bad'], offset: 30000 }],
    ...(period ? periodCases(period, summaryUnits) : []),
  ];
  for (const [name, ch, q] of cases.filter(([n]) => !only || n.includes(only))) {
    const times: number[] = [];
    const cpu: number[] = [];
    for (let i = 0; i < (name.includes('扫描') ? Math.min(runs, 4) : runs); i++) {
      const t = performance.now();
      const c = process.cpuUsage();
      await call(ch, typeof q === 'function' ? q(i) : q);
      const u = process.cpuUsage(c);
      times.push(performance.now() - t);
      cpu.push((u.user + u.system) / 1000);
    }
    const s = stats(times);
    const c = stats(cpu);
    // CPU time of the call: what the call costs on a machine others load (wall time waits for the CPU)
    console.log(
      `${name.padEnd(36, '　')} 中位 ${s.median.toFixed(1).padStart(7)} ms  p95 ${s.p95.toFixed(1).padStart(7)} ms` +
        `  （CPU 中位 ${c.median.toFixed(1)} ms，p95 ${c.p95.toFixed(1)} ms）`,
    );
    record({ measure: `${name} p95`, value: s.p95, unit: 'ms', target: TARGET_MS });
  }
  ctx.close();
}
