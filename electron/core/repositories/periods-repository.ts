import type { Database } from 'better-sqlite3';
import { AppError } from '../../../shared/contract/errors';
import type { Period, PeriodKind } from '../../../shared/contract/schemas/periods';

interface PeriodDbRow {
  id: number;
  name: string;
  kind: PeriodKind;
  start_date: string;
  end_date: string;
  due_date: string;
  closed: number;
  created_at: string;
  issued_units: number;
  reported_units: number;
}

const SELECT = `SELECT p.*,
  (SELECT count(*) FROM issued_templates t WHERE t.period_id = p.id) AS issued_units,
  (SELECT count(DISTINCT r.unit_id) FROM reports r WHERE r.period_id = p.id) AS reported_units
  FROM periods p`;

const toPeriod = (r: PeriodDbRow): Period => ({
  id: r.id,
  name: r.name,
  kind: r.kind,
  startDate: r.start_date,
  endDate: r.end_date,
  dueDate: r.due_date,
  closed: r.closed === 1,
  createdAt: r.created_at,
  issuedUnits: r.issued_units,
  reportedUnits: r.reported_units,
});

/** 调度期次: list, open, close. */
export function createPeriodsRepository(db: Database) {
  return {
    /** Newest first. */
    list(): Period[] {
      return db.prepare<[], PeriodDbRow>(`${SELECT} ORDER BY p.start_date DESC, p.id DESC`).all().map(toPeriod);
    },
    get(id: number): Period {
      const r = db.prepare<[number], PeriodDbRow>(`${SELECT} WHERE p.id = ?`).get(id);
      if (!r) throw new AppError('not_found', `调度期次（编号 ${id}）不存在`);
      return toPeriod(r);
    },
    byName(name: string): Period | null {
      const r = db.prepare<[string], PeriodDbRow>(`${SELECT} WHERE p.name = ?`).get(name.trim());
      return r ? toPeriod(r) : null;
    },
    insert(p: { name: string; kind: PeriodKind; start: string; end: string; due: string }, at: string): number {
      if (this.byName(p.name)) throw new AppError('conflict', `期次「${p.name}」已存在`);
      return Number(
        db
          .prepare('INSERT INTO periods(name, kind, start_date, end_date, due_date, closed, created_at) VALUES (?, ?, ?, ?, ?, 0, ?)')
          .run(p.name, p.kind, p.start, p.end, p.due, at).lastInsertRowid,
      );
    },
    setClosed(id: number, closed: boolean): void {
      this.get(id);
      db.prepare('UPDATE periods SET closed = ? WHERE id = ?').run(closed ? 1 : 0, id);
    },
  };
}
export type PeriodsRepository = ReturnType<typeof createPeriodsRepository>;
