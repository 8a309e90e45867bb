import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MAX_ATTACHMENT_BYTES } from '../../../electron/core/services/document-files';
import { makeCore, type TestCore } from '../helpers';

const PDF = new TextEncoder().encode('%PDF-1.4\n% evidence\n');

describe('办结销号 with evidence, and reopening', () => {
  let core: TestCore;
  let id: number;
  beforeEach(async () => {
    core = makeCore();
    const unitId = (await core.call('units:create', { name: '市住建局' })).id;
    id = (await core.call('items:create', { kind: 'task', title: '老旧小区改造', deadlineText: '2025-12-31', status: 'in_progress', progress: 80, units: [{ unitId, role: 'lead' }] })).id;
  });
  afterEach(() => core.close());

  it('closing requires evidence: neither a file nor a 文号 is refused', async () => {
    await expect(core.call('closures:request', { itemId: id })).rejects.toThrow(/申请办结需要佐证材料：请附加文件，或填写办结文号/);
    expect((await core.call('followup:item', { itemId: id })).closure).toBeNull();
  });

  it('evidence over the size limit or of an unknown type gets a clear message naming the file', async () => {
    const big = new Uint8Array(MAX_ATTACHMENT_BYTES + 1);
    big.set(PDF);
    await expect(core.call('closures:attach', { itemId: id, fileName: '验收报告.pdf', bytes: big })).rejects.toThrow(/附件「验收报告.pdf」大小为 20.0 MB，超过 20.0 MB 的上限，未保存/);
    await expect(core.call('closures:attach', { itemId: id, fileName: '现场.exe', bytes: new Uint8Array([0x4d, 0x5a, 1, 2]) })).rejects.toThrow(/附件「现场.exe」的类型（.exe）不支持/);
    await expect(core.call('closures:attach', { itemId: id, fileName: '照片.png', bytes: PDF })).rejects.toThrow(/扩展名是 .png，但内容不是PNG 图片（看起来是PDF 文件）/);
    expect((await core.call('followup:item', { itemId: id })).evidence).toEqual([]);
  });

  it('a file attached, closing requested (待办结确认), confirmed (已办结, item done), then reopened with a reason', async () => {
    const file = await core.call('closures:attach', { itemId: id, fileName: '验收报告.pdf', bytes: PDF });
    expect(file).toMatchObject({ fileName: '验收报告.pdf', mime: 'application/pdf', size: PDF.length });
    expect((await core.call('closures:request', { itemId: id, note: '已通过验收' })).state).toBe('pending');
    const pending = await core.call('items:list', { kind: 'task', closure: 'pending' });
    expect(pending.rows.map((r) => r.id)).toEqual([id]);
    const closed = await core.call('closures:confirm', { itemId: id });
    expect(closed.state).toBe('closed');
    expect(await core.call('items:get', { id })).toMatchObject({ status: 'done', progress: 100 });
    expect((await core.call('items:list', { kind: 'task', closure: 'closed' })).rows.map((r) => r.id)).toEqual([id]);
    expect((await core.call('items:list', { kind: 'task', closure: 'pending' })).total).toBe(0);
    await expect(core.call('closures:reopen', { itemId: id, reason: '' })).rejects.toThrow(/请填写重新打开的理由/);
    const reopened = await core.call('closures:reopen', { itemId: id, reason: '验收发现质量问题' });
    expect(reopened).toMatchObject({ state: 'reopened', reopenReason: '验收发现质量问题' });
    expect(await core.call('items:get', { id })).toMatchObject({ status: 'in_progress', progress: 80 });
    expect((await core.call('items:list', { kind: 'task', closure: 'closed' })).total).toBe(0);
    const actions = (await core.call('items:history', { id })).map((h) => h.action);
    expect(actions).toEqual(expect.arrayContaining(['evidence-attach', 'close-request', 'close-confirm', 'reopen']));
  });

  it('a 文号 alone is evidence enough; confirming twice is refused', async () => {
    await core.call('closures:request', { itemId: id, docNo: '汨政办函〔2025〕12号' });
    await core.call('closures:confirm', { itemId: id });
    await expect(core.call('closures:confirm', { itemId: id })).rejects.toThrow(/已办结/);
  });
});

describe('催办', () => {
  let core: TestCore;
  const units: Record<string, number> = {};
  const items: Record<string, number> = {};
  beforeEach(async () => {
    core = makeCore({ now: new Date('2025-06-20T09:00:00+08:00') });
    for (const name of ['市发展改革局', '市商务局']) units[name] = (await core.call('units:create', { name })).id;
    items.a = (await core.call('items:create', { kind: 'task', title: '项目谋划储备', deadlineText: '2025-06-30', units: [{ unitId: units['市发展改革局'], role: 'lead' }] })).id;
    items.b = (await core.call('items:create', { kind: 'task', title: '促消费活动', deadlineText: '2025-06-30', units: [{ unitId: units['市商务局'], role: 'lead' }, { unitId: units['市发展改革局'], role: 'coop' }] })).id;
    await core.call('periods:open', { name: '2025年第5期', kind: '双周', start: '2025-06-16', end: '2025-06-30', due: '2025-07-03' });
  });
  afterEach(() => core.close());

  it('one 催办 per lead unit about the items it leads (not those it only cooperates on), kept on the items, undoable as one batch, counted in the bulletin', async () => {
    const r = await core.call('urges:create', { itemIds: [items.a, items.b], content: '请加快推进并报送进展', dueDate: '2025-06-25' });
    expect(r.urges.map((u) => [u.unitName, u.items.map((i) => i.title)])).toEqual([
      ['市发展改革局', ['项目谋划储备']],
      ['市商务局', ['促消费活动']],
    ]);
    const onA = (await core.call('followup:item', { itemId: items.a })).urges;
    expect(onA.map((u) => [u.unitName, u.content, u.dueDate])).toEqual([['市发展改革局', '请加快推进并报送进展', '2025-06-25']]);
    const periodId = (await core.call('periods:list', {})).find((p) => p.name === '2025年第5期')!.id;
    const draft = await core.call('bulletins:draft', { periodId });
    expect(draft.facts.urgeCount).toBe(2);
    expect(draft.body).toContain('本期催办 2 次，涉及市发展改革局、市商务局 2 个单位。');
    await core.call('imports:undo', { batchId: r.batchId });
    expect((await core.call('followup:item', { itemId: items.a })).urges).toEqual([]);
    expect((await core.call('bulletins:draft', { periodId })).facts.urgeCount).toBe(0);
  });

  it('a unit chosen by hand gets all chosen items; the 催办单 exports as a workbook', async () => {
    const r = await core.call('urges:create', { itemIds: [items.a, items.b], unitIds: [units['市商务局']], content: '请说明滞后原因' });
    expect(r.urges.map((u) => [u.unitName, u.items.length])).toEqual([['市商务局', 1]]);
    const picked = await core.call('urges:create', { itemIds: [items.a, items.b], unitIds: [units['市发展改革局']], content: '请配合推进' });
    expect(picked.urges[0].items.map((i) => i.title)).toEqual(['项目谋划储备', '促消费活动']);
    const out = await core.call('urges:export', { batchId: r.batchId });
    expect(out.fileName).toMatch(/^催办单_市商务局_/);
    expect(out.bytes.length).toBeGreaterThan(1000);
  });
});
