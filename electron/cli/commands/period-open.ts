import { PERIOD_KINDS } from '../../../shared/contract/schemas/periods';
import { UsageError, type Command } from '../command';
import { parseCli } from './import-support';
import { withCore } from './cycle-support';

/** `period-open --db --name --kind --start --end --due`: opens a dispatch period. */
export const periodOpenCommand: Command = {
  summary: '开启一个调度期次（如 2025年第5期）',
  usage: 'period-open --db <数据库> --name 2025年第5期 --kind 双周|月|季 --start 2025-06-16 --end 2025-06-29 --due 2025-06-30',
  async run(args) {
    const { values } = parseCli(args, {
      db: { type: 'string' }, name: { type: 'string' }, kind: { type: 'string' }, start: { type: 'string' }, end: { type: 'string' }, due: { type: 'string' },
    });
    for (const k of ['name', 'kind', 'start', 'end', 'due'] as const) if (!values[k]) throw new UsageError(`缺少 --${k}`);
    const kind = PERIOD_KINDS.find((k) => k === values.kind);
    if (!kind) throw new UsageError(`--kind 应为 ${PERIOD_KINDS.join('、')}`);
    return withCore(values.db, async (core) => {
      const p = await core.call('periods:open', { name: values.name!, kind, start: values.start!, end: values.end!, due: values.due! });
      console.log(`已开启期次「${p.name}」（${p.kind}，${p.startDate} 至 ${p.endDate}，${p.dueDate} 前报送），编号 ${p.id}`);
      return 0;
    });
  },
};
