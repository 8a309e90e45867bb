import type { CellValue, SheetCells } from '../workbook';
import type { ItemPlace } from './build-item';

/**
 * Keeps the current section and group while walking a sheet. The first heading sets the section
 * level; a heading at that level or shallower starts a new section, a deeper (or unnumbered,
 * under a numbered section) heading starts a group. Item numbers restart at 1 under each heading.
 */
export class SectionTracker {
  private section: { text: string; level: number } | null = null;
  private group: string | null = null;
  private count = 0;

  heading(text: string, level: number): void {
    const current = this.section;
    if (current === null || level === current.level || (level > 0 && level < current.level)) {
      this.section = { text, level };
      this.group = null;
    } else {
      this.group = text;
    }
    this.count = 0;
  }

  place(): ItemPlace {
    return { section: this.section?.text ?? null, group: this.group, no: this.count + 1 };
  }

  next(): void {
    this.count += 1;
  }
}

/**
 * Row reader for data rows where a vertically merged cell (a task title spanning three rows of
 * measures) gives its value to every row it covers, in its first column. Horizontal parts of a
 * merge stay empty, so one text never fills two fields.
 */
export function fillVerticalMerges(sheet: SheetCells, firstDataRow: number): (r: number) => CellValue[] {
  const fills = new Map<number, Map<number, CellValue>>();
  for (const m of sheet.merges) {
    if (m.e.r <= m.s.r || m.s.r < firstDataRow) continue;
    const value = sheet.rows[m.s.r]?.[m.s.c] ?? null;
    if (value === null) continue;
    for (let r = m.s.r + 1; r <= Math.min(m.e.r, sheet.rows.length - 1); r += 1) {
      const row = fills.get(r) ?? new Map<number, CellValue>();
      row.set(m.s.c, value);
      fills.set(r, row);
    }
  }
  return (r) => {
    const row = sheet.rows[r] ?? [];
    const fill = fills.get(r);
    if (!fill) return row;
    return row.map((v, c) => (v === null && fill.has(c) ? (fill.get(c) ?? null) : v));
  };
}

const MAX_LISTED_ROWS = 10;

/** 第5、6、9行 — or 第5、6…行等 23 行 when there are many. */
export function describeRows(rows: readonly number[]): string {
  const listed = rows.slice(0, MAX_LISTED_ROWS).join('、');
  return rows.length > MAX_LISTED_ROWS ? `第${listed}行等 ${rows.length} 行` : `第${listed}行`;
}

/**
 * The year most deadline cells of a sheet write out (2025年6月底前, 2025-09-30, date cells):
 * the year a bare 全年 or 6月30日 in the same sheet means. Null when none writes a year.
 */
export function dominantYear(sheet: SheetCells, column: number | undefined, firstDataRow: number): number | null {
  if (column === undefined) return null;
  const counts = new Map<number, number>();
  for (let r = firstDataRow; r < sheet.rows.length; r += 1) {
    const value = sheet.rows[r]?.[column];
    const year = value instanceof Date ? value.getUTCFullYear() : yearIn(value);
    if (year !== null) counts.set(year, (counts.get(year) ?? 0) + 1);
  }
  let best: number | null = null;
  for (const [year, count] of counts) {
    if (best === null || count > (counts.get(best) ?? 0)) best = year;
  }
  return best;
}

function yearIn(value: CellValue | undefined): number | null {
  if (typeof value !== 'string') return null;
  const match = /(?<!\d)(20\d{2})(?!\d)/.exec(value.replace(/[０-９]/g, (d) => String(d.charCodeAt(0) - 0xff10)));
  return match ? Number(match[1]) : null;
}
