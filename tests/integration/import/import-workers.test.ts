import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseSources, type ParseJob, type ParseProgress } from '../../../electron/core/import/parse-sources';
import { createImportWorkers, workerScript } from '../../../electron/core/import/worker/import-workers';
import { dumpTables, makeCore, RESOURCES } from '../helpers';
import { sampleFile, storedDrafts } from './stored';

const job = (): ParseJob => ({ files: [sampleFile()], text: readFileSync(`${RESOURCES}/seed-plan.txt`, 'utf8'), mappingsByLayout: {}, choices: [] });
const applyOptions = { kind: 'task', origin: 'upper', decisions: {}, mappings: [], operator: '测试', at: '2025-07-15T01:00:00.000Z' } as const;

describe('import workers', () => {
  it('a prewarmed worker reads exactly what in-process reading gives, job after job (a fresh worker each)', async () => {
    const workers = createImportWorkers();
    expect(await workers.prewarm()).toBe(true);
    const expected = await parseSources(job());
    expect(await workers.parse(job())).toEqual(expected);
    expect(await workers.parse(job())).toEqual(expected);
    workers.close();
  });

  it('the worker from the source (npm run cli / web under tsx) reads the same as the built one the run uses', async () => {
    const built = process.env.QD_IMPORT_WORKER;
    delete process.env.QD_IMPORT_WORKER;
    const source = workerScript();
    if (built !== undefined) process.env.QD_IMPORT_WORKER = built;
    expect(source?.url.pathname).toMatch(/import-worker\.ts$/);
    const workers = createImportWorkers(source);
    expect(await workers.prewarm()).toBe(true); // the worker started (no in-process fallback)
    expect(await workers.parse(job())).toEqual(await parseSources(job()));
    workers.close();
  });

  it('apply in the worker writes the batch to the database file; the app connection sees it', async () => {
    const core = makeCore();
    const workers = createImportWorkers();
    const res = await workers.apply(job(), { dbPath: core.ctx.paths.dbPath, db: core.ctx.db }, applyOptions);
    expect(res.counts.new).toBeGreaterThan(150);
    expect(await core.call('imports:batches', {})).toMatchObject([{ id: res.batchId, kind: 'import', operator: '测试' }]);
    expect((await core.call('app:info', {})).counts.task).toBe(res.counts.new);
    workers.close();
    core.close();
  });

  it('a worker error reaches the caller as the same Chinese message, and nothing is written', async () => {
    const core = makeCore();
    const workers = createImportWorkers();
    const bad = { ...applyOptions, decisions: { 省发展改革委: 999 } };
    await expect(workers.apply(job(), { dbPath: core.ctx.paths.dbPath, db: core.ctx.db }, bad)).rejects.toThrow('单位「省发展改革委」要对应的单位（编号 999）不存在，请重新选择');
    expect(await core.call('imports:batches', {})).toEqual([]);
    core.close();
  });

  it('when no worker can start, reading and applying run in-process with the same result', async () => {
    const core = makeCore();
    const broken = createImportWorkers({ url: new URL('./no-such-worker.mjs', import.meta.url) });
    expect(await broken.parse(job())).toEqual(await parseSources(job()));
    const res = await broken.apply(job(), { dbPath: core.ctx.paths.dbPath, db: core.ctx.db }, applyOptions);
    expect((await core.call('app:info', {})).counts.task).toBe(res.counts.new);
    core.close();
  });

  it('undo in the worker returns the database file to exactly before; a refused undo says why and changes nothing', async () => {
    const core = makeCore();
    const workers = createImportWorkers();
    const target = { dbPath: core.ctx.paths.dbPath, db: core.ctx.db };
    const before = dumpTables(core.ctx);
    const res = await workers.apply(job(), target, applyOptions);
    const undone = await workers.undo(target, res.batchId!, '2025-07-15T02:00:00.000Z');
    expect(undone).toMatchObject({ id: res.batchId, undoneAt: '2025-07-15T02:00:00.000Z' });
    expect(dumpTables(core.ctx)).toEqual(before);
    await expect(workers.undo(target, res.batchId!, '2025-07-15T03:00:00.000Z')).rejects.toThrow(`导入批次 ${res.batchId}（province-tasks-A.xlsx、粘贴文本）已于 2025-07-15T02:00:00.000Z 撤销`);
    expect(dumpTables(core.ctx)).toEqual(before);
    core.close();
  });

  it('an apply right after the preview of the same files does not read them again, and stores the same items', async () => {
    const [cached, fresh] = [makeCore(), makeCore()];
    const workers = createImportWorkers();
    await workers.parse(job());
    const progress: ParseProgress[] = [];
    const res = await workers.apply(job(), { dbPath: cached.ctx.paths.dbPath, db: cached.ctx.db }, applyOptions, { onProgress: (p) => progress.push(p) });
    expect(progress).toEqual([]);
    const again = await createImportWorkers().apply(job(), { dbPath: fresh.ctx.paths.dbPath, db: fresh.ctx.db }, applyOptions);
    expect(res.counts).toEqual(again.counts);
    expect(storedDrafts(cached.ctx.db)).toEqual(storedDrafts(fresh.ctx.db));
    // Other bytes (or other column choices) are read again.
    const changed = { ...job(), text: `${job().text}\n` };
    await workers.apply(changed, { dbPath: fresh.ctx.paths.dbPath, db: fresh.ctx.db }, applyOptions, { onProgress: (p) => progress.push(p) });
    expect(progress.length).toBeGreaterThan(0);
    cached.close();
    fresh.close();
  });
});
