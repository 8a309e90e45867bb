import { ImportRequestSchema } from '../../../shared/contract/schemas/imports';
import { ITEM_KINDS, type ItemKind } from '../../../shared/contract/schemas/items';
import { createImportService } from '../../core/import/import-files';
import { UsageError, type Command } from '../command';
import { printPreview } from './inspect-print';
import { note, openDb, parseCli, readSources } from './import-support';

/** Checks --kind. */
export function kindOf(value: string | undefined): ItemKind {
  const kind = value ?? 'task';
  if (!(ITEM_KINDS as readonly string[]).includes(kind)) throw new UsageError(`--kind 应为 ${ITEM_KINDS.join(' / ')}`);
  return kind as ItemKind;
}

/** `inspect <file>… [--json] [--db path] [--kind task]`: what would be imported; writes nothing. */
export const inspectCommand: Command = {
  summary: '显示文件（.xlsx .xls .csv，或方案文本 .txt）将导入什么，不写入数据库',
  usage: 'inspect <文件>… [--json] [--db <数据库>] [--kind task|project|policy|indicator]',
  async run(args) {
    const { values, positionals } = parseCli(args, { json: { type: 'boolean' }, db: { type: 'string' }, kind: { type: 'string' } });
    const sources = readSources(positionals);
    const ctx = openDb(values.db, false);
    try {
      const service = createImportService(ctx);
      const req = ImportRequestSchema.parse({ ...sources, kind: kindOf(values.kind), listLimit: 100_000 });
      if (!values.json) note('正在读取…');
      const preview = await service.preview(req);
      if (values.json) process.stdout.write(`${JSON.stringify(preview, null, 2)}\n`);
      else printPreview(preview);
      return preview.errors > 0 ? 1 : 0;
    } finally {
      ctx.close();
    }
  },
};
