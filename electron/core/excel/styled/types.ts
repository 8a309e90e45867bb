import type { DataValidation } from 'exceljs';

/** What a cell may hold; strings are always written as text, never as a formula. */
export type CellInput = string | number | Date | null | undefined;

/** One column of a styled table. */
export interface StyledColumn {
  /** Stable key, written to `_meta` so a returned file can be read back by key. */
  readonly key: string;
  /** Header path from the top header row down: ['责任单位', '牵头'], or ['编号']. */
  readonly header: readonly string[];
  /** Width in Excel character units (one ASCII digit ≈ 1, one Chinese character ≈ 2). */
  readonly width: number;
  readonly hidden?: boolean;
  readonly align?: 'left' | 'center' | 'right';
  /** Excel number format for numbers and dates. */
  readonly numFmt?: string;
  /** A fill-in column: unlocked in a protected sheet and shaded. */
  readonly input?: boolean;
  /** Widen up to this width when a text would not fit Excel's tallest row (409 pt). */
  readonly growTo?: number;
  /** Data validation applied to every data cell of the column. */
  readonly validation?: DataValidation;
}

/** A table sheet: title, issuing office and date, multi-level header, rows, notes. */
export interface StyledSheet {
  /** Sheet name (cleaned and cut to 31 characters when written). */
  readonly name: string;
  readonly title: string;
  /** Left of the second row, e.g. 制表单位：某某办公室. */
  readonly subtitleLeft?: string;
  /** Right of the second row, e.g. 2025年6月30日. */
  readonly subtitleRight?: string;
  readonly columns: readonly StyledColumn[];
  /** One record per row, by column key. */
  readonly rows: readonly Readonly<Record<string, CellInput>>[];
  /** Lines under the table (注：…). */
  readonly notes?: readonly string[];
  /** Lock every cell except the input columns (sheet protection without password). */
  readonly protect?: boolean;
  /** Smallest number of text lines a data row is sized for (room to write in a template). */
  readonly minRowLines?: number;
  /** Extra `_meta` facts about this sheet (unit, token). */
  readonly meta?: Readonly<Record<string, string>>;
}

/** The instructions sheet put first in a fill-in template. */
export interface InstructionsSheet {
  readonly name: string;
  readonly title: string;
  readonly paragraphs: readonly string[];
}

/** Identity of an app-made workbook, written to the hidden `_meta` sheet. */
export interface WorkbookMeta {
  /** list | template | missing | summary … */
  readonly kind: string;
  readonly senderOffice: string;
  readonly exportedAt: Date;
  readonly period?: string;
  readonly unit?: string;
  readonly token?: string;
  /** Other facts (item kind of a list, filter description …). */
  readonly extra?: Readonly<Record<string, string>>;
}

/** Everything one styled workbook holds. */
export interface StyledWorkbookSpec {
  readonly meta: WorkbookMeta;
  readonly instructions?: InstructionsSheet;
  readonly sheets: readonly StyledSheet[];
}
