import type { Database } from 'better-sqlite3';
import type { TestCore } from './helpers';

/** Builders for dispatch-cycle tests that write periods and reports straight into the schema. */
export function cycleFixture(core: TestCore) {
  const db: Database = core.ctx.db;
  return {
    db,
    async unit(name: string): Promise<number> {
      return (await core.call('units:create', { name })).id;
    },
    async item(input: { title: string; code?: string; content?: string; deadlineText?: string; status?: 'not_started' | 'in_progress' | 'done' | 'suspended'; progress?: number; lead?: number[]; planId?: number; kind?: 'task' | 'project' | 'policy' | 'indicator' }): Promise<number> {
      const units = (input.lead ?? []).map((unitId) => ({ unitId, role: 'lead' as const }));
      const { lead: _lead, kind, ...fields } = input;
      const id = (await core.call('items:create', { kind: kind ?? 'task', ...fields, units })).id;
      // items exist before the periods of a test, as they would in an office
      db.prepare("UPDATE items SET created_at = '2025-05-01T00:00:00.000Z' WHERE id = ?").run(id);
      return id;
    },
    period(name: string, start: string, end: string, due: string, closed = false): number {
      return Number(
        db.prepare("INSERT INTO periods(name, kind, start_date, end_date, due_date, closed, created_at) VALUES (?, '双周', ?, ?, ?, ?, ?)")
          .run(name, start, end, due, closed ? 1 : 0, new Date().toISOString()).lastInsertRowid,
      );
    },
    report(r: { itemId: number; periodId: number; unitId: number; ratio?: number; value?: number; problems?: string; status?: string; text?: string }): void {
      db.prepare(
        `INSERT INTO reports(item_id, period_id, unit_id, progress_text, completion_ratio, completed_value, problems, status, source, reported_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'typed', ?)`,
      ).run(r.itemId, r.periodId, r.unitId, r.text ?? '按计划推进', r.ratio ?? null, r.value ?? null, r.problems ?? '', r.status ?? null, new Date().toISOString());
    },
    issue(periodId: number, unitId: number, itemIds: number[]): void {
      const t = Number(
        db.prepare("INSERT INTO issued_templates(period_id, unit_id, token, file_name, fields, issued_at) VALUES (?, ?, ?, ?, '[]', ?)")
          .run(periodId, unitId, `tok-${periodId}-${unitId}`, `${unitId}.xlsx`, new Date().toISOString()).lastInsertRowid,
      );
      for (const id of itemIds) db.prepare("INSERT INTO issued_rows(template_id, item_id, snapshot) VALUES (?, ?, '{}')").run(t, id);
    },
  };
}
