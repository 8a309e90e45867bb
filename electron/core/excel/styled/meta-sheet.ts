import type { WorkbookMeta } from './types';

export const META_SHEET = '_meta';
export const FORMAT_NAME = 'qingdan';
export const FORMAT_VERSION = 1;

/** Where a table sheet's rows are, for reading a returned file back. */
export interface SheetLayout {
  readonly name: string;
  /** 1-based row of the last header row. */
  readonly headerRow: number;
  readonly firstDataRow: number;
  /** 1-based last data row as written (0 when the sheet has no rows). */
  readonly lastDataRow: number;
  /** Column keys in order; column n+1 holds columns[n]. */
  readonly columns: readonly string[];
  readonly meta: Readonly<Record<string, string>>;
}

/** The hidden `_meta` sheet as read back. */
export interface AppMeta {
  readonly format: string;
  readonly version: number;
  readonly kind: string;
  readonly senderOffice: string;
  readonly period: string;
  readonly unit: string;
  readonly token: string;
  readonly exportedAt: string;
  readonly values: Readonly<Record<string, string>>;
  readonly sheets: readonly SheetLayout[];
}

/** A `_meta` cell: text or a number. */
export type MetaCell = string | number;

/** Widths of the `_meta` sheet's first two columns. */
export const META_WIDTHS = [16, 40] as const;

/** The hidden `_meta` sheet's rows: workbook facts as key/value rows, a blank row, then one row per table sheet. */
export function metaRows(meta: WorkbookMeta, layouts: readonly SheetLayout[]): MetaCell[][] {
  const facts: [string, string][] = [
    ['format', FORMAT_NAME],
    ['version', String(FORMAT_VERSION)],
    ['kind', meta.kind],
    ['sender_office', meta.senderOffice],
    ['period', meta.period ?? ''],
    ['unit', meta.unit ?? ''],
    ['exported_at', meta.exportedAt.toISOString()],
    ['token', meta.token ?? ''],
    ...Object.entries(meta.extra ?? {}),
  ];
  return [
    ['key', 'value'],
    ...facts,
    [],
    ['sheet', 'name', 'header_row', 'first_data_row', 'last_data_row', 'columns', 'meta'],
    ...layouts.map((l) => ['sheet', l.name, l.headerRow, l.firstDataRow, l.lastDataRow, l.columns.join(','), JSON.stringify(l.meta)]),
  ];
}

const text = (v: unknown) => (v === null || v === undefined ? '' : String(v));

function parseSheetRow(r: readonly unknown[]): SheetLayout {
  let meta: Record<string, string> = {};
  try {
    const parsed: unknown = JSON.parse(text(r[6]) || '{}');
    if (parsed && typeof parsed === 'object') meta = Object.fromEntries(Object.entries(parsed).map(([k, v]) => [k, text(v)]));
  } catch {
    meta = {};
  }
  return {
    name: text(r[1]),
    headerRow: Number(r[2]) || 0,
    firstDataRow: Number(r[3]) || 0,
    lastDataRow: Number(r[4]) || 0,
    columns: text(r[5]).split(',').filter(Boolean),
    meta,
  };
}

/** Reads `_meta` rows (cell values, row by row, 0-based columns); null when it is not ours. */
export function parseMetaRows(rows: readonly (readonly unknown[])[]): AppMeta | null {
  const values: Record<string, string> = {};
  const sheets: SheetLayout[] = [];
  for (const r of rows) {
    const key = text(r[0]);
    if (key === 'sheet' && text(r[1]) !== 'name') sheets.push(parseSheetRow(r));
    else if (key && key !== 'key' && key !== 'sheet') values[key] = text(r[1]);
  }
  if (values.format !== FORMAT_NAME) return null;
  return {
    format: values.format,
    version: Number(values.version) || 0,
    kind: values.kind ?? '',
    senderOffice: values.sender_office ?? '',
    period: values.period ?? '',
    unit: values.unit ?? '',
    token: values.token ?? '',
    exportedAt: values.exported_at ?? '',
    values,
    sheets,
  };
}
