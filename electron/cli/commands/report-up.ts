import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { reportUp } from '../../core/breakdown/report-up';
import { UsageError, type Command } from '../command';
import { note, openDb, parseCli } from './import-support';

const SOURCES: Record<string, string> = { report: '本级报送', item: '条目现状', rollup: '分解条目汇总' };

/** `report-up <upper-template> --db <path> [--out <file>] [--json]`: fills the upper office's template from local data. */
export const reportUpCommand: Command = {
  summary: '上报：用本级数据填写上级下发的填报模板（保持模板的锁定和隐藏列）',
  usage: 'report-up <上级模板.xlsx> --db <数据库> [--out <填好的文件>] [--json]',
  async run(args) {
    const { values, positionals } = parseCli(args, { db: { type: 'string' }, out: { type: 'string' }, json: { type: 'boolean' } });
    const path = positionals[0];
    if (!path) throw new UsageError('请给出上级下发的模板文件');
    if (!existsSync(path) || !statSync(path).isFile()) throw new UsageError(`找不到文件：${path}`);
    const ctx = openDb(values.db);
    try {
      const r = await reportUp(ctx.db, basename(path), new Uint8Array(readFileSync(path)));
      const out = values.out ?? join(dirname(path), r.fileName);
      writeFileSync(out, r.bytes);
      if (values.json) {
        process.stdout.write(`${JSON.stringify({ ...r, bytes: undefined, out }, null, 2)}\n`);
        return 0;
      }
      console.log(`${r.senderOffice}「${r.period}」模板（填报单位：${r.unit || '未注明'}）：共 ${r.counts.rows} 行，已填写 ${r.counts.filled} 行（其中 ${r.counts.rolledUp} 行由分解条目汇总），${r.counts.unmatched} 行未找到对应条目`);
      for (const row of r.rows.filter((x) => x.source)) note(`  ${row.code}\t${row.title}\t${SOURCES[row.source!]}`);
      for (const p of r.problems) note(`  ！${p}`);
      console.log(`已写入：${out}`);
      return 0;
    } finally {
      ctx.close();
    }
  },
};
