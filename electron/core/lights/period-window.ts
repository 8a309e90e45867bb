import type { Database } from 'better-sqlite3';

/** A dispatch period as lights see it. */
export interface PeriodBits {
  id: number;
  name: string;
  start_date: string;
  due_date: string;
  closed: number;
}

/** The recent periods a light looks back over, and who was asked to report in each. */
export interface PeriodWindow {
  /** Oldest first, at most `WINDOW` periods up to the reference period. */
  periods: PeriodBits[];
  /** Period id → position in `periods`. */
  order: Map<number, number>;
  /** Periods whose report is due (closed, or due date passed), latest first. */
  due: PeriodBits[];
  /** Periods for which templates were issued: there, only issued items were asked to report. */
  templated: Set<number>;
  /** `${periodId}|${itemId}` for every issued template row. */
  issued: Set<string>;
}

/** How many periods back a light looks (enough to count "连续 N 期未报送" for any setting). */
const WINDOW = 12;

/** All periods, oldest first (start date, then id). */
export function orderedPeriods(db: Database): PeriodBits[] {
  return db.prepare<[], PeriodBits>('SELECT id, name, start_date, due_date, closed FROM periods ORDER BY start_date, id').all();
}

/** The window of periods up to `asOfPeriodId` (or all), with what was issued in the due ones. */
export function loadPeriodWindow(db: Database, today: string, asOfPeriodId?: number, ids?: readonly number[]): PeriodWindow {
  const all = orderedPeriods(db);
  const cut = asOfPeriodId === undefined ? all.length : all.findIndex((p) => p.id === asOfPeriodId) + 1;
  const periods = all.slice(Math.max(0, cut - WINDOW), cut);
  const due = periods.filter((p) => p.closed === 1 || p.due_date < today).reverse();
  const byIds = ids ? 'AND r.item_id IN (SELECT value FROM json_each(@ids))' : '';
  const rows = due.length
    ? db
        .prepare<[Record<string, string>], { period_id: number; item_id: number }>(
          `SELECT t.period_id, r.item_id FROM issued_rows r JOIN issued_templates t ON t.id = r.template_id
           WHERE t.period_id IN (SELECT value FROM json_each(@periods)) ${byIds}`,
        )
        .all({ periods: JSON.stringify(due.map((p) => p.id)), ids: JSON.stringify(ids ?? []) })
    : [];
  const templated = new Set<number>(
    due.length
      ? db
          .prepare<[string], { period_id: number }>('SELECT DISTINCT period_id FROM issued_templates WHERE period_id IN (SELECT value FROM json_each(?))')
          .all(JSON.stringify(due.map((p) => p.id)))
          .map((r) => r.period_id)
      : [],
  );
  return {
    periods,
    order: new Map(periods.map((p, n) => [p.id, n])),
    due,
    templated,
    issued: new Set(rows.map((r) => `${r.period_id}|${r.item_id}`)),
  };
}

/**
 * Rounds in a row, from the latest due period back, in which the item was asked to report and no
 * unit did. Asked = on an issued template of that period; where a period issued no templates,
 * every item with a lead or responsible unit that existed by the due date is asked.
 */
export function missedRounds(win: PeriodWindow, itemId: number, hasUnits: boolean, created: string, reports: readonly { period_id: number }[]): number {
  const reported = new Set(reports.map((r) => r.period_id));
  let n = 0;
  for (const p of win.due) {
    const asked = win.templated.has(p.id) ? win.issued.has(`${p.id}|${itemId}`) : hasUnits && created <= p.due_date;
    if (!asked || reported.has(p.id)) break;
    n++;
  }
  return n;
}
