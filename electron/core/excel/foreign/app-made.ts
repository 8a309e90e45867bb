import type { DraftItem } from '../../import/draft';
import { META_SHEET, parseMetaRows, type SheetLayout } from '../styled/meta-sheet';
import { toHalfWidth } from '../../parse/text-normalize';
import type { CellValue, SheetCells } from '../workbook';
import { cellText } from './header-detect';
import { normalizeHeader, type ColumnMapping } from './synonyms';

/**
 * A workbook another installation of the app made (its upper office's list export): the hidden
 * `_meta` sheet (format qingdan) says where each table is, and each table keeps the sender's item
 * id in a hidden 条目标识 column next to 编号. Imported items keep both, so they stay matched to the
 * sender's items (report-up, re-imports) whatever the titles become.
 */

/** Where an app-made sheet keeps the sender's identity of each row (0-based columns). */
export interface AppColumns {
  /** The hidden item id (the sender's uid). */
  uid: number;
  /** 编号 as the sender numbers its items (1-1), or -1 when the sheet has none. */
  code: number;
}

const UID_LABEL = '条目标识';
const CODE_LABEL = '编号';

/** The table layouts of an app-made workbook by sheet name; null for any other workbook. */
export function appLayouts(sheets: readonly SheetCells[]): ReadonlyMap<string, SheetLayout> | null {
  const metaSheet = sheets.find((s) => s.name === META_SHEET);
  const meta = metaSheet ? parseMetaRows(metaSheet.rows) : null;
  return meta ? new Map(meta.sheets.map((l) => [l.name, l])) : null;
}

/** The last level of a flattened header (下发内容/编号 → 编号), normalised. */
const leaf = (header: string | undefined) => normalizeHeader((header ?? '').split('/').at(-1) ?? '');

/**
 * The id and 编号 columns of an app-made sheet: where `_meta` puts them when the header there says
 * so, else wherever the header names them (a moved column is still found). Null without an id column.
 */
export function appColumns(layout: SheetLayout | undefined, headers: readonly string[]): AppColumns | null {
  if (!layout?.columns.includes('uid')) return null;
  const at = (key: string, label: string): number => {
    const expected = layout.columns.indexOf(key);
    if (expected >= 0 && leaf(headers[expected]) === label) return expected;
    return headers.findIndex((h) => leaf(h) === label);
  };
  const uid = at('uid', UID_LABEL);
  return uid < 0 ? null : { uid, code: at('code', CODE_LABEL) };
}

/** The detected mapping with 编号 as the number column: 序号 only counts the rows of an export. */
export function appMapping(mapping: ColumnMapping, cols: AppColumns): ColumnMapping {
  const out: ColumnMapping = { ...mapping, [cols.uid]: 'ignore' };
  if (cols.code < 0) return out;
  for (const [c, field] of Object.entries(out)) if (field === 'code') out[Number(c)] = 'ignore';
  out[cols.code] = 'code';
  return out;
}

/**
 * Keeps the sender's identity on a draft: its id, and its 编号 as written (also the local number);
 * and which fields the sheet has (`fields`, one array shared by the sheet's rows).
 */
export function withUpperIdentity(item: DraftItem, values: readonly CellValue[], cols: AppColumns, fields: readonly string[]): void {
  const uid = cellText(values[cols.uid]);
  if (uid !== '') item.upperUid = uid;
  item.sheetFields = fields;
  const code = cols.code < 0 ? '' : toHalfWidth(cellText(values[cols.code]));
  if (code !== '') {
    item.upperCode = code;
    item.no = code;
  }
}
