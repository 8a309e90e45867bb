import type { ReturnFilePreview, ReturnProblem, TemplateField } from '../../../shared/contract/schemas/exchange';
import type { AppCell } from '../excel/app-workbook-reader';
import type { RowSnapshot } from './template-fields';

/** An issued template as recorded, with its period and unit. */
export interface TemplateRecord {
  id: number;
  periodId: number;
  periodName: string;
  periodClosed: boolean;
  unitId: number;
  unitName: string;
  token: string;
  fields: TemplateField[];
}

/** One issued row of a template. */
export interface IssuedItem {
  itemId: number;
  uid: string;
  snapshot: RowSnapshot;
}

/** A data row of a returned sheet: 1-based row number and cells by column key. */
export interface ReadRow {
  row: number;
  cells: Partial<Record<string, AppCell>>;
}

/** A sheet of a returned file, recognised as one unit's template. */
export interface ReturnedSheet {
  sheet: string;
  template: TemplateRecord;
  issued: IssuedItem[];
  /** Column key → 0-based column index, as found in the header. */
  columns: Map<string, number>;
  rows: ReadRow[];
}

/** A returned file as read: its recognised sheets and what was wrong with it. */
export interface ReturnedFile {
  name: string;
  hash: string;
  sheets: ReturnedSheet[];
  multiSheet: boolean;
  problems: ReturnProblem[];
}

/** Builds problems for one file with a common shape. */
export function problemMaker(file: string, out: ReturnProblem[]) {
  return (level: ReturnProblem['level'], message: string, where: { sheet?: string; row?: number | null; column?: string } = {}) => {
    out.push({ level, file, sheet: where.sheet ?? '', row: where.row ?? null, column: where.column ?? '', message });
  };
}

/** A, B, … AA for a 0-based column index. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let s = '';
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/**
 * Requests read from a file's rows (申请延期, 申请办结) count as content: a file holding only
 * requests is read, not 退回空表, and names the unit and period they came from. The file's error and
 * warning counts are taken again, since reading the requests may have added problems.
 */
export function noteRequests(preview: ReturnFilePreview, file: ReturnedFile, unitNames: readonly string[], periodId: number | null): void {
  if (unitNames.length) {
    if (preview.blank) {
      preview.blank = false;
      preview.problems = preview.problems.filter((p) => !p.message.startsWith('退回空表'));
    }
    preview.ok = true;
    if (!preview.unitNames.length) {
      preview.unitNames = [...new Set(unitNames)];
      preview.periodId ??= periodId;
      preview.periodName ||= file.sheets[0]?.template.periodName ?? '';
    }
  }
  preview.counts.errors = preview.problems.filter((p) => p.level === 'error').length;
  preview.counts.warnings = preview.problems.filter((p) => p.level === 'warning').length;
}
