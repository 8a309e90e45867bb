import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createBatchRecorder } from '../../electron/core/batches/batch-recorder';
import { openBatch, undoBatch } from '../../electron/core/batches/batches';
import { deferItemIndexing } from '../../electron/core/db/search-index';
import { dumpTables, makeCore } from './helpers';
import { SAMPLE_EXPECTED, sampleFile } from './import/stored';

const expected = JSON.parse(readFileSync(SAMPLE_EXPECTED, 'utf8')) as { title: string }[];
const ftsIntact = (core: ReturnType<typeof makeCore>) => core.ctx.db.prepare("INSERT INTO items_fts(items_fts, rank) VALUES ('integrity-check', 1)").run();
const hasTrigger = (core: ReturnType<typeof makeCore>) => core.ctx.db.prepare("SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND name = 'items_fts_ai'").pluck().get();

describe('search index of imported items (indexed once per batch)', () => {
  it('an imported list is found by keyword; after undo it is not; the index matches the items throughout', async () => {
    const core = makeCore();
    const res = await core.call('imports:apply', { files: [sampleFile()] });
    const title = expected[7].title;
    const found = await core.call('items:list', { kind: 'task', keyword: title, limit: 50 });
    expect(found.rows.map((r) => r.title)).toContain(title);
    expect(() => ftsIntact(core)).not.toThrow();
    expect(hasTrigger(core)).toBe(1);
    await core.call('imports:undo', { batchId: res.batchId! });
    expect((await core.call('items:list', { kind: 'task', keyword: title, limit: 50 })).rows).toEqual([]);
    expect(() => ftsIntact(core)).not.toThrow();
    core.close();
  });

  it('after an import, an item typed in by hand is indexed again row by row', async () => {
    const core = makeCore();
    await core.call('imports:apply', { files: [sampleFile()] });
    await core.call('items:create', { kind: 'task', title: '手工录入的测试任务甲乙丙' });
    expect((await core.call('items:list', { kind: 'task', keyword: '测试任务甲乙', limit: 10 })).rows.map((r) => r.title)).toEqual(['手工录入的测试任务甲乙丙']);
    core.close();
  });

  it('a write that fails after deferring rolls back with the trigger in place and nothing indexed', () => {
    const core = makeCore();
    const before = dumpTables(core.ctx);
    const at = '2025-07-15T01:00:00.000Z';
    expect(() =>
      core.ctx.db.transaction(() => {
        deferItemIndexing(core.ctx.db);
        core.ctx.db.prepare("INSERT INTO items(uid, kind, title, created_at, updated_at) VALUES ('u-1', 'task', '半途失败的导入', ?, ?)").run(at, at);
        throw new Error('中途出错');
      })(),
    ).toThrow('中途出错');
    expect(hasTrigger(core)).toBe(1);
    expect(dumpTables(core.ctx)).toEqual(before);
    expect(() => ftsIntact(core)).not.toThrow();
    core.close();
  });

  it('undo of a batch that created an item and then changed it removes it and its index entries exactly', async () => {
    const core = makeCore();
    await core.call('imports:apply', { files: [sampleFile()] });
    const before = dumpTables(core.ctx);
    const db = core.ctx.db;
    const at = '2025-07-15T01:00:00.000Z';
    const batchId = db.transaction(() => {
      const id = openBatch(db, { kind: 'import', fileName: '手工.xlsx', fileHash: 'h', operator: '测试', at });
      const rec = createBatchRecorder(db, id);
      const item = rec.insert('items', { uid: 'u-x', kind: 'task', title: '先建后改的任务甲', content: '初稿内容', created_at: at, updated_at: at });
      rec.update('items', { id: item }, { title: '先建后改的任务乙', content: '改过的内容' });
      return id;
    })();
    expect((await core.call('items:list', { kind: 'task', keyword: '先建后改', limit: 5 })).rows.map((r) => r.title)).toEqual(['先建后改的任务乙']);
    undoBatch(db, batchId, at);
    expect((await core.call('items:list', { kind: 'task', keyword: '先建后改', limit: 5 })).rows).toEqual([]);
    expect(dumpTables(core.ctx)).toEqual(before);
    expect(() => ftsIntact(core)).not.toThrow();
    expect(core.ctx.db.prepare("SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND name = 'items_fts_ad'").pluck().get()).toBe(1);
    core.close();
  });
});
