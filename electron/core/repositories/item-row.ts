import type { ItemFields, ItemRow } from '../../../shared/contract/schemas/items';
import { listCode } from '../../../shared/contract/item-code';

/** An items row as SQLite returns it from the list SELECT (snake_case, joined names). */
export interface ItemDbRow {
  id: number;
  uid: string;
  kind: ItemRow['kind'];
  plan_id: number | null;
  section_id: number | null;
  group_name: string;
  code: string;
  seq: number;
  title: string;
  content: string;
  leader: string;
  assign_mode: 'lead' | 'joint';
  deadline_text: string;
  deadline_date: string | null;
  status: ItemRow['status'];
  progress: number;
  progress_note: string;
  problems: string;
  note: string;
  origin: 'upper' | 'local';
  upper_item_id: number | null;
  upper_uid: string;
  upper_code: string;
  instruction_id: number | null;
  invest_total: number | null;
  invest_year_plan: number | null;
  invest_done: number | null;
  plan_start: string | null;
  plan_end: string | null;
  actual_start: string | null;
  project_stage: ItemFields['projectStage'];
  start_rate: number | null;
  pay_rate: number | null;
  physical_rate: number | null;
  policy_doc_no: string;
  policy_stage: ItemFields['policyStage'];
  plan_issue_date: string | null;
  actual_issue_date: string | null;
  comparator: ItemFields['comparator'];
  target_value: number | null;
  target_unit: string;
  baseline_value: number | null;
  actual_value: number | null;
  created_at: string;
  updated_at: string;
  plan_title: string;
  section_name: string;
  lead: string;
  resp: string;
  coop: string;
}

/** Editable field (camelCase) → items column. */
export const FIELD_COLUMNS: { readonly [K in keyof ItemFields]: string } = {
  title: 'title',
  content: 'content',
  code: 'code',
  planId: 'plan_id',
  sectionId: 'section_id',
  groupName: 'group_name',
  leader: 'leader',
  deadlineText: 'deadline_text',
  status: 'status',
  progress: 'progress',
  progressNote: 'progress_note',
  problems: 'problems',
  note: 'note',
  investTotal: 'invest_total',
  investYearPlan: 'invest_year_plan',
  investDone: 'invest_done',
  planStart: 'plan_start',
  planEnd: 'plan_end',
  actualStart: 'actual_start',
  projectStage: 'project_stage',
  startRate: 'start_rate',
  payRate: 'pay_rate',
  physicalRate: 'physical_rate',
  policyDocNo: 'policy_doc_no',
  policyStage: 'policy_stage',
  planIssueDate: 'plan_issue_date',
  actualIssueDate: 'actual_issue_date',
  comparator: 'comparator',
  targetValue: 'target_value',
  targetUnit: 'target_unit',
  baselineValue: 'baseline_value',
  actualValue: 'actual_value',
};

/** Every column of items, so dynamic INSERT/UPDATE only ever names real columns. */
export const ITEM_COLUMNS = new Set<string>([
  ...Object.values(FIELD_COLUMNS),
  'id', 'uid', 'kind', 'seq', 'assign_mode', 'deadline_date', 'origin', 'upper_item_id', 'upper_uid', 'upper_code',
  'instruction_id', 'created_at', 'updated_at', 'title_key',
]);

/** The editable fields of a row, camelCase. */
export function toItemFields(r: ItemDbRow): ItemFields {
  const out: Record<string, unknown> = {};
  for (const [field, col] of Object.entries(FIELD_COLUMNS)) out[field] = (r as unknown as Record<string, unknown>)[col];
  return out as ItemFields;
}

/** A list-table row. */
export function toItemRow(r: ItemDbRow): ItemRow {
  return {
    id: r.id,
    uid: r.uid,
    kind: r.kind,
    // A bare 1 restarts in every section: the list shows 2-1 (section 2, item 1); see shared/contract/item-code.ts.
    code: listCode(r.code, r.section_name, r.group_name),
    title: r.title,
    content: r.content,
    planId: r.plan_id,
    planTitle: r.plan_title,
    sectionName: r.section_name,
    groupName: r.group_name,
    lead: r.lead,
    resp: r.resp,
    coop: r.coop,
    leader: r.leader,
    deadlineText: r.deadline_text,
    deadlineDate: r.deadline_date,
    status: r.status,
    progress: r.progress,
    progressNote: r.progress_note,
    origin: r.origin,
    upperCode: r.upper_code,
    investTotal: r.invest_total,
    investYearPlan: r.invest_year_plan,
    investDone: r.invest_done,
    projectStage: r.project_stage,
    policyDocNo: r.policy_doc_no,
    policyStage: r.policy_stage,
    planIssueDate: r.plan_issue_date,
    comparator: r.comparator,
    targetValue: r.target_value,
    targetUnit: r.target_unit,
    actualValue: r.actual_value,
    updatedAt: r.updated_at,
  };
}
