import { IMPORT_FIELD_LABELS, type FilePreview, type ImportPreviewResult, type ImportProblem, type SheetPreview } from '../../../shared/contract/schemas/imports';

const STATUS: Record<string, string> = { new: '新增', changed: '更新', unchanged: '不变' };

function where(p: ImportProblem): string {
  return [p.sheet && `「${p.sheet}」`, p.row && `第${p.row}行`, p.column && `${p.column}列`].filter(Boolean).join(' ');
}

function printSheet(s: SheetPreview): void {
  console.log(`  工作表「${s.name}」${s.headerRow ? `表头在第 ${s.headerRow} 行` : ''}，${s.itemCount} 条：新增 ${s.counts.new}，更新 ${s.counts.changed}，不变 ${s.counts.unchanged}${s.counts.duplicate ? `，疑似重复 ${s.counts.duplicate}` : ''}`);
  if (s.columns.length) {
    const source = { detected: '自动识别', layout: '沿用上次记住的对应', sheet: '本次指定', text: '' }[s.mappingSource];
    console.log(`    列对应（${source}）：${s.columns.map((c) => `${c.letter}「${c.header}」→${IMPORT_FIELD_LABELS[c.field]}`).join('，')}`);
  }
  for (const p of s.plans) console.log(`    方案：${p.title}${p.isNew ? '（新）' : ''}${p.sections.length ? `；章节：${p.sections.join(' / ')}` : ''}`);
  for (const it of s.items) {
    const units = [it.lead.length && `牵头 ${it.lead.join('、')}`, it.resp.length && `负责 ${it.resp.join('、')}`, it.coop.length && `配合 ${it.coop.join('、')}`].filter(Boolean).join('；');
    const deadline = it.deadlineText ? `｜${it.deadlineText}${it.deadlineDate && it.deadlineDate !== it.deadlineText ? `（${it.deadlineDate}）` : ''}` : '';
    console.log(`    [${STATUS[it.status]}] ${it.section ? `${it.section} ` : ''}${it.no}. ${it.title}｜${units}${deadline}`);
    for (const c of it.changes) console.log(`        ${c.label}：${c.before.slice(0, 40)} → ${c.after.slice(0, 40)}`);
  }
  if (s.itemCount > s.items.length) console.log(`    ……另有 ${s.itemCount - s.items.length} 条未列出`);
  for (const p of s.problems) console.log(`    ${p.severity === 'error' ? '错误' : '提示'}：${where(p)} ${p.message}`);
}

function printFile(f: FilePreview): void {
  console.log(`\n文件「${f.file}」${f.alreadyImported ? `（已于 ${f.alreadyImported.at} 导入，批次 #${f.alreadyImported.batchId}）` : ''}`);
  if (f.error) console.log(`  错误：${f.error}`);
  for (const p of f.problems) if (p.message !== f.error) console.log(`  ${p.severity === 'error' ? '错误' : '提示'}：${p.message}`);
  f.sheets.forEach(printSheet);
}

/** The preview as text for a person at a terminal. */
export function printPreview(p: ImportPreviewResult): void {
  p.files.forEach(printFile);
  console.log(`\n合计：新增 ${p.counts.new} 条，更新 ${p.counts.changed} 条，不变 ${p.counts.unchanged} 条${p.counts.duplicate ? `，疑似重复 ${p.counts.duplicate} 条（命令行 import 默认跳过，见 --duplicates）` : ''}${p.errors ? `；${p.errors} 个文件无法读取` : ''}`);
  if (p.unknownUnits.length) {
    console.log(`未识别的单位（导入时将新建，或用 --unit 名称=已有单位 对应）：${p.unknownUnits.map((u) => `${u.name}（${u.count}）`).join('、')}`);
  }
}
