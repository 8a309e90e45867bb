import type { Database } from 'better-sqlite3';
import { AppError } from '../../../shared/contract/errors';
import { LIGHT_LEVELS, type LightChange, type LightCompare, type LightCounts, type LightLevel } from '../../../shared/contract/schemas/lights';
import type { ItemKind } from '../../../shared/contract/schemas/items';
import type { BatchRecorder } from '../batches/batch-recorder';
import { countLevels, judgeItems } from './lights';
import { orderedPeriods, type PeriodBits } from './period-window';
import { listCodesOf } from '../repositories/list-codes';

function periodOf(db: Database, periodId: number): PeriodBits {
  const p = orderedPeriods(db).find((x) => x.id === periodId);
  if (!p) throw new AppError('not_found', `调度期次（编号 ${periodId}）不存在`);
  return p;
}

/**
 * Takes (or refreshes) the light snapshot of a period: every item judged as of that period and
 * `today`, stored in light_snapshots as levels (bad/warn/good/done), so a change of scheme keeps
 * history comparable. Call it when a period is closed and after returns are applied; pass the
 * batch's recorder to make the refresh part of that batch (undo restores the old snapshot).
 */
export function takeLightSnapshot(db: Database, periodId: number, today: string, rec?: BatchRecorder): { items: number; counts: LightCounts } {
  periodOf(db, periodId);
  const judged = judgeItems(db, { asOfPeriodId: periodId }, today);
  const old = new Map(
    db
      .prepare<[number], { item_id: number; light: string; reason: string }>('SELECT item_id, light, reason FROM light_snapshots WHERE period_id = ?')
      .all(periodId)
      .map((r) => [r.item_id, r]),
  );
  const upsert = db.prepare(
    'INSERT INTO light_snapshots(period_id, item_id, light, reason) VALUES (?, ?, ?, ?) ON CONFLICT(period_id, item_id) DO UPDATE SET light = excluded.light, reason = excluded.reason',
  );
  const updates: { key: Record<string, unknown>; now: Record<string, unknown>; values: Record<string, unknown> }[] = [];
  const inserts: Record<string, unknown>[] = [];
  db.transaction(() => {
    for (const r of judged) {
      const before = old.get(r.id);
      old.delete(r.id);
      if (before && before.light === r.verdict.level && before.reason === r.verdict.reason) continue;
      const key = { period_id: periodId, item_id: r.id };
      if (rec && before) updates.push({ key, now: before, values: { light: r.verdict.level, reason: r.verdict.reason } });
      else if (rec) inserts.push({ ...key, light: r.verdict.level, reason: r.verdict.reason });
      else upsert.run(periodId, r.id, r.verdict.level, r.verdict.reason);
    }
    // In a batch, set-based: a return of 9,000 rows changes most of a period's lights.
    rec?.updateMany('light_snapshots', updates);
    rec?.insertMany('light_snapshots', inserts);
  })();
  return { items: judged.length, counts: countLevels(judged.map((r) => r.verdict.level)) };
}

const RANK: Record<LightLevel, number> = { bad: 0, warn: 1, good: 2, done: 3 };

function isLevel(s: string): s is LightLevel {
  return (LIGHT_LEVELS as readonly string[]).includes(s);
}

function storedSnapshot(db: Database, periodId: number): Map<number, { level: LightLevel; reason: string }> {
  const rows = db.prepare<[number], { item_id: number; light: string; reason: string }>('SELECT item_id, light, reason FROM light_snapshots WHERE period_id = ?').all(periodId);
  return new Map(rows.filter((r) => isLevel(r.light)).map((r) => [r.item_id, { level: r.light as LightLevel, reason: r.reason }]));
}

/** A light as a comparison reads it (kept lights fit). */
export interface Current {
  id: number;
  kind: ItemKind;
  code: string;
  title: string;
  level: LightLevel;
  reason: string;
}

/** The period's own side: its stored snapshot, else lights judged now (or the caller's, already judged). */
function currentSide(db: Database, periodId: number, today: string, kind: ItemKind | undefined, live?: readonly Current[]): { rows: Current[]; fromSnapshot: boolean } {
  const stored = storedSnapshot(db, periodId);
  if (stored.size > 0) {
    const meta = db
      .prepare<[{ kind: string | null }], { id: number; kind: ItemKind; code: string; title: string }>('SELECT id, kind, code, title FROM items WHERE @kind IS NULL OR kind = @kind ORDER BY kind, seq, id')
      .all({ kind: kind ?? null });
    const rows = meta.flatMap((m) => {
      const s = stored.get(m.id);
      return s ? [{ ...m, level: s.level, reason: s.reason }] : [];
    });
    return { rows, fromSnapshot: true };
  }
  if (live) return { rows: live.map((r) => ({ id: r.id, kind: r.kind, code: r.code, title: r.title, level: r.level, reason: r.reason })), fromSnapshot: false };
  const judged = judgeItems(db, { asOfPeriodId: periodId, kind }, today);
  return { rows: judged.map((r) => ({ id: r.id, kind: r.kind, code: r.code, title: r.title, level: r.verdict.level, reason: r.verdict.reason })), fromSnapshot: false };
}

/**
 * A period's lights against the nearest earlier period that has a snapshot: improved (a red item
 * that caught up), worsened, unchanged, and items new since then. The period's own side is its
 * stored snapshot, or the lights judged now when it has none yet (`live`: lights the caller already
 * judged as of this period, to save judging twice).
 */
export function compareLights(db: Database, periodId: number, today: string, kind?: ItemKind, live?: readonly Current[]): LightCompare {
  const all = orderedPeriods(db);
  const at = all.findIndex((p) => p.id === periodId);
  if (at < 0) throw new AppError('not_found', `调度期次（编号 ${periodId}）不存在`);
  const hasSnapshot = db.prepare<[number], { x: number }>('SELECT 1 AS x FROM light_snapshots WHERE period_id = ? LIMIT 1');
  const prevPeriod = all.slice(0, at).reverse().find((p) => hasSnapshot.get(p.id));
  const prev = prevPeriod ? storedSnapshot(db, prevPeriod.id) : new Map<number, { level: LightLevel; reason: string }>();
  const { rows, fromSnapshot } = currentSide(db, periodId, today, kind, live);
  const out: LightCompare = {
    periodId,
    periodName: all[at].name,
    previous: prevPeriod ? { id: prevPeriod.id, name: prevPeriod.name } : null,
    fromSnapshot,
    improved: [],
    worsened: [],
    unchanged: 0,
    added: 0,
  };
  for (const now of rows) {
    const before = prev.get(now.id);
    if (!before) {
      out.added++;
      continue;
    }
    const change: LightChange = { id: now.id, kind: now.kind, code: now.code, title: now.title, before: before.level, after: now.level, reasonBefore: before.reason, reasonAfter: now.reason };
    if (RANK[now.level] > RANK[before.level]) out.improved.push(change);
    else if (RANK[now.level] < RANK[before.level]) out.worsened.push(change);
    else out.unchanged++;
  }
  // Only the changes are shown: their 编号 as the lists show them, read for those few ids.
  const shown = [...out.improved, ...out.worsened];
  const codes = listCodesOf(db, shown.map((c) => c.id));
  for (const c of shown) c.code = codes.get(c.id) ?? c.code;
  return out;
}
