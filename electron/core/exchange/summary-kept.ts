import type { Database } from 'better-sqlite3';
import { ITEM_KINDS, type ItemKind, type ItemStatus } from '../../../shared/contract/schemas/items';
import type { SummaryQuery } from '../../../shared/contract/schemas/summary';
import { periodLightsReady, refreshPeriodLights } from '../lights/period-lights';
import { keywordMatches } from './summary-keyword';
import { remembered } from './summary-memo';

/** The totals and one page of ids of the 汇总表, read from the rows, lights and counts kept per period (0012, 0013). */
export interface KeptSummary {
  total: number;
  reported: number;
  matched: number;
  matchedReported: number;
  units: { id: number; name: string }[];
  pageIds: number[];
  /** The period concerns items: their lights are kept (period_items.light), current as of this call. */
  keptLights?: boolean;
}

/** Where the last page of a filtering ended: the next page goes on from there instead of skipping from the top. */
interface Cursor {
  kind: ItemKind;
  seq: number;
  id: number;
}

interface Counted {
  kind: ItemKind;
  status: ItemStatus;
  /** The kept light ('' where the period concerns no item yet: every item, lights not kept per period). */
  light: string;
  reported: number;
  n: number;
}

/** What one stream of ids walks: the rows of one status and/or one light (any when absent). */
interface Stream {
  status?: ItemStatus;
  light?: string;
}

/**
 * The period's rows are the kept ones (period_items) when it concerns any item; else every item, none reported.
 * Both give ids in plan order per kind, optionally of one status (and, kept, one light) and after a cursor.
 */
function source(db: Database, periodId: number, scoped: boolean) {
  const counts = scoped
    ? db.prepare<[number], Counted>('SELECT kind, status, light, reported, n FROM period_light_counts WHERE period_id = ? AND n <> 0').all(periodId)
    : db.prepare<[], Counted>("SELECT kind, status, '' AS light, 0 AS reported, n FROM item_status_counts WHERE n <> 0").all();
  const [table, id, where] = scoped ? ['period_items', 'item_id', 'period_id = @period AND '] : ['items', 'id', ''];
  // each walk named its index: the planner would take the light index for a plain walk too and sort the kind's rows
  const index = (by: Stream) => (!scoped ? '' : `INDEXED BY period_items_${by.light !== undefined ? 'light' : by.status ? 'status' : 'order'}`);
  const walk = (by: Stream, after: boolean) =>
    db.prepare<Record<string, unknown>, { id: number; seq: number }>(
      `SELECT ${id} AS id, seq FROM ${table} ${index(by)} WHERE ${where}kind = @kind ${by.light !== undefined ? 'AND light = @light' : ''} ${by.status ? 'AND status = @status' : ''}
       ${after ? `AND (seq, ${id}) > (@seq, @id)` : ''} ORDER BY seq, ${id} LIMIT @limit OFFSET @skip`,
    );
  return { scoped, counts, walk };
}

/** The filters of a query as sets (absent: any). */
interface Filters {
  kinds: readonly ItemKind[];
  statuses?: ReadonlySet<ItemStatus>;
  levels?: ReadonlySet<string>;
}

const passes = (f: Filters, c: Pick<Counted, 'kind' | 'status' | 'light'>) =>
  f.kinds.includes(c.kind) && (!f.statuses || f.statuses.has(c.status)) && (!f.levels || f.levels.has(c.light));

/**
 * The streams whose merge gives a kind's filtered rows in plan order: one per status, or under a light
 * filter one per (light, status) present (the (period, kind, light, status, seq) index walks each in order).
 */
function streamsOf(src: ReturnType<typeof source>, f: Filters, kind: ItemKind): Stream[] {
  if (f.levels) {
    const pairs = new Map<string, Stream>();
    for (const c of src.counts) if (c.kind === kind && passes(f, c)) pairs.set(`${c.light}|${c.status}`, { light: c.light, status: c.status });
    return [...pairs.values()];
  }
  return f.statuses ? [...f.statuses].map((status) => ({ status })) : [{}];
}

/** Up to `limit` ids of one kind in plan order from `skip` (after `after`), of the filters asked for. */
function kindPage(src: ReturnType<typeof source>, f: Filters, p: { period: number; kind: ItemKind; skip: number; limit: number; after?: Cursor }) {
  const base = { period: p.period, kind: p.kind, limit: p.limit + p.skip, skip: 0, seq: p.after?.seq ?? 0, id: p.after?.id ?? 0 };
  const streams = streamsOf(src, f, p.kind).map((by) => src.walk(by, Boolean(p.after)).all({ ...base, status: by.status ?? null, light: by.light ?? null }));
  // a few sorted streams (one per status or light) merged in plan order; one stream needs no merge
  const merged = streams.length === 1 ? streams[0] : streams.flat().sort((a, b) => a.seq - b.seq || a.id - b.id);
  return merged.slice(p.skip, p.skip + p.limit);
}

/**
 * Ids and plan order of the items of `unitId` (any role, or reported by it this period) among the period's rows.
 * CROSS JOIN: the unit's few thousand items probe the period's rows (else SQLite scans the 100,000 rows and probes the unit's).
 */
function unitRows(db: Database, scoped: boolean, periodId: number, unitId: number) {
  const sql = scoped
    ? `SELECT p.item_id AS id, p.kind, p.seq, p.status, p.light, p.reports FROM
         (SELECT item_id FROM item_units WHERE unit_id = @unit UNION SELECT item_id FROM reports WHERE period_id = @period AND unit_id = @unit) c
       CROSS JOIN period_items p ON p.period_id = @period AND p.item_id = c.item_id`
    : `SELECT i.id, i.kind, i.seq, i.status, '' AS light, 0 AS reports FROM (SELECT DISTINCT item_id FROM item_units WHERE unit_id = @unit) c CROSS JOIN items i ON i.id = c.item_id`;
  const rank = new Map<string, number>(ITEM_KINDS.map((k, i) => [k, i]));
  return db
    .prepare<Record<string, number>, { id: number; kind: ItemKind; seq: number; status: ItemStatus; light: string; reports: number }>(sql)
    .all({ unit: unitId, period: periodId })
    .sort((a, b) => rank.get(a.kind)! - rank.get(b.kind)! || a.seq - b.seq || a.id - b.id);
}

/** Units reporting this period or answering for one of its items of the kinds shown, by name. */
function periodUnits(db: Database, scoped: boolean, periodId: number, kind?: ItemKind) {
  const of = scoped
    ? `SELECT 1 FROM item_units iu JOIN period_items p ON p.period_id = @period AND p.item_id = iu.item_id WHERE iu.unit_id = u.id ${kind ? 'AND p.kind = @kind' : ''}`
    : `SELECT 1 FROM item_units iu JOIN items i ON i.id = iu.item_id WHERE iu.unit_id = u.id ${kind ? 'AND i.kind = @kind' : ''}`;
  return db
    .prepare<Record<string, unknown>, { id: number; name: string }>(
      `SELECT u.id, u.name FROM units u WHERE EXISTS (SELECT 1 FROM reports r WHERE r.period_id = @period AND r.unit_id = u.id) OR EXISTS (${of})`,
    )
    .all({ period: periodId, kind: kind ?? null })
    .sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'));
}

/**
 * The 汇总表's totals, units and one page of ids without reading the period's reports: the kind, status,
 * light and unit filters from the kept rows and counts (the period's lights brought up to date first), the keyword
 * from its indexes (summary-keyword.ts). Undefined (the caller scans) for a keyword the indexes leave to the scan or
 * with a light filter, and for a light filter where the period concerns no item yet.
 */
export function keptSummary(db: Database, q: SummaryQuery, today: string): KeptSummary | undefined {
  const keyword = q.keyword?.trim() && !q.levels?.length ? keywordMatches(db, q) : undefined;
  if (q.keyword?.trim() && !keyword) return undefined;
  const scoped = Boolean(db.prepare('SELECT 1 FROM period_items WHERE period_id = ? LIMIT 1').get(q.periodId));
  if (q.levels?.length && !scoped) return undefined;
  // a light filter judges the whole period once if it must (kept from then on); a page only what was written since
  const kept = scoped && (Boolean(q.levels?.length) || periodLightsReady(db, q.periodId, today));
  if (kept) refreshPeriodLights(db, q.periodId, today);
  const src = source(db, q.periodId, scoped);
  const f: Filters = {
    kinds: q.kind ? [q.kind] : ITEM_KINDS,
    statuses: q.statuses?.length ? new Set(q.statuses) : undefined,
    levels: q.levels?.length ? new Set(q.levels) : undefined,
  };
  const sum = (keep: (c: Counted) => boolean) => src.counts.filter(keep).reduce((s, c) => s + c.n, 0);
  const totals = { total: sum((c) => f.kinds.includes(c.kind)), reported: sum((c) => f.kinds.includes(c.kind) && c.reported > 0) };
  const units = periodUnits(db, src.scoped, q.periodId, q.kind);
  if (keyword) return { ...totals, ...keyword, units, keptLights: kept };
  const { offset = 0, limit } = q;
  if (q.unitId !== undefined) {
    const unitId = q.unitId;
    const rows = remembered(db, JSON.stringify({ kept: 'unit', q: { ...q, offset: 0, limit: 0 } }), () =>
      unitRows(db, src.scoped, q.periodId, unitId).filter((r) => passes(f, r)),
    );
    const pageIds = rows.slice(offset, limit === undefined ? undefined : offset + limit).map((r) => r.id);
    return { ...totals, matched: rows.length, matchedReported: rows.filter((r) => r.reports > 0).length, units, pageIds, keptLights: kept };
  }
  const matched = sum((c) => passes(f, c));
  const end = limit === undefined ? matched : Math.min(matched, offset + limit);
  return { ...totals, matched, matchedReported: sum((c) => passes(f, c) && c.reported > 0), units, pageIds: pageOf(db, src, q, f, offset, end), keptLights: kept };
}

/** Ids from `offset` to `end` of the filtered rows, kind by kind, going on from where the last page ended. */
function pageOf(db: Database, src: ReturnType<typeof source>, q: SummaryQuery, f: Filters, offset: number, end: number) {
  const cursors = remembered(db, JSON.stringify({ kept: 'cursors', q: { ...q, offset: 0, limit: 0 } }), () => new Map<number, Cursor>());
  const from = cursors.get(offset);
  const ids: number[] = [];
  let skip = offset;
  let last: Cursor | undefined;
  for (const kind of f.kinds) {
    if (ids.length >= end - offset) break;
    const n = src.counts.filter((c) => c.kind === kind && passes(f, c)).reduce((s, c) => s + c.n, 0);
    if (from && kind !== from.kind && !ids.length) {
      if (ITEM_KINDS.indexOf(kind) < ITEM_KINDS.indexOf(from.kind)) continue;
    } else if (!from && skip >= n) {
      skip -= n;
      continue;
    }
    const after = from && kind === from.kind && !ids.length ? from : undefined;
    const got = kindPage(src, f, { period: q.periodId, kind, skip: from ? 0 : skip, limit: end - offset - ids.length, after });
    skip = 0;
    ids.push(...got.map((r) => r.id));
    if (got.length) last = { kind, seq: got.at(-1)!.seq, id: got.at(-1)!.id };
  }
  if (last) cursors.set(offset + ids.length, last);
  return ids;
}
