/**
 * The styled-export benchmark of `npm run bench` (issue 10), each side in its own child process,
 * alternating, medians reported:
 *  - a styled list of 10,000 and 100,000 rows (writeStyledWorkbook, as export:list writes it)
 *    against ExcelJS's streaming writer writing the same cells plain; target 1.5× time and memory;
 *  - issuing fill-in templates to 67 units (as templates:issue writes them) against writing the same
 *    cells unstyled; target 2× time (memory held to the export's 1.5×).
 * BENCH_EXPORT_SIZES=10000,100000 and BENCH_TEMPLATE_ROWS (rows per unit, 150) change the sizes.
 */
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { TEMPLATE_ROWS, UNITS } from './export-specs';
import { printComparison, runMeasured, type Run } from './measure';

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = resolve(HERE, '..');
const SIZES = (process.env.BENCH_EXPORT_SIZES ?? '10000,100000').split(',').map(Number);

function compare(repeats: number, mode: string, args: string[], expected: number): { base: Run[]; app: Run[] } {
  const base: Run[] = [];
  const app: Run[] = [];
  for (let i = 0; i < repeats; i++) {
    base.push(runMeasured(join(HERE, 'export-phases.ts'), [`${mode}-plain`, ...args], ROOT));
    app.push(runMeasured(join(HERE, 'export-phases.ts'), [mode, ...args], ROOT));
  }
  const wrong = [...base, ...app].filter((r) => r.items !== expected);
  if (wrong.length) throw new Error(`expected ${expected} rows: ${wrong.map((r) => `${r.mode} ${r.items}`).join(', ')}`);
  return { base, app };
}

export function benchExport(repeats: number): void {
  console.log('\n清单通带格式导出基准：逐行流式写入的带格式工作簿（样式、合并、数据验证、保护、打印设置、_meta）对比 ExcelJS 流式写入同样的单元格（无格式）');
  for (const rows of SIZES) {
    const runs = compare(repeats, 'list', [String(rows)], rows);
    printComparison({ title: `带格式导出 ${rows.toLocaleString('en-US')} 行（基线：ExcelJS 流式写入同样的单元格）`, repeats, appLabel: '导出', ...runs, target: { time: 1.5, memory: 1.5 } });
  }
  const runs = compare(repeats, 'templates', [], UNITS * TEMPLATE_ROWS);
  printComparison({ title: `下发填报模板 ${UNITS} 个单位 × ${TEMPLATE_ROWS} 行（基线：不带格式写入同样的单元格）`, repeats, appLabel: '下发', ...runs, target: { time: 2, memory: 1.5 } });
}
