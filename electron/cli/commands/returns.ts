import type { ReturnFilePreview, ReturnsPreview } from '../../../shared/contract/schemas/exchange';
import type { Command } from '../command';
import { parseCli, readSources } from './import-support';
import { periodId, withCore } from './cycle-support';

const LEVEL = { error: '错误', warning: '提醒', info: '说明' } as const;

function printFile(f: ReturnFilePreview): void {
  const c = f.counts;
  const who = f.unitNames.length ? `（${f.unitNames.join('、')}，${f.periodName}）` : '';
  console.log(`文件「${f.name}」${who}：${f.ok ? '' : '未能导入；'}${c.rows} 行，新填报 ${c.newReports}，更新 ${c.changedReports}，未变 ${c.unchangedReports}，条目变更 ${c.itemUpdates}，冲突 ${c.conflicts}，错误 ${c.errors}，提醒 ${c.warnings}`);
  for (const p of f.problems) {
    const where = [p.sheet && `工作表「${p.sheet}」`, p.row && `第 ${p.row} 行`, p.column && `${p.column}列`].filter(Boolean).join(' ');
    console.log(`  [${LEVEL[p.level]}] ${where ? `${where}：` : ''}${p.message}`);
  }
  for (const x of f.conflicts) {
    console.log(`  [冲突] ${x.code ? `${x.code} ` : ''}${x.title} · ${x.label}：下发时「${x.issued}」，本办现为「${x.current}」，${x.unitName}报回「${x.returned}」（${x.key}）`);
  }
}

function printTotals(p: ReturnsPreview): void {
  const c = p.counts;
  console.log(`合计：${c.files} 个文件（可导入 ${c.okFiles} 个），新填报 ${c.newReports} 条，更新 ${c.changedReports} 条，条目变更 ${c.itemUpdates} 处，冲突 ${c.conflicts} 处`);
}

/** `returns <file>… --db [--apply]`: previews (or applies) returned fill-in templates. */
export const returnsCommand: Command = {
  summary: '导入各单位报回的填报模板：默认只预览，加 --apply 写入（一个可撤销批次）',
  usage: 'returns <文件>… --db <数据库> [--period <期次>] [--apply] [--theirs] [--json]',
  async run(args) {
    const { values, positionals } = parseCli(args, {
      db: { type: 'string' }, period: { type: 'string' }, apply: { type: 'boolean' }, theirs: { type: 'boolean' }, json: { type: 'boolean' },
    });
    const { files } = readSources(positionals);
    return withCore(values.db, async (core) => {
      const pid = values.period ? periodId(core.ctx, values.period) : undefined;
      const preview = await core.call('returns:preview', { files, periodId: pid });
      if (values.json && !values.apply) process.stdout.write(`${JSON.stringify(preview, null, 2)}\n`);
      if (!values.json) preview.files.forEach(printFile), printTotals(preview);
      const failed = preview.files.some((f) => !f.ok);
      if (!values.apply) {
        if (!values.json) console.log('（仅预览，未写入数据库；确认无误后加 --apply 应用）');
        return failed ? 1 : 0;
      }
      const decisions = values.theirs ? Object.fromEntries(preview.files.flatMap((f) => f.conflicts.map((c) => [c.key, 'theirs' as const]))) : {};
      const res = await core.call('returns:apply', { files, periodId: pid, decisions });
      if (values.json) process.stdout.write(`${JSON.stringify(res, null, 2)}\n`);
      const c = res.counts;
      if (res.batchId === null) console.log('没有需要写入的变化（这些文件已导入过，或内容与数据库一致）');
      else console.log(`已导入：批次 #${res.batchId}，新填报 ${c.newReports} 条，更新 ${c.changedReports} 条，条目变更 ${c.itemUpdates} 处；冲突保留本办 ${c.keptMine} 处，采用报回 ${c.tookTheirs} 处（可用 undo ${res.batchId} 撤销）`);
      return failed ? 1 : 0;
    });
  },
};
