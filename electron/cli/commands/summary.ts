import type { Command } from '../command';
import { parseCli } from './import-support';
import { periodId, requireOut, withCore, writeOut } from './cycle-support';

const KINDS = { tasks: 'task', projects: 'project', policies: 'policy', indicators: 'indicator' } as const;

/** `summary --period <p> --db --out <file>`: the period's 汇总表. */
export const summaryCommand: Command = {
  summary: '导出期次汇总表：每个条目的完成时限、亮灯和本期各单位的填报（单位、状态、完成比例、进展、问题、下步计划）',
  usage: 'summary --period <期次> --db <数据库> --out <文件.xlsx> [--list tasks|projects|policies|indicators]',
  async run(args) {
    const { values } = parseCli(args, { db: { type: 'string' }, period: { type: 'string' }, out: { type: 'string' }, list: { type: 'string' } });
    const out = requireOut(values.out, '文件.xlsx');
    return withCore(values.db, async (core) => {
      const kind = values.list ? KINDS[values.list as keyof typeof KINDS] : undefined;
      const file = await core.call('periods:summary-export', { periodId: periodId(core.ctx, values.period), kind });
      console.log(`汇总表已保存到 ${writeOut(out, file.bytes)}`);
      return 0;
    });
  },
};
