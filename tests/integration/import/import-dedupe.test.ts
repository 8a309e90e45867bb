import { describe, expect, it } from 'vitest';
import { makeCore, type TestCore } from '../helpers';
import { provinceList, SEED_TEXT } from './province-list';
import { sampleFile } from './stored';

const PROVINCE = 'province-list.xlsx';
const count = (core: TestCore, sql: string) => (core.ctx.db.prepare(sql).get() as { n: number }).n;

describe('the same tasks from another source are matched, never new', () => {
  it('demo loaded, then the province sample workbook: 0 new, the list stays 150', async () => {
    const core = makeCore();
    await core.call('demo:load', {});
    const preview = await core.call('imports:preview', { files: [sampleFile()] });
    expect(preview.counts.new).toBe(0);
    expect(preview.counts.duplicate).toBe(0);
    expect(preview.counts.changed + preview.counts.unchanged).toBe(29);
    await core.call('imports:apply', { files: [sampleFile()] });
    expect(count(core, 'SELECT count(*) AS n FROM items')).toBe(150);
    expect(count(core, 'SELECT count(*) AS n FROM plans')).toBe(8);
    core.close();
  });

  it('demo loaded, then the province list with 攻坚方向 / 省领导 / 3-1: plans from 攻坚方向, 0 new, leaders and codes kept', async () => {
    const core = makeCore();
    await core.call('demo:load', {});
    const file = { name: PROVINCE, bytes: provinceList() };
    const preview = await core.call('imports:preview', { files: [file] });
    const [sheet] = preview.files[0].sheets;
    expect(sheet.columns.map((c) => `${c.header}→${c.field}`)).toEqual(
      expect.arrayContaining(['攻坚方向→plan', '省领导→leader', '序号→code']),
    );
    expect(sheet.plans.map((p) => [p.title, p.isNew])).toEqual([
      ['内需扩量提效攻坚实施方案', false], ['产业育新培强攻坚实施方案', false], ['科技创新赋能攻坚实施方案', false],
      ['改革开放重点攻坚实施方案', false], ['环境优化提升攻坚实施方案', false], ['安全强基固本攻坚实施方案', false],
      ['民生补短提质攻坚实施方案', false],
    ]);
    expect(preview.counts).toMatchObject({ new: 0, duplicate: 0 });
    expect(sheet.items.find((i) => i.title === '推动增收减负')).toMatchObject({ code: '1-1', no: '1-1', leader: '省领导1', status: 'changed' });

    const res = await core.call('imports:apply', { files: [file] });
    expect(res.counts).toMatchObject({ new: 0, plans: 0 });
    expect(count(core, 'SELECT count(*) AS n FROM items')).toBe(150);
    expect(count(core, 'SELECT count(*) AS n FROM plans')).toBe(8);
    const item = core.ctx.db.prepare("SELECT leader FROM items WHERE title = '推动增收减负'").get() as { leader: string };
    expect(item.leader).toBe('省领导1');
    core.close();
  });

  it('the other way round: the province list first (codes 3-1 kept), then the plan text: no duplicates', async () => {
    const core = makeCore();
    const first = await core.call('imports:apply', { files: [{ name: PROVINCE, bytes: provinceList() }] });
    expect(first.counts).toMatchObject({ new: 150, plans: 7 });
    const codes = core.ctx.db.prepare("SELECT code FROM items WHERE title = '高质量推进“两重”建设'").pluck().all();
    expect(codes).toEqual(['2-1']);
    const preview = await core.call('imports:preview', { text: SEED_TEXT });
    expect(preview.counts).toMatchObject({ new: 0, duplicate: 0 });
    await core.call('imports:apply', { text: SEED_TEXT });
    expect(count(core, 'SELECT count(*) AS n FROM items')).toBe(150);
    expect(count(core, 'SELECT count(*) AS n FROM plans')).toBe(8);
    core.close();
  });
});

describe('likely duplicates (疑似重复) are the user\'s choice', () => {
  /** The province list with 推动增收减负 retitled and its content touched: near the stored item, not the same. */
  const nearCopy = () =>
    provinceList((rows) => {
      const row = rows.find((r) => r[2] === '推动增收减负')!;
      row[2] = '推动居民增收减负';
      row[3] = String(row[3]).replace('大规模开展职业技能培训', '大规模开展职业技能提升培训');
    });

  it('is flagged in the preview with the item it resembles', async () => {
    const core = makeCore();
    await core.call('demo:load', {});
    const preview = await core.call('imports:preview', { files: [{ name: PROVINCE, bytes: nearCopy() }] });
    expect(preview.counts).toMatchObject({ new: 0, duplicate: 1 });
    const dup = preview.files[0].sheets[0].items.find((i) => i.status === 'duplicate')!;
    expect(dup).toMatchObject({ title: '推动居民增收减负', duplicateOf: { title: '推动增收减负', plan: '内需扩量提效攻坚实施方案', section: '（一）大力提振消费', code: '1-1' } });
    expect(dup.key).not.toBe('');
    expect(dup.changes.map((c) => c.label)).toContain('标题');
    core.close();
  });

  it('merged when chosen: the existing item takes the new title, nothing is added', async () => {
    const core = makeCore();
    await core.call('demo:load', {});
    const file = { name: PROVINCE, bytes: nearCopy() };
    const preview = await core.call('imports:preview', { files: [file] });
    const dup = preview.files[0].sheets[0].items.find((i) => i.status === 'duplicate')!;
    const res = await core.call('imports:apply', { files: [file], duplicates: { [dup.key]: 'merge' } });
    expect(res.counts.new).toBe(0);
    expect(count(core, 'SELECT count(*) AS n FROM items')).toBe(150);
    const titles = core.ctx.db.prepare("SELECT title FROM items WHERE title LIKE '%增收减负'").pluck().all();
    expect(titles).toEqual(['推动居民增收减负']);
    // One batch: undo gives the old title back.
    await core.call('imports:undo', { batchId: res.batchId! });
    expect(core.ctx.db.prepare("SELECT title FROM items WHERE title LIKE '%增收减负'").pluck().all()).toEqual(['推动增收减负']);
    core.close();
  });

  it('kept as new when chosen (or left unchosen): both items are there', async () => {
    const core = makeCore();
    await core.call('demo:load', {});
    const file = { name: PROVINCE, bytes: nearCopy() };
    const preview = await core.call('imports:preview', { files: [file] });
    const dup = preview.files[0].sheets[0].items.find((i) => i.status === 'duplicate')!;
    const res = await core.call('imports:apply', { files: [file], duplicates: { [dup.key]: 'new' } });
    expect(res.counts.new).toBe(1);
    expect(count(core, 'SELECT count(*) AS n FROM items')).toBe(151);
    const titles = core.ctx.db.prepare("SELECT title FROM items WHERE title LIKE '%增收减负' ORDER BY id").pluck().all();
    expect(titles).toEqual(['推动增收减负', '推动居民增收减负']);
    core.close();
  });
});
