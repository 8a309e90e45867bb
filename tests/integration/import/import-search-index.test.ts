import { describe, expect, it } from 'vitest';
import { deferItemIndexing } from '../../../electron/core/db/search-index';
import { dumpTables, makeCore, type TestCore } from '../helpers';
import { searchIndexDrift } from '../search-index-check';
import { sampleVariant } from './sample-variants';
import { sampleFile } from './stored';

// A batch indexes the items it inserts and the items whose text it revises at its end
// (deferItemIndexing), not through the insert and update triggers: both search indexes must still
// hold exactly what those triggers would have made, after every kind of write.
const EXACT = { missing: [], extra: [] };
const INDEX_TRIGGERS = ['items_chars_ad', 'items_chars_ai', 'items_chars_au', 'items_fts_ad', 'items_fts_ai', 'items_fts_au'];

const triggers = (core: TestCore) =>
  core.ctx.db.prepare("SELECT name FROM sqlite_master WHERE type = 'trigger' AND (name LIKE 'items_fts_%' OR name LIKE 'items_chars_%') ORDER BY name").pluck().all();

/** The sample with every task's title and content revised (the newer version of the whole list). */
const revised = () =>
  sampleVariant((sheets) => {
    for (const rows of Object.values(sheets)) {
      for (const r of rows) {
        if (typeof r[0] !== 'number' || typeof r[1] !== 'string') continue;
        r[1] = `${r[1]}鑫淼`;
        r[2] = `${r[2] ?? ''}按季度报送进展。`;
      }
    }
  });

async function titlesFound(core: TestCore, keyword: string): Promise<string[]> {
  return (await core.call('items:list', { kind: 'task', keyword, limit: 1000 })).rows.map((r) => r.title);
}

describe('search indexes of imported and re-imported items', () => {
  it('hold exactly what the triggers would after an import, a re-import that revises every task, and the undo of each', async () => {
    const core = makeCore();
    const first = await core.call('imports:apply', { files: [sampleFile()] });
    expect(searchIndexDrift(core.ctx.db)).toEqual(EXACT);
    const imported = await titlesFound(core, '消费');
    expect(imported.length).toBeGreaterThan(0);
    expect(await titlesFound(core, '鑫')).toEqual([]);

    const again = await core.call('imports:apply', { files: [{ name: 'province-tasks-A.xlsx', bytes: revised() }] });
    expect(again.counts.changed).toBe(first.counts.new);
    expect(again.counts.new).toBe(0);
    expect(searchIndexDrift(core.ctx.db)).toEqual(EXACT);
    // the revised texts are found by one, two and three or more characters; the old titles no longer
    const revisedTitles = await titlesFound(core, '鑫淼');
    expect(revisedTitles).toHaveLength(first.counts.new);
    expect(await titlesFound(core, '鑫')).toEqual(revisedTitles);
    expect((await titlesFound(core, '按季度报送')).length).toBe(first.counts.new);
    expect((await titlesFound(core, imported[0])).every((t) => t.endsWith('鑫淼'))).toBe(true);
    expect(triggers(core)).toEqual(INDEX_TRIGGERS);

    await core.call('imports:undo', { batchId: again.batchId! });
    expect(searchIndexDrift(core.ctx.db)).toEqual(EXACT);
    expect(await titlesFound(core, '鑫')).toEqual([]);
    expect(await titlesFound(core, '消费')).toEqual(imported);
    await core.call('imports:undo', { batchId: first.batchId! });
    expect(searchIndexDrift(core.ctx.db)).toEqual(EXACT);
    expect(await titlesFound(core, '消费')).toEqual([]);
    expect(triggers(core)).toEqual(INDEX_TRIGGERS);
    core.close();
  });

  it('a re-import that fails half-way writes nothing: items, indexes and triggers stay as they were', async () => {
    const core = makeCore();
    await core.call('imports:apply', { files: [sampleFile()] });
    const before = dumpTables(core.ctx);
    const imported = await titlesFound(core, '消费');
    // the re-import's writes fail after its first few revised items (a trigger in the file, seen by the import worker's connection)
    const logged = core.ctx.db.prepare('SELECT count(*) FROM batch_rows').pluck().get() as number;
    core.ctx.db.exec(`CREATE TRIGGER boom AFTER INSERT ON batch_rows WHEN (SELECT count(*) FROM batch_rows) > ${logged + 5} BEGIN SELECT RAISE(ABORT, 'boom'); END`);
    await expect(core.call('imports:apply', { files: [{ name: 'province-tasks-A.xlsx', bytes: revised() }] }).then(() => 'applied', (e: Error) => e.message)).resolves.toMatch(/boom/);
    core.ctx.db.exec('DROP TRIGGER boom');
    expect(dumpTables(core.ctx)).toEqual(before);
    expect(searchIndexDrift(core.ctx.db)).toEqual(EXACT);
    expect(await titlesFound(core, '消费')).toEqual(imported);
    expect(await titlesFound(core, '鑫')).toEqual([]);
    expect(triggers(core)).toEqual(INDEX_TRIGGERS);
    core.close();
  });

  it('a deferral rolled back on its own connection leaves no trace there: the next one works', async () => {
    const core = makeCore();
    await core.call('imports:apply', { files: [sampleFile()] });
    const db = core.ctx.db;
    const id = db.prepare('SELECT min(id) FROM items').pluck().get() as number;
    expect(() =>
      db.transaction(() => {
        deferItemIndexing(db);
        db.prepare("UPDATE items SET title = '半途失败的修订' WHERE id = ?").run(id);
        throw new Error('中途出错');
      })(),
    ).toThrow('中途出错');
    expect(db.prepare("SELECT count(*) FROM temp.sqlite_master WHERE name LIKE 'qd_reindexed%'").pluck().get()).toBe(0);
    expect(triggers(core)).toEqual(INDEX_TRIGGERS);
    expect(searchIndexDrift(db)).toEqual(EXACT);
    // an update inside the next deferral, then an item inserted and revised in it too
    db.transaction(() => {
      const indexing = deferItemIndexing(db);
      db.prepare("UPDATE items SET title = '鑫淼修订', content = content || '鑫淼' WHERE id = ?").run(id);
      db.prepare("UPDATE items SET title = '鑫淼再修订' WHERE id = ?").run(id);
      const at = '2025-07-15T01:00:00.000Z';
      const added = db.prepare("INSERT INTO items(uid, kind, title, created_at, updated_at) VALUES ('u-new', 'task', '新加的任务', ?, ?)").run(at, at).lastInsertRowid;
      db.prepare("UPDATE items SET title = '新加后改的任务鑫淼' WHERE id = ?").run(added);
      indexing.finish();
    })();
    expect(searchIndexDrift(db)).toEqual(EXACT);
    expect((await titlesFound(core, '鑫淼')).sort()).toEqual(['新加后改的任务鑫淼', '鑫淼再修订']);
    expect(triggers(core)).toEqual(INDEX_TRIGGERS);
    core.close();
  });
});
