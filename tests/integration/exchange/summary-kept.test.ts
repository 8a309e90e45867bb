import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localDate } from '../../../electron/core/context';
import { summaryIds, summaryRows } from '../../../electron/core/exchange/summary-rows';
import { ITEM_KINDS, ITEM_STATUSES } from '../../../shared/contract/schemas/items';
import type { SummaryQuery } from '../../../shared/contract/schemas/summary';
import { cycleCore, fill, PERIOD, templateTitles, type TestCore } from './exchange-fixture';

const PAGE = 7;

/** Every page of `q` (the ids and counts of each) to the end. */
function paged(core: TestCore, q: SummaryQuery, today: string, scan: boolean) {
  const pages: ReturnType<typeof summaryIds>[] = [];
  for (let offset = 0; ; offset += PAGE) {
    const page = summaryIds(core.ctx.db, { ...q, offset, limit: PAGE }, today, scan);
    pages.push(page);
    if (offset + PAGE >= page.matched) break;
  }
  return pages;
}

// The 汇总表 read from the rows and counts kept per period (migration 12) against the plain scan of the
// period's reports it replaced: every filter the page offers, paged to the end, after every kind of write.
describe('汇总表 from the kept rows equals the scan of the reports', () => {
  let core: TestCore;
  let periodId: number;
  let today: string;
  let unitIds: number[];
  let template: (unit: string) => Uint8Array<ArrayBuffer>;

  /** Both ways for every combination of kind, statuses and unit (the page's filters), whole and page by page. */
  function sameEverywhere(period = periodId) {
    const whole = summaryRows(core.ctx.db, { periodId: period }, today, true);
    // the kinds and units present (and one of neither), each status alone, two, and all four
    const present = ITEM_KINDS.filter((k) => whole.rows.some((r) => r.kind === k));
    const kinds = [undefined, ...present, ITEM_KINDS.find((k) => !present.includes(k))];
    const statuses = [undefined, ...ITEM_STATUSES.map((s) => [s]), ['in_progress', 'done'], [...ITEM_STATUSES]];
    const units = [undefined, ...new Set([...unitIds, ...whole.units.slice(0, 2).map((u) => u.id), 999_999])];
    let compared = 0;
    for (const kind of kinds)
      for (const st of statuses)
        for (const unitId of units) {
          const q: SummaryQuery = { periodId: period, kind, statuses: st as SummaryQuery['statuses'], unitId };
          const want = paged(core, q, today, true);
          expect(paged(core, q, today, false), JSON.stringify(q)).toEqual(want);
          compared += want.reduce((n, p) => n + p.pageIds.length, 0);
        }
    expect(compared).toBeGreaterThan(0);
    // the rows built from the ids: the whole table and a page, both ways
    expect(summaryRows(core.ctx.db, { periodId: period }, today, false)).toEqual(whole);
    const page = { periodId: period, statuses: [...ITEM_STATUSES], offset: PAGE, limit: PAGE };
    expect(summaryRows(core.ctx.db, page, today, false)).toEqual(summaryRows(core.ctx.db, page, today, true));
    return whole;
  }

  beforeAll(async () => {
    const c = await cycleCore(['省商务厅', '省科技厅']);
    core = c.core;
    periodId = c.period.id;
    unitIds = c.unitIds;
    template = c.template;
    today = localDate(core.ctx.now());
  }, 120_000);
  afterAll(() => core?.close());

  it('after templates are issued and nothing is reported', () => {
    const whole = sameEverywhere();
    expect(whole.reported).toBe(0);
    expect(whole.total).toBeGreaterThan(PAGE * 2);
  });

  it('after returns apply (statuses from the reports), a second unit on the same item, and an undo', async () => {
    const commerce = await templateTitles(template('省商务厅'));
    const science = await templateTitles(template('省科技厅'));
    const shared = commerce.find((t) => science.includes(t));
    const filled = await fill(template('省商务厅'), (e) => {
      e.set(commerce[0], '状态', '已完成');
      e.set(commerce[1], '状态', '暂缓');
      e.set(commerce[2], '进展情况', '只写了进展，未填状态');
      if (shared) e.set(shared, '状态', '推进中');
    });
    const first = await core.call('returns:apply', { files: [{ name: '省商务厅.xlsx', bytes: filled }] });
    expect(sameEverywhere().reported).toBeGreaterThan(0);
    const second = await core.call('returns:apply', {
      files: [{ name: '省科技厅.xlsx', bytes: await fill(template('省科技厅'), (e) => e.set(science[0], '状态', '已完成')) }],
    });
    sameEverywhere();
    await core.call('imports:undo', { batchId: second.batchId! });
    sameEverywhere();
    await core.call('imports:undo', { batchId: first.batchId! });
    expect(sameEverywhere().reported).toBe(0);
    await core.call('returns:apply', { files: [{ name: '省商务厅.xlsx', bytes: filled }] });
    sameEverywhere();
  });

  it('after a report typed in, an item edited (status, order) and an item deleted', async () => {
    const db = core.ctx.db;
    const whole = summaryRows(db, { periodId }, today, true);
    const [a, b, c] = whole.rows.filter((r) => !r.units.length);
    // a report written straight into the table, as any later writer would: the triggers keep the rows
    db.prepare("INSERT INTO reports(item_id, period_id, unit_id, status, reported_at) VALUES (?, ?, ?, 'suspended', '2025-07-15T09:00:00Z')").run(a.id, periodId, unitIds[0]);
    sameEverywhere();
    db.prepare("UPDATE reports SET status = 'done' WHERE item_id = ? AND period_id = ?").run(a.id, periodId);
    await core.call('items:update', { id: b.id, fields: { status: 'suspended' } });
    db.prepare('UPDATE items SET seq = -1 WHERE id = ?').run(c.id);
    sameEverywhere();
    await core.call('items:delete', { ids: [a.id] });
    sameEverywhere();
  });

  it("reads a page's lights from the period's snapshot once it is taken, an empty page too", async () => {
    const before = summaryRows(core.ctx.db, { periodId, offset: 0, limit: PAGE }, today);
    await core.call('lights:snapshot', { periodId });
    const snap = new Map(core.ctx.db.prepare('SELECT item_id, light FROM light_snapshots WHERE period_id = ?').raw().all(periodId) as [number, string][]);
    const whole = summaryRows(core.ctx.db, { periodId }, today);
    for (let offset = 0; offset <= whole.matched; offset += PAGE) {
      const page = summaryRows(core.ctx.db, { periodId, offset, limit: PAGE }, today);
      expect(page.lightSource).toBe('snapshot');
      expect(page.rows.map((r) => r.light.level)).toEqual(page.rows.map((r) => snap.get(r.id)));
    }
    expect(before.rows.map((r) => r.id)).toEqual(whole.rows.slice(0, PAGE).map((r) => r.id));
  });

  it('in a new period with no template (every item) and after its first template', async () => {
    const next = await core.call('periods:open', { ...PERIOD, name: '2025年第6期', start: '2025-06-30', end: '2025-07-13', due: '2025-07-14' });
    const whole = sameEverywhere(next.id);
    expect(whole.total).toBe(core.ctx.db.prepare('SELECT count(*) FROM items').pluck().get());
    sameEverywhere(periodId);
    await core.call('templates:issue', { periodId: next.id, unitIds: [unitIds[1]] });
    expect(sameEverywhere(next.id).total).toBeLessThan(whole.total);
  });
});
