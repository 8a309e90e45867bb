import { undoBatch } from '../../core/batches/batches';
import { UsageError, type Command } from '../command';
import { openDb, parseCli } from './import-support';

/** `undo <batch> --db <path>`: returns the database to exactly what it was before the batch. */
export const undoCommand: Command = {
  summary: '撤销一个导入批次：数据库回到该批次之前的样子',
  usage: 'undo <批次号> --db <数据库>',
  async run(args) {
    const { values, positionals } = parseCli(args, { db: { type: 'string' } });
    const id = Number(String(positionals[0] ?? '').replace(/^#/, ''));
    if (!Number.isInteger(id) || id <= 0) throw new UsageError('请给出要撤销的批次号（batches 命令可列出）');
    const ctx = openDb(values.db);
    try {
      const b = undoBatch(ctx.db, id, new Date().toISOString());
      console.log(`已撤销批次 #${b.id}（${b.fileName}）`);
      return 0;
    } finally {
      ctx.close();
    }
  },
};
