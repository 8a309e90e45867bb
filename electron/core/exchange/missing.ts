import type { Database } from 'better-sqlite3';
import type { MissingReport, MissingUnit } from '../../../shared/contract/schemas/periods';
import { createPeriodsRepository } from '../repositories/periods-repository';

interface UnitState {
  id: number;
  name: string;
  contact: string;
  phone: string;
  sort: number;
  item_count: number;
  issued_at: string | null;
  issued_rows: number;
  reported_rows: number;
  /** 1 when the unit sent any report for the period (one index probe, not a count). */
  any_reports: number;
}

const DAY_MS = 86_400_000;

/** Whole days from `from` to `to` (yyyy-mm-dd), never negative. */
export function daysBetween(from: string, to: string): number {
  const d = Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
  return Math.max(0, d);
}

// item_count is kept per unit by triggers on item_units (migration 0009), not counted over its items
function unitStates(db: Database, periodId: number): UnitState[] {
  return db
    .prepare<[number, number, number], UnitState>(
      `SELECT u.id, u.name, u.contact, u.phone, u.sort,
        coalesce((SELECT n FROM unit_item_counts c WHERE c.unit_id = u.id), 0) AS item_count,
        t.issued_at,
        (SELECT count(*) FROM issued_rows r WHERE r.template_id = t.id) AS issued_rows,
        (SELECT count(*) FROM issued_rows r JOIN reports p ON p.item_id = r.item_id AND p.period_id = ? AND p.unit_id = u.id WHERE r.template_id = t.id) AS reported_rows,
        EXISTS (SELECT 1 FROM reports p WHERE p.period_id = ? AND p.unit_id = u.id) AS any_reports
       FROM units u LEFT JOIN issued_templates t ON t.unit_id = u.id AND t.period_id = ?
       WHERE t.id IS NOT NULL OR EXISTS (SELECT 1 FROM item_units iu WHERE iu.unit_id = u.id AND iu.role IN ('lead','resp'))
       ORDER BY u.sort, u.id`,
    )
    .all(periodId, periodId, periodId);
}

function stateOf(u: UnitState): MissingUnit['state'] | 'returned' {
  if (u.issued_at === null) return u.any_reports > 0 ? 'returned' : 'not_issued';
  if (u.reported_rows === 0) return 'not_returned';
  return u.reported_rows < u.issued_rows ? 'partial' : 'returned';
}

const ORDER: Record<MissingUnit['state'], number> = { not_returned: 0, partial: 1, not_issued: 2 };

/**
 * 催报: units sent a template that have not reported (or reported only some rows), with days past
 * the due date, then units that lead or are responsible for items but were sent no template.
 */
export function missingReport(db: Database, periodId: number, today: string): MissingReport {
  const period = createPeriodsRepository(db).get(periodId);
  const late = today > period.dueDate ? daysBetween(period.dueDate, today) : 0;
  const states = unitStates(db, periodId).map((u) => ({ u, state: stateOf(u) }));
  const units: MissingUnit[] = states
    .filter((s): s is { u: UnitState; state: MissingUnit['state'] } => s.state !== 'returned')
    .sort((a, b) => ORDER[a.state] - ORDER[b.state])
    .map(({ u, state }) => ({
      unitId: u.id,
      unitName: u.name,
      contact: u.contact,
      phone: u.phone,
      state,
      issuedAt: u.issued_at,
      issuedRows: u.issued_rows,
      reportedRows: u.reported_rows,
      itemCount: u.item_count,
      daysLate: state === 'not_issued' ? 0 : late,
    }));
  const count = (s: string) => states.filter((x) => x.state === s).length;
  return {
    period,
    today,
    daysPastDue: late,
    counts: {
      issued: states.filter((x) => x.u.issued_at !== null).length,
      returned: states.filter((x) => x.u.issued_at !== null && x.state === 'returned').length,
      notReturned: count('not_returned'),
      partial: count('partial'),
      notIssued: count('not_issued'),
    },
    units,
  };
}
