import { listBatches } from '../../core/batches/batches';
import type { Command } from '../command';
import { openDb, parseCli } from './import-support';

const KINDS: Record<string, string> = { seed: '示例数据', import: '导入', returns: '报送回收', 'report-up': '上报', bulk: '批量修改' };

/** `batches --db <path> [--json]`: the import batches, newest first. */
export const batchesCommand: Command = {
  summary: '列出导入批次（最新的在前）',
  usage: 'batches --db <数据库> [--json]',
  async run(args) {
    const { values } = parseCli(args, { db: { type: 'string' }, json: { type: 'boolean' } });
    const ctx = openDb(values.db);
    try {
      const list = listBatches(ctx.db);
      if (values.json) process.stdout.write(`${JSON.stringify(list, null, 2)}\n`);
      else if (list.length === 0) console.log('还没有导入批次');
      for (const b of values.json ? [] : list) {
        const c = b.counts;
        const counts = `新增 ${c.new ?? 0}，更新 ${c.changed ?? 0}`;
        console.log(`#${b.id}\t${b.createdAt}\t${KINDS[b.kind] ?? b.kind}\t${b.fileName}\t${counts}${b.undoneAt ? `\t已于 ${b.undoneAt} 撤销` : ''}`);
      }
      return 0;
    } finally {
      ctx.close();
    }
  },
};
