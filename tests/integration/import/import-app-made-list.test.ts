import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ExportColumn } from '../../../shared/contract/schemas/exchange';
import { dumpTables, makeCore, type TestCore } from '../helpers';

const COLUMNS: ExportColumn[] = ['code', 'title', 'content', 'lead', 'resp', 'coop', 'deadlineText'];

interface Stored {
  code: string;
  upperUid: string;
  upperCode: string;
  title: string;
}

// The city (A) sends its list as exported by the app; the county (B) imports it as its upper list.
describe('importing a list another installation exported keeps the sender’s ids and 编号', () => {
  let city: TestCore;
  let county: TestCore;
  const send = async () => {
    const f = await city.call('export:list', { query: { kind: 'task' }, columns: COLUMNS });
    return { name: f.fileName, bytes: f.bytes };
  };
  const importList = async (file: { name: string; bytes: Uint8Array<ArrayBuffer> }) => county.call('imports:apply', { files: [file], kind: 'task', origin: 'upper' });
  const cityItems = () => city.ctx.db.prepare('SELECT uid, code, title FROM items ORDER BY seq').all() as { uid: string; code: string; title: string }[];
  const countyItems = () =>
    county.ctx.db.prepare("SELECT id, code, upper_uid AS upperUid, upper_code AS upperCode, title FROM items WHERE origin = 'upper' ORDER BY seq").all() as (Stored & { id: number })[];

  beforeEach(async () => {
    city = makeCore();
    county = makeCore();
    await city.call('office:set', { name: '岳阳市七大攻坚工作专班办公室', level: '市', region: '', parentName: '湖南省七大攻坚工作专班办公室' });
    const miluo = (await city.call('units:create', { name: '汨罗市' })).id;
    const dev = (await city.call('units:create', { name: '市发展改革委' })).id;
    const task = (code: string, title: string, lead: number) =>
      city.call('items:create', { kind: 'task', code, title, content: `${title}。年底前完成。`, deadlineText: '2025年12月底前', units: [{ unitId: lead, role: 'lead' }] });
    await task('1-1', '稳就业促增收', miluo);
    await task('1-2', '农村公路提质改造', miluo);
    await task('2-1', '扩大有效投资', dev);
  });
  afterEach(() => [city, county].forEach((c) => c.close()));

  it('stores the sender’s uid and 编号 as written (1-1), and uses the 编号 as the local code', async () => {
    const file = await send();
    const preview = await county.call('imports:preview', { files: [file], kind: 'task', origin: 'upper' });
    const sheet = preview.files[0].sheets[0];
    expect(sheet.items.map((i) => i.no)).toEqual(['1-1', '1-2', '2-1']);
    // the hidden id column and the export's 序号 are expected in an app-made list: nothing to warn about
    expect(preview.files[0].problems.concat(sheet.problems).map((p) => p.message)).toEqual([]);

    expect((await importList(file)).counts).toMatchObject({ new: 3, changed: 0 });
    expect(countyItems().map(({ id: _id, ...rest }) => rest)).toEqual(cityItems().map((c) => ({ code: c.code, upperUid: c.uid, upperCode: c.code, title: c.title })));
  });

  it('re-importing the same list changes nothing', async () => {
    const file = await send();
    await importList(file);
    const before = dumpTables(county.ctx);
    const again = await county.call('imports:preview', { files: [file], kind: 'task', origin: 'upper' });
    expect(again.counts).toEqual({ new: 0, changed: 0, unchanged: 3, duplicate: 0 });
    expect((await importList(file)).batchId).toBeNull();
    expect(dumpTables(county.ctx)).toEqual(before);
  });

  it('a retitled and renumbered upper item updates the item matched by its uid, not by title or 编号', async () => {
    await importList(await send());
    const [, roads] = countyItems();
    const cityRoads = cityItems()[1];
    const cityRoadsId = (city.ctx.db.prepare('SELECT id FROM items WHERE uid = ?').get(cityRoads.uid) as { id: number }).id;
    await city.call('items:update', { id: cityRoadsId, fields: { code: '1-3', title: '农村公路提质改造和危桥改造' } });

    const res = await importList(await send());
    expect(res.counts).toMatchObject({ new: 0, changed: 1, unchanged: 2 });
    const after = countyItems();
    expect(after).toHaveLength(3);
    expect(after.find((i) => i.id === roads.id)).toEqual({ id: roads.id, code: '1-3', upperUid: cityRoads.uid, upperCode: '1-3', title: '农村公路提质改造和危桥改造' });
    // undo puts the old title and 编号 back
    await county.call('imports:undo', { batchId: res.batchId! });
    expect(countyItems().find((i) => i.id === roads.id)).toEqual(roads);
  });
});
