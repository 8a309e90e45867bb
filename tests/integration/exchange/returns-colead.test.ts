import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { undoBatch } from '../../../electron/core/batches/batches';
import { makeCore } from '../helpers';
import { fill, PERIOD, type TestCore } from './exchange-fixture';

interface Shared {
  itemId: number;
  title: string;
  units: [string, string];
}

/** An item of the demo with two lead units (共同牵头), and its two units. */
function sharedItem(core: TestCore): Shared {
  const r = core.ctx.db
    .prepare(
      `SELECT i.id, i.title, group_concat(u.name, '|') AS names FROM items i JOIN item_units iu ON iu.item_id = i.id AND iu.role = 'lead' JOIN units u ON u.id = iu.unit_id
       WHERE i.kind = 'task' GROUP BY i.id HAVING count(*) = 2 ORDER BY i.id LIMIT 1`,
    )
    .get() as { id: number; title: string; names: string };
  const [a, b] = r.names.split('|');
  return { itemId: r.id, title: r.title, units: [a, b] };
}

describe('returns — each lead unit keeps its own report; the item combines them (issue 13)', () => {
  let core: TestCore;
  let shared: Shared;
  let template: (unit: string) => Uint8Array<ArrayBuffer>;

  beforeEach(async () => {
    core = makeCore();
    await core.call('demo:load', {});
    shared = sharedItem(core);
    const period = await core.call('periods:open', PERIOD);
    const units = await core.call('units:list', {});
    const issued = await core.call('templates:issue', { periodId: period.id, unitIds: shared.units.map((n) => units.find((u) => u.name === n)!.id) });
    template = (unit) => issued.files.find((f) => f.unitName === unit)!.bytes!;
  });
  afterEach(() => core.close());

  const returnOf = (unit: string, status: string, ratio: number, text: string) =>
    fill(template(unit), (e) => {
      e.set(shared.title, '状态', status);
      e.set(shared.title, '完成比例(%)', ratio);
      e.set(shared.title, '进展情况', text);
    });
  const item = () => core.call('items:get', { id: shared.itemId });
  const reports = () =>
    core.ctx.db
      .prepare('SELECT u.name, r.status, r.completion_ratio AS ratio, r.progress_text AS text FROM reports r JOIN units u ON u.id = r.unit_id WHERE r.item_id = ? ORDER BY u.name')
      .all(shared.itemId);

  it('gives two reports and no conflict in either order, and the item follows the stated rule', async () => {
    const [a, b] = shared.units;
    const fileA = { name: `${a}.xlsx`, bytes: await returnOf(a, '已完成', 100, '甲单位已完成本单位承担部分') };
    const fileB = { name: `${b}.xlsx`, bytes: await returnOf(b, '推进中', 40, '乙单位正在推进') };
    const outcomes: unknown[] = [];
    for (const files of [[fileA, fileB], [fileB, fileA]]) {
      const preview = await core.call('returns:preview', { files });
      expect(preview.counts).toMatchObject({ conflicts: 0, newReports: 2 });
      expect(preview.files[0].rows.find((r) => r.itemId === shared.itemId)?.sharedBy.sort()).toEqual([...shared.units].sort());
      const res = await core.call('returns:apply', { files });
      expect(res.counts).toMatchObject({ newReports: 2, keptMine: 0, tookTheirs: 0 });
      const it = await item();
      outcomes.push({ reports: reports(), status: it.status, progress: it.progress, note: it.progressNote });
      undoBatch(core.ctx.db, res.batchId!, new Date().toISOString());
    }
    expect(outcomes[1]).toEqual(outcomes[0]);
    expect(outcomes[0]).toMatchObject({
      reports: expect.arrayContaining([
        { name: a, status: 'done', ratio: 100, text: '甲单位已完成本单位承担部分' },
        { name: b, status: 'in_progress', ratio: 40, text: '乙单位正在推进' },
      ]),
      // not every unit is done → 推进中; the lowest ratio; each unit's text under its name
      status: 'in_progress',
      progress: 40,
      note: expect.stringContaining(`${a}：甲单位已完成本单位承担部分`),
    });
    expect((outcomes[0] as { note: string }).note).toContain(`${b}：乙单位正在推进`);
  });

  it('takes the second unit’s file in a later batch without a conflict, and is 已完成 when both are', async () => {
    const [a, b] = shared.units;
    await core.call('returns:apply', { files: [{ name: 'a.xlsx', bytes: await returnOf(a, '已完成', 100, '甲完成') }] });
    // one unit done, the other still at what it was sent: the item is 推进中 at the lowest ratio
    expect(await item()).toMatchObject({ status: 'in_progress', progress: 0 });
    // the light reads the reports by the same rule: one unit's 已完成 does not make the item done
    const light = async () => (await core.call('lights:for-items', { ids: [shared.itemId] })).lights[String(shared.itemId)].level;
    expect(await light()).not.toBe('done');
    const later = [{ name: 'b.xlsx', bytes: await returnOf(b, '已完成', 100, '乙完成') }];
    expect((await core.call('returns:preview', { files: later })).counts).toMatchObject({ conflicts: 0, newReports: 1 });
    await core.call('returns:apply', { files: later });
    expect(await item()).toMatchObject({ status: 'done', progress: 100 });
    expect(await light()).toBe('done');
    expect(reports()).toHaveLength(2);
    // what the item drawer shows: each unit's own report, and that two units share the item (the rule is shown then)
    const shown = await core.call('reports:item', { itemId: shared.itemId });
    expect(shown).toMatchObject({ periodName: PERIOD.name, sharedBy: 2 });
    expect(shown.reports.map((r) => [r.unitName, r.role, r.status, r.progressText]).sort()).toEqual([[a, '牵头', '已完成', '甲完成'], [b, '牵头', '已完成', '乙完成']].sort());
  });

  it('still shows the office’s own change after issue as a conflict, for each unit that changed the field', async () => {
    const [a, b] = shared.units;
    await core.call('items:update', { id: shared.itemId, fields: { progress: 55 } });
    const files = [
      { name: 'a.xlsx', bytes: await returnOf(a, '推进中', 70, '甲') },
      { name: 'b.xlsx', bytes: await returnOf(b, '推进中', 60, '乙') },
    ];
    const preview = await core.call('returns:preview', { files });
    const ratio = preview.files.flatMap((f) => f.conflicts).filter((c) => c.field === 'ratio');
    expect(ratio.map((c) => [c.unitName, c.current])).toEqual([[a, '55'], [b, '55']]);
    // taking theirs gives the item the combination: with only 甲 in, the lowest is still 乙's 0 as sent
    expect(ratio.map((c) => c.returned)).toEqual(['0（按合并规则；本单位报 70）', '60']);
    const res = await core.call('returns:apply', { files });
    expect(res.counts.keptMine).toBe(2);
    expect((await item()).progress).toBe(55);
    expect(reports()).toHaveLength(2);
  });
  it('sends each unit its own last report next period, not the combination; the conflict check still compares with the item at issue', async () => {
    const [a, b] = shared.units;
    await core.call('returns:apply', {
      files: [
        { name: 'a.xlsx', bytes: await returnOf(a, '已完成', 100, '甲完成') },
        { name: 'b.xlsx', bytes: await returnOf(b, '推进中', 40, '乙推进中') },
      ],
    });
    expect(await item()).toMatchObject({ status: 'in_progress', progress: 40, progressNote: `${a}：甲完成；${b}：乙推进中` });
    // the office corrects the item by hand before the next issue: not a change "since issue"
    await core.call('items:update', { id: shared.itemId, fields: { progress: 30 } });
    const next = await core.call('periods:open', { ...PERIOD, name: '2025年第6期', start: '2025-06-30', end: '2025-07-13', due: '2025-07-14' });
    const units = await core.call('units:list', {});
    const issued = await core.call('templates:issue', { periodId: next.id, unitIds: shared.units.map((n) => units.find((u) => u.name === n)!.id) });
    const sent = (unit: string) => issued.files.find((f) => f.unitName === unit)!.bytes!;
    const prefill = async (unit: string) => {
      let out: unknown[] = [];
      await fill(sent(unit), (e) => (out = ['状态', '完成比例(%)', '进展情况'].map((l) => e.ws.getCell(e.row(shared.title), e.col(l)).value)));
      return out;
    };
    expect(await prefill(a)).toEqual(['已完成', 100, '甲完成']);
    expect(await prefill(b)).toEqual(['推进中', 40, '乙推进中']);

    // 甲 returns its row untouched: no report; 乙 moves to 80 only: its own words kept, no conflict
    const untouched = { name: 'a2.xlsx', bytes: await fill(sent(a), () => {}) };
    const moved = { name: 'b2.xlsx', bytes: await fill(sent(b), (e) => e.set(shared.title, '完成比例(%)', 80)) };
    const preview = await core.call('returns:preview', { files: [untouched, moved] });
    expect(preview.counts).toMatchObject({ conflicts: 0, newReports: 1 });
    expect(preview.files[0].rows.find((r) => r.itemId === shared.itemId)).toBeUndefined();
    await core.call('returns:apply', { files: [untouched, moved] });
    // the item: the lowest of 甲's 100 and 乙's 80
    expect(await item()).toMatchObject({ status: 'in_progress', progress: 80 });
    const mine = core.ctx.db
      .prepare('SELECT r.status, r.completion_ratio AS ratio, r.progress_text AS text FROM reports r JOIN units u ON u.id = r.unit_id WHERE r.item_id = ? AND r.period_id = ? AND u.name = ?')
      .get(shared.itemId, next.id, b);
    expect(mine).toEqual({ status: 'in_progress', ratio: 80, text: '乙推进中' });

    // the office's own change after issue is still a conflict for the unit that changes the field
    await core.call('items:update', { id: shared.itemId, fields: { progress: 55 } });
    const again = { name: 'a3.xlsx', bytes: await fill(sent(a), (e) => e.set(shared.title, '完成比例(%)', 90)) };
    const conflicts = (await core.call('returns:preview', { files: [again] })).files[0].conflicts;
    expect(conflicts.map((c) => [c.unitName, c.field, c.issued, c.current])).toEqual([[a, 'ratio', '100', '55']]);
  });
});
