import type { StyledColumn } from '../excel/styled/types';

/**
 * The 申请办结 column of a template: a unit that has finished an item writes its evidence there (the
 * 文号 of the document that closes it, or what the evidence is), and the return asks the office to
 * close the item (待办结确认, confirmed by the office as any closure request).
 */
export const CLOSURE_LABELS = { closeEvidence: '申请办结（佐证材料/文号）' } as const;

/** Longest evidence text a return may carry (as 办结说明 typed in the app). */
export const CLOSURE_TEXT_MAX = 1000;

export function closureColumns(): StyledColumn[] {
  return [{ key: 'closeEvidence', header: ['申请办结（已完成的填写）', CLOSURE_LABELS.closeEvidence], width: 22, input: true, align: 'left' }];
}

/** The 文号 in an evidence text (岳政办发〔2025〕12号), or '' when it names none. */
export function docNoIn(text: string): string {
  return /[\p{Script=Han}A-Za-z]{2,}[〔［\[(（]\d{4}[〕］\])）]\s*\d+\s*号/u.exec(text)?.[0] ?? '';
}
