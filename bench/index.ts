/**
 * `npm run bench`: imports generated 10,000- and 50,000-row workbooks through the app's pipeline
 * (worker parse → compare → apply as one undoable batch, into a fresh database) and, in the same
 * run, through the raw baseline (SheetJS parse alone + plain prepared inserts in one transaction).
 * Every measurement runs in its own child process (clean memory numbers); runs alternate and the
 * median is reported. Prints time and peak-memory ratios; targets: 1.3× time, 1.5× memory.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateWorkbook } from './generate';

interface Run {
  mode: string;
  items: number;
  totalMs: number;
  totalCpuMs: number;
  idleRssMb: number;
  peakRssMb: number;
  phases: { name: string; ms: number; cpuMs: number; peakRssMb: number }[];
}

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = resolve(HERE, '..');
const SIZES = (process.env.BENCH_SIZES ?? '10000,50000').split(',').map(Number);
const REPEATS = Number(process.env.BENCH_REPEATS ?? 3);
const TARGET = { time: 1.3, memory: 1.5 };

function runChild(mode: string, file: string, dir: string, n: number): Run {
  const db = join(dir, `${mode}-${n}.sqlite`);
  const out = execFileSync(process.execPath, ['--import', 'tsx', join(HERE, 'phase.ts'), mode, file, db], { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  for (const f of [db, `${db}-wal`, `${db}-shm`]) rmSync(f, { force: true });
  return JSON.parse(out.trim().split('\n').at(-1)!) as Run;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const ratio = (a: number, b: number) => (a / b).toFixed(2);
const verdict = (r: number, target: number) => (r <= target ? '达标' : '未达标');

function summarize(runs: Run[]) {
  const phaseNames = runs[0].phases.map((p) => p.name).filter((n) => n !== 'load');
  return {
    wall: median(runs.map((r) => r.totalMs)),
    cpu: median(runs.map((r) => r.totalCpuMs)),
    rss: median(runs.map((r) => r.peakRssMb)),
    idle: median(runs.map((r) => r.idleRssMb)),
    phases: phaseNames.map((name) => {
      const ps = runs.map((r) => r.phases.find((p) => p.name === name)!);
      return `${name} ${median(ps.map((p) => p.ms))} ms（CPU ${median(ps.map((p) => p.cpuMs))} ms，峰值 ${median(ps.map((p) => p.peakRssMb))} MB）`;
    }),
  };
}

function benchSize(rows: number, dir: string): void {
  const file = join(dir, `bench-${rows}.xlsx`);
  writeFileSync(file, generateWorkbook(rows));
  const base: Run[] = [];
  const app: Run[] = [];
  for (let i = 0; i < REPEATS; i++) {
    base.push(runChild('baseline', file, dir, i));
    app.push(runChild('import', file, dir, i));
  }
  if (app.some((r) => r.items !== rows) || base.some((r) => r.items !== rows)) throw new Error(`expected ${rows} items: ${app.map((r) => r.items)} / ${base.map((r) => r.items)}`);
  const b = summarize(base);
  const a = summarize(app);
  const time = a.wall / b.wall;
  const cpu = a.cpu / b.cpu;
  const mem = a.rss / b.rss;
  console.log(`\n== ${rows.toLocaleString('en-US')} 行（${REPEATS} 次取中位数）==`);
  console.log(`基线  ${b.wall} ms，CPU ${b.cpu} ms，峰值内存 ${b.rss} MB（空载 ${b.idle} MB）：${b.phases.join('；')}`);
  console.log(`导入  ${a.wall} ms，CPU ${a.cpu} ms，峰值内存 ${a.rss} MB（空载 ${a.idle} MB）：${a.phases.join('；')}`);
  console.log(`倍数  时间 ${ratio(a.wall, b.wall)}×（${verdict(time, TARGET.time)}，目标 ${TARGET.time}×）；CPU ${ratio(a.cpu, b.cpu)}×（${verdict(cpu, TARGET.time)}）；峰值内存 ${ratio(a.rss, b.rss)}×（${verdict(mem, TARGET.memory)}，目标 ${TARGET.memory}×）；扣除空载后内存 ${ratio(a.rss - a.idle, b.rss - b.idle)}×`);
}

const dir = mkdtempSync(join(tmpdir(), 'qd-bench-'));
try {
  console.log('清单通导入基准：应用的导入（后台线程解析 → 与数据库比对 → 一个可撤销批次写入）对比原始基线（SheetJS 解析 + 一个事务内的预编译插入）');
  for (const rows of SIZES) benchSize(rows, dir);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
