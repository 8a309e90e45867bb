import type { ItemFields, ItemStatus } from '../../../../shared/contract/schemas/items';

/** Chinese names of item fields, as the drawer and the history show them. */
export const FIELD_LABELS: Record<keyof ItemFields | 'units' | 'targets', string> = {
  title: '标题',
  content: '具体内容',
  code: '编号',
  planId: '方案',
  sectionId: '章节',
  groupName: '分组',
  leader: '责任领导',
  deadlineText: '完成时限',
  status: '状态',
  progress: '完成比例',
  progressNote: '进展情况',
  problems: '存在问题',
  note: '备注',
  investTotal: '总投资',
  investYearPlan: '年度计划投资',
  investDone: '已完成投资',
  planStart: '计划开工',
  planEnd: '计划竣工',
  actualStart: '实际开工',
  projectStage: '项目阶段',
  startRate: '开工率',
  payRate: '资金支付率',
  physicalRate: '实物完成率',
  policyDocNo: '文号',
  policyStage: '政策阶段',
  planIssueDate: '计划出台时间',
  actualIssueDate: '实际出台时间',
  comparator: '比较',
  targetValue: '目标值',
  targetUnit: '计量单位',
  baselineValue: '基期值',
  actualValue: '实际值',
  units: '责任单位',
  targets: '量化目标',
};

/** Status shown with a symbol and a word, so colour never carries the meaning alone. */
export const STATUS_META: Record<ItemStatus, { symbol: string; word: string; color: string }> = {
  not_started: { symbol: '○', word: '未启动', color: 'gray' },
  in_progress: { symbol: '◐', word: '推进中', color: 'blue' },
  done: { symbol: '●', word: '已完成', color: 'teal' },
  suspended: { symbol: '‖', word: '暂缓', color: 'orange' },
};

export const COMPARATOR_LABELS: Record<string, string> = { '>=': '≥', '<=': '≤', '=': '=', '>': '>', '<': '<' };

/** 2025-06-30 → 2025年6月30日 */
export function chineseDate(iso: string | null | undefined): string {
  if (!iso) return '';
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  return m ? `${m[1]}年${Number(m[2])}月${Number(m[3])}日` : iso;
}

/** An ISO timestamp as local 2025-06-30 14:05. */
export function localTime(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}`;
}

/** Today as yyyy-mm-dd in local time. */
export function todayIso(): string {
  const d = new Date();
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}

/** A number as the lists show it: thousands separators, up to two decimals. */
export function formatNumber(n: number | null | undefined): string {
  return n === null || n === undefined ? '' : n.toLocaleString('zh-CN', { maximumFractionDigits: 2 });
}
