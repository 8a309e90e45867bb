import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dumpTables, makeCore, type TestCore } from './helpers';

const DOC_TABLES = ['documents', 'instructions', 'document_files', 'items', 'item_units'];
const PDF = new Uint8Array([...new TextEncoder().encode('%PDF-1.7\n'), 1, 2, 3]);

function slipFields(over: Record<string, string> = {}) {
  return {
    issuer: '省政府办公厅',
    docNo: '湘政办发 〔2025〕2号',
    secrecy: '非密' as const,
    receivedAt: '2025-01-20 10:26:51',
    subject: '关于印发《湖南省实施"七大攻坚"总体方案》的通知',
    proposedUnits: '',
    submitOpinion: '呈恒求、杨盛同志阅示。 杨余梦 1月20日',
    officeOpinion: '呈恒求市长和全体副市长阅。 胡义 2025-01-20',
    remark: '此件依申请公开',
    handler: '秘书室',
    phone: '5172259',
    receiptNo: '000993',
    ...over,
  };
}

describe('来文批示 through dispatch', () => {
  let core: TestCore;
  beforeEach(async () => {
    core = makeCore();
    await core.call('demo:load', {});
  });
  afterEach(() => core.close());

  it('registers the seed slip on demo load with its 8 instruction blocks, one of them open', async () => {
    const page = await core.call('documents:list', {});
    expect(page.total).toBe(1);
    const doc = await core.call('documents:get', { id: page.rows[0].id });
    expect(doc).toMatchObject({ issuer: '省政府办公厅', docNo: '湘政办发〔2025〕2号', receivedAt: '2025-01-20 10:26:51', receiptNo: '000993', handler: '秘书室', flags: [] });
    expect(doc.instructions).toHaveLength(8);
    expect(doc.instructions[0].content).toContain('提出汨罗落实方案');
    expect(doc.instructions.filter((n) => n.open)).toHaveLength(1);
    expect(doc.submitOpinion).toContain('杨余梦');
  });

  it('saves a document without 文号 or date, flagged 缺文号 / 缺收文日期 in the list', async () => {
    const doc = await core.call('documents:save', { fields: slipFields({ docNo: '', receivedAt: '', subject: '关于做好春节期间安全生产的通知' }) });
    expect(doc.flags).toEqual(['缺文号', '缺收文日期']);
    const row = (await core.call('documents:list', {})).rows.find((r) => r.id === doc.id)!;
    expect(row.flags).toEqual(['缺文号', '缺收文日期']);
    const dated = await core.call('documents:save', { id: doc.id, fields: slipFields({ docNo: '湘应急〔2025〕3号', subject: doc.subject }) });
    expect(dated.flags).toEqual([]);
  });

  it('refuses a bad date or an empty subject with a Chinese message and changes nothing', async () => {
    const before = dumpTables(core.ctx, DOC_TABLES);
    const badDate = await core.dispatch('documents:save', { fields: slipFields({ receivedAt: '2025-02-30 10:00' }) });
    expect(badDate.ok).toBe(false);
    if (!badDate.ok) expect(badDate.error.message).toContain('收文日期');
    const noSubject = await core.dispatch('documents:save', { fields: slipFields({ subject: '  ' }) });
    if (!noSubject.ok) expect(noSubject.error.message).toContain('请填写文件主题');
    expect(noSubject.ok).toBe(false);
    const emptyInstruction = await core.dispatch('documents:save', { fields: slipFields(), instructions: [{ person: '', content: '' }] });
    expect(emptyInstruction.ok).toBe(false);
    expect(dumpTables(core.ctx, DOC_TABLES)).toEqual(before);
  });

  it('finds documents by 1-2 character keywords in subject, 文号, issuer and instruction text', async () => {
    await core.call('documents:save', {
      fields: slipFields({ issuer: '岳阳市应急管理局', docNo: '岳应急发[2025]7号', subject: '关于开展防汛检查的通知' }),
      instructions: [{ person: '李岳星', givenOn: '2025-03-02', content: '请水利局牵头落实' }],
    });
    const hit = async (kw: string) => (await core.call('documents:search', { keyword: kw })).map((h) => [h.subject, h.matched]);
    expect(await hit('防汛')).toEqual([['关于开展防汛检查的通知', ['文件主题']]]);
    expect(await hit('水利')).toEqual([['关于开展防汛检查的通知', ['领导批示']]]);
    expect(await hit('岳应急发〔2025〕7号')).toEqual([['关于开展防汛检查的通知', ['文号']]]);
    expect((await hit('攻坚')).map(([s]) => s)).toEqual(['关于印发《湖南省实施"七大攻坚"总体方案》的通知']);
    expect((await hit('应急')).length).toBe(1);
    const listed = await core.call('documents:list', { keyword: '湘' });
    expect(listed.rows.map((r) => r.docNo)).toEqual(['湘政办发〔2025〕2号']);
    expect((await core.call('documents:search', { keyword: '不存在的词' })).length).toBe(0);
  });

  it('turns an instruction into a linked local task; the open list follows the task to done', async () => {
    const doc = (await core.call('documents:list', {})).rows[0];
    const first = (await core.call('documents:get', { id: doc.id })).instructions[0];
    const open0 = await core.call('documents:open-instructions', {});
    expect(open0.map((o) => [o.document.id, o.instructions.map((n) => n.id)])).toEqual([[doc.id, [first.id]]]);

    const units = await core.call('units:list', {});
    const lead = units[0];
    const task = await core.call('instructions:to-task', { instructionId: first.id, title: '提出汨罗落实方案', content: first.content, units: [{ unitId: lead.id, role: 'lead' }], leader: '杨盛', deadlineText: '2025年3月底前' });
    expect(task).toMatchObject({ kind: 'task', origin: 'local', instructionId: first.id, leader: '杨盛', deadlineDate: '2025-03-31' });
    const listed = await core.call('items:list', { kind: 'task', keyword: '汨罗落实', limit: 10 });
    expect(listed.rows.map((r) => [r.title, r.lead, r.origin])).toEqual([['提出汨罗落实方案', lead.name, 'local']]);
    const again = await core.call('documents:get', { id: doc.id });
    expect(again.instructions[0].tasks.map((t) => [t.id, t.title, t.status])).toEqual([[task.id, '提出汨罗落实方案', 'not_started']]);
    const source = await core.call('instructions:source', { instructionId: first.id });
    expect(source).toMatchObject({ documentId: doc.id, docNo: '湘政办发〔2025〕2号' });
    expect((await core.call('documents:open-instructions', {})).length).toBe(1);

    await core.call('items:update', { id: task.id, fields: { status: 'done', progress: 100 } });
    expect(await core.call('documents:open-instructions', {})).toEqual([]);
    expect((await core.call('documents:list', { openOnly: true })).total).toBe(0);
    await core.call('items:update', { id: task.id, fields: { status: 'in_progress' } });
    expect((await core.call('documents:list', { openOnly: true })).rows.map((r) => r.id)).toEqual([doc.id]);
  });

  it('will not drop an instruction that became a task, and changes nothing', async () => {
    const doc = await core.call('documents:get', { id: (await core.call('documents:list', {})).rows[0].id });
    await core.call('instructions:to-task', { instructionId: doc.instructions[0].id, title: '提出汨罗落实方案' });
    const before = dumpTables(core.ctx, DOC_TABLES);
    const keep = doc.instructions.slice(1).map((n) => ({ id: n.id, person: n.person, givenOn: n.givenOn, content: n.content }));
    const r = await core.dispatch('documents:save', { id: doc.id, fields: slipFields(), instructions: keep });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toMatch(/已转为任务「提出汨罗落实方案」，不能删除/);
    expect(dumpTables(core.ctx, DOC_TABLES)).toEqual(before);
  });

  it('attaches a PDF and gives its bytes back; refuses oversize, unknown and disguised files with clear messages', async () => {
    const doc = (await core.call('documents:list', {})).rows[0];
    const file = await core.call('documents:attach', { documentId: doc.id, fileName: '七大攻坚总体方案.pdf', bytes: PDF });
    expect(file).toMatchObject({ fileName: '七大攻坚总体方案.pdf', mime: 'application/pdf', size: PDF.length });
    const back = await core.call('documents:file', { fileId: file.id });
    expect([...back.bytes]).toEqual([...PDF]);
    const before = dumpTables(core.ctx, DOC_TABLES);
    const fail = async (fileName: string, bytes: Uint8Array) => {
      const r = await core.dispatch('documents:attach', { documentId: doc.id, fileName, bytes });
      return r.ok ? '' : r.error.message;
    };
    const big = new Uint8Array(20 * 1024 * 1024 + 1);
    big.set(PDF);
    expect(await fail('扫描件.pdf', big)).toMatch(/附件「扫描件\.pdf」大小为 20\.0 MB，超过 20\.0 MB 的上限/);
    expect(await fail('setup.exe', new Uint8Array([0x4d, 0x5a, 0, 0]))).toMatch(/附件「setup\.exe」的类型（\.exe）不支持.*PDF、OFD/);
    expect(await fail('通知.pdf', new Uint8Array([0x4d, 0x5a, 0, 0]))).toMatch(/扩展名是 \.pdf，但内容不是PDF 文件（看起来是Windows 程序）/);
    expect(await fail('空.docx', new Uint8Array())).toContain('是空文件');
    expect(await fail('说明.txt', new TextEncoder().encode('请各单位于月底前报送。'))).toBe('');
    await core.call('documents:detach', { fileId: (await core.call('documents:get', { id: doc.id })).files[1].id });
    expect(dumpTables(core.ctx, DOC_TABLES)).toEqual(before);
  });

  it('deletes a document but keeps the tasks made from it', async () => {
    const doc = await core.call('documents:get', { id: (await core.call('documents:list', {})).rows[0].id });
    const task = await core.call('instructions:to-task', { instructionId: doc.instructions[0].id, title: '提出汨罗落实方案' });
    expect(await core.call('documents:delete', { id: doc.id })).toEqual({ deleted: 1, tasksKept: 1 });
    expect((await core.call('items:get', { id: task.id })).instructionId).toBeNull();
    expect((await core.call('documents:list', {})).total).toBe(0);
  });
});
