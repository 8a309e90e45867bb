import { randomUUID } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { z } from 'zod';
import { AppError } from '../../../shared/contract/errors';
import type { TemplateField, TemplateIssueSchema } from '../../../shared/contract/schemas/exchange';
import type { CoreContext } from '../context';
import { writeStyledWorkbook } from '../excel/styled/styled-workbook';
import type { StyledSheet } from '../excel/styled/types';
import { createPeriodsRepository } from '../repositories/periods-repository';
import { chineseToday, officeName, safeFileName } from './doc-format';
import { unitTemplateRows, unitsWithItems, type IssuedRow } from './template-rows';
import { zipTemplates } from './template-zip';
import { templateColumns, templateInstructions, templateRow, templateSheet, type TemplateContext } from './template-sheet';

type IssueInput = z.output<typeof TemplateIssueSchema>;

interface UnitPlan {
  unitId: number;
  unitName: string;
  token: string;
  fileName: string;
  fields: TemplateField[];
  rows: IssuedRow[];
  sheet: StyledSheet;
}

const BASE_FIELDS: TemplateField[] = ['status', 'ratio', 'progressText', 'problems', 'nextSteps'];

function fieldsFor(rows: readonly IssuedRow[]): TemplateField[] {
  return rows.some((r) => r.snapshot.targetUnit || r.snapshot.identity.target) ? ['status', 'ratio', 'value', 'progressText', 'problems', 'nextSteps'] : BASE_FIELDS;
}

function planUnits(ctx: CoreContext, input: IssueInput, c: TemplateContext): UnitPlan[] {
  const unitIds = input.unitIds ?? unitsWithItems(ctx.db, input.includeCoop);
  const nameOf = ctx.db.prepare('SELECT name FROM units WHERE id = ?').pluck();
  const plans: UnitPlan[] = [];
  for (const unitId of unitIds) {
    const unitName = nameOf.get(unitId) as string | undefined;
    if (!unitName) throw new AppError('not_found', `单位（编号 ${unitId}）不存在`);
    const rows = unitTemplateRows(ctx.db, unitId, input.includeCoop);
    if (!rows.length) continue;
    const fields = fieldsFor(rows);
    const token = randomUUID();
    const columns = templateColumns(fields, fields.includes('value'));
    const sheet = templateSheet(c, { name: unitName, token }, columns, rows.map((r) => templateRow(r.uid, r.snapshot)), '填报表');
    plans.push({ unitId, unitName, token, fileName: safeFileName(`${c.periodName}_${unitName}_填报模板`), fields, rows, sheet });
  }
  if (!plans.length) throw new AppError('not_found', '所选单位都没有牵头或负责的条目，没有可下发的模板');
  return plans;
}

function record(ctx: CoreContext, periodId: number, plans: readonly UnitPlan[], at: string): void {
  const upsert = ctx.db.prepare(
    `INSERT INTO issued_templates(period_id, unit_id, token, file_name, fields, issued_at) VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT(period_id, unit_id) DO UPDATE SET token = excluded.token, file_name = excluded.file_name, fields = excluded.fields, issued_at = excluded.issued_at
     RETURNING id`,
  );
  const clear = ctx.db.prepare('DELETE FROM issued_rows WHERE template_id = ?');
  const addRow = ctx.db.prepare('INSERT INTO issued_rows(template_id, item_id, snapshot) VALUES (?, ?, ?)');
  ctx.db.transaction(() => {
    for (const p of plans) {
      const { id } = upsert.get(periodId, p.unitId, p.token, p.fileName, JSON.stringify(p.fields), at) as { id: number };
      clear.run(id);
      for (const r of p.rows) addRow.run(id, r.itemId, JSON.stringify(r.snapshot));
    }
  })();
}

/**
 * 下发: one fill-in workbook per unit (and, if asked, one with a sheet per unit), each with an
 * instructions sheet, locked identity columns and `_meta` naming period, unit and token; records
 * what was sent (issued_templates, issued_rows) so returns can tell conflicts.
 */
export async function issueTemplates(ctx: CoreContext, input: IssueInput) {
  const period = createPeriodsRepository(ctx.db).get(input.periodId);
  if (period.closed) throw new AppError('conflict', `期次「${period.name}」已结束，不能再下发模板；如需下发请先重新打开该期次`);
  const now = ctx.now();
  const c: TemplateContext = { office: officeName(ctx.db), periodName: period.name, start: period.startDate, end: period.endDate, due: period.dueDate, issuedOn: chineseToday(now) };
  const plans = planUnits(ctx, input, c);
  const extra = { period_start: period.startDate, period_end: period.endDate, due_date: period.dueDate };
  const files: { fileName: string; unitName: string; rows: number; bytes: Uint8Array<ArrayBuffer> }[] = [];
  for (const p of plans) {
    const bytes = await writeStyledWorkbook({
      meta: { kind: 'template', senderOffice: c.office, exportedAt: now, period: period.name, unit: p.unitName, token: p.token, extra: { ...extra, fields: p.fields.join(',') } },
      instructions: templateInstructions(c, `填报单位：${p.unitName}，共 ${p.rows.length} 项`, '填报表', p.fields),
      sheets: [p.sheet],
    });
    files.push({ fileName: p.fileName, unitName: p.unitName, rows: p.rows.length, bytes });
  }
  if (input.combined) {
    const fields = [...new Set(plans.flatMap((p) => p.fields))];
    const bytes = await writeStyledWorkbook({
      meta: { kind: 'template', senderOffice: c.office, exportedAt: now, period: period.name, extra: { ...extra, fields: fields.join(',') } },
      instructions: templateInstructions(c, `共 ${plans.length} 个单位，每个单位一张工作表，请各单位只填写本单位的工作表`, '以本单位命名', fields),
      sheets: plans.map((p) => ({ ...p.sheet, name: p.unitName })),
    });
    files.push({ fileName: safeFileName(`${period.name}_填报模板汇总`), unitName: '', rows: plans.reduce((n, p) => n + p.rows.length, 0), bytes });
  }
  if (input.outDir) {
    mkdirSync(input.outDir, { recursive: true });
    for (const f of files) writeFileSync(join(input.outDir, f.fileName), f.bytes);
  }
  record(ctx, period.id, plans, now.toISOString());
  const listed = (f: (typeof files)[number]) => ({ fileName: f.fileName, unitName: f.unitName, rows: f.rows });
  if (input.zip && !input.outDir) return { periodName: period.name, files: files.map(listed), zip: zipTemplates(period.name, files) };
  return {
    periodName: period.name,
    files: files.map((f) => (input.outDir ? { ...listed(f), path: join(input.outDir, f.fileName) } : f)),
  };
}
