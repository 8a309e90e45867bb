import { ImportApplySchema, ImportRequestSchema } from '../../../shared/contract/schemas/imports';
import { createImportService } from '../../core/import/import-files';
import { createImportJobs } from '../../core/import/import-jobs';
import type { Command } from '../command';
import { duplicatePolicy, settleDuplicates } from './import-duplicates';
import { note, openDb, parseCli, readSources, unitDecisions } from './import-support';
import { kindOf } from './inspect';

/** A jobs registry that also prints each stage to stderr as it starts (the write is synchronous). */
function printingJobs() {
  const jobs = createImportJobs();
  let last = '';
  return {
    ...jobs,
    set(jobId: string | undefined, patch: Parameters<typeof jobs.set>[1]) {
      jobs.set(jobId, patch);
      const p = jobs.get(jobId ?? '');
      const line = `${p.stage}: ${p.message}`;
      // done and failed are reported by the command itself (result or error message).
      if (line !== last && p.stage !== 'done' && p.stage !== 'failed') note(p.message);
      last = line;
    },
  };
}

/** `import <file>… --db <path>`: imports into the database as one batch. */
export const importCommand: Command = {
  summary: '把文件（或方案文本 .txt）导入数据库，作为一个可撤销的导入批次',
  usage: 'import <文件>… --db <数据库> [--kind task] [--unit 名称=已有单位]… [--duplicates=skip|merge|new] [--json]',
  async run(args) {
    const { values, positionals } = parseCli(args, {
      db: { type: 'string' },
      kind: { type: 'string' },
      unit: { type: 'string', multiple: true },
      duplicates: { type: 'string' },
      json: { type: 'boolean' },
    });
    const policy = duplicatePolicy(values.duplicates);
    const sources = readSources(positionals);
    const ctx = openDb(values.db);
    try {
      const service = createImportService(ctx, { jobs: printingJobs() });
      const kind = kindOf(values.kind);
      // 疑似重复 rows wait for a choice in the app; here --duplicates makes it (skip by default), one line per row.
      const preview = await service.preview(ImportRequestSchema.parse({ ...sources, kind, jobId: 'cli', listLimit: 100_000 }));
      const { choices, lines } = settleDuplicates(preview, policy);
      for (const l of lines) (values.json ? note : console.log)(l);
      if (policy === 'skip' && lines.length) (values.json ? note : console.log)(`跳过疑似重复 ${lines.length} 行；要导入它们请加 --duplicates=merge（合并到已有条目）或 --duplicates=new（作为新增）`);
      const req = ImportApplySchema.parse({ ...sources, kind, jobId: 'cli', decisions: unitDecisions(ctx, values.unit ?? []), duplicates: choices });
      const res = await service.apply(req);
      if (values.json) process.stdout.write(`${JSON.stringify(res)}\n`);
      else if (res.batchId === null) console.log(`没有变化：${res.counts.unchanged} 条与数据库一致，未记录批次`);
      else console.log(`已导入 ${res.counts.new} 条，更新 ${res.counts.changed} 条，不变 ${res.counts.unchanged} 条；新建单位 ${res.counts.units} 个、方案 ${res.counts.plans} 个（批次 #${res.batchId}，可用 undo ${res.batchId} 撤销）`);
      return 0;
    } finally {
      ctx.close();
    }
  },
};
