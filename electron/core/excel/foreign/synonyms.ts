import { IMPORT_FIELD_LABELS } from '../../../../shared/contract/schemas/imports';
import { toHalfWidth } from '../../parse/text-normalize';

/** What a column of a foreign checklist holds. */
export type ForeignField =
  | 'code'
  | 'title'
  | 'content'
  | 'lead'
  | 'coop'
  | 'resp'
  | 'deadline'
  | 'note'
  | 'leader'
  | 'targets'
  | 'progress'
  | 'plan'
  | 'section';

/** Column index (0-based, A = 0) → field; 'ignore' for columns not imported. */
export type ColumnMapping = Record<number, ForeignField | 'ignore'>;

export const FOREIGN_FIELDS: readonly ForeignField[] = [
  'code', 'title', 'content', 'lead', 'coop', 'resp', 'deadline', 'note', 'leader', 'targets', 'progress', 'plan', 'section',
];

/** Chinese names of the fields, for problems and the mapping editor (the contract's, so both say the same). */
export const FIELD_LABELS: Readonly<Record<ForeignField, string>> = IMPORT_FIELD_LABELS;

/**
 * Header texts offices use for each field (compared after normalizeHeader). 责任单位 is `resp`;
 * column-map turns it into `lead` when the sheet has a 配合 column but no 牵头 column.
 */
export const FIELD_SYNONYMS: Readonly<Record<ForeignField, readonly string[]>> = {
  code: ['序号', '编号', '序', '任务编号', '项目编号', '事项编号', '编码', 'No', 'No.', 'NO', '代码', '任务序号'],
  title: [
    '重点任务', '工作任务', '任务名称', '任务', '主要任务', '攻坚任务', '任务事项', '工作事项', '事项', '事项名称',
    '重点工作', '工作名称', '项目名称', '政策名称', '名称', '重点事项', '具体任务名称', '改革事项', '任务项目',
  ],
  content: [
    '具体内容', '工作内容', '主要内容', '任务内容', '具体措施', '工作措施', '主要措施', '具体举措', '工作举措',
    '措施', '举措', '具体任务', '建设内容', '内容', '任务要求', '工作要求', '主要工作', '具体工作', '工作安排',
    '重点任务内容', '具体工作任务', '实施内容', '任务描述',
  ],
  lead: [
    '牵头单位', '牵头部门', '牵头责任单位', '牵头', '市级牵头单位', '省级牵头单位', '县级牵头单位', '主责单位',
    '主责部门', '牵头责任部门', '牵头处室', '主办单位', '牵头单位（部门）',
  ],
  coop: [
    '配合单位', '配合部门', '协同单位', '协办单位', '参与单位', '配合', '协同部门', '配合责任单位', '协作单位',
    '配合处室', '参与部门', '协助单位',
  ],
  resp: ['责任单位', '责任部门', '负责单位', '实施单位', '承办单位', '落实单位', '责任主体', '责任处室', '承担单位'],
  deadline: [
    '完成时限', '时间节点', '完成时间', '时限', '完成期限', '时限要求', '办结时限', '截止时间', '计划完成时间',
    '完成时限要求', '时间安排', '完成时间节点', '进度安排', '办理时限', '截止日期', '完成日期',
  ],
  note: ['备注', '说明', '附注', '备注说明'],
  // 省领导 / 市领导: the upper office's list names the leader who answers for the task.
  leader: [
    '责任领导', '分管领导', '牵头领导', '联系领导', '责任人', '包保领导', '领导', '责任市领导', '联系市领导', '责任领导姓名',
    '省领导', '市领导', '县领导', '区领导', '省级领导', '市级领导', '县级领导', '牵头省领导', '责任省领导', '联系省领导', '牵头市领导',
  ],
  targets: [
    '目标', '工作目标', '目标任务', '预期目标', '量化指标', '考核指标', '指标', '年度目标', '预期成效', '完成目标',
    '目标要求', '量化目标', '年度目标任务', '绩效目标',
  ],
  progress: [
    '进展情况', '工作进展', '推进情况', '完成情况', '进度', '落实情况', '目前进展', '进展', '工作推进情况',
    '进展及成效', '工作完成情况', '最新进展', '推进落实情况',
  ],
  // A list of several plans in one sheet (an office's whole task list) says per row where it belongs.
  // 攻坚方向 (the province's list of its 七大攻坚 plans) names the plan by its campaign.
  plan: ['所属方案', '方案名称', '所属实施方案', '实施方案', '所属专班方案', '方案', '攻坚方向', '所属攻坚方向', '攻坚领域', '攻坚行动', '所属攻坚', '专项行动'],
  section: ['章节', '所属章节', '板块', '所属板块', '工作板块'],
};

/** Words a sub-header under a merged parent (责任单位 → 牵头 / 配合) may say. */
const SUB_HEADER_ROLES: readonly { re: RegExp; field: ForeignField }[] = [
  { re: /^(?:牵头|主责|主办)(?:单位|部门)?$/, field: 'lead' },
  { re: /^(?:配合|协同|协办|参与|协助)(?:单位|部门)?$/, field: 'coop' },
  { re: /^(?:责任|负责)(?:单位|部门)?$/, field: 'resp' },
  { re: /^(?:领导|责任领导|分管领导|姓名|责任人)$/, field: 'leader' },
];

/** Header text reduced for matching: half-width, no spaces, line breaks, stars or trailing colon. */
export function normalizeHeader(text: string): string {
  return toHalfWidth(text)
    .replace(/\s+/g, '')
    .replace(/[*※★]/g, '')
    .replace(/[:：]$/, '');
}

const TRAILING_REMARK = /\(([^()]*)\)$/;

const EXACT = new Map<string, ForeignField>();
for (const field of FOREIGN_FIELDS) {
  for (const synonym of FIELD_SYNONYMS[field]) EXACT.set(normalizeHeader(synonym), field);
}
const FUZZY = [...EXACT.entries()].filter(([s]) => s.length >= 3).sort((a, b) => b[0].length - a[0].length);
const MAX_EXTRA_CHARS = 4;
const MAX_HEADER_CHARS = 12;

/**
 * The field a header names: an exact synonym; else a role in a trailing remark (责任单位（配合）
 * → coop); else the header without its remark (完成时限（年月日）→ deadline); else a synonym of 3+
 * characters at the start or end of a header at most 4 characters longer (市级牵头单位 → lead).
 * Sentences (instructions, data) never match.
 */
export function matchHeaderField(text: string): ForeignField | null {
  const header = normalizeHeader(text);
  if (header === '') return null;
  const exact = EXACT.get(header);
  if (exact) return exact;
  const remark = TRAILING_REMARK.exec(header);
  if (remark) {
    const role = SUB_HEADER_ROLES.find((r) => r.re.test(remark[1]));
    if (role && role.field !== 'leader') return role.field;
    return matchBare(header.slice(0, remark.index));
  }
  return matchBare(header);
}

function matchBare(header: string): ForeignField | null {
  const exact = EXACT.get(header);
  if (exact) return exact;
  if (header.length > MAX_HEADER_CHARS) return null;
  for (const [synonym, field] of FUZZY) {
    if (header.length - synonym.length > MAX_EXTRA_CHARS) continue;
    if (header.startsWith(synonym) || header.endsWith(synonym)) return field;
  }
  return null;
}

/** The field of a sub-header cell: a synonym, or a bare role word (牵头, 配合, 责任, 姓名 …). */
export function matchSubHeaderField(text: string): ForeignField | null {
  const header = normalizeHeader(text);
  const role = SUB_HEADER_ROLES.find((r) => r.re.test(header));
  return role ? role.field : matchHeaderField(header);
}
