import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { listBatches, undoBatch } from '../../electron/core/batches/batches';
import { applyImport } from '../../electron/core/import/import-apply';
import { previewImport } from '../../electron/core/import/import-preview';
import { seedImportSet } from '../../electron/core/services/demo-data';
import { dumpTables, makeCore, RESOURCES } from './helpers';

const seedText = readFileSync(join(RESOURCES, 'seed-plan.txt'), 'utf8');
const opts = { operator: '测试', at: '2025-07-15T01:00:00.000Z' };

describe('import batches', () => {
  it('imports the seed once: a second import of the same text changes nothing', () => {
    const core = makeCore();
    const db = core.ctx.db;
    const first = applyImport(db, seedImportSet(seedText), opts);
    expect(first.counts).toMatchObject({ new: 150, changed: 0, plans: 8 });
    const after = dumpTables(core.ctx);
    const preview = previewImport(db, seedImportSet(seedText));
    expect(preview.counts).toEqual({ new: 0, changed: 0, unchanged: 150, duplicate: 0 });
    expect(preview.alreadyImported?.batchId).toBe(first.batchId);
    expect(applyImport(db, seedImportSet(seedText), opts).batchId).toBeNull();
    expect(dumpTables(core.ctx)).toEqual(after);
    core.close();
  });

  it('a newer version updates changed items, adds new ones, and undo returns exactly to before', () => {
    const core = makeCore();
    const db = core.ctx.db;
    applyImport(db, seedImportSet(seedText), opts);
    const before = dumpTables(core.ctx);
    const v2 = seedImportSet(seedText);
    v2.hash = 'v2';
    v2.items = v2.items.map((d, n) => (n === 0 ? { ...d, content: `${d.content}（修订）`, coop: [...d.coop, '省统计局'] } : d));
    v2.items.push({ ...v2.items[1], no: '99', title: '新增任务', content: '新增任务。新增内容。', lead: ['汨罗市新设单位'] });
    const preview = previewImport(db, v2);
    expect(preview.counts).toEqual({ new: 1, changed: 1, unchanged: 149, duplicate: 0 });
    expect(preview.rows[0].changes.map((c) => c.label)).toEqual(['内容', '配合单位']);
    expect(preview.unknownUnits.map((u) => u.name)).toEqual(['汨罗市新设单位']);
    const res = applyImport(db, v2, opts);
    expect(res.counts).toMatchObject({ new: 1, changed: 1, units: 1 });
    expect(dumpTables(core.ctx)).not.toEqual(before);
    undoBatch(db, res.batchId!, opts.at);
    expect(dumpTables(core.ctx)).toEqual(before);
    expect(listBatches(db)[0].undoneAt).toBe(opts.at);
    core.close();
  });

  it('undo of the seed batch empties the database again; undo refuses when a row changed since', async () => {
    const core = makeCore();
    const empty = dumpTables(core.ctx);
    const res = applyImport(core.ctx.db, seedImportSet(seedText), opts);
    undoBatch(core.ctx.db, res.batchId!, opts.at);
    expect(dumpTables(core.ctx)).toEqual(empty);
    const again = applyImport(core.ctx.db, { ...seedImportSet(seedText), hash: 'again' }, opts);
    core.close();
    // The user edits one imported item a minute later, then tries to undo the import.
    const later = makeCore({ dir: core.dir, now: new Date(Date.parse(opts.at) + 60_000) });
    await later.call('items:update', { id: (await later.call('items:list', { kind: 'task', limit: 1 })).rows[0].id, fields: { progress: 10 } });
    const snapshot = dumpTables(later.ctx);
    expect(() => undoBatch(later.ctx.db, again.batchId!, opts.at)).toThrow(/又被修改过/);
    expect(dumpTables(later.ctx)).toEqual(snapshot);
    later.close();
  });
});
