import { describe, expect, it } from 'vitest';
import { office, type Office } from './three-offices/office';

/** Puts every task of an office into one plan (as a real list is) and exports it with its plan column. */
async function listInPlan(o: Office, title: string, origin?: 'local') {
  const planId = Number(o.core.ctx.db.prepare("INSERT INTO plans(title, created_at, updated_at) VALUES (?, '2025-07-01', '2025-07-01')").run(title).lastInsertRowid);
  for (const t of await o.tasks(origin ? { origin } : {})) await o.call('items:update', { id: t.id, fields: { planId } });
  const f = await o.call('export:list', { query: { kind: 'task', origin }, columns: ['planTitle', 'code', 'title', 'content', 'lead', 'resp', 'coop', 'deadlineText'] });
  return { name: f.fileName, bytes: f.bytes };
}

describe('two upper sources: the province list and the prefecture’s (岳阳)', () => {
  it('links prefecture items to the province items they localise (uid, else similar text), breaks down from the prefecture item and shows 省 → 市州 → 本级', async () => {
    const province = await office('湖南省七大攻坚工作专班办公室', '省', '');
    const city = await office('岳阳市七大攻坚工作专班办公室', '市', '湖南省七大攻坚工作专班办公室');
    const county = await office('汨罗市七大攻坚工作专班办公室', '县', '岳阳市七大攻坚工作专班办公室');
    try {
      const hr = await province.unit('省人力资源社会保障厅');
      await province.call('items:create', { kind: 'task', code: '1', title: '稳就业促增收', content: '全年新增城镇就业70万人以上。', units: [{ unitId: hr, role: 'lead' }] });
      await province.call('items:create', { kind: 'task', code: '2', title: '扩大有效投资', content: '完成重点项目投资200亿元以上。', units: [{ unitId: hr, role: 'lead' }] });
      const provinceList = await listInPlan(province, '湖南省实施“七大攻坚”总体方案');
      // The city breaks down item 1 in the app (its list carries the province uid) …
      await city.importList(provinceList);
      const cityUpper = await city.tasks({ origin: 'upper' });
      await city.call('items:break-down', { upperItemIds: [cityUpper[0].id] });
      // … and types item 2 by hand, in its own words.
      const cityHr = await city.unit('岳阳市人力资源和社会保障局');
      await city.call('items:create', { kind: 'task', code: '2', title: '扩大有效投资', content: '全市完成重点项目投资30亿元以上。', units: [{ unitId: cityHr, role: 'lead' }] });
      const cityList = await listInPlan(city, '岳阳市落实“七大攻坚”实施方案', 'local');

      expect((await county.importList(provinceList)).counts.new).toBe(2);
      const fromProvince = await county.tasks({ origin: 'upper' });
      const second = await county.importList(cityList);
      expect(second.counts.new).toBe(2);
      const all = await county.tasks({ origin: 'upper' });
      const fromCity = all.filter((t) => !fromProvince.some((p) => p.id === t.id));
      expect(fromCity).toHaveLength(2);

      const suggested = await county.call('upper-links:suggest', { lowerIds: fromCity.map((t) => t.id), upperIds: fromProvince.map((t) => t.id) });
      const titleOf = (id: number) => all.find((t) => t.id === id)!.title;
      expect(suggested.map((s) => [titleOf(s.itemId), titleOf(s.upperItemId), s.how])).toEqual([
        // The city's exported list carries the city item's uid, not the province uid behind it: matched by text.
        ['稳就业促增收', '稳就业促增收', 'text'],
        ['扩大有效投资', '扩大有效投资', 'text'],
      ]);
      const kept = await county.call('upper-links:confirm', { links: suggested.map(({ itemId, upperItemId, how }) => ({ itemId, upperItemId, how })) });
      expect(kept.linked).toBe(2);

      const split = await county.call('items:break-down', { upperItemIds: [suggested[0].itemId] });
      const chain = await county.call('items:upper-chain', { id: split.items[0].id });
      expect(chain.steps.map((s) => s.itemId)).toEqual([suggested[0].upperItemId, suggested[0].itemId, split.items[0].id]);
      expect(chain.steps[0].lead).toBe('省人力资源社会保障厅');
      expect(chain.steps[2].office).toBe('本级');

      await county.call('imports:undo', { batchId: kept.batchId });
      const after = await county.call('items:upper-chain', { id: split.items[0].id });
      expect(after.steps.map((s) => s.itemId)).toEqual([suggested[0].itemId, split.items[0].id]);
    } finally {
      [province, city, county].forEach((o) => o.close());
    }
  }, 60_000);
});
