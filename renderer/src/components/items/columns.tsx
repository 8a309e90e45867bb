import type { ReactNode } from 'react';
import type { ITEM_SORT_FIELDS, ItemKind } from '../../../../shared/contract/schemas/items';
import type { ListRow as ItemRow } from '../../hooks/use-item-pages';
import { COMPARATOR_LABELS, formatNumber, localTime } from './labels';
import { DeadlineCell, LightChip, ProgressCell, StatusChip } from './cells';

export type SortField = (typeof ITEM_SORT_FIELDS)[number];

/** One column of a list table. */
export interface ItemColumn {
  readonly key: string;
  readonly label: string;
  readonly width: number;
  readonly sort?: SortField;
  readonly align?: 'right';
  /** Hidden until the user chooses it. */
  readonly hidden?: boolean;
  render(row: ItemRow): ReactNode;
  /** Plain text for the cell's tooltip (title attribute). */
  text?(row: ItemRow): string;
}

const col = (c: ItemColumn): ItemColumn => c;

const CODE = col({ key: 'code', label: '编号', width: 62, sort: 'code', render: (r) => r.code });
const TITLE = col({ key: 'title', label: '标题', width: 190, sort: 'title', render: (r) => r.title, text: (r) => r.title });
const PLAN = col({ key: 'plan', label: '方案', width: 150, sort: 'plan', render: (r) => r.planTitle, text: (r) => r.planTitle });
const SECTION = col({ key: 'section', label: '章节', width: 120, render: (r) => r.sectionName, text: (r) => r.sectionName });
const LEAD = col({ key: 'lead', label: '牵头', width: 120, render: (r) => r.lead, text: (r) => r.lead });
const RESP = col({ key: 'resp', label: '负责', width: 110, render: (r) => r.resp, text: (r) => r.resp });
const COOP = col({ key: 'coop', label: '配合', width: 130, render: (r) => r.coop, text: (r) => r.coop });
const DEADLINE = col({ key: 'deadline', label: '完成时限', width: 136, sort: 'deadline', render: (r) => <DeadlineCell row={r} />, text: (r) => r.deadlineText });
const STATUS = col({ key: 'status', label: '状态', width: 78, sort: 'status', render: (r) => <StatusChip status={r.status} /> });
const LIGHT = col({ key: 'light', label: '亮灯', width: 52, render: (r) => <LightChip light={r.light} />, text: (r) => r.light?.reason ?? '' });
const PROGRESS = col({ key: 'progress', label: '进度', width: 92, sort: 'progress', render: (r) => <ProgressCell value={r.progress} /> });
const UPDATED = col({ key: 'updated', label: '更新时间', width: 118, sort: 'updated', hidden: true, render: (r) => localTime(r.updatedAt) });
const LEADER = col({ key: 'leader', label: '责任领导', width: 90, hidden: true, render: (r) => r.leader });
const NOTE = col({ key: 'progressNote', label: '进展情况', width: 220, hidden: true, render: (r) => r.progressNote, text: (r) => r.progressNote });

/** A right-aligned number column (12,500; 1,500.5); empty when there is none. */
const numeric = (key: string, label: string, get: (r: ItemRow) => number | null) =>
  col({ key, label, width: 100, align: 'right', render: (r) => formatNumber(get(r)) });
const hide = (c: ItemColumn): ItemColumn => col({ ...c, hidden: true });

/** Projects and policies: the task list's head with section, 负责 and 配合 hidden until chosen. */
const SHORT_HEAD = [CODE, TITLE, PLAN, hide(SECTION), LEAD, hide(RESP), hide(COOP)];
const COMMON_TAIL = [DEADLINE, STATUS, LIGHT, PROGRESS, UPDATED, LEADER, NOTE];

/** The columns of each list, in their default order. */
export const COLUMNS: Record<ItemKind, readonly ItemColumn[]> = {
  task: [CODE, TITLE, PLAN, SECTION, LEAD, RESP, COOP, ...COMMON_TAIL],
  project: [
    ...SHORT_HEAD,
    numeric('investTotal', '总投资(万元)', (r) => r.investTotal),
    numeric('investYearPlan', '年度计划投资', (r) => r.investYearPlan),
    numeric('investDone', '已完成投资', (r) => r.investDone),
    col({ key: 'projectStage', label: '阶段', width: 70, render: (r) => r.projectStage ?? '' }),
    ...COMMON_TAIL,
  ],
  policy: [
    ...SHORT_HEAD,
    col({ key: 'policyDocNo', label: '文号', width: 150, render: (r) => r.policyDocNo, text: (r) => r.policyDocNo }),
    col({ key: 'policyStage', label: '阶段', width: 80, render: (r) => r.policyStage ?? '' }),
    col({ key: 'planIssueDate', label: '计划出台时间', width: 110, render: (r) => r.planIssueDate ?? '' }),
    ...COMMON_TAIL,
  ],
  indicator: [
    CODE,
    col({ ...TITLE, label: '指标' }),
    col({ key: 'comparator', label: '比较', width: 56, render: (r) => (r.comparator ? COMPARATOR_LABELS[r.comparator] : '') }),
    numeric('targetValue', '目标值', (r) => r.targetValue),
    col({ key: 'targetUnit', label: '单位', width: 70, render: (r) => r.targetUnit }),
    numeric('actualValue', '实际值', (r) => r.actualValue),
    hide(PLAN),
    hide(LEAD),
    hide(STATUS),
    hide(LIGHT),
    UPDATED,
  ],
};
