import type { Urge } from '../../../shared/contract/schemas/followup';
import { chineseDate, chineseToday, safeFileName } from '../exchange/doc-format';
import { writeStyledWorkbook } from '../excel/styled/styled-workbook';
import type { StyledColumn, StyledSheet } from '../excel/styled/types';

const COLUMNS: StyledColumn[] = [
  { key: 'seq', header: ['序号'], width: 6, align: 'center' },
  { key: 'code', header: ['编号'], width: 8, align: 'center' },
  { key: 'title', header: ['催办事项', '名称'], width: 36, align: 'left', growTo: 60 },
  { key: 'lead', header: ['催办事项', '牵头单位'], width: 16, align: 'left' },
  { key: 'deadline', header: ['催办事项', '完成时限'], width: 14, align: 'center' },
  { key: 'reply', header: ['办理情况（请填写后报回）'], width: 30, align: 'left' },
];

/** One sheet per 催办: what, by when, the items, room to answer. */
function urgeSheet(u: Urge, office: string, n: number): StyledSheet {
  const by = u.dueDate ? `，请于${chineseDate(u.dueDate)}前办理并反馈` : '';
  return {
    name: `${n}.${u.unitName}`,
    title: '督办事项催办单',
    subtitleLeft: `致：${u.unitName}`,
    subtitleRight: `${office}　${chineseDate(u.issuedOn)}`,
    columns: COLUMNS,
    rows: u.items.map((it, i) => ({ seq: i + 1, code: it.code, title: it.title, lead: it.lead, deadline: it.deadline, reply: '' })),
    minRowLines: 2,
    notes: [`催办事项：${u.content}${by}。`, `注：共 ${u.items.length} 项。催办编号 ${u.id}${u.operator ? `，经办人：${u.operator}` : ''}。`],
  };
}

/** The 催办单 as a styled workbook: one sheet per unit. */
export async function exportUrges(urges: readonly Urge[], office: string, now: Date): Promise<{ fileName: string; bytes: Uint8Array<ArrayBuffer> }> {
  const bytes = await writeStyledWorkbook({
    meta: { kind: 'urge', senderOffice: office, exportedAt: now, extra: { urges: urges.map((u) => u.id).join(',') } },
    sheets: urges.map((u, i) => urgeSheet(u, office, i + 1)),
  });
  const who = urges.length === 1 ? urges[0].unitName : `${urges.length}个单位`;
  return { fileName: safeFileName(`催办单_${who}_${chineseToday(now)}`), bytes };
}
