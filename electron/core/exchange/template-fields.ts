import type { Database } from 'better-sqlite3';
import { ITEM_STATUS_LABELS, type ItemStatus, type Role } from '../../../shared/contract/schemas/items';
import type { TemplateField } from '../../../shared/contract/schemas/exchange';

/** What a unit reports on one item: the fill columns of a template. */
export interface FillValues {
  status: ItemStatus | null;
  ratio: number | null;
  value: number | null;
  progressText: string;
  problems: string;
  nextSteps: string;
}

/** The locked columns as issued, to tell when a unit edited them. */
export interface Identity {
  code: string;
  plan: string;
  title: string;
  content: string;
  lead: string;
  role: string;
  deadline: string;
  target: string;
}

/** issued_rows.snapshot: what a unit was sent for one item. */
export interface RowSnapshot {
  identity: Identity;
  fill: FillValues;
  role: Role;
  kind: string;
  targetUnit: string;
  /** The office's latest 延期 decision on the item, sent in the 延期批复 column ('' or absent when none). */
  decision?: string;
  /**
   * The item's values at issue, when `fill` is not them (an item several units lead: each is sent its
   * own last report). Absent: `fill` is the item at issue (and in every snapshot written before).
   */
  item?: FillValues;
}

/** Fill fields kept on the item itself (the rest live only in reports). */
export const ITEM_BACKED: readonly TemplateField[] = ['status', 'ratio', 'progressText', 'problems', 'value'];

/** The item column an item-backed field writes; value only for indicators (实际值). */
export function itemColumn(field: TemplateField, kind: string): string | null {
  switch (field) {
    case 'status':
      return 'status';
    case 'ratio':
      return 'progress';
    case 'progressText':
      return 'progress_note';
    case 'problems':
      return 'problems';
    case 'value':
      return kind === 'indicator' ? 'actual_value' : null;
    default:
      return null;
  }
}

/** The reports column of each fill field. */
export const REPORT_COLUMNS: Readonly<Record<TemplateField, string>> = {
  status: 'status',
  ratio: 'completion_ratio',
  value: 'completed_value',
  progressText: 'progress_text',
  problems: 'problems',
  nextSteps: 'next_steps',
};

interface ItemNow {
  kind: string;
  status: ItemStatus;
  progress: number;
  progress_note: string;
  problems: string;
  actual_value: number | null;
}

/**
 * Reads the office's current values of an item's item-backed fields; the statement is compiled
 * once (a preview of 30 returned files asks this for every row).
 */
export function itemValuesReader(db: Database): (itemId: number) => { kind: string; values: Partial<FillValues> } {
  const stmt = db.prepare<[number], ItemNow>('SELECT kind, status, progress, progress_note, problems, actual_value FROM items WHERE id = ?');
  return (itemId) => itemNowValues(stmt.get(itemId));
}

function itemNowValues(r: ItemNow | undefined): { kind: string; values: Partial<FillValues> } {
  if (!r) return { kind: '', values: {} };
  const values: Partial<FillValues> = { status: r.status, ratio: r.progress, progressText: r.progress_note, problems: r.problems };
  if (r.kind === 'indicator') values.value = r.actual_value;
  return { kind: r.kind, values };
}

/** The same for many items in one statement (a returned sheet's items at once); an unknown id reads as no values. */
export function itemValuesBulkReader(db: Database): (itemIds: readonly number[]) => Map<number, { kind: string; values: Partial<FillValues> }> {
  const stmt = db.prepare<[string], ItemNow & { id: number }>(
    'SELECT id, kind, status, progress, progress_note, problems, actual_value FROM items WHERE id IN (SELECT value FROM json_each(?))',
  );
  return (itemIds) => {
    const found = new Map(stmt.all(JSON.stringify(itemIds)).map((r) => [r.id, itemNowValues(r)]));
    return new Map(itemIds.map((id) => [id, found.get(id) ?? itemNowValues(undefined)]));
  };
}

/** A value as the preview shows it. */
export function showValue(field: TemplateField, v: FillValues[TemplateField] | undefined): string {
  if (v === null || v === undefined) return '';
  if (field === 'status') return ITEM_STATUS_LABELS[v as ItemStatus] ?? String(v);
  return String(v);
}

/** Same value for the purpose of "did it change" (numbers to 1e-9, text without trailing spaces). */
export function sameValue(a: FillValues[TemplateField] | undefined, b: FillValues[TemplateField] | undefined): boolean {
  const na = a === undefined ? null : a;
  const nb = b === undefined ? null : b;
  if (typeof na === 'number' && typeof nb === 'number') return Math.abs(na - nb) < 1e-9;
  if (typeof na === 'string' && typeof nb === 'string') return na.trimEnd() === nb.trimEnd();
  return na === nb;
}

/** A report row's fill values. */
export function reportValues(r: Record<string, unknown>): FillValues {
  return {
    status: (r.status as ItemStatus | null) ?? null,
    ratio: (r.completion_ratio as number | null) ?? null,
    value: (r.completed_value as number | null) ?? null,
    progressText: String(r.progress_text ?? ''),
    problems: String(r.problems ?? ''),
    nextSteps: String(r.next_steps ?? ''),
  };
}
