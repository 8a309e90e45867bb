/**
 * The apply phase alone, in process: a generated workbook read once, then applied (compare + one
 * batch) into a fresh database file per repeat, with its CPU (process.cpuUsage) and wall time.
 * `npx tsx bench/apply-cpu.ts [rows=10000] [repeats=3]`. Compares code versions of the write path
 * without building the worker bundle (bench/phase.ts measures the whole pipeline).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../electron/core/db/open-database';
import { applyParsed } from '../electron/core/import/apply-parsed';
import { parseSources } from '../electron/core/import/parse-sources';
import { generateWorkbook } from './generate';

const rows = Number(process.argv[2] ?? 10000);
const repeats = Number(process.argv[3] ?? 3);
const parsed = await parseSources({ files: [{ name: 'bench.xlsx', bytes: generateWorkbook(rows) }], mappingsByLayout: {}, choices: [] });
const dir = mkdtempSync(join(tmpdir(), 'qd-defer-'));
const out: string[] = [];
for (let i = 0; i < repeats; i++) {
  const db = openDatabase(join(dir, `db${i}.sqlite`));
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const res = applyParsed(db, parsed, { kind: 'task', origin: 'upper', decisions: {}, mappings: [], operator: 'bench', at: new Date().toISOString() });
  const c = process.cpuUsage(c0);
  const wall = performance.now() - t0;
  const units = db.prepare('SELECT count(*) FROM item_units').pluck().get();
  out.push(`new=${res.counts.new} unitRows=${units} cpu=${((c.user + c.system) / 1000).toFixed(0)}ms wall=${wall.toFixed(0)}ms`);
  db.close();
}
rmSync(dir, { recursive: true, force: true });
console.log(out.join('\n'));
