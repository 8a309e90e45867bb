/**
 * The apply phase alone, in process: a generated workbook read once, then applied (compare + one
 * batch) into a fresh database file per repeat, with its CPU (process.cpuUsage) and wall time.
 * `npx tsx bench/apply-cpu.ts [rows=10000] [repeats=3] [reimport]`. Compares code versions of the
 * write path without building the worker bundle (bench/phase.ts measures the whole pipeline).
 * `reimport`: the list is imported first (not measured), then again with every task's title and
 * content revised: the measured apply updates every item (its search index entries included).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../electron/core/db/open-database';
import { applyParsed, type ApplyOptions } from '../electron/core/import/apply-parsed';
import { parseSources, type ParsedSource } from '../electron/core/import/parse-sources';
import { generateWorkbook } from './generate';

const rows = Number(process.argv[2] ?? 10000);
const repeats = Number(process.argv[3] ?? 3);
const reimport = process.argv[4] === 'reimport';
const parsed = await parseSources({ files: [{ name: 'bench.xlsx', bytes: generateWorkbook(rows) }], mappingsByLayout: {}, choices: [] });

/** The same sources with every item's title and content revised (a newer version of the list). */
function revised(sources: readonly ParsedSource[]): ParsedSource[] {
  return sources.map((p) =>
    p.source !== 'file'
      ? p
      : { ...p, hash: `${p.hash}-revised`, workbook: { ...p.workbook, sheets: p.workbook.sheets.map((s) => ({ ...s, items: s.items.map((d) => ({ ...d, title: `${d.title}（修订）`, content: `${d.content}按季度报送进展。` })) })) } },
  );
}

const options = (): ApplyOptions => ({ kind: 'task', origin: 'upper', decisions: {}, mappings: [], operator: 'bench', at: new Date().toISOString() });
const measured = reimport ? revised(parsed) : parsed;
const dir = mkdtempSync(join(tmpdir(), 'qd-defer-'));
const out: string[] = [];
for (let i = 0; i < repeats; i++) {
  const db = openDatabase(join(dir, `db${i}.sqlite`));
  if (reimport) applyParsed(db, parsed, options());
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const res = applyParsed(db, measured, options());
  const c = process.cpuUsage(c0);
  const wall = performance.now() - t0;
  const units = db.prepare('SELECT count(*) FROM item_units').pluck().get();
  out.push(`new=${res.counts.new} changed=${res.counts.changed} unitRows=${units} cpu=${((c.user + c.system) / 1000).toFixed(0)}ms wall=${wall.toFixed(0)}ms`);
  db.close();
}
rmSync(dir, { recursive: true, force: true });
console.log(out.join('\n'));
