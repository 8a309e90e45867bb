import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeCore, type TestCore } from '../helpers';
import { sampleFile } from './stored';

// A bulk import counts 催报's 事项数 per unit (unit_item_counts) once at the end instead of per unit
// row (deferUnitCounts): the kept count of every unit must still equal its recount.
describe('kept unit item counts across a bulk import', () => {
  let core: TestCore;
  beforeEach(() => {
    core = makeCore();
  });
  afterEach(() => core.close());

  const kept = () => Object.fromEntries((core.ctx.db.prepare('SELECT unit_id, n FROM unit_item_counts WHERE n <> 0 ORDER BY unit_id').raw().all() as [number, number][]).map(([u, n]) => [u, n]));
  const recount = () =>
    Object.fromEntries(
      (core.ctx.db.prepare("SELECT unit_id, count(DISTINCT item_id) FROM item_units WHERE role IN ('lead','resp') GROUP BY unit_id ORDER BY unit_id").raw().all() as [number, number][]).map(
        ([u, n]) => [u, n],
      ),
    );
  const leadOf = (id: number) => core.ctx.db.prepare("SELECT unit_id FROM item_units WHERE item_id = ? AND role = 'lead'").pluck().all(id) as number[];
  const unitsOf = (id: number) => core.ctx.db.prepare('SELECT unit_id AS unitId, role FROM item_units WHERE item_id = ? ORDER BY role, sort').all(id) as { unitId: number; role: 'lead' | 'resp' | 'coop' }[];

  it('equal the recount after an import, a re-import that moves leads back, and the undo of each', async () => {
    const before = recount();
    const maxId = core.ctx.db.prepare('SELECT coalesce(max(id), 0) FROM items').pluck().get() as number;
    const first = await core.call('imports:apply', { files: [sampleFile()] });
    expect(first.counts.new).toBeGreaterThan(0);
    expect(kept()).toEqual(recount());
    expect(recount()).not.toEqual(before);

    // Two imported items handed to another unit; the re-import gives them back their own 牵头单位
    // (that unit loses them through the delete trigger, the sheet's units regain them in the deferred count).
    const [a, b] = core.ctx.db.prepare('SELECT id FROM items WHERE id > ? ORDER BY id LIMIT 2').pluck().all(maxId) as number[];
    const other = core.ctx.db.prepare('SELECT id FROM units WHERE id NOT IN (SELECT unit_id FROM item_units WHERE item_id IN (?, ?)) ORDER BY id LIMIT 1').pluck().get(a, b) as number;
    const own = leadOf(a);
    for (const id of [a, b]) await core.call('items:update', { id, units: [{ unitId: other, role: 'lead' }] });
    const moved = recount();
    expect(kept()).toEqual(moved);
    const again = await core.call('imports:apply', { files: [sampleFile()] });
    expect(again.counts.changed).toBeGreaterThanOrEqual(2);
    expect(leadOf(a)).toEqual(own);
    expect(kept()).toEqual(recount());

    await core.call('imports:undo', { batchId: again.batchId! });
    expect(unitsOf(a)).toEqual([{ unitId: other, role: 'lead' }]);
    expect(kept()).toEqual(moved);
    expect(kept()).toEqual(recount());
    for (const id of [a, b]) await core.call('items:update', { id, units: [] });
    await core.call('imports:undo', { batchId: first.batchId! });
    expect(kept()).toEqual(before);
    expect(recount()).toEqual(before);
    expect(core.ctx.db.prepare("SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'unit_counts_%'").pluck().get()).toBe(3);
  });
});
