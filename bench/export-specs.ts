/**
 * What the export benchmark writes, built the same way in every measured child (deterministic):
 * a styled list of N rows (the list export's columns and cells), 67 fill-in templates (what
 * templates:issue writes per unit), and, for the baseline, the same cells as plain rows.
 */
import type { ExportColumn, TemplateField } from '../shared/contract/schemas/exchange';
import { layoutHeader } from '../electron/core/excel/styled/header-layout';
import { metaRows, type SheetLayout } from '../electron/core/excel/styled/meta-sheet';
import { cellText } from '../electron/core/excel/styled/safe-text';
import type { CellInput, StyledWorkbookSpec } from '../electron/core/excel/styled/types';
import { listColumns } from '../electron/core/exchange/list-columns';
import { templateColumns, templateInstructions, templateRow, templateSheet, type TemplateContext } from '../electron/core/exchange/template-sheet';

export const UNITS = 67;
/** Rows of each unit's template. */
export const TEMPLATE_ROWS = Number(process.env.BENCH_TEMPLATE_ROWS ?? 150);
const COLUMNS: ExportColumn[] = ['code', 'title', 'content', 'lead', 'resp', 'coop', 'deadlineText', 'status', 'progress', 'progressNote'];
const FIELDS: TemplateField[] = ['status', 'ratio', 'value', 'progressText', 'problems', 'nextSteps'];
const DEADLINES = ['2025年6月底前', '2025年9月30日', '全年', '长期坚持', '2025年12月底前', '持续推进'];
const STATUSES = ['推进中', '已完成', '未启动', '推进中'];
const exportedAt = new Date('2025-06-30T08:00:00Z');

const content = (i: number) =>
  `推进第${i + 1}项重点工作。突出就业优先导向，大规模开展职业技能培训，新增城镇就业${(i % 90) + 10}万人以上，完成投资${(i % 500) + 100}亿元，推动劳动者技能提升和消费帮扶。`;
const unit = (u: number) => `第${u + 1}责任单位`;

/** A list export of `rows` rows, as export:list builds it. */
export function listSpec(rows: number): StyledWorkbookSpec {
  return {
    meta: { kind: 'list', senderOffice: '某某工作专班办公室', exportedAt, extra: { item_kind: 'task', title: '任务清单' } },
    sheets: [
      {
        name: '任务清单',
        title: '内需扩量提效攻坚实施方案任务清单',
        subtitleLeft: '制表单位：某某工作专班办公室',
        subtitleRight: '2025年6月30日',
        columns: listColumns(COLUMNS),
        rows: Array.from({ length: rows }, (_, i) => ({
          seq: i + 1, code: String(i + 1), uid: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`, title: `重点工作任务${i + 1}`, content: content(i),
          lead: unit(i % 30), resp: '', coop: `${unit((i + 7) % 30)}、${unit((i + 13) % 30)}`, deadlineText: DEADLINES[i % DEADLINES.length],
          status: STATUSES[i % STATUSES.length], progress: (i * 7) % 101, progressNote: i % 3 ? `已召开第${i + 1}次专题调度会，完成年度计划的${(i * 7) % 101}%。` : '',
        })),
        notes: [`共 ${rows} 条。`],
      },
    ],
  };
}

/** The template templates:issue writes for unit `u`: instructions, the protected fill-in sheet. */
export function templateSpec(u: number, rows = TEMPLATE_ROWS): StyledWorkbookSpec {
  const c: TemplateContext = { office: '某某工作专班办公室', periodName: '2025年第5期', start: '2025-06-16', end: '2025-06-29', due: '2025-06-30', issuedOn: '2025年6月30日' };
  const name = unit(u);
  const token = `token-${u}`;
  const records = Array.from({ length: rows }, (_, i) =>
    templateRow(`uid-${u}-${i}`, {
      identity: { code: String(i + 1), plan: '内需扩量提效攻坚实施方案', title: `重点工作任务${i + 1}`, content: content(i), lead: name, role: '牵头', deadline: DEADLINES[i % DEADLINES.length], target: '' },
      fill: { status: null, ratio: null, value: null, progressText: i % 2 ? `上期：完成年度计划的${i % 100}%` : '', problems: '', nextSteps: '' },
      role: 'lead', kind: 'task', targetUnit: '',
    } as never),
  );
  return {
    meta: { kind: 'template', senderOffice: c.office, exportedAt, period: c.periodName, unit: name, token, extra: { fields: FIELDS.join(',') } },
    instructions: templateInstructions(c, `填报单位：${name}，共 ${rows} 项`, '填报表', FIELDS),
    sheets: [templateSheet(c, { name, token }, templateColumns(FIELDS, false), records, '填报表')],
  };
}

type Plain = string | number | Date | null;

const plainValue = (v: CellInput): Plain => (v === undefined || v === null ? null : typeof v === 'string' ? cellText(v) : v);

/** The cells a styled workbook holds, sheet by sheet, as plain rows (no styles, merges or set-up). */
export function plainSheets(spec: StyledWorkbookSpec): { name: string; rows: Plain[][] }[] {
  const out: { name: string; rows: Plain[][] }[] = [];
  if (spec.instructions) out.push({ name: spec.instructions.name, rows: [[spec.instructions.title], ...spec.instructions.paragraphs.map((p) => [p])] });
  const layouts: SheetLayout[] = [];
  spec.sheets.forEach((s, n) => {
    const { depth, cells } = layoutHeader(s.columns.map((c) => c.header));
    const header: Plain[][] = Array.from({ length: depth }, () => []);
    for (const h of cells) header[h.row][h.col] = h.label;
    const data = s.rows.map((r) => s.columns.map((c) => plainValue(r[c.key])));
    out.push({ name: `${s.name}${n || ''}`, rows: [[s.title], [s.subtitleLeft ?? '', s.subtitleRight ?? ''], ...header, ...data, [], ...(s.notes ?? []).map((t) => [t])] });
    layouts.push({ name: s.name, headerRow: 2 + depth, firstDataRow: 3 + depth, lastDataRow: 2 + depth + s.rows.length, columns: s.columns.map((c) => c.key), meta: s.meta ?? {} });
  });
  out.push({ name: '_meta', rows: metaRows(spec.meta, layouts) });
  return out;
}
