import type { Database } from 'better-sqlite3';
import type { StyledColumn } from '../excel/styled/types';
import { decisionText } from '../followup/extension-text';

/** The 申请延期 columns of a template: two for the unit to fill, one with the office's last decision. */
export const EXTENSION_LABELS = { extDate: '申请延期至', extReason: '延期理由', extDecision: '延期批复' } as const;
export type ExtensionKey = keyof typeof EXTENSION_LABELS;

const ASK = '申请延期（如需，请在完成时限前申请）';
const DECIDED = '本办批复（已锁定）';

/** Unlocked 申请延期至 (a date) and 延期理由, then the locked 延期批复. */
export function extensionColumns(): StyledColumn[] {
  return [
    // no date validation: units type 2025年9月30日 as often as a date; the return reads either
    { key: 'extDate', header: [ASK, EXTENSION_LABELS.extDate], width: 12, input: true, align: 'center', numFmt: 'yyyy-mm-dd' },
    { key: 'extReason', header: [ASK, EXTENSION_LABELS.extReason], width: 20, input: true, align: 'left' },
    { key: 'extDecision', header: [DECIDED, EXTENSION_LABELS.extDecision], width: 20, align: 'left' },
  ];
}

interface Decided {
  state: string;
  requested_date: string;
  decision_note: string;
  n: number;
  original: string | null;
}

/**
 * The office's latest decision on an item's extension requests, as the next template states it
 * (已同意延期至… / 申请延期至…未同意), or '' when none was decided.
 */
export function decisionReader(db: Database): (itemId: number) => string {
  const stmt = db.prepare<[number], Decided>(
    `SELECT e.state, e.requested_date, e.decision_note,
       (SELECT count(*) FROM item_extensions a WHERE a.item_id = e.item_id AND a.state = 'approved' AND a.id <= e.id) AS n,
       (SELECT a.prior_deadline_date FROM item_extensions a WHERE a.item_id = e.item_id AND a.state = 'approved' ORDER BY a.decided_at, a.id LIMIT 1) AS original
     FROM item_extensions e WHERE e.item_id = ? AND e.state <> 'pending' ORDER BY e.decided_at DESC, e.id DESC LIMIT 1`,
  );
  return (itemId) => {
    const r = stmt.get(itemId);
    if (!r) return '';
    return decisionText({ state: r.state, requestedDate: r.requested_date, note: r.decision_note, count: r.n, original: r.original });
  };
}
