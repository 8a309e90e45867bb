import type { MissingUnit } from '../../../../shared/contract/schemas/periods';

/** How a unit owes the report, in words (with a symbol, never colour alone). */
export function missingStateText(u: Pick<MissingUnit, 'state' | 'issuedRows' | 'reportedRows'>): string {
  if (u.state === 'not_returned') return '● 未报送';
  if (u.state === 'partial') return `▲ 部分报送（${u.reportedRows}/${u.issuedRows} 项）`;
  return '○ 未下发模板';
}

/** 逾期 3 天 / 未到截止日 / — for units never sent a template. */
export function lateText(u: Pick<MissingUnit, 'state' | 'daysLate'>): string {
  if (u.state === 'not_issued') return '—';
  return u.daysLate > 0 ? `逾期 ${u.daysLate} 天` : '未到截止日';
}
