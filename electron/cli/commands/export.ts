import { EXPORT_COLUMNS, type ExportColumn } from '../../../shared/contract/schemas/exchange';
import { ITEM_STATUS_LABELS, ITEM_STATUSES, ROLE_LABELS, ROLES, type ItemKind, type ItemQuery } from '../../../shared/contract/schemas/items';
import { createUnitsRepository } from '../../core/repositories/units-repository';
import type { CoreContext } from '../../core/context';
import { UsageError, type Command } from '../command';
import { parseCli } from './import-support';
import { requireOut, withCore, writeOut } from './cycle-support';

const LISTS: Record<string, ItemKind> = { tasks: 'task', projects: 'project', policies: 'policy', indicators: 'indicator', task: 'task', project: 'project', policy: 'policy', indicator: 'indicator', 任务: 'task', 项目: 'project', 政策: 'policy', 指标: 'indicator' };

const DEFAULT_COLUMNS: Record<ItemKind, ExportColumn[]> = {
  task: ['code', 'planTitle', 'title', 'content', 'lead', 'resp', 'coop', 'deadlineText', 'status', 'progress'],
  project: ['code', 'title', 'lead', 'investTotal', 'investYearPlan', 'investDone', 'projectStage', 'deadlineText', 'status', 'progress'],
  policy: ['code', 'title', 'lead', 'policyDocNo', 'policyStage', 'planIssueDate', 'status'],
  indicator: ['code', 'title', 'lead', 'target', 'actualValue', 'status'],
};

function pick<T extends string>(label: string, value: string, all: readonly T[], labels: Readonly<Record<T, string>>): T {
  const hit = all.find((v) => v === value || labels[v] === value);
  if (!hit) throw new UsageError(`${label}「${value}」无效，可选：${all.map((v) => labels[v]).join('、')}`);
  return hit;
}

function planIdOf(ctx: CoreContext, plan: string | undefined): number | undefined {
  if (!plan) return undefined;
  const row = ctx.db.prepare('SELECT id FROM plans WHERE title = ? OR CAST(id AS TEXT) = ?').get(plan, plan) as { id: number } | undefined;
  if (!row) throw new UsageError(`没有名为「${plan}」的方案`);
  return row.id;
}

function unitIdOf(ctx: CoreContext, unit: string | undefined): number | undefined {
  if (!unit) return undefined;
  const id = createUnitsRepository(ctx.db).resolve(unit);
  if (id === null) throw new UsageError(`单位目录中没有「${unit}」`);
  return id;
}

function columnsOf(kind: ItemKind, text: string | undefined): ExportColumn[] {
  if (!text) return DEFAULT_COLUMNS[kind];
  return text.split(/[,，、]/).filter(Boolean).map((c) => {
    if (!(EXPORT_COLUMNS as readonly string[]).includes(c)) throw new UsageError(`未知的列「${c}」，可选：${EXPORT_COLUMNS.join(',')}`);
    return c as ExportColumn;
  });
}

/** `export tasks [filters] --db <path> --out <file>`: a filtered list as a styled workbook. */
export const exportCommand: Command = {
  summary: '把清单（可筛选）导出为带格式的 Excel（标题、多级表头、打印设置）',
  usage: 'export tasks|projects|policies|indicators --db <数据库> --out <文件.xlsx> [--plan 方案] [--unit 单位] [--role 牵头|负责|配合] [--status 推进中,已完成] [--keyword 词] [--overdue] [--columns code,title,…] [--title 标题]',
  async run(args) {
    const { values, positionals } = parseCli(args, {
      db: { type: 'string' }, out: { type: 'string' }, plan: { type: 'string' }, unit: { type: 'string' }, role: { type: 'string' },
      status: { type: 'string' }, keyword: { type: 'string' }, overdue: { type: 'boolean' }, columns: { type: 'string' }, title: { type: 'string' },
    });
    const kind = LISTS[positionals[0] ?? ''];
    if (!kind || positionals.length !== 1) throw new UsageError('请指明要导出的清单：tasks、projects、policies 或 indicators');
    const out = requireOut(values.out, '文件.xlsx');
    return withCore(values.db, async (core) => {
      const query: ItemQuery = {
        kind,
        planId: planIdOf(core.ctx, values.plan),
        unitId: unitIdOf(core.ctx, values.unit),
        role: values.role ? pick('角色', values.role, ROLES, ROLE_LABELS) : undefined,
        statuses: values.status ? values.status.split(/[,，、]/).map((s) => pick('状态', s, ITEM_STATUSES, ITEM_STATUS_LABELS)) : undefined,
        keyword: values.keyword,
        overdue: values.overdue || undefined,
      };
      const file = await core.call('export:list', { query, columns: columnsOf(kind, values.columns), title: values.title });
      const path = writeOut(out, file.bytes);
      const total = (await core.call('items:list', { ...query, limit: 1 })).total;
      console.log(`已导出 ${total} 条到 ${path}`);
      return 0;
    });
  },
};
