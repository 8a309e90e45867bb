import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localDate } from '../../../electron/core/context';
import { summaryIds, summaryRows } from '../../../electron/core/exchange/summary-rows';
import { ITEM_KINDS, ITEM_STATUSES } from '../../../shared/contract/schemas/items';
import { LIGHT_LEVELS, type LightLevel } from '../../../shared/contract/schemas/lights';
import type { SummaryQuery } from '../../../shared/contract/schemas/summary';
import { cycleCore, fill, PERIOD, templateTitles, type TestCore } from './exchange-fixture';

const PAGE = 7;

/**
 * Every page of `q` (the ids and counts of each) to the end. The scan is the reference: it is read once,
 * whole, and cut into the pages the kept path must give (the scan's own paging is summary.test's).
 */
function paged(core: TestCore, q: SummaryQuery, today: string, scan: boolean) {
  const all = scan ? summaryIds(core.ctx.db, q, today, true) : undefined;
  const pages: ReturnType<typeof summaryIds>[] = [];
  for (let offset = 0; ; offset += PAGE) {
    const page = all ? { ...all, pageIds: all.pageIds.slice(offset, offset + PAGE) } : summaryIds(core.ctx.db, { ...q, offset, limit: PAGE }, today, false);
    pages.push(page);
    if (offset + PAGE >= page.matched) break;
  }
  return pages;
}

// The 汇总表 read from the rows, lights and counts kept per period (migrations 12, 13) against the plain scan
// of the period's reports and the lights judged per request it replaced: every filter the page offers,
// paged to the end, after every kind of write and as the date moves.
describe('汇总表 from the kept rows equals the scan of the reports', () => {
  let core: TestCore;
  let periodId: number;
  let today: string;
  let unitIds: number[];
  let template: (unit: string) => Uint8Array<ArrayBuffer>;

  /**
   * Both ways for every combination of kind, statuses, unit and light (the page's filters), whole and page by page:
   * every light filter with every status and unit, and with each kind alone (the 4 × 7 × 5 × 5 product is slow).
   */
  function sameEverywhere(period = periodId, day = today) {
    const whole = summaryRows(core.ctx.db, { periodId: period }, day, true);
    // the kinds and units present (and one of neither), each status alone, two, and all four
    const present = ITEM_KINDS.filter((k) => whole.rows.some((r) => r.kind === k));
    const kinds = [undefined, ...present, ITEM_KINDS.find((k) => !present.includes(k))];
    const statuses = [undefined, ...ITEM_STATUSES.map((s) => [s]), ['in_progress', 'done'], [...ITEM_STATUSES]];
    const units = [undefined, ...new Set([...unitIds, ...whole.units.slice(0, 2).map((u) => u.id), 999_999])];
    const lights: (LightLevel[] | undefined)[] = [undefined, ['bad'], ['warn', 'good'], ['done'], [...LIGHT_LEVELS]];
    let compared = 0;
    for (const kind of kinds)
      for (const st of statuses)
        for (const unitId of units)
          for (const levels of kind === undefined ? lights : [undefined, ['bad'] as LightLevel[]]) {
            const q: SummaryQuery = { periodId: period, kind, statuses: st as SummaryQuery['statuses'], unitId, levels };
            const want = paged(core, q, day, true);
            expect(paged(core, q, day, false), JSON.stringify(q)).toEqual(want);
            compared += want.reduce((n, p) => n + p.pageIds.length, 0);
          }
    expect(compared).toBeGreaterThan(0);
    // the rows built from the ids, with their kept lights: the whole table, each light alone and a page, both ways
    expect(summaryRows(core.ctx.db, { periodId: period }, day, false)).toEqual(whole);
    for (const level of LIGHT_LEVELS) {
      const one = { periodId: period, levels: [level] };
      expect(summaryRows(core.ctx.db, one, day, false), level).toEqual(summaryRows(core.ctx.db, one, day, true));
    }
    const page = { periodId: period, statuses: [...ITEM_STATUSES], offset: PAGE, limit: PAGE };
    expect(summaryRows(core.ctx.db, page, day, false)).toEqual(summaryRows(core.ctx.db, page, day, true));
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

  it('as the date moves past deadlines (midnight): a running period, the same period ended, and the newest period', () => {
    const db = core.ctx.db;
    // the period opened above: after this one, with a template and no snapshot
    const sixth = db.prepare("SELECT id FROM periods WHERE name = '2025年第6期'").pluck().get() as number;
    const ids = summaryRows(db, { periodId: sixth }, today, true).rows.map((r) => r.id);
    // deadlines inside the period, so days in it turn lights red
    db.prepare("UPDATE items SET deadline_date = '2025-07-02', status = 'in_progress', progress = 10 WHERE id IN (SELECT value FROM json_each(?))").run(JSON.stringify(ids.slice(0, 3)));
    db.prepare("UPDATE items SET deadline_date = '2025-07-05', status = 'in_progress', progress = 10 WHERE id IN (SELECT value FROM json_each(?))").run(JSON.stringify(ids.slice(3, 5)));
    const red = (day: string) => summaryRows(db, { periodId: sixth, levels: ['bad'] }, day).matched;
    for (const day of ['2025-07-01', '2025-07-03', '2025-07-06', '2025-07-20']) sameEverywhere(sixth, day);
    // a day after a deadline the light is red; ended, the period's lights stay as of its end
    expect(red('2025-07-03')).toBeGreaterThan(red('2025-07-01'));
    expect(red('2025-07-06')).toBeGreaterThan(red('2025-07-03'));
    expect(red('2025-08-30')).toBe(red('2025-07-20'));
    // the newest period runs today: its lights are judged anew each day
    const newest = db.prepare('SELECT id FROM periods ORDER BY start_date DESC, id DESC LIMIT 1').pluck().get() as number;
    const shown = summaryRows(db, { periodId: newest }, today, true).rows.map((r) => r.id);
    db.prepare("UPDATE items SET deadline_date = date(?, '+1 day'), status = 'in_progress', progress = 0 WHERE id IN (SELECT value FROM json_each(?))").run(today, JSON.stringify(shown.slice(0, 4)));
    const later = (n: number) => new Date(Date.parse(`${today}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
    for (const day of [today, later(2), later(40)]) sameEverywhere(newest, day);
  });
});
