import { describe, expect, it } from 'vitest';
import { makeCore } from '../helpers';
import { fill, fillEvery, PERIOD, useReturnsCycle } from './exchange-fixture';

describe('returns:preview — reading returned templates', () => {
  const c = useReturnsCycle();

  const preview = async (bytes: Uint8Array<ArrayBuffer>, name = '省商务厅.xlsx', pid?: number) => (await c.core.call('returns:preview', { files: [{ name, bytes }], periodId: pid })).files[0];

  it('recognises period and unit from _meta and matches every row by its hidden id', async () => {
    const f = await preview(await fillEvery(c.template('省商务厅')));
    expect(f).toMatchObject({ ok: true, periodId: c.periodId, periodName: PERIOD.name, unitNames: ['省商务厅'] });
    expect(f.rows).toHaveLength(c.titles.length);
    expect(f.rows.every((r) => r.matchedBy === 'uid' && r.report === 'new')).toBe(true);
    expect(f.problems.filter((p) => p.level !== 'info')).toEqual([]);
  });

  it('falls back to 编号, then to 名称 + 牵头单位, when the hidden id is gone', async () => {
    let byCode = '';
    const bytes = await fillEvery(c.template('省商务厅'), (e) => {
      const codeOf = (t: string) => String(e.ws.getCell(e.row(t), e.col('编号')).value);
      byCode = c.titles.find((t, i) => i !== 1 && c.titles.filter((u) => codeOf(u) === codeOf(t)).length === 1)!;
      e.set(byCode, '条目标识', null);
      e.set(c.titles[1], '条目标识', null);
      e.set(c.titles[1], '编号', null);
    });
    const f = await preview(bytes);
    expect(f.rows.find((r) => r.title === byCode)?.matchedBy).toBe('code');
    expect(f.rows.find((r) => r.title === c.titles[1])?.matchedBy).toBe('title');
    expect(f.rows).toHaveLength(c.titles.length);
  });

  it('reports edited locked cells with row and column, and ignores them', async () => {
    const bytes = await fill(c.template('省商务厅'), (e) => {
      e.set(c.titles[0], '进展情况', '按计划推进');
      e.set(c.titles[0], '完成时限', '2099年底前');
      e.set(c.titles[0], '名称', '改过的名称');
    });
    const f = await preview(bytes);
    const locked = f.problems.filter((p) => p.message.includes('锁定'));
    expect(locked).toHaveLength(2);
    expect(locked[0]).toMatchObject({ level: 'warning', sheet: '填报表', row: 5, file: '省商务厅.xlsx' });
    expect(locked.map((p) => p.column).join()).toMatch(/（名称）.*（完成时限）/);
    expect(f.rows.find((r) => r.row === 5)?.title).toBe(c.titles[0]);
  });

  it('lists added rows (not imported) and deleted rows (not reported)', async () => {
    const bytes = await fillEvery(c.template('省商务厅'), (e) => {
      const last = e.row(c.titles[c.titles.length - 1]);
      e.ws.spliceRows(e.row(c.titles[2]), 1);
      e.ws.insertRow(last, ['99', null, '内需扩量提效攻坚实施方案', '单位自己加的一行']);
    });
    const f = await preview(bytes);
    expect(f.problems.find((p) => p.message.includes('新增行'))).toMatchObject({ level: 'error', message: expect.stringContaining('单位自己加的一行') });
    expect(f.missingRows.map((m) => m.title)).toEqual([c.titles[2]]);
    expect(f.problems.find((p) => p.message.includes('不见了'))?.message).toContain(c.titles[2]);
    expect(f.rows).toHaveLength(c.titles.length - 1);
  });

  it('reads text in number cells: 约60% as 60 with a note, 过半 refused for that cell only', async () => {
    const bytes = await fill(c.template('省商务厅'), (e) => {
      e.set(c.titles[0], '完成比例(%)', '约60%');
      e.set(c.titles[1], '完成比例(%)', '过半');
      e.set(c.titles[1], '进展情况', '已完成过半');
    });
    const f = await preview(bytes);
    expect(f.rows[0].values.ratio).toBe('60');
    expect(f.problems.find((p) => p.row === 5 && p.column.includes('完成比例'))).toMatchObject({ level: 'warning', message: expect.stringContaining('约60%') });
    expect(f.problems.find((p) => p.row === 6 && p.column.includes('完成比例'))).toMatchObject({ level: 'error', message: expect.stringContaining('过半') });
    expect(f.rows[1].values.ratio).toBe('0');
    expect(f.rows[1].itemChanges.map((x) => x.field)).toEqual(['progressText']);
  });

  it('reads 约2000万 in 完成值 as 2000 万元 (the target’s unit), never 0', async () => {
    const item = (await c.core.call('items:list', { kind: 'task', keyword: c.titles[0] })).rows[0];
    await c.core.call('items:update', { id: item.id, targets: [{ label: '完成投资', comparator: '>=', value: 5000, unit: '万元', rawText: '完成投资5000万元以上' }] });
    const units = await c.core.call('units:list', {});
    const issued = await c.core.call('templates:issue', { periodId: c.periodId, unitIds: [units.find((u) => u.name === '省商务厅')!.id] });
    const bytes = await fill(issued.files[0].bytes!, (e) => e.set(c.titles[0], '完成值', '约2000万'));
    const f = await preview(bytes);
    expect(f.rows[0].values.value).toBe('2000');
    expect(f.problems.find((p) => p.column.includes('完成值'))?.message).toContain('2000万元');
  });

  it('refuses files that are not this office’s templates, or of another period, saying why', async () => {
    const list = await c.core.call('export:list', { query: { kind: 'task' }, columns: ['code', 'title'] });
    const other = makeCore();
    try {
      await other.call('demo:load', {});
      const p = await other.call('periods:open', PERIOD);
      const foreign = (await other.call('templates:issue', { periodId: p.id, unitIds: [1] })).files[0].bytes!;
      const second = await c.core.call('periods:open', { ...PERIOD, name: '2025年第6期', start: '2025-06-30', end: '2025-07-13', due: '2025-07-14' });
      const res = await c.core.call('returns:preview', {
        files: [
          { name: 'list.xlsx', bytes: list.bytes },
          { name: 'other.xlsx', bytes: foreign },
          { name: 'fake.xlsx', bytes: new TextEncoder().encode('%PDF-1.7 not a workbook') },
          { name: 'old.xlsx', bytes: c.template('省商务厅') },
        ],
        periodId: second.id,
      });
      const [listFile, otherFile, fakeFile, oldFile] = res.files;
      expect(listFile.problems[0].message).toContain('「清单」文件，不是填报模板');
      expect(otherFile.problems[0].message).toMatch(/本办没有向「.+」下发过「2025年第5期」/);
      expect(fakeFile.problems[0].message).toContain('不是 .xlsx');
      expect(oldFile.problems[0].message).toContain('不是当前期次「2025年第6期」');
      expect(res.files.every((f) => !f.ok && f.rows.length === 0)).toBe(true);
      expect(res.counts).toMatchObject({ files: 4, okFiles: 0 });
    } finally {
      other.close();
    }
  });
});
