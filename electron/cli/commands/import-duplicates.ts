import type { DuplicateChoice, ImportPreviewResult, PreviewItem } from '../../../shared/contract/schemas/imports';
import { UsageError } from '../command';

/** What `import` does with 疑似重复 rows: skip them (default), merge them into the item they resemble, or add them. */
export type DuplicatePolicy = DuplicateChoice;

const VERBS: Record<DuplicatePolicy, string> = { skip: '未导入', merge: '已合并到已有条目', new: '作为新增导入' };

export function duplicatePolicy(flag: string | undefined): DuplicatePolicy {
  if (flag === undefined) return 'skip';
  if (flag === 'skip' || flag === 'merge' || flag === 'new') return flag;
  throw new UsageError(`--duplicates 应为 skip（跳过，默认）、merge（合并到已有条目）或 new（作为新增）：${flag}`);
}

function where(file: string, sheet: string, it: PreviewItem): string {
  const at = it.row === null ? '' : sheet ? `第 ${it.row} 行` : `第 ${it.row} 行（正文）`;
  return `${file === 'text' || !sheet ? '粘贴的方案正文' : `文件「${file}」工作表「${sheet}」`}${at}`;
}

function line(file: string, sheet: string, it: PreviewItem, policy: DuplicatePolicy): string {
  const of = it.duplicateOf!;
  const place = [of.plan, of.section].filter(Boolean).join(' · ');
  const like = `${of.code}「${of.title}」${place ? `（${place}，相似 ${Math.round(of.score * 100)}%）` : `（相似 ${Math.round(of.score * 100)}%）`}`;
  return `疑似重复，${VERBS[policy]}：${where(file, sheet, it)}「${it.title}」像已有条目 ${like}`;
}

/**
 * Every 疑似重复 row of the preview settled by `policy`, with one Chinese line per row naming the
 * file, sheet, row and the existing item it resembles. Refuses when the preview did not list them all.
 */
export function settleDuplicates(preview: ImportPreviewResult, policy: DuplicatePolicy): { choices: Record<string, DuplicateChoice>; lines: string[] } {
  const choices: Record<string, DuplicateChoice> = {};
  const lines: string[] = [];
  for (const f of preview.files) {
    for (const s of f.sheets) {
      for (const it of s.items) {
        if (it.status !== 'duplicate' || !it.duplicateOf) continue;
        choices[it.key] = policy;
        lines.push(line(f.source === 'text' ? 'text' : f.file, f.source === 'text' ? '' : s.name, it, policy));
      }
    }
  }
  if (lines.length !== preview.counts.duplicate) {
    throw new UsageError(`疑似重复共 ${preview.counts.duplicate} 行，预览只列出了 ${lines.length} 行：请把文件拆小后再导入`);
  }
  return { choices, lines };
}
