/**
 * One measured run in its own process (clean memory numbers): `baseline` (SheetJS parse alone +
 * plain prepared inserts in one transaction) or `import` (the app's pipeline: worker parse,
 * compare with the database, apply as one batch). Prints one JSON line.
 */
import * as XLSX from '@e965/xlsx';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { getHeapStatistics } from 'node:v8';
import { openDatabase } from '../electron/core/db/open-database';
import { applyImport } from '../electron/core/import/import-apply';
import { mergeSets, setsOf } from '../electron/core/import/import-sets';
import { runParse } from '../electron/core/import/worker/run-parse';

interface Phase {
  name: string;
  /** Wall-clock time of the phase. */
  ms: number;
  /** CPU time of the whole process (all threads) in the phase: steadier than wall time on a busy machine. */
  cpuMs: number;
  /** Peak resident set of the process so far (MB): worker threads included. */
  peakRssMb: number;
  heapUsedMb: number;
}

const MB = 1024 * 1024;
const phases: Phase[] = [];
const cpuNow = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
let last = performance.now();
let lastCpu = cpuNow();
function lap(name: string): void {
  const now = performance.now();
  const cpu = cpuNow();
  phases.push({ name, ms: Math.round(now - last), cpuMs: Math.round(cpu - lastCpu), peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024), heapUsedMb: Math.round(process.memoryUsage().heapUsed / MB) });
  last = now;
  lastCpu = cpu;
}

function baseline(bytes: Uint8Array, dbPath: string): number {
  const wb = XLSX.read(bytes, { type: 'array', dense: true });
  lap('parse');
  const db = openDatabase(dbPath);
  const at = new Date().toISOString();
  const item = db.prepare(
    "INSERT INTO items(uid, kind, code, seq, title, content, deadline_text, note, origin, created_at, updated_at) VALUES (?, 'task', ?, ?, ?, ?, ?, ?, 'upper', ?, ?)",
  );
  const unit = db.prepare('INSERT INTO units(name, created_at, updated_at) VALUES (?, ?, ?)');
  const link = db.prepare('INSERT OR IGNORE INTO item_units(item_id, unit_id, role, sort) VALUES (?, ?, ?, ?)');
  const units = new Map<string, number>();
  const unitId = (name: string) => units.get(name) ?? units.set(name, Number(unit.run(name, at, at).lastInsertRowid)).get(name)!;
  let n = 0;
  db.transaction(() => {
    for (const name of wb.SheetNames) {
      for (const row of wb.Sheets[name]['!data'] ?? []) {
        const v = Array.from({ length: 7 }, (_, i) => (row?.[i]?.v === undefined ? '' : String(row[i]!.v)));
        if (!/^\d+$/.test(v[0] ?? '')) continue;
        const id = Number(item.run(randomUUID(), v[0], ++n, v[1], v[2], v[5], v[6], at, at).lastInsertRowid);
        v[3].split('、').forEach((u, i) => u && link.run(id, unitId(u), 'lead', i));
        v[4].split('、').forEach((u, i) => u && link.run(id, unitId(u), 'coop', i));
      }
    }
  })();
  db.close();
  lap('insert');
  return n;
}

async function pipeline(bytes: Uint8Array, dbPath: string, fileName: string): Promise<number> {
  const parsed = await runParse({ files: [{ name: fileName, bytes }], mappingsByLayout: {}, choices: [] });
  lap('parse');
  const db = openDatabase(dbPath);
  const set = mergeSets(parsed.flatMap((p) => setsOf(p, 'task', 'upper')).map((s) => s.set));
  const res = applyImport(db, set, { operator: 'bench', at: new Date().toISOString() });
  db.close();
  lap('compare+apply');
  return res.counts.new;
}

const [mode, file, dbPath] = process.argv.slice(2);
const bytes = new Uint8Array(readFileSync(file));
lap('load');
const idle = { rssMb: Math.round(process.memoryUsage().rss / MB) };
const items = mode === 'baseline' ? baseline(bytes, dbPath) : await pipeline(bytes, dbPath, 'bench.xlsx');
const work = phases.filter((p) => p.name !== 'load');
const total = work.reduce((s, p) => s + p.ms, 0);
const totalCpu = work.reduce((s, p) => s + p.cpuMs, 0);
const peakHeapMb = Math.round(getHeapStatistics().peak_malloced_memory / MB);
process.stdout.write(`${JSON.stringify({ mode, items, totalMs: total, totalCpuMs: totalCpu, idleRssMb: idle.rssMb, peakRssMb: phases.at(-1)!.peakRssMb, peakMallocMb: peakHeapMb, phases })}\n`);
