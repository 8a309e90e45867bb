/**
 * The database and files the exchange benchmark measures against: 30 units with 300 items each
 * (plus 1,000 items they only cooperate on, so a 10,000-row list exists), one open period, the 30
 * fill-in templates issued through the dispatch and filled as units fill them (ExcelJS: 状态,
 * 完成比例, 进展情况 on every row).
 */
import ExcelJS from 'exceljs';
import { randomUUID } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Database } from 'better-sqlite3';
import type { Channel, Input, Output } from '../shared/contract/channels';
import { createContext } from '../electron/core/context';
import { createDispatch } from '../electron/core/dispatch';
import { createHandlers } from '../electron/core';
import { readTemplateRows } from '../electron/core/excel/fill-template';

export const UNITS = 30;
export const ROWS_PER_UNIT = 300;
export const LIST_ROWS = 10_000;

export interface ExchangeFixture {
  /** The database after issuing (copied before each measured run). */
  db: string;
  /** The 30 filled returns. */
  returns: string[];
}

const DEADLINES = ['2025年6月底前', '2025年9月30日', '全年', '长期坚持', '2025年12月底前', '持续推进'];
const STATUSES = ['推进中', '已完成', '未启动', '推进中'];

/** A core over a database file, called through the dispatch as the UI calls it. */
export function connect(dbPath: string) {
  const ctx = createContext({ dbPath, backupDir: join(dbPath, '..', 'backups'), resourcesDir: resolve('resources') });
  const dispatch = createDispatch(createHandlers(ctx));
  const call = async <C extends Channel>(channel: C, input: Input<C>): Promise<Output<C>> => {
    const r = await dispatch(channel, input);
    if (!r.ok) throw new Error(r.error.message);
    return r.value as Output<C>;
  };
  return { ctx, call };
}

/** Items straight into the schema (one transaction, prepared statements, as scripts/seed-large.ts does). */
function seedItems(db: Database, unitIds: readonly number[]): void {
  const at = new Date().toISOString();
  const plan = Number(db.prepare("INSERT INTO plans(title, origin, sort, created_at, updated_at) VALUES ('内需扩量提效攻坚实施方案', 'upper', 1, ?, ?)").run(at, at).lastInsertRowid);
  const section = db.prepare('INSERT INTO sections(plan_id, name, sort) VALUES (?, ?, ?)');
  const sections = Array.from({ length: 10 }, (_, k) => Number(section.run(plan, `（${k + 1}）第${k + 1}组重点工作`, k + 1).lastInsertRowid));
  const item = db.prepare(
    `INSERT INTO items(uid, kind, plan_id, section_id, code, seq, title, content, deadline_text, origin, created_at, updated_at)
     VALUES (?, 'task', ?, ?, ?, ?, ?, ?, ?, 'upper', ?, ?)`,
  );
  const link = db.prepare('INSERT OR IGNORE INTO item_units(item_id, unit_id, role, sort) VALUES (?, ?, ?, ?)');
  db.transaction(() => {
    for (let i = 0; i < LIST_ROWS; i++) {
      const content = `推进第${i + 1}项重点工作。突出就业优先导向，大规模开展职业技能培训，新增城镇就业${(i % 90) + 10}万人以上，完成投资${(i % 500) + 100}亿元，推动劳动者技能提升和消费帮扶。`;
      const id = Number(item.run(randomUUID(), plan, sections[i % 10], String(i + 1), i + 1, `重点工作任务${i + 1}`, content, DEADLINES[i % DEADLINES.length], at, at).lastInsertRowid);
      const lead = i < UNITS * ROWS_PER_UNIT;
      // The first 9,000 items are led by one of the 30 units (300 each); the rest only have 配合 units.
      if (lead) link.run(id, unitIds[i % UNITS], 'lead', 0);
      link.run(id, unitIds[(i + 7) % UNITS], 'coop', 1);
      link.run(id, unitIds[(i + 13) % UNITS], 'coop', 2);
    }
  })();
}

/** What a unit types into its template: 状态, 完成比例 and 进展情况 on every row. */
export async function fillReturn(bytes: Uint8Array, name: string): Promise<Uint8Array> {
  const { meta, rows } = await readTemplateRows(bytes, name);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  rows.forEach((r, n) => {
    const layout = meta.sheets.find((s) => s.name === r.sheet)!;
    const row = wb.getWorksheet(r.sheet)!.getRow(r.row);
    const col = (key: string) => layout.columns.indexOf(key) + 1;
    row.getCell(col('status')).value = STATUSES[n % STATUSES.length];
    row.getCell(col('ratio')).value = (n * 7) % 101;
    row.getCell(col('progressText')).value = `已召开第${n + 1}次专题调度会，完成年度计划的${(n * 7) % 101}%，新增就业${n + 20}人，下一步加快推进项目建设。`;
  });
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

/**
 * The issue-and-fill both benchmarks start from: the units created, `seed` writing their items, one
 * open period, every unit's template issued through the dispatch (ROWS_PER_UNIT rows each) and
 * filled by fillReturn into `out`. Answers the database and the returned files.
 */
export async function issueFilledReturns(out: string, unitNames: readonly string[], seed: (db: Database, unitIds: readonly number[]) => void): Promise<ExchangeFixture> {
  mkdirSync(out, { recursive: true });
  const db = join(out, 'issued.sqlite');
  const { ctx, call } = connect(db);
  const unitIds: number[] = [];
  for (const name of unitNames) unitIds.push((await call('units:create', { name })).id);
  seed(ctx.db, unitIds);
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
  return { db, returns };
}

export async function prepareExchange(dir: string): Promise<ExchangeFixture> {
  const started = performance.now();
  const names = Array.from({ length: UNITS }, (_, u) => `第${u + 1}责任单位`);
  const fixture = await issueFilledReturns(join(dir, 'exchange'), names, seedItems);
  console.log(`（准备：${UNITS} 个单位 × ${ROWS_PER_UNIT} 行的填报模板已下发并填好，清单 ${LIST_ROWS.toLocaleString('en-US')} 行，用时 ${((performance.now() - started) / 1000).toFixed(1)} 秒）`);
  return fixture;
}
