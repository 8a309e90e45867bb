import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fill, returnsCycle, type ReturnsCycle, type TestCore } from './exchange-fixture';

/** The clock stands at 2025-07-15. */
describe('申请延期 travels by file: requests come back in returns, decisions go out in the next templates', () => {
  let core: TestCore;
  let template: ReturnsCycle['template'];
  let titles: string[];
  const ids: number[] = [];
  const files = (bytes: Uint8Array<ArrayBuffer>) => [{ name: '省商务厅_回收.xlsx', bytes }];

  beforeEach(async () => {
    ({ core, template, titles } = await returnsCycle());
    ids.length = 0;
    for (const t of titles.slice(0, 3)) ids.push((await core.call('items:list', { kind: 'task', keyword: t })).rows.find((r) => r.title === t)!.id);
    const set = core.ctx.db.prepare('UPDATE items SET deadline_date = ?, deadline_text = ? WHERE id = ?');
    set.run('2025-09-30', '2025年9月底前', ids[0]);
    set.run('2025-06-30', '2025年6月底前', ids[1]);
    set.run('2025-12-31', '2025年底前', ids[2]);
  });
  afterEach(() => core.close());

  const asked = () =>
    fill(template('省商务厅'), (e) => {
      e.set(titles[0], '申请延期至', new Date(Date.UTC(2025, 9, 31)));
      e.set(titles[0], '延期理由', '设备到货推迟');
      e.set(titles[0], '进展情况', '已完成招标');
      e.set(titles[1], '申请延期至', '2025年8月31日');
      e.set(titles[1], '延期理由', '资金未到位');
      e.set(titles[2], '延期理由', '只写了理由');
    });

  it('the template has the unlocked 申请延期 columns; the preview lists requests, flags the late one and names the row without a date', async () => {
    await fill(template('省商务厅'), (e) => {
      const r = e.row(titles[0]);
      expect([e.ws.getCell(r, e.col('申请延期至')).protection?.locked, e.ws.getCell(r, e.col('延期理由')).protection?.locked]).toEqual([false, false]);
      expect(e.ws.getCell(r, e.col('延期批复')).protection?.locked).not.toBe(false);
    });
    const bytes = await asked();
    const p = await core.call('returns:preview', { files: files(bytes) });
    const f = p.files[0];
    expect(f.ok).toBe(true);
    expect(f.extensions!.map((x) => [x.title, x.requestedDate, x.late])).toEqual([
      [titles[0], '2025-10-31', false],
      [titles[1], '2025-08-31', true],
    ]);
    const late = f.problems.find((x) => x.level === 'warning' && x.message.includes('逾期申请'))!;
    expect(late.message).toContain(`「${titles[1]}」的完成时限 2025年6月30日 已过才申请延期`);
    const noDate = f.problems.find((x) => x.level === 'error' && x.message.includes('没有填写「申请延期至」'))!;
    expect(noDate).toMatchObject({ sheet: '填报表', row: expect.any(Number) });
    expect(noDate.column).toMatch(/^[A-Z]+（申请延期至）$/);
  });

  it('applying records pending requests in the returns batch (late one flagged), once however often the file is applied; undo takes them out', async () => {
    const bytes = await asked();
    const res = await core.call('returns:apply', { files: files(bytes) });
    expect(res.counts.extensionRequests).toBe(2);
    const pending = await core.call('extensions:list', { state: 'pending' });
    expect(pending.map((e) => [e.itemId, e.unitName, e.source, e.late, e.progressNote])).toEqual([
      [ids[1], '省商务厅', 'file', true, ''],
      [ids[0], '省商务厅', 'file', false, '已完成招标'],
    ]);
    const again = await core.call('returns:apply', { files: files(bytes) });
    expect(again.counts.extensionRequests).toBe(0);
    expect(await core.call('extensions:list', {})).toHaveLength(2);
    await core.call('imports:undo', { batchId: res.batchId! });
    expect(await core.call('extensions:list', {})).toHaveLength(0);
  });

  it('decisions go out in the next period: 延期批复 says what was decided and 完成时限 is the approved date', async () => {
    await core.call('returns:apply', { files: files(await asked()) });
    const [late, ok] = await core.call('extensions:list', { state: 'pending' });
    await core.call('extensions:decide', { id: ok.id, approve: true, note: '同意' });
    await core.call('extensions:decide', { id: late.id, approve: false, note: '逾期申请，不予延期' });
    const next = await core.call('periods:open', { name: '2025年第6期', kind: '双周', start: '2025-06-30', end: '2025-07-13', due: '2025-07-15' });
    const issued = await core.call('templates:issue', { periodId: next.id, unitIds: [(await core.call('units:list', {})).find((u) => u.name === '省商务厅')!.id] });
    const seen: Record<string, string> = {};
    await fill(issued.files[0].bytes!, (e) => {
      for (const t of titles.slice(0, 2)) seen[t] = `${String(e.ws.getCell(e.row(t), e.col('完成时限')).value)}｜${String(e.ws.getCell(e.row(t), e.col('延期批复')).value)}`;
    });
    expect(seen[titles[0]]).toBe('2025年10月31日｜已同意延期至2025年10月31日（第1次，原定9月30日）；同意');
    expect(seen[titles[1]]).toBe('2025年6月底前｜申请延期至2025年8月31日未同意，仍按原完成时限；逾期申请，不予延期');
  });
});
