import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeCore, type TestCore } from '../helpers';
import { keptListCounts, recountListCounts } from '../list-counts-recount';
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
  const statusCounts = (sql: string) => Object.fromEntries((core.ctx.db.prepare(sql).raw().all() as [string, number][]).map(([k, n]) => [k, n]));
  /** Every count the import's deferred statements keep (deferUnitCounts, deferListCounts), kept and recounted. */
  const all = () => ({
    units: kept(),
    lists: keptListCounts(core.ctx.db),
    statuses: statusCounts("SELECT kind || ' ' || status, n FROM item_status_counts WHERE n <> 0 ORDER BY 1"),
  });
  const recountAll = () => ({
    units: recount(),
    lists: recountListCounts(core.ctx.db),
    statuses: statusCounts("SELECT kind || ' ' || status, count(*) FROM items GROUP BY 1 ORDER BY 1"),
  });
  const DEFERRED = ['unit_counts_ai', 'list_counts_items_ai', 'list_counts_units_ai', 'item_status_counts_ai'];
  const triggers = () =>
    core.ctx.db.prepare(`SELECT name FROM sqlite_master WHERE type = 'trigger' AND name IN (${DEFERRED.map(() => '?').join(', ')}) ORDER BY name`).pluck().all(...DEFERRED);
  const leadOf = (id: number) => core.ctx.db.prepare("SELECT unit_id FROM item_units WHERE item_id = ? AND role = 'lead'").pluck().all(id) as number[];
  const unitsOf = (id: number) => core.ctx.db.prepare('SELECT unit_id AS unitId, role FROM item_units WHERE item_id = ? ORDER BY role, sort').all(id) as { unitId: number; role: 'lead' | 'resp' | 'coop' }[];

  it('equal the recount after an import, a re-import that moves leads back, and the undo of each', async () => {
    const before = recount();
    const listsBefore = keptListCounts(core.ctx.db);
    const maxId = core.ctx.db.prepare('SELECT coalesce(max(id), 0) FROM items').pluck().get() as number;
    const first = await core.call('imports:apply', { files: [sampleFile()] });
    expect(first.counts.new).toBeGreaterThan(0);
    expect(all()).toEqual(recountAll());
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
    expect(all()).toEqual(recountAll());

    await core.call('imports:undo', { batchId: again.batchId! });
    expect(unitsOf(a)).toEqual([{ unitId: other, role: 'lead' }]);
    expect(kept()).toEqual(moved);
    expect(all()).toEqual(recountAll());
    for (const id of [a, b]) await core.call('items:update', { id, units: [] });
    await core.call('imports:undo', { batchId: first.batchId! });
    expect(kept()).toEqual(before);
    expect(recount()).toEqual(before);
    expect(all()).toEqual(recountAll());
    expect(all().lists).toEqual(listsBefore);
    expect(core.ctx.db.prepare("SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'unit_counts_%'").pluck().get()).toBe(3);
    expect(triggers()).toEqual([...DEFERRED].sort());
  });

  it('an import that fails part-way leaves every count and every suspended trigger as before', async () => {
    const kept0 = all();
    const items0 = core.ctx.db.prepare('SELECT count(*) FROM items').pluck().get();
    // the import's writes fail once it has inserted a few unit rows, mid-way through its items
    // (a trigger in the file, seen by the import worker's own connection)
    const rows = core.ctx.db.prepare('SELECT count(*) FROM item_units').pluck().get() as number;
    core.ctx.db.exec(`CREATE TRIGGER boom AFTER INSERT ON item_units WHEN (SELECT count(*) FROM item_units) > ${rows + 5} BEGIN SELECT RAISE(ABORT, 'boom'); END`);
    await expect(core.call('imports:apply', { files: [sampleFile()] }).then(() => 'applied', (e: Error) => e.message)).resolves.toMatch(/boom/);
    core.ctx.db.exec('DROP TRIGGER boom');
    expect(core.ctx.db.prepare('SELECT count(*) FROM items').pluck().get()).toBe(items0);
    expect(triggers()).toEqual([...DEFERRED].sort());
    expect(all()).toEqual(kept0);
    expect(all()).toEqual(recountAll());
  });
});
