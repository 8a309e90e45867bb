import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CLOSURE_STATE_LABELS } from '../../../shared/contract/schemas/followup';
import { fill, returnsCycle, type ReturnsCycle, type TestCore } from './exchange-fixture';

const COLUMN = '申请办结（佐证材料/文号）';

describe('申请办结 travels by file: evidence notes come back in returns as closure requests', () => {
  let core: TestCore;
  let template: ReturnsCycle['template'];
  let titles: string[];
  const ids: number[] = [];
  const files = (bytes: Uint8Array<ArrayBuffer>) => [{ name: '省商务厅_回收.xlsx', bytes }];
  const state = async (id: number) => (await core.call('followup:item', { itemId: id })).closure;

  beforeEach(async () => {
    ({ core, template, titles } = await returnsCycle());
    ids.length = 0;
    for (const t of titles.slice(0, 3)) ids.push((await core.call('items:list', { kind: 'task', keyword: t })).rows.find((r) => r.title === t)!.id);
  });
  afterEach(() => core.close());

  const asked = () =>
    fill(template('省商务厅'), (e) => {
      e.set(titles[0], COLUMN, '已出台实施细则，岳政办发〔2025〕12号');
      e.set(titles[1], COLUMN, '项目已竣工验收，验收报告见附件');
      e.set(titles[2], COLUMN, '很长的说明'.repeat(201));
    });

  it('the column is unlocked; the preview lists the requests and names the too-long note by sheet, row and column', async () => {
    await fill(template('省商务厅'), (e) => {
      expect(e.ws.getCell(e.row(titles[0]), e.col(COLUMN)).protection?.locked).toBe(false);
    });
    const p = await core.call('returns:preview', { files: files(await asked()) });
    const f = p.files[0];
    expect(f.ok).toBe(true);
    expect(f.closures!.map((c) => [c.title, c.docNo, c.unitName])).toEqual([
      [titles[0], '岳政办发〔2025〕12号', '省商务厅'],
      [titles[1], '', '省商务厅'],
    ]);
    const long = f.problems.find((x) => x.level === 'error' && x.message.includes('超过 1000 字'))!;
    expect(long).toMatchObject({ file: '省商务厅_回收.xlsx', sheet: '填报表', row: expect.any(Number) });
    expect(long.message).toContain(`「${titles[2]}」的办结佐证说明有 1005 字`);
    expect(long.column).toMatch(/^[A-Z]+（申请办结（佐证材料\/文号））$/);
  });

  it('applying puts the items to 待办结确认 with the note, once; the office confirms; undo takes the requests out', async () => {
    const res = await core.call('returns:apply', { files: files(await asked()) });
    expect(res.counts.closureRequests).toBe(2);
    const first = (await state(ids[0]))!;
    expect(CLOSURE_STATE_LABELS[first.state]).toBe('待办结确认');
    expect(first).toMatchObject({ docNo: '岳政办发〔2025〕12号', note: '已出台实施细则，岳政办发〔2025〕12号（省商务厅报送）' });
    expect((await state(ids[1]))!.note).toBe('项目已竣工验收，验收报告见附件（省商务厅报送）');
    expect(await state(ids[2])).toBeNull();
    const pending = await core.call('items:list', { kind: 'task', closure: 'pending' });
    expect(pending.rows.map((r) => r.id).sort()).toEqual([ids[0], ids[1]].sort());
    const history = await core.call('items:history', { id: ids[0] });
    expect(history.some((h) => String(h.after).startsWith('申请办结（文号 岳政办发〔2025〕12号，省商务厅报送）'))).toBe(true);

    const again = await core.call('returns:apply', { files: files(await asked()) });
    expect(again.counts.closureRequests).toBe(0);

    await core.call('imports:undo', { batchId: res.batchId! });
    expect(await state(ids[0])).toBeNull();
    expect(await state(ids[1])).toBeNull();
  });

  it('a confirmed request closes the item; a later return asking again for a closed item is told and changes nothing', async () => {
    await core.call('returns:apply', { files: files(await asked()) });
    await core.call('closures:confirm', { itemId: ids[0] });
    const item = await core.call('items:get', { id: ids[0] });
    expect([item.status, item.progress]).toEqual(['done', 100]);
    expect(CLOSURE_STATE_LABELS[(await state(ids[0]))!.state]).toBe('已办结');
    const p = await core.call('returns:preview', { files: files(await asked()) });
    expect(p.files[0].closures!.map((c) => c.itemId)).toEqual([]);
    expect(p.files[0].problems.some((x) => x.level === 'info' && x.message === `「${titles[0]}」已办结，不再登记办结申请`)).toBe(true);
  });
});
