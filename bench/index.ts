/**
 * `npm run bench`: imports generated 10,000- and 100,000-row workbooks through the app's pipeline
 * (worker parse → compare → apply as one undoable batch, into a fresh database) and, in the same
 * run, through the real floor (SheetJS parse alone + plain prepared inserts with every trigger
 * dropped + one build of both search indexes at the end, in one transaction).
 * Every measurement runs in its own child process (clean memory numbers); runs alternate and the
 * median is reported. Prints time and peak-memory ratios; targets: 1.3× time, 1.5× memory.
 * Then the exchange benchmarks (bench/exchange.ts), the styled exports (bench/export.ts) and the lists at scale (bench/lists.ts).
 * Then importing Word and PDF documents (bench/documents.ts).
 * BENCH_PARTS=import, =exchange, =export, =lists or =documents (comma-separated) runs some parts.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { benchDocuments } from './documents';
import { benchExchange } from './exchange';
import { benchExport } from './export';
import { benchLists } from './lists';
import { generateWorkbook } from './generate';
import { printComparison, runMeasured, type Run } from './measure';
import { finish } from './results';

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = resolve(HERE, '..');
const SIZES = (process.env.BENCH_SIZES ?? '10000,100000').split(',').map(Number);
const REPEATS = Number(process.env.BENCH_REPEATS ?? 3);
const TARGET = { time: 1.3, memory: 1.5 };
/** Which benchmarks run: import (issue 3), exchange (issue 4: returns), export (issue 10: styled exports streamed), lists (issue 10: lists, 概览, 催报 at scale), documents (issue 9: Word and PDF in). */
const PARTS = (process.env.BENCH_PARTS ?? 'import,exchange,export,lists,documents').split(',');
/** Items and reports of the seeded database the lists part measures (BENCH_LISTS_DB reuses one already seeded). */
const LIST_ITEMS = Number(process.env.BENCH_LIST_ITEMS ?? 100000);
const LIST_REPORTS = Number(process.env.BENCH_LIST_REPORTS ?? 1000000);

function listsDb(dir: string): string {
  if (process.env.BENCH_LISTS_DB) return process.env.BENCH_LISTS_DB;
  const db = join(dir, 'lists.sqlite');
  const args = ['run', 'seed:large', '--', '--db', db, '--count', String(LIST_ITEMS), '--mix', 'task:100', '--reports', String(LIST_REPORTS)];
  execFileSync('npm', args, { cwd: ROOT, stdio: 'ignore' });
  return db;
}

function runChild(mode: string, file: string, dir: string, n: number): Run {
  const db = join(dir, `${mode}-${n}.sqlite`);
  const run = runMeasured(join(HERE, 'phase.ts'), [mode, file, db], ROOT);
  for (const f of [db, `${db}-wal`, `${db}-shm`]) rmSync(f, { force: true });
  return run;
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
  printComparison({ title: `导入 ${rows.toLocaleString('en-US')} 行（对比真实下限）`, repeats: REPEATS, appLabel: '导入', base, app, target: TARGET });
}

const dir = mkdtempSync(join(tmpdir(), 'qd-bench-'));
try {
  if (PARTS.includes('import')) {
    // The app parses in its built worker bundle (out/main): measure that, not the tsx-run source.
    execFileSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'ignore' });
    console.log('清单通导入基准：应用的导入（后台线程解析 → 与数据库比对 → 一个可撤销批次写入）对比真实下限（SheetJS 解析 + 去掉全部触发器的预编译插入 + 最后一次建好两个搜索索引，同一事务）');
    for (const rows of SIZES) benchSize(rows, dir);
  }
  if (PARTS.includes('exchange')) await benchExchange(dir, REPEATS);
  if (PARTS.includes('export')) benchExport(REPEATS);
  if (PARTS.includes('lists')) await benchLists(listsDb(dir));
  if (PARTS.includes('documents')) await benchDocuments(dir, REPEATS);
  finish(join(HERE, 'results.json'));
} finally {
  rmSync(dir, { recursive: true, force: true });
}
