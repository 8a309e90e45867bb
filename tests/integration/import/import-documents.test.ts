import { describe, expect, it } from 'vitest';
import { NO_TEXT_LAYER } from '../../../electron/core/documents-in/pdf-reader';
import { fixtureBytes, type FixtureName } from '../../fixtures/documents/make-fixtures';
import { docxZipBomb, manyPagePdf, scannedPdf } from '../../fixtures/documents/hostile-documents';
import { encryptedOle } from '../../fixtures/foreign/hostile-fixtures';
import { dumpTables, makeCore } from '../helpers';
import { sampleFile } from './stored';

const file = (name: FixtureName, as: string = name) => ({ name: as, bytes: fixtureBytes(name) });
const TABLES = ['units', 'plans', 'sections', 'items', 'item_units', 'documents', 'instructions', 'import_batches'];

describe('documents through the import pipeline: the same preview, one batch, undo', () => {
  it('a .docx and a PDF preview their tasks, apply as one batch each, and the PDF of the same list changes nothing more', async () => {
    const core = makeCore();
    const preview = await core.call('imports:preview', { files: [file('tasks-merged.docx', '任务清单.docx')] });
    expect(preview.errors).toBe(0);
    expect(preview.counts).toEqual({ new: 12, changed: 0, unchanged: 0, duplicate: 0 });
    const sheet = preview.files[0].sheets[0];
    expect(sheet.columns.map((c) => [c.header, c.field])).toEqual([
      ['序号', 'code'], ['重点任务', 'title'], ['具体内容', 'content'], ['牵头单位', 'lead'], ['责任单位', 'resp'], ['完成时限', 'deadline'],
    ]);
    expect(sheet.plans.map((p) => p.title)).toEqual(['2025年扩大有效投资实施方案']);

    const applied = await core.call('imports:apply', { files: [file('tasks-merged.docx', '任务清单.docx')] });
    expect(applied.counts).toMatchObject({ new: 12 });
    const listed = await core.call('items:list', { kind: 'task' });
    expect(listed.total).toBe(12);
    // The same list as a PDF: recognised item by item, nothing new.
    const again = await core.call('imports:preview', { files: [file('tasks.pdf', '任务清单.pdf')] });
    expect(again.counts).toEqual({ new: 0, changed: 0, unchanged: 12, duplicate: 0 });

    const [batch] = await core.call('imports:batches', {});
    expect(batch.fileName).toBe('任务清单.docx');
    await core.call('imports:undo', { batchId: batch.id });
    expect((await core.call('items:list', { kind: 'task' })).total).toBe(0);
    core.close();
  });

  it('the seed as .docx: its 150 tasks, and its 文件处理单 as 来文 with the leader instruction; undo removes both', async () => {
    const core = makeCore();
    const before = dumpTables(core.ctx, TABLES);
    const res = await core.call('imports:apply', { files: [file('seed-plan.docx', '湘政办发〔2025〕2号.docx')] });
    expect(res.counts).toMatchObject({ new: 150, plans: 8 });
    const docs = await core.call('documents:list', {});
    expect(docs.rows).toHaveLength(1);
    expect(docs.rows[0]).toMatchObject({ docNo: '湘政办发〔2025〕2号', receiptNo: '000993' });
    const doc = await core.call('documents:get', { id: docs.rows[0].id });
    expect(doc.instructions[0].content).toContain('结合岳阳方案和汨罗实际，提出汨罗落实方案');

    const [batch] = await core.call('imports:batches', {});
    await core.call('imports:undo', { batchId: batch.id });
    const after = dumpTables(core.ctx, TABLES);
    expect({ ...after, import_batches: [] }).toEqual({ ...before, import_batches: [] });
    core.close();
  });
});

const HOSTILE: { what: string; name: string; bytes: () => Uint8Array; says: string | RegExp }[] = [
  { what: 'an encrypted .docx', name: '加密方案.docx', bytes: encryptedOle, says: /设置了打开密码.*Word/ },
  { what: 'a scanned PDF', name: '扫描件.pdf', bytes: scannedPdf, says: `文件「扫描件.pdf」：${NO_TEXT_LAYER}` },
  { what: 'a .docx zip bomb', name: '炸弹.docx', bytes: () => docxZipBomb(300 * 1024 * 1024), says: /解压后有.*恶意构造/ },
  { what: 'a 2,000-page PDF', name: '两千页.pdf', bytes: () => manyPagePdf(2000), says: /有 2,000 页，超过 500 页的导入上限/ },
];

describe('bad documents: a clear message naming the file, nothing written', () => {
  for (const h of HOSTILE) {
    it(h.what, async () => {
      const core = makeCore();
      await core.call('demo:load', {});
      const before = dumpTables(core.ctx, TABLES);
      const bad = { name: h.name, bytes: new Uint8Array(h.bytes()) };
      const preview = await core.call('imports:preview', { files: [bad] });
      expect(preview.errors).toBe(1);
      expect(preview.files[0].error).toContain(`文件「${h.name}」`);
      if (typeof h.says === 'string') expect(preview.files[0].error).toBe(h.says);
      else expect(preview.files[0].error).toMatch(h.says);
      const withGood = await core.dispatch('imports:apply', { files: [sampleFile(), bad] });
      expect(withGood.ok).toBe(false);
      if (!withGood.ok) expect(withGood.error.message).toContain(`文件「${h.name}」`);
      expect(dumpTables(core.ctx, TABLES)).toEqual(before);
      core.close();
    });
  }
});
