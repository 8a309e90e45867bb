import type { Database } from 'better-sqlite3';
import { TEMPLATE_FIELD_LABELS } from '../../../shared/contract/schemas/exchange';
import type { AppSheet, AppWorkbook } from '../excel/app-workbook-reader';
import type { AppMeta, SheetLayout } from '../excel/styled/meta-sheet';
import { cellString } from './cell-parse';
import { IDENTITY_LABELS } from './template-sheet';

const norm = (s: string) => s.replace(/\s+/g, '');
const KEY_OF: ReadonlyMap<string, string> = new Map(Object.entries({ ...IDENTITY_LABELS, ...TEMPLATE_FIELD_LABELS }).map(([k, label]) => [norm(label), k]));

/** A sheet laid out like an issued template: its header row (1-based), column keys and the ids below. */
function layoutOf(sheet: AppSheet): { layout: SheetLayout; uids: string[] } | null {
  for (let h = 0; h < Math.min(sheet.rows.length, 12); h++) {
    const keys = (sheet.rows[h] ?? []).map((c, i) => KEY_OF.get(norm(cellString(c ?? null))) ?? `_${i}`);
    const uidAt = keys.indexOf('uid');
    if (uidAt < 0) continue;
    const uids = sheet.rows.slice(h + 1).map((r) => cellString(r[uidAt] ?? null).trim()).filter(Boolean);
    const layout: SheetLayout = { name: sheet.name, headerRow: h + 1, firstDataRow: h + 2, lastDataRow: sheet.rows.length, columns: keys, meta: {} };
    return { layout, uids };
  }
  return null;
}

interface TemplateHit {
  token: string;
  period: string;
  unit: string;
  hits: number;
}

/** The issued template whose rows hold most of these ids (more than half of them), or null. */
function templateOf(db: Database, uids: readonly string[]): TemplateHit | null {
  if (uids.length === 0) return null;
  const found = db
    .prepare<[string], TemplateHit>(
      `SELECT t.token, p.name AS period, u.name AS unit, COUNT(*) AS hits
         FROM issued_rows r JOIN items i ON i.id = r.item_id JOIN issued_templates t ON t.id = r.template_id
         JOIN periods p ON p.id = t.period_id JOIN units u ON u.id = t.unit_id
        WHERE i.uid IN (SELECT value FROM json_each(?))
        GROUP BY t.id ORDER BY hits DESC, t.issued_at DESC, t.id DESC LIMIT 2`,
    )
    .all(JSON.stringify([...new Set(uids)]));
  const [best, next] = found;
  if (!best || best.hits * 2 <= new Set(uids).size || (next && next.hits === best.hits && next.unit !== best.unit)) return null;
  return best;
}

/**
 * When a program dropped the hidden `_meta` sheet, the hidden 条目标识 column alone can still say
 * which issued template a file is: its ids are matched against the templates issued (the newest
 * when the same rows went out twice). Null when no sheet has that column or the ids match none.
 */
export function metaFromIds(db: Database, wb: AppWorkbook): AppMeta | null {
  for (const sheet of wb.sheets) {
    const found = layoutOf(sheet);
    const hit = found && templateOf(db, found.uids);
    if (!found || !hit) continue;
    const values = { format: 'qingdan', kind: 'template', period: hit.period, unit: hit.unit, token: hit.token };
    return { format: 'qingdan', version: 1, kind: 'template', senderOffice: '', period: hit.period, unit: hit.unit, token: hit.token, exportedAt: '', values, sheets: [found.layout] };
  }
  return null;
}
