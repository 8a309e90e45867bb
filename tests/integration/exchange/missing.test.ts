import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cycleCore, fill, fillEvery, templateTitles, type TestCore } from './exchange-fixture';

describe('periods:missing — 催报', () => {
  let core: TestCore;
  let periodId: number;
  let template: (unit: string) => Uint8Array<ArrayBuffer>;

  beforeEach(async () => {
    const c = await cycleCore(['省商务厅', '省科技厅', '省财政厅']);
    core = c.core;
    periodId = c.period.id;
    template = c.template;
  });
  afterEach(() => core.close());

  it('lists units that were sent a template and have not reported, with days late, then units sent none', async () => {
    await core.call('returns:apply', { files: [{ name: 'a.xlsx', bytes: await fillEvery(template('省商务厅')) }] });
    const titles = await templateTitles(template('省科技厅'));
    const partial = await fillEvery(template('省科技厅'), (e) => e.ws.spliceRows(e.row(titles[0]), 1));
    await core.call('returns:apply', { files: [{ name: 'b.xlsx', bytes: partial }] });

    const m = await core.call('periods:missing', { periodId, today: '2025-07-03' });
    expect(m.daysPastDue).toBe(3);
    expect(m.counts).toMatchObject({ issued: 3, returned: 1, notReturned: 1, partial: 1 });
    expect(m.units[0]).toMatchObject({ unitName: '省财政厅', state: 'not_returned', reportedRows: 0, daysLate: 3 });
    expect(m.units[1]).toMatchObject({ unitName: '省科技厅', state: 'partial', issuedRows: titles.length, reportedRows: titles.length - 1 });
    expect(m.units.some((u) => u.unitName === '省商务厅')).toBe(false);
    const notIssued = m.units.filter((u) => u.state === 'not_issued');
    expect(notIssued.length).toBe(m.counts.notIssued);
    expect(notIssued.find((u) => u.unitName === '省发展改革委')).toMatchObject({ daysLate: 0, issuedRows: 0 });
    expect(notIssued[0].itemCount).toBeGreaterThan(0);
  });

  it('is not late before the due date, and a period that is closed stays listable', async () => {
    const m = await core.call('periods:missing', { periodId, today: '2025-06-20' });
    expect(m.daysPastDue).toBe(0);
    expect(m.units.every((u) => u.daysLate === 0)).toBe(true);
    const closed = await core.call('periods:close', { id: periodId });
    expect(closed.closed).toBe(true);
    await expect(core.call('templates:issue', { periodId })).rejects.toThrow('已结束');
    expect((await core.call('periods:close', { id: periodId, reopen: true })).closed).toBe(false);
    expect((await core.call('periods:list', {}))[0]).toMatchObject({ name: '2025年第5期', issuedUnits: 3, reportedUnits: 0 });
  });

  it('refuses a second period with the same name and bad dates, in Chinese', async () => {
    await expect(core.call('periods:open', { name: '2025年第5期', kind: '双周', start: '2025-06-16', end: '2025-06-29', due: '2025-06-30' })).rejects.toThrow('已存在');
    await expect(core.call('periods:open', { name: '2025年第6期', kind: '双周', start: '2025-07-16', end: '2025-06-29', due: '2025-06-30' })).rejects.toThrow('开始日期不能晚于结束日期');
  });
});
