/**
 * The exchange benchmarks of `npm run bench` (issue 4), each side in its own child process,
 * alternating, medians reported:
 *  - 30 returned templates of 300 rows: returns:preview + returns:apply, against parsing the same
 *    30 files alone with the reader the returns code uses (ExcelJS, readAppWorkbook); target 2×;
 *  - the same for 200 returned templates of 300 rows (BENCH_RETURNS_MANY, 0 skips it).
 * The styled exports are measured in bench/export.ts.
 */
import { copyFileSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { prepareExchange, ROWS_PER_UNIT, UNITS, type ExchangeFixture } from './exchange-setup';
import { prepareReturns } from './returns-setup';
import { printComparison, runMeasured, type Run } from './measure';

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = resolve(HERE, '..');
/** Returns: preview + apply at most twice the time of parsing the same files (issue 10). */
const RETURNS_TARGET = { time: 2 };
const RETURNS_MANY = Number(process.env.BENCH_RETURNS_MANY ?? 200);

/** Runs one side on its own copy of the issued database (apply writes to it). */
function runSide(fx: Pick<ExchangeFixture, 'db'>, mode: string, n: number, inputs: readonly string[]): Run {
  const db = join(dirname(fx.db), `${mode}-${n}.sqlite`);
  copyFileSync(fx.db, db);
  try {
    return runMeasured(join(HERE, 'exchange-phases.ts'), [mode, db, ...inputs], ROOT);
  } finally {
    for (const f of [db, `${db}-wal`, `${db}-shm`]) rmSync(f, { force: true });
  }
}

function compare(fx: Pick<ExchangeFixture, 'db'>, repeats: number, modes: [string, string], inputs: readonly string[], expected: number): { base: Run[]; app: Run[] } {
  const base: Run[] = [];
  const app: Run[] = [];
  for (let i = 0; i < repeats; i++) {
    base.push(runSide(fx, modes[0], i, inputs));
    app.push(runSide(fx, modes[1], i, inputs));
  }
  const wrong = [...base, ...app].filter((r) => r.items < expected);
  if (wrong.length) throw new Error(`expected ${expected} rows: ${wrong.map((r) => `${r.mode} ${r.items}`).join(', ')}`);
  return { base, app };
}

export async function benchExchange(dir: string, repeats: number): Promise<void> {
  console.log('\n清单通回收基准：应用的回收（预览 + 应用为一个可撤销批次）对比只解析这些文件');
  const fx = await prepareExchange(dir);
  const rows = UNITS * ROWS_PER_UNIT;
  const returns = compare(fx, repeats, ['returns-read', 'returns'], fx.returns, rows);
  printComparison({ title: `回收 ${UNITS} 个文件 × ${ROWS_PER_UNIT} 行（基线：只解析这 ${UNITS} 个文件）`, repeats, appLabel: '回收', ...returns, target: RETURNS_TARGET });
  if (RETURNS_MANY > 0) {
    const many = await prepareReturns(dir, RETURNS_MANY);
    const res = compare(many, repeats, ['returns-read', 'returns'], many.returns, RETURNS_MANY * ROWS_PER_UNIT);
    printComparison({ title: `回收 ${RETURNS_MANY} 个文件 × ${ROWS_PER_UNIT} 行（基线：只解析这 ${RETURNS_MANY} 个文件）`, repeats, appLabel: '回收', ...res, target: RETURNS_TARGET });
  }
}
