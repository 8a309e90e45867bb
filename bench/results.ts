/**
 * Every measure of one `npm run bench` run in one place: each part records its rows here, and the
 * run ends by printing them as one table (measure, value, target, met) and writing bench/results.json
 * (not committed; see the README's 基准 section).
 */
import { writeFileSync } from 'node:fs';

export interface BenchRow {
  /** What was measured, in words a reader of the table understands (e.g. 导入 10,000 行 时间倍数). */
  measure: string;
  /** The measured value: a ratio against the baseline of the same run, or milliseconds. */
  value: number;
  unit: '×' | 'ms' | 'MB';
  /** The goal for it (value ≤ target is met); absent when it is only measured. */
  target?: number;
}

const rows: BenchRow[] = [];

export function record(row: BenchRow): void {
  rows.push(row);
}

const met = (r: BenchRow) => (r.target === undefined ? '—' : r.value <= r.target ? '达标' : '未达标');
const show = (v: number, unit: BenchRow['unit']) => (unit === '×' ? `${v.toFixed(2)}×` : `${Math.round(v * 10) / 10} ${unit}`);

/** Prints the table of every recorded row and writes it as JSON to `file`. */
export function finish(file: string): void {
  const table = rows.map((r) => ({ 测量: r.measure, 结果: show(r.value, r.unit), 目标: r.target === undefined ? '—' : `≤ ${show(r.target, r.unit)}`, 是否达标: met(r) }));
  console.log('\n== 汇总：本次运行的全部测量 ==');
  for (const t of table) console.log(`${t.是否达标.padEnd(4, '　')}  ${t.测量}：${t.结果}（目标 ${t.目标}）`);
  const json = rows.map((r) => ({ ...r, met: r.target === undefined ? null : r.value <= r.target }));
  writeFileSync(file, `${JSON.stringify({ at: new Date().toISOString(), rows: json }, null, 2)}\n`);
  console.log(`\n已写入 ${file}`);
}
